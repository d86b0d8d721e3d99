import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../shared/ipc/progress-schemas.ts';
import { indexOfRecommendation, MAX_PAGES, PAGE_SIZE, pagesFor, rowAt, viewFrom, withPage } from '../../../renderer/src/features/countywide/matrix-pages.ts';

// How the countywide screen holds the matrix a page at a time: which pages
// a set of rendered rows needs, where a row is, and what is kept as pages
// come in. (The pages themselves, through the real handler and store, are
// tested in matrix-paging.test.ts; the screen in test/e2e/countywide.spec.ts.)

const districts = [
  { id: 'd1', name: 'Fenland' },
  { id: 'd2', name: 'Peterborough' },
];
const TOTAL = PAGE_SIZE * 40 + 7;

function row(index: number): Matrix['rows'][number] {
  return {
    recommendation: { id: `r${index}`, reviewId: 'v', reviewReference: 'DHR-X', number: index + 1, text: `Recommendation ${index + 1}`, commissioningDistrictId: 'd1', dateOfDeath: null, notificationDate: null },
    cells: districts.map((d) => ({ applicabilityId: null, districtId: d.id, decision: 'under_consideration' as const, status: null, due: 'closed' as const, targetDate: null })),
  };
}
/** A page of the matrix as main sends it. */
function page(n: number, total = TOTAL, cols = districts): Matrix {
  const from = n * PAGE_SIZE;
  const rows = Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, total - from)) }, (_, i) => row(from + i));
  return { asAt: '2026-03-01', districts: cols, rows, total };
}

describe('the pages a set of rendered rows needs', () => {
  it('are the pages the rows fall in, once each, in order, and none beyond the total', () => {
    expect(pagesFor([[0, 20]], TOTAL)).toEqual([0]);
    expect(pagesFor([[PAGE_SIZE - 5, PAGE_SIZE + 5]], TOTAL)).toEqual([0, 1]);
    // The rows in view, and the one holding the tab stop far below.
    expect(pagesFor([[10, 30], [TOTAL - 1, TOTAL]], TOTAL)).toEqual([0, 40]);
    expect(pagesFor([[10, 30], [15, 16]], TOTAL)).toEqual([0]);
    expect(pagesFor([[TOTAL - 3, TOTAL + 50]], TOTAL)).toEqual([40]);
    expect(pagesFor([], TOTAL)).toEqual([]);
    expect(pagesFor([[0, 0]], TOTAL)).toEqual([]);
    expect(pagesFor([[0, 10]], 0)).toEqual([]);
  });
});

describe('a view of the matrix', () => {
  it('finds a row held by its index or its recommendation, and has none for a row not fetched', () => {
    const view = withPage(viewFrom(1, {}, 0, page(0)), 40, page(40), [0, 40]);
    expect(rowAt(view, 0)).toEqual(row(0));
    expect(rowAt(view, PAGE_SIZE - 1)).toEqual(row(PAGE_SIZE - 1));
    expect(rowAt(view, PAGE_SIZE)).toBeUndefined();
    expect(rowAt(view, TOTAL - 1)).toEqual(row(TOTAL - 1));
    expect(indexOfRecommendation(view, `r${TOTAL - 2}`)).toBe(TOTAL - 2);
    expect(indexOfRecommendation(view, `r${PAGE_SIZE + 1}`)).toBe(-1);
    expect(view).toMatchObject({ generation: 1, total: TOTAL, districts });
  });

  it('keeps at most MAX_PAGES pages, letting go of those farthest from the ones wanted', () => {
    let view = viewFrom(1, {}, 0, page(0));
    for (let n = 1; n <= 30; n++) view = withPage(view, n, page(n), [n]);
    expect(view.pages.size).toBe(MAX_PAGES);
    // Near page 30, the page just added: the first pages went.
    expect([...view.pages.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_PAGES }, (_, i) => 30 - MAX_PAGES + 1 + i));
    // A page wanted (the tab stop's, far off) is never let go, however far it is.
    view = withPage(view, 0, page(0), [0, 31]);
    view = withPage(view, 31, page(31), [0, 31]);
    expect(view.pages.has(0)).toBe(true);
    expect(view.pages.has(31)).toBe(true);
    expect(view.pages.size).toBe(MAX_PAGES);
  });

  it('starts again from a page that says the matrix has changed: another total, or other districts', () => {
    const view = withPage(viewFrom(3, { status: 'blocked' }, 0, page(0)), 1, page(1), [0, 1]);
    const grown = withPage(view, 2, page(2, TOTAL + 1), [2]);
    expect([...grown.pages.keys()]).toEqual([2]);
    expect(grown).toMatchObject({ generation: 3, query: { status: 'blocked' }, total: TOTAL + 1 });
    const retired = withPage(view, 2, page(2, TOTAL, districts.slice(0, 1)), [2]);
    expect([...retired.pages.keys()]).toEqual([2]);
    expect(retired.districts).toEqual(districts.slice(0, 1));
  });
});
