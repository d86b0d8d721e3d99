import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';
import { backupFolderFor, backupNow, backupStore, listBackups, restoreBackup } from '../services/security-ops/backups.ts';
import { rekeyStore } from '../services/security-ops/rekey.ts';
import { ACTOR, cliClock, commandWords, parseOptions, storePassphrase, withStore, type Io } from './cli-common.ts';
import { promptHidden } from './passphrase-source.ts';
import { plural } from '../../shared/domain/plural.ts';
import { quoteInput, shownPath } from '../../shared/domain/quote-input.ts';

// dhr backup, dhr restore and dhr rekey: self-contained, so dhr.ts only
// hands over to runSecurityCommand when the first word is one of these.

export const SECURITY_COMMANDS = ['backup', 'restore', 'rekey'] as const;
type SecurityCommand = (typeof SECURITY_COMMANDS)[number];

export const SECURITY_HELP = `  dhr backup  --db FILE [--out FILE]
                                  An encrypted, checked copy of the store, under the same passphrase.
                                  Without --out it goes to the backups folder beside the store and
                                  the oldest beyond the "keep" setting are removed. Never overwrites
  dhr restore --from BACKUP --db NEWFILE
                                  Restore a backup into a new store file (never an existing one),
                                  then check it: integrity, schema version and audit chain
  dhr rekey   --db FILE           Change the store's passphrase: the new one comes from
                                  DHR_NEW_PASSPHRASE, else a hidden prompt (asked twice). Checked by
                                  opening the store afresh; on any failure the old passphrase still works.
                                  If it is cut off (a crash, a kill), the next command or unlock finishes
                                  the job: the old passphrase gets the store as it was, or the new one,
                                  if the change had got that far, keeps it
`;

/** The security command this argv asks for, or null for any other command. */
export function securityCommandOf(argv: readonly string[]): SecurityCommand | null {
  if (argv.includes('-h') || argv.includes('--help')) return null;
  const first = commandWords(argv)[0];
  return first !== undefined && (SECURITY_COMMANDS as readonly string[]).includes(first) ? (first as SecurityCommand) : null;
}

const parse = (argv: string[]) =>
  parseOptions(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });

async function newPassphrase(io: Io): Promise<string> {
  const fromEnv = io.env.DHR_NEW_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY) throw new AppError('INVALID_INPUT', 'No new passphrase given. Set DHR_NEW_PASSPHRASE, or run dhr rekey at a terminal to be asked.');
  const first = await promptHidden('New passphrase: ', io.stdin, io.stderr);
  const second = await promptHidden('Type the new passphrase again: ', io.stdin, io.stderr);
  if (first !== second) throw new AppError('INVALID_INPUT', 'The two new passphrases did not match. Nothing was changed.');
  return first;
}


export async function runSecurityCommand(io: Io): Promise<number> {
  const { values, positionals } = parse(io.argv);
  const command = securityCommandOf(positionals) as SecurityCommand;
  if (positionals.length > 1) throw new AppError('INVALID_INPUT', `Unexpected argument ${quoteInput(positionals[1]!)}. Run dhr --help for usage.`);
  if (!values.db) {
    throw new AppError('INVALID_INPUT', command === 'restore' ? 'The restore command needs --db NEWFILE, the new store file to restore into.' : `The ${command} command needs --db FILE, the store to use.`);
  }
  if (values.out !== undefined && command !== 'backup') throw new AppError('INVALID_INPUT', `--out does not apply to dhr ${command}.`);
  if (values.from !== undefined && command !== 'restore') throw new AppError('INVALID_INPUT', `--from does not apply to dhr ${command}.`);
  const db = path.resolve(values.db);
  const passphrase = () => storePassphrase(io, values['passphrase-file']);

  switch (command) {
    case 'backup': {
      if (!fs.existsSync(db)) throw new AppError('FILE_NOT_FOUND', `There is no store at ${shownPath(db)}. Check the path.`);
      const out = values.out === undefined ? null : path.resolve(values.out);
      // A bad --out is reported before the passphrase is asked for.
      if (out && fs.existsSync(out)) throw new AppError('FILE_EXISTS', `${shownPath(out)} already exists, and a backup never overwrites a file. Choose a new file name.`);
      if (out && !fs.statSync(path.dirname(out), { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('FOLDER_NOT_FOUND', `The folder ${shownPath(path.dirname(out))} does not exist. Create it first, or choose another location.`);
      }
      await withStore(io, { ...values, db }, (store) => {
        const onProgress = (done: number, total: number, label: string) => {
          if (io.stderr.isTTY) io.stderr.write(`\r${label} (${done}/${total})`.padEnd(60));
        };
        const made = out ? backupStore(store, out, { actor: ACTOR, onProgress }) : backupNow(store, { actor: ACTOR, onProgress });
        if (io.stderr.isTTY) io.stderr.write('\n');
        io.stdout.write(`Backed up ${db} to ${made.file} (${made.bytes.toLocaleString('en-GB')} bytes), encrypted under the store's passphrase, and checked it.\n`);
        if ('removed' in made && made.removed.length) io.stdout.write(`Removed ${plural(made.removed.length, 'older backup', 'older backups')} beyond the number to keep.\n`);
        if ('tidied' in made && made.tidied.length) io.stdout.write(`Removed ${plural(made.tidied.length, 'unfinished file', 'unfinished files')} left by a backup that was cut off.\n`);
      });
      return 0;
    }
    case 'restore': {
      if (!values.from) throw new AppError('INVALID_INPUT', 'The restore command needs --from BACKUP, the backup file to restore.');
      const from = path.resolve(values.from);
      if (!fs.existsSync(from)) throw new AppError('FILE_NOT_FOUND', `There is no backup at ${shownPath(from)}. Check the path.`);
      if (fs.existsSync(db)) throw new AppError('FILE_EXISTS', `${shownPath(db)} already exists, and a restore never overwrites a store. Give --db a new file name.`);
      const report = restoreBackup(from, db, await passphrase());
      io.stdout.write(
        `Restored ${from} into ${report.file} and checked it: integrity ok, schema version ${report.schemaVersion}, audit chain intact (${plural(report.auditEntries, 'entry', 'entries')}). Open it with the backup's passphrase.\n`,
      );
      return 0;
    }
    case 'rekey': {
      if (!fs.existsSync(db)) throw new AppError('FILE_NOT_FOUND', `There is no store at ${shownPath(db)}. Check the path.`);
      const current = await passphrase();
      const next = await newPassphrase(io);
      rekeyStore(db, current, next, { actor: ACTOR, clock: cliClock(io.env) });
      const older = listBackups(db).length;
      io.stdout.write(`Changed the passphrase of ${db} and checked it: the new passphrase opens it and the old one no longer does.\n`);
      if (older) {
        io.stdout.write(`${plural(older, 'backup', 'backups')} in ${backupFolderFor(db)} still open with the old passphrase. Make a new backup, then delete the old ones if the old passphrase should no longer open anything.\n`);
      }
      return 0;
    }
  }
}
