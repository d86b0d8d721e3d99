import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkExportLocation, exportTarget, writeExportFile } from '../../../electron/services/exports/write-export-file.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { tempDir } from '../../support/temp.ts';

// The all-or-nothing writer every export uses, on the real file system.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('dhr-write-')));
afterEach(() => cleanup());

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const listing = (folder: string) => fs.readdirSync(folder).sort();

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the write to fail');
}

describe('writeExportFile', () => {
  it('writes the whole file, owner-only, and leaves nothing else in the folder', () => {
    const target = path.join(dir, 'plan.docx');
    expect(writeExportFile(target, bytes('new content'), 'docx')).toEqual({ file: target, bytes: 11 });
    expect(fs.readFileSync(target, 'utf8')).toBe('new content');
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(listing(dir)).toEqual(['plan.docx']);
  });

  it('replaces an existing file of its own type', () => {
    const target = path.join(dir, 'plan.docx');
    fs.writeFileSync(target, 'old content that is longer than the new');
    writeExportFile(target, bytes('new'), 'docx');
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(listing(dir)).toEqual(['plan.docx']);
  });

  it('adds the extension to a name without it, but will not replace a file it was not asked to', () => {
    expect(exportTarget(path.join(dir, 'plan'), 'docx')).toBe(path.join(dir, 'plan.docx'));
    expect(exportTarget(path.join(dir, 'plan.DOCX'), 'docx')).toBe(path.join(dir, 'plan.DOCX'));
    expect(exportTarget(path.join(dir, 'notes.txt'), 'docx')).toBe(path.join(dir, 'notes.txt.docx'));
    expect(writeExportFile(path.join(dir, 'plan'), bytes('first'), 'docx').file).toBe(path.join(dir, 'plan.docx'));
    const error = failure(() => writeExportFile(path.join(dir, 'plan'), bytes('second'), 'docx'));
    expect(error.code).toBe('FILE_EXISTS');
    expect(error.message).toMatch(/plan\.docx already exists\. Choose another file name/);
    expect(fs.readFileSync(path.join(dir, 'plan.docx'), 'utf8')).toBe('first');
  });

  it('never writes over a store file, whatever its case', () => {
    for (const name of ['county.dhr', 'COUNTY.DHR', 'county.dhr-wal', 'county.dhr-shm']) {
      const target = path.join(dir, name);
      fs.writeFileSync(target, 'store bytes');
      const error = failure(() => writeExportFile(target, bytes('export'), 'docx'));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/store file name, and an export must never replace a store\. Choose a file name ending in \.docx\./);
      expect(fs.readFileSync(target, 'utf8')).toBe('store bytes');
    }
    expect(listing(dir)).toEqual(['COUNTY.DHR', 'county.dhr', 'county.dhr-shm', 'county.dhr-wal'].sort());
  });

  it('says so when the folder does not exist, and creates nothing', () => {
    const error = failure(() => writeExportFile(path.join(dir, 'missing', 'plan.docx'), bytes('x'), 'docx'));
    expect(error.code).toBe('FOLDER_NOT_FOUND');
    expect(error.message).toBe(`The folder ${path.join(dir, 'missing')} does not exist. Create it first, or choose another folder.`);
    expect(listing(dir)).toEqual([]);
  });

  it('says so when the "folder" is a file', () => {
    fs.writeFileSync(path.join(dir, 'afile'), 'x');
    const error = failure(() => writeExportFile(path.join(dir, 'afile', 'plan.docx'), bytes('x'), 'docx'));
    expect(error.code).toBe('FOLDER_NOT_FOUND');
    expect(error.message).toMatch(/afile is not a folder\. Choose a folder to save the export in\./);
  });

  it('says so when the path is a folder, with or without the extension, and leaves it empty', () => {
    for (const name of ['reports', 'reports.docx']) {
      fs.mkdirSync(path.join(dir, name));
      const error = failure(() => writeExportFile(path.join(dir, name), bytes('x'), 'docx'));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(new RegExp(`${name.replace('.', '\\.')} is a folder\\. Give a file name inside it`));
      expect(listing(path.join(dir, name))).toEqual([]);
    }
    expect(listing(dir)).toEqual(['reports', 'reports.docx']);
  });

  it('says what to do when the folder cannot be written (/sys refuses even root), and leaves nothing there', () => {
    const name = `dhr-write-test-${process.pid}.docx`;
    const error = failure(() => writeExportFile(path.join('/sys', name), bytes('x'), 'docx'));
    expect(error.code).toBe('NOT_WRITABLE');
    expect(error.message).toBe(`Cannot save ${name} in /sys: that folder is read-only or you do not have permission to write there. Choose a folder you can write to, such as your Documents folder.`);
    expect(fs.readdirSync('/sys').filter((f) => f.includes('dhr-write-test'))).toEqual([]);
  });

  it('accepts a long but valid file name', () => {
    const name = `${'x'.repeat(240)}.docx`;
    writeExportFile(path.join(dir, name), bytes('x'), 'docx');
    expect(listing(dir)).toEqual([name]);
  });

  it('keeps the old file whole and removes its temporary file when writing fails part-way', () => {
    // A file-size limit makes the write fail after the temporary file has been created and partly written.
    const target = path.join(dir, 'plan.docx');
    fs.writeFileSync(target, 'the previous export');
    const node = fs.existsSync('node_modules/node/bin/node') ? path.resolve('node_modules/node/bin/node') : process.execPath;
    const script = `
      const { writeExportFile } = await import(${JSON.stringify(path.resolve('electron/services/exports/write-export-file.ts'))});
      try { writeExportFile(${JSON.stringify(target)}, new Uint8Array(256 * 1024).fill(65), 'docx'); console.log('written'); }
      catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
    const result = spawnSync('bash', ['-c', 'ulimit -f 16 && exec "$0" --input-type=module -e "$1"', node, script], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      code: 'NOT_WRITABLE',
      message: `Cannot save ${target}: the file is larger than that location allows. Choose another drive or folder and export again.`,
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(listing(dir)).toEqual(['plan.docx']);
  });

  it("with existing: 'refuse' (the command line without --force), an existing file is left whole, and the message says what to do", () => {
    const target = path.join(dir, 'draft.docx');
    fs.writeFileSync(target, 'someone else’s draft');
    for (const run of [() => checkExportLocation(target, 'docx', { existing: 'refuse' }), () => writeExportFile(target, bytes('new'), 'docx', { existing: 'refuse' })]) {
      const error = failure(run);
      expect(error.code).toBe('FILE_EXISTS');
      expect(error.message).toBe(`${target} already exists, and was left as it is. Add --force to replace it, or choose another file name.`);
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('someone else’s draft');
    expect(listing(dir)).toEqual(['draft.docx']);
    // A new name is written as before.
    expect(writeExportFile(path.join(dir, 'new.docx'), bytes('fresh'), 'docx', { existing: 'refuse' }).bytes).toBe(5);
    expect(fs.readFileSync(path.join(dir, 'new.docx'), 'utf8')).toBe('fresh');
    expect(fs.statSync(path.join(dir, 'new.docx')).nlink).toBe(1);
  });

  it("with existing: 'refuse', a file that appears between the check and the write is not replaced", () => {
    const target = path.join(dir, 'race.docx');
    // The check passes; then another program saves the same name before the export is placed.
    checkExportLocation(target, 'docx', { existing: 'refuse' });
    const open = fs.openSync;
    let raced = false;
    const spy = (file: fs.PathLike, ...rest: unknown[]) => {
      if (!raced && String(file).endsWith('.tmp')) {
        raced = true;
        fs.writeFileSync(target, 'saved meanwhile');
      }
      return (open as (...a: unknown[]) => number)(file, ...rest);
    };
    (fs as { openSync: unknown }).openSync = spy;
    try {
      expect(failure(() => writeExportFile(target, bytes('new'), 'docx', { existing: 'refuse' })).code).toBe('FILE_EXISTS');
    } finally {
      (fs as { openSync: unknown }).openSync = open;
    }
    expect(raced).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('saved meanwhile');
    expect(listing(dir)).toEqual(['race.docx']);
  });

  it('refuses a name longer than any file system allows, saying so and echoing only the start and end of it', () => {
    const chosen = path.join(dir, `${'n'.repeat(300)}.docx`);
    for (const run of [() => checkExportLocation(chosen, 'docx'), () => writeExportFile(chosen, bytes('x'), 'docx')]) {
      const error = failure(run);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/^The file name "n+…n+\.docx" is 305 characters long, and a name can have at most 255\. Choose a shorter name\.$/);
      expect(error.message.length).toBeLessThan(200);
    }
    expect(listing(dir)).toEqual([]);
  });
});
