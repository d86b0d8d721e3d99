import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import { smartHints } from '../../../../shared/domain/smart-check.ts';
import { DUE_WORDS } from '../../../../shared/domain/implementation-status.ts';
import { SCOPE_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { RecommendationDetail, RecommendationsForReview } from '../../../../shared/ipc/recommendation-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DecisionForm, NEW_DECISION } from '../progress/DecisionForm.tsx';
import { ProgressUpdateForm } from '../progress/ProgressUpdateForm.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import './recommendations.css';
import { useToday } from '../../app/today.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/** A review's numbered recommendations: add, edit, reorder, remove, export. */
export function RecommendationsPanel({
  reviewId,
  onEdit,
  onDistricts,
}: {
  reviewId: string;
  onEdit: (review: RecommendationsForReview['review'], rec: RecommendationDetail | null, number: number) => void;
  onDistricts: (recommendationId: string) => void;
}) {
  const { lists, settings } = usePartnership();
  const [data, setData] = useState<RecommendationsForReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** A change is on its way to the store: the list must not be reordered from a stale copy meanwhile. */
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkDistrict, setBulkDistrict] = useState('');
  const [bulkNotice, setBulkNotice] = useState<string | null>(null);
  const [updatingAction, setUpdatingAction] = useState<string | null>(null);
  const reload = () => call('recommendations.list', { reviewId }).then(setData, (e) => setError(errorMessage(e)));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const today = useToday();
  const agency = (id: string | null) => lists.agencies.find((a) => a.id === id)?.name ?? 'No lead agency';

  useEffect(() => {
    call('recommendations.list', { reviewId }).then(setData, (e) => setError(errorMessage(e)));
  }, [reviewId]);

  const act = (promise: Promise<RecommendationsForReview>) => {
    setBusy(true);
    return promise
      .then(
        (d) => {
          setData(d);
          setError(null);
          setConfirming(null);
        },
        (e) => setError(errorMessage(e)),
      )
      .finally(() => setBusy(false));
  };
  const move = (index: number, by: -1 | 1) => {
    if (!data) return;
    const ids = data.recommendations.map((r) => r.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    void act(call('recommendations.reorder', { reviewId, ids }));
  };

  if (!data) return error ? <Alert>{error}</Alert> : <p aria-live="polite">Loading recommendations…</p>;
  const { recommendations } = data;
  return (
    <section aria-labelledby="recs-heading" className="recs">
      <h2 id="recs-heading">Recommendations ({recommendations.length})</h2>
      {error ? <Alert title="That did not work">{error}</Alert> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => onEdit(data.review, null, recommendations.length + 1)}>
          Add recommendation
        </button>
      </div>
      <ExportButtons reviewId={reviewId} disabled={recommendations.length === 0} />
      {selected.size ? (
        <section className="panel" aria-labelledby="bulk-heading">
          <h3 id="bulk-heading">
            Decide for {selected.size} selected {selected.size === 1 ? 'recommendation' : 'recommendations'}
          </h3>
          <SelectField
            label="District"
            id="bulk-district"
            placeholder="Choose a district"
            value={bulkDistrict}
            onChange={(e) => setBulkDistrict(e.target.value)}
            options={lists.districts.filter((d) => !d.retired).map((d) => ({ value: d.id, label: d.name }))}
          />
          {bulkDistrict ? (
            <DecisionForm
              key={bulkDistrict}
              items={[...selected].map((recommendationId) => ({ recommendationId, districtId: bulkDistrict }))}
              initial={NEW_DECISION}
              dateOfDeath={data.review.dateOfDeath}
              idPrefix="bulk"
              submitLabel="Save decision for the selected recommendations"
              onSaved={(n) => {
                setBulkNotice(`Decision saved for ${n} ${n === 1 ? 'recommendation' : 'recommendations'} in ${lists.districts.find((d) => d.id === bulkDistrict)?.name}.`);
                setSelected(new Set());
                setBulkDistrict('');
              }}
            />
          ) : null}
        </section>
      ) : null}
      {bulkNotice ? <Alert kind="success">{bulkNotice}</Alert> : null}
      {recommendations.length === 0 ? <p>No recommendations yet.</p> : null}
      <ol className="rec-list">
        {recommendations.map((r, i) => {
          const hints = smartHints(r, { today, maxTargetMonths: settings.maxTargetMonths });
          return (
            <li key={r.id} className="rec-card" aria-labelledby={`rec-${r.id}-title`}>
              <div className="rec-card__head">
                <label className="checkbox rec-card__select">
                  <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                  <span className="visually-hidden">Select recommendation {r.number} for a district decision</span>
                </label>
                <h3 id={`rec-${r.id}-title`}>Recommendation {r.number}</h3>
                <div className="rec-card__buttons">
                  <button type="button" className="button button--small" onClick={() => onDistricts(r.id)}>
                    Districts<span className="visually-hidden"> for recommendation {r.number}</span>
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => onEdit(data.review, r, r.number)}>
                    Edit<span className="visually-hidden"> recommendation {r.number}</span>
                  </button>
                  <button type="button" className="button button--secondary button--small" disabled={busy || i === 0} onClick={() => move(i, -1)}>
                    Move up<span className="visually-hidden"> recommendation {r.number}</span>
                  </button>
                  <button type="button" className="button button--secondary button--small" disabled={busy || i === recommendations.length - 1} onClick={() => move(i, 1)}>
                    Move down<span className="visually-hidden"> recommendation {r.number}</span>
                  </button>
                  {confirming === r.id ? (
                    <>
                      <button type="button" className="button button--warning button--small" disabled={busy} onClick={() => void act(call('recommendations.delete', { id: r.id }))}>
                        Confirm removing recommendation {r.number}
                      </button>
                      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(null)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button button--warning button--small" onClick={() => setConfirming(r.id)}>
                      Remove<span className="visually-hidden"> recommendation {r.number}</span>
                    </button>
                  )}
                </div>
              </div>
              <p className="rec-card__text">{r.text}</p>
              <p className="rec-card__meta">
                {SCOPE_WORDS[r.scope]}
                {r.addressees.length ? ` · Addressed to ${r.addressees.map((a) => agency(a.agencyId)).join(', ')}` : ''} · Implementation: {r.implementation.label} ·{' '}
                {hints.length ? <span className="tag tag--warning">{hints.length === 1 ? '1 SMART hint' : `${hints.length} SMART hints`}</span> : <span className="tag tag--done">No SMART hints</span>}
              </p>
              {r.actions.length ? (
                <ScrollRegion label={`Actions for recommendation ${r.number} table`}>
                <table>
                  <caption className="visually-hidden">Actions for recommendation {r.number}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Action to take</th>
                      <th scope="col">Lead agency</th>
                      <th scope="col">Target date</th>
                      <th scope="col">Status</th>
                      <th scope="col">Completed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.actions.map((a, j) => {
                      const state = r.actionStatus[j];
                      return (
                        <tr key={a.id ?? j}>
                          <td>{a.actionText}</td>
                          <td>{agency(a.leadAgencyId)}</td>
                          <td>
                            {a.targetDate ? formatUkDate(a.targetDate) : 'Not set'}
                            {state && (state.due === 'overdue' || state.due === 'due_soon') ? (
                              <>
                                {' '}
                                <span className="tag tag--warning">{DUE_WORDS[state.due]}</span>
                              </>
                            ) : null}
                          </td>
                          <td>
                            {state ? <StatusBadge status={state.status} /> : null}{' '}
                            <button type="button" className="button--link" onClick={() => setUpdatingAction(updatingAction === a.id ? null : (a.id ?? null))}>
                              Update<span className="visually-hidden"> action {j + 1} of recommendation {r.number}</span>
                            </button>
                          </td>
                          <td>{a.completionDate ? `${formatUkDate(a.completionDate)}${a.outcome ? `: ${a.outcome}` : ''}` : 'Not yet'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                </ScrollRegion>
              ) : (
                <p>No actions yet.</p>
              )}
              {r.actions.some((a) => a.id === updatingAction) ? (
                <ProgressUpdateForm
                  target={{ actionId: updatingAction! }}
                  currentStatus={r.actionStatus.find((x) => x.id === updatingAction)?.status ?? null}
                  idPrefix={`action-${updatingAction}`}
                  onSaved={() => {
                    setUpdatingAction(null);
                    void reload();
                  }}
                  onCancel={() => setUpdatingAction(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
