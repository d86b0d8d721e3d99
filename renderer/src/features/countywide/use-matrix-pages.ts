import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatrixQuery } from '../../../../shared/ipc/progress-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { PAGE_SIZE, viewFrom, withPage, type MatrixView } from './matrix-pages.ts';

export interface MatrixPages {
  /** The matrix for the latest filters whose first page has arrived; null before any has */
  view: MatrixView | null;
  /** A new set of filters is on its way (the rows showing are for the last one) */
  loading: boolean;
  error: string | null;
  /** Ask for the pages these rows are in, if not held or on their way: called as rows come into view */
  want: (pages: readonly number[]) => void;
  /** Ask again for pages that failed */
  retry: () => void;
}

/**
 * The countywide matrix for a set of filters, a page at a time. Changing the
 * filters starts again from the first page, and a reply for earlier filters
 * is ignored however late it comes: each request carries its generation.
 * The rows already showing stay (marked busy) until the new first page comes.
 */
export function useMatrixPages(query: MatrixQuery): MatrixPages {
  const [view, setView] = useState<MatrixView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const current = useRef<MatrixView | null>(null);
  current.current = view;
  /** Pages asked for in this generation and not yet answered, and pages that failed (not asked again until a retry) */
  const asked = useRef(new Set<number>());
  const failed = useRef(new Set<number>());
  /** The pages the screen wants now: never let go to make room */
  const wanted = useRef<readonly number[]>([]);
  const key = JSON.stringify(query);

  const fetchPage = useCallback((mine: number, q: MatrixQuery, page: number, first: boolean) => {
    asked.current.add(page);
    call('countywide.matrix', { ...q, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      (m) => {
        if (mine !== generation.current) return; // the filters have changed since: not these rows
        asked.current.delete(page);
        setView((v) => (first || !v || v.generation !== mine ? viewFrom(mine, q, page, m) : withPage(v, page, m, wanted.current)));
        if (first) setLoading(false);
        setError(null);
      },
      (e) => {
        if (mine !== generation.current) return;
        asked.current.delete(page);
        failed.current.add(page);
        setError(errorMessage(e));
        if (first) setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    asked.current = new Set();
    failed.current = new Set();
    setLoading(true);
    fetchPage(mine, JSON.parse(key) as MatrixQuery, 0, true);
  }, [key, attempt, fetchPage]);

  const want = useCallback(
    (pages: readonly number[]) => {
      wanted.current = pages;
      const v = current.current;
      // Only for the rows of the latest filters: while new ones load, the old rows ask for nothing.
      if (!v || v.generation !== generation.current) return;
      for (const page of pages) {
        if (v.pages.has(page) || asked.current.has(page) || failed.current.has(page)) continue;
        fetchPage(v.generation, v.query, page, false);
      }
    },
    [fetchPage],
  );

  const retry = useCallback(() => {
    const v = current.current;
    if (!v || v.generation !== generation.current) {
      setAttempt((n) => n + 1); // the first page failed: start again
      return;
    }
    failed.current = new Set();
    setError(null);
    want(wanted.current);
  }, [want]);

  return { view, loading, error, want, retry };
}
