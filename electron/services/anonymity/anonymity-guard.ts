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
// For the report writers: call guardForPublication(bytes, db) on the built
// document, before writing anything, whenever "For publication" is chosen.
// It returns quietly when the document is clean and throws
// AppError('NAMES_FOUND') listing every place a name was found otherwise.
//
// Real names are read from the store only here and are used only to match:
// they go nowhere else (no logs, no audit detail), except back to the person
// who asked, in the hits that say where each name is.

/** One place a name was found, and whether it was a full name or a surname on its own. */
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
 * Every real name from the register in a .docx, with where it is. `label`
 * names the document in error messages (its path, say). Throws
 * AppError('INVALID_INPUT') when the bytes are not a readable .docx.
 */
export function checkDocx(bytes: Uint8Array, register: readonly RegisterPerson[], options: { label?: string } = {}): GuardHit[] {
  return findRealNames(extractDocxText(bytes, options.label), register);
}

/** Every real name from the register in a document's text (from extractDocxText), with where it is. */
export function findRealNames(segments: readonly DocxTextSegment[], register: readonly RegisterPerson[]): GuardHit[] {
  const matchers = buildNameMatchers(register);
  if (!matchers.length) return [];
  const hits: GuardHit[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    for (const match of findNames(segment.text, matchers)) {
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

/** One line per hit: "Name (REF): location — …context…". */
export function describeHit(hit: AnonymityHit): string {
  return `${hit.name} (${hit.reviewReference}): ${hit.location} — ${hit.context}`;
}

/**
 * For "For publication": refuse a document holding any real name from any
 * register. Call it on the finished bytes before writing them; nothing
 * should be written when it throws. Throws AppError('NAMES_FOUND') whose
 * message lists each place, one line each (name, review, location, context).
 */
export function guardForPublication(bytes: Uint8Array, db: Db, options: { label?: string } = {}): void {
  const hits = checkDocx(bytes, loadRegister(db), { label: options.label ?? 'The document' });
  if (!hits.length) return;
  const places = hits.length === 1 ? 'one place' : `${hits.length} places`;
  throw new AppError(
    'NAMES_FOUND',
    [
      `Nothing was written. This document is for publication, but real names from a pseudonym register appear in it in ${places}:`,
      ...hits.map(describeHit),
      'Change that text in DHR Tracker to use the pseudonyms, then export again.',
    ].join('\n'),
  );
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
  const hits = findRealNames(document.segments, loadRegister(store.db));
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
