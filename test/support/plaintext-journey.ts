// The whole journey with canary strings, for the no-plaintext-at-rest test:
// create a store, load the demo, add a review (with a pseudonym register), a
// recommendation, a district decision and a progress update with an
// attachment, back up, export, lock and unlock, and lock again. Run in a child
// process whose TMPDIR is a folder of the test's own, so afterwards every
// file it could have written is in one place to scan. Prints a JSON summary.
//   TMPDIR=… node test/support/plaintext-journey.ts CANARY
import fs from 'node:fs';
import path from 'node:path';
import { securityHandlers } from '../../electron/services/security-ops/security-handlers.ts';
import { openTestBackend } from './backend.ts';
import { PASSPHRASE } from './temp.ts';

const canary = process.argv[2];
if (!canary) throw new Error('usage: plaintext-journey.ts CANARY');
let exportsDir = '';
const exported: string[] = [];
const t = await openTestBackend({
  demo: true,
  exportTo: (name) => {
    const file = path.join(exportsDir, name);
    exported.push(file);
    return file;
  },
});
exportsDir = path.join(t.dir, 'exports');
fs.mkdirSync(exportsDir);
const db = () => t.db();
const id = (sql: string) => (db().prepare(sql).get() as { id: string }).id;

const fenland = id("SELECT id FROM districts WHERE name = 'Fenland'");
const review = await t.ok<{ id: string }>('reviews.save', {
  reference: 'DHR-FL-2026-77',
  victimPseudonym: 'Bryony',
  commissioningDistrictId: fenland,
  relationship: 'intimate_partner',
  dateOfDeath: '2026-01-03',
  notificationDate: '2026-01-07',
  people: [
    { role: 'victim', pseudonym: 'Bryony', realName: `${canary}-victim-real-name` },
    { role: 'perpetrator', pseudonym: 'Carl', realName: `${canary}-perpetrator-real-name` },
  ],
});
const recommendation = await t.ok<{ id: string }>('recommendations.save', {
  reviewId: review.id,
  text: `The CSP should commission ${canary}-recommendation training for GP practices by April 2027.`,
  scope: 'local',
});
const applicability = await t.ok<{ districts: Array<{ id: string; districtName: string }> }>('applicability.forRecommendation', { recommendationId: recommendation.id });
const row = applicability.districts.find((d) => d.districtName === 'Fenland')!;
const attachment = Buffer.from(`%PDF-1.4\n% ${canary}-attachment evidence\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const history = await t.ok<{ updates: Array<{ attachments: Array<{ id: string }> }> }>('progress.add', {
  applicabilityId: row.id,
  asAtDate: '2026-11-01',
  author: 'Dan Whitlock',
  status: 'on_track',
  note: `Training planned: ${canary}-progress-note`,
  attachments: [{ fileName: 'evidence.pdf', dataBase64: attachment.toString('base64') }],
});

// A backup beside the store, through the same handlers the app uses.
const backups = Object.prototype.hasOwnProperty.call(t.backend.handlers, 'backups.run')
  ? null
  : securityHandlers(t.backend.session, { dialogs: { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => null }, emit: () => {} });
const backup = backups ? await backups['backups.run']({}) : await t.ok<{ backup: { file: string } }>('backups.run');

// Explicit exports: the action plan (a .docx) and the attachment saved back out.
await t.ok('export.actionPlan', { reviewId: review.id });
const attachmentId = history.updates.flatMap((u) => u.attachments)[0]!.id;
await t.ok('attachments.save', { id: attachmentId });

await t.ok('session.lock');
await t.ok('session.open', { file: t.file, passphrase: PASSPHRASE });
// The canaries really are in the store (so a scan that finds none means something).
const stored = db().prepare('SELECT text FROM recommendations WHERE id = ?').get(recommendation.id) as { text: string };
if (!stored.text.includes(canary)) throw new Error('the canary did not reach the store');
await t.ok('session.lock');
t.backend.session.close();
process.stdout.write(`${JSON.stringify({ dataDir: t.dir, store: t.file, backup: backup.backup.file, exportsDir, exported })}\n`);
