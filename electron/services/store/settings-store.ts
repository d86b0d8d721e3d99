import type { AppSettings } from '../../../shared/ipc/schemas.ts';
import type { Db } from './sqlite.ts';

/** Settings a new store starts with. Durations are settings, not constants (DOMAIN.md). */
export const DEFAULT_SETTINGS = {
  partnershipName: '',
  reviewLabel: 'DHR',
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  autoLockMinutes: 10,
  decisionWithinDays: 30,
  completionWithinMonths: 6,
  userName: '',
  userOrganisation: '',
  /** The SMART check flags action target dates further away than this */
  maxTargetMonths: 36,
  /** The district this installation's CSP officer works for ('' until chosen) */
  myDistrictId: '',
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;

export function readSettings(db: Db): AppSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  return {
    autoLockMinutes: merged.autoLockMinutes as number,
    partnershipName: merged.partnershipName as string,
    reviewLabel: merged.reviewLabel as AppSettings['reviewLabel'],
    protectiveMarking: merged.protectiveMarking as string,
    decisionWithinDays: merged.decisionWithinDays as number,
    completionWithinMonths: merged.completionWithinMonths as number,
    userName: merged.userName as string,
    userOrganisation: merged.userOrganisation as string,
    maxTargetMonths: merged.maxTargetMonths as number,
  };
}

export function writeSettings(db: Db, values: Partial<Record<SettingKey, unknown>>, now: Date): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value), now.toISOString());
  }
}

/** How the audit log names this installation's user: "Name (Organisation)". */
export function actorName(settings: Pick<AppSettings, 'userName' | 'userOrganisation'>): string {
  const name = settings.userName.trim() || 'Unnamed user';
  return settings.userOrganisation.trim() ? `${name} (${settings.userOrganisation.trim()})` : name;
}

/** One setting's stored value, or its default. */
export function readSetting<K extends SettingKey>(db: Db, key: K): (typeof DEFAULT_SETTINGS)[K] | string | number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string | number) : DEFAULT_SETTINGS[key];
}
