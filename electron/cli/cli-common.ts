import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fixedClock, systemClock, type Clock } from '../../shared/domain/clock.ts';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { checkNameLength } from '../services/file-names.ts';
import { openStore, openStoreForReading, type Store } from '../services/store/open-store.ts';
import { getPassphrase } from './passphrase-source.ts';
import { cutInput, quoteInput, shownPath } from '../../shared/domain/quote-input.ts';

// What every dhr command shares: who the audit log says did it, the streams
// it talks through, reading its options with errors that say what to do,
// finding its command words, and opening the store it names.

/** The audit log's name for whoever ran a command */
export const ACTOR = 'dhr command line';

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

export function appVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/** Options (of any dhr command) that take a value, so the value is not mistaken for a command word */
/**
 * What an export does with a file already at --out: nobody has been asked,
 * as a save dialog would, so it is left alone unless --force says to replace it.
 */
export const existingFile = (force: boolean | undefined) => ({ existing: force ? ('replace' as const) : ('refuse' as const) });

/** The help text for --force, shared by every command that writes an export */
export const FORCE_HELP = `  --force                  Replace a file already at --out (exports and pack export). Without it an
                           existing file is left as it is and the command stops, saying so
`;

const VALUE_OPTIONS = new Set(['--db', '--out', '--from', '--to', '--as-at', '--passphrase-file', '--review', '--district', '--report', '--map']);

/** The command words of argv ("export", "csp-report"), options and their values left out. */
export function commandWords(argv: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith('-')) found.push(arg);
  }
  return found;
}

/** argv read against a command's options; an unknown or malformed option is refused with what to do. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    // node's messages name the flag; add what to do about it.
    // node's messages quote the option as typed, however long: cut it to a readable length.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/'([^']{81,})'/g, (_, option: string) => `'${cutInput(option)}'`);
    throw new AppError('INVALID_INPUT', `${message.replace(/\.$/, '')}. Run dhr --help for usage.`);
  }
}

/**
 * The day a command works to: the computer's clock, unless DHR_TODAY names
 * a day (yyyy-mm-dd), so a report can be produced again later exactly as it
 * was, overdue and due-soon counts included.
 */
export function cliClock(env: NodeJS.ProcessEnv): Clock {
  const day = env.DHR_TODAY;
  if (day === undefined || day === '') return systemClock;
  if (!isIsoDate(day)) throw new AppError('INVALID_INPUT', `DHR_TODAY must be a date written yyyy-mm-dd, such as 2026-04-01; ${quoteInput(day)} is not. Unset it to use today's date.`);
  return fixedClock(day);
}

/** The store's passphrase, from DHR_PASSPHRASE, --passphrase-file or a prompt. */
export function storePassphrase(io: Io, passphraseFile: string | undefined, confirm = false): Promise<string> {
  return getPassphrase({ env: io.env, passphraseFile, stdin: io.stdin, stderr: io.stderr, confirm });
}

/**
 * Opens the store at --db (which must exist: only init and demo make one),
 * runs `use` and closes the store whatever happens. The passphrase is asked
 * for only once the file is known to be there.
 */
export async function withStore<T>(
  io: Io,
  values: { db: string; 'passphrase-file'?: string },
  use: (store: Store) => T | Promise<T>,
  access: { onlyReads?: boolean } = {},
): Promise<T> {
  const db = path.resolve(values.db);
  checkNameLength(db, 'store file');
  if (!fs.existsSync(db)) throw new AppError('FILE_NOT_FOUND', `There is no store at ${shownPath(db)}. Check the path, or create one with dhr init --db ${shownPath(values.db)}.`);
  // A command that only reads opens the store read-only: its bytes stay exactly as they were, and
  // it works on a read-only drive or on a copy kept as evidence.
  const open = access.onlyReads ? openStoreForReading : openStore;
  const store = open(db, await storePassphrase(io, values['passphrase-file']), { appVersion: appVersion(), actor: ACTOR, clock: cliClock(io.env) });
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

/** For a "Wrote …" line: how many first names alone the person said they had reviewed, if any. */
export function reviewedNote(firstNamesReviewed: number): string {
  if (!firstNamesReviewed) return '';
  return `, after you reviewed ${firstNamesReviewed === 1 ? 'one first name' : `${firstNamesReviewed} first names`} found on ${firstNamesReviewed === 1 ? 'its' : 'their'} own,`;
}
