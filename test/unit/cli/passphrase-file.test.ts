import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPassphrase } from '../../../electron/cli/passphrase-source.ts';
import { tempDir } from '../../support/temp.ts';

// --passphrase-file reads the first line only (the help says so); what an
// editor adds around it (a final newline, Windows line ends, a byte-order
// mark) is not part of the passphrase.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const fromFile = (text: string) => {
  const file = path.join(dir, 'pass.txt');
  fs.writeFileSync(file, text);
  return getPassphrase({ env: {}, passphraseFile: file, stdin: process.stdin, stderr: process.stderr, confirm: false });
};

describe('--passphrase-file', () => {
  it('takes the first line, without the editor’s additions', async () => {
    expect(await fromFile('correct horse battery staple\n')).toBe('correct horse battery staple');
    expect(await fromFile('correct horse battery staple\r\nsecond line is ignored\n')).toBe('correct horse battery staple');
    expect(await fromFile('\uFEFFcorrect horse battery staple\r\n')).toBe('correct horse battery staple');
  });
});
