import { useState, type FormEvent } from 'react';
import { validateDecision } from '../../../../shared/domain/implementation-status.ts';
import { APPLICABILITY, APPLICABILITY_WORDS, type Applicability } from '../../../../shared/domain/vocabulary.ts';
import { ApiError, call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { DateField } from '../../components/DateField.tsx';

export interface DecisionDefaults {
  decision: Applicability;
  reason: string | null;
  evidence: string | null;
  localLeadAgencyId: string | null;
  officerName: string | null;
  targetDate: string | null;
  targetDateNotSet: boolean;
}

/** A new decision's starting values: applicable, with nothing named yet. */
export const NEW_DECISION: DecisionDefaults = { decision: 'applicable', reason: null, evidence: null, localLeadAgencyId: null, officerName: null, targetDate: null, targetDateNotSet: false };

const HINTS: Record<Applicability, string> = {
  applicable: 'The district will implement it: name the local lead, the officer and a local target date.',
  not_applicable: 'Give the reason: it is kept with the decision.',
  already_in_place: 'Describe the evidence that it is already in place.',
  under_consideration: 'Not decided yet.',
};

/**
 * A district's decision on one or more recommendations. With several
 * items the same decision is saved for all of them, or for none.
 */
export function DecisionForm({
  items,
  initial,
  dateOfDeath,
  idPrefix,
  submitLabel,
  onSaved,
  onCancel,
}: {
  items: Array<{ recommendationId: string; districtId: string }>;
  initial: DecisionDefaults;
  dateOfDeath: string | null;
  idPrefix: string;
  submitLabel: string;
  onSaved: (updated: number) => void;
  onCancel?: () => void;
}) {
  const { lists } = usePartnership();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<DecisionDefaults>) => setForm((f) => ({ ...f, ...patch }));
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validateDecision(form, { dateOfDeath });
    if (!items.length) found.items = 'Choose at least one recommendation.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const { updated } = await call('applicability.decide', { items, ...form });
      onSaved(updated);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="decision-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {failure ? <Alert title="The decision was not saved">{failure}</Alert> : null}
      {errors.items ? <p className="field__error">{errors.items}</p> : null}
      <fieldset>
        <legend>Decision</legend>
        <p className="field__hint">{HINTS[form.decision]}</p>
        <div className="radios">
          {APPLICABILITY.map((d) => (
            <label key={d} className="checkbox">
              <input type="radio" name={id('decision')} value={d} checked={form.decision === d} onChange={() => set({ decision: d })} /> {APPLICABILITY_WORDS[d]}
            </label>
          ))}
        </div>
      </fieldset>
      {form.decision === 'not_applicable' ? <TextAreaField label="Reason it does not apply" id={id('reason')} rows={2} value={form.reason ?? ''} error={errors.reason} onChange={(e) => set({ reason: e.target.value || null })} /> : null}
      {form.decision === 'already_in_place' ? <TextAreaField label="Evidence it is already in place" id={id('evidence')} rows={2} value={form.evidence ?? ''} error={errors.evidence} onChange={(e) => set({ evidence: e.target.value || null })} /> : null}
      {form.decision === 'applicable' ? (
        <div className="update-form__row">
          <SelectField
            label="Local lead agency"
            id={id('lead')}
            placeholder="Choose the local lead"
            value={form.localLeadAgencyId ?? ''}
            error={errors.localLeadAgencyId}
            onChange={(e) => set({ localLeadAgencyId: e.target.value || null })}
            options={lists.agencies.filter((a) => !a.retired && a.kind === 'local').map((a) => ({ value: a.id, label: a.name }))}
          />
          <Field label="Named officer" id={id('officer')} value={form.officerName ?? ''} error={errors.officerName} onChange={(e) => set({ officerName: e.target.value || null })} autoComplete="off" />
          {form.targetDateNotSet ? null : (
            <DateField label="Local target date" id={id('target')} value={form.targetDate ?? ''} error={errors.targetDate} onChange={(e) => set({ targetDate: e.target.value || null })} className="input--date" />
          )}
          <label className="checkbox">
            <input type="checkbox" checked={form.targetDateNotSet} onChange={(e) => set({ targetDateNotSet: e.target.checked, targetDate: e.target.checked ? null : form.targetDate })} /> The target date is not set yet
          </label>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
