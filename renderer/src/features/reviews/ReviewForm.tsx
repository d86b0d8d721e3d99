import { useState, type FormEvent } from 'react';
import { validateReview } from '../../../../shared/domain/review-validation.ts';
import { PERSON_ROLES, PERSON_ROLE_WORDS, RELATIONSHIPS, RELATIONSHIP_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { ReviewDetail } from '../../../../shared/ipc/review-schemas.ts';
import { ApiError, call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { RepeatingRows } from '../../components/RepeatingRows.tsx';
import { fieldId, type ReviewForm as Form } from './review-form-model.ts';
import { ThemePicker } from '../../components/ThemePicker.tsx';
import { useToday } from '../../app/today.tsx';
import { DateField } from '../../components/DateField.tsx';

/** Create or edit a review. Every rule is checked before saving and again by the service; problems show beside their fields. */
export function ReviewForm({ initial, isNew, onSaved, onCancel }: { initial: Form; isNew: boolean; onSaved: (r: ReviewDetail) => void; onCancel: () => void }) {
  const { lists, settings } = usePartnership();
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = useToday();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const err = (path: string) => errors[path] ?? null;

  const text = (label: string, key: keyof Form, extra: { hint?: string; required?: boolean } = {}) => (
    <Field
      label={label}
      id={fieldId(key)}
      hint={extra.hint}
      value={(form[key] as string | null) ?? ''}
      error={err(key)}
      onChange={(e) => set({ [key]: extra.required ? e.target.value : e.target.value || null } as Partial<Form>)}
      autoComplete="off"
    />
  );
  const date = (label: string, key: keyof Form, hint?: string) => (
    <DateField
      label={label}
      id={fieldId(key)}
      hint={hint}
      value={(form[key] as string | null) ?? ''}
      error={err(key)}
      onChange={(e) => set({ [key]: e.target.value || null } as Partial<Form>)}
      className="input--date"
    />
  );
  const agencyOptions = lists.agencies.filter((a) => !a.retired).map((a) => ({ value: a.id, label: a.name }));
  const withCurrent = (id: string | null) => {
    const current = lists.agencies.find((a) => a.id === id);
    return current?.retired ? [...agencyOptions, { value: current.id, label: `${current.name} (retired)` }] : agencyOptions;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validateReview(form, today);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(await call('reviews.save', form));
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="review-form" aria-labelledby="review-form-heading">
      <h1 id="review-form-heading">{isNew ? `New ${settings.reviewLabel} review` : `Edit ${form.reference}`}</h1>
      <p className="lead">The stage and deadlines are worked out from the dates you enter. Leave a date empty until it has happened.</p>
      <ErrorSummary title="The review was not saved. Fix these problems:" errors={errors} idFor={fieldId} />
      {failure ? <Alert title="The review was not saved">{failure}</Alert> : null}

      <fieldset>
        <legend>About the review</legend>
        {text('Reference', 'reference', { hint: 'Unique to this review, such as DHR-FL-2026-01.', required: true })}
        {text("Victim's pseudonym", 'victimPseudonym', { hint: 'The name used for the victim in the report. Never the real name.', required: true })}
        <SelectField
          label="Commissioning district"
          id={fieldId('commissioningDistrictId')}
          hint="The Community Safety Partnership that commissioned the review."
          placeholder="Choose a district"
          value={form.commissioningDistrictId}
          error={err('commissioningDistrictId')}
          onChange={(e) => set({ commissioningDistrictId: e.target.value })}
          options={lists.districts.filter((d) => !d.retired || d.id === form.commissioningDistrictId).map((d) => ({ value: d.id, label: d.retired ? `${d.name} (retired)` : d.name }))}
        />
        <SelectField
          label="Relationship"
          id={fieldId('relationship')}
          value={form.relationship}
          error={err('relationship')}
          onChange={(e) => set({ relationship: e.target.value as Form['relationship'] })}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_WORDS[r] }))}
        />
        {text('Chair', 'chairName', { hint: 'The independent chair and author.' })}
        <TextAreaField label="Summary" id={fieldId('summary')} hint="Context for colleagues, using pseudonyms only." value={form.summary ?? ''} error={err('summary')} onChange={(e) => set({ summary: e.target.value || null })} />
      </fieldset>

      <fieldset>
        <legend>Notification and decision</legend>
        {date('Date of death', 'dateOfDeath')}
        {date('Notification date', 'notificationDate', 'When the police notified the CSP.')}
        <SelectField
          label="Decision"
          id={fieldId('decision')}
          value={form.decision ?? ''}
          error={err('decision')}
          placeholder="Not yet decided"
          onChange={(e) => set({ decision: (e.target.value || null) as Form['decision'] })}
          options={[
            { value: 'hold', label: 'Hold a review' },
            { value: 'not_hold', label: 'Do not hold a review' },
          ]}
        />
        {date('Decision date', 'decisionDate', `Expected within ${settings.decisionWithinDays} days of notification.`)}
        {form.decision === 'not_hold' ? (
          <TextAreaField
            label="Reasons for not holding a review"
            id={fieldId('decisionReasons')}
            value={form.decisionReasons ?? ''}
            error={err('decisionReasons')}
            onChange={(e) => set({ decisionReasons: e.target.value || null })}
          />
        ) : null}
        {date('Home Office notified', 'homeOfficeNotifiedDate')}
      </fieldset>

      <fieldset>
        <legend>Running the review</legend>
        {date('Terms agreed', 'termsOfReferenceDate', "The date the panel agreed the review's terms of reference.")}
        <RepeatingRows
          title="Review panel"
          noun="Panel member"
          rows={form.panel}
          onChange={(panel) => set({ panel })}
          create={() => ({ agencyId: null, memberName: '', role: null })}
          render={(m, i, update) => (
            <>
              <Field label="Name" id={fieldId(`panel.${i}.memberName`)} value={m.memberName} error={err(`panel.${i}.memberName`)} onChange={(e) => update({ memberName: e.target.value })} />
              <SelectField label="Member's agency" id={fieldId(`panel.${i}.agencyId`)} placeholder="Independent / none" value={m.agencyId ?? ''} error={err(`panel.${i}.agencyId`)} onChange={(e) => update({ agencyId: e.target.value || null })} options={withCurrent(m.agencyId)} />
              <Field label="Role" id={fieldId(`panel.${i}.role`)} value={m.role ?? ''} onChange={(e) => update({ role: e.target.value || null })} />
            </>
          )}
        />
        <RepeatingRows
          title="Individual Management Reviews (IMRs)"
          noun="IMR"
          rows={form.imrs}
          onChange={(imrs) => set({ imrs })}
          create={() => ({ agencyId: '', requestedDate: null, receivedDate: null })}
          render={(imr, i, update) => (
            <>
              <SelectField label="IMR agency" id={fieldId(`imrs.${i}.agencyId`)} placeholder="Choose an agency" value={imr.agencyId} error={err(`imrs.${i}.agencyId`)} onChange={(e) => update({ agencyId: e.target.value })} options={withCurrent(imr.agencyId)} />
              <DateField label="IMR requested" id={fieldId(`imrs.${i}.requestedDate`)} value={imr.requestedDate ?? ''} error={err(`imrs.${i}.requestedDate`)} onChange={(e) => update({ requestedDate: e.target.value || null })} />
              <DateField label="IMR received" id={fieldId(`imrs.${i}.receivedDate`)} value={imr.receivedDate ?? ''} error={err(`imrs.${i}.receivedDate`)} onChange={(e) => update({ receivedDate: e.target.value || null })} />
            </>
          )}
        />
        <RepeatingRows
          title="Pauses for criminal proceedings"
          noun="Pause"
          hint="While a review is paused its completion clock stops. Leave the end date empty while the pause continues."
          rows={form.pauses}
          onChange={(pauses) => set({ pauses })}
          create={() => ({ startDate: '', endDate: null, reason: null })}
          render={(p, i, update) => (
            <>
              <DateField label="Paused from" id={fieldId(`pauses.${i}.startDate`)} value={p.startDate} error={err(`pauses.${i}.startDate`)} onChange={(e) => update({ startDate: e.target.value })} />
              <DateField label="Resumed on" id={fieldId(`pauses.${i}.endDate`)} value={p.endDate ?? ''} error={err(`pauses.${i}.endDate`)} onChange={(e) => update({ endDate: e.target.value || null })} />
              <Field label="Reason" id={fieldId(`pauses.${i}.reason`)} value={p.reason ?? ''} onChange={(e) => update({ reason: e.target.value || null })} />
            </>
          )}
        />
      </fieldset>

      <fieldset>
        <legend>Report and approval</legend>
        {date('Draft overview report', 'draftReportDate')}
        {date('Draft executive summary', 'executiveSummaryDraftDate')}
        {date('Family consulted on the draft', 'familyConsultedDate')}
        <TextAreaField
          label="Involvement of family and friends"
          id={fieldId('familyInvolvement')}
          hint="How the family and friends were involved, as the overview report will describe it."
          value={form.familyInvolvement ?? ''}
          error={err('familyInvolvement')}
          onChange={(e) => set({ familyInvolvement: e.target.value || null })}
        />
        {date('CSP approval date', 'cspApprovalDate')}
      </fieldset>

      <RepeatingRows
        title="Home Office Quality Assurance Panel"
        noun="Submission"
        hint={`The report should reach the Home Office within ${settings.completionWithinMonths} months of the decision to hold the review, not counting paused time.`}
        rows={form.qaSubmissions}
        onChange={(qaSubmissions) => set({ qaSubmissions })}
        create={() => ({ submittedDate: '', outcome: null, outcomeDate: null, feedback: null })}
        render={(q, i, update) => (
          <>
            <DateField label="Submitted" id={fieldId(`qaSubmissions.${i}.submittedDate`)} value={q.submittedDate} error={err(`qaSubmissions.${i}.submittedDate`)} onChange={(e) => update({ submittedDate: e.target.value })} />
            <SelectField
              label="Outcome"
              id={fieldId(`qaSubmissions.${i}.outcome`)}
              placeholder="Awaiting outcome"
              value={q.outcome ?? ''}
              error={err(`qaSubmissions.${i}.outcome`)}
              onChange={(e) => update({ outcome: (e.target.value || null) as typeof q.outcome })}
              options={[
                { value: 'approved', label: 'Approved' },
                { value: 'resubmit', label: 'Resubmit with changes' },
              ]}
            />
            <DateField label="Outcome date" id={fieldId(`qaSubmissions.${i}.outcomeDate`)} value={q.outcomeDate ?? ''} error={err(`qaSubmissions.${i}.outcomeDate`)} onChange={(e) => update({ outcomeDate: e.target.value || null })} />
            <TextAreaField label="Panel feedback" id={fieldId(`qaSubmissions.${i}.feedback`)} rows={2} value={q.feedback ?? ''} onChange={(e) => update({ feedback: e.target.value || null })} />
          </>
        )}
      />

      <fieldset>
        <legend>Publication and closure</legend>
        {date('Publication date', 'publicationDate')}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={form.embargoed} onChange={(e) => set({ embargoed: e.target.checked })} /> Publication is embargoed
          </label>
        </div>
        {form.embargoed ? <TextAreaField label="Embargo reason" id={fieldId('embargoReason')} rows={2} value={form.embargoReason ?? ''} error={err('embargoReason')} onChange={(e) => set({ embargoReason: e.target.value || null })} /> : null}
        {date('Closed date', 'closedDate', 'When the action plan was complete and the review closed.')}
      </fieldset>

      <RepeatingRows
        title="Pseudonym register"
        noun="Person"
        hint="Each real name with the pseudonym used in reports. Real names stay in this encrypted store: they are never shown in lists or exported, and exports are checked against them."
        rows={form.people}
        onChange={(people) => set({ people })}
        create={() => ({ role: 'family' as const, pseudonym: '', realName: null })}
        render={(p, i, update) => (
          <>
            <SelectField label="Role" id={fieldId(`people.${i}.role`)} value={p.role} onChange={(e) => update({ role: e.target.value as typeof p.role })} options={PERSON_ROLES.map((r) => ({ value: r, label: PERSON_ROLE_WORDS[r] }))} />
            <Field label="Pseudonym" id={fieldId(`people.${i}.pseudonym`)} value={p.pseudonym} error={err(`people.${i}.pseudonym`)} onChange={(e) => update({ pseudonym: e.target.value })} autoComplete="off" />
            <Field label="Real name" id={fieldId(`people.${i}.realName`)} type="text" value={p.realName ?? ''} onChange={(e) => update({ realName: e.target.value || null })} autoComplete="off" spellCheck={false} />
          </>
        )}
      />

      <ThemePicker id={fieldId('themeIds')} hint="Choose every theme from the partnership's taxonomy that applies to this review." themes={lists.themes} selected={form.themeIds} onChange={(themeIds) => set({ themeIds })} error={err('themeIds') ?? undefined} />
      <TextAreaField label="Notes" id={fieldId('notes')} value={form.notes ?? ''} error={err('notes')} onChange={(e) => set({ notes: e.target.value || null })} />

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save review'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
