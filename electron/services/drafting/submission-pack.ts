import { stampOf } from '../../../shared/domain/clock.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { SubmissionCheck } from '../../../shared/ipc/drafting-schemas.ts';
import { findRealNames, isPossibleHit, loadProfessionals, loadRegister, readDocumentFile } from '../anonymity/anonymity-guard.ts';
import { extractDocxText } from '../anonymity/docx-text.ts';
import { cleanText, contentWidth, documentStyles, markedHeaderFooter, PORTRAIT_PAGE, safeFileName, sectionProperties, ukDate } from '../exports/docx-common.ts';
import { buildReviewExport } from '../exports/review-exports.ts';
import type { Dialogs } from '../platform.ts';
import { formFromStored } from '../reviews/review-form.ts';
import { saveReview } from '../reviews/review-save.ts';
import { loadReview } from '../reviews/review-store.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import { readSettings } from '../store/settings-store.ts';
import { runSubmissionCheck } from './submission.ts';

// The Home Office submission pack: one folder with the chair's overview
// report and executive summary, a freshly exported action plan and the
// checklist result. It is made only when every check passes, written whole
// (a hidden temporary folder renamed into place), and only then is the
// submission date recorded in the review.

async function checklistDocx(check: SubmissionCheck, marking: string, submittedDate: string): Promise<Buffer> {
  const width = contentWidth(PORTRAIT_PAGE);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' };
  const cell = (text: string, w: number, bold = false) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, borders: { top: border, bottom: border, left: border, right: border }, children: [new Paragraph({ children: [new TextRun({ text: cleanText(text), bold })] })] });
  const widths = [Math.round(width * 0.45), Math.round(width * 0.12), width - Math.round(width * 0.45) - Math.round(width * 0.12)];
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Check', widths[0]!, true), cell('Result', widths[1]!, true), cell('Detail', widths[2]!, true)] }),
      ...check.items.map((i) => new TableRow({ children: [cell(i.label, widths[0]!), cell(i.passed ? 'Passed' : 'Failed', widths[1]!, true), cell(i.detail, widths[2]!)] })),
    ],
  });
  return Packer.toBuffer(
    new Document({
      title: `${check.reference}: submission checklist`,
      styles: documentStyles(),
      sections: [
        {
          properties: sectionProperties(PORTRAIT_PAGE),
          ...markedHeaderFooter({ marking, headerText: `${check.reference} · Home Office submission checklist`, page: PORTRAIT_PAGE }),
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Submission checklist: ${check.reference}`)] }),
            new Paragraph({ spacing: { after: 200 }, children: [new TextRun(`All checks passed. Submitted to the Home Office Quality Assurance Panel on ${ukDate(submittedDate)}.`)] }),
            table,
          ],
        },
      ],
    }),
  );
}

async function chooseDocument(dialogs: Dialogs, title: string): Promise<{ file: string; bytes: Uint8Array } | null> {
  const file = await dialogs.chooseOpenFile({ title, extensions: ['docx'], filterName: 'Word document' });
  return file ? { file: path.resolve(file), bytes: readDocumentFile(file) } : null;
}

export async function makeSubmissionPack(
  store: Store,
  dialogs: Dialogs,
  input: { reviewId: string; submittedDate: string },
  actor: string,
  today: string,
): Promise<{ folder: string | null; files: string[]; check: SubmissionCheck | null }> {
  const { db } = store;
  const review = loadReview(db, input.reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  const cancelled = { folder: null, files: [], check: null };
  const overview = await chooseDocument(dialogs, 'Choose the final overview report');
  if (!overview) return cancelled;
  const summary = await chooseDocument(dialogs, 'Choose the final executive summary');
  if (!summary) return cancelled;

  // Both documents are checked for every real name in every register (full names and surnames:
  // a first name alone is only a possible hit, which "Check a document for names" lists for review).
  const register = loadRegister(db);
  const professionals = loadProfessionals(db);
  const hits = [overview, summary].reduce((n, d) => n + findRealNames(extractDocxText(d.bytes, d.file), register, professionals).filter((h) => !isPossibleHit(h)).length, 0);
  const check = runSubmissionCheck(db, input.reviewId, { file: `${path.basename(overview.file)} and ${path.basename(summary.file)}`, hits }, today);
  if (!check.passed) {
    const failing = check.items.filter((i) => !i.passed).map((i) => `• ${i.label}: ${i.detail}`);
    throw new AppError('INVALID_INPUT', `The submission pack was not made and nothing was recorded as submitted, because ${failing.length === 1 ? 'one check fails' : `${failing.length} checks fail`}:\n${failing.join('\n')}`);
  }
  const parent = await dialogs.chooseFolder?.({ title: 'Choose where to put the submission pack' });
  if (!parent) return { ...cancelled, check };

  const marking = readSettings(db).protectiveMarking;
  const plan = await buildReviewExport(db, input.reviewId, 'action plan', today);
  const reference = safeFileName(review.reference);
  const files: Array<[string, Uint8Array]> = [
    [`${reference} overview report.docx`, overview.bytes],
    [`${reference} executive summary.docx`, summary.bytes],
    [`${reference} action plan.docx`, plan.bytes],
    [`${reference} submission checklist.docx`, await checklistDocx(check, marking, input.submittedDate)],
  ];
  const folder = path.join(path.resolve(parent), `${reference} Home Office submission ${input.submittedDate}`);
  if (fs.existsSync(folder)) throw new AppError('FILE_EXISTS', `${folder} already exists. Move or rename it, or choose another folder.`);
  const temporary = path.join(path.dirname(folder), `.${path.basename(folder)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(temporary, { mode: 0o700 });
    for (const [name, bytes] of files) fs.writeFileSync(path.join(temporary, name), bytes, { mode: 0o600 });
    fs.renameSync(temporary, folder);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('NOT_WRITABLE', `The submission pack could not be written in ${parent} (${code ?? 'unknown error'}). Choose a folder you can write to. Nothing was recorded as submitted.`);
  }
  try {
    // Recording the submission is an ordinary review save: it is validated (date order, rounds) and audited like any other.
    const data = formFromStored(review);
    saveReview(store, { ...data, qaSubmissions: [...data.qaSubmissions, { submittedDate: input.submittedDate, outcome: null, outcomeDate: null, feedback: null }] }, actor, today);
    db.transaction(() =>
      appendAudit(db, store.installationId, { actor, action: 'export', entity: 'review', entityId: review.id, detail: { export: 'Home Office submission pack', file: path.basename(folder), changes: [] } }, stampOf(store.clock)),
    )();
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { folder, files: files.map(([name]) => path.join(folder, name)), check };
}
