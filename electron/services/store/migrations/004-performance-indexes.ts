import { CLOSED_STATUSES } from '../../../../shared/domain/vocabulary.ts';

// Indexes for national-scale stores (thousands of reviews, hundreds of
// thousands of applicability decisions, a million progress updates), chosen
// from what the benchmark (npm run bench) showed. test/unit/bench/
// query-plans.test.ts checks that each hot query uses its index.

const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

export const sql = `
-- Live recommendations in review order: numbering a recommendation within
-- its review (RECOMMENDATION_REFS) and counting live recommendations.
CREATE INDEX recommendations_live ON recommendations(review_id, position) WHERE deleted_at IS NULL;
-- The few deleted recommendations, whose decisions the dashboard leaves out.
CREATE INDEX recommendations_deleted ON recommendations(id) WHERE deleted_at IS NOT NULL;
-- Counting live actions.
CREATE INDEX actions_live ON actions(recommendation_id) WHERE deleted_at IS NULL;
-- A district's decisions by decision and status, with the target date and
-- the recommendation: the dashboard's counts, My district and the matrix's
-- status filter read this index alone. It replaces the narrower
-- applicability_district(district_id, decision, status).
DROP INDEX applicability_district;
CREATE INDEX applicability_district ON applicability(district_id, decision, status, target_date, recommendation_id);
-- Every column that refers to an agency or a theme, so the partnership's
-- lists (read on every screen) count each item's uses by index.
CREATE INDEX review_panel_agency ON review_panel_members(agency_id);
CREATE INDEX review_imrs_agency ON review_imrs(agency_id);
CREATE INDEX recommendation_addressees_agency ON recommendation_addressees(agency_id);
CREATE INDEX actions_lead_agency ON actions(lead_agency_id) WHERE lead_agency_id IS NOT NULL;
CREATE INDEX applicability_local_lead ON applicability(local_lead_agency_id) WHERE local_lead_agency_id IS NOT NULL;
CREATE INDEX review_themes_theme ON review_themes(theme_id);
CREATE INDEX recommendation_themes_theme ON recommendation_themes(theme_id);
-- The latest progress update of a district's decision or of an action
-- (newest date, then newest entry) is the last entry of its range of these
-- indexes, found without sorting. They replace the two-column ones. Action
-- updates are a small part of all updates, so only they are in theirs.
DROP INDEX progress_applicability;
CREATE INDEX progress_applicability ON progress_updates(applicability_id, as_at_date, created_at);
DROP INDEX progress_action;
CREATE INDEX progress_action ON progress_updates(action_id, as_at_date, created_at) WHERE action_id IS NOT NULL;
-- Open applicable work in target date order: the overdue list, and the
-- matrix's overdue filter.
CREATE INDEX applicability_open_due ON applicability(target_date, district_id, recommendation_id, decision, status)
  WHERE decision = 'applicable' AND coalesce(status, 'not_started') NOT IN (${closed});
`;
