import type { SourceTable } from '../../../shared/domain/action-plan-import.ts';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { ParseBudget, ParseTooComplex, tooComplexMessage } from '../../../shared/domain/parse-budget.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { decodeXmlBytes, scanXml, type XmlElement } from '../anonymity/xml-scan.ts';
import { MAX_CELL_CHARS, MAX_ROWS } from './docx-tables.ts';
import { readOfficeZip } from './safe-zip.ts';

// The sheets of an Excel workbook (.xlsx), as rows of cell text, for the
// legacy import. Read from the workbook's XML with the same safeguards as
// Word documents (safe-zip.ts). Cells become the text a person sees:
// shared and inline strings, numbers, TRUE/FALSE, and dates (numbers in a
// date format, in the 1900 or 1904 date system) as dd/mm/yyyy. A merged
// range gives its top-left value to every cell it covers, so a
// recommendation merged down over its actions is on each action's row.
// Hidden sheets are left out.

const MAX_COLUMNS = 200;

const isMain = (el: XmlElement, local: string) => el.local === local && (el.ns === 'http://schemas.openxmlformats.org/spreadsheetml/2006/main' || el.ns === 'http://purl.oclc.org/ooxml/spreadsheetml/main' || el.ns === '');

class Refusal extends Error {}

export interface WorkbookSheet {
  name: string;
  rows: string[][];
}

/** "BC12" → [row 12, column 55] (1-based) */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date: it has d, m or y outside quotes and brackets, and is not only a time. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/** An Excel serial day number as an ISO date. */
export function excelSerialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  // 1900 system: day 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 60 ? 30 : 31);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

function relsTargets(xml: string, budget: ParseBudget): Map<string, string> {
  const map = new Map<string, string>();
  scanXml(xml, {
    open(el) {
      if (el.local === 'Relationship') {
        const id = el.attrs.get('Id');
        const target = el.attrs.get('Target');
        if (id && target) map.set(id, target);
      }
    },
  }, budget);
  return map;
}

function sheetPath(target: string): string {
  const t = target.replace(/\\/g, '/');
  return (t.startsWith('/') ? t.slice(1) : `xl/${t}`).toLowerCase().replace(/\/\.\//g, '/');
}

export function xlsxSheets(bytes: Uint8Array, label: string, budget: ParseBudget = new ParseBudget()): WorkbookSheet[] {
  const parts = readOfficeZip(bytes, label, 'xlsx', (name) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedstrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(name));
  const text = (name: string) => {
    const part = parts.get(name);
    return part ? decodeXmlBytes(part) : null;
  };
  try {
    // Workbook: sheets in order, and the date system.
    const sheets: Array<{ name: string; rid: string; hidden: boolean }> = [];
    let date1904 = false;
    scanXml(text('xl/workbook.xml') ?? '', {
      open(el) {
        if (isMain(el, 'sheet')) sheets.push({ name: el.attrs.get('name') ?? `Sheet ${sheets.length + 1}`, rid: el.attrs.get('id') ?? '', hidden: (el.attrs.get('state') ?? 'visible') !== 'visible' });
        if (isMain(el, 'workbookPr')) date1904 = ['1', 'true'].includes(el.attrs.get('date1904') ?? '');
      },
    }, budget);
    const rels = relsTargets(text('xl/_rels/workbook.xml.rels') ?? '', budget);

    // Shared strings: each <si> is the text of its <t>s, leaving out phonetic guides (<rPh>).
    const shared: string[] = [];
    let si: string | null = null;
    let inT = false;
    let phonetic = 0;
    let sharedTotal = 0;
    scanXml(text('xl/sharedstrings.xml') ?? '', {
      open(el) {
        if (isMain(el, 'si')) si = '';
        else if (isMain(el, 'rPh')) phonetic++;
        else if (isMain(el, 't')) inT = true;
      },
      close(el) {
        if (isMain(el, 'si') && si !== null) {
          shared.push(si);
          si = null;
        } else if (isMain(el, 'rPh')) phonetic--;
        else if (isMain(el, 't')) inT = false;
      },
      text(t) {
        if (si !== null && inT && phonetic === 0) {
          si += t;
          sharedTotal += t.length;
          if (si.length > MAX_CELL_CHARS) throw new Refusal(`one of its cells holds more than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters, the most Excel itself allows`);
        }
      },
    }, budget);

    // Styles: which cell formats are dates.
    const customFormats = new Map<number, string>();
    const dateStyles: boolean[] = [];
    let inCellXfs = false;
    scanXml(text('xl/styles.xml') ?? '', {
      open(el) {
        if (isMain(el, 'numFmt')) customFormats.set(Number(el.attrs.get('numFmtId')), el.attrs.get('formatCode') ?? '');
        else if (isMain(el, 'cellXfs')) inCellXfs = true;
        else if (inCellXfs && isMain(el, 'xf')) {
          const id = Number(el.attrs.get('numFmtId') ?? 0);
          const custom = customFormats.get(id);
          dateStyles.push(custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id));
        }
      },
      close(el) {
        if (isMain(el, 'cellXfs')) inCellXfs = false;
      },
    }, budget);

    const out: WorkbookSheet[] = [];
    let totalRows = 0;
    for (const sheet of sheets) {
      if (sheet.hidden) continue;
      const target = rels.get(sheet.rid);
      const xml = target ? text(sheetPath(target)) : null;
      if (xml === null) continue;
      const cells = new Map<number, Map<number, string>>();
      const merges: Array<[number, number, number, number]> = [];
      let cell: { row: number; col: number; type: string; style: number } | null = null;
      let value = '';
      let collecting = false;
      let inline = false;
      let nextRow = 0;
      let nextCol = 0;
      scanXml(xml, {
        open(el) {
          if (isMain(el, 'row')) {
            nextRow = Number(el.attrs.get('r') ?? nextRow + 1) || nextRow + 1;
            nextCol = 0;
          } else if (isMain(el, 'c')) {
            const ref = cellRef(el.attrs.get('r') ?? '');
            const [row, col] = ref ?? [nextRow || 1, nextCol + 1];
            nextCol = col;
            cell = { row, col, type: el.attrs.get('t') ?? 'n', style: Number(el.attrs.get('s') ?? 0) || 0 };
            value = '';
          } else if (cell && (isMain(el, 'v') || (isMain(el, 't') && inline))) {
            collecting = true;
          } else if (cell && isMain(el, 'is')) {
            inline = true;
          } else if (cell && isMain(el, 'rPh')) {
            collecting = false;
          } else if (isMain(el, 'mergeCell')) {
            const [from, to] = (el.attrs.get('ref') ?? '').split(':');
            const a = from ? cellRef(from) : null;
            const b = to ? cellRef(to) : null;
            if (a && b) merges.push([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
          }
        },
        close(el) {
          if (isMain(el, 'v') || isMain(el, 't')) collecting = false;
          else if (isMain(el, 'is')) inline = false;
          else if (isMain(el, 'c') && cell) {
            const shown = cellText(cell.type, value, dateStyles[cell.style] ?? false, shared, date1904);
            if (shown !== '') {
              if (cell.row > MAX_ROWS) throw new Refusal(`it has values below row ${MAX_ROWS.toLocaleString('en-GB')}, far more rows than any action plan`);
              if (cell.col > MAX_COLUMNS) throw new Refusal(`it has values beyond column ${MAX_COLUMNS}, far more columns than any action plan`);
              let row = cells.get(cell.row);
              if (!row) cells.set(cell.row, (row = new Map()));
              row.set(cell.col, shown);
            }
            cell = null;
          }
        },
        text(t) {
          if (!collecting || !cell) return;
          value += t;
          if (value.length > MAX_CELL_CHARS) throw new Refusal(`one of its cells holds more than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters, the most Excel itself allows`);
        },
      }, budget);
      // Only the area that holds values: a merge reaching to row 1,048,576 adds nothing beyond it.
      // (A loop, not Math.max(...all): spreading millions of cells into one call overflows the stack.)
      let lastRow = 0;
      let lastCol = 0;
      for (const [r, row] of cells) {
        lastRow = Math.max(lastRow, r);
        for (const c of row.keys()) lastCol = Math.max(lastCol, c);
      }
      for (const [r1, c1, r2, c2] of merges) {
        const top = cells.get(r1)?.get(c1);
        if (top === undefined) continue;
        for (let r = r1; r <= Math.min(r2, lastRow); r++) {
          for (let c = c1; c <= Math.min(c2, lastCol); c++) {
            if (r === r1 && c === c1) continue;
            // Many overlapping merges over a wide area would otherwise fill the same cells again and again.
            budget.step();
            let row = cells.get(r);
            if (!row) cells.set(r, (row = new Map()));
            row.set(c, top);
          }
        }
      }
      totalRows += lastRow;
      if (totalRows > MAX_ROWS * 2) throw new Refusal(`its sheets have more than ${(MAX_ROWS * 2).toLocaleString('en-GB')} rows, far more than any action plan`);
      const rows: string[][] = [];
      for (let r = 1; r <= lastRow; r++) {
        budget.step(lastCol);
        rows.push(Array.from({ length: lastCol }, (_, c) => cells.get(r)?.get(c + 1) ?? ''));
      }
      out.push({ name: sheet.name, rows });
    }
    if (sharedTotal > 50 * 1024 * 1024) throw new Refusal('its text is larger than 50 MB, far more than any action plan');
    return out;
  } catch (error) {
    if (error instanceof ParseTooComplex) throw new AppError('INVALID_INPUT', tooComplexMessage(label, error, 'action plan'));
    if (error instanceof Refusal) throw new AppError('INVALID_INPUT', `${label} was not imported: ${error.message}, so it may be damaged or deliberately malformed.`);
    throw error;
  }
}

function cellText(type: string, raw: string, dateStyle: boolean, shared: readonly string[], date1904: boolean): string {
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
      return raw;
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    case 'e':
      return '';
    case 'd': {
      const iso = raw.slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatUkDate(iso) : raw;
    }
    default: {
      if (raw === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      if (dateStyle) {
        const iso = excelSerialToIso(n, date1904);
        if (iso) return formatUkDate(iso);
      }
      return String(n);
    }
  }
}

/** The sheets as tables for the import: the first visible sheet that looks like an action plan, else the first with anything in it. */
export function sheetTables(sheets: readonly WorkbookSheet[], findHeader: (rows: string[][]) => number): { sheet: string | null; tables: SourceTable[] } {
  const filled = sheets.filter((s) => s.rows.some((r) => r.some((c) => c.trim())));
  const chosen = filled.find((s) => findHeader(s.rows) !== -1) ?? filled[0];
  if (!chosen) return { sheet: null, tables: [] };
  return { sheet: chosen.name, tables: [{ label: `Sheet “${chosen.name}”`, rows: chosen.rows, rowLabel: (i) => `Row ${i + 1}` }] };
}
