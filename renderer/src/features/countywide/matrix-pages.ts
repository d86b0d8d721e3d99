import type { Matrix, MatrixQuery } from '../../../../shared/ipc/progress-schemas.ts';
import type { MatrixRow } from './matrix-words.ts';

// The countywide matrix as the screen holds it: the rows that match the
// filters, fetched a page at a time as they come into view (a region's
// matrix whole is 24 MB; a nation's would not fit), with only a bounded
// number of pages kept. Pure, so it is tested on its own.

/** Rows in one request: twice what the scrolling area shows with its margin, small enough to arrive quickly (200 KB at 20 districts). */
export const PAGE_SIZE = 50;
/** Pages kept at once (1,200 rows): enough for the view and where focus is; the farthest go first. */
export const MAX_PAGES = 24;

export interface MatrixView {
  /** Which set of filters this is: a reply for an earlier one is ignored */
  generation: number;
  query: MatrixQuery;
  asAt: string;
  districts: Matrix['districts'];
  /** How many rows match the filters in all */
  total: number;
  /** Pages fetched so far, by page number (row index / PAGE_SIZE) */
  pages: ReadonlyMap<number, readonly MatrixRow[]>;
}

/** A view from the first page of a new set of filters (or of the matrix as it is now). */
export function viewFrom(generation: number, query: MatrixQuery, page: number, m: Matrix): MatrixView {
  return { generation, query, asAt: m.asAt, districts: m.districts, total: m.total, pages: new Map([[page, m.rows]]) };
}

/** The row at an index, or undefined while its page has not arrived. */
export function rowAt(view: MatrixView, index: number): MatrixRow | undefined {
  return view.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** The pages holding the given row spans ([from, to), as the windowing renders them), within the total. */
export function pagesFor(spans: ReadonlyArray<readonly [number, number]>, total: number): number[] {
  const pages = new Set<number>();
  for (const [from, to] of spans) {
    const end = Math.min(to, total);
    for (let p = Math.floor(Math.max(from, 0) / PAGE_SIZE); p * PAGE_SIZE < end; p++) pages.add(p);
  }
  return [...pages].sort((a, b) => a - b);
}

const sameDistricts = (a: Matrix['districts'], b: Matrix['districts']) => a.length === b.length && a.every((d, i) => d.id === b[i]!.id && d.name === b[i]!.name);

/**
 * The view with a page added. If the page says the matrix has changed since
 * the view began (another total, or other districts: someone recorded a
 * decision or retired a district meanwhile), the pages held may no longer
 * line up, so the view starts again from this page. Beyond MAX_PAGES, the
 * pages farthest from those wanted now are let go (fetched again if needed).
 */
export function withPage(view: MatrixView, page: number, m: Matrix, wanted: readonly number[]): MatrixView {
  if (m.total !== view.total || !sameDistricts(m.districts, view.districts)) return viewFrom(view.generation, view.query, page, m);
  const pages = new Map(view.pages);
  pages.set(page, m.rows);
  if (pages.size > MAX_PAGES) {
    const keep = new Set([...wanted, page]);
    const distance = (p: number) => Math.min(...[...keep].map((w) => Math.abs(w - p)));
    const spare = [...pages.keys()].filter((p) => !keep.has(p)).sort((a, b) => distance(b) - distance(a));
    for (const p of spare.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
  }
  return { ...view, asAt: m.asAt, pages };
}

/** Where a recommendation is among the rows held, or -1. */
export function indexOfRecommendation(view: MatrixView, recommendationId: string): number {
  for (const [page, rows] of view.pages) {
    const i = rows.findIndex((r) => r.recommendation.id === recommendationId);
    if (i >= 0) return page * PAGE_SIZE + i;
  }
  return -1;
}
