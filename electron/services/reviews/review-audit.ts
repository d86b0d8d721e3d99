import { formatUkDate, isIsoDate } from '../../../shared/domain/dates.ts';
import { RELATIONSHIP_WORDS } from '../../../shared/domain/vocabulary.ts';
import type { ReviewData } from '../../../shared/ipc/review-schemas.ts';

// What changed in a review, as the audit log records it: one line per
// field, before and after, in words a person reads. Real names from the
// pseudonym register are never written into the log, only that they changed.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const SCALARS: ReadonlyArray<[keyof ReviewData, string]> = [
  ['reference', 'Reference'],
  ['victimPseudonym', "Victim's pseudonym"],
  ['commissioningDistrictId', 'Commissioning district'],
  ['relationship', 'Relationship'],
  ['dateOfDeath', 'Date of death'],
  ['notificationDate', 'Notification date'],
  ['decision', 'Decision'],
  ['decisionDate', 'Decision date'],
  ['decisionReasons', 'Reasons for not holding a review'],
  ['homeOfficeNotifiedDate', 'Home Office notified'],
  ['chairName', 'Chair'],
  ['termsOfReferenceDate', 'Terms of reference agreed'],
  ['draftReportDate', 'Draft overview report'],
  ['executiveSummaryDraftDate', 'Draft executive summary'],
  ['familyConsultedDate', 'Family consulted'],
  ['familyInvolvement', 'Involvement of family and friends'],
  ['cspApprovalDate', 'CSP approval date'],
  ['publicationDate', 'Publication date'],
  ['embargoed', 'Publication embargoed'],
  ['embargoReason', 'Embargo reason'],
  ['closedDate', 'Closed date'],
  ['summary', 'Summary'],
  ['notes', 'Notes'],
];

export interface Names {
  districts: Map<string, string>;
  agencies: Map<string, string>;
  themes: Map<string, string>;
}

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && isIsoDate(value)) return formatUkDate(value);
  return String(value);
}

const date = (d: string | null) => (d ? formatUkDate(d) : '—');

function describeCollections(r: ReviewData, names: Names): Record<string, string[]> {
  const agency = (id: string | null) => (id ? (names.agencies.get(id) ?? 'unknown agency') : 'no agency');
  return {
    'Pseudonym register': r.people.map((p) => `${p.role}: ${p.pseudonym}${p.realName ? ' (real name recorded)' : ''}`),
    'Panel members': r.panel.map((m) => `${m.memberName}, ${agency(m.agencyId)}${m.role ? `, ${m.role}` : ''}`),
    IMRs: r.imrs.map((i) => `${agency(i.agencyId)}: requested ${date(i.requestedDate)}, received ${date(i.receivedDate)}`),
    Pauses: r.pauses.map((p) => `${date(p.startDate)} to ${p.endDate ? date(p.endDate) : 'ongoing'}${p.reason ? ` (${p.reason})` : ''}`),
    'Home Office QA submissions': r.qaSubmissions.map(
      (q, i) => `Round ${i + 1}: submitted ${date(q.submittedDate)}${q.outcome ? `, ${q.outcome === 'approved' ? 'approved' : 'resubmit with changes'} ${date(q.outcomeDate)}` : ''}`,
    ),
    Themes: r.themeIds.map((id) => names.themes.get(id) ?? 'unknown theme').sort(),
  };
}

/** Real names that differ between two versions, counted but never named. */
function realNameChanges(before: ReviewData, after: ReviewData): number {
  const byId = new Map(before.people.filter((p) => p.id).map((p) => [p.id, p.realName ?? null]));
  let changed = 0;
  for (const p of after.people) if (p.id && byId.has(p.id) && byId.get(p.id) !== (p.realName ?? null)) changed++;
  return changed;
}

export function reviewChanges(before: ReviewData | null, after: ReviewData, names: Names): FieldChange[] {
  const changes: FieldChange[] = [];
  const display = (key: keyof ReviewData, value: unknown) => {
    if (key === 'commissioningDistrictId') return show(names.districts.get(value as string) ?? value);
    if (key === 'relationship') return show(RELATIONSHIP_WORDS[value as ReviewData['relationship']]);
    if (key === 'decision') return value === 'hold' ? 'Hold a review' : value === 'not_hold' ? 'Do not hold a review' : null;
    return show(value);
  };
  for (const [key, label] of SCALARS) {
    const a = display(key, before?.[key]);
    const b = display(key, after[key]);
    if (a !== b) changes.push({ field: label, before: a, after: b });
  }
  const listsBefore = before ? describeCollections(before, names) : {};
  const listsAfter = describeCollections(after, names);
  for (const [label, items] of Object.entries(listsAfter)) {
    const a = (listsBefore[label] ?? []).join('; ') || null;
    const b = items.join('; ') || null;
    if (a !== b) changes.push({ field: label, before: a, after: b });
  }
  const hidden = before ? realNameChanges(before, after) : 0;
  if (hidden) changes.push({ field: 'Pseudonym register: real names', before: null, after: `${hidden} real name${hidden === 1 ? '' : 's'} changed (not shown)` });
  return changes;
}
