import { Axis } from './Axis.tsx';
import { CHART, countOf, fitLabel, niceScale } from './chart-scale.ts';
import './charts.css';

export interface BarChartProps {
  /** What the chart shows, such as "Reviews by stage": it starts the text alternative */
  title: string;
  bars: ReadonlyArray<{ label: string; value: number }>;
  /** The unit counted, singular and plural, such as ['review', 'reviews'] */
  unit: readonly [string, string];
  /** The bars' colour: one series, so the colour carries no meaning */
  colour?: string;
  /** Where the figures are as a table, such as "The figures are in the table below." */
  figuresNote?: string;
  /** The drawing's width in its own units: narrower for a chart in a narrow column, so its words stay readable */
  width?: number;
}

/** The text alternative: every bar's label and value, in order. */
export function barChartSummary({ title, bars, unit }: Pick<BarChartProps, 'title' | 'bars' | 'unit'>): string {
  const total = bars.reduce((n, b) => n + b.value, 0);
  return `Bar chart: ${title}, ${countOf(total, unit)} in all. ${bars.map((b) => `${b.label}: ${b.value.toLocaleString('en-GB')}.`).join(' ')}`;
}

/**
 * A horizontal bar chart drawn as inline SVG, each bar labelled above it and
 * its value at its end. Screen readers get one image whose name lists every
 * figure; the same figures should also be on the page as a table.
 */
export function BarChart({ title, bars, unit, colour = '#1d3d6b', figuresNote, width: drawingWidth = CHART.width }: BarChartProps) {
  const { top, step } = niceScale(Math.max(0, ...bars.map((b) => b.value)));
  const plotWidth = drawingWidth - CHART.left - CHART.right;
  const height = CHART.top + bars.length * CHART.rowHeight + CHART.axisHeight;
  return (
    <figure className="chart">
      <figcaption className="chart__caption">
        {title}
        {figuresNote ? <span className="chart__note"> {figuresNote}</span> : null}
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${drawingWidth} ${height}`} role="img" aria-label={barChartSummary({ title, bars, unit })} focusable="false">
        <Axis top={top} step={step} plotWidth={plotWidth} height={height} />
        {bars.map((b, i) => {
          const y = CHART.top + i * CHART.rowHeight;
          const width = (b.value / top) * plotWidth;
          return (
            <g key={b.label}>
              <text x={CHART.left} y={y + CHART.labelBaseline} fontSize={14} fill={CHART.text}>
                {fitLabel(b.label)}
              </text>
              {b.value > 0 ? <rect x={CHART.left} y={y + CHART.barOffset} width={Math.max(width, 2)} height={CHART.barHeight} fill={colour} /> : null}
              <text x={CHART.left + width + 6} y={y + CHART.barOffset + 15} fontSize={14} fontWeight={700} fill={CHART.text}>
                {b.value.toLocaleString('en-GB')}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
