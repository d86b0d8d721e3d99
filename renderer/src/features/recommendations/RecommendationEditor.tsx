import { useMemo, useState, type FormEvent } from 'react';
import { validateRecommendation } from '../../../../shared/domain/recommendation-validation.ts';
import { smartHints } from '../../../../shared/domain/smart-check.ts';
import { RECOMMENDATION_SCOPES, SCOPE_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { RecommendationDetail, RecommendationsForReview } from '../../../../shared/ipc/recommendation-schemas.ts';
import { ApiError, call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { RepeatingRows } from '../../components/RepeatingRows.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { ThemePicker } from '../../components/ThemePicker.tsx';
import { emptyAction, recFieldId, type RecommendationForm } from './recommendation-form-model.ts';
import { SimilarPanel } from './SimilarPanel.tsx';
import { SmartHintsPanel } from './SmartHintsPanel.tsx';
import './recommendations.css';
import { useToday } from '../../app/today.tsx';
import { DateField } from '../../components/DateField.tsx';

/**
 * Drafting one recommendation in the Home Office template, with the SMART
 * check and earlier similar recommendations beside it as the chair types.
 */
export function RecommendationEditor({
  review,
  initial,
  number,
  onSaved,
  onCancel,
}: {
  review: RecommendationsForReview['review'];
  initial: RecommendationForm;
  number: number;
  onSaved: (r: RecommendationDetail) => void;
  onCancel: () => void;
}) {
  const { lists, settings } = usePartnership();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = useToday();
  const set = (patch: Partial<RecommendationForm>) => setForm((f) => ({ ...f, ...patch }));
  const err = (path: string) => errors[path] ?? null;
  const hints = useMemo(() => smartHints(form, { today, maxTargetMonths: settings.maxTargetMonths }), [form, today, settings.maxTargetMonths]);

  const agencyOptions = (current: string | null) =>
    lists.agencies
      .filter((a) => !a.retired || a.id === current)
      .map((a) => ({ value: a.id, label: `${a.name}${a.kind === 'national' ? ' (national body)' : ''}${a.retired ? ' (retired)' : ''}` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validateRecommendation(form, { today, dateOfDeath: review.dateOfDeath });
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(await call('recommendations.save', form));
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rec-editor">
      <form onSubmit={submit} noValidate className="rec-editor__form" aria-labelledby="rec-heading">
        <h1 id="rec-heading">
          {review.reference}: recommendation {number}
        </h1>
        <p className="lead">In the Home Office action plan template. The SMART check and earlier similar recommendations update as you type.</p>
        <ErrorSummary title="The recommendation was not saved. Fix these problems:" errors={errors} idFor={recFieldId} />
        {failure ? <Alert title="The recommendation was not saved">{failure}</Alert> : null}

        <TextAreaField label="Recommendation" id={recFieldId('text')} rows={5} value={form.text} error={err('text')} onChange={(e) => set({ text: e.target.value })} hint="Who should do what, by when, and how we will know." />
        <SelectField label="Scope" id={recFieldId('scope')} value={form.scope} onChange={(e) => set({ scope: e.target.value as RecommendationForm['scope'] })} options={RECOMMENDATION_SCOPES.map((s) => ({ value: s, label: SCOPE_WORDS[s] }))} />
        <TextAreaField label="Finding or lesson" id={recFieldId('finding')} rows={3} hint="What the review found that this recommendation answers." value={form.finding ?? ''} onChange={(e) => set({ finding: e.target.value || null })} />
        <TextAreaField label="Expected outcome" id={recFieldId('expectedOutcome')} rows={3} hint="What should change, and how it will be measured." value={form.expectedOutcome ?? ''} onChange={(e) => set({ expectedOutcome: e.target.value || null })} />

        <RepeatingRows
          title="Addressed to"
          noun="Addressee"
          hint="Each agency or national body the recommendation is made to, and whether they were told and acknowledged it."
          rows={form.addressees}
          onChange={(addressees) => set({ addressees })}
          create={() => ({ agencyId: '', notifiedDate: null, acknowledgedDate: null })}
          render={(a, i, update) => (
            <>
              <SelectField label="Addressee" id={recFieldId(`addressees.${i}.agencyId`)} placeholder="Choose an agency or national body" value={a.agencyId} error={err(`addressees.${i}.agencyId`)} onChange={(e) => update({ agencyId: e.target.value })} options={agencyOptions(a.agencyId)} />
              <DateField label="Notified" id={recFieldId(`addressees.${i}.notifiedDate`)} value={a.notifiedDate ?? ''} error={err(`addressees.${i}.notifiedDate`)} onChange={(e) => update({ notifiedDate: e.target.value || null })} />
              <DateField label="Acknowledged" id={recFieldId(`addressees.${i}.acknowledgedDate`)} value={a.acknowledgedDate ?? ''} error={err(`addressees.${i}.acknowledgedDate`)} onChange={(e) => update({ acknowledgedDate: e.target.value || null })} />
            </>
          )}
        />

        <RepeatingRows
          title="Actions"
          noun="Action"
          hint="The template's columns: action to take, lead agency, key milestones, target date, date of completion and outcome."
          rows={form.actions}
          onChange={(actions) => set({ actions })}
          create={emptyAction}
          render={(a, i, update) => (
            <>
              <TextAreaField label="Action to take" id={recFieldId(`actions.${i}.actionText`)} rows={2} value={a.actionText} error={err(`actions.${i}.actionText`)} onChange={(e) => update({ actionText: e.target.value })} className="span-all" />
              <SelectField label="Lead agency" id={recFieldId(`actions.${i}.leadAgencyId`)} placeholder="Choose the lead agency" value={a.leadAgencyId ?? ''} error={err(`actions.${i}.leadAgencyId`)} onChange={(e) => update({ leadAgencyId: e.target.value || null })} options={agencyOptions(a.leadAgencyId)} />
              <DateField label="Target date" id={recFieldId(`actions.${i}.targetDate`)} value={a.targetDate ?? ''} error={err(`actions.${i}.targetDate`)} onChange={(e) => update({ targetDate: e.target.value || null })} />
              <TextAreaField label="Key milestones" id={recFieldId(`actions.${i}.milestones`)} rows={2} value={a.milestones ?? ''} onChange={(e) => update({ milestones: e.target.value || null })} className="span-all" />
              <DateField label="Date of completion" id={recFieldId(`actions.${i}.completionDate`)} value={a.completionDate ?? ''} error={err(`actions.${i}.completionDate`)} onChange={(e) => update({ completionDate: e.target.value || null })} />
              <TextAreaField label="Outcome" id={recFieldId(`actions.${i}.outcome`)} rows={2} value={a.outcome ?? ''} onChange={(e) => update({ outcome: e.target.value || null })} />
            </>
          )}
        />

        <ThemePicker id={recFieldId('themeIds')} themes={lists.themes} selected={form.themeIds} onChange={(themeIds) => set({ themeIds })} error={err('themeIds') ?? undefined} hint="Choose the themes this recommendation addresses." />

        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save recommendation'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {/* Scrolls on its own beside a long form, so it takes focus for keyboard scrolling. */}
      <aside className="rec-editor__aside" aria-label="Drafting help" tabIndex={0}>
        <SmartHintsPanel hints={hints} recommendationId={form.id} />
        <SimilarPanel text={form.text} excludeId={form.id} />
      </aside>
    </div>
  );
}
