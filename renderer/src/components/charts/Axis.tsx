import { CHART } from './chart-scale.ts';

/** Vertical gridlines with their values along the bottom. Decorative: the chart's text alternative carries the figures. */
export function Axis({ top, step, plotWidth, height }: { top: number; step: number; plotWidth: number; height: number }) {
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return (
    <g>
      {ticks.map((v) => {
        const x = CHART.left + (v / top) * plotWidth;
        return (
          <g key={v}>
            <line x1={x} x2={x} y1={CHART.top} y2={height - CHART.axisHeight + 4} stroke={CHART.grid} strokeWidth={1} />
            <text x={x} y={height - 8} fontSize={13} textAnchor="middle" fill={CHART.muted}>
              {v.toLocaleString('en-GB')}
            </text>
          </g>
        );
      })}
    </g>
  );
}
