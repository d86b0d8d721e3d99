import { formatUkDate, isIsoDate } from './dates.ts';

// Rules a recommendation must meet before it is saved (the SMART check is
// separate and only advisory). Messages per field path, as for reviews.

export interface RecommendationForValidation {
  text: string;
  addressees: ReadonlyArray<{ agencyId: string; notifiedDate: string | null; acknowledgedDate: string | null }>;
  actions: ReadonlyArray<{ actionText: string; targetDate: string | null; completionDate: string | null; outcome: string | null }>;
}

export function validateRecommendation(r: RecommendationForValidation, context: { today: string; dateOfDeath: string | null }): Record<string, string> {
  const errors: Record<string, string> = {};
  const fail = (field: string, message: string) => {
    if (!(field in errors)) errors[field] = message;
  };
  const notFuture = (field: string, value: string | null, name: string) => {
    if (value && isIsoDate(value) && value > context.today) fail(field, `${name} is in the future (after ${formatUkDate(context.today)}). Enter the date it happened.`);
  };
  if (!r.text.trim()) fail('text', 'Enter the recommendation.');

  const seen = new Set<string>();
  r.addressees.forEach((a, i) => {
    if (!a.agencyId) fail(`addressees.${i}.agencyId`, 'Choose who the recommendation is addressed to, or remove this line.');
    else if (seen.has(a.agencyId)) fail(`addressees.${i}.agencyId`, 'This addressee is listed twice. Remove one of them.');
    seen.add(a.agencyId);
    notFuture(`addressees.${i}.notifiedDate`, a.notifiedDate, 'The notified date');
    notFuture(`addressees.${i}.acknowledgedDate`, a.acknowledgedDate, 'The acknowledged date');
    if (a.acknowledgedDate && !a.notifiedDate) fail(`addressees.${i}.notifiedDate`, 'Enter the date the addressee was notified: they acknowledged the recommendation.');
    if (a.acknowledgedDate && a.notifiedDate && a.acknowledgedDate < a.notifiedDate) {
      fail(`addressees.${i}.acknowledgedDate`, `The acknowledgement (${formatUkDate(a.acknowledgedDate)}) is dated before the notification (${formatUkDate(a.notifiedDate)}).`);
    }
  });

  r.actions.forEach((a, i) => {
    if (!a.actionText.trim()) fail(`actions.${i}.actionText`, 'Enter the action to take, or remove this action.');
    if (a.targetDate && context.dateOfDeath && a.targetDate < context.dateOfDeath) {
      fail(`actions.${i}.targetDate`, `The target date (${formatUkDate(a.targetDate)}) is before the date of death (${formatUkDate(context.dateOfDeath)}). Enter the date the action should be done by.`);
    }
    notFuture(`actions.${i}.completionDate`, a.completionDate, 'The completion date');
    if (a.completionDate && context.dateOfDeath && a.completionDate < context.dateOfDeath) {
      fail(`actions.${i}.completionDate`, `The completion date (${formatUkDate(a.completionDate)}) is before the date of death (${formatUkDate(context.dateOfDeath)}).`);
    }
    if (a.outcome?.trim() && !a.completionDate) fail(`actions.${i}.completionDate`, 'Enter the date of completion for this outcome.');
  });
  return errors;
}
