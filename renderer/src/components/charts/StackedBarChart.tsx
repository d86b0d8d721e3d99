import { StatusSwatch } from '../StatusBadge.tsx';
import { Axis } from './Axis.tsx';
import { CHART, countOf, fitLabel, niceScale } from './chart-scale.ts';
import './charts.css';

export interface Series {
  key: string;
  /** The series in words, as the legend and the text alternative name it */
  label: string;
  /** Its colour's name, such as GREEN, shown in the legend beside the words */
  colourName?: string;
  colour: string;
}

export interface StackedBarChartProps {
  /** What the chart shows: it starts the text alternative */
  title: string;
  series: readonly Series[];
  bars: ReadonlyArray<{ label: string; values: Readonly<Record<string, number>> }>;
  /** The unit counted, singular and plural, such as ['recommendation', 'recommendations'] */
  unit: readonly [string, string];
  /** Where the figures are as a table */
  figuresNote?: string;
}

/** The text alternative: each bar's total and its non-zero parts in words. */
export function stackedBarChartSummary({ title, series, bars, unit }: Pick<StackedBarChartProps, 'title' | 'series' | 'bars' | 'unit'>): string {
  const parts = bars.map((b) => {
    const total = series.reduce((n, s) => n + (b.values[s.key] ?? 0), 0);
    const nonZero = series.filter((s) => (b.values[s.key] ?? 0) > 0).map((s) => `${s.label} ${b.values[s.key]!.toLocaleString('en-GB')}`);
    return `${b.label}: ${countOf(total, unit)}${nonZero.length ? ` (${nonZero.join(', ')})` : ''}.`;
  });
  return `Stacked bar chart: ${title}. ${parts.join(' ')}`;
}

/**
 * Horizontal stacked bars as inline SVG: one bar per item, split into its
 * series. Colour is never the only key: the legend names each colour in
 * words, segments are separated by white gaps, and the text alternative
 * gives every figure.
 */
export function StackedBarChart({ title, series, bars, unit, figuresNote }: StackedBarChartProps) {
  const totals = bars.map((b) => series.reduce((n, s) => n + (b.values[s.key] ?? 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const height = CHART.top + bars.length * CHART.rowHeight + CHART.axisHeight;
  return (
    <figure className="chart">
      <figcaption className="chart__caption">
        {title}
        {figuresNote ? <span className="chart__note"> {figuresNote}</span> : null}
      </figcaption>
      <ul className="chart__legend" aria-label={`Key to ${title.charAt(0).toLowerCase()}${title.slice(1)}`}>
        {series.map((s) => (
          <li key={s.key} className="status">
            <StatusSwatch colour={s.colour} />
            {s.label}
            {s.colourName ? <span className="status__colour"> ({s.colourName})</span> : null}
          </li>
        ))}
      </ul>
      <svg className="chart__svg" viewBox={`0 0 ${CHART.width} ${height}`} role="img" aria-label={stackedBarChartSummary({ title, series, bars, unit })} focusable="false">
        <Axis top={top} step={step} plotWidth={plotWidth} height={height} />
        {bars.map((b, i) => {
          const y = CHART.top + i * CHART.rowHeight;
          let x = CHART.left;
          const segments = series.flatMap((s) => {
            const n = b.values[s.key] ?? 0;
            if (n <= 0) return [];
            const width = (n / top) * plotWidth;
            const segment = <rect key={s.key} x={x} y={y + CHART.barOffset} width={width} height={CHART.barHeight} fill={s.colour} stroke="#ffffff" strokeWidth={1.5} />;
            x += width;
            return [segment];
          });
          return (
            <g key={b.label}>
              <text x={CHART.left} y={y + CHART.labelBaseline} fontSize={14} fill={CHART.text}>
                {fitLabel(b.label)}
              </text>
              {segments}
              <text x={x + 6} y={y + CHART.barOffset + 15} fontSize={14} fontWeight={700} fill={CHART.text}>
                {totals[i]!.toLocaleString('en-GB')}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
