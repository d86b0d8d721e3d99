// Comma-separated values as spreadsheets write them (RFC 4180): fields in
// double quotes may hold the separator, line breaks and doubled quotes ("").
// Excel in much of Europe writes ";" instead of ","; some tools write tabs.
// The separator is whichever of these appears most often outside quotes in
// the first line. A byte order mark is dropped; CRLF, LF and CR all end a
// record. A quoted field left open at the end is an error, not a guess.

import type { ParseBudget } from './parse-budget.ts';

export type CsvSeparator = ',' | ';' | '\t';

export type CsvResult = { ok: true; rows: string[][]; separator: CsvSeparator } | { ok: false; reason: string };

/** The separator used in the first record, counted outside quotes. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as Array<[CsvSeparator, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Parse CSV text into rows of fields. `maxField` bounds any one field (in
 * characters): a longer one stops the parse with a reason naming the row,
 * so a hostile file cannot make one enormous cell; `maxColumns` bounds the
 * fields of one row, and each field is charged to `budget` (when given), so
 * a file of nothing but separators is refused rather than made into
 * millions of empty cells.
 */
export function parseCsv(input: string, options: { separator?: CsvSeparator; maxField?: number; maxRows?: number; maxColumns?: number; budget?: ParseBudget } = {}): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = options.separator ?? detectSeparator(text);
  const maxField = options.maxField ?? Number.POSITIVE_INFINITY;
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const maxColumns = options.maxColumns ?? Number.POSITIVE_INFINITY;
  const budget = options.budget;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quotedField = false;
  let quoteOpenedOnRow = 0;
  const tooLong = () => ({ ok: false as const, reason: `Row ${rows.length + 1} has a cell longer than ${maxField.toLocaleString('en-GB')} characters, far more than any action plan holds.` });
  const endField = () => {
    budget?.step();
    row.push(field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !quotedField) {
      // A quoted field: read to the closing quote.
      quotedField = true;
      quoteOpenedOnRow = rows.length + 1;
      i++;
      let closed = false;
      let start = i;
      let value = '';
      while (i < text.length) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          i = text.length;
          break;
        }
        if (text[q + 1] === '"') {
          value += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          if (value.length > maxField) return tooLong();
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) return { ok: false, reason: `A quoted cell that starts in row ${quoteOpenedOnRow} is never closed: the file may be cut short, or a cell holds a stray double quote.` };
      field = value;
      if (field.length > maxField) return tooLong();
      continue;
    }
    if (ch === separator) {
      endField();
      if (row.length >= maxColumns) return { ok: false, reason: `Row ${rows.length + 1} has more than ${maxColumns.toLocaleString('en-GB')} columns, far more than any action plan.` };
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      if (rows.length > maxRows) return { ok: false, reason: `The file has more than ${maxRows.toLocaleString('en-GB')} rows, far more than any action plan.` };
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // Unquoted text (or text after a closing quote, which some programs write): kept as it is.
    const next = nextSpecial(text, i, separator);
    field += text.slice(i, next);
    if (field.length > maxField) return tooLong();
    i = next;
  }
  if (field !== '' || row.length || quotedField) endRow();
  // A file ending without a newline, or with blank lines, leaves no empty records behind.
  while (rows.length && rows[rows.length - 1]!.every((f) => f === '')) rows.pop();
  return { ok: true, rows, separator };
}

function nextSpecial(text: string, from: number, separator: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === separator || ch === '\r' || ch === '\n') return i;
  }
  return text.length;
}
