import type { PersonRole, QaOutcome, RecommendationScope, Relationship } from '../../../shared/domain/vocabulary.ts';
import type { DemoAgencyName, DemoDistrictName } from './partnership.ts';

// The hand-written part of the demo data: reviews, their people and their
// recommendations. Cross-district applicability and progress updates are
// generated from these by demo-loader.ts, deterministically.
// Dates are ISO (yyyy-mm-dd). Every name is fictional.

export interface DemoReview {
  /** Unique, e.g. 'DHR-FL-2019-01' */
  reference: string;
  /** What the generated parts (decisions, progress) are drawn from: the reference as written, kept when the demo moves to another day */
  seed?: string;
  district: DemoDistrictName;
  relationship: Relationship;
  victimPseudonym: string;
  dateOfDeath: string;
  notificationDate: string;
  decisionDate?: string;
  /** Defaults to holding a review once decisionDate is set */
  decision?: 'hold' | 'not_hold';
  /** Required when the decision is not to hold a review */
  decisionReasons?: string;
  homeOfficeNotifiedDate?: string;
  chair: string;
  termsOfReferenceDate?: string;
  panel: Array<{ agency: DemoAgencyName; member: string; role: string }>;
  imrs: Array<{ agency: DemoAgencyName; requested: string; received?: string }>;
  pauses: Array<{ start: string; end?: string; reason: string }>;
  draftReportDate?: string;
  familyConsultedDate?: string;
  cspApprovalDate?: string;
  qaSubmissions: Array<{ submitted: string; outcome?: QaOutcome; outcomeDate?: string; feedback?: string }>;
  publicationDate?: string;
  /** Set when publication is embargoed */
  embargoReason?: string;
  closedDate?: string;
  /** Names from shared/domain/taxonomy.ts DEFAULT_THEMES */
  themes: string[];
  /** The pseudonym register: fictional "real" names the anonymity guard must catch. */
  people: Array<{ role: PersonRole; pseudonym: string; realName: string }>;
  summary: string;
  recommendations: DemoRecommendation[];
}

export interface DemoRecommendation {
  text: string;
  scope: RecommendationScope;
  addressedTo: DemoAgencyName[];
  finding: string;
  expectedOutcome: string;
  themes: string[];
  actions: DemoAction[];
}

export interface DemoAction {
  action: string;
  leadAgency: DemoAgencyName;
  milestones: string;
  targetDate: string;
  completionDate?: string;
  outcome?: string;
}
