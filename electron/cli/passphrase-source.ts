import fs from 'node:fs';
import { AppError } from '../../shared/ipc/errors.ts';
import { shownPath } from '../../shared/domain/quote-input.ts';

// Where the CLI gets the passphrase: DHR_PASSPHRASE, else --passphrase-file,
// else a hidden prompt when a person is at a terminal. Never an argument,
// which would leave it in shell history and the process list.

export interface PassphraseSourceOptions {
  env: NodeJS.ProcessEnv;
  passphraseFile?: string;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Ask twice (creating a store) */
  confirm: boolean;
}

function readPassphraseFile(file: string): string {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new AppError('INVALID_INPUT', `--passphrase-file ${shownPath(file)} is a folder; give the file that holds the passphrase.`);
    if (stat.size > 4096) throw new AppError('INVALID_INPUT', `--passphrase-file ${shownPath(file)} is too large to be a passphrase file (over 4 KB).`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `Cannot read --passphrase-file ${shownPath(file)}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
  }
  // The first line only; a trailing newline from an editor is not part of it, nor is the
  // byte-order mark some Windows editors put at the start of a UTF-8 file.
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
}

export function promptHidden(question: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(question);
    let value = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new AppError('INVALID_INPUT', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function getPassphrase(options: PassphraseSourceOptions): Promise<string> {
  const fromEnv = options.env.DHR_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (options.passphraseFile) return readPassphraseFile(options.passphraseFile);
  if (!options.stdin.isTTY) {
    throw new AppError('INVALID_INPUT', 'No passphrase given. Set DHR_PASSPHRASE, or use --passphrase-file FILE, or run dhr at a terminal to be asked.');
  }
  const first = await promptHidden('Passphrase: ', options.stdin, options.stderr);
  if (options.confirm) {
    const second = await promptHidden('Type the passphrase again: ', options.stdin, options.stderr);
    if (first !== second) throw new AppError('INVALID_INPUT', 'The two passphrases did not match. Nothing was created.');
  }
  return first;
}
