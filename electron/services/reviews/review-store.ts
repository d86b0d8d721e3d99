import type { ReviewData } from '../../../shared/ipc/review-schemas.ts';
import type { Db } from '../store/sqlite.ts';

// Reading a review and its child records from the store, as ReviewData.

interface ReviewRowDb {
  id: string;
  reference: string;
  victim_pseudonym: string;
  commissioning_district_id: string;
  district_name: string;
  relationship: ReviewData['relationship'];
  date_of_death: string | null;
  notification_date: string | null;
  decision: ReviewData['decision'];
  decision_date: string | null;
  decision_reasons: string | null;
  home_office_notified_date: string | null;
  chair_name: string | null;
  terms_of_reference_date: string | null;
  draft_report_date: string | null;
  executive_summary_draft_date: string | null;
  family_consulted_date: string | null;
  family_involvement: string | null;
  csp_approval_date: string | null;
  publication_date: string | null;
  embargoed: number;
  embargo_reason: string | null;
  closed_date: string | null;
  summary: string | null;
  notes: string | null;
  owner_installation_id: string;
  created_at: string;
  updated_at: string;
}

export interface StoredReview extends ReviewData {
  id: string;
  districtName: string;
  ownerInstallationId: string;
  createdAt: string;
  updatedAt: string;
}

export function loadReview(db: Db, id: string): StoredReview | null {
  const row = db
    .prepare(
      `SELECT v.*, d.name AS district_name FROM reviews v JOIN districts d ON d.id = v.commissioning_district_id
        WHERE v.id = ? AND v.deleted_at IS NULL`,
    )
    .get(id) as ReviewRowDb | undefined;
  if (!row) return null;
  const all = <T>(sql: string) => db.prepare(sql).all(id) as T[];
  return {
    id: row.id,
    reference: row.reference,
    victimPseudonym: row.victim_pseudonym,
    commissioningDistrictId: row.commissioning_district_id,
    districtName: row.district_name,
    relationship: row.relationship,
    dateOfDeath: row.date_of_death,
    notificationDate: row.notification_date,
    decision: row.decision,
    decisionDate: row.decision_date,
    decisionReasons: row.decision_reasons,
    homeOfficeNotifiedDate: row.home_office_notified_date,
    chairName: row.chair_name,
    termsOfReferenceDate: row.terms_of_reference_date,
    draftReportDate: row.draft_report_date,
    executiveSummaryDraftDate: row.executive_summary_draft_date,
    familyConsultedDate: row.family_consulted_date,
    familyInvolvement: row.family_involvement,
    cspApprovalDate: row.csp_approval_date,
    publicationDate: row.publication_date,
    embargoed: row.embargoed === 1,
    embargoReason: row.embargo_reason,
    closedDate: row.closed_date,
    summary: row.summary,
    notes: row.notes,
    ownerInstallationId: row.owner_installation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    themeIds: all<{ theme_id: string }>('SELECT theme_id FROM review_themes WHERE review_id = ? ORDER BY theme_id').map((t) => t.theme_id),
    people: all<ReviewData['people'][number]>(
      'SELECT id, role, pseudonym, real_name AS realName FROM review_people WHERE review_id = ? ORDER BY sort_order, rowid',
    ),
    panel: all<ReviewData['panel'][number]>(
      'SELECT id, agency_id AS agencyId, member_name AS memberName, role FROM review_panel_members WHERE review_id = ? ORDER BY rowid',
    ),
    imrs: all<ReviewData['imrs'][number]>(
      'SELECT id, agency_id AS agencyId, requested_date AS requestedDate, received_date AS receivedDate FROM review_imrs WHERE review_id = ? ORDER BY rowid',
    ),
    pauses: all<ReviewData['pauses'][number]>(
      'SELECT id, start_date AS startDate, end_date AS endDate, reason FROM review_pauses WHERE review_id = ? ORDER BY start_date, rowid',
    ),
    qaSubmissions: all<ReviewData['qaSubmissions'][number]>(
      `SELECT id, submitted_date AS submittedDate, outcome, outcome_date AS outcomeDate, feedback
         FROM review_qa_submissions WHERE review_id = ? ORDER BY round`,
    ),
  };
}

/** Agency names by id, for timelines and audit summaries. */
export function agencyNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM agencies').all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
}
