import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../domain/passphrase.ts';
import * as s from './schemas.ts';

// Channels for the passphrase lifecycle and backups, kept apart from
// contract.ts until they are spread into it (`...securityContractEntries`).
// Same shape as every entry there: zod input, zod output.

const newPassphrase = z
  .string({ error: 'Enter the new passphrase.' })
  .refine((value) => [...value].length >= MIN_PASSPHRASE_LENGTH, `The new passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`)
  .refine((value) => value.length <= 1024, 'That passphrase is too long (over 1,024 characters).');

export const rememberStatus = z.object({
  /** This device can keep a passphrase in the OS's secure storage */
  available: z.boolean(),
  /** Why it cannot, in words (null when it can) */
  reason: z.string().nullable(),
  /** A passphrase is remembered for this store on this device */
  remembered: z.boolean(),
});
export type RememberStatus = z.infer<typeof rememberStatus>;

export const backupInfo = z.object({ file: z.string(), at: z.string(), bytes: z.number().int() });
export type BackupInfoDto = z.infer<typeof backupInfo>;

export const backupStatus = z.object({
  folder: z.string(),
  settings: z.object({ everyHours: z.number().int(), keep: z.number().int() }),
  backups: z.array(backupInfo),
  last: backupInfo.nullable(),
  /** When the next scheduled backup falls due; null when the schedule is off */
  dueAt: z.string().nullable(),
  /** The last backup is older than the schedule allows */
  overdue: z.boolean(),
  /** Why the last scheduled backup failed, if it did */
  lastError: z.string().nullable(),
});
export type BackupStatusDto = z.infer<typeof backupStatus>;

export const backupSchedule = z.strictObject({
  everyHours: z
    .number({ error: 'Enter a whole number of hours (0 turns scheduled backups off).' })
    .int('Enter a whole number of hours (0 turns scheduled backups off).')
    .min(0, 'Enter 0 to turn scheduled backups off, or a number of hours.')
    .max(720, 'Back up at least every 720 hours (30 days), or enter 0 to turn scheduled backups off.'),
  keep: z
    .number({ error: 'Enter how many backups to keep, such as 7.' })
    .int('Enter how many backups to keep as a whole number, such as 7.')
    .min(1, 'Keep at least 1 backup.')
    .max(100, 'Keep at most 100 backups.'),
});

export const restoreResult = z.object({
  file: z.string(),
  schemaVersion: z.number().int(),
  auditEntries: z.number().int(),
  stats: s.storeStats,
});
export type RestoreResultDto = z.infer<typeof restoreResult>;

export const securityContractEntries = {
  /** Change the open store's passphrase: checked, rekeyed, verified, reopened */
  'security.changePassphrase': {
    input: z.strictObject({ currentPassphrase: s.passphrase, newPassphrase }),
    output: z.object({ file: z.string(), backupsUnderOldPassphrase: z.number().int() }),
  },
  /** Can this device remember a passphrase, and does it for this store? Works while locked. */
  'security.rememberStatus': { input: z.strictObject({ file: s.storeFile }), output: rememberStatus },
  /** Unlock, and remember the passphrase on this device (remember: true) or forget it (false) */
  'security.unlock': {
    input: z.strictObject({ file: s.storeFile, passphrase: s.passphrase, remember: z.boolean() }),
    output: s.sessionStatus,
  },
  /** Unlock with the passphrase remembered on this device */
  'security.unlockRemembered': { input: z.strictObject({ file: s.storeFile }), output: s.sessionStatus },
  'security.forgetRemembered': { input: z.strictObject({ file: s.storeFile }), output: rememberStatus },

  /** The schedule, the backups in the folder beside the store, and whether one is overdue */
  'backups.status': { input: s.empty, output: backupStatus },
  /** Back up now into the backups folder (progress on task.progress, task "backup") */
  'backups.run': { input: s.empty, output: z.object({ backup: backupInfo, status: backupStatus }) },
  'backups.updateSchedule': { input: backupSchedule, output: backupStatus },
  /** Ask which backup file to restore (null when cancelled) */
  'backups.chooseFile': { input: s.empty, output: z.object({ file: z.string().nullable() }) },
  /** Restore a backup into a NEW store file and verify it; the person may then open it */
  'backups.restore': {
    input: z.strictObject({ from: s.storeFile, to: s.storeFile, passphrase: s.passphrase }),
    output: restoreResult,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type SecurityChannel = keyof typeof securityContractEntries;
