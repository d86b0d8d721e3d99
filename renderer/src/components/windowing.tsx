import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import './windowing.css';

// Windowing for long lists and tables: only the rows in and near the
// visible part of the page (or of a scrolling area) are in the document,
// with spacers above and below standing in for the rest, so 30,000 rows
// scroll as smoothly as 30. Rows keep their own markup (tr, li), so table
// and list semantics and keyboard access are unchanged; the caller marks
// the full size for assistive technology (aria-rowcount and aria-rowindex,
// or aria-setsize and aria-posinset). Rows may differ in height: each is
// measured once rendered, and an estimate stands in until then. A list up
// to `threshold` rows long is rendered whole, as it always was.

/** Lists up to this many rows are rendered whole. */
export const WINDOW_THRESHOLD = 150;

export interface WindowOptions {
  count: number;
  /** A row's height in pixels, before it has been measured */
  estimate: number;
  /** The scrolling area the rows are in; without it, the page scrolls */
  scroller?: RefObject<HTMLElement | null>;
  threshold?: number;
  /** How far beyond the visible part to render, in pixels, each side */
  overscan?: number;
  /** A row always rendered wherever the view is, such as the one holding focus */
  keep?: number | null;
}

export type WindowPart = { kind: 'rows'; from: number; to: number } | { kind: 'space'; key: string; height: number };

export interface Windowing {
  windowed: boolean;
  /** Rows and spacers, in order */
  parts: WindowPart[];
  /** Attach to the element whose children are the rows (tbody, ul) */
  anchor: (el: HTMLElement | null) => void;
}

/** The attribute each rendered row carries, with its index, so it can be measured. */
export const ROW_INDEX = 'data-window-index';

/** The index of the row at offset y: the last i with offsets[i] <= y. */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function prefixSums(sizes: readonly number[]): Float64Array {
  const o = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) o[i + 1] = o[i]! + sizes[i]!;
  return o;
}

/** Measure the rendered rows into sizes: each row's height and margins (list items are spaced by margins). True if any changed. */
function measureRows(anchor: HTMLElement, sizes: number[]): boolean {
  let changed = false;
  for (const child of Array.from(anchor.children)) {
    const index = child.getAttribute(ROW_INDEX);
    if (index === null) continue;
    const i = Number(index);
    const style = getComputedStyle(child);
    const height = child.getBoundingClientRect().height + (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0);
    if (i < sizes.length && Math.abs(sizes[i]! - height) > 0.5) {
      sizes[i] = height;
      changed = true;
    }
  }
  return changed;
}

export function useWindowing({ count, estimate, scroller, threshold = WINDOW_THRESHOLD, overscan = 600, keep = null }: WindowOptions): Windowing {
  const windowed = count > threshold;
  const sizes = useRef<number[]>([]);
  if (sizes.current.length !== count) {
    const kept = sizes.current.slice(0, count);
    sizes.current = kept.concat(Array<number>(count - kept.length).fill(estimate));
  }
  // Which rows are rendered, and a version that changes when rows have been measured. No rows at first:
  // the list's place on the page is not known until it is laid out, and the layout effect below works
  // out the rows in view before the browser paints.
  const [view, setView] = useState({ start: 0, end: 0, version: 0 });
  const offsets = useMemo(
    () => prefixSums(sizes.current),
    // view.version: rows have been measured since.
    [count, view.version],
  );
  const latest = useRef(offsets);
  latest.current = offsets;
  const anchorEl = useRef<HTMLElement | null>(null);
  const anchor = useCallback((el: HTMLElement | null) => {
    anchorEl.current = el;
  }, []);

  /** Measure what is rendered, then work out which rows are in or near view: one layout read, one update. */
  const sync = useCallback(() => {
    const el = anchorEl.current;
    if (!el || !windowed) return;
    const measured = measureRows(el, sizes.current);
    const o = measured ? prefixSums(sizes.current) : latest.current;
    const top = el.getBoundingClientRect().top;
    const area = scroller?.current;
    const viewTop = area ? area.getBoundingClientRect().top : 0;
    const viewHeight = area ? area.clientHeight : window.innerHeight;
    const start = Math.min(count, rowAt(o, viewTop - top - overscan));
    const end = Math.min(count, rowAt(o, viewTop - top + viewHeight + overscan) + 1);
    setView((v) => (v.start === start && v.end === end && !measured ? v : { start, end, version: measured ? v.version + 1 : v.version }));
  }, [count, overscan, scroller, windowed]);

  useLayoutEffect(sync);

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const later = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), sync()));
    };
    const target: HTMLElement | Window = scroller?.current ?? window;
    target.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    // A row that changes size without the list rendering again (a form opening in it) is measured again.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(later);
    if (observer && anchorEl.current) observer.observe(anchorEl.current);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      target.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
    };
  }, [scroller, sync, windowed]);

  const parts = useMemo((): WindowPart[] => {
    if (!windowed) return [{ kind: 'rows', from: 0, to: count }];
    const start = Math.min(view.start, count);
    const end = Math.min(Math.max(view.end, start), count);
    const spans: Array<[number, number]> = [[start, end]];
    if (keep !== null && keep >= 0 && keep < count && (keep < start || keep >= end)) spans.push([keep, keep + 1]);
    spans.sort((a, b) => a[0] - b[0]);
    const out: WindowPart[] = [];
    let at = 0;
    for (const [from, to] of spans) {
      if (from > at) out.push({ kind: 'space', key: `space-${at}`, height: offsets[from]! - offsets[at]! });
      if (to > from) out.push({ kind: 'rows', from, to });
      at = Math.max(at, to);
    }
    if (at < count) out.push({ kind: 'space', key: `space-${at}`, height: offsets[count]! - offsets[at]! });
    return out;
  }, [count, keep, offsets, view, windowed]);

  return { windowed, parts, anchor };
}

/** Render each part: rows through renderRow(index), spacers through renderSpace. */
export function renderParts(parts: readonly WindowPart[], renderRow: (index: number) => ReactNode, renderSpace: (key: string, height: number) => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  for (const part of parts) {
    if (part.kind === 'space') out.push(renderSpace(part.key, part.height));
    else for (let i = part.from; i < part.to; i++) out.push(renderRow(i));
  }
  return out;
}

/** A table's stand-in for rows not rendered: hidden from assistive technology, spanning every column. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="window-spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

/** A list's stand-in for items not rendered. */
export function SpacerItem({ height }: { height: number }) {
  return <li aria-hidden="true" className="window-spacer" style={{ height }} />;
}
