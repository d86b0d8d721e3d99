import path from 'node:path';
import { todayOf } from '../../shared/domain/clock.ts';
import { formatUkDate } from '../../shared/domain/dates.ts';
import { STATUS_DEFAULTS } from '../../shared/domain/vocabulary.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { buildAnalystExport, INTERNAL_MARKING, recordAnalystExport } from '../services/exchange/analyst-export.ts';
import { applyActionPlan, parseMappingOption, previewActionPlan, readActionPlanFile, reviewIdForReference, type ActionPlanPreview } from '../services/exchange/legacy-import.ts';
import { checkPackagePassphrase } from '../services/exchange/pack-format.ts';
import { applyPackage, buildPackage, describePreview, districtIdByName, previewPackage, readPackage, recordPackageExport } from '../services/exchange/pack-service.ts';
import { checkExportLocation, writeExportFile } from '../services/exports/write-export-file.ts';
import type { Store } from '../services/store/open-store.ts';
import { ACTOR, appVersion, cliClock, commandWords, existingFile, parseOptions, reviewedNote, withStore as withStoreAt, type Io } from './cli-common.ts';
import { promptHidden } from './passphrase-source.ts';
import { cutInput, quoteInput, shownPath } from '../../shared/domain/quote-input.ts';

// dhr pack export / pack import, dhr import action-plan, dhr export xlsx /
// export csv: moving data between installations, in from legacy action
// plans and out to analysts. Self-contained, so dhr.ts only hands over to
// runExchangeCommand when the command is one of these. Everything that can
// be checked without the store (options, the output file, the package and
// its passphrase, the action plan file) is checked before the store is
// opened, so a refused file leaves the store's bytes exactly as they were.

export const EXCHANGE_HELP = `  dhr pack export --db FILE --out FILE.dhrpack [--district NAME] [--include-real-names] [--force]
                                  An encrypted exchange package for another installation: the whole
                                  store (the countywide group), or with --district one CSP's own
                                  reviews, recommendations, decisions and updates. Its passphrase
                                  comes from DHR_PACK_PASSPHRASE (at least 12 characters)
  dhr pack import --db FILE FILE.dhrpack [--dry-run] [--link-near] [--json]
                                  Preview what the package adds and changes (add / change /
                                  unchanged / conflicts per table), then apply it in one go;
                                  --dry-run stops after the preview. Passphrase from DHR_PACK_PASSPHRASE
  dhr import action-plan --db FILE --review REF FILE.docx|FILE.xlsx|FILE.csv [--dry-run] [--map SPEC] [--json]
                                  Import an action plan kept in Word (Home Office template tables),
                                  Excel or CSV into a review: lists the rows understood and the rows
                                  not understood, with reasons; --dry-run stops there
  dhr export xlsx --db FILE --out FILE.xlsx [--internal] [--reviewed-first-names] [--force]
  dhr export csv  --db FILE --out FILE.zip [--internal] [--reviewed-first-names] [--force]
                                  Reviews, recommendations, actions, applicability and updates for
                                  analysts: one sheet (or CSV file) each, UK dates, pseudonyms only.
                                  Refused if a real name from any pseudonym register is in the text,
                                  listing each place, unless --internal
`;

export const EXCHANGE_OPTIONS_HELP = `  --dry-run                Show what would be imported, and write nothing (pack import, import action-plan)
  --map SPEC               Which spreadsheet column holds what (import action-plan), by letter or header:
                           "Recommendation=Col A,Action=C,Lead agency=Lead,Target date=Deadline".
                           Without it the columns are guessed from the header row
  --internal               Export for analysts inside the partnership even where real names are in
                           the text (export xlsx, export csv): marked OFFICIAL-SENSITIVE in the file
                           and, as a reminder, best named so too (say "data OFFICIAL-SENSITIVE.xlsx")
  --link-near              Take the package's near matches (a recommendation or action here under the same
                           number worded a little differently, or worded the same under another number) for
                           the same records, and link them (pack import). Without it they are conflicts, left out
  --include-real-names     Put the pseudonym registers' real names in the package (pack export). Only for
                           installations of the same partnership; they are imported nowhere else
`;

export const EXCHANGE_COMMANDS = ['pack export', 'pack import', 'import action-plan', 'export xlsx', 'export csv'] as const;
type ExchangeCommand = (typeof EXCHANGE_COMMANDS)[number];

/** The exchange command this argv asks for, or null for any other command. "pack" and "import" with another verb come here too, to be told the verbs. */
export function exchangeCommandOf(argv: readonly string[]): ExchangeCommand | 'pack' | 'import' | null {
  if (argv.includes('-h') || argv.includes('--help')) return null;
  const [noun, verb] = commandWords(argv);
  const command = `${noun} ${verb}`;
  if ((EXCHANGE_COMMANDS as readonly string[]).includes(command)) return command as ExchangeCommand;
  if (noun === 'pack' || noun === 'import') return noun;
  return null;
}

const parse = (argv: string[]) =>
  parseOptions(argv, {
    db: { type: 'string' },
    'passphrase-file': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    district: { type: 'string' },
    review: { type: 'string' },
    map: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'include-real-names': { type: 'boolean' },
    internal: { type: 'boolean' },
    'reviewed-first-names': { type: 'boolean' },
    'link-near': { type: 'boolean' },
  });

/** The package passphrase: DHR_PACK_PASSPHRASE, else asked for at a terminal (twice when making a package). */
async function packPassphrase(io: Io, confirm: boolean): Promise<string> {
  const fromEnv = io.env.DHR_PACK_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY) throw new AppError('INVALID_INPUT', 'No package passphrase given. Set DHR_PACK_PASSPHRASE to the package passphrase (at least 12 characters), or run dhr at a terminal to be asked.');
  const first = await promptHidden('Package passphrase: ', io.stdin, io.stderr);
  if (confirm) {
    const second = await promptHidden('Type the package passphrase again: ', io.stdin, io.stderr);
    if (first !== second) throw new AppError('INVALID_INPUT', 'The two package passphrases did not match. Nothing was exported.');
  }
  return first;
}

const STATUS_WORDS = (code: string | null) => (code ? (STATUS_DEFAULTS[code as keyof typeof STATUS_DEFAULTS]?.label ?? code) : '');

function describeActionPlan(preview: ActionPlanPreview): string {
  const kinds = { docx: 'Word document', xlsx: 'Excel workbook', csv: 'CSV file' };
  const lines = [
    `Action plan: ${path.basename(preview.file)} (${kinds[preview.kind]}${preview.sheet ? `, sheet "${preview.sheet}"` : ''}), into ${preview.reviewReference}`,
  ];
  if (preview.kind !== 'docx') lines.push(`Columns: ${Object.entries(preview.mapping).map(([field, i]) => `${field}=${preview.columns[i as number]?.header ?? i}`).join(', ') || 'none recognised'}`);
  lines.push('', `Understood: ${preview.understood.length} ${preview.understood.length === 1 ? 'row' : 'rows'}, giving ${preview.recommendations.length} new ${preview.recommendations.length === 1 ? 'recommendation' : 'recommendations'} with ${preview.actions} ${preview.actions === 1 ? 'action' : 'actions'}`);
  for (const row of preview.understood) {
    const parts = [
      row.action ?? '(no action)',
      row.leadAgency ? `lead: ${row.leadAgency}` : null,
      row.targetDate ? `target: ${formatUkDate(row.targetDate)}` : null,
      row.completionDate ? `completed: ${formatUkDate(row.completionDate)}` : null,
      row.status ? STATUS_WORDS(row.status) : null,
    ].filter(Boolean);
    lines.push(`  ${row.location}: ${row.recommendationNumber ? `${row.recommendationNumber}. ` : ''}${row.recommendation.slice(0, 70)}${row.recommendation.length > 70 ? '…' : ''}`, `      ${parts.join('; ')}`);
    for (const note of row.notes) lines.push(`      Note: ${note}`);
  }
  lines.push('', `Not understood: ${preview.notUnderstood.length} ${preview.notUnderstood.length === 1 ? 'row' : 'rows'}`);
  for (const p of preview.notUnderstood) lines.push(`  ${p.location}: ${p.reason}${p.text ? `\n      (${p.text})` : ''}`);
  const fresh = preview.agencies.filter((a) => !a.matchedId);
  const known = preview.agencies.filter((a) => a.matchedId);
  if (known.length) lines.push('', `Lead agencies already in the partnership's list: ${known.map((a) => a.matchedName).join(', ')}`);
  if (fresh.length) lines.push(`Lead agencies not in the list, added when imported: ${fresh.map((a) => a.name).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export async function runExchangeCommand(io: Io): Promise<number> {
  const { values, positionals } = parse(io.argv);
  const which = exchangeCommandOf(positionals);
  if (which === 'pack') throw new AppError('INVALID_INPUT', 'Say what to do with packages: dhr pack export | dhr pack import. Run dhr --help for usage.');
  if (which === 'import') throw new AppError('INVALID_INPUT', 'Say what to import: dhr import action-plan. Run dhr --help for usage.');
  const command = which!;
  const extra = positionals.slice(2);
  const takesFile = command === 'pack import' || command === 'import action-plan';
  if (takesFile && extra.length !== 1) {
    throw new AppError('INVALID_INPUT', command === 'pack import' ? 'Give the package to import: dhr pack import --db FILE FILE.dhrpack.' : 'Give the action plan to import: dhr import action-plan --db FILE --review REF FILE.docx|FILE.xlsx|FILE.csv.');
  }
  if (!takesFile && extra.length) throw new AppError('INVALID_INPUT', `Unexpected argument ${quoteInput(extra[0]!)}. Run dhr --help for usage.`);
  if (!values.db) throw new AppError('INVALID_INPUT', `The ${command} command needs --db FILE, the store to use.`);
  const only = (option: string, allowed: readonly ExchangeCommand[]) => {
    const key = option as keyof typeof values;
    if (values[key] !== undefined && !allowed.includes(command)) throw new AppError('INVALID_INPUT', `--${option} does not apply to dhr ${command}.`);
  };
  only('out', ['pack export', 'export xlsx', 'export csv']);
  only('force', ['pack export', 'export xlsx', 'export csv']);
  const existing = existingFile(values.force);
  only('district', ['pack export']);
  only('include-real-names', ['pack export']);
  only('internal', ['export xlsx', 'export csv']);
  only('reviewed-first-names', ['export xlsx', 'export csv']);
  only('review', ['import action-plan']);
  only('map', ['import action-plan']);
  only('dry-run', ['pack import', 'import action-plan']);
  only('json', ['pack import', 'import action-plan']);
  only('link-near', ['pack import']);
  const db = values.db;
  const withStore = <T>(use: (store: Store) => T | Promise<T>): Promise<T> => withStoreAt(io, { ...values, db }, use);

  switch (command) {
    case 'pack export': {
      if (!values.out) throw new AppError('INVALID_INPUT', 'The pack export command needs --out FILE.dhrpack, the package to write.');
      if (!/\.dhrpack$/i.test(values.out)) throw new AppError('INVALID_INPUT', `--out must name a package file ending in .dhrpack, such as "countywide.dhrpack"; ${quoteInput(values.out)} does not.`);
      if (values.district !== undefined && !values.district.trim()) throw new AppError('INVALID_INPUT', 'Give --district the name of a district, such as --district Fenland.');
      checkExportLocation(values.out, 'dhrpack', existing);
      const passphrase = await packPassphrase(io, true);
      checkPackagePassphrase(passphrase);
      const { built, written } = await withStore(async (store) => {
        const districtId = values.district ? districtIdByName(store.db, values.district) : null;
        const built = await buildPackage(store, { passphrase, districtId, includeRealNames: Boolean(values['include-real-names']), appVersion: appVersion() });
        const written = writeExportFile(values.out!, built.bytes, 'dhrpack', existing);
        recordPackageExport(store, built, written.file, ACTOR);
        return { built, written };
      });
      const scope = built.metadata.scope.kind === 'district' ? `${built.metadata.scope.districtName}'s records` : 'the whole store';
      io.stdout.write(`Wrote an exchange package of ${scope} (${built.records} records${built.metadata.includesRealNames ? ', real names included' : ', no real names'}) to ${written.file}\n`);
      return 0;
    }
    case 'pack import': {
      // The package is opened (and any problem with it reported) before the store is.
      const passphrase = await packPassphrase(io, false);
      const read = await readPackage(extra[0]!, passphrase);
      const outcome = await withStore((store) => {
        const choices = values['link-near'] ? { sameRecords: 'all' as const } : {};
        const preview = previewPackage(store, read, choices);
        if (values['dry-run']) return { preview, applied: null };
        return { preview, applied: applyPackage(store, read, ACTOR, undefined, choices) };
      });
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify(
            {
              package: { file: read.file, ...read.metadata },
              tables: outcome.preview.plan.tables,
              totals: outcome.preview.plan.totals,
              conflicts: outcome.preview.plan.conflicts,
              skipped: outcome.preview.plan.skipped,
              notes: outcome.preview.plan.notes,
              warnings: outcome.preview.plan.warnings,
              applied: outcome.applied ? outcome.applied.changed : false,
            },
            null,
            2,
          )}\n`,
        );
        return 0;
      }
      io.stdout.write(describePreview(outcome.preview));
      if (!outcome.applied) io.stdout.write('Dry run: nothing was written.\n');
      else if (!outcome.applied.changed) io.stdout.write('Nothing to import: this store already has everything in the package.\n');
      else {
        const t = outcome.applied.plan.totals;
        io.stdout.write(`Imported: ${t.add} added, ${t.change + t.remove} changed, ${t.delete} removed${t.link ? `, ${t.link} linked to the same records here` : ''}${t.conflicts ? `, ${t.conflicts} conflicts kept as they were here` : ''}.\n`);
      }
      return 0;
    }
    case 'import action-plan': {
      if (!values.review) throw new AppError('INVALID_INPUT', 'The import action-plan command needs --review REF, the review the action plan belongs to.');
      // The file is read (and refused if it is not a sound action plan) before the store is opened.
      const read = readActionPlanFile(extra[0]!);
      if (values.map !== undefined && read.kind === 'docx') throw new AppError('INVALID_INPUT', '--map applies to spreadsheets (.xlsx, .csv); Word tables are read by their own header rows.');
      const outcome = await withStore((store) => {
        const today = todayOf(store.clock);
        const reviewId = reviewIdForReference(store.db, values.review!);
        const guessed = previewActionPlan(store.db, read, reviewId, { today });
        const preview = values.map !== undefined ? previewActionPlan(store.db, read, reviewId, { today, mapping: parseMappingOption(values.map, guessed.columns) }) : guessed;
        if (values['dry-run'] || !preview.recommendations.length) return { preview, result: null };
        return { preview, result: applyActionPlan(store, preview, {}, ACTOR, today) };
      });
      const { preview, result } = outcome;
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify(
            {
              file: preview.file,
              kind: preview.kind,
              sheet: preview.sheet,
              review: preview.reviewReference,
              mapping: preview.mapping,
              understood: preview.understood,
              notUnderstood: preview.notUnderstood,
              recommendations: preview.recommendations,
              agencies: preview.agencies,
              imported: result,
            },
            null,
            2,
          )}\n`,
        );
      } else {
        io.stdout.write(describeActionPlan(preview));
        if (values['dry-run']) io.stdout.write('Dry run: nothing was written.\n');
        else if (result) {
          io.stdout.write(
            `Imported into ${result.reviewReference}: ${result.recommendations} ${result.recommendations === 1 ? 'recommendation' : 'recommendations'}, ${result.actions} ${result.actions === 1 ? 'action' : 'actions'}${result.agenciesCreated ? `, ${result.agenciesCreated} new ${result.agenciesCreated === 1 ? 'agency' : 'agencies'}` : ''}.\n`,
          );
        }
      }
      if (!values['dry-run'] && !result) {
        io.stderr.write(`dhr: nothing in ${path.basename(preview.file)} could be imported into ${preview.reviewReference}: no row was understood as a new recommendation. See the rows not understood above, or choose the columns with --map.\n`);
        return 1;
      }
      return 0;
    }
    case 'export xlsx':
    case 'export csv': {
      const format = command === 'export xlsx' ? 'xlsx' : 'csv';
      const extension = format === 'xlsx' ? 'xlsx' : 'zip';
      if (!values.out) throw new AppError('INVALID_INPUT', `The ${command} command needs --out FILE.${extension}, the file to write.`);
      if (!new RegExp(`\\.${extension}$`, 'i').test(values.out)) {
        throw new AppError('INVALID_INPUT', `--out must name a file ending in .${extension}${format === 'csv' ? ' (the CSV files come in one zip)' : ''}, such as "dhr-data.${extension}"; ${quoteInput(values.out)} does not.`);
      }
      checkExportLocation(values.out, extension, existing);
      const internal = values.internal ?? false;
      const { written, built } = await withStore((store) => {
        const built = buildAnalystExport(store.db, format, store.clock.now(), { internal, reviewedFirstNames: values['reviewed-first-names'] ?? false });
        const written = writeExportFile(values.out!, built.bytes, extension, existing);
        recordAnalystExport(store, format, written.file, built, ACTOR);
        return { written, built };
      });
      const counts = Object.entries(built.rows).map(([table, n]) => `${n} ${table.toLowerCase()}`).join(', ');
      const marking = internal
        ? ` (internal, marked ${INTERNAL_MARKING}${built.namesFound ? `: real names in ${built.namesFound === 1 ? 'one place' : `${built.namesFound} places`}` : ''})`
        : reviewedNote(built.firstNamesReviewed).replace(/,$/, '');
      io.stdout.write(`Wrote ${counts}${marking} to ${written.file}\n`);
      if (internal && !written.file.toUpperCase().includes(INTERNAL_MARKING)) io.stdout.write(`Its name does not say ${INTERNAL_MARKING}; consider naming it "${built.defaultName}" so nobody publishes it by mistake.\n`);
      return 0;
    }
  }
}
