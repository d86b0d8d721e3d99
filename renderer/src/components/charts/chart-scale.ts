// Shared arithmetic and wording for the inline SVG charts.

/**
 * A round top for an axis, at or above max, and the step between gridlines:
 * the smallest whole step of 1, 2, 2.5 or 5 times a power of ten that covers
 * max in at most ticks + 1 steps.
 */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  for (let power = 1; ; power *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * power;
      if (!Number.isInteger(step)) continue;
      const steps = Math.ceil(max / step);
      if (steps <= ticks + 1) return { top: steps * step, step };
    }
  }
}

/** "1 review", "3 reviews" */
export function countOf(n: number, [one, many]: readonly [string, string]): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** Long labels are cut to fit beside the bar; the full words are in the chart's table. */
export function fitLabel(label: string, max = 60): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Geometry shared by the bar charts: each bar has its label on a line above it. */
export const CHART = {
  width: 800,
  left: 8,
  right: 56,
  top: 8,
  rowHeight: 48,
  labelBaseline: 16,
  barOffset: 22,
  barHeight: 20,
  axisHeight: 28,
  text: '#1b1b1b',
  muted: '#4a4a4a',
  grid: '#b1b4b6',
} as const;
