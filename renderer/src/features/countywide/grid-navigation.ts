// Keyboard movement in an ARIA data grid (the WAI-ARIA Authoring Practices
// grid pattern): arrows move one cell and stop at the edges, Home and End go
// to the ends of the row, Ctrl+Home and Ctrl+End to the first and last cells,
// Page Up and Page Down move several rows. Pure, so it is tested on its own.

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** How many rows Page Up and Page Down move. */
export const PAGE_ROWS = 10;

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** Keep a position inside a grid that may have shrunk (say, after filtering). */
export function clampPosition(p: GridPosition, rows: number, cols: number): GridPosition {
  return { row: clamp(p.row, rows - 1), col: clamp(p.col, cols - 1) };
}

/**
 * Where focus goes for a key, or null when the grid does not handle the key
 * (so the browser does what it normally would, such as Tab leaving the grid).
 */
export function moveInGrid(p: GridPosition, key: GridKey, rows: number, cols: number): GridPosition | null {
  if (rows <= 0 || cols <= 0) return null;
  const ctrl = Boolean(key.ctrlKey || key.metaKey);
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  switch (key.key) {
    case 'ArrowRight':
      return { row: p.row, col: clamp(p.col + 1, lastCol) };
    case 'ArrowLeft':
      return { row: p.row, col: clamp(p.col - 1, lastCol) };
    case 'ArrowDown':
      return { row: clamp(p.row + 1, lastRow), col: p.col };
    case 'ArrowUp':
      return { row: clamp(p.row - 1, lastRow), col: p.col };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: p.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: p.row, col: lastCol };
    case 'PageDown':
      return { row: clamp(p.row + PAGE_ROWS, lastRow), col: p.col };
    case 'PageUp':
      return { row: clamp(p.row - PAGE_ROWS, lastRow), col: p.col };
    default:
      return null;
  }
}
