import { Resvg } from '@resvg/resvg-js';
import { contrastRatio } from '../../../shared/domain/colour-contrast.ts';

// Charts for the Word reports, drawn as SVG here and turned into PNG
// pictures by resvg (Word cannot be relied on to draw SVG, LibreOffice and
// older Word need a PNG). Sizes are in CSS pixels of the picture as placed
// in the document (96 to the inch), so 12 px text prints at 9 pt; the PNG
// is rendered at three times that for print.
//
// Each chart has its words inside it (axis, legend, the number in each
// bar) and, in the document, alt text that says what it shows.

/** Fonts, best first: Arial where Word runs, Liberation Sans (Arial's metrics) and DejaVu Sans on Linux. */
const FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const DEFAULT_FONT = 'Liberation Sans';
const TEXT = '#1a1a1a';
const MUTED = '#4d4d4d';
const GRID = '#d0d0d0';
const AXIS = '#7f7f7f';
/** How much sharper than placed the PNG is drawn */
const RESOLUTION = 3;

export interface Series {
  label: string;
  /** #rrggbb */
  colour: string;
}

export interface ChartPicture {
  png: Buffer;
  /** As placed in the document, in CSS pixels */
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Roughly how wide text is in Arial: good enough to lay labels out, never to clip them (they are given room to spare). */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    if ('il.,:;|!\'’ '.includes(ch)) units += 0.28;
    else if ('fjrt()-[]/'.includes(ch)) units += 0.36;
    else if ('mwMW@%'.includes(ch)) units += 0.86;
    else if (ch >= 'A' && ch <= 'Z') units += 0.68;
    else if (ch >= '0' && ch <= '9') units += 0.56;
    else units += 0.53;
  }
  return units * size;
}

/** Words wrapped into lines no wider than `width`, at most `maxLines` (the last ending "…" if cut short). */
export function wrapText(text: string, size: number, width: number, maxLines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`, size) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Black or white, whichever reads better on the colour. */
export function inkOn(colour: string): string {
  return contrastRatio(colour, '#ffffff') >= contrastRatio(colour, '#000000') ? '#ffffff' : '#000000';
}

/** A step of 1, 2 or 5 times a power of ten giving at most `maxTicks` intervals up to `max`. */
export function niceStep(max: number, maxTicks = 6): number {
  if (max <= 0) return 1;
  const raw = max / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}

function text(x: number, y: number, content: string, options: { size?: number; anchor?: 'start' | 'middle' | 'end'; fill?: string; weight?: 'bold' | 'normal'; baseline?: 'middle' | 'auto' } = {}): string {
  const size = options.size ?? 12;
  // resvg places a "middle" baseline well; the dy keeps older renderers close too.
  const dy = options.baseline === 'middle' ? ' dy="0.35em"' : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${dy} font-size="${size}" text-anchor="${options.anchor ?? 'start'}" fill="${options.fill ?? TEXT}"${options.weight === 'bold' ? ' font-weight="bold"' : ''}>${escapeXml(content)}</text>`;
}

/** Legend rows: a swatch and its words for each series, wrapped to the width. Returns the SVG and its height. */
function legend(series: readonly Series[], x: number, y: number, width: number, totals?: readonly number[]): { svg: string; height: number } {
  const size = 12;
  const rowHeight = 20;
  const parts: string[] = [];
  let cx = x;
  let cy = y;
  series.forEach((s, i) => {
    const label = totals ? `${s.label} (${totals[i]})` : s.label;
    const itemWidth = 14 + 6 + textWidth(label, size) + 18;
    if (cx > x && cx + itemWidth > x + width) {
      cx = x;
      cy += rowHeight;
    }
    parts.push(`<rect x="${cx}" y="${cy}" width="14" height="14" fill="${s.colour}" stroke="${AXIS}" stroke-width="0.5"/>`);
    parts.push(text(cx + 20, cy + 7, label, { size, baseline: 'middle' }));
    cx += itemWidth;
  });
  return { svg: parts.join(''), height: cy - y + rowHeight };
}

function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

export interface BarCategory {
  label: string;
  /** One value per series */
  values: readonly number[];
}

/**
 * Horizontal bars, one per category, each split into its series (stacked)
 * or with a bar per series (grouped). The category's words sit to the left,
 * wrapped to two lines; each piece of a bar carries its number when there
 * is room, and a stacked bar's total follows it.
 */
export function horizontalBarsSvg(options: {
  categories: readonly BarCategory[];
  series: readonly Series[];
  mode: 'stacked' | 'grouped';
  axisLabel: string;
  width?: number;
}): { svg: string; width: number; height: number } {
  const width = options.width ?? 640;
  const size = 12;
  const { categories, series, mode } = options;
  const labelWidth = Math.min(220, Math.max(60, ...categories.map((c) => Math.min(220, textWidth(c.label, size) + 8))));
  const left = 8 + labelWidth + 8;
  const right = 40;
  const plotWidth = width - left - right;
  const totals = series.map((_, i) => categories.reduce((n, c) => n + (c.values[i] ?? 0), 0));
  const legendPart = legend(series, 8, 8, width - 16, mode === 'stacked' ? totals : undefined);
  const top = 8 + legendPart.height + 10;
  const barHeight = mode === 'stacked' ? 18 : 12;
  const rowHeight = mode === 'stacked' ? 30 : series.length * barHeight + 14;
  const max = Math.max(1, ...categories.map((c) => (mode === 'stacked' ? c.values.reduce((a, b) => a + b, 0) : Math.max(0, ...c.values))));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const scale = plotWidth / axisMax;
  const plotHeight = Math.max(1, categories.length) * rowHeight;
  const parts: string[] = [legendPart.svg];

  // Grid and axis
  for (let v = 0; v <= axisMax; v += step) {
    const x = left + v * scale;
    parts.push(`<line x1="${x.toFixed(1)}" y1="${top}" x2="${x.toFixed(1)}" y2="${top + plotHeight}" stroke="${v === 0 ? AXIS : GRID}" stroke-width="${v === 0 ? 1 : 0.75}"/>`);
    parts.push(text(x, top + plotHeight + 16, String(v), { size: 11, anchor: 'middle', fill: MUTED }));
  }
  parts.push(text(left + plotWidth / 2, top + plotHeight + 34, options.axisLabel, { size: 12, anchor: 'middle', fill: MUTED }));

  categories.forEach((category, row) => {
    const y0 = top + row * rowHeight;
    const lines = wrapText(category.label, size, labelWidth, 2);
    const midY = y0 + rowHeight / 2;
    lines.forEach((line, i) => parts.push(text(left - 8, midY + (i - (lines.length - 1) / 2) * 14, line, { size, anchor: 'end', baseline: 'middle' })));
    if (mode === 'stacked') {
      let x = left;
      const y = midY - barHeight / 2;
      category.values.forEach((value, i) => {
        if (value <= 0) return;
        const w = value * scale;
        const colour = series[i]!.colour;
        parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight}" fill="${colour}" stroke="#ffffff" stroke-width="0.75"/>`);
        if (w >= textWidth(String(value), 11) + 6) parts.push(text(x + w / 2, midY, String(value), { size: 11, anchor: 'middle', fill: inkOn(colour), weight: 'bold', baseline: 'middle' }));
        x += w;
      });
      const total = category.values.reduce((a, b) => a + b, 0);
      parts.push(text(x + 5, midY, String(total), { size: 11, fill: MUTED, baseline: 'middle' }));
    } else {
      const start = midY - (series.length * barHeight) / 2;
      category.values.forEach((value, i) => {
        const y = start + i * barHeight;
        const w = value * scale;
        if (w > 0) parts.push(`<rect x="${left}" y="${(y + 1).toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight - 2}" fill="${series[i]!.colour}"/>`);
        parts.push(text(left + w + 4, y + barHeight / 2, String(value), { size: 10, fill: MUTED, baseline: 'middle' }));
      });
    }
  });
  if (!categories.length) parts.push(text(left + plotWidth / 2, top + plotHeight / 2, 'Nothing to show', { anchor: 'middle', fill: MUTED, baseline: 'middle' }));
  const height = Math.ceil(top + plotHeight + 44);
  return { svg: svgDocument(width, height, parts.join('')), width, height };
}

/**
 * Vertical stacked columns along a time axis: one column per date, split
 * by series, each labelled (turned to read up to the right, so 25 of them
 * fit) with its date.
 */
export function columnsOverTimeSvg(options: {
  columns: ReadonlyArray<{ label: string; values: readonly number[] }>;
  series: readonly Series[];
  axisLabel: string;
  width?: number;
}): { svg: string; width: number; height: number } {
  const width = options.width ?? 640;
  const { columns, series } = options;
  const legendPart = legend(series, 8, 8, width - 16);
  const top = 8 + legendPart.height + 14;
  const plotHeight = 230;
  const left = 56;
  const right = 12;
  const plotWidth = width - left - right;
  const max = Math.max(1, ...columns.map((c) => c.values.reduce((a, b) => a + b, 0)));
  const step = niceStep(max, 5);
  const axisMax = Math.ceil(max / step) * step;
  const scale = plotHeight / axisMax;
  const slot = plotWidth / Math.max(1, columns.length);
  const barWidth = Math.max(4, slot * 0.72);
  const base = top + plotHeight;
  const parts: string[] = [legendPart.svg];
  for (let v = 0; v <= axisMax; v += step) {
    const y = base - v * scale;
    parts.push(`<line x1="${left}" y1="${y.toFixed(1)}" x2="${left + plotWidth}" y2="${y.toFixed(1)}" stroke="${v === 0 ? AXIS : GRID}" stroke-width="${v === 0 ? 1 : 0.75}"/>`);
    parts.push(text(left - 6, y, String(v), { size: 11, anchor: 'end', fill: MUTED, baseline: 'middle' }));
  }
  // The axis's words, turned to read up the side.
  parts.push(`<text transform="translate(14 ${(top + plotHeight / 2).toFixed(1)}) rotate(-90)" font-size="12" text-anchor="middle" fill="${MUTED}">${escapeXml(options.axisLabel)}</text>`);
  columns.forEach((column, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let y = base;
    column.values.forEach((value, k) => {
      if (value <= 0) return;
      const h = value * scale;
      y -= h;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${series[k]!.colour}" stroke="#ffffff" stroke-width="0.5"/>`);
    });
    const cx = x + barWidth / 2;
    parts.push(`<text transform="translate(${(cx + 3).toFixed(1)} ${base + 8}) rotate(-50)" font-size="10" text-anchor="end" fill="${MUTED}">${escapeXml(column.label)}</text>`);
  });
  const longest = Math.max(0, ...columns.map((c) => textWidth(c.label, 10)));
  const height = Math.ceil(base + 14 + longest * Math.sin((50 * Math.PI) / 180));
  return { svg: svgDocument(width, height, parts.join('')), width, height };
}

/** The SVG drawn as a PNG, with the system's fonts (Arial, Liberation Sans or DejaVu Sans). */
export function svgToPng(chart: { svg: string; width: number; height: number }): ChartPicture {
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'width', value: chart.width * RESOLUTION },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: DEFAULT_FONT, sansSerifFamily: DEFAULT_FONT },
  });
  return { png: resvg.render().asPng(), width: chart.width, height: chart.height };
}
