import { formatUkDate } from './dates.ts';
import { findUkDates, parseUkDate } from './uk-date-parse.ts';
import { parseStatusWord, STATUS_WORD_EXAMPLES } from './status-words.ts';
import type { RecommendationScope, Status } from './vocabulary.ts';

// Reading action plans kept outside DHR Tracker (Word tables in the Home
// Office template, spreadsheets, CSV) into recommendations and actions.
// Pure: the readers in electron/services/exchange turn each file into
// tables of text cells, and this decides what each row means, so the same
// rules apply whatever the file was.
//
// The Home Office template's columns, as DOMAIN.md gives them:
//   Recommendation | Scope (local / regional / national) | Action to take |
//   Lead agency | Key milestones achieved | Target date | Date of completion and outcome
// Trackers add a number, a status or RAG rating, or a separate outcome.
//
// One recommendation can have several actions: rows that repeat the same
// recommendation (as merged cells do once read), or leave it blank under
// one that has it, are actions of that recommendation.

export const IMPORT_FIELDS = ['number', 'recommendation', 'scope', 'action', 'leadAgency', 'milestones', 'targetDate', 'completion', 'outcome', 'status'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_WORDS: Record<ImportField, string> = {
  number: 'Recommendation number',
  recommendation: 'Recommendation',
  scope: 'Scope (local / regional / national)',
  action: 'Action to take',
  leadAgency: 'Lead agency',
  milestones: 'Key milestones',
  targetDate: 'Target date',
  completion: 'Date of completion and outcome',
  outcome: 'Outcome or update',
  status: 'Status or RAG rating',
};

/** Column index (0-based) for each field; a field left out is not read. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Most characters one field may hold once imported: as the recommendation editor allows. */
export const MAX_FIELD_CHARS = 5000;
/** Most actions one recommendation may have: as the recommendation editor allows. */
export const MAX_ACTIONS = 50;

// Header words, tried in this order so that "Scope of recommendation" is a
// scope and "Key milestones achieved in enacting recommendation" milestones,
// not the recommendation itself.
const HEADER_RULES: Array<[ImportField, RegExp]> = [
  ['status', /\b(rag|status|rating)\b/],
  ['completion', /\b(completion|completed|date of completion|date completed|date achieved)\b/],
  ['scope', /\b(scope|local regional national|level)\b/],
  ['milestones', /\b(milestones?|progress|updates?|steps taken|achieved|commentary)\b/],
  ['number', /^(no|number|num|ref|reference|rec no|rec number|recommendation no|recommendation number|recommendation ref|item|item no|id|#)$/],
  ['targetDate', /\b(target|deadline|by when|due|timescales?|timeframe|time frame|date for completion)\b/],
  ['leadAgency', /\b(lead|agency|agencies|organisation|organisations|organization|owner|responsible|responsibility)\b/],
  ['action', /\b(actions?|to be taken|activity|activities|how)\b/],
  ['recommendation', /\b(recommendations?|recs?)\b/],
  ['outcome', /\b(outcomes?|evidence|impact|result)\b/],
];

function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

/** What a column header most likely means, or null. */
export function guessField(header: string): ImportField | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  for (const [field, rule] of HEADER_RULES) if (rule.test(h)) return field;
  return null;
}

/** A mapping guessed from a header row: each field to the first column whose header means it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, i) => {
    const field = guessField(header);
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

/** A row is a header row when it names the recommendation or the action and at least one other field. */
function isHeaderRow(row: readonly string[]): boolean {
  const fields = new Set(row.map((c) => (c.length <= 120 ? guessField(c) : null)).filter((f): f is ImportField => f !== null));
  return fields.size >= 2 && (fields.has('recommendation') || fields.has('action'));
}

/** The index of the header row among the first rows of a table, or -1. */
export function findHeaderRow(rows: readonly (readonly string[])[], lookAhead = 15): number {
  for (let i = 0; i < Math.min(rows.length, lookAhead); i++) if (isHeaderRow(rows[i]!)) return i;
  return -1;
}

export interface SourceTable {
  /** Where the table is, for messages: "Table 2", "Sheet “Actions”", "The file" */
  label: string;
  /** How to name a row: "Table 2, row 5", "Row 5" (index is 0-based) */
  rowLabel?: (index: number) => string;
  rows: string[][];
}

export interface ReadTable extends SourceTable {
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
}

export interface ImportedAction {
  actionText: string;
  /** Agency names as written; the first leads */
  agencies: string[];
  milestones: string | null;
  targetDate: string | null;
  completionDate: string | null;
  outcome: string | null;
  status: Status;
}

export interface ImportedRecommendation {
  /** The number the plan gave it, if any ("3", "2.1") */
  number: string | null;
  text: string;
  scope: RecommendationScope;
  actions: ImportedAction[];
  /** Where each of its rows was */
  locations: string[];
}

export interface UnderstoodRow {
  location: string;
  recommendationNumber: string | null;
  recommendation: string;
  action: string | null;
  leadAgency: string | null;
  targetDate: string | null;
  completionDate: string | null;
  status: Status | null;
  notes: string[];
}

export interface RowProblem {
  location: string;
  reason: string;
  /** The row's cells, joined, shortened: so the person can find it */
  text: string;
}

export interface InterpretedPlan {
  recommendations: ImportedRecommendation[];
  understood: UnderstoodRow[];
  notUnderstood: RowProblem[];
  /** Tables (or sheets) read, with their header row and mapping; tables with no header row are listed in problems */
  tables: Array<{ label: string; headerRow: number; headers: string[]; mapping: ColumnMapping; rows: number }>;
}

const SCOPE_WORDS: Array<[RegExp, RecommendationScope]> = [
  [/\bsingle\s*agency\b|\bsingle\b|\binternal\b/, 'single_agency'],
  [/\bmulti\s*agency\b|\bmulti\b|\bpartnership\b|\bjoint\b/, 'multi_agency'],
  [/\bnational\b|\bgovernment\b|\bhome office\b/, 'national'],
  [/\bregional\b|\bregion\b/, 'regional'],
  [/\blocal\b|\bcounty\b|\bcountywide\b|\bcsp\b|\bdistrict\b/, 'local'],
];

export function parseScopeWord(text: string): RecommendationScope | null {
  const t = text.toLowerCase().replace(/[^a-z]+/g, ' ');
  for (const [rule, scope] of SCOPE_WORDS) if (rule.test(t)) return scope;
  return null;
}

/** "1.", "1)", "R1:", "Recommendation 3 -", "3.2" at the start of a recommendation */
const NUMBER_PREFIX = /^\s*(?:(?:recommendation|rec)\.?\s*(?:no\.?\s*)?|r)?(\d{1,3}(?:\.\d{1,3})?)\s*(?:[.):\-–—]\s*|\s+(?=[A-Z]))/i;

function splitNumber(text: string): { number: string | null; text: string } {
  const m = NUMBER_PREFIX.exec(text);
  if (!m || m[0].length >= text.length) return { number: null, text };
  return { number: m[1]!, text: text.slice(m[0].length).trim() };
}

function tidy(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line, i, all) => line || (i > 0 && all[i - 1]))
    .join('\n')
    .trim();
}

/** Text for matching: case, spaces and punctuation do not matter. */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

/** Agency names in a lead agency cell: one per line, or separated by ";" or "/". */
export function splitAgencies(cell: string): string[] {
  const names = cell
    .split(/\n|;|\s\/\s|\/(?=[A-Z])|\u2022/)
    .map((s) => s.replace(/^[\s\-–•*]+/, '').replace(/[\s.,]+$/, '').trim())
    .filter(Boolean);
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = matchKey(n);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A short line with no full stop, or one about recommendations in general ("Single agency recommendations"). */
function looksLikeHeading(text: string): boolean {
  if (text.length > 100 || /[.!?;:]$/.test(text) || text.includes('\n')) return false;
  return /\brecommendations\b/i.test(text) || text.split(/\s+/).length <= 6;
}

function summary(cells: readonly string[]): string {
  const text = cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

const tooLong = (what: string) => `${what} is longer than ${MAX_FIELD_CHARS.toLocaleString('en-GB')} characters, the most DHR Tracker keeps for it. Shorten it in the file and import again.`;

/**
 * Find each table's header row and guess its mapping. A table without a
 * header row that has the same number of columns as the table before it
 * continues that table (a Word table split across pages), and is read with
 * its mapping. `mapping` overrides the guess (the person's choice for a
 * spreadsheet); it applies to every table.
 */
export function readTables(tables: readonly SourceTable[], mapping?: ColumnMapping): { read: ReadTable[]; unread: RowProblem[] } {
  const read: ReadTable[] = [];
  const unread: RowProblem[] = [];
  let previous: ReadTable | null = null;
  for (const table of tables) {
    if (!table.rows.some((r) => r.some((c) => c.trim()))) continue;
    const headerRow = findHeaderRow(table.rows);
    const width = Math.max(0, ...table.rows.map((r) => r.length));
    if (headerRow === -1) {
      const previousWidth: number = previous ? Math.max(0, ...previous.rows.map((r) => r.length)) : -1;
      if (previous && previousWidth === width) {
        read.push({ ...table, headerRow: -1, headers: previous.headers, mapping: mapping ?? previous.mapping });
        continue;
      }
      if (mapping) {
        // The person chose the columns themselves: the first row with anything in it names them.
        const first = table.rows.findIndex((r) => r.some((c) => c.trim()));
        read.push({ ...table, headerRow: first, headers: table.rows[first]!.map((h) => tidy(h)), mapping });
        previous = read[read.length - 1]!;
        continue;
      }
      unread.push({
        location: table.label,
        reason: 'No header row naming the recommendation and action columns was found, so this table was not read. Add a header row such as "Recommendation | Action | Lead agency | Target date".',
        text: summary(table.rows[0] ?? []),
      });
      continue;
    }
    const headers = table.rows[headerRow]!.map((h) => tidy(h));
    const entry: ReadTable = { ...table, headerRow, headers, mapping: mapping ?? guessMapping(headers) };
    read.push(entry);
    previous = entry;
  }
  return { read, unread };
}

interface RowContext {
  /** The recommendation the rows above belong to, for rows that leave it blank */
  current: ImportedRecommendation | null;
  byKey: Map<string, ImportedRecommendation>;
  byNumber: Map<string, ImportedRecommendation>;
}

/**
 * Interpret every row of every table. Nothing here looks at the store:
 * matching agencies and spotting recommendations the review already has
 * happen afterwards, on what this returns.
 */
export function interpretActionPlan(tables: readonly SourceTable[], options: { mapping?: ColumnMapping } & RowOptions = {}): InterpretedPlan {
  const { read, unread } = readTables(tables, options.mapping);
  const understood: UnderstoodRow[] = [];
  const notUnderstood: RowProblem[] = [...unread];
  const recommendations: ImportedRecommendation[] = [];
  const ctx: RowContext = { current: null, byKey: new Map(), byNumber: new Map() };

  for (const table of read) {
    const m = table.mapping;
    if (m.recommendation === undefined && m.action === undefined) {
      notUnderstood.push({ location: table.label, reason: 'Neither a Recommendation column nor an Action column is chosen, so no row can be read. Choose at least the Recommendation column.', text: summary(table.headers) });
      continue;
    }
    const headerKeys = table.headers.map(matchKey);
    // A table with its own header starts afresh; one continuing the table before it (split across pages) carries on its last recommendation.
    if (table.headerRow !== -1) ctx.current = null;
    table.rows.forEach((cells, index) => {
      if (index <= table.headerRow) return;
      const location = table.rowLabel ? table.rowLabel(index) : `${table.label}, row ${index + 1}`;
      const cell = (field: ImportField) => {
        const at = m[field];
        return at === undefined ? '' : tidy(cells[at]);
      };
      const mapped = IMPORT_FIELDS.filter((f) => m[f] !== undefined).map((f) => cell(f));
      if (!mapped.some(Boolean)) return; // an empty row
      // A header row repeated on a new page.
      if (headerKeys.length && cells.every((c, i) => !c.trim() || matchKey(c) === headerKeys[i])) return;
      // A heading across the whole table (one merged cell, read into every column).
      const filled = cells.map((c) => c.trim()).filter(Boolean);
      if (filled.length >= 3 && filled.length === cells.length && new Set(filled.map(matchKey)).size === 1) {
        notUnderstood.push({ location, reason: 'This row is a heading across the whole table, not a recommendation or an action, so it was left out.', text: summary([filled[0]!]) });
        return;
      }
      interpretRow(options, location, cells, cell, ctx, recommendations, understood, notUnderstood);
    });
  }
  return {
    recommendations,
    understood,
    notUnderstood,
    tables: read.map((t) => ({ label: t.label, headerRow: t.headerRow, headers: t.headers, mapping: t.mapping, rows: Math.max(0, t.rows.length - t.headerRow - 1) })),
  };
}

interface RowOptions {
  /** Completion dates after this are refused (ISO) */
  today?: string;
  /** Dates before the review's date of death cannot belong to it */
  dateOfDeath?: string | null;
}

function interpretRow(
  options: RowOptions,
  location: string,
  cells: readonly string[],
  cell: (field: ImportField) => string,
  ctx: RowContext,
  recommendations: ImportedRecommendation[],
  understood: UnderstoodRow[],
  notUnderstood: RowProblem[],
): void {
  const problems: string[] = [];
  const notes: string[] = [];
  const fail = (): void => {
    notUnderstood.push({ location, reason: problems.join(' '), text: summary(cells) });
  };

  // Which recommendation: its text, else its number, else the one above.
  const numberCell = cell('number').replace(/^(recommendation|rec)\s*/i, '').replace(/[.):\s]+$/, '');
  const split = splitNumber(cell('recommendation'));
  const recText = split.text;
  const number = numberCell || split.number;
  let rec: ImportedRecommendation | null = null;
  if (recText) {
    if (recText.length > MAX_FIELD_CHARS) {
      problems.push(tooLong('The recommendation'));
      return fail();
    }
    rec = ctx.byKey.get(matchKey(recText)) ?? null;
  } else if (number && ctx.byNumber.has(number)) {
    rec = ctx.byNumber.get(number)!;
  } else if (ctx.current) {
    rec = ctx.current;
  } else {
    problems.push('No recommendation: the Recommendation column is empty here and no row above gives one.');
    return fail();
  }

  const actionText = cell('action');
  const leadCell = cell('leadAgency');
  const targetCell = cell('targetDate');
  const completionCell = cell('completion');
  const outcomeCell = cell('outcome');
  const statusCell = cell('status');
  const milestones = cell('milestones');
  const hasActionDetail = Boolean(leadCell || targetCell || completionCell || outcomeCell || statusCell || milestones);

  // The scope belongs to the recommendation.
  const scopeCell = cell('scope');
  let scope: RecommendationScope = 'local';
  if (scopeCell) {
    const parsed = parseScopeWord(scopeCell);
    if (!parsed) problems.push(`The scope "${scopeCell.slice(0, 60)}" is not one DHR Tracker knows (Local, Regional, National, Single agency or Multi-agency).`);
    else scope = parsed;
  }

  let action: ImportedAction | null = null;
  if (actionText || hasActionDetail) {
    if (!actionText) problems.push('No action: the Action column is empty, but the row has a lead agency, date or status. Write the action to take.');
    if (actionText.length > MAX_FIELD_CHARS) problems.push(tooLong('The action'));
    if (milestones.length > MAX_FIELD_CHARS) problems.push(tooLong('The milestones'));
    const target = targetCell ? parseUkDate(targetCell) : ({ ok: true, iso: null } as const);
    if (!target.ok) problems.push(`Target date: ${target.reason}`);
    else if (target.iso && target.precision !== 'day') notes.push(`Target date "${targetCell}" read as ${target.precision === 'month' ? 'the end of that month' : 'the end of that financial quarter'}.`);

    // "Date of completion and outcome": a date, and words about what was done.
    let completionDate: string | null = null;
    let outcomeText = '';
    if (completionCell) {
      const dates = findUkDates(completionCell);
      if (dates.length) {
        const latest = dates.reduce((a, b) => (b.iso > a.iso ? b : a));
        completionDate = latest.iso;
        if (dates.length > 1) notes.push('The completion cell has several dates; the latest was taken as the completion date.');
      }
      outcomeText = completionCell;
    }
    if (outcomeCell) {
      outcomeText = outcomeText ? `${outcomeText}\n${outcomeCell}` : outcomeCell;
      if (!completionDate) {
        const dates = findUkDates(outcomeCell);
        if (dates.length) completionDate = dates.reduce((a, b) => (b.iso > a.iso ? b : a)).iso;
      }
    }
    if (outcomeText.length > MAX_FIELD_CHARS) problems.push(tooLong('The completion and outcome'));

    let status: Status | null = null;
    if (statusCell) {
      status = parseStatusWord(statusCell);
      if (!status) problems.push(`The status "${statusCell.slice(0, 60)}" is not one DHR Tracker understands (${STATUS_WORD_EXAMPLES}).`);
    }
    if (!status && !statusCell) {
      const fromWords = completionCell ? parseStatusWord(completionCell) : null;
      status = completionDate ? 'complete' : (fromWords ?? 'not_started');
    }
    if (status === 'complete' && completionDate && target.ok && target.iso && completionDate > target.iso) status = 'complete_late';
    if (completionDate && status && status !== 'complete' && status !== 'complete_late' && status !== 'not_implemented') {
      notes.push('The row has a completion date but its status is not complete; the status was kept as written.');
    }
    if (completionDate && options.today && completionDate > options.today) {
      problems.push(`The completion date ${formatUkDate(completionDate)} is in the future. Enter the date the action was completed.`);
    }
    if (options.dateOfDeath && target.ok && target.iso && target.iso < options.dateOfDeath) {
      problems.push(`The target date ${formatUkDate(target.iso)} is before the date of death (${formatUkDate(options.dateOfDeath)}), so it cannot belong to this review.`);
    }
    if (options.dateOfDeath && completionDate && completionDate < options.dateOfDeath) {
      problems.push(`The completion date ${formatUkDate(completionDate)} is before the date of death (${formatUkDate(options.dateOfDeath)}), so it cannot belong to this review.`);
    }
    if (problems.length) return fail();
    // Outcome words that are only a status or a date ("Complete", "31/03/2018") are not an outcome.
    const outcomeWords = outcomeText.replace(/[^A-Za-z]+/g, ' ').trim();
    const outcome = outcomeWords && !/^(complete|completed|done|ongoing|on going|in progress|closed|achieved|n a|na|tbc|not started)$/i.test(outcomeWords) ? outcomeText : null;
    // An outcome belongs to a completed action; words about work still going on are progress so far (milestones).
    let keptMilestones = milestones;
    if (outcome && !completionDate) {
      keptMilestones = milestones ? `${milestones}\n${outcome}` : outcome;
      if (keptMilestones.length > MAX_FIELD_CHARS) {
        problems.push(tooLong('The milestones with the update'));
        return fail();
      }
      notes.push('The update has no completion date, so it was kept with the key milestones.');
    }
    action = {
      actionText,
      agencies: splitAgencies(leadCell),
      milestones: keptMilestones || null,
      targetDate: target.ok ? target.iso : null,
      completionDate,
      outcome: completionDate ? outcome : null,
      status: status!,
    };
  }
  if (problems.length) return fail();

  if (!rec && !action && cells.filter((c) => c.trim()).length === 1 && looksLikeHeading(recText)) {
    notUnderstood.push({
      location,
      reason: 'This row holds only a few words and no action, so it looks like a heading rather than a recommendation, and was left out. If it is a recommendation, give it an action in the file.',
      text: summary(cells),
    });
    return;
  }
  if (!rec) {
    rec = { number: number || null, text: recText, scope, actions: [], locations: [] };
    recommendations.push(rec);
    ctx.byKey.set(matchKey(recText), rec);
  }
  if (number && !ctx.byNumber.has(number)) ctx.byNumber.set(number, rec);
  ctx.current = rec;

  if (!action) {
    // A recommendation without an action, or a merged cell read again with nothing new.
    if (rec.locations.length) return;
    rec.locations.push(location);
    understood.push({ location, recommendationNumber: rec.number, recommendation: rec.text, action: null, leadAgency: null, targetDate: null, completionDate: null, status: null, notes });
    return;
  }
  if (rec.actions.length >= MAX_ACTIONS) {
    notUnderstood.push({ location, reason: `This recommendation already has ${MAX_ACTIONS} actions, the most DHR Tracker keeps for one recommendation.`, text: summary(cells) });
    return;
  }
  rec.actions.push(action);
  rec.locations.push(location);
  understood.push({
    location,
    recommendationNumber: rec.number,
    recommendation: rec.text,
    action: action.actionText,
    leadAgency: action.agencies[0] ?? null,
    targetDate: action.targetDate,
    completionDate: action.completionDate,
    status: action.status,
    notes,
  });
}
