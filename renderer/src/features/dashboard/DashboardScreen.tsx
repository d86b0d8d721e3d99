import { useEffect, useState } from 'react';
import { formatLongDate, formatUkDate } from '../../../../shared/domain/dates.ts';
import { STATUSES } from '../../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { call, errorMessage } from '../../app/api-client.ts';
import { LoadDemoPanel } from '../demo/LoadDemoPanel.tsx';

const TOTALS: Array<[keyof DashboardSummary['totals'], string]> = [
  ['reviews', 'Reviews'],
  ['recommendations', 'Recommendations'],
  ['actions', 'Actions'],
  ['applicabilityDecisions', 'District decisions'],
  ['progressUpdates', 'Progress updates'],
];

export function DashboardScreen({ empty, onChanged }: { empty: boolean; onChanged: () => void }) {
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (empty) return;
    call('dashboard.summary', {}).then(setSummary, (e) => setError(errorMessage(e)));
  }, [empty]);

  if (empty) return <LoadDemoPanel onLoaded={onChanged} />;
  if (error) return <Alert title="The dashboard could not be shown">{error}</Alert>;
  if (!summary) return <p aria-live="polite">Loading the dashboard…</p>;
  const label = summary.reviewLabel;
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">
        {summary.partnershipName || 'Your partnership'}, as at {formatLongDate(summary.asAt)}.
      </p>
      <ul className="totals" aria-label="Totals">
        {TOTALS.map(([key, name]) => (
          <li key={key} className="totals__item">
            <span className="totals__number">{summary.totals[key].toLocaleString('en-GB')}</span>
            <span className="totals__label">{key === 'reviews' ? `${label} reviews` : name}</span>
          </li>
        ))}
      </ul>

      <section aria-labelledby="by-district">
        <h2 id="by-district">Implementation by district</h2>
        <p className="hint">Recommendations applicable in each district, by their latest status.</p>
        <ScrollRegion label="Implementation by district table">
          <table>
            <caption className="visually-hidden">Applicable recommendations in each district by status</caption>
            <thead>
              <tr>
                <th scope="col">District</th>
                {STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    <StatusBadge status={s} />
                  </th>
                ))}
                <th scope="col">Overdue</th>
                <th scope="col">Under consideration</th>
              </tr>
            </thead>
            <tbody>
              {summary.districts.map((d) => (
                <tr key={d.districtId}>
                  <th scope="row">{d.name}</th>
                  {STATUSES.map((s) => (
                    <td key={s} className="num">
                      {d.counts[s]}
                    </td>
                  ))}
                  <td className="num">{d.overdue}</td>
                  <td className="num">{d.underConsideration}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="overdue">
        <h2 id="overdue">Overdue ({summary.overdue.length})</h2>
        {summary.overdue.length === 0 ? (
          <p>Nothing is overdue.</p>
        ) : (
          <ScrollRegion label="Overdue recommendations table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{label}</th>
                  <th scope="col">No.</th>
                  <th scope="col">Recommendation</th>
                  <th scope="col">District</th>
                  <th scope="col">Target date</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {summary.overdue.map((o) => (
                  <tr key={`${o.reviewReference}-${o.recommendationNumber}-${o.districtName}`}>
                    <td>{o.reviewReference}</td>
                    <td className="num">{o.recommendationNumber}</td>
                    <td className="clamp">{o.recommendationText}</td>
                    <td>{o.districtName}</td>
                    <td>{formatUkDate(o.targetDate)}</td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
