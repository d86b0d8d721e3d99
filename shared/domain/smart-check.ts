import { addMonths, formatUkDate, isIsoDate } from './dates.ts';

// The SMART check a chair sees while drafting: specific, measurable,
// achievable, relevant, time-bound. Advisory only, never blocking. Each hint
// says what was found, why it matters and how to fix it. Pure: the editor
// runs it on every keystroke and later checks (submission) reuse it.

export const SMART_CODES = ['no_actions', 'no_lead', 'no_target', 'vague_verb', 'raise_awareness', 'review_no_output', 'no_measure', 'target_past', 'target_far', 'several_asks'] as const;
export type SmartCode = (typeof SMART_CODES)[number];

export interface SmartInput {
  text: string;
  expectedOutcome: string | null;
  actions: ReadonlyArray<{ actionText: string; leadAgencyId: string | null; targetDate: string | null; completionDate: string | null }>;
}

export interface SmartOptions {
  today: string;
  /** Target dates further away than this are flagged (a setting) */
  maxTargetMonths: number;
}

export interface SmartHint {
  code: SmartCode;
  /** What was found */
  message: string;
  why: string;
  fix: string;
  /** For hints about one action: its index in the list */
  actionIndex?: number;
}

/**
 * Vague verbs, caught only as the recommendation's own ask ("X should
 * consider…"), not where they describe practice ("officers consider whether…").
 */
const ASK = String.raw`(?:^|\bshould\s+(?:also\s+|urgently\s+|jointly\s+)?)`;
const vague = (words: string) => new RegExp(String.raw`${ASK}${words}\b`, 'i');
const VAGUE: ReadonlyArray<[RegExp, string]> = [
  [vague('consider'), 'consider'],
  [vague('explore'), 'explore'],
  [vague('look (?:at|into)'), 'look into'],
  [vague('think about'), 'think about'],
  [vague('seek to'), 'seek to'],
  [vague('continue to'), 'continue to'],
];

/** "review" used as a verb (not "Domestic Homicide Review", "this review" or "review panel"). */
const REVIEW_VERB = vague('review');
const REVIEW_OUTPUT = /\b(so that|publish|produce|report(s|ed|ing)? (back |to |on )|present|agree|adopt|implement|issue|revise|update|amend|replace|new (policy|guidance|protocol|procedure|pathway)|findings|action plan|within \d+|by (january|february|march|april|may|june|july|august|september|october|november|december|\d))/i;

const AWARENESS = /\b(raise|raising|improve|improving|increase|increasing|promote|promoting|build|building) (the )?(public |wider |general )?awareness\b/i;
const AUDIENCE = /\b(among|amongst|with|for|of|to|across)\s+(all\s+|its\s+|their\s+|front[- ]line\s+)?(staff|practitioners|professionals|gps?|general practitioners|officers|workers|clinicians|managers|residents|employers|schools?|pupils|students|teachers|nurses|midwives|health visitors|volunteers|carers|families|parents|landlords|tenants|the public|[a-z]+ (staff|workers|teams|practitioners|professionals))\b/i;

const MEASURE = /\b\d|%|\b(audit(s|ed)?|evaluat\w*|measur\w*|monitor\w*|report(s|ed)? (to|on|back)|survey\w*|baseline|target|reduc\w*|increas\w*|within|by (the end of |january|february|march|april|may|june|july|august|september|october|november|december)|number of|proportion|rate of|compliance|dip[- ]sample|evidence)\b/i;

/** Separate requests packed into one recommendation: extra "should" clauses, "and ensure", lists. */
function countAsks(text: string): number {
  // "should"/"must" clauses, but not passive descriptions such as "risk must be reassessed"
  const clauses = (text.match(/\b(should|must)\s+(?!be\b)/gi) ?? []).length;
  const joined = (text.match(/(;|,)?\s+and\s+(also|ensure|to|that)\b/gi) ?? []).length;
  const lists = (text.match(/\(\s*(?:[a-h]|i{1,3}|iv|v|vi)\s*\)/gi) ?? []).length;
  // A run of verbs: "review X, update Y, improve Z and consider W"
  const verbs = String.raw`(update|improve|review|provide|introduce|develop|deliver|strengthen|appoint|ensure|engag\w*|consider|share|train|audit|publish|revise|establish|commission|create|produce)\w*`;
  const verbList = (text.match(new RegExp(String.raw`(,|\band)\s+(and\s+)?${verbs}\b`, 'gi')) ?? []).length;
  return Math.max(1, clauses) + joined + lists + (verbList >= 2 ? verbList : 0);
}

export function smartHints(input: SmartInput, options: SmartOptions): SmartHint[] {
  const hints: SmartHint[] = [];
  const text = input.text.trim();
  if (!text) return hints;

  for (const [pattern, verb] of VAGUE) {
    if (pattern.test(text)) {
      hints.push({
        code: 'vague_verb',
        message: `"${verb}" does not say what should be done.`,
        why: `A recommendation to "${verb}" something is met by thinking about it, so nobody can tell later whether it was implemented.`,
        fix: 'Say what should change, with a verb whose result can be seen: adopt, introduce, publish, train, audit, commission.',
      });
      break;
    }
  }
  if (REVIEW_VERB.test(text) && !REVIEW_OUTPUT.test(text)) {
    hints.push({
      code: 'review_no_output',
      message: '"Review" with no output.',
      why: 'A review can finish without anything changing. Quality assurance panels send back recommendations that stop at "review".',
      fix: 'Say what the review must produce and by when: for example "review … and publish revised guidance by March 2027".',
    });
  }
  if (AWARENESS.test(text) && !(AUDIENCE.test(text) && MEASURE.test(`${text} ${input.expectedOutcome ?? ''}`))) {
    hints.push({
      code: 'raise_awareness',
      message: '"Raise awareness" without saying whose awareness, or how it will be measured.',
      why: 'Awareness campaigns without an audience or a measure are the recommendations most often repeated and least often shown to work.',
      fix: 'Name the audience (for example "all GP practice staff") and the measure (for example "80% complete the module by June 2027; a survey shows …").',
    });
  }
  if (!input.expectedOutcome?.trim()) {
    hints.push({
      code: 'no_measure',
      message: 'No expected outcome.',
      why: 'Without saying what should change, the CSP cannot tell when the recommendation has been achieved.',
      fix: 'Fill in "Expected outcome" with what will be different, and how it will be measured (an audit, a number, a date).',
    });
  } else if (!MEASURE.test(`${text} ${input.expectedOutcome}`)) {
    hints.push({
      code: 'no_measure',
      message: 'Nothing here can be measured.',
      why: 'Monitoring needs evidence: a number, an audit, a proportion of staff, a date. Otherwise progress reports become opinions.',
      fix: 'Add a measure to the expected outcome: for example "an audit of 20 cases shows routine enquiry recorded in 90%".',
    });
  }
  const asks = countAsks(text);
  if (asks >= 3) {
    hints.push({
      code: 'several_asks',
      message: `This packs about ${asks} separate asks into one recommendation.`,
      why: 'Each ask may need a different lead and date. Bundled together, the recommendation stays open until the last part is done and progress on the others is hidden.',
      fix: 'Split it into separate recommendations, or keep one recommendation and make each ask its own action with its own lead and target date.',
    });
  }

  if (!input.actions.length) {
    hints.push({
      code: 'no_actions',
      message: 'No actions yet.',
      why: 'The Home Office template records each recommendation through its actions; without one there is no lead agency or target date to monitor.',
      fix: 'Add at least one action with a lead agency and a target date.',
    });
  }
  const limit = addMonths(options.today, options.maxTargetMonths);
  input.actions.forEach((action, i) => {
    const which = `Action ${i + 1}`;
    if (!action.leadAgencyId) {
      hints.push({ code: 'no_lead', actionIndex: i, message: `${which} has no lead agency.`, why: 'An action nobody owns is rarely done.', fix: 'Choose the agency responsible for delivering it.' });
    }
    if (!action.targetDate) {
      hints.push({ code: 'no_target', actionIndex: i, message: `${which} has no target date.`, why: 'Without a date the action cannot become overdue, so nobody is prompted to chase it.', fix: 'Set a realistic target date.' });
    } else if (!isIsoDate(action.targetDate)) {
      // Still being typed, or not a real date: the form's own check says which, when it is saved.
    } else if (!action.completionDate && action.targetDate < options.today) {
      hints.push({
        code: 'target_past',
        actionIndex: i,
        message: `${which}'s target date (${formatUkDate(action.targetDate)}) has already passed.`,
        why: 'A target date in the past makes the action overdue from the day it is agreed.',
        fix: 'Set a date that is still ahead, or record the completion date if it is done.',
      });
    } else if (action.targetDate > limit) {
      hints.push({
        code: 'target_far',
        actionIndex: i,
        message: `${which}'s target date (${formatUkDate(action.targetDate)}) is more than ${options.maxTargetMonths} months away.`,
        why: 'Distant dates let the learning go cold and outlast the people who agreed them.',
        fix: 'Bring the date forward, or break the action into milestones with nearer dates.',
      });
    }
  });
  return hints;
}

/** A stable key for a hint on a recommendation: its code, and the action number for action hints. */
export const hintKey = (hint: Pick<SmartHint, 'code' | 'actionIndex'>): string => (hint.actionIndex === undefined ? hint.code : `${hint.code}:${hint.actionIndex + 1}`);
