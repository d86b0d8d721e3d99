import { formatUkDate } from '../../shared/domain/dates.ts';
import { DUE_SOON_DAYS, DUE_WORDS } from '../../shared/domain/implementation-status.ts';
import { STATUSES, type Status } from '../../shared/domain/vocabulary.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { dashboardSummary } from '../services/dashboard/dashboard-summary.ts';
import { listStatuses } from '../services/statuses/status-handlers.ts';
import type { Db } from '../services/store/sqlite.ts';
import { quoteInput } from '../../shared/domain/quote-input.ts';

// dhr status: implementation across the county or in one district. The
// figures are the dashboard's own (the same function), so the two always agree.

export interface StatusJson {
  asAt: string;
  /** The district asked for, or null for the whole county */
  district: string | null;
  /** Recommendations applicable in the district (or county), by their current status */
  applicable: number;
  counts: Record<Status, number>;
  overdue: number;
  /** Due within dueSoonDays, and not closed */
  dueSoon: number;
  dueSoonDays: number;
  /** Recommendations the district (or any district) has still to decide on */
  underConsideration: number;
}

function chooseDistrict(db: Db, districts: ReadonlyArray<{ name: string }>, asked: string): string {
  const wanted = asked.trim().replace(/\s+/g, ' ').toLowerCase();
  const found = districts.find((d) => d.name.toLowerCase() === wanted);
  if (found) return found.name;
  const names = districts.map((d) => d.name).join(', ') || 'none yet';
  const retired = db.prepare('SELECT name FROM districts WHERE name = ? COLLATE NOCASE AND retired_at IS NOT NULL').get(wanted) as { name: string } | undefined;
  if (retired) throw new AppError('NOT_FOUND', `${retired.name} is retired, so it has no status figures. Current districts: ${names}.`);
  throw new AppError('NOT_FOUND', `There is no district called ${quoteInput(asked.trim())}. Districts: ${names}.`);
}

export function statusReport(db: Db, districtName: string | null, today: string): { json: StatusJson; text: string } {
  const summary = dashboardSummary(db, today);
  let json: StatusJson;
  if (districtName === null) {
    json = {
      asAt: summary.asAt,
      district: null,
      applicable: summary.districts.reduce((n, d) => n + d.applicable, 0),
      counts: summary.statusCounts as Record<Status, number>,
      overdue: summary.overdueCount,
      dueSoon: summary.dueSoonCount,
      dueSoonDays: DUE_SOON_DAYS,
      underConsideration: summary.districts.reduce((n, d) => n + d.underConsideration, 0),
    };
  } else {
    const name = chooseDistrict(db, summary.districts, districtName);
    const d = summary.districts.find((x) => x.name === name)!;
    json = {
      asAt: summary.asAt,
      district: d.name,
      applicable: d.applicable,
      counts: d.counts as Record<Status, number>,
      overdue: d.overdue,
      dueSoon: d.dueSoon,
      dueSoonDays: DUE_SOON_DAYS,
      underConsideration: d.underConsideration,
    };
  }
  // Words and colour names as this partnership has set them.
  const words = new Map(listStatuses(db).map((s) => [s.code, `${s.label} (${s.colourName})`]));
  const where = json.district ?? `the whole county (${summary.districts.length} ${summary.districts.length === 1 ? 'district' : 'districts'})`;
  const line = (label: string, n: number, indent = '') => `${indent}${label.padEnd(40 - indent.length)}${String(n).padStart(6)}\n`;
  const text = [
    `Implementation status for ${where}, as at ${formatUkDate(json.asAt)}\n`,
    '\nApplicable recommendations by status:\n',
    ...STATUSES.map((s) => line(words.get(s) ?? s, json.counts[s], '  ')),
    line('Total applicable', json.applicable, '  '),
    '\n',
    line(DUE_WORDS.overdue, json.overdue),
    line(DUE_WORDS.due_soon, json.dueSoon),
    line('Under consideration (not yet decided)', json.underConsideration),
  ].join('');
  return { json, text };
}
