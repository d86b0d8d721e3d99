import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';

// Exports that cannot or should not be written: each gives a message that
// says what to do, writes no file (not even a temporary one) and adds no
// audit entry.

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
/** What the stand-in save dialog answers next; a function so a test can act while the "dialog" is open */
let answer: () => string | null;
let dialogCalls = 0;
let reviewId: string;

beforeAll(async () => {
  out = tempDir('dhr-export-bad-');
  t = await openTestBackend({
    demo: true,
    exportTo: () => {
      dialogCalls++;
      return answer();
    },
  });
  reviewId = (t.db().prepare("SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01'").get() as { id: string }).id;
}, 60_000);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

beforeEach(() => {
  dialogCalls = 0;
  answer = () => null;
  for (const entry of fs.readdirSync(out.dir)) fs.rmSync(path.join(out.dir, entry), { recursive: true, force: true });
});

const exportCount = () => (t.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n;

async function refused(channel: 'export.actionPlan' | 'export.recommendations', input: unknown) {
  const before = exportCount();
  const reply = await t.dispatch(channel, input);
  if (reply.ok) throw new Error(`expected ${channel} to fail, but it wrote ${JSON.stringify(reply.value)}`);
  expect(exportCount()).toBe(before);
  return reply.error;
}

describe.each(['export.actionPlan', 'export.recommendations'] as const)('%s with bad input', (channel) => {
  it('to a folder that does not exist: FOLDER_NOT_FOUND, and nothing created', async () => {
    const missing = path.join(out.dir, 'no such folder');
    answer = () => path.join(missing, 'plan.docx');
    const error = await refused(channel, { reviewId });
    expect(error).toEqual({ code: 'FOLDER_NOT_FOUND', message: `The folder ${missing} does not exist. Create it first, or choose another folder.` });
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('to a folder that cannot be written (/sys): NOT_WRITABLE, and no file or temporary file left there', async () => {
    const name = `dhr-export-test-${process.pid}.docx`;
    answer = () => path.join('/sys', name);
    const error = await refused(channel, { reviewId });
    expect(error.code).toBe('NOT_WRITABLE');
    expect(error.message).toBe(`Cannot save ${name} in /sys: that folder is read-only or you do not have permission to write there. Choose a folder you can write to, such as your Documents folder.`);
    expect(fs.readdirSync('/sys').filter((f) => f.includes('dhr-export-test'))).toEqual([]);
  });

  it('to a path that is a folder: a clear message, and the folder left empty', async () => {
    const folder = path.join(out.dir, 'Reports');
    fs.mkdirSync(folder);
    answer = () => folder;
    const error = await refused(channel, { reviewId });
    expect(error).toEqual({ code: 'INVALID_INPUT', message: `${folder} is a folder. Give a file name inside it, such as ${path.join(folder, 'export.docx')}.` });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(fs.readdirSync(out.dir)).toEqual(['Reports']);
  });

  it('over the open store itself: refused, and the store still works', async () => {
    const before = fs.readFileSync(t.file);
    answer = () => t.file;
    const error = await refused(channel, { reviewId });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/an export must never replace a store/);
    expect(fs.readFileSync(t.file).equals(before)).toBe(true);
    expect(verifyAuditChain(t.db())).toMatchObject({ ok: true });
  });

  it('for a review that does not exist: NOT_FOUND, without asking where to save', async () => {
    answer = () => path.join(out.dir, 'plan.docx');
    const error = await refused(channel, { reviewId: randomUUID() });
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'That review no longer exists. Go back to the list of reviews.' });
    expect(dialogCalls).toBe(0);
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('with a review id that is not an id: INVALID_INPUT', async () => {
    const error = await refused(channel, { reviewId: 'DHR-FL-2016-01' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(dialogCalls).toBe(0);
  });

  it('cancelled in the save dialog: file null, nothing written, nothing audited', async () => {
    const before = exportCount();
    expect(await t.ok(channel, { reviewId })).toEqual({ file: null, bytes: null });
    expect(dialogCalls).toBe(1);
    expect(exportCount()).toBe(before);
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('when the store locks while the save dialog is open: nothing written', async () => {
    answer = () => {
      t.backend.session.lock('idle');
      return path.join(out.dir, 'plan.docx');
    };
    try {
      const reply = await t.dispatch(channel, { reviewId });
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error.code).toBe('LOCKED');
      expect(fs.readdirSync(out.dir)).toEqual([]);
    } finally {
      await t.ok('session.open', { file: t.file, passphrase: PASSPHRASE });
    }
  });
});

describe('exports while locked', () => {
  it('refuses with LOCKED and asks nothing', async () => {
    t.backend.session.lock('manual');
    try {
      for (const channel of ['export.actionPlan', 'export.recommendations']) {
        const reply = await t.dispatch(channel, { reviewId });
        expect(!reply.ok && reply.error.code).toBe('LOCKED');
      }
      expect(dialogCalls).toBe(0);
    } finally {
      await t.ok('session.open', { file: t.file, passphrase: PASSPHRASE });
    }
  });
});

describe('a good export after the bad ones', () => {
  it('writes the file and one audit entry', async () => {
    const before = exportCount();
    answer = () => path.join(out.dir, 'plan');
    const result = await t.ok<{ file: string; bytes: number }>('export.actionPlan', { reviewId });
    expect(result.file).toBe(path.join(out.dir, 'plan.docx'));
    expect(fs.readdirSync(out.dir)).toEqual(['plan.docx']);
    expect(exportCount()).toBe(before + 1);
  });
});
