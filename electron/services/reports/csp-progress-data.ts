import { STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { Db } from '../store/sqlite.ts';
import { applicabilityAsAt, monthEndsUpTo, summarise, zeroStatusCounts, type ApplicabilityAsAt, type StatusSummary } from './as-at.ts';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { quietStep, reportBasics, type DistrictRow, type ReportBasics, type Step } from './report-common.ts';

// Everything the CSP progress report for one district says, as at a day.
// Pseudonyms only: the pseudonym register's real names are never read here.

export interface CspProgressData extends ReportBasics {
  district: { id: string; name: string };
  asAt: string;
  summary: StatusSummary;
  /** Every recommendation applicable in the district on the day: overdue first, then by due state, status, target and review */
  items: ApplicabilityAsAt[];
  notApplicable: ApplicabilityAsAt[];
  alreadyInPlace: ApplicabilityAsAt[];
  byReview: Array<{ reviewReference: string; counts: Record<Status, number>; total: number }>;
  /** Status counts at the end of each of the last 24 months, and on the day */
  overTime: Array<{ date: string; counts: Record<Status, number> }>;
}

const DUE_ORDER = { overdue: 0, due_soon: 1, not_due: 2, no_target: 3, closed: 4 } as const;
const STATUS_ORDER = new Map(STATUSES.map((s, i) => [s, i]));

export function sortItems(items: ApplicabilityAsAt[]): ApplicabilityAsAt[] {
  return items.sort(
    (x, y) =>
      DUE_ORDER[x.due] - DUE_ORDER[y.due] ||
      (STATUS_ORDER.get(x.status ?? 'not_started') ?? 0) - (STATUS_ORDER.get(y.status ?? 'not_started') ?? 0) ||
      (x.targetDate ?? '9999').localeCompare(y.targetDate ?? '9999') ||
      x.reviewReference.localeCompare(y.reviewReference) ||
      x.number - y.number,
  );
}

/** How many steps loadCspProgress takes: reading, then one for each point of the chart over time. */
export function cspDataSteps(asAt: string): number {
  return 1 + monthEndsUpTo(asAt, 24).length;
}

export async function loadCspProgress(db: Db, district: DistrictRow, asAt: string, options: { today: string; step?: Step }): Promise<CspProgressData> {
  const step = options.step ?? quietStep;
  await step(`Reading the recommendations that apply in ${district.name}`);
  const basics = reportBasics(db, options.today);
  const rows = applicabilityAsAt(db, asAt, 'a.district_id = @district', { district: district.id });
  const items = sortItems(rows.filter((r) => r.decision === 'applicable'));
  const byReference = (a: ApplicabilityAsAt, b: ApplicabilityAsAt) => a.reviewReference.localeCompare(b.reviewReference) || a.number - b.number;

  const reviews = new Map<string, Record<Status, number>>();
  for (const item of [...items].sort(byReference)) {
    const counts = reviews.get(item.reviewReference) ?? zeroStatusCounts();
    counts[item.status ?? 'not_started']++;
    reviews.set(item.reviewReference, counts);
  }

  // Status counts at each month end, from the updates dated up to it.
  const overTime: CspProgressData['overTime'] = [];
  for (const date of monthEndsUpTo(asAt, 24)) {
    await step(`Working out the status at ${formatUkDate(date)}`);
    const at = date === asAt ? rows : applicabilityAsAt(db, date, 'a.district_id = @district', { district: district.id });
    overTime.push({ date, counts: summarise(at).counts });
  }
  return {
    ...basics,
    district: { id: district.id, name: district.name },
    asAt,
    summary: summarise(rows),
    items,
    notApplicable: rows.filter((r) => r.decision === 'not_applicable').sort(byReference),
    alreadyInPlace: rows.filter((r) => r.decision === 'already_in_place').sort(byReference),
    byReview: [...reviews].map(([reviewReference, counts]) => ({ reviewReference, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) })),
    overTime,
  };
}
