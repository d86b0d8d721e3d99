import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../shared/ipc/errors.ts';
import { loadDemo } from '../services/demo/demo-loader.ts';
import { createStore, openStore } from '../services/store/open-store.ts';
import { storeStats } from '../services/store/store-stats.ts';
import { verifyStore } from '../services/store/verify-store.ts';
import { getPassphrase } from './passphrase-source.ts';

// dhr: the command-line face of the same services the app uses.

const HELP = `dhr - DHR Tracker on the command line

Usage:
  dhr init   --db FILE            Create a new, empty encrypted store
  dhr demo   --db FILE            Create the store if missing and load the fictional demo partnership
  dhr stats  --db FILE [--json]   Count reviews, recommendations, actions, decisions, updates, districts, agencies
  dhr verify --db FILE            Check integrity, schema version and the audit chain (exit 1 on any problem)

Options:
  --db FILE                The store file (.dhr)
  --passphrase-file FILE   Read the passphrase from the first line of FILE
  --json                   Machine-readable output (stats)
  -h, --help               Show this help

The passphrase comes from the DHR_PASSPHRASE environment variable, else
--passphrase-file, else a hidden prompt when run at a terminal.
`;

const COMMANDS = ['init', 'demo', 'stats', 'verify'] as const;
type Command = (typeof COMMANDS)[number];
const ACTOR = 'dhr command line';

function appVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        'passphrase-file': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node's messages name the flag; add what to do about it.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new AppError('INVALID_INPUT', `${message.replace(/\.$/, '')}. Run dhr --help for usage.`);
  }
}

export async function runCli(io: Io): Promise<number> {
  const { values, positionals } = parse(io.argv);
  if (values.help || positionals.length === 0) {
    io.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  const [command, ...extra] = positionals;
  if (!COMMANDS.includes(command as Command)) throw new AppError('INVALID_INPUT', `Unknown command "${command}". Commands: ${COMMANDS.join(', ')}. Run dhr --help for usage.`);
  if (extra.length) throw new AppError('INVALID_INPUT', `Unexpected argument "${extra[0]}". Run dhr --help for usage.`);
  if (!values.db) throw new AppError('INVALID_INPUT', `dhr ${command} needs --db FILE, the store to use.`);
  if (values.json && command !== 'stats') throw new AppError('INVALID_INPUT', `--json only applies to dhr stats.`);
  const db = path.resolve(values.db);
  const exists = fs.existsSync(db);
  const passphrase = () =>
    getPassphrase({
      env: io.env,
      passphraseFile: values['passphrase-file'],
      stdin: io.stdin,
      stderr: io.stderr,
      confirm: !exists && (command === 'init' || command === 'demo'),
    });
  const options = { appVersion: appVersion(), actor: ACTOR };

  switch (command as Command) {
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
      if (!exists) throw new AppError('FILE_NOT_FOUND', `There is no store at ${db}. Check the path, or create one with dhr init --db ${values.db}.`);
      const store = openStore(db, await passphrase(), options);
      try {
        const s = storeStats(store.db);
        if (values.json) io.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        else for (const [key, n] of Object.entries(s)) io.stdout.write(`${key.padEnd(24)}${n}\n`);
      } finally {
        store.close();
      }
      return 0;
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

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (error) {
    const message = isAppError(error) ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`dhr: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = isAppError(error) && error.code === 'INVALID_INPUT' ? 2 : 1;
  }
}
