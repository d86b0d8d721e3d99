import { stampOf } from '../../../shared/domain/clock.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  findHeaderRow,
  IMPORT_FIELDS,
  interpretActionPlan,
  matchKey,
  type ColumnMapping,
  type ImportedRecommendation,
  type RowProblem,
  type SourceTable,
  type UnderstoodRow,
} from '../../../shared/domain/action-plan-import.ts';
import { parseCsv } from '../../../shared/domain/csv-parse.ts';
import { ParseBudget, ParseTooComplex, tooComplexMessage } from '../../../shared/domain/parse-budget.ts';
import { cutInput, quoteInput, shownPath } from '../../../shared/domain/quote-input.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { checkNameLength } from '../file-names.ts';
import { ensureApplicability } from '../progress/progress-queries.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { docxTables, MAX_CELL_CHARS, MAX_ROWS } from './docx-tables.ts';
import { sheetTables, xlsxSheets } from './xlsx-read.ts';

// Importing an action plan kept outside DHR Tracker into one review: read
// the file (Word, Excel or CSV) into tables of text, interpret the rows
// (shared/domain/action-plan-import.ts), match lead agencies to the
// partnership's list, and leave out recommendations the review already
// has. The preview shows all of that before anything is written; applying
// writes the recommendations, their actions and any new agencies in one
// transaction, and records it in the audit log.

export const MAX_ACTION_PLAN_BYTES = 50 * 1024 * 1024;
/** Most fields one CSV row may have: spreadsheets add empty columns, but never thousands. */
export const MAX_CSV_COLUMNS = 1_000;
export type PlanFileKind = 'docx' | 'xlsx' | 'csv';

export interface ReadActionPlan {
  file: string;
  kind: PlanFileKind;
  /** The sheet read, for a workbook */
  sheet: string | null;
  tables: SourceTable[];
}

/** Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as older Excel writes. */
function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function csvTables(bytes: Buffer, label: string): SourceTable[] {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b)) throw new AppError('INVALID_INPUT', `${label} is not a CSV file: it is a zip file, or an Excel or Word document with a .csv name. If it is an Excel workbook, rename it to end in .xlsx and import it as a spreadsheet.`);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw new AppError('INVALID_INPUT', `${label} is not a CSV file: it is an older Excel (.xls) or Office file. Save it from Excel as CSV or as an Excel Workbook (.xlsx), then import that copy.`);
  if (starts(0x44, 0x48, 0x52, 0x54, 0x50, 0x41, 0x43, 0x4b)) throw new AppError('INVALID_INPUT', `${label} is a DHR Tracker exchange package, not a CSV file. Import it with "Import package" instead.`);
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new AppError('INVALID_INPUT', `${label} is not a CSV file: it holds binary data. Save the spreadsheet as CSV (comma delimited), then import that copy.`);
  const budget = new ParseBudget();
  try {
    const parsed = parseCsv(text, { maxField: MAX_CELL_CHARS, maxRows: MAX_ROWS, maxColumns: MAX_CSV_COLUMNS, budget });
    if (!parsed.ok) throw new AppError('INVALID_INPUT', `${label} was not imported: ${parsed.reason.replace(/\.$/, '')}.`);
    const width = Math.max(0, ...parsed.rows.map((r) => r.length));
    const rows = parsed.rows.map((r) => {
      budget.step(width);
      return [...r, ...Array.from({ length: width - r.length }, () => '')];
    });
    return [{ label: 'The file', rows, rowLabel: (i) => `Row ${i + 1}` }];
  } catch (error) {
    if (error instanceof ParseTooComplex) throw new AppError('INVALID_INPUT', tooComplexMessage(label, error, 'action plan'));
    throw error;
  }
}

/** Read an action plan file: refuses anything that is not a sound .docx, .xlsx or .csv, with a message saying what it is. */
export function readActionPlanFile(file: string): ReadActionPlan {
  const abs = path.resolve(file);
  checkNameLength(abs);
  const label = shownPath(path.basename(abs));
  const extension = path.extname(abs).toLowerCase().slice(1);
  if (extension === 'doc' || extension === 'xls') {
    throw new AppError('INVALID_INPUT', `${label} is an older Office file (.${extension}). Open it and save it as ${extension === 'doc' ? 'a Word Document (.docx)' : 'an Excel Workbook (.xlsx)'}, then import that copy.`);
  }
  if (!['docx', 'xlsx', 'csv'].includes(extension)) {
    throw new AppError('INVALID_INPUT', `${label} is not a file DHR Tracker can import an action plan from. Choose a Word document (.docx), an Excel workbook (.xlsx) or a CSV file (.csv).`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new AppError('FILE_NOT_FOUND', `There is no file at ${shownPath(abs)}. Check the name and folder.`);
  }
  if (stat.isDirectory()) throw new AppError('INVALID_INPUT', `${shownPath(abs)} is a folder. Choose the action plan file itself.`);
  if (stat.size > MAX_ACTION_PLAN_BYTES) throw new AppError('INVALID_INPUT', `${label} is larger than ${MAX_ACTION_PLAN_BYTES / 1024 / 1024} MB, far larger than any action plan, so it was not read.`);
  const bytes = fs.readFileSync(abs);
  const kind = extension as PlanFileKind;
  if (kind === 'docx') return { file: abs, kind, sheet: null, tables: docxTables(bytes, label) };
  if (kind === 'xlsx') {
    const { sheet, tables } = sheetTables(xlsxSheets(bytes, label), (rows) => findHeaderRow(rows));
    return { file: abs, kind, sheet, tables };
  }
  return { file: abs, kind, sheet: null, tables: csvTables(bytes, label) };
}

export interface AgencyMatch {
  /** As written in the file (the first spelling met) */
  name: string;
  /** The partnership's agency with that name, in any case and punctuation */
  matchedId: string | null;
  matchedName: string | null;
}

/** Per agency name as written: an existing agency's id, or 'new' to add it to the partnership's list. */
export type AgencyChoices = Record<string, string>;

export interface ActionPlanPreview {
  file: string;
  kind: PlanFileKind;
  sheet: string | null;
  reviewId: string;
  reviewReference: string;
  /** For spreadsheets: the columns, with a sample value, to choose the mapping from */
  columns: Array<{ index: number; header: string; sample: string }>;
  /** The mapping used (the person's, else the guess); for Word documents, the first table's */
  mapping: ColumnMapping;
  tables: Array<{ label: string; headers: string[]; mapping: ColumnMapping; rows: number }>;
  understood: UnderstoodRow[];
  notUnderstood: RowProblem[];
  recommendations: ImportedRecommendation[];
  agencies: AgencyMatch[];
  /** Recommendations left out because the review already has them */
  alreadyInReview: number;
  /** Actions that will be written */
  actions: number;
}

interface ReviewHeader {
  id: string;
  reference: string;
  dateOfDeath: string | null;
  districtId: string;
}

function reviewHeader(db: Db, reviewId: string): ReviewHeader {
  const row = db
    .prepare('SELECT id, reference, date_of_death AS dateOfDeath, commissioning_district_id AS districtId FROM reviews WHERE id = ? AND deleted_at IS NULL')
    .get(reviewId) as ReviewHeader | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That review no longer exists. Reload the list of reviews and choose again.');
  return row;
}

/** The review with this reference, in any case. */
export function reviewIdForReference(db: Db, reference: string): string {
  const row = db.prepare('SELECT id FROM reviews WHERE reference = ? COLLATE NOCASE AND deleted_at IS NULL').get(reference.trim()) as { id: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no review with the reference ${cutInput(reference)}. List the reviews with dhr reviews list.`);
  return row.id;
}

/** The columns of the first table, for the mapping step. */
function columnsOf(table: SourceTable | undefined): ActionPlanPreview['columns'] {
  if (!table) return [];
  const header = Math.max(0, findHeaderRow(table.rows) === -1 ? table.rows.findIndex((r) => r.some((c) => c.trim())) : findHeaderRow(table.rows));
  const headers = table.rows[header] ?? [];
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => {
    const sample = table.rows.slice(header + 1).find((r) => r[i]?.trim())?.[i] ?? '';
    const letter = columnLetter(i);
    return { index: i, header: headers[i]?.trim() || `Column ${letter}`, sample: sample.length > 80 ? `${sample.slice(0, 79)}…` : sample };
  });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * What importing the file into the review would do. Reads only. `mapping`
 * is the person's choice of columns for a spreadsheet (ignored for Word
 * documents, whose tables are each read by their own headers).
 */
export function previewActionPlan(db: Db, read: ReadActionPlan, reviewId: string, options: { mapping?: ColumnMapping; today: string }): ActionPlanPreview {
  const review = reviewHeader(db, reviewId);
  const mapping = read.kind === 'docx' ? undefined : options.mapping;
  const plan = interpretActionPlan(read.tables, { mapping, today: options.today, dateOfDeath: review.dateOfDeath });

  // Recommendations the review already has (the same words) are not imported again.
  const existing = new Map(
    (db.prepare('SELECT text, position FROM recommendations WHERE review_id = ? AND deleted_at IS NULL').all(review.id) as Array<{ text: string; position: number }>).map((r) => [matchKey(r.text), r.position]),
  );
  const notUnderstood = [...plan.notUnderstood];
  const kept: ImportedRecommendation[] = [];
  const leftOut = new Set<string>();
  for (const rec of plan.recommendations) {
    const position = existing.get(matchKey(rec.text));
    if (position === undefined) {
      kept.push(rec);
      continue;
    }
    leftOut.add(rec.text);
    notUnderstood.push({
      location: rec.locations.join('; '),
      reason: `${review.reference} already has this recommendation (number ${position}), so it is not imported again.`,
      text: rec.text.length > 160 ? `${rec.text.slice(0, 159)}…` : rec.text,
    });
  }
  const understood = plan.understood.filter((u) => !leftOut.has(u.recommendation));

  // Lead agencies, matched to the partnership's list by name.
  const agencies = db.prepare('SELECT id, name FROM agencies').all() as Array<{ id: string; name: string }>;
  const byKey = new Map(agencies.map((a) => [matchKey(a.name), a]));
  const names = new Map<string, AgencyMatch>();
  for (const rec of kept) {
    for (const action of rec.actions) {
      for (const name of action.agencies) {
        const key = matchKey(name);
        if (names.has(key)) continue;
        const match = byKey.get(key);
        names.set(key, { name, matchedId: match?.id ?? null, matchedName: match?.name ?? null });
      }
    }
  }
  const first = plan.tables[0];
  return {
    file: read.file,
    kind: read.kind,
    sheet: read.sheet,
    reviewId: review.id,
    reviewReference: review.reference,
    columns: read.kind === 'docx' ? [] : columnsOf(read.tables[0]),
    mapping: mapping ?? first?.mapping ?? {},
    tables: plan.tables.map((t) => ({ label: t.label, headers: t.headers, mapping: t.mapping, rows: t.rows })),
    understood,
    notUnderstood,
    recommendations: kept,
    agencies: [...names.values()],
    alreadyInReview: leftOut.size,
    actions: kept.reduce((n, r) => n + r.actions.length, 0),
  };
}

export interface ActionPlanImportResult {
  reviewId: string;
  reviewReference: string;
  recommendations: number;
  actions: number;
  agenciesCreated: number;
}

/**
 * Write what the preview showed, in one transaction: new agencies (unless
 * mapped to existing ones), then each recommendation after the review's
 * existing ones, its addressees (the lead agencies named) and its actions;
 * every district starts considering each new recommendation, as when one
 * is written in the editor. Audited as one import.
 */
export function applyActionPlan(store: Store, preview: ActionPlanPreview, choices: AgencyChoices, actor: string, today: string): ActionPlanImportResult {
  const { db } = store;
  if (!preview.recommendations.length) {
    throw new AppError('INVALID_INPUT', `Nothing in ${path.basename(preview.file)} can be imported into ${preview.reviewReference}: no row was understood as a new recommendation. See the rows not understood, and their reasons.`);
  }
  const review = reviewHeader(db, preview.reviewId);
  const now = stampOf(store.clock);
  let created = 0;
  let actions = 0;
  db.transaction(() => {
    // Lead agencies: the person's choice, else the match by name, else a new agency.
    const agencyIds = new Map<string, string>();
    const known = new Set((db.prepare('SELECT id FROM agencies').all() as Array<{ id: string }>).map((a) => a.id));
    const addAgency = db.prepare(`INSERT INTO agencies (id, name, kind, owner_installation_id, owner_district_id, created_at, updated_at) VALUES (?, ?, 'local', ?, NULL, ?, ?)`);
    const byName = db.prepare('SELECT id FROM agencies WHERE name = ? COLLATE NOCASE');
    for (const match of preview.agencies) {
      const choice = choices[match.name];
      if (choice && choice !== 'new') {
        if (!known.has(choice)) throw new AppError('NOT_FOUND', `The agency chosen for ${quoteInput(match.name)} no longer exists. Preview the import again.`);
        agencyIds.set(matchKey(match.name), choice);
        continue;
      }
      if (match.matchedId && choice !== 'new') {
        agencyIds.set(matchKey(match.name), match.matchedId);
        continue;
      }
      const same = byName.get(match.name.trim()) as { id: string } | undefined;
      if (same) {
        agencyIds.set(matchKey(match.name), same.id);
        continue;
      }
      const id = randomUUID();
      addAgency.run(id, match.name.trim().slice(0, 300), store.installationId, now, now);
      agencyIds.set(matchKey(match.name), id);
      created++;
    }

    const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM recommendations WHERE review_id = ? AND deleted_at IS NULL').get(review.id) as { next: number };
    const owner = { owner: store.installationId, district: review.districtId, now };
    const addRec = db.prepare(
      `INSERT INTO recommendations (id, review_id, position, text, scope, finding, expected_outcome, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (@id, @review, @position, @text, @scope, NULL, NULL, @owner, @district, @now, @now)`,
    );
    const addAddressee = db.prepare(
      `INSERT OR IGNORE INTO recommendation_addressees (id, recommendation_id, agency_id, notified_date, acknowledged_date, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (@id, @rec, @agency, NULL, NULL, @owner, @district, @now, @now)`,
    );
    const addAction = db.prepare(
      `INSERT INTO actions (id, recommendation_id, position, action_text, lead_agency_id, milestones, target_date, completion_date, outcome, status, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (@id, @rec, @position, @text, @lead, @milestones, @target, @completion, @outcome, @status, @owner, @district, @now, @now)`,
    );
    preview.recommendations.forEach((rec, i) => {
      const id = randomUUID();
      addRec.run({ id, review: review.id, position: next + i, text: rec.text, scope: rec.scope, ...owner });
      rec.actions.forEach((action, a) => {
        const ids = action.agencies.map((n) => agencyIds.get(matchKey(n))!).filter(Boolean);
        for (const agency of ids) addAddressee.run({ id: randomUUID(), rec: id, agency, ...owner });
        addAction.run({
          id: randomUUID(),
          rec: id,
          position: a + 1,
          text: action.actionText,
          lead: ids[0] ?? null,
          milestones: action.milestones,
          target: action.targetDate,
          completion: action.completionDate,
          outcome: action.outcome,
          status: action.status,
          ...owner,
        });
        actions++;
      });
      ensureApplicability(db, store.installationId, now, today, id);
    });
    appendAudit(
      db,
      store.installationId,
      {
        actor,
        action: 'import',
        entity: 'review',
        entityId: review.id,
        detail: {
          import: 'action plan',
          file: path.basename(preview.file),
          recommendations: preview.recommendations.length,
          actions,
          agenciesCreated: created,
          rowsNotUnderstood: preview.notUnderstood.length,
        },
      },
      now,
    );
  })();
  return { reviewId: review.id, reviewReference: review.reference, recommendations: preview.recommendations.length, actions, agenciesCreated: created };
}

/** Parse "Recommendation=Col A,Action=Action to take" (column letters or header names) into a mapping. */
export function parseMappingOption(text: string, columns: ActionPlanPreview['columns']): ColumnMapping {
  const words: Record<string, (typeof IMPORT_FIELDS)[number]> = {
    number: 'number',
    no: 'number',
    recommendation: 'recommendation',
    scope: 'scope',
    action: 'action',
    leadagency: 'leadAgency',
    lead: 'leadAgency',
    agency: 'leadAgency',
    milestones: 'milestones',
    keymilestones: 'milestones',
    targetdate: 'targetDate',
    target: 'targetDate',
    completion: 'completion',
    completiondate: 'completion',
    outcome: 'outcome',
    status: 'status',
    rag: 'status',
  };
  const mapping: ColumnMapping = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq === -1) throw new AppError('INVALID_INPUT', `--map ${quoteInput(part)} needs the form Field=Column, such as Recommendation=Col A or "Target date=Deadline".`);
    const fieldWord = part.slice(0, eq).toLowerCase().replace(/[^a-z]/g, '');
    const field = words[fieldWord];
    if (!field) throw new AppError('INVALID_INPUT', `--map: ${quoteInput(part.slice(0, eq))} is not a field. Fields: Number, Recommendation, Scope, Action, Lead agency, Milestones, Target date, Completion, Outcome, Status.`);
    const columnText = part.slice(eq + 1).trim();
    const letter = /^(?:col(?:umn)?\s*)?([A-Za-z]{1,2})$/i.exec(columnText);
    const byHeader = columns.find((c) => c.header.toLowerCase() === columnText.toLowerCase());
    const index = byHeader ? byHeader.index : letter ? columns.find((c) => columnLetter(c.index) === letter[1]!.toUpperCase())?.index : undefined;
    if (index === undefined) {
      throw new AppError('INVALID_INPUT', `--map: there is no column ${quoteInput(columnText)}. The columns are: ${columns.map((c) => `${columnLetter(c.index)} (${cutInput(c.header, 40)})`).join(', ')}.`);
    }
    mapping[field] = index;
  }
  return mapping;
}
