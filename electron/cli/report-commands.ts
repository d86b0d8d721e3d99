import { todayOf } from '../../shared/domain/clock.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { checkExportLocation } from '../services/exports/write-export-file.ts';
import { buildCountywideReport, buildCspReport, saveReport, type BuiltReport } from '../services/reports/build-reports.ts';
import { checkAsAt, checkPeriod, districtByName, requireDate, type Step } from '../services/reports/report-common.ts';
import { ACTOR, cliClock, commandWords, existingFile, parseOptions, reviewedNote, withStore, type Io } from './cli-common.ts';
import { cutInput, quoteInput, shownPath } from '../../shared/domain/quote-input.ts';

// dhr export csp-report and dhr export countywide: the board and countywide
// Word reports from the command line. Self-contained, so dhr.ts only hands
// over to runReportCommand when the command is one of these. Everything that
// can be checked without the store (options, dates, the output file) is
// checked before the passphrase is asked for.

export const REPORT_COMMANDS = ['csp-report', 'countywide'] as const;
type ReportCommand = (typeof REPORT_COMMANDS)[number];

export const REPORT_HELP = `  dhr export csp-report --db FILE --district NAME --as-at DATE --out FILE.docx [--for-publication [--reviewed-first-names]] [--force]
                                  The CSP progress report for one district's board as at a day: summary
                                  by status, charts, overdue first, every applicable recommendation with
                                  its latest update, and the "not applicable" decisions
  dhr export countywide --db FILE --from DATE --to DATE --out FILE.docx [--for-publication [--reviewed-first-names]] [--force]
                                  The countywide learning report for a period: reviews, themes, recurring
                                  recommendations, the matrix across districts, overdue items by district
                                  and recommendations to national bodies
`;

export const REPORT_OPTIONS_HELP = `  --as-at DATE             The day a CSP report is as at (csp-report): dd/mm/yyyy or yyyy-mm-dd
  --from DATE, --to DATE   The period of a countywide report (countywide), start and end included
  --for-publication        Refuse to write a report in which any real name from any review's
                           pseudonym register appears, listing each place (export csp-report, countywide)
`;

/** The report this argv asks for ("export csp-report" or "export countywide"), or null for any other command. */
export function reportCommandOf(argv: readonly string[]): ReportCommand | null {
  if (argv.includes('-h') || argv.includes('--help')) return null;
  const [noun, verb] = commandWords(argv);
  return noun === 'export' && (REPORT_COMMANDS as readonly string[]).includes(verb ?? '') ? (verb as ReportCommand) : null;
}

const parse = (argv: string[]) =>
  parseOptions(argv, {
    db: { type: 'string' },
    'passphrase-file': { type: 'string' },
    district: { type: 'string' },
    'as-at': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    'for-publication': { type: 'boolean' },
    'reviewed-first-names': { type: 'boolean' },
  });

export async function runReportCommand(io: Io): Promise<number> {
  const { values, positionals } = parse(io.argv);
  const command = reportCommandOf(positionals)!;
  const name = `export ${command}`;
  if (positionals.length > 2) throw new AppError('INVALID_INPUT', `Unexpected argument ${quoteInput(positionals[2]!)}. Run dhr --help for usage.`);
  if (!values.db) throw new AppError('INVALID_INPUT', `The ${name} command needs --db FILE, the store to use.`);
  const csp = command === 'csp-report';
  if (csp) {
    if (values.from !== undefined || values.to !== undefined) throw new AppError('INVALID_INPUT', `--from and --to do not apply to dhr ${name}; give the day it is as at with --as-at DATE.`);
    if (values.district === undefined || !values.district.trim()) throw new AppError('INVALID_INPUT', `The ${name} command needs --district NAME, such as --district Fenland.`);
    if (values['as-at'] === undefined) throw new AppError('INVALID_INPUT', `The ${name} command needs --as-at DATE, the day the report is as at, such as --as-at 21/11/2026.`);
  } else {
    if (values.district !== undefined) throw new AppError('INVALID_INPUT', `--district does not apply to dhr ${name}: the countywide report covers every district.`);
    if (values['as-at'] !== undefined) throw new AppError('INVALID_INPUT', `--as-at does not apply to dhr ${name}; give the period with --from DATE --to DATE.`);
    if (values.from === undefined || values.to === undefined) {
      throw new AppError('INVALID_INPUT', `The ${name} command needs the period: --from DATE --to DATE, such as --from 01/04/2025 --to 31/03/2026.`);
    }
  }
  if (!values.out) throw new AppError('INVALID_INPUT', `The ${name} command needs --out FILE.docx, the Word file to write.`);
  if (values['reviewed-first-names'] && !values['for-publication']) throw new AppError('INVALID_INPUT', `--reviewed-first-names applies only with --for-publication: a report not for publication is not checked for names.`);
  if (!/\.docx$/i.test(values.out)) throw new AppError('INVALID_INPUT', `--out must name a Word file ending in .docx, such as "report.docx"; ${quoteInput(values.out)} does not.`);

  // Dates, then the output file, before the store is opened or the passphrase asked for.
  const today = todayOf(cliClock(io.env));
  let asAt = '';
  let from = '';
  let to = '';
  if (csp) {
    asAt = requireDate(values['as-at']!, 'The --as-at date');
    checkAsAt(asAt, today);
  } else {
    from = requireDate(values.from!, 'The --from date');
    to = requireDate(values.to!, 'The --to date');
    checkPeriod(from, to);
  }
  const existing = existingFile(values.force);
  checkExportLocation(values.out, 'docx', existing);

  const db = values.db;
  const { built, written } = await withStore(io, { ...values, db }, async (store) => {
    // Progress on a terminal only, on one line that is overwritten.
    const step: Step = async (label) => {
      if (io.stderr.isTTY) io.stderr.write(`\r${label}`.slice(0, 79).padEnd(80));
    };
    const forPublication = values['for-publication'] ?? false;
    const reviewedFirstNames = values['reviewed-first-names'] ?? false;
    let built: BuiltReport;
    try {
      built = csp
        ? await buildCspReport(store.db, { district: districtByName(store.db, values.district!), asAt, forPublication, reviewedFirstNames, today, step })
        : await buildCountywideReport(store.db, { from, to, forPublication, reviewedFirstNames, today, step });
    } finally {
      if (io.stderr.isTTY) io.stderr.write(`\r${' '.repeat(80)}\r`);
    }
    return { built, written: saveReport(store, built, values.out!, ACTOR, existing) };
  });
  const reviewed = Number(built.detail.firstNamesReviewed ?? 0);
  const checked = reviewed ? `, checked for publication: no real names found${reviewedNote(reviewed)}` : ', checked for publication: no real names found,';
  io.stdout.write(`Wrote ${built.summary}${built.forPublication ? checked : ''} to ${written.file}\n`);
  return 0;
}
