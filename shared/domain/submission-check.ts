import { hintKey, smartHints, type SmartInput } from './smart-check.ts';

// The checklist a CSP runs before sending a review to the Home Office.
// Pure: computed from the review, its recommendations, the acknowledged
// SMART hints and (when the chair picked one) the anonymity check of the
// final report. Each item passes or fails with a reason that says what to do.

export interface SubmissionInput {
  cspApprovalDate: string | null;
  familyInvolvement: string | null;
  victimPseudonym: string;
  people: ReadonlyArray<{ role: string; pseudonym: string; realName: string | null }>;
  recommendations: ReadonlyArray<SmartInput & { number: number; acknowledged: ReadonlySet<string> }>;
  /** null: no final report picked yet */
  reportCheck: { file: string; hits: number } | null;
}

export interface CheckItem {
  key: 'recommendations' | 'actions' | 'smart' | 'csp_approval' | 'family' | 'anonymity' | 'register';
  label: string;
  passed: boolean;
  /** Why it failed and what to do, or what was found when it passed */
  detail: string;
}

const list = (numbers: number[]) => (numbers.length === 1 ? `recommendation ${numbers[0]}` : `recommendations ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`);

export function submissionChecklist(input: SubmissionInput, options: { today: string; maxTargetMonths: number }): CheckItem[] {
  const recs = input.recommendations;
  const items: CheckItem[] = [];
  items.push({
    key: 'recommendations',
    label: 'The review has recommendations',
    passed: recs.length > 0,
    detail: recs.length ? `${recs.length} recommendations.` : 'There are no recommendations. Add them before submitting.',
  });
  const noAction = recs.filter((r) => r.actions.length === 0).map((r) => r.number);
  const noLead = recs.filter((r) => r.actions.some((a) => !a.leadAgencyId)).map((r) => r.number);
  const noTarget = recs.filter((r) => r.actions.some((a) => !a.targetDate)).map((r) => r.number);
  const gaps = [
    noAction.length ? `no action for ${list(noAction)}` : null,
    noLead.length ? `an action without a lead agency in ${list(noLead)}` : null,
    noTarget.length ? `an action without a target date in ${list(noTarget)}` : null,
  ].filter(Boolean);
  items.push({
    key: 'actions',
    label: 'Every recommendation has at least one action, a lead agency and a target date',
    passed: recs.length > 0 && gaps.length === 0,
    detail: gaps.length ? `There is ${gaps.join('; ')}.` : recs.length ? 'All actions have a lead agency and a target date.' : 'No recommendations to check.',
  });
  const open = recs
    .map((r) => ({ number: r.number, hints: smartHints(r, options).filter((h) => !r.acknowledged.has(hintKey(h))) }))
    .filter((r) => r.hints.length);
  items.push({
    key: 'smart',
    label: 'No SMART hints are left unresolved (or each is acknowledged)',
    passed: open.length === 0,
    detail: open.length
      ? `${open.reduce((n, r) => n + r.hints.length, 0)} unresolved in ${list(open.map((r) => r.number))}. Strengthen the wording, or acknowledge each hint with a note.`
      : 'Every hint is resolved or acknowledged.',
  });
  items.push({
    key: 'csp_approval',
    label: 'The CSP approval date is recorded',
    passed: Boolean(input.cspApprovalDate),
    detail: input.cspApprovalDate ? 'Recorded.' : 'Record the date the CSP approved the report (Edit review, Report and approval).',
  });
  items.push({
    key: 'family',
    label: 'The family involvement section is not empty',
    passed: Boolean(input.familyInvolvement?.trim()),
    detail: input.familyInvolvement?.trim() ? 'Written.' : 'Describe how the family and friends were involved (Edit review, Involvement of family and friends).',
  });
  items.push({
    key: 'anonymity',
    label: "The anonymity guard passes on the chair's final report",
    passed: Boolean(input.reportCheck && input.reportCheck.hits === 0),
    detail: !input.reportCheck
      ? "Choose the chair's final overview report (.docx) to check it for real names."
      : input.reportCheck.hits
        ? `${input.reportCheck.hits} real name${input.reportCheck.hits === 1 ? '' : 's'} found in ${input.reportCheck.file}. Replace them with pseudonyms and check again.`
        : `No real names found in ${input.reportCheck.file}.`,
  });
  const victim = input.people.find((p) => p.role === 'victim');
  const incomplete = input.people.filter((p) => !p.pseudonym.trim() || !p.realName?.trim());
  const registerProblems = [
    !victim ? 'the victim is not in the register' : null,
    victim && victim.pseudonym.trim().toLowerCase() !== input.victimPseudonym.trim().toLowerCase() ? `the victim's pseudonym in the register (${victim.pseudonym}) differs from the review's (${input.victimPseudonym})` : null,
    !input.people.some((p) => p.role === 'perpetrator') ? 'no perpetrator is in the register' : null,
    incomplete.length ? `${incomplete.length} ${incomplete.length === 1 ? 'person has' : 'people have'} no real name or no pseudonym` : null,
  ].filter(Boolean);
  items.push({
    key: 'register',
    label: 'The pseudonym register is complete',
    passed: registerProblems.length === 0,
    detail: registerProblems.length ? `In the register, ${registerProblems.join('; ')}. Complete it on Edit review.` : `${input.people.length} people, each with a real name and a pseudonym.`,
  });
  return items;
}
