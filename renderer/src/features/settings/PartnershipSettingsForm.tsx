import { useId, useRef, useState, type FormEvent } from 'react';
import { REVIEW_LABELS, type ReviewLabel } from '../../../../shared/domain/vocabulary.ts';
import type { AppSettings } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call } from '../../app/api-client.ts';
import { problemOf, ProblemAlert, type Problem } from './problems.tsx';

type Key = keyof AppSettings;
type Values = Record<Key, string>;

const REVIEW_LABEL_WORDS: Record<ReviewLabel, { name: string; description: string }> = {
  DHR: { name: 'DHR', description: 'Domestic Homicide Review, the name used since 2011.' },
  DARDR: {
    name: 'DARDR',
    description:
      'Domestic Abuse Related Death Review, the name the Victims and Prisoners Act 2024 gives these reviews. It widens their scope, for example to suicides linked to domestic abuse.',
  },
};

/** Whole-number settings, with the message shown when what was typed is not a whole number. */
const WHOLE_NUMBERS: ReadonlyArray<[Key, string]> = [
  ['decisionWithinDays', 'Enter the decision period as a whole number of days, such as 30.'],
  ['completionWithinMonths', 'Enter the review period as a whole number of months, such as 6.'],
  ['autoLockMinutes', 'Auto-lock must be a whole number of minutes, such as 10.'],
  ['maxTargetMonths', 'Enter the furthest target date as a whole number of months, such as 36.'],
];

const asValues = (s: AppSettings): Values => ({
  partnershipName: s.partnershipName,
  reviewLabel: s.reviewLabel,
  protectiveMarking: s.protectiveMarking,
  decisionWithinDays: String(s.decisionWithinDays),
  completionWithinMonths: String(s.completionWithinMonths),
  userName: s.userName,
  userOrganisation: s.userOrganisation,
  autoLockMinutes: String(s.autoLockMinutes),
  maxTargetMonths: String(s.maxTargetMonths),
});

const isReviewLabel = (value: string): value is ReviewLabel => (REVIEW_LABELS as readonly string[]).includes(value);

/** The partnership's own settings, the person's details for the audit log, and auto-lock: one form, one Save. */
export function PartnershipSettingsForm({
  settings,
  onSaved,
  notice,
  onNotice,
}: {
  settings: AppSettings;
  onSaved: (s: AppSettings) => void;
  notice: string | null;
  onNotice: (text: string | null) => void;
}) {
  const [values, setValues] = useState<Values>(() => asValues(settings));
  const [problem, setProblem] = useState<Problem | null>(null);
  /** A request is on its way: a second click or Enter does nothing until it returns. */
  const busy = useRef(false);
  const labelHint = useId();
  const fields = problem?.fields ?? {};

  const text = (key: Key) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
    error: fields[key],
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    onNotice(null);
    setProblem(null);
    const wrong = WHOLE_NUMBERS.filter(([key]) => !/^\d+$/.test(values[key].trim()));
    if (wrong.length) {
      const found = Object.fromEntries(wrong);
      return setProblem({ message: Object.values(found).join(' '), fields: found });
    }
    if (!isReviewLabel(values.reviewLabel)) return setProblem({ message: 'Choose DHR or DARDR.', fields: { reviewLabel: 'Choose DHR or DARDR.' } });
    busy.current = true;
    try {
      const saved = await call('settings.update', {
        partnershipName: values.partnershipName,
        reviewLabel: values.reviewLabel,
        protectiveMarking: values.protectiveMarking,
        decisionWithinDays: Number(values.decisionWithinDays),
        completionWithinMonths: Number(values.completionWithinMonths),
        userName: values.userName,
        userOrganisation: values.userOrganisation,
        autoLockMinutes: Number(values.autoLockMinutes),
        maxTargetMonths: Number(values.maxTargetMonths),
      });
      setValues(asValues(saved));
      onSaved(saved);
      onNotice('Settings saved.');
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      busy.current = false;
    }
  }

  const saved = { name: settings.userName.trim(), organisation: settings.userOrganisation.trim() };
  const recordedAs = saved.name ? `${saved.name}${saved.organisation ? ` (${saved.organisation})` : ''}` : null;

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label="Partnership settings" className="settings-form">
      <section aria-labelledby="partnership-heading" className="panel">
        <h2 id="partnership-heading">Partnership</h2>
        <Field label="Partnership name" hint="Shown on the dashboard and on every export." {...text('partnershipName')} />

        <fieldset className={`settings-fieldset${fields.reviewLabel ? ' field--error' : ''}`} aria-describedby={labelHint}>
          <legend>Review label</legend>
          <p className="field__hint" id={labelHint}>
            What the partnership calls its reviews, on every screen and in every export.
          </p>
          {fields.reviewLabel ? (
            <p className="field__error">
              <span className="visually-hidden">Error: </span>
              {fields.reviewLabel}
            </p>
          ) : null}
          {REVIEW_LABELS.map((label) => (
            <div className="radio" key={label}>
              <input
                type="radio"
                id={`${labelHint}-${label}`}
                name="reviewLabel"
                value={label}
                checked={values.reviewLabel === label}
                onChange={() => setValues((v) => ({ ...v, reviewLabel: label }))}
                aria-describedby={`${labelHint}-${label}-description`}
              />
              <div>
                <label htmlFor={`${labelHint}-${label}`}>{REVIEW_LABEL_WORDS[label].name}</label>
                <span className="radio__description" id={`${labelHint}-${label}-description`}>
                  {REVIEW_LABEL_WORDS[label].description}
                </span>
              </div>
            </div>
          ))}
        </fieldset>

        <Field
          label="Protective marking"
          hint="Printed on every export, such as OFFICIAL-SENSITIVE. Drafts are normally OFFICIAL-SENSITIVE until the Home Office approves them."
          {...text('protectiveMarking')}
        />

        <fieldset className="settings-fieldset">
          <legend>Stage durations</legend>
          <p className="field__hint">Reviews are shown as overdue when they pass these. They are common practice, not law: set your partnership’s own.</p>
          <Field
            label="Decision due within (days)"
            hint="Days from the police notification to the decision whether to hold a review. Usually one month: 30 days."
            inputMode="numeric"
            className="input--short"
            {...text('decisionWithinDays')}
          />
          <Field
            label="Review due within (months)"
            hint="Months from the decision to holding a review to sending the report to the Home Office, not counting time paused for criminal proceedings. Guidance expects about 6."
            inputMode="numeric"
            className="input--short"
            {...text('completionWithinMonths')}
          />
          <Field
            label="Flag action target dates more than this many months away"
            hint="The SMART check warns chairs about target dates further off than this. 36 months (3 years) by default."
            inputMode="numeric"
            className="input--short"
            {...text('maxTargetMonths')}
          />
        </fieldset>
      </section>

      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">Your details</h2>
        <p className="hint">
          Every change you make is recorded in the audit log with your name and organisation, so everyone using this store can see who changed what.{' '}
          {recordedAs ? `Your changes are recorded as “${recordedAs}”.` : 'Until you give your name, your changes are recorded as “Unnamed user”.'}
        </p>
        <Field label="Your name" autoComplete="name" {...text('userName')} />
        <Field label="Your organisation" autoComplete="organization" {...text('userOrganisation')} />
      </section>

      <section aria-labelledby="security-heading" className="panel">
        <h2 id="security-heading">Security</h2>
        <Field
          label="Lock automatically after this many idle minutes"
          hint="Between 1 and 240. When the store locks, it is closed and the screen is cleared until the passphrase is given again."
          inputMode="numeric"
          className="input--short"
          {...text('autoLockMinutes')}
        />
      </section>

      <div className="settings-form__save">
        <ProblemAlert title="Settings were not saved" problem={problem} />
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        <button type="submit" className="button">
          Save settings
        </button>
      </div>
    </form>
  );
}
