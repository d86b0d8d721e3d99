import type { SourceTable } from '../../../shared/domain/action-plan-import.ts';
import { ParseBudget, ParseTooComplex, tooComplexMessage } from '../../../shared/domain/parse-budget.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { decodeXmlBytes, scanXml } from '../anonymity/xml-scan.ts';
import { readOfficeZip } from './safe-zip.ts';

// The tables of a Word document, as rows of cell text, for the legacy
// import. Each top-level table in the body is one table; a table nested
// inside a cell is read as part of that cell's text. Merged cells are
// undone so every row stands on its own:
// - a cell spanning grid columns (w:gridSpan, or the older w:hMerge) gives
//   its text to each column it covers;
// - a cell continuing a vertical merge (w:vMerge without "restart") takes
//   the text of the cell above it, as a person reading the table would;
// - rows that skip grid columns at their start (w:gridBefore) are shifted.
// Paragraphs in a cell are kept as separate lines. Tracked changes are read
// as accepted: insertions in, deletions out.

/** Most characters one cell may hold: Excel's own limit for a cell, far above any action plan's. */
export const MAX_CELL_CHARS = 32_767;
/** Most rows read from all tables together */
export const MAX_ROWS = 20_000;

const WORD_PARTS = /^word\/document\.xml$/;

class CellTooBig extends Error {}

interface Cell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

export function docxTables(bytes: Uint8Array, label: string, budget: ParseBudget = new ParseBudget()): SourceTable[] {
  const parts = readOfficeZip(bytes, label, 'docx', (name) => WORD_PARTS.test(name));
  const xml = decodeXmlBytes(parts.get('word/document.xml')!);
  const raw: Array<Array<{ cells: Cell[]; gridBefore: number }>> = [];
  let depth = 0; // table nesting
  let table: Array<{ cells: Cell[]; gridBefore: number }> | null = null;
  let row: { cells: Cell[]; gridBefore: number } | null = null;
  let cell: Cell | null = null;
  let paragraphs = 0;
  let inText = false;
  let deleted = 0;
  let rows = 0;
  const add = (text: string) => {
    if (!cell || deleted > 0) return;
    cell.text += text;
    if (cell.text.length > MAX_CELL_CHARS) throw new CellTooBig();
  };
  try {
    scanXml(xml, {
      open(el) {
        if (el.ns !== 'w') return;
        switch (el.local) {
          case 'tbl':
            depth++;
            if (depth === 1) {
              table = [];
              raw.push(table);
            }
            break;
          case 'tr':
            if (depth === 1 && table) {
              row = { cells: [], gridBefore: 0 };
              table.push(row);
              if (++rows > MAX_ROWS) throw new RangeError('rows');
            }
            break;
          case 'gridBefore':
            if (depth === 1 && row) row.gridBefore = Math.min(Number(el.attrs.get('val') ?? 0) || 0, 60);
            break;
          case 'tc':
            if (depth === 1 && row) {
              cell = { text: '', span: 1, vMerge: null, hMergeContinue: false };
              row.cells.push(cell);
              paragraphs = 0;
            }
            break;
          case 'gridSpan':
            if (depth === 1 && cell) cell.span = Math.max(1, Math.min(Number(el.attrs.get('val') ?? 1) || 1, 60));
            break;
          case 'vMerge':
            if (depth === 1 && cell) cell.vMerge = el.attrs.get('val') === 'restart' ? 'restart' : 'continue';
            break;
          case 'hMerge':
            if (depth === 1 && cell && el.attrs.get('val') !== 'restart') cell.hMergeContinue = true;
            break;
          case 'p':
            if (cell) {
              if (paragraphs++ > 0) add('\n');
            }
            break;
          case 't':
            inText = true;
            break;
          case 'del':
          case 'moveFrom':
          case 'delText':
            deleted++;
            break;
          case 'tab':
          case 'ptab':
            add(' ');
            break;
          case 'br':
          case 'cr':
            add('\n');
            break;
          case 'noBreakHyphen':
            add('-');
            break;
        }
      },
      close(el) {
        if (el.ns !== 'w') return;
        switch (el.local) {
          case 'tbl':
            if (depth === 1) table = null;
            depth = Math.max(0, depth - 1);
            break;
          case 'tr':
            if (depth === 1) row = null;
            break;
          case 'tc':
            if (depth === 1) cell = null;
            break;
          case 't':
            inText = false;
            break;
          case 'del':
          case 'moveFrom':
          case 'delText':
            deleted = Math.max(0, deleted - 1);
            break;
        }
      },
      text(t) {
        if (inText) add(t);
      },
    }, budget);
  } catch (error) {
    if (error instanceof ParseTooComplex) throw new AppError('INVALID_INPUT', tooComplexMessage(label, error, 'action plan'));
    if (error instanceof CellTooBig) {
      throw new AppError('INVALID_INPUT', `${label} was not imported: one of its table cells holds more than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters, far more than any action plan, so it may be damaged or deliberately malformed.`);
    }
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', `${label} was not imported: its tables have more than ${MAX_ROWS.toLocaleString('en-GB')} rows, far more than any action plan.`);
    throw error;
  }

  try {
    return raw.map((rowsOfTable, t) => gridOf(rowsOfTable, t, budget));
  } catch (error) {
    if (error instanceof ParseTooComplex) throw new AppError('INVALID_INPUT', tooComplexMessage(label, error, 'action plan'));
    throw error;
  }
}

/** One table as a full grid: merges undone, every row as wide as the widest (charged to the budget, as spans can multiply cells). */
function gridOf(rowsOfTable: Array<{ cells: Cell[]; gridBefore: number }>, t: number, budget: ParseBudget): SourceTable {
  const grid: string[][] = [];
  for (const r of rowsOfTable) {
    const out: string[] = Array.from({ length: r.gridBefore }, () => '');
    for (const c of r.cells) {
      const column = out.length;
      if (c.hMergeContinue && column > 0) {
        out.push(out[column - 1]!);
        continue;
      }
      let text = c.text.replace(/[ \t]+\n/g, '\n').trim();
      if (c.vMerge === 'continue') text = grid[grid.length - 1]?.[column] ?? '';
      budget.step(c.span);
      for (let i = 0; i < c.span; i++) out.push(text);
    }
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const r of grid) {
    budget.step(width - r.length);
    while (r.length < width) r.push('');
  }
  return { label: `Table ${t + 1}`, rows: grid, rowLabel: (index: number) => `Table ${t + 1}, row ${index + 1}` };
}
