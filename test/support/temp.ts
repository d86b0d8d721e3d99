import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh private temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'dhr-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const PASSPHRASE = 'correct horse battery staple';

/** Every file belonging to a store: the database and its -wal/-shm companions. */
export function storeFiles(file: string): string[] {
  return ['', '-wal', '-shm'].map((s) => file + s).filter((f) => fs.existsSync(f));
}

/** True if any of the store's files contains the text, in UTF-8 or UTF-16. */
export function filesContain(files: string[], text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return files.filter((f) => {
    const bytes = fs.readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}
