import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import { DUE_WORDS } from '../../../../shared/domain/implementation-status.ts';
import { APPLICABILITY_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { Matrix, ProgressHistory } from '../../../../shared/ipc/progress-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { useStatusKey } from '../../app/status-colours.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { cellWords, rowReference, type MatrixCell, type MatrixRow } from './matrix-words.ts';

interface MatrixDetailsProps {
  /** The matrix's columns */
  districts: Matrix['districts'];
  row: MatrixRow;
  /** The district's cell, or null for the recommendation across all districts (its row header) */
  cell: MatrixCell | null;
  headingId: string;
  onClose: () => void;
}

/**
 * The details of one matrix cell: the district's decision, status, due state
 * and target date from the matrix, and its lead, officer and latest update
 * from its progress history. For a row header: the whole recommendation and
 * where it stands in each district.
 */
export function MatrixDetails({ districts, row, cell, headingId, onClose }: MatrixDetailsProps) {
  const ref = rowReference(row);
  const district = cell ? districts.find((d) => d.id === cell.districtId) : null;
  return (
    <section className="panel matrix-details" aria-labelledby={headingId}>
      <div className="matrix-details__top">
        <h2 id={headingId}>{district ? `${ref} in ${district.name}` : ref}</h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close details
        </button>
      </div>
      <p className="summary">{row.recommendation.text}</p>
      {cell && district ? <CellFacts cell={cell} districtName={district.name} /> : <RowFacts districts={districts} row={row} />}
    </section>
  );
}

function RowFacts({ districts, row }: { districts: Matrix['districts']; row: MatrixRow }) {
  const key = useStatusKey();
  const commissioning = districts.find((d) => d.id === row.recommendation.commissioningDistrictId);
  return (
    <>
      <dl className="facts">
        <dt>Review</dt>
        <dd>{row.recommendation.reviewReference}</dd>
        <dt>Recommendation number</dt>
        <dd>{row.recommendation.number}</dd>
        {commissioning ? (
          <>
            <dt>Commissioning district</dt>
            <dd>{commissioning.name}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="matrix-details__subheading">In each district</h3>
      <ul className="matrix-details__districts">
        {row.cells.map((c) => (
          <li key={c.districtId}>
            <strong>{districts.find((d) => d.id === c.districtId)?.name}:</strong> {cellWords(c, key)}
            {c.decision === 'applicable' && c.targetDate ? `, target ${formatUkDate(c.targetDate)}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function CellFacts({ cell, districtName }: { cell: MatrixCell; districtName: string }) {
  const [history, setHistory] = useState<ProgressHistory | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setHistory(null);
    setProblem(null);
    if (!cell.applicabilityId) return;
    let current = true;
    call('progress.history', { applicabilityId: cell.applicabilityId }).then(
      (h) => current && setHistory(h),
      (e) => current && setProblem(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [cell.applicabilityId]);

  const a = history?.applicability ?? null;
  const latest = a?.latestUpdate ?? null;
  const applicable = cell.decision === 'applicable';
  return (
    <>
      <dl className="facts">
        <dt>District</dt>
        <dd>{districtName}</dd>
        <dt>Decision</dt>
        <dd>{cell.applicabilityId ? APPLICABILITY_WORDS[cell.decision] : 'No decision recorded yet'}</dd>
        {a?.decision === 'not_applicable' && a.reason ? (
          <>
            <dt>Reason</dt>
            <dd className="summary">{a.reason}</dd>
          </>
        ) : null}
        {a?.decision === 'already_in_place' && a.evidence ? (
          <>
            <dt>Evidence</dt>
            <dd className="summary">{a.evidence}</dd>
          </>
        ) : null}
        {applicable ? (
          <>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={cell.status ?? 'not_started'} />
              {a?.statusReason ? <span className="matrix-details__reason"> Reason: {a.statusReason}</span> : null}
            </dd>
            <dt>Due</dt>
            <dd>{DUE_WORDS[cell.due]}</dd>
            <dt>Local target date</dt>
            <dd>{cell.targetDate ? formatUkDate(cell.targetDate) : 'Not set'}</dd>
          </>
        ) : null}
        {a && applicable ? (
          <>
            <dt>Local lead</dt>
            <dd>{a.localLeadAgency ?? 'Not set'}</dd>
            <dt>Officer</dt>
            <dd>{a.officerName ?? 'Not named'}</dd>
          </>
        ) : null}
        {a?.decidedDate ? (
          <>
            <dt>Decided</dt>
            <dd>{formatUkDate(a.decidedDate)}</dd>
          </>
        ) : null}
        {history && (applicable || latest) ? (
          <>
            <dt>Latest update</dt>
            <dd>
              {latest ? (
                <>
                  As at {formatUkDate(latest.asAtDate)}, by {latest.author}: <span className="summary">{latest.note}</span>
                </>
              ) : (
                'No progress updates yet'
              )}
            </dd>
            {history.updates.length > 1 ? (
              <>
                <dt>Updates</dt>
                <dd>{history.updates.length} in all</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {cell.applicabilityId && !history && !problem ? <p aria-live="polite">Loading the lead, officer and latest update…</p> : null}
      {problem ? <p className="hint">The lead, officer and latest update could not be shown: {problem}</p> : null}
    </>
  );
}
