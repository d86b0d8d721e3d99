import { useEffect, useRef, type KeyboardEvent } from 'react';
import { APPLICABILITY_WORDS } from '../../../../shared/domain/vocabulary.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { renderParts, SpacerRow, useWindowing } from '../../components/windowing.tsx';
import { moveInGrid, type GridPosition } from './grid-navigation.ts';
import { pagesFor, rowAt, type MatrixView } from './matrix-pages.ts';
import { dueWords, rowReference, shortText, type MatrixCell } from './matrix-words.ts';

interface MatrixGridProps {
  /** The rows matching the filters: those fetched so far, and how many there are in all */
  view: MatrixView;
  /** The pages of rows now rendered (in view, or holding the tab stop), to be fetched if they are not held */
  onWant: (pages: readonly number[]) => void;
  /** The cell with the grid's one tab stop (column 0 is the row header) */
  active: GridPosition;
  onActive: (p: GridPosition) => void;
  /** Enter, Space or a click: show this cell's details */
  onShow: (p: GridPosition) => void;
  /** The cell whose details are showing, marked on screen */
  shown: GridPosition | null;
  busy: boolean;
  labelledBy: string;
}

/** A row's height before it is measured: a loaded row's usual height, which a row still loading keeps too (CSS). */
const ROW_ESTIMATE = 72;

/**
 * The matrix as an ARIA data grid with a roving tab stop: the grid is one
 * stop in the tab order, arrow keys, Home, End, Page Up and Page Down move
 * between cells, and Enter or Space shows the focused cell's details. Rows
 * are fetched a page at a time as they are rendered; until its page comes,
 * a row shows as loading, with its cells in place so focus can be on them.
 */
export function MatrixGrid({ view, onWant, active, onActive, onShow, shown, busy, labelledBy }: MatrixGridProps) {
  const cells = useRef(new Map<string, HTMLElement>());
  /** Move focus only after a key moved the active cell, never on a re-render or a new set of rows. */
  const focusNext = useRef(false);
  const cols = view.districts.length + 1;
  const total = view.total;
  // A long matrix is windowed within its scrolling area; the row with the tab stop is always rendered,
  // so the grid keeps its one stop in the tab order and a key can move focus to any row.
  const region = useRef<HTMLDivElement>(null);
  const rows = useWindowing({ count: total, estimate: ROW_ESTIMATE, scroller: region, keep: active.row });

  // Whatever is rendered is what is wanted: the pages of the rows in view and of the tab stop's row.
  const spans = rows.parts.flatMap((p) => (p.kind === 'rows' ? [[p.from, p.to] as const] : []));
  const wantedKey = pagesFor(spans, total).join(',');
  useEffect(() => {
    onWant(wantedKey ? wantedKey.split(',').map(Number) : []);
  }, [wantedKey, onWant, view]);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    cells.current.get(`${active.row}:${active.col}`)?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.altKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onShow(active);
      return;
    }
    const next = moveInGrid(active, event, total, cols);
    if (!next) return;
    event.preventDefault();
    if (next.row === active.row && next.col === active.col) {
      // At an edge: stay put, but make sure focus is on the cell (it may have been on something inside it).
      cells.current.get(`${next.row}:${next.col}`)?.focus();
      return;
    }
    focusNext.current = true;
    onActive(next);
  }

  const cellProps = (row: number, col: number, className?: string) => ({
    tabIndex: active.row === row && active.col === col ? 0 : -1,
    ref: (el: HTMLElement | null) => {
      if (el) cells.current.set(`${row}:${col}`, el);
      else cells.current.delete(`${row}:${col}`);
    },
    onFocus: () => {
      if (active.row !== row || active.col !== col) onActive({ row, col });
    },
    onClick: () => onShow({ row, col }),
    className: [className, shown?.row === row && shown.col === col ? 'matrix__shown' : null].filter(Boolean).join(' ') || undefined,
  });

  return (
    <ScrollRegion label="Countywide matrix, scrolling area" focusable={false} className="table-wrap--matrix" regionRef={region}>
      <table role="grid" className="matrix" aria-labelledby={labelledBy} aria-busy={busy || undefined} aria-rowcount={total + 1} aria-colcount={cols} onKeyDown={onKeyDown}>
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th scope="col" role="columnheader" className="matrix__corner">
              Recommendation
            </th>
            {view.districts.map((d) => (
              <th scope="col" role="columnheader" key={d.id}>
                {d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={rows.anchor}>
          {renderParts(
            rows.parts,
            (i) => {
              const r = rowAt(view, i);
              // Keyed by place, not by recommendation: when a row's page arrives its cells stay the same
              // elements, so focus on a row still loading stays where it is.
              if (!r) {
                return (
                  <tr role="row" key={i} aria-rowindex={i + 2} aria-busy="true" data-window-index={i} className="matrix__loading">
                    <th scope="row" role="rowheader" {...cellProps(i, 0, 'matrix__row-header')}>
                      Loading…
                    </th>
                    {view.districts.map((_, j) => (
                      <td role="gridcell" key={j} {...cellProps(i, j + 1)}>
                        <span className="visually-hidden">Loading…</span>
                      </td>
                    ))}
                  </tr>
                );
              }
              return (
                <tr role="row" key={i} aria-rowindex={i + 2} data-window-index={i}>
                  <th scope="row" role="rowheader" {...cellProps(i, 0, 'matrix__row-header')}>
                    <span className="matrix__ref">{rowReference(r)}</span>
                    <span className="matrix__text">{shortText(r.recommendation.text)}</span>
                  </th>
                  {r.cells.map((c, j) => (
                    <td role="gridcell" key={j} {...cellProps(i, j + 1)}>
                      <CellContent cell={c} />
                    </td>
                  ))}
                </tr>
              );
            },
            (key, height) => <SpacerRow key={key} height={height} columns={cols} />,
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A cell: its status in words with its colour, or the district's decision in words; then whether it is due. */
export function CellContent({ cell }: { cell: MatrixCell }) {
  const due = dueWords(cell);
  return (
    <span className="matrix__cell">
      {cell.decision === 'applicable' ? (
        <StatusBadge status={cell.status ?? 'not_started'} />
      ) : (
        <span className={`matrix__decision matrix__decision--${cell.decision}`}>{APPLICABILITY_WORDS[cell.decision]}</span>
      )}
      {due ? <span className={`tag ${due === 'Overdue' ? 'tag--warning' : 'tag--info'} matrix__due`}>{due}</span> : null}
    </span>
  );
}
