import { describe, expect, it } from 'vitest';
import { clampPosition, moveInGrid, PAGE_ROWS } from '../../../renderer/src/features/countywide/grid-navigation.ts';

// A 25-row grid with a row header and 6 district columns.
const ROWS = 25;
const COLS = 7;
const move = (row: number, col: number, key: string, mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => moveInGrid({ row, col }, { key, ...mods }, ROWS, COLS);

describe('keyboard movement in the matrix grid', () => {
  it('moves one cell with the arrow keys', () => {
    expect(move(3, 2, 'ArrowRight')).toEqual({ row: 3, col: 3 });
    expect(move(3, 2, 'ArrowLeft')).toEqual({ row: 3, col: 1 });
    expect(move(3, 2, 'ArrowDown')).toEqual({ row: 4, col: 2 });
    expect(move(3, 2, 'ArrowUp')).toEqual({ row: 2, col: 2 });
  });

  it('stops at the edges rather than wrapping', () => {
    expect(move(0, 0, 'ArrowUp')).toEqual({ row: 0, col: 0 });
    expect(move(0, 0, 'ArrowLeft')).toEqual({ row: 0, col: 0 });
    expect(move(24, 6, 'ArrowDown')).toEqual({ row: 24, col: 6 });
    expect(move(24, 6, 'ArrowRight')).toEqual({ row: 24, col: 6 });
  });

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl (or Cmd)', () => {
    expect(move(5, 3, 'Home')).toEqual({ row: 5, col: 0 });
    expect(move(5, 3, 'End')).toEqual({ row: 5, col: 6 });
    expect(move(5, 3, 'Home', { ctrlKey: true })).toEqual({ row: 0, col: 0 });
    expect(move(5, 3, 'End', { ctrlKey: true })).toEqual({ row: 24, col: 6 });
    expect(move(5, 3, 'End', { metaKey: true })).toEqual({ row: 24, col: 6 });
  });

  it('moves a page of rows with Page Up and Page Down, stopping at the first and last rows', () => {
    expect(move(5, 3, 'PageDown')).toEqual({ row: 5 + PAGE_ROWS, col: 3 });
    expect(move(20, 3, 'PageDown')).toEqual({ row: 24, col: 3 });
    expect(move(5, 3, 'PageUp')).toEqual({ row: 0, col: 3 });
  });

  it('leaves other keys to the browser, and does nothing in an empty grid', () => {
    expect(move(5, 3, 'Tab')).toBeNull();
    expect(move(5, 3, 'a')).toBeNull();
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowDown' }, 0, COLS)).toBeNull();
  });

  it('keeps the active cell inside a grid that has shrunk', () => {
    expect(clampPosition({ row: 40, col: 9 }, 3, 5)).toEqual({ row: 2, col: 4 });
    expect(clampPosition({ row: 1, col: 1 }, 3, 5)).toEqual({ row: 1, col: 1 });
    expect(clampPosition({ row: 4, col: 2 }, 0, 5)).toEqual({ row: 0, col: 2 });
  });
});
