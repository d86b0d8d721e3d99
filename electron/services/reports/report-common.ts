import { formatLongDate, isIsoDate, ukDateOf } from '../../../shared/domain/dates.ts';
import { STATUS_DEFAULTS, STATUSES, type ReviewLabel, type Status } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { listStatuses } from '../statuses/status-handlers.ts';
import { readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { quoteInput } from '../../../shared/domain/quote-input.ts';

// What both reports share: the partnership's settings and status key, the
// steps they report progress in, and checking the dates and districts they
// are asked for. The app and the command line both come through here.

export interface StatusKey {
  code: Status;
  label: string;
  /** #rrggbb, as the partnership set it */
  colour: string;
  colourName: string;
  meaning: string;
}

export interface ReportBasics {
  partnershipName: string;
  reviewLabel: ReviewLabel;
  protectiveMarking: string;
  /** The statuses in the partnership's order, with its colours */
  statuses: StatusKey[];
  /** The day the report was made */
  today: string;
}

export function reportBasics(db: Db, today: string): ReportBasics {
  const settings = readSettings(db);
  const configured = new Map(listStatuses(db).map((s) => [s.code, s]));
  // Every status is there, in the partnership's order; any missing row falls back to the default key.
  const ordered = [...configured.keys(), ...STATUSES.filter((s) => !configured.has(s))];
  return {
    partnershipName: settings.partnershipName.trim() || 'Community Safety Partnership',
    reviewLabel: settings.reviewLabel,
    protectiveMarking: settings.protectiveMarking,
    today,
    statuses: ordered.map((code) => {
      const s = configured.get(code);
      const d = STATUS_DEFAULTS[code];
      return { code, label: s?.label ?? d.label, colour: (s?.colour ?? d.colour).toLowerCase(), colourName: s?.colourName ?? d.colourName, meaning: s?.meaning ?? d.meaning };
    }),
  };
}

/**
 * One step of building a report: says what is being done (for a progress
 * bar), then lets the event loop run (other requests, window events, the
 * idle clock) before the work goes on. The app's step also checks that the
 * store is still open; the command line's does nothing.
 */
export type Step = (label: string) => Promise<void>;
export const quietStep: Step = async () => {};

/** A date typed as yyyy-mm-dd or dd/mm/yyyy (or d/m/yyyy), as ISO yyyy-mm-dd; null when it is not a real date. */
export function parseDateInput(value: string): string | null {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isIsoDate(text) ? text : null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return null;
  const iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The date, or a clear refusal naming what was asked for. */
export function requireDate(value: string, what: string): string {
  const iso = parseDateInput(value);
  if (!iso) throw new AppError('INVALID_INPUT', `${what} ${quoteInput(value)} is not a real date. Give it as dd/mm/yyyy or yyyy-mm-dd, such as 21/11/2026.`, { [what]: 'Enter a real date.' });
  return iso;
}

/** A report's "as at" day: a real day, not in the future. */
export function checkAsAt(asAt: string, today: string): void {
  if (!isIsoDate(asAt)) throw new AppError('INVALID_INPUT', 'The "as at" date is not a real date. Give it as dd/mm/yyyy.', { asAt: 'Enter a real date.' });
  if (asAt > today) {
    const message = `The "as at" date (${formatLongDate(asAt)}) is in the future. A progress report can only be as at today (${formatLongDate(today)}) or an earlier day.`;
    throw new AppError('INVALID_INPUT', message, { asAt: message });
  }
}

/** A countywide report's period: real days, ending on or after it starts. */
export function checkPeriod(from: string, to: string): void {
  if (!isIsoDate(from)) throw new AppError('INVALID_INPUT', 'The start of the period is not a real date. Give it as dd/mm/yyyy.', { from: 'Enter a real date.' });
  if (!isIsoDate(to)) throw new AppError('INVALID_INPUT', 'The end of the period is not a real date. Give it as dd/mm/yyyy.', { to: 'Enter a real date.' });
  if (to < from) {
    const message = `The period ends (${formatLongDate(to)}) before it starts (${formatLongDate(from)}). Give an end date on or after the start date.`;
    throw new AppError('INVALID_INPUT', message, { to: message });
  }
}

export interface DistrictRow {
  id: string;
  name: string;
  retired: boolean;
}

function currentDistrictNames(db: Db): string {
  const names = (db.prepare('SELECT name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Array<{ name: string }>).map((d) => d.name);
  return names.join(', ') || 'none yet (add them in Settings)';
}

/** A current district by its id, or a clear refusal. */
export function districtById(db: Db, id: string): DistrictRow {
  const row = db.prepare('SELECT id, name, retired_at AS retiredAt FROM districts WHERE id = ?').get(id) as { id: string; name: string; retiredAt: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `That district no longer exists. Districts: ${currentDistrictNames(db)}.`, { districtId: 'Choose a district from the list.' });
  if (row.retiredAt) throw new AppError('INVALID_INPUT', `${row.name} is retired, so it has no progress to report. Current districts: ${currentDistrictNames(db)}.`, { districtId: 'Choose a current district.' });
  return { id: row.id, name: row.name, retired: false };
}

/** A current district by its name, in any case, or a refusal listing the districts. */
export function districtByName(db: Db, asked: string): DistrictRow {
  const wanted = asked.trim().replace(/\s+/g, ' ');
  const row = db.prepare('SELECT id, name, retired_at AS retiredAt FROM districts WHERE name = ? COLLATE NOCASE').get(wanted) as { id: string; name: string; retiredAt: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no district called ${quoteInput(wanted)}. Districts: ${currentDistrictNames(db)}.`);
  if (row.retiredAt) throw new AppError('INVALID_INPUT', `${row.name} is retired, so it has no progress to report. Current districts: ${currentDistrictNames(db)}.`);
  return { id: row.id, name: row.name, retired: false };
}
