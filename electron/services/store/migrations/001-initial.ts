import { APPLICABILITY, AGENCY_KINDS, PERSON_ROLES, QA_OUTCOMES, RECOMMENDATION_SCOPES, RELATIONSHIPS, STATUSES, THEME_CATEGORIES } from '../../../../shared/domain/vocabulary.ts';

// The schema for the whole mission, so later features add screens rather
// than reshape data. Conventions:
// - every record has a stable UUID `id` and names the installation and
//   district that own it (owner_installation_id, owner_district_id), so
//   exchange packages can merge edits from several installations;
// - calendar dates are ISO text (yyyy-mm-dd), instants are ISO timestamps;
// - nothing in use is hard-deleted: reference data is retired, case
//   records carry deleted_at;
// - enumerations are CHECKed against the same lists the UI and contract use.

const oneOf = (column: string, values: readonly string[]) => `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const owned = `
  owner_installation_id TEXT NOT NULL,
  owner_district_id TEXT REFERENCES districts(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL`;

export const sql = `
CREATE TABLE installation (
  id TEXT PRIMARY KEY,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  created_at TEXT NOT NULL,
  app_version TEXT NOT NULL
);

-- Partnership and app settings: one row per key, value is JSON.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE districts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT,
  owner_installation_id TEXT NOT NULL,
  owner_district_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX districts_name ON districts(name COLLATE NOCASE);

CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL ${oneOf('kind', AGENCY_KINDS)},
  retired_at TEXT,
  ${owned}
);
CREATE UNIQUE INDEX agencies_name ON agencies(name COLLATE NOCASE);

CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL ${oneOf('category', THEME_CATEGORIES)},
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT,
  ${owned}
);
CREATE UNIQUE INDEX themes_name ON themes(category, name COLLATE NOCASE);

-- The partnership's status key: words and colours are configurable, codes are not.
CREATE TABLE statuses (
  code TEXT PRIMARY KEY ${oneOf('code', STATUSES)},
  label TEXT NOT NULL,
  colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  colour_name TEXT NOT NULL,
  meaning TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  victim_pseudonym TEXT NOT NULL,
  commissioning_district_id TEXT NOT NULL REFERENCES districts(id),
  relationship TEXT NOT NULL ${oneOf('relationship', RELATIONSHIPS)},
  date_of_death TEXT,
  notification_date TEXT,
  decision TEXT CHECK (decision IN ('hold', 'not_hold')),
  decision_date TEXT,
  decision_reasons TEXT,
  home_office_notified_date TEXT,
  chair_name TEXT,
  terms_of_reference_date TEXT,
  draft_report_date TEXT,
  executive_summary_draft_date TEXT,
  family_consulted_date TEXT,
  family_involvement TEXT,
  csp_approval_date TEXT,
  publication_date TEXT,
  embargoed INTEGER NOT NULL DEFAULT 0 CHECK (embargoed IN (0, 1)),
  embargo_reason TEXT,
  closed_date TEXT,
  summary TEXT,
  notes TEXT,
  deleted_at TEXT,
  ${owned},
  CHECK (decision IS NOT 'not_hold' OR length(trim(coalesce(decision_reasons, ''))) > 0)
);
CREATE UNIQUE INDEX reviews_reference ON reviews(reference COLLATE NOCASE);
CREATE INDEX reviews_district ON reviews(commissioning_district_id);

-- The pseudonym register. real_name exists only so the anonymity guard can
-- find it in documents; it never leaves the store in an export.
CREATE TABLE review_people (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  role TEXT NOT NULL ${oneOf('role', PERSON_ROLES)},
  pseudonym TEXT NOT NULL,
  real_name TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  ${owned}
);
CREATE INDEX review_people_review ON review_people(review_id);

CREATE TABLE review_panel_members (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  agency_id TEXT REFERENCES agencies(id),
  member_name TEXT NOT NULL,
  role TEXT,
  ${owned}
);
CREATE INDEX review_panel_review ON review_panel_members(review_id);

CREATE TABLE review_imrs (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  requested_date TEXT,
  received_date TEXT,
  ${owned}
);
CREATE INDEX review_imrs_review ON review_imrs(review_id);

-- Pauses for criminal proceedings: the completion clock stops between them.
CREATE TABLE review_pauses (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date TEXT,
  reason TEXT,
  ${owned},
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX review_pauses_review ON review_pauses(review_id);

CREATE TABLE review_qa_submissions (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  round INTEGER NOT NULL CHECK (round >= 1),
  submitted_date TEXT NOT NULL,
  outcome TEXT ${oneOf('outcome', QA_OUTCOMES)},
  outcome_date TEXT,
  feedback TEXT,
  ${owned},
  UNIQUE (review_id, round)
);

CREATE TABLE review_themes (
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL REFERENCES themes(id),
  PRIMARY KEY (review_id, theme_id)
) WITHOUT ROWID;

CREATE TABLE recommendations (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  scope TEXT NOT NULL ${oneOf('scope', RECOMMENDATION_SCOPES)},
  finding TEXT,
  expected_outcome TEXT,
  deleted_at TEXT,
  ${owned}
);
CREATE INDEX recommendations_review ON recommendations(review_id, position);

-- Who a recommendation is addressed to, and whether they were told and acknowledged it.
CREATE TABLE recommendation_addressees (
  id TEXT PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  notified_date TEXT,
  acknowledged_date TEXT,
  ${owned},
  UNIQUE (recommendation_id, agency_id)
);

CREATE TABLE recommendation_themes (
  recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL REFERENCES themes(id),
  PRIMARY KEY (recommendation_id, theme_id)
) WITHOUT ROWID;

-- Actions in the Home Office template's terms.
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  action_text TEXT NOT NULL,
  lead_agency_id TEXT REFERENCES agencies(id),
  milestones TEXT,
  target_date TEXT,
  completion_date TEXT,
  outcome TEXT,
  status TEXT NOT NULL DEFAULT 'not_started' REFERENCES statuses(code),
  deleted_at TEXT,
  ${owned}
);
CREATE INDEX actions_recommendation ON actions(recommendation_id, position);

-- Whether a recommendation applies in each district, and that district's current status.
CREATE TABLE applicability (
  id TEXT PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  district_id TEXT NOT NULL REFERENCES districts(id),
  decision TEXT NOT NULL ${oneOf('decision', APPLICABILITY)},
  reason TEXT,
  evidence TEXT,
  local_lead_agency_id TEXT REFERENCES agencies(id),
  officer_name TEXT,
  target_date TEXT,
  decided_date TEXT,
  status TEXT REFERENCES statuses(code),
  status_reason TEXT,
  ${owned},
  UNIQUE (recommendation_id, district_id),
  CHECK (decision <> 'not_applicable' OR length(trim(coalesce(reason, ''))) > 0),
  CHECK (status IS NOT 'not_implemented' OR length(trim(coalesce(status_reason, ''))) > 0)
);
CREATE INDEX applicability_district ON applicability(district_id, decision, status);

-- Dated progress: against a district's applicability or against an action.
CREATE TABLE progress_updates (
  id TEXT PRIMARY KEY,
  applicability_id TEXT REFERENCES applicability(id) ON DELETE CASCADE,
  action_id TEXT REFERENCES actions(id) ON DELETE CASCADE,
  as_at_date TEXT NOT NULL,
  author TEXT NOT NULL,
  status TEXT NOT NULL REFERENCES statuses(code),
  note TEXT NOT NULL DEFAULT '',
  ${owned},
  CHECK ((applicability_id IS NULL) <> (action_id IS NULL))
);
CREATE INDEX progress_applicability ON progress_updates(applicability_id, as_at_date);
CREATE INDEX progress_action ON progress_updates(action_id, as_at_date);

-- Evidence files, held encrypted inside the store like everything else.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  progress_update_id TEXT NOT NULL REFERENCES progress_updates(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  ${owned}
);
CREATE INDEX attachments_update ON attachments(progress_update_id);

-- Append-only, hash-chained record of every change.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  installation_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
`;
