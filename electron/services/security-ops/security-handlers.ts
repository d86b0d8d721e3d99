import type { z } from 'zod';
import { securityContractEntries } from '../../../shared/ipc/security-contract-entries.ts';
import type { Logger } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Emit, Session, Timers } from '../session/session.ts';
import { openStoreReadOnly } from '../store/open-store.ts';
import { storeStats } from '../store/store-stats.ts';
import { createBackupScheduler } from './backup-scheduler.ts';
import { backupStatus, listBackups, restoreBackup, writeBackupSettings } from './backups.ts';

type Entries = typeof securityContractEntries;
export type SecurityChannel = keyof Entries;
export type SecurityHandlers = {
  [C in SecurityChannel]: (input: z.output<Entries[C]['input']>) => z.output<Entries[C]['output']> | Promise<z.output<Entries[C]['output']>>;
};

export interface SecurityHandlerOptions {
  dialogs: Dialogs;
  emit: Emit;
  timers?: Timers;
  log?: Logger;
}

/**
 * Handlers for the passphrase lifecycle (change, remember on this device)
 * and backups (status, on demand, schedule, restore). Also starts the backup
 * schedule, which runs while a store is unlocked.
 */
export function securityHandlers(session: Session, options: SecurityHandlerOptions): SecurityHandlers {
  const now = () => session.clock.now();
  const scheduler = createBackupScheduler({ session, emit: options.emit, timers: options.timers, log: options.log });
  const status = () => ({ ...backupStatus(session.requireStore(), now()), lastError: scheduler.lastError() });
  const progress = (task: string) => (done: number, total: number, label: string) => options.emit('task.progress', { task, label, done, total });

  return {
    'security.changePassphrase': ({ currentPassphrase, newPassphrase }) => {
      const { file } = session.changePassphrase(currentPassphrase, newPassphrase);
      // Backups already made keep the passphrase they were made with.
      return { file, backupsUnderOldPassphrase: listBackups(file).length };
    },
    'security.rememberStatus': ({ file }) => session.rememberStatus(file),
    'security.unlock': ({ file, passphrase, remember }) => session.open(file, passphrase, remember),
    'security.unlockRemembered': ({ file }) => session.openRemembered(file),
    'security.forgetRemembered': ({ file }) => {
      session.forgetRemembered(file);
      return session.rememberStatus(file);
    },
    'backups.status': () => status(),
    'backups.run': () => {
      const made = scheduler.runNow();
      return { backup: { file: made.file, at: made.at, bytes: made.bytes }, status: status() };
    },
    'backups.updateSchedule': ({ everyHours, keep }) => {
      writeBackupSettings(session.requireStore(), { everyHours, keep });
      scheduler.rescheduled();
      return status();
    },
    'backups.chooseFile': async () => ({
      file: await options.dialogs.chooseOpenFile({ title: 'Choose a backup to restore', extensions: ['dhr-backup', 'dhr'], filterName: 'DHR Tracker backup' }),
    }),
    'backups.restore': ({ from, to, passphrase }) => {
      const report = restoreBackup(from, to, passphrase, { onProgress: progress('restore') });
      const { db } = openStoreReadOnly(report.file, passphrase);
      try {
        return { file: report.file, schemaVersion: report.schemaVersion, auditEntries: report.auditEntries, stats: storeStats(db) };
      } finally {
        db.close();
      }
    },
  };
}
