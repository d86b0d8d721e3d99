import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countywideDocx, drawCountywideCharts } from '../../../electron/services/reports/countywide-docx.ts';
import { loadCountywide, type CountywideData } from '../../../electron/services/reports/countywide-data.ts';
import { FULL_MATRIX_LIMIT, districtGroups, matrixForm, reviewCellLines, reviewMatrix } from '../../../electron/services/reports/countywide-matrix.ts';
import { addDays, addMonths } from '../../../shared/domain/dates.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { pdfPageSizes, pdfPages, readDocx, renderPdf, squash, tableRows } from '../../support/docx.ts';
import { tempDir } from '../../support/temp.ts';
import { TEST_TODAY } from '../../support/clock.ts';

// The countywide report's matrix in its two forms: a row per recommendation
// (a county's period), or, past FULL_MATRIX_LIMIT recommendations, a row per
// review counting its recommendations in each district; and, past ten
// districts, in parts of a few districts each. The small demo store is
// given small limits to see both forms, end to end into a rendered file.

const today = TEST_TODAY;
const from = addDays(addMonths(today, -24), 1);
const SMALL = { fullMatrix: 5, districtsPerTable: 4 };

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
let data: CountywideData;
let documentXml: string;
let pages: string[];
let sizes: Array<{ width: number; height: number }>;

beforeAll(async () => {
  out = tempDir('dhr-matrix-');
  t = await openTestBackend({ demo: true });
  data = await loadCountywide(t.db(), from, today, { today });
  const file = path.join(out.dir, 'countywide-by-review.docx');
  fs.writeFileSync(file, await countywideDocx(data, await drawCountywideCharts(data, async () => {}), SMALL));
  documentXml = (await readDocx(file)).document;
  const pdf = renderPdf([file], out.dir)[0]!;
  pages = pdfPages(pdf);
  sizes = pdfPageSizes(pdf);
}, 180_000);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

const matrixTables = () => [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => tableRows(m[0])).filter((rows) => rows[0]![0] === 'Review' && rows[0]!.slice(1).every((name) => data.districts.some((d) => d.name === name)));

/** "Applies: 3\nOverdue: 1" → { Applies: 3, Overdue: 1 } */
function counts(cell: string): Record<string, number> {
  return Object.fromEntries([...cell.matchAll(/([A-Za-z ]+): (\d+)/g)].map((m) => [m[1]!.trim(), Number(m[2])]));
}

describe('district groups', () => {
  it('splits districts into tables as evenly as it can, none over the limit', () => {
    const names = Array.from({ length: 40 }, (_, i) => `District ${i + 1}`);
    expect(districtGroups(names.slice(0, 23), 10).map((g) => g.length)).toEqual([8, 8, 7]);
    expect(districtGroups(names.slice(0, 10), 10)).toHaveLength(1);
    expect(districtGroups(names.slice(0, 40), 10).map((g) => g.length)).toEqual([10, 10, 10, 10]);
    expect(districtGroups(names.slice(0, 6), 4).map((g) => g.length)).toEqual([3, 3]);
    expect(districtGroups([], 10)).toEqual([[]]);
    expect(districtGroups(names.slice(0, 23), 10).flat()).toEqual(names.slice(0, 23));
  });
});

describe('the form of the matrix', () => {
  it('has a row per recommendation up to the limit, and a row per review past it', () => {
    const rows = (n: number) => ({ matrix: Array.from({ length: n }) as CountywideData['matrix'] });
    expect(matrixForm(rows(FULL_MATRIX_LIMIT))).toBe('recommendations');
    expect(matrixForm(rows(FULL_MATRIX_LIMIT + 1))).toBe('reviews');
  });

  it('counts each review’s recommendations in each district, every one in exactly one decision', () => {
    const rows = reviewMatrix(data.matrix);
    expect(rows.map((r) => r.reviewReference)).toEqual([...new Set(data.matrix.map((m) => m.recommendation.reviewReference))]);
    expect(rows.reduce((n, r) => n + r.recommendations, 0)).toBe(data.matrix.length);
    for (const row of rows) {
      for (const c of row.cells) {
        expect(c.applicable + c.underConsideration + c.notApplicable + c.alreadyInPlace).toBe(row.recommendations);
        expect(c.complete + c.notImplemented).toBeLessThanOrEqual(c.applicable);
        expect(c.overdue).toBeLessThanOrEqual(c.applicable);
      }
    }
    // The overdue counts are the overdue list, district by district.
    data.districts.forEach((d, i) => expect(rows.reduce((n, r) => n + r.cells[i]!.overdue, 0)).toBe(data.overdue.filter((o) => o.districtId === d.id).length));
  });

  it('says a cell in words, leaving out what is nought', () => {
    expect(reviewCellLines({ applicable: 3, complete: 1, notImplemented: 0, overdue: 2, underConsideration: 1, notApplicable: 0, alreadyInPlace: 1 })).toEqual([
      'Applies: 3',
      'Complete: 1',
      'Overdue: 2',
      'Under consideration: 1',
      'Already in place: 1',
    ]);
  });
});

describe('a countywide report past the limits', () => {
  it('has a row per review in each part, with the review’s recommendations counted in each district', () => {
    expect(data.matrix.length).toBeGreaterThan(SMALL.fullMatrix);
    const parts = matrixTables();
    const groups = districtGroups(data.districts, SMALL.districtsPerTable);
    expect(parts).toHaveLength(groups.length);
    const expected = reviewMatrix(data.matrix);
    parts.forEach((rows, p) => {
      expect(rows[0]).toEqual(['Review', ...groups[p]!.map((d) => d.name)]);
      // A cell's lines are separate paragraphs, read back end to end.
      expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((r) => `${r.reviewReference}${r.recommendations} recommendation${r.recommendations === 1 ? '' : 's'}`));
      rows.slice(1).forEach((row, i) => {
        const want = expected[i]!;
        row.slice(1).forEach((cell, c) => {
          const got = counts(cell);
          const decided = (got['Applies'] ?? 0) + (got['Under consideration'] ?? 0) + (got['Not applicable'] ?? 0) + (got['Already in place'] ?? 0);
          expect(decided, `${want.reviewReference} in ${groups[p]![c]!.name}`).toBe(want.recommendations);
        });
      });
    });
  });

  it('says why the table has a row per review, and names the districts of each part', () => {
    const text = squash(pages.join('\n'));
    expect(text).toContain(squash(`The reviews in the period made ${data.matrix.length} recommendations: more than a table with a row for each can usefully show (5 at most).`));
    expect(text).toContain(squash(`There are ${data.districts.length} districts, so the table is in 2 parts of up to 4 districts each.`));
    expect(text).toContain(squash(`Districts 1 to 3 of ${data.districts.length}:`));
  });

  it('renders on landscape pages, each part’s header row repeated at the top of each page it runs onto', () => {
    const start = pages.findIndex((p, i) => i > 1 && p.includes('Applicability and implementation across districts'));
    const end = pages.findIndex((p, i) => i > start && p.includes('Overdue recommendations by district'));
    expect(start).toBeGreaterThan(0);
    for (let i = start; i < end; i++) expect(sizes[i]!.width, `page ${i + 1}`).toBeGreaterThan(sizes[i]!.height);
    for (let i = start + 1; i < end; i++) expect(pages[i]).toMatch(/Review\s+\S/);
  });
});
