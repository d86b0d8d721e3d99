// The closed vocabularies of the domain. Each list is the single source for
// its zod enum (IPC contract), its SQL CHECK constraint (migrations) and its
// words in the UI, so a value can never exist in one layer and not another.

export const REVIEW_LABELS = ['DHR', 'DARDR'] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];

export const RELATIONSHIPS = ['intimate_partner', 'familial', 'homicide_suicide', 'suicide', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_WORDS: Record<Relationship, string> = {
  intimate_partner: 'Intimate partner',
  familial: 'Familial',
  homicide_suicide: 'Homicide-suicide',
  suicide: 'Suicide',
  other: 'Other',
};

/** Roles in a review's pseudonym register. */
export const PERSON_ROLES = ['victim', 'perpetrator', 'child', 'family', 'friend', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_WORDS: Record<PersonRole, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator',
  child: 'Child',
  family: 'Family member',
  friend: 'Friend',
  other: 'Other',
};

export const QA_OUTCOMES = ['approved', 'resubmit'] as const;
export type QaOutcome = (typeof QA_OUTCOMES)[number];

export const RECOMMENDATION_SCOPES = ['single_agency', 'multi_agency', 'local', 'regional', 'national'] as const;
export type RecommendationScope = (typeof RECOMMENDATION_SCOPES)[number];
export const SCOPE_WORDS: Record<RecommendationScope, string> = {
  single_agency: 'Single agency',
  multi_agency: 'Multi-agency',
  local: 'Local (CSP)',
  regional: 'Regional',
  national: 'National',
};

/** Agencies are local partners; national bodies (government departments, the Home Office) are addressees too. */
export const AGENCY_KINDS = ['local', 'national'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const APPLICABILITY = ['applicable', 'not_applicable', 'already_in_place', 'under_consideration'] as const;
export type Applicability = (typeof APPLICABILITY)[number];
export const APPLICABILITY_WORDS: Record<Applicability, string> = {
  applicable: 'Applicable',
  not_applicable: 'Not applicable',
  already_in_place: 'Already in place',
  under_consideration: 'Under consideration',
};

/**
 * Implementation status, from the partnership's action plan key plus the
 * extra states other trackers use. The colour is a default: partnerships
 * can change it, and the UI always shows the words beside it.
 */
export const STATUSES = [
  'not_started',
  'early_stage',
  'on_track',
  'blocked',
  'complete',
  'complete_late',
  'not_implemented',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_DEFAULTS: Record<Status, { label: string; colourName: string; colour: string; meaning: string }> = {
  not_started: { label: 'Not started', colourName: 'PURPLE', colour: '#6f3d8f', meaning: 'Not yet started' },
  early_stage: { label: 'Early stage', colourName: 'AMBER', colour: '#b45f06', meaning: 'Work in early stage' },
  on_track: { label: 'On track', colourName: 'GREEN', colour: '#2e7d32', meaning: 'On track' },
  blocked: { label: 'Blocked', colourName: 'RED', colour: '#c62828', meaning: 'A current blockage is preventing progress' },
  complete: { label: 'Complete', colourName: 'BLUE', colour: '#1565c0', meaning: 'Completed' },
  // Not the template's BLUE: in a chart, late and on-time completion must be told apart at a glance.
  complete_late: { label: 'Complete (late)', colourName: 'NAVY', colour: '#0d2a59', meaning: 'Completed after the target date' },
  not_implemented: { label: 'Not implemented', colourName: 'GREY', colour: '#555555', meaning: 'Not implemented; a reason is recorded' },
};
/** Statuses that end the work on an item: they are never overdue. */
export const CLOSED_STATUSES: readonly Status[] = ['complete', 'complete_late', 'not_implemented'];

export const THEME_CATEGORIES = [
  'home_office_theme',
  'practice_issue',
  'relationship',
  'abuse_type',
  'circumstance',
  'vulnerability',
  'other',
] as const;
export type ThemeCategory = (typeof THEME_CATEGORIES)[number];
export const THEME_CATEGORY_WORDS: Record<ThemeCategory, string> = {
  home_office_theme: 'Home Office key theme',
  practice_issue: 'Issue for practice',
  relationship: 'Relationship',
  abuse_type: 'Type of abuse',
  circumstance: 'Circumstance',
  vulnerability: 'Vulnerability',
  other: 'Other',
};
