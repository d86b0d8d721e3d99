import { stampOf } from '../../../shared/domain/clock.ts';
import path from 'node:path';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { guardForPublication } from '../anonymity/anonymity-guard.ts';
import { reviewedDetail } from '../exports/review-exports.ts';
import { safeFileName } from '../exports/docx-common.ts';
import { writeExportFile, type ExportWriteOptions } from '../exports/write-export-file.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { countywideDocx, drawCountywideCharts } from './countywide-docx.ts';
import { COUNTYWIDE_DATA_STEPS, loadCountywide } from './countywide-data.ts';
import { cspProgressDocx, drawCspCharts } from './csp-progress-docx.ts';
import { cspDataSteps, loadCspProgress } from './csp-progress-data.ts';
import { checkAsAt, checkPeriod, quietStep, type DistrictRow, type Step } from './report-common.ts';

// Building a report, as the app and the command line both do it: read the
// store, draw the charts, write the Word document in memory, and, for
// publication, refuse it if any real name from a pseudonym register is in
// it. Nothing is written to disk here until the caller has a file name;
// then it is written whole or not at all, and the export is audited.

export type ReportKind = 'csp progress' | 'countywide';

export interface BuiltReport {
  kind: ReportKind;
  bytes: Buffer;
  /** A file name to offer, such as "Fenland DHR progress report as at 21-11-2026.docx" */
  defaultName: string;
  dialogTitle: string;
  forPublication: boolean;
  /** What the audit log records about it (never names from a register) */
  detail: Record<string, unknown>;
  /** A line for the command line to say what was written */
  summary: string;
}

/** Steps after reading the data: two charts, the document, the check for names (for publication), saving. */
function finishingSteps(forPublication: boolean): number {
  return 2 + 1 + (forPublication ? 1 : 0) + 1;
}

export function cspReportSteps(asAt: string, forPublication: boolean): number {
  return cspDataSteps(asAt) + finishingSteps(forPublication);
}
export function countywideReportSteps(forPublication: boolean): number {
  return COUNTYWIDE_DATA_STEPS + finishingSteps(forPublication);
}

/** What a report is built from besides its own data: for publication, and whether first names alone were reviewed. */
interface Publication {
  forPublication: boolean;
  reviewedFirstNames?: boolean;
}

/** The finished file, checked for real names when it is for publication, with how many first names alone were reviewed. */
async function finish(db: Db, finished: Buffer, publication: Publication, step: Step): Promise<{ bytes: Buffer; firstNamesReviewed: number }> {
  if (!publication.forPublication) return { bytes: finished, firstNamesReviewed: 0 };
  await step('Checking the report for real names');
  // Throws AppError('NAMES_FOUND') (or NAMES_TO_REVIEW for first names alone) listing each place: then nothing is written.
  const checked = guardForPublication(finished, db, { label: 'The report', what: 'This report is for publication', reviewedFirstNames: publication.reviewedFirstNames });
  return { bytes: finished, firstNamesReviewed: checked.firstNamesReviewed };
}

export async function buildCspReport(
  db: Db,
  options: { district: DistrictRow; asAt: string; forPublication: boolean; reviewedFirstNames?: boolean; today: string; step?: Step },
): Promise<BuiltReport> {
  const step = options.step ?? quietStep;
  checkAsAt(options.asAt, options.today);
  const data = await loadCspProgress(db, options.district, options.asAt, { today: options.today, step });
  const charts = await drawCspCharts(data, step);
  await step('Writing the Word document');
  const { bytes, firstNamesReviewed } = await finish(db, await cspProgressDocx(data, charts), options, step);
  const asAtName = formatUkDate(options.asAt).replace(/\//g, '-');
  return {
    kind: 'csp progress',
    bytes,
    defaultName: `${safeFileName(`${data.district.name} ${data.reviewLabel} progress report as at ${asAtName}`)}.docx`,
    dialogTitle: 'Export the CSP progress report as a Word document',
    forPublication: options.forPublication,
    detail: { export: 'CSP progress report', district: data.district.name, asAt: options.asAt, forPublication: options.forPublication, recommendations: data.items.length, ...reviewedDetail(firstNamesReviewed) },
    summary: `the ${data.reviewLabel} progress report for ${data.district.name} as at ${formatUkDate(options.asAt)} (${data.items.length} applicable ${data.items.length === 1 ? 'recommendation' : 'recommendations'}, ${data.summary.overdue} overdue)`,
  };
}

export async function buildCountywideReport(db: Db, options: { from: string; to: string; forPublication: boolean; reviewedFirstNames?: boolean; today: string; step?: Step }): Promise<BuiltReport> {
  const step = options.step ?? quietStep;
  checkPeriod(options.from, options.to);
  const data = await loadCountywide(db, options.from, options.to, { today: options.today, step });
  const charts = await drawCountywideCharts(data, step);
  await step('Writing the Word document');
  const { bytes, firstNamesReviewed } = await finish(db, await countywideDocx(data, charts), options, step);
  const name = (iso: string) => formatUkDate(iso).replace(/\//g, '-');
  return {
    kind: 'countywide',
    bytes,
    defaultName: `${safeFileName(`${data.reviewLabel} countywide learning report ${name(options.from)} to ${name(options.to)}`)}.docx`,
    dialogTitle: 'Export the countywide learning report as a Word document',
    forPublication: options.forPublication,
    detail: { export: 'countywide learning report', from: options.from, to: options.to, forPublication: options.forPublication, reviews: data.reviews.length, ...reviewedDetail(firstNamesReviewed) },
    summary: `the ${data.reviewLabel} countywide learning report for ${formatUkDate(options.from)} to ${formatUkDate(options.to)} (${data.reviews.length} ${data.reviews.length === 1 ? 'review' : 'reviews'}, ${data.totals.recommendations} ${data.totals.recommendations === 1 ? 'recommendation' : 'recommendations'})`,
  };
}

/** Write the built report to the chosen file (all or nothing) and record it in the audit log. */
export function saveReport(store: Store, built: BuiltReport, chosen: string, actor: string, options: ExportWriteOptions = {}): { file: string; bytes: number } {
  const written = writeExportFile(chosen, built.bytes, 'docx', options);
  store.db.transaction(() => {
    appendAudit(store.db, store.installationId, {
      actor,
      action: 'export',
      entity: 'report',
      detail: { changes: [], ...built.detail, file: path.basename(written.file) },
    }, stampOf(store.clock));
  })();
  return written;
}
