import fs from 'node:fs';
import path from 'node:path';
import { stampOf, todayOf } from '../../shared/domain/clock.ts';
import { formatUkDate } from '../../shared/domain/dates.ts';
import { SCOPE_WORDS } from '../../shared/domain/vocabulary.ts';
import { AppError, isAppError } from '../../shared/ipc/errors.ts';
import { checkChosenDocument, describeHit, isPossibleHit, readChosenDocument } from '../services/anonymity/anonymity-guard.ts';
import { loadDemo } from '../services/demo/demo-loader.ts';
import { statusReport } from './status-report.ts';
import { EXCHANGE_HELP, EXCHANGE_OPTIONS_HELP, exchangeCommandOf, runExchangeCommand } from './exchange-commands.ts';
import { buildReviewExport, recordReviewExport, reviewIdByReference, type ReviewExportKind } from '../services/exports/review-exports.ts';
import { checkExportLocation, writeExportFile } from '../services/exports/write-export-file.ts';
import { checkNameLength } from '../services/file-names.ts';
import { recommendationsForReview } from '../services/recommendations/recommendation-store.ts';
import { pseudonymRegister } from '../services/reviews/pseudonym-register.ts';
import { agencyNames } from '../services/reviews/review-store.ts';
import { listReviews } from '../services/reviews/review-list.ts';
import { createStore, openStore, type Store } from '../services/store/open-store.ts';
import { storeStats } from '../services/store/store-stats.ts';
import { verifyStore } from '../services/store/verify-store.ts';
import { buildSkeleton, skeletonAuditDetail, SKELETONS } from '../services/drafting/drafting-handlers.ts';
import { runSubmissionCheck } from '../services/drafting/submission.ts';
import { appendAudit } from '../services/store/audit.ts';
import { asAppError } from '../services/store/store-errors.ts';
import { ACTOR, appVersion, cliClock, existingFile, FORCE_HELP, parseOptions, reviewedNote, storePassphrase, withStore as withStoreAt, type Io } from './cli-common.ts';
import { runSecurityCommand, securityCommandOf, SECURITY_HELP } from './security-commands.ts';
import { REPORT_HELP, REPORT_OPTIONS_HELP, reportCommandOf, runReportCommand } from './report-commands.ts';
import { cutInput, quoteInput, shownPath } from '../../shared/domain/quote-input.ts';

// dhr: the command-line face of the same services the app uses.

/** Longest error line dhr prints: long enough for a message that lists places, short enough to read */
const MAX_ERROR_LINE = 20_000;

const HELP = `dhr - DHR Tracker on the command line

Usage:
  dhr init   --db FILE            Create a new, empty encrypted store
  dhr demo   --db FILE            Create the store if missing and load the fictional demo partnership
  dhr stats  --db FILE [--json]   Count reviews, recommendations, actions, decisions, updates, districts, agencies
  dhr verify --db FILE            Check integrity, schema version and the audit chain (exit 1 on any problem)
  dhr status --db FILE [--district NAME] [--json]
                                  Implementation across the county, or in one district: applicable
                                  recommendations by status, how many are overdue and how many
                                  are due within 30 days (the dashboard's figures)
  dhr reviews list --db FILE [--json]
                                  Every review: reference, district, stage, days in stage, overdue flags
  dhr recommendations list --db FILE --review REF [--json]
                                  A review's numbered recommendations with their actions
  dhr names list --db FILE --review REF [--json]
                                  A review's pseudonym register (real names: handle with care)
  dhr export action-plan --db FILE --review REF --out FILE.docx [--force] [--reviewed-first-names]
                                  The review's action plan as a Word document in the Home
                                  Office template (landscape A4, one row per action)
  dhr export overview-skeleton --db FILE --review REF --out FILE.docx [--force] [--reviewed-first-names]
  dhr export executive-summary-skeleton --db FILE --review REF --out FILE.docx [--force] [--reviewed-first-names]
                                  The chair's skeleton documents: Home Office structure, filled from the
                                  review (pseudonyms only), with guidance where the chair writes
  dhr submission-check --db FILE --review REF [--report FILE.docx] [--json]
                                  The checklist before sending to the Home Office (exit 1 until it passes);
                                  --report checks the chair's final report for real names
  dhr export recommendations --db FILE --review REF --out FILE.docx [--force] [--reviewed-first-names]
                                  The review's numbered recommendations as a Word document,
                                  for the overview report. These Word exports are published, so
                                  each is refused if a real name (full name or surname) from any
                                  pseudonym register is in it, listing each place
${REPORT_HELP.trimEnd()}
${EXCHANGE_HELP.trimEnd()}
  dhr check-anonymity --db FILE DOC.docx
                                  Look for the real name of anyone in any review's pseudonym
                                  register in a Word document: body, tables, headers, footers,
                                  notes, comments, text boxes, tracked changes and properties.
                                  Lists each place found; exits 1 if there are any
${SECURITY_HELP}
Options:
  --db FILE                The store file (.dhr)
  --passphrase-file FILE   Read the passphrase from FILE: its first line only (anything
                           after the first line break is ignored)
  --review REF             The review, by its reference, in any case (recommendations list, names list, export)
  --district NAME          One district, by its name, in any case (status, export csp-report)
${REPORT_OPTIONS_HELP.trimEnd()}
${EXCHANGE_OPTIONS_HELP.trimEnd()}
  --out FILE.docx          Where to write an export. It must end in .docx (.xlsx, .zip or
                           .dhrpack for those exports). An existing file there is left as it
                           is unless --force is given; the file is written whole or not at
                           all. Exports hold pseudonyms, never real names.
  --reviewed-first-names   Go ahead with a published export (Word exports, reports for
                           publication, xlsx/csv) in which a first name of someone in a
                           pseudonym register appears on its own, once you have reviewed
                           each place listed and none is that person. Full names and
                           surnames are refused regardless
                           For dhr backup, any new file name: a backup never overwrites.
${FORCE_HELP.trimEnd()}
  --from BACKUP            The backup to restore (restore); it opens with its own passphrase
  --json                   Machine-readable output (stats, status, reviews list, recommendations list, names list)
  -h, --help               Show this help

The passphrase comes from the DHR_PASSPHRASE environment variable, else
--passphrase-file, else a hidden prompt when run at a terminal. For dhr rekey
that is the current passphrase, and the new one comes from DHR_NEW_PASSPHRASE.
`;

const COMMANDS = ['init', 'demo', 'stats', 'verify', 'status', 'reviews list', 'recommendations list', 'names list', 'export action-plan', 'export recommendations', 'export overview-skeleton', 'export executive-summary-skeleton', 'submission-check', 'check-anonymity'] as const;
type Command = (typeof COMMANDS)[number];
/** Commands made of a noun and a verb, such as "reviews list" */
const GROUPS: Record<string, readonly string[]> = { reviews: ['list'], recommendations: ['list'], names: ['list'], export: ['action-plan', 'recommendations', 'overview-skeleton', 'executive-summary-skeleton', 'csp-report', 'countywide'] };
/** Commands that write a Word export of one review, and what they export */
const EXPORTS: Partial<Record<Command, ReviewExportKind>> = { 'export action-plan': 'action plan', 'export recommendations': 'recommendations' };
const NEEDS_REVIEW: readonly Command[] = ['recommendations list', 'names list', 'export action-plan', 'export recommendations', 'export overview-skeleton', 'export executive-summary-skeleton', 'submission-check'];
/** The chair's drafting pack: skeleton documents built from the review */
const SKELETON_COMMANDS: Partial<Record<Command, keyof typeof SKELETONS>> = { 'export overview-skeleton': 'overview', 'export executive-summary-skeleton': 'executive summary' };
const parse = (argv: string[]) =>
  parseOptions(argv, {
    db: { type: 'string' },
    'passphrase-file': { type: 'string' },
    json: { type: 'boolean' },
    review: { type: 'string' },
    report: { type: 'string' },
    district: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    'reviewed-first-names': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });

export async function runCli(io: Io): Promise<number> {
  // backup, restore and rekey have their own options (--from) and live in security-commands.ts.
  if (securityCommandOf(io.argv)) return runSecurityCommand(io);
  // dhr export csp-report and dhr export countywide have their own options and live in report-commands.ts.
  if (reportCommandOf(io.argv)) return runReportCommand(io);
  // dhr pack export|import, dhr import action-plan and dhr export xlsx|csv live in exchange-commands.ts.
  if (exchangeCommandOf(io.argv)) return runExchangeCommand(io);
  const { values, positionals } = parse(io.argv);
  if (values.help || positionals.length === 0) {
    io.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  const [noun = '', ...rest] = positionals;
  const verbs = GROUPS[noun];
  if (verbs && !rest.length) throw new AppError('INVALID_INPUT', `Say what to do with ${noun}: dhr ${noun} ${verbs.join(' | ')}. Run dhr --help for usage.`);
  if (verbs && !verbs.includes(rest[0]!)) throw new AppError('INVALID_INPUT', `Unknown command ${quoteInput(`${noun} ${rest[0]}`)}. Run dhr --help for usage.`);
  const command = (verbs ? `${noun} ${rest[0]}` : noun) as Command;
  const extra = verbs ? rest.slice(1) : rest;
  if (!COMMANDS.includes(command)) throw new AppError('INVALID_INPUT', `Unknown command ${quoteInput(command)}. Commands: ${COMMANDS.join(', ')}. Run dhr --help for usage.`);
  // check-anonymity takes the document to check as its one argument.
  if (command === 'check-anonymity' && extra.length !== 1) throw new AppError('INVALID_INPUT', 'Give the Word document to check: dhr check-anonymity --db FILE DOC.docx.');
  if (extra.length && command !== 'check-anonymity') throw new AppError('INVALID_INPUT', `Unexpected argument ${quoteInput(extra[0]!)}. Run dhr --help for usage.`);
  if (!values.db) throw new AppError('INVALID_INPUT', `The ${command} command needs --db FILE, the store to use.`);
  if (values.json && !['stats', 'status', 'reviews list', 'recommendations list', 'names list', 'submission-check'].includes(command)) throw new AppError('INVALID_INPUT', `--json does not apply to dhr ${command}.`);
  if (NEEDS_REVIEW.includes(command) && !values.review) throw new AppError('INVALID_INPUT', `The ${command} command needs --review REF, the reference of the review.`);
  if (values.review !== undefined && !NEEDS_REVIEW.includes(command)) throw new AppError('INVALID_INPUT', `--review does not apply to dhr ${command}.`);
  if (values.district !== undefined && command !== 'status') throw new AppError('INVALID_INPUT', `--district does not apply to dhr ${command}.`);
  if (values.district !== undefined && !values.district.trim()) throw new AppError('INVALID_INPUT', 'Give --district the name of a district, such as --district Fenland.');
  const exportKind = EXPORTS[command] ?? SKELETON_COMMANDS[command];
  if (values.report !== undefined && command !== 'submission-check') throw new AppError('INVALID_INPUT', `--report does not apply to dhr ${command}.`);
  if (exportKind && !values.out) throw new AppError('INVALID_INPUT', `The ${command} command needs --out FILE.docx, the Word file to write.`);
  if (values.out !== undefined && !exportKind) throw new AppError('INVALID_INPUT', `--out does not apply to dhr ${command}.`);
  if (values.force !== undefined && !exportKind) throw new AppError('INVALID_INPUT', `--force does not apply to dhr ${command}: it only lets an export replace the file at --out.`);
  const existing = existingFile(values.force);
  if (values['reviewed-first-names'] !== undefined && !exportKind) throw new AppError('INVALID_INPUT', `--reviewed-first-names does not apply to dhr ${command}.`);
  const reviewedFirstNames = values['reviewed-first-names'] ?? false;
  if (exportKind && !/\.docx$/i.test(values.out!)) {
    throw new AppError('INVALID_INPUT', `--out must name a Word file ending in .docx, such as "${cutInput(values.review ?? "DHR-XX-2026-01", 30)} ${exportKind}.docx"; ${quoteInput(values.out!)} does not.`);
  }
  const db = path.resolve(values.db);
  const exists = fs.existsSync(db);
  const passphrase = () => storePassphrase(io, values['passphrase-file'], !exists && (command === 'init' || command === 'demo'));
  const options = { appVersion: appVersion(), actor: ACTOR, clock: cliClock(io.env) };
  const withStore = <T>(use: (store: Store) => T | Promise<T>): Promise<T> => withStoreAt(io, { ...values, db: values.db! }, use);
  /** For commands that only read: the store is opened read-only and its files are left exactly as they were. */
  const readStore = <T>(use: (store: Store) => T | Promise<T>): Promise<T> => withStoreAt(io, { ...values, db: values.db! }, use, { onlyReads: true });

  switch (command) {
    case 'init': {
      const store = createStore(db, await passphrase(), options);
      store.close();
      io.stdout.write(`Created an empty store at ${db}\n`);
      return 0;
    }
    case 'demo': {
      const secret = await passphrase();
      const store = exists ? openStore(db, secret, options) : createStore(db, secret, options);
      try {
        loadDemo(store, {
          actor: ACTOR,
          onProgress: (done, total, label) => {
            if (io.stderr.isTTY) io.stderr.write(`\r${label} (${done}/${total})`.padEnd(60));
          },
        });
        if (io.stderr.isTTY) io.stderr.write('\n');
        const s = storeStats(store.db);
        io.stdout.write(`Loaded the demo partnership into ${db}: ${s.reviews} reviews, ${s.recommendations} recommendations, ${s.progressUpdates} progress updates.\n`);
      } catch (error) {
        // A store this command created is removed again, so a failed demo leaves nothing behind.
        store.close();
        if (!exists) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
        throw error;
      }
      store.close();
      return 0;
    }
    case 'stats': {
      const s = await readStore((store) => storeStats(store.db));
      if (values.json) io.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      else for (const [key, n] of Object.entries(s)) io.stdout.write(`${key.padEnd(24)}${n}\n`);
      return 0;
    }
    case 'status': {
      const report = await readStore((store) => statusReport(store.db, values.district ?? null, todayOf(store.clock)));
      if (values.json) {
        io.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
        return 0;
      }
      io.stdout.write(report.text);
      return 0;
    }
    case 'reviews list': {
      const { rows } = await readStore((store) => listReviews(store.db, { sort: 'reference', direction: 'asc' }, todayOf(store.clock)));
      const out = rows.map((r) => ({
        reference: r.reference,
        district: r.districtName,
        stage: r.clock.stage,
        stageLabel: r.clock.stageLabel,
        stageSince: r.clock.stageSince,
        daysInStage: r.clock.daysInStage,
        overdue: {
          decision: r.clock.decisionOverdue,
          completion: r.clock.completionOverdue,
          qaResubmission: r.clock.qaResubmissionOutstanding,
          actionPlanOpen: r.clock.actionPlanOpen,
        },
        recommendations: r.recommendations,
      }));
      if (values.json) {
        io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      const flags = (o: (typeof out)[number]) =>
        [o.overdue.decision && 'decision overdue', o.overdue.completion && 'completion overdue', o.overdue.qaResubmission && 'QA resubmission outstanding', o.overdue.actionPlanOpen && 'action plan open']
          .filter(Boolean)
          .join(', ');
      io.stdout.write(`${'Reference'.padEnd(18)}${'District'.padEnd(22)}${'Stage'.padEnd(52)}${'Days'.padStart(6)}  Flags\n`);
      for (const o of out) io.stdout.write(`${o.reference.padEnd(18)}${o.district.padEnd(22)}${o.stageLabel.padEnd(52)}${String(o.daysInStage ?? '').padStart(6)}  ${flags(o)}\n`);
      return 0;
    }
    case 'recommendations list': {
      const { review, recommendations, agencies } = await readStore((store) => ({
        ...recommendationsForReview(store.db, reviewIdByReference(store.db, values.review!), todayOf(store.clock)),
        agencies: agencyNames(store.db),
      }));
      const out = {
        review: review.reference,
        recommendations: recommendations.map((r) => ({
          number: r.number,
          text: r.text,
          scope: r.scope,
          finding: r.finding,
          expectedOutcome: r.expectedOutcome,
          addressedTo: r.addressees.map((a) => ({ agency: agencies.get(a.agencyId) ?? null, notifiedDate: a.notifiedDate, acknowledgedDate: a.acknowledgedDate })),
          actions: r.actions.map((a) => ({
            action: a.actionText,
            leadAgency: a.leadAgencyId ? (agencies.get(a.leadAgencyId) ?? null) : null,
            milestones: a.milestones,
            targetDate: a.targetDate,
            completionDate: a.completionDate,
            outcome: a.outcome,
          })),
          implementation: r.implementation.label,
        })),
      };
      if (values.json) {
        io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      for (const r of out.recommendations) {
        io.stdout.write(`${r.number}. ${r.text}\n   ${SCOPE_WORDS[r.scope]} · ${r.implementation}\n`);
        for (const a of r.actions) io.stdout.write(`   - ${a.action} (lead: ${a.leadAgency ?? 'none'}; target: ${a.targetDate ? formatUkDate(a.targetDate) : 'not set'})\n`);
      }
      return 0;
    }
    case 'names list': {
      const register = await readStore((store) => pseudonymRegister(store.db, values.review!));
      if (values.json) io.stdout.write(`${JSON.stringify(register, null, 2)}\n`);
      else for (const p of register.people) io.stdout.write(`${p.role.padEnd(14)}${p.pseudonym.padEnd(24)}${p.realName ?? '(not recorded)'}\n`);
      return 0;
    }
    case 'export action-plan':
    case 'export recommendations': {
      const kind = EXPORTS[command]!;
      // A bad --out is reported before the store is opened or the passphrase asked for.
      checkExportLocation(values.out!, 'docx', existing);
      const { built, written } = await withStore(async (store) => {
        const built = await buildReviewExport(store.db, reviewIdByReference(store.db, values.review!), kind, todayOf(store.clock), { reviewedFirstNames });
        const written = writeExportFile(values.out!, built.bytes, 'docx', existing);
        recordReviewExport(store, built, written.file, ACTOR);
        return { built, written };
      });
      const counts = `${built.recommendations} ${built.recommendations === 1 ? 'recommendation' : 'recommendations'}, ${built.actions} ${built.actions === 1 ? 'action' : 'actions'}`;
      io.stdout.write(`Wrote the ${kind} of ${built.reference} (${counts})${reviewedNote(built.firstNamesReviewed)} to ${written.file}\n`);
      return 0;
    }
    case 'export overview-skeleton':
    case 'export executive-summary-skeleton': {
      const kind = SKELETON_COMMANDS[command]!;
      checkExportLocation(values.out!, 'docx', existing);
      const written = await withStore(async (store) => {
        const built = await buildSkeleton(store.db, reviewIdByReference(store.db, values.review!), kind, todayOf(store.clock), { reviewedFirstNames });
        const file = writeExportFile(values.out!, built.bytes, 'docx', existing);
        store.db.transaction(() =>
          appendAudit(store.db, store.installationId, { actor: ACTOR, action: 'export', entity: 'review', entityId: reviewIdByReference(store.db, values.review!), detail: skeletonAuditDetail(kind, file.file, built.firstNamesReviewed) }, stampOf(store.clock)),
        )();
        return { ...file, firstNamesReviewed: built.firstNamesReviewed };
      });
      io.stdout.write(`Wrote the ${SKELETONS[kind].title} of ${values.review!.toUpperCase()}${reviewedNote(written.firstNamesReviewed)} to ${written.file}\n`);
      return 0;
    }
    case 'submission-check': {
      // A report that is not a readable .docx is refused before the passphrase is asked for.
      if (values.report) checkNameLength(values.report, 'document');
      const document = values.report ? readChosenDocument(values.report) : null;
      const check = await withStore((store) => {
        const reviewId = reviewIdByReference(store.db, values.review!);
        const hits = document ? checkChosenDocument(store, document, ACTOR).filter((h) => !isPossibleHit(h)).length : null;
        return runSubmissionCheck(store.db, reviewId, document && hits !== null ? { file: document.file, hits } : null, todayOf(store.clock));
      });
      if (values.json) io.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
      else {
        io.stdout.write(`Submission check for ${check.reference}: ${check.passed ? 'PASSED' : 'NOT READY'}\n`);
        for (const item of check.items) io.stdout.write(`  ${item.passed ? 'Passed' : 'FAILED'}  ${item.label}: ${item.detail}\n`);
      }
      return check.passed ? 0 : 1;
    }
    case 'check-anonymity': {
      // A missing or unreadable document is reported before the store is opened or the passphrase asked for.
      checkNameLength(extra[0]!, 'document');
      const document = readChosenDocument(extra[0]!);
      const hits = await withStore((store) => checkChosenDocument(store, document, ACTOR));
      if (!hits.length) {
        io.stdout.write(`No real names found in ${shownPath(extra[0]!)}.\n`);
        return 0;
      }
      for (const hit of hits) io.stdout.write(`${describeHit(hit)}\n`);
      const places = (n: number) => (n === 1 ? 'one place' : `${n} places`);
      const possible = hits.filter(isPossibleHit).length;
      const definite = hits.length - possible;
      if (!possible) io.stderr.write(`dhr: real names found in ${places(definite)} in ${shownPath(extra[0]!)}. Replace each with the person's pseudonym before the document is published.\n`);
      else {
        const found = definite ? `real names found in ${places(definite)}, and first names only in ${places(possible)},` : `first names only found in ${places(possible)}`;
        io.stderr.write(`dhr: ${found} in ${shownPath(extra[0]!)}. Replace each real name with the person's pseudonym; review each first name (it may be someone else) before the document is published.\n`);
      }
      return 1;
    }
    case 'verify': {
      const report = verifyStore(db, await passphrase());
      const lines = [
        `Store:           ${report.file}`,
        `Schema version:  ${report.schemaVersion} (this app understands up to ${report.appSchemaVersion})`,
        `Integrity check: ${report.integrity.join('; ')}`,
        `Foreign keys:    ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} broken references`}`,
        `Audit log:       ${report.audit.ok ? `${report.audit.entries} entries, chain intact` : `BROKEN at entry ${report.audit.firstBrokenSeq}: ${report.audit.problem}`}`,
      ];
      io.stdout.write(`${lines.join('\n')}\n${report.ok ? 'OK' : 'PROBLEMS FOUND'}\n`);
      if (!report.ok) io.stderr.write(`dhr: ${db} failed verification; see the lines above.\n`);
      return report.ok ? 0 : 1;
    }
  }
}

/**
 * An error as the command line prints it: one line (scripts read one line
 * per error). First names to review also say which flag confirms them.
 */
export function cliErrorText(error: unknown): string {
  if (!isAppError(error)) return `dhr: unexpected error: ${cutInput((error as Error)?.message ?? String(error), MAX_ERROR_LINE)}\n`;
  const hint = error.code === 'NAMES_TO_REVIEW' ? ' To confirm that you have, run the command again with --reviewed-first-names.' : '';
  // A last guard: whatever a message echoes, the line stays readable (each echo is already cut where it is made).
  return `dhr: ${cutInput(`${error.message.replace(/\s*\n\s*/g, ' ')}${hint}`, MAX_ERROR_LINE)}\n`;
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (error) {
    // A locked, read-only, full or damaged store gets a message saying what to do, not SQLite's own words.
    process.stderr.write(cliErrorText(asAppError(error)));
    process.exitCode = isAppError(error) && error.code === 'INVALID_INPUT' ? 2 : 1;
  }
}
