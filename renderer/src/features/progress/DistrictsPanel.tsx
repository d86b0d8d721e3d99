import { useCallback, useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import { APPLICABILITY_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { ApplicabilityRow, ProgressHistory, RecommendationRef } from '../../../../shared/ipc/progress-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { ProgressUpdateForm } from './ProgressUpdateForm.tsx';
import { UpdateHistory } from './UpdateHistory.tsx';
import { StatusWithDue } from '../../components/StatusWithDue.tsx';
import './progress.css';

type Open = { kind: 'decide' | 'update' | 'history'; districtId: string } | null;

/** One recommendation across every district: decisions, status and progress in each. */
export function DistrictsPanel({ recommendationId, onBack }: { recommendationId: string; onBack: () => void }) {
  const [data, setData] = useState<{ recommendation: RecommendationRef; districts: ApplicabilityRow[] } | null>(null);
  const [history, setHistory] = useState<ProgressHistory | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => call('applicability.forRecommendation', { recommendationId }).then(setData, (e) => setError(errorMessage(e))), [recommendationId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const row = data?.districts.find((d) => d.districtId === open?.districtId);
    if (open?.kind === 'history' && row) call('progress.history', { applicabilityId: row.id }).then(setHistory, (e) => setError(errorMessage(e)));
  }, [open, data]);

  if (!data) return error ? <Alert>{error}</Alert> : <p aria-live="polite">Loading districts…</p>;
  const { recommendation } = data;
  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
    void load();
  };

  return (
    <section aria-labelledby="districts-heading">
      <p>
        <button type="button" className="button--link" onClick={onBack}>
          Back to {recommendation.reviewReference}
        </button>
      </p>
      <h1 id="districts-heading">
        {recommendation.reviewReference} recommendation {recommendation.number}: districts
      </h1>
      <p className="summary">{recommendation.text}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <ul className="district-list">
        {data.districts.map((d) => {
          const isOpen = open?.districtId === d.districtId ? open.kind : null;
          return (
            <li key={d.id} className="district-card" aria-labelledby={`d-${d.districtId}`}>
              <h2 id={`d-${d.districtId}`}>{d.districtName}</h2>
              <dl className="facts">
                <dt>Decision</dt>
                <dd>
                  {APPLICABILITY_WORDS[d.decision]}
                  {d.decidedDate ? ` (${formatUkDate(d.decidedDate)})` : ''}
                  {d.reason ? `: ${d.reason}` : ''}
                  {d.evidence ? `: ${d.evidence}` : ''}
                </dd>
                {d.decision === 'applicable' ? (
                  <>
                    <dt>Status</dt>
                    <dd>
                      <StatusWithDue status={d.status} due={d.due} />
                    </dd>
                    <dt>Local lead</dt>
                    <dd>
                      {d.localLeadAgency ?? 'Not named'}
                      {d.officerName ? `, ${d.officerName}` : ''}
                    </dd>
                    <dt>Local target date</dt>
                    <dd>{d.targetDate ? formatUkDate(d.targetDate) : 'Not set'}</dd>
                    <dt>Latest update</dt>
                    <dd>{d.latestUpdate ? `${formatUkDate(d.latestUpdate.asAtDate)}, ${d.latestUpdate.author}: ${d.latestUpdate.note}` : 'None yet'}</dd>
                  </>
                ) : null}
              </dl>
              <div className="actions">
                <button type="button" className="button button--secondary button--small" aria-expanded={isOpen === 'decide'} onClick={() => setOpen(isOpen === 'decide' ? null : { kind: 'decide', districtId: d.districtId })}>
                  Decide<span className="visually-hidden"> for {d.districtName}</span>
                </button>
                {d.decision === 'applicable' ? (
                  <button type="button" className="button button--small" aria-expanded={isOpen === 'update'} onClick={() => setOpen(isOpen === 'update' ? null : { kind: 'update', districtId: d.districtId })}>
                    Add update<span className="visually-hidden"> for {d.districtName}</span>
                  </button>
                ) : null}
                <button type="button" className="button button--secondary button--small" aria-expanded={isOpen === 'history'} onClick={() => setOpen(isOpen === 'history' ? null : { kind: 'history', districtId: d.districtId })}>
                  History<span className="visually-hidden"> for {d.districtName}</span>
                </button>
              </div>
              {isOpen === 'decide' ? (
                <DecisionForm
                  items={[{ recommendationId, districtId: d.districtId }]}
                  initial={{ decision: d.decision, reason: d.reason, evidence: d.evidence, localLeadAgencyId: d.localLeadAgencyId, officerName: d.officerName, targetDate: d.targetDate, targetDateNotSet: d.decision === 'applicable' && !d.targetDate }}
                  dateOfDeath={recommendation.dateOfDeath}
                  idPrefix={`decide-${d.districtId}`}
                  submitLabel="Save decision"
                  onSaved={() => done(`Decision saved for ${d.districtName}.`)}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
              {isOpen === 'update' ? (
                <ProgressUpdateForm target={{ applicabilityId: d.id }} currentStatus={d.status} idPrefix={`update-${d.districtId}`} onSaved={() => done(`Update saved for ${d.districtName}.`)} onCancel={() => setOpen(null)} />
              ) : null}
              {isOpen === 'history' && history?.applicability?.id === d.id ? <UpdateHistory updates={history.updates} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
