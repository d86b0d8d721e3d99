import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ColumnMapping } from '../../../shared/domain/action-plan-import.ts';
import { todayOf } from '../../../shared/domain/clock.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { exchangeContract } from '../../../shared/ipc/exchange-contract-entries.ts';
import type { Dialogs } from '../platform.ts';
import type { Emit, Session } from '../session/session.ts';
import type { Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { writeExportFile } from '../exports/write-export-file.ts';
import { buildAnalystExport, INTERNAL_MARKING, recordAnalystExport } from './analyst-export.ts';
import { applyActionPlan, previewActionPlan, readActionPlanFile, type ActionPlanPreview, type ReadActionPlan } from './legacy-import.ts';
import { applyPackage, buildPackage, previewPackage, readPackage, recordPackageExport, type ReadPackage } from './pack-service.ts';

// The Exchange screen's channels. Files are chosen through the native
// dialogs; what was read (a decrypted package, a parsed action plan) stays
// here in main, named by a random token, so "Apply" writes exactly what was
// previewed and the records never pass through the renderer. Only the last
// file of each kind is kept, and it is dropped once applied, when another
// is opened, or when the store it was read for is no longer the open one.

type ExchangeContract = typeof exchangeContract;
type ExchangeHandlers = {
  [C in keyof ExchangeContract]: (input: z.output<ExchangeContract[C]['input']>) => Promise<z.output<ExchangeContract[C]['output']>>;
};

/** Most rows of each list sent to the screen; the counts say how many more there are. */
const LIST_LIMIT = 2000;
const CONFLICT_LIMIT = 500;

const newToken = () => randomBytes(18).toString('base64url');

function definedColumns(mapping: ColumnMapping | undefined): ColumnMapping | undefined {
  if (!mapping) return undefined;
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined)) as ColumnMapping;
}

export function exchangeHandlers(session: Session, dialogs: Dialogs, emit: Emit, options: { appVersion?: string } = {}): ExchangeHandlers {
  const appVersion = options.appVersion ?? (packageJson as { version: string }).version;
  const today = () => todayOf(session.clock);
  let pendingPackage: { token: string; store: Store; read: ReadPackage } | null = null;
  let pendingPlan: { token: string; store: Store; read: ReadActionPlan } | null = null;

  const progress = (task: string) => (label: string, done: number, total: number) => emit('task.progress', { task, label, done: Math.min(done, total), total });

  /** The open store, refusing if it changed while a dialog was up. */
  const stillOpen = (store: Store, what: string) => {
    if (session.requireStore() !== store) throw new AppError('CONFLICT', `The store was closed while you chose the file, so ${what}. Unlock it and try again.`);
  };

  const planFor = (token: string): { store: Store; read: ReadActionPlan } => {
    const store = session.requireStore();
    if (!pendingPlan || pendingPlan.token !== token || pendingPlan.store !== store) {
      pendingPlan = null;
      throw new AppError('NOT_FOUND', 'That action plan is no longer open (the store was locked, or another file was chosen since). Choose the file again.');
    }
    return pendingPlan;
  };

  const planPreview = (token: string, preview: ActionPlanPreview) => ({
    token,
    file: preview.file,
    kind: preview.kind,
    sheet: preview.sheet,
    reviewId: preview.reviewId,
    reviewReference: preview.reviewReference,
    columns: preview.columns,
    mapping: preview.mapping,
    tables: preview.tables,
    understood: preview.understood.slice(0, LIST_LIMIT),
    notUnderstood: preview.notUnderstood.slice(0, LIST_LIMIT),
    moreUnderstood: Math.max(0, preview.understood.length - LIST_LIMIT),
    moreNotUnderstood: Math.max(0, preview.notUnderstood.length - LIST_LIMIT),
    recommendations: preview.recommendations.map((r) => ({ number: r.number, text: r.text, scope: r.scope, actions: r.actions.length })),
    actions: preview.actions,
    agencies: preview.agencies,
    alreadyInReview: preview.alreadyInReview,
  });

  return {
    'exchange.exportPackage': async ({ passphrase, districtId, includeRealNames }) => {
      const store = session.requireStore();
      const built = await buildPackage(store, { passphrase, districtId, includeRealNames, appVersion, onProgress: progress('exchange.exportPackage') });
      const chosen = await dialogs.chooseExportFile({ title: 'Save the exchange package', defaultName: built.defaultName, extension: 'dhrpack' });
      if (!chosen) return { file: null, bytes: null, records: null };
      stillOpen(store, 'the package was not saved');
      const written = writeExportFile(chosen, built.bytes, 'dhrpack');
      recordPackageExport(store, built, written.file, actorName(readSettings(store.db)));
      return { ...written, records: built.records };
    },

    'exchange.previewPackage': async ({ passphrase }) => {
      const store = session.requireStore();
      pendingPackage = null;
      const file = await dialogs.chooseOpenFile({ title: 'Import an exchange package', extensions: ['dhrpack'], filterName: 'DHR Tracker exchange package' });
      if (!file) return null;
      stillOpen(store, 'the package was not read');
      const task = progress('exchange.previewPackage');
      const read = await readPackage(file, passphrase, task);
      stillOpen(store, 'the package was not read');
      task('Comparing it with this store', 3, 4);
      const preview = previewPackage(store, read);
      task('Preview ready', 4, 4);
      const token = newToken();
      pendingPackage = { token, store, read };
      const m = read.metadata;
      return {
        token,
        file: read.file,
        info: {
          formatVersion: m.formatVersion,
          createdAt: m.createdAt,
          appVersion: m.appVersion,
          senderName: m.sender.name,
          senderInstallationId: m.sender.installationId,
          partnershipName: m.sender.partnershipName,
          scope: { kind: m.scope.kind, districtName: m.scope.kind === 'district' ? m.scope.districtName : null },
          includesRealNames: m.includesRealNames,
          realNamesImported: preview.plan.realNamesAccepted,
        },
        tables: preview.plan.tables,
        conflicts: preview.plan.conflicts.slice(0, CONFLICT_LIMIT),
        skipped: preview.plan.skipped.slice(0, CONFLICT_LIMIT),
        moreConflicts: Math.max(0, preview.plan.conflicts.length - CONFLICT_LIMIT),
        moreSkipped: Math.max(0, preview.plan.skipped.length - CONFLICT_LIMIT),
        notes: preview.plan.notes,
        warnings: preview.plan.warnings,
        totals: preview.plan.totals,
      };
    },

    'exchange.applyPackage': async ({ token, sameRecords }) => {
      const store = session.requireStore();
      if (!pendingPackage || pendingPackage.token !== token || pendingPackage.store !== store) {
        pendingPackage = null;
        throw new AppError('NOT_FOUND', 'That package is no longer open (the store was locked, or another package was chosen since). Import it again.');
      }
      const { read } = pendingPackage;
      const result = applyPackage(store, read, actorName(readSettings(store.db)), progress('exchange.applyPackage'), { sameRecords: new Set(sameRecords) });
      pendingPackage = null;
      emit('task.progress', { task: 'exchange.applyPackage', label: result.changed ? 'Import complete' : 'Nothing to import', done: 1, total: 1 });
      return { changed: result.changed, totals: result.plan.totals, tables: result.plan.tables };
    },

    'exchange.openActionPlan': async ({ reviewId }) => {
      const store = session.requireStore();
      pendingPlan = null;
      const file = await dialogs.chooseOpenFile({ title: 'Import an action plan', extensions: ['docx', 'xlsx', 'csv'], filterName: 'Action plan (Word, Excel or CSV)' });
      if (!file) return null;
      stillOpen(store, 'the action plan was not read');
      const read = readActionPlanFile(file);
      const preview = previewActionPlan(store.db, read, reviewId, { today: today() });
      const token = newToken();
      pendingPlan = { token, store, read };
      return planPreview(token, preview);
    },

    'exchange.previewActionPlan': async ({ token, reviewId, mapping }) => {
      const { store, read } = planFor(token);
      return planPreview(token, previewActionPlan(store.db, read, reviewId, { mapping: definedColumns(mapping), today: today() }));
    },

    'exchange.applyActionPlan': async ({ token, reviewId, mapping, agencyChoices }) => {
      const { store, read } = planFor(token);
      // Previewed again against the store as it is now, so what is written is what the rules say today.
      const preview = previewActionPlan(store.db, read, reviewId, { mapping: definedColumns(mapping), today: today() });
      const result = applyActionPlan(store, preview, agencyChoices, actorName(readSettings(store.db)), today());
      pendingPlan = null;
      return result;
    },

    'exchange.exportSpreadsheet': async ({ format, internal, reviewedFirstNames }) => {
      const store = session.requireStore();
      // Checked for real names before any dialog: refused unless internal.
      const built = buildAnalystExport(store.db, format, session.clock.now(), { internal, reviewedFirstNames });
      const what = format === 'xlsx' ? 'the spreadsheet for analysts' : 'the CSV files for analysts';
      const chosen = await dialogs.chooseExportFile({
        title: built.internal ? `Save ${what} (internal, ${INTERNAL_MARKING})` : `Save ${what}`,
        defaultName: built.defaultName,
        extension: built.extension,
      });
      if (!chosen) return { file: null, bytes: null };
      stillOpen(store, 'nothing was exported');
      const written = writeExportFile(chosen, built.bytes, built.extension);
      recordAnalystExport(store, format, written.file, built, actorName(readSettings(store.db)));
      return written;
    },
  };
}

