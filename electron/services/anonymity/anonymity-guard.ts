import { stampOf } from '../../../shared/domain/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import { buildNameMatchers, findNames, type NameKind, type RegisterPerson } from '../../../shared/domain/name-matching.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { AnonymityHit } from '../../../shared/ipc/schemas.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { extractDocxText, type DocxTextSegment } from './docx-text.ts';

// The anonymity guard: no real name from any review's pseudonym register may
// survive into a document that is published. It reads a .docx the way a
// person could (every part that can hold words: see docx-text.ts) and
// matches each real name as shared/domain/name-matching.ts describes.
//
// For the writers of anything published (reports for publication, the
// action plan and recommendations, the skeletons): call
// guardForPublication(bytes, db) on the built document, before writing
// anything. A full name or a surname is a definite hit: it throws
// AppError('NAMES_FOUND') listing every place. A first name on its own is a
// possible hit (it may be someone else's): the export stops with
// AppError('NAMES_TO_REVIEW') listing them, and goes ahead only when the
// person says they have reviewed each one (reviewedFirstNames). Either
// error carries each place, one a line, in its fields ("names.0", …) too,
// so a screen can list them. Audit how many were reviewed, never which.
//
// Real names are read from the store only here and are used only to match:
// they go nowhere else (no logs, no audit detail), except back to the person
// who asked, in the hits that say where each name is.

/** One place a name was found, and whether it was a full name, a surname, or a first name on its own (a possible hit). */
export interface GuardHit extends AnonymityHit {
  kind: NameKind;
}

/** Largest document the check reads. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Every review's pseudonym register: real names with their pseudonyms, deleted reviews included (their people are real too). */
export function loadRegister(db: Db): RegisterPerson[] {
  return db
    .prepare(
      `SELECT r.reference AS reviewReference, p.pseudonym, p.real_name AS realName
         FROM review_people p JOIN reviews r ON r.id = p.review_id
        ORDER BY r.reference, p.sort_order, p.rowid`,
    )
    .all() as RegisterPerson[];
}

/**
 * The professionals the store names by design: chairs, panel members,
 * officers and the authors of progress updates. Their names are not
 * pseudonymised, so a first name alone that is part of one of them
 * ("Officer: Kieran Moss") is that professional, not the Kieran of a register.
 */
export function loadProfessionals(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT chair_name AS name FROM reviews WHERE chair_name IS NOT NULL
         UNION SELECT member_name FROM review_panel_members
         UNION SELECT officer_name FROM applicability WHERE officer_name IS NOT NULL
         UNION SELECT author FROM progress_updates`,
      )
      .all() as Array<{ name: string }>
  )
    .map((r) => r.name.trim())
    .filter(Boolean);
}

/**
 * Every real name from the register in a .docx, with where it is. `label`
 * names the document in error messages (its path, say). Throws
 * AppError('INVALID_INPUT') when the bytes are not a readable .docx.
 */
export function checkDocx(bytes: Uint8Array, register: readonly RegisterPerson[], options: { label?: string; professionals?: readonly string[] } = {}): GuardHit[] {
  return findRealNames(extractDocxText(bytes, options.label), register, options.professionals);
}

/** Where a professional's full name is in a text, so a first name alone inside one is not taken for a register's. */
function professionalRanges(text: string, matchers: ReturnType<typeof buildNameMatchers>): Array<[number, number]> {
  return matchers.length ? findNames(text, matchers).map((m) => [m.start, m.end]) : [];
}

/**
 * Every real name from the register in a document's text (from
 * extractDocxText), with where it is. A first name alone that is part of a
 * professional's full name (see loadProfessionals) is left out.
 */
export function findRealNames(segments: readonly DocxTextSegment[], register: readonly RegisterPerson[], professionals: readonly string[] = []): GuardHit[] {
  const matchers = buildNameMatchers(register);
  if (!matchers.length) return [];
  const professionalMatchers = buildNameMatchers(professionals.map((realName) => ({ reviewReference: '', pseudonym: '', realName }))).filter((m) => m.kind === 'full name');
  const hits: GuardHit[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    const found = findNames(segment.text, matchers);
    const ranges = found.some((m) => m.kind === 'first name') ? professionalRanges(segment.text, professionalMatchers) : [];
    for (const match of found) {
      if (match.kind === 'first name' && ranges.some(([from, to]) => match.start < to && from < match.end)) continue;
      // In a paragraph's text from before its tracked changes, only names touching deleted text are new.
      if (segment.deleted && !segment.deleted.some(([from, to]) => match.start < to && from < match.end)) continue;
      const hit: GuardHit = {
        name: match.name,
        reviewReference: match.reviewReferences.join(', '),
        location: segment.location,
        context: match.context,
        kind: match.kind,
      };
      const key = JSON.stringify([hit.name, hit.reviewReference, hit.location, hit.context]);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push(hit);
    }
  }
  return hits;
}

/** A first name on its own: it may be a real person's, or someone else's with the same name. */
export const isPossibleHit = (hit: Pick<GuardHit, 'kind'>) => hit.kind === 'first name';

/** One line per hit: "Name (REF): location — …context…", saying when it is a first name only. */
export function describeHit(hit: AnonymityHit & { kind?: NameKind }): string {
  const kind = hit.kind === 'first name' ? ', first name only: check whether it is this person' : '';
  return `${hit.name} (${hit.reviewReference}${kind}): ${hit.location} — ${hit.context}`;
}

const placesIn = (n: number) => (n === 1 ? 'one place' : `${n} places`);
/** Each place, one a line, as error fields too, so a screen can list them (in order: "names.0", "names.1", …). */
const hitFields = (hits: readonly GuardHit[]) => Object.fromEntries(hits.map((hit, i) => [`names.${i}`, describeHit(hit)]));

export interface GuardOptions {
  /** What the document is, for messages: "This document is for publication" */
  what?: string;
  /** The person has reviewed each first name found on its own and says none is a person from a register */
  reviewedFirstNames?: boolean;
  /** What to do about a definite hit */
  fix?: string;
}

/** What the guard let through: how many first names alone the person said they had reviewed (for the audit log). */
export interface GuardOutcome {
  firstNamesReviewed: number;
}

/**
 * The guard's decision on the hits in something to be published or shared
 * as pseudonymised. Definite hits (full names, surnames) refuse it:
 * AppError('NAMES_FOUND'). Possible hits alone (first names) stop it until
 * the person has reviewed them: AppError('NAMES_TO_REVIEW'). Nothing should
 * be written when it throws.
 */
export function decideOnHits(hits: readonly GuardHit[], options: GuardOptions = {}): GuardOutcome {
  const what = options.what ?? 'This document is for publication';
  const definite = hits.filter((h) => !isPossibleHit(h));
  const possible = hits.filter(isPossibleHit);
  if (definite.length) {
    throw new AppError(
      'NAMES_FOUND',
      [
        `Nothing was written. ${what}, but real names from a pseudonym register appear in it in ${placesIn(definite.length)}:`,
        ...definite.map(describeHit),
        ...(possible.length ? [`First names only, which may be someone else's, also appear in ${placesIn(possible.length)}: review them too.`, ...possible.map(describeHit)] : []),
        options.fix ?? 'Change that text in DHR Tracker to use the pseudonyms, then export again.',
      ].join('\n'),
      hitFields([...definite, ...possible]),
    );
  }
  if (possible.length && !options.reviewedFirstNames) {
    throw new AppError(
      'NAMES_TO_REVIEW',
      [
        `Nothing was written yet. ${what}, and the first name of someone in a pseudonym register appears in it in ${placesIn(possible.length)}. These are first names only: each may be that person, or someone else with the same name. Review each one:`,
        ...possible.map(describeHit),
        'Where one is that person, change the text in DHR Tracker to use the pseudonym. If none of them is, confirm that you have reviewed each one and export again.',
      ].join('\n'),
      hitFields(possible),
    );
  }
  return { firstNamesReviewed: possible.length };
}

/**
 * Refuse a document to be published that holds any real name from any
 * register (see decideOnHits). Call it on the finished bytes before writing
 * them; nothing should be written when it throws.
 */
export function guardForPublication(bytes: Uint8Array, db: Db, options: GuardOptions & { label?: string } = {}): GuardOutcome {
  return decideOnHits(checkDocx(bytes, loadRegister(db), { label: options.label ?? 'The document', professionals: loadProfessionals(db) }), options);
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Read a document to check, with a clear message for each way that can fail. The file is only read. */
export function readDocumentFile(file: string): Uint8Array {
  const abs = path.resolve(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs, { throwIfNoEntry: false });
  } catch (error) {
    if (errnoCode(error) === 'ENOTDIR') stat = undefined;
    else throw new AppError('INVALID_INPUT', `Cannot read ${abs} (${errnoCode(error) ?? 'unknown error'}). Check that you may open it, or copy it somewhere you can.`);
  }
  if (!stat) throw new AppError('FILE_NOT_FOUND', `There is no file at ${abs}. Check the file name and folder.`);
  if (stat.isDirectory()) throw new AppError('INVALID_INPUT', `${abs} is a folder, not a Word document. Choose a .docx file.`);
  if (!stat.isFile()) throw new AppError('INVALID_INPUT', `${abs} is not a regular file. Choose a Word document (.docx).`);
  if (stat.size > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      `${abs} is ${Math.ceil(stat.size / (1024 * 1024))} MB, more than the ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB DHR Tracker can check. Large pictures or embedded files make a document this big: save a copy without them and check that.`,
    );
  }
  try {
    return fs.readFileSync(abs);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('INVALID_INPUT', `Cannot read ${abs}: you do not have permission to open it. Copy it somewhere you can read, and check the copy.`);
    if (code === 'EBUSY') throw new AppError('INVALID_INPUT', `Cannot read ${abs}: another program has it locked. Close it there and try again.`);
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `There is no file at ${abs} any more. Check the file name and folder.`);
    throw new AppError('INVALID_INPUT', `Cannot read ${abs} (${code ?? 'unknown error'}). Check the file and try again.`);
  }
}

/** A document the person chose, read and taken apart, ready to check. */
export interface ChosenDocument {
  /** Its absolute path */
  file: string;
  segments: DocxTextSegment[];
}

/**
 * Read a document the person chose and take it apart, refusing anything
 * that is not a readable .docx with a message naming the file. Nothing is
 * matched yet, so the command line can do this before asking for the
 * passphrase.
 */
export function readChosenDocument(file: string): ChosenDocument {
  const abs = path.resolve(file);
  return { file: abs, segments: extractDocxText(readDocumentFile(abs), abs) };
}

/**
 * Check a chosen document against every register in the store, and record
 * the check in the audit log (file name and number of hits, never the
 * names). For the app and the command line alike.
 */
export function checkChosenDocument(store: Store, document: ChosenDocument, actor: string): GuardHit[] {
  const hits = findRealNames(document.segments, loadRegister(store.db), loadProfessionals(store.db));
  store.db.transaction(() => {
    appendAudit(store.db, store.installationId, {
      actor,
      action: 'check-anonymity',
      entity: 'document',
      detail: { file: path.basename(document.file), hits: hits.length, changes: [] },
    }, stampOf(store.clock));
  })();
  return hits;
}
