import { stampOf, todayOf } from '../../../shared/domain/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import { ukDateOf } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { ensureApplicability } from '../progress/progress-queries.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { checkPackagePassphrase, FORMAT_VERSION, MAX_PACKAGE_BYTES, openPackage, sealPackage } from './pack-format.ts';
import { applyPlan, planImport, type ImportPlan } from './pack-merge.ts';
import { countRows, readOpenedPackage, recordsJson, type PackageDeletion, type PackageMetadata, type PackageScope, type PackageTables } from './pack-records.ts';
import { collectDeletions, collectRecords } from './pack-select.ts';
import { quoteInput, shownPath } from '../../../shared/domain/quote-input.ts';
import { checkNameLength } from '../file-names.ts';

// Exchange packages end to end: make one from the store, and read one,
// preview it and apply it. The handlers, the CLI and the tests all come
// through here.

export type Progress = (label: string, done: number, total: number) => void;

export interface ExportOptions {
  passphrase: string;
  /** A district package for this district (its id), or null for the whole store (the countywide group) */
  districtId: string | null;
  /** Put the pseudonym registers' real names in the package (only for installations of the same partnership) */
  includeRealNames: boolean;
  appVersion: string;
  onProgress?: Progress;
}

export interface BuiltPackage {
  bytes: Buffer;
  metadata: PackageMetadata;
  /** A file name to suggest: "DHR exchange Fenland 21-11-2026.dhrpack" */
  defaultName: string;
  records: number;
}

/** The district with this name, in any case; refused with the list of districts otherwise. */
export function districtIdByName(db: Db, name: string): string {
  const row = db.prepare('SELECT id FROM districts WHERE name = ? COLLATE NOCASE OR short_name = ? COLLATE NOCASE').get(name.trim(), name.trim()) as { id: string } | undefined;
  if (row) return row.id;
  const names = (db.prepare('SELECT name FROM districts ORDER BY sort_order, name').all() as Array<{ name: string }>).map((d) => d.name);
  throw new AppError('NOT_FOUND', names.length ? `There is no district called ${quoteInput(name)}. The districts are: ${names.join(', ')}.` : `There is no district called ${quoteInput(name)}: this store has no districts yet.`);
}

function scopeFor(db: Db, districtId: string | null): PackageScope {
  if (!districtId) return { kind: 'all' };
  const row = db.prepare('SELECT id, name FROM districts WHERE id = ?').get(districtId) as { id: string; name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That district no longer exists. Reload and choose again.');
  return { kind: 'district', districtId: row.id, districtName: row.name };
}

export async function buildPackage(store: Store, options: ExportOptions): Promise<BuiltPackage> {
  checkPackagePassphrase(options.passphrase);
  const progress = options.onProgress ?? (() => {});
  const now = store.clock.now();
  const settings = readSettings(store.db);
  const scope = scopeFor(store.db, options.districtId);
  progress('Gathering the records', 0, 3);
  const tables = collectRecords(store.db, scope, options.includeRealNames);
  const deletions = collectDeletions(store.db, scope);
  const counts = countRows(tables);
  const metadata: PackageMetadata = {
    app: 'DHR Tracker',
    formatVersion: FORMAT_VERSION,
    createdAt: now.toISOString(),
    appVersion: options.appVersion,
    sender: { installationId: store.installationId, name: actorName(settings), partnershipName: settings.partnershipName },
    scope,
    includesRealNames: options.includeRealNames,
    counts,
  };
  progress('Encrypting the package', 1, 3);
  const bytes = await sealPackage(metadata, recordsJson(tables, deletions), options.passphrase);
  progress('Package ready', 3, 3);
  const day = ukDateOf(now).split('-').reverse().join('-');
  const defaultName = `DHR exchange ${scope.kind === 'district' ? scope.districtName : 'countywide'} ${day}.dhrpack`.replace(/[\\/:*?"<>|]/g, '-');
  return { bytes, metadata, defaultName, records: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** Record an export in the audit log (never the passphrase, never names). */
export function recordPackageExport(store: Store, built: BuiltPackage, file: string, actor: string): void {
  store.db.transaction(() =>
    appendAudit(store.db, store.installationId, {
      actor,
      action: 'export',
      entity: 'exchange package',
      detail: {
        file: path.basename(file),
        scope: built.metadata.scope.kind === 'district' ? built.metadata.scope.districtName : 'countywide',
        includesRealNames: built.metadata.includesRealNames,
        records: built.metadata.counts,
      },
    }, stampOf(store.clock)),
  )();
}

export interface ReadPackage {
  file: string;
  metadata: PackageMetadata;
  tables: PackageTables;
  deletions: PackageDeletion[];
}

/** Read a package file from disk, checking size first. */
export function readPackageBytes(file: string): Buffer {
  const abs = path.resolve(file);
  checkNameLength(abs);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new AppError('FILE_NOT_FOUND', `There is no file at ${shownPath(abs)}. Check the name and folder.`);
  }
  if (stat.isDirectory()) throw new AppError('INVALID_INPUT', `${shownPath(abs)} is a folder. Choose the .dhrpack file itself.`);
  if (stat.size > MAX_PACKAGE_BYTES) throw new AppError('INVALID_INPUT', `${shownPath(path.basename(abs))} is larger than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB, far more than any partnership's records, so it was not read.`);
  return fs.readFileSync(abs);
}

/** Open a package: check, decrypt, check its records. Nothing in the store is touched. */
export async function readPackage(file: string, passphrase: string, onProgress?: Progress): Promise<ReadPackage> {
  const progress = onProgress ?? (() => {});
  progress('Checking the package', 0, 4);
  const bytes = readPackageBytes(file);
  const label = shownPath(path.basename(file));
  progress('Unlocking the package', 1, 4);
  const opened = await openPackage(bytes, passphrase, label);
  progress('Checking its records', 2, 4);
  const { metadata, tables, deletions } = readOpenedPackage(opened, label);
  return { file: path.resolve(file), metadata, tables, deletions };
}

export interface PackagePreview {
  file: string;
  metadata: PackageMetadata;
  plan: ImportPlan;
}

export interface ImportChoices {
  /** Near matches the person says are the same record here (their conflicts' choice keys), or 'all' */
  sameRecords?: ReadonlySet<string> | 'all';
}

export function previewPackage(store: Store, read: ReadPackage, choices: ImportChoices = {}): PackagePreview {
  return { file: read.file, metadata: read.metadata, plan: planImport(store.db, read.metadata, read.tables, { installationId: store.installationId, ...choices }, read.deletions) };
}

export interface ApplyResult {
  plan: ImportPlan;
  /** False when the store already had everything: nothing was written, not even an audit entry */
  changed: boolean;
}

/**
 * Apply a package in one transaction: plan again against the store as it
 * is now, write every change, start every district's consideration of new
 * recommendations, and audit the import. Any failure rolls all of it back.
 */
export function applyPackage(store: Store, read: ReadPackage, actor: string, onProgress?: Progress, choices: ImportChoices = {}): ApplyResult {
  const { db } = store;
  let result: ApplyResult | undefined;
  db.transaction(() => {
    const plan = planImport(db, read.metadata, read.tables, { installationId: store.installationId, ...choices }, read.deletions);
    const { add, change, remove, delete: deleted, link } = plan.totals;
    // Links alone are written too: without them a later edit from the sender would no longer match.
    if (add + change + remove + deleted + link + plan.deletionsNoted === 0) {
      result = { plan, changed: false };
      return;
    }
    applyPlan(db, plan, (label, done, total) => onProgress?.(`Importing ${label}`, done, total));
    const now = stampOf(store.clock);
    const today = todayOf(store.clock);
    for (const id of plan.addedRecommendations) ensureApplicability(db, store.installationId, now, today, id);
    appendAudit(db, store.installationId, {
      actor,
      action: 'import',
      entity: 'exchange package',
      detail: {
        file: path.basename(read.file),
        from: read.metadata.sender.name,
        fromInstallation: read.metadata.sender.installationId,
        made: read.metadata.createdAt,
        formatVersion: read.metadata.formatVersion,
        scope: read.metadata.scope.kind === 'district' ? read.metadata.scope.districtName : 'countywide',
        realNamesImported: plan.realNamesAccepted,
        added: add,
        changed: change,
        removed: remove,
        deleted,
        deletionsNoted: plan.deletionsNoted,
        linked: link,
        conflicts: plan.totals.conflicts,
        skipped: plan.totals.skipped,
      },
    }, now);
    result = { plan, changed: true };
  })();
  return result!;
}

/** A person-readable summary of a preview, for the CLI. */
export function describePreview(preview: PackagePreview): string {
  const m = preview.metadata;
  const lines = [
    `Package:  ${path.basename(preview.file)}`,
    `From:     ${m.sender.name}${m.sender.partnershipName ? `, ${m.sender.partnershipName}` : ''} (installation ${m.sender.installationId})`,
    `Made:     ${m.createdAt.slice(0, 10).split('-').reverse().join('/')} by DHR Tracker ${m.appVersion} (package format ${m.formatVersion})`,
    `Scope:    ${m.scope.kind === 'district' ? `${m.scope.districtName}: its reviews, recommendations, decisions and updates` : 'countywide: the whole store'}`,
    `Real names from the pseudonym registers: ${m.includesRealNames ? (preview.plan.realNamesAccepted ? 'included, and imported' : 'included, but not imported here') : 'not included'}`,
    '',
    `${'Records'.padEnd(30)}${'Add'.padStart(7)}${'Change'.padStart(8)}${'Remove'.padStart(8)}${'Unchanged'.padStart(11)}${'Conflicts'.padStart(11)}${'Skipped'.padStart(9)}`,
  ];
  for (const t of preview.plan.tables) {
    if (!(t.add || t.change || t.unchanged || t.conflicts || t.skipped || t.remove || t.delete)) continue;
    lines.push(
      `${t.label.padEnd(30)}${String(t.add).padStart(7)}${String(t.change + t.remove).padStart(8)}${String(t.delete).padStart(8)}${String(t.unchanged).padStart(11)}${String(t.conflicts).padStart(11)}${String(t.skipped).padStart(9)}`,
    );
  }
  const { add, change, remove, delete: deleted, conflicts, skipped, link } = preview.plan.totals;
  lines.push('', `In all: ${add} to add, ${change + remove} to change, ${deleted} to remove (deleted by their owner), ${link ? `${link} to link to the same records here, ` : ''}${conflicts} conflicts, ${skipped} skipped.`);
  for (const w of preview.plan.warnings) lines.push(`Warning: ${w}`);
  for (const c of preview.plan.conflicts.slice(0, 50)) lines.push(`Conflict: ${c.record}: ${c.reason}`);
  if (preview.plan.conflicts.length > 50) lines.push(`… and ${preview.plan.conflicts.length - 50} more conflicts.`);
  if (preview.plan.conflicts.some((c) => c.choice)) lines.push('Near matches are left out. If they are the same records as the ones here, import again with --link-near to link them.');
  for (const s of preview.plan.skipped.slice(0, 50)) lines.push(`Skipped: ${s.record}: ${s.reason}`);
  if (preview.plan.skipped.length > 50) lines.push(`… and ${preview.plan.skipped.length - 50} more skipped.`);
  for (const note of preview.plan.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
