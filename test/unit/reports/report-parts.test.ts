import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { monthEndsUpTo } from '../../../electron/services/reports/as-at.ts';
import { columnsOverTimeSvg, horizontalBarsSvg, inkOn, niceStep, svgToPng, wrapText } from '../../../electron/services/reports/charts.ts';
import { durationWords, shortText } from '../../../electron/services/reports/countywide-docx.ts';
import { parseDateInput } from '../../../electron/services/reports/report-common.ts';

// The pieces the reports are made of: dates typed on the command line, the
// days a chart over time counts at, and charts whose words really render.

describe('parseDateInput', () => {
  it('reads yyyy-mm-dd and dd/mm/yyyy (with or without leading zeros), and refuses anything else', () => {
    expect(parseDateInput('2026-11-21')).toBe('2026-11-21');
    expect(parseDateInput('21/11/2026')).toBe('2026-11-21');
    expect(parseDateInput(' 1/4/2025 ')).toBe('2025-04-01');
    expect(parseDateInput('31/02/2026')).toBeNull();
    expect(parseDateInput('2026-13-01')).toBeNull();
    expect(parseDateInput('11/21/2026')).toBeNull();
    expect(parseDateInput('yesterday')).toBeNull();
  });
});

describe('monthEndsUpTo', () => {
  it('gives the last 24 month ends and then the day itself', () => {
    const days = monthEndsUpTo('2026-11-21');
    expect(days).toHaveLength(25);
    expect(days[0]).toBe('2024-11-30');
    expect(days[1]).toBe('2024-12-31');
    expect(days).toContain('2025-02-28');
    expect(days.at(-2)).toBe('2026-10-31');
    expect(days.at(-1)).toBe('2026-11-21');
  });

  it('ends on the day when it is a month end, with 24 points', () => {
    const days = monthEndsUpTo('2024-02-29');
    expect(days).toHaveLength(24);
    expect(days.at(-1)).toBe('2024-02-29');
    expect(days[0]).toBe('2022-03-31');
  });
});

describe('chart helpers', () => {
  it('pick black or white text for whichever reads better on a colour', () => {
    expect(inkOn('#1565c0')).toBe('#ffffff');
    expect(inkOn('#ffd966')).toBe('#000000');
  });

  it('step the axis in 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(7)).toBe(2);
    expect(niceStep(32)).toBe(10);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(120)).toBe(20);
  });

  it('wrap long labels into at most two lines, ending cut ones with an ellipsis', () => {
    expect(wrapText('Identification and understanding of domestic violence', 12, 200)).toEqual(['Identification and understanding of', 'domestic violence']);
    const cut = wrapText('one two three four five six seven eight nine ten eleven twelve', 12, 80, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });

  it('words durations and shortens long text at a word', () => {
    expect(durationWords(45)).toBe('45 days');
    expect(durationWords(200)).toBe('6 months');
    expect(durationWords(800)).toBe('2 years 2 months');
    expect(durationWords(null)).toBe('Not known');
    const long = 'word '.repeat(100);
    expect(shortText(long, 50).length).toBeLessThanOrEqual(51);
    expect(shortText(long, 50).endsWith('…')).toBe(true);
    expect(shortText('short', 50)).toBe('short');
  });
});

describe('charts as PNG', () => {
  const series = [
    { label: 'On track', colour: '#2e7d32' },
    { label: 'Blocked', colour: '#c62828' },
  ];

  it('draw their words with an installed font: labels make the picture darker than the bars alone', () => {
    const withWords = horizontalBarsSvg({ categories: [{ label: 'DHR-FL-2016-01', values: [3, 1] }], series, mode: 'stacked', axisLabel: 'Recommendations' });
    // The same chart with every piece of text made invisible.
    const withoutWords = { ...withWords, svg: withWords.svg.replace(/<text /g, '<text visibility="hidden" ') };
    const pixels = (svg: string) => {
      // RGBA; read once (each read of .pixels copies them).
      const rgba = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' } }).render().pixels;
      let dark = 0;
      for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 128 && rgba[i + 1]! < 128 && rgba[i + 2]! < 128) dark++;
      return dark;
    };
    expect(pixels(withWords.svg) - pixels(withoutWords.svg)).toBeGreaterThan(500);
    const png = svgToPng(withWords);
    expect(png.png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.width).toBe(640);
  });

  it('draw a column for each day of a chart over time, with its label', () => {
    const chart = columnsOverTimeSvg({ columns: monthEndsUpTo('2026-11-21').map((d) => ({ label: d, values: [1, 2] })), series, axisLabel: 'Applicable recommendations' });
    expect(chart.svg.match(/<rect [^>]*fill="#2e7d32"/g)).toHaveLength(25 + 1);
    expect(chart.svg).toContain('2026-11-21');
    expect(chart.height).toBeGreaterThan(280);
  });
});
