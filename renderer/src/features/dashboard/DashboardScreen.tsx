import { useEffect, useState } from 'react';
import { formatLongDate, formatUkDate } from '../../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS } from '../../../../shared/domain/implementation-status.ts';
import { STATUSES } from '../../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { StackedBarChart } from '../../components/charts/StackedBarChart.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { call, errorMessage } from '../../app/api-client.ts';
import { useStatusKey } from '../../app/status-colours.tsx';
import { LoadDemoPanel } from '../demo/LoadDemoPanel.tsx';
import './dashboard.css';

const TOTALS: Array<[keyof DashboardSummary['totals'], string]> = [
  ['reviews', 'Reviews'],
  ['recommendations', 'Recommendations'],
  ['actions', 'Actions'],
  ['applicabilityDecisions', 'District decisions'],
  ['progressUpdates', 'Progress updates'],
];

const n = (value: number) => value.toLocaleString('en-GB');

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
  const applicable = summary.districts.reduce((sum, d) => sum + d.applicable, 0);
  const underConsideration = summary.districts.reduce((sum, d) => sum + d.underConsideration, 0);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">
        {summary.partnershipName || 'Your partnership'}, as at {formatLongDate(summary.asAt)}.
      </p>
      <ul className="totals" aria-label="Totals">
        {TOTALS.map(([key, name]) => (
          <li key={key} className="totals__item">
            <span className="totals__number">{n(summary.totals[key])}</span>
            <span className="totals__label">{key === 'reviews' ? `${label} reviews` : name}</span>
          </li>
        ))}
      </ul>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">Implementation deadlines</h2>
        <p className="hint">Recommendations applicable in a district, counted once for each district, against that district’s local target date.</p>
        <ul className="totals" aria-label="Implementation deadlines">
          <li className={`totals__item${summary.overdueCount ? ' totals__item--warning' : ''}`}>
            <span className="totals__number">{n(summary.overdueCount)}</span>
            <span className="totals__label">Overdue</span>
          </li>
          <li className="totals__item">
            <span className="totals__number">{n(summary.dueSoonCount)}</span>
            <span className="totals__label">Due within {DUE_SOON_DAYS} days</span>
          </li>
          <li className="totals__item">
            <span className="totals__number">{n(applicable)}</span>
            <span className="totals__label">Applicable in districts</span>
          </li>
          <li className="totals__item">
            <span className="totals__number">{n(underConsideration)}</span>
            <span className="totals__label">Still under consideration</span>
          </li>
        </ul>
      </section>

      <ByDistrict summary={summary} />
      <ByStage summary={summary} />

      <section aria-labelledby="overdue">
        <h2 id="overdue">Overdue ({n(summary.overdueCount)})</h2>
        {summary.overdueCount === 0 ? (
          <p>Nothing is overdue.</p>
        ) : (
          <>
            {summary.overdue.length < summary.overdueCount ? (
              <p className="hint">
                The {n(summary.overdue.length)} longest overdue are listed. The Countywide screen can show them all: choose “Overdue only”.
              </p>
            ) : null}
            <ScrollRegion label="Overdue recommendations table">
              <table>
                <caption className="visually-hidden">Recommendations past their local target date, longest overdue first</caption>
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
          </>
        )}
      </section>
    </>
  );
}

/** Applicable recommendations by status in each district: a stacked bar chart, and the table it is drawn from. */
function ByDistrict({ summary }: { summary: DashboardSummary }) {
  const key = useStatusKey();
  const series = STATUSES.map((s) => ({ key: s, label: key[s].label, colourName: key[s].colourName, colour: key[s].colour }));
  return (
    <section aria-labelledby="by-district">
      <h2 id="by-district">Implementation by district</h2>
      <p className="hint">Recommendations applicable in each district, by their latest status.</p>
      {summary.districts.length ? (
        <StackedBarChart
          title="Applicable recommendations by status in each district"
          series={series}
          bars={summary.districts.map((d) => ({ label: d.name, values: d.counts }))}
          unit={['recommendation', 'recommendations']}
          figuresNote="The same figures are in the table below."
        />
      ) : null}
      <ScrollRegion label="Implementation by district table">
        <table>
          <caption className="visually-hidden">Applicable recommendations in each district by status</caption>
          <thead>
            <tr>
              <th scope="col">District</th>
              {STATUSES.map((s) => (
                <th scope="col" key={s}>
                  <StatusBadge status={s} withColourName />
                </th>
              ))}
              <th scope="col">Applicable</th>
              <th scope="col">Overdue</th>
              <th scope="col">Due within {DUE_SOON_DAYS} days</th>
              <th scope="col">Under consideration</th>
            </tr>
          </thead>
          <tbody>
            {summary.districts.map((d) => (
              <tr key={d.districtId}>
                <th scope="row">{d.name}</th>
                {STATUSES.map((s) => (
                  <td key={s} className="num">
                    {n(d.counts[s])}
                  </td>
                ))}
                <td className="num">{n(d.applicable)}</td>
                <td className="num">{n(d.overdue)}</td>
                <td className="num">{n(d.dueSoon)}</td>
                <td className="num">{n(d.underConsideration)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** How many reviews are at each stage: a bar chart, and the table it is drawn from. */
function ByStage({ summary }: { summary: DashboardSummary }) {
  const total = summary.reviewsByStage.reduce((sum, s) => sum + s.count, 0);
  return (
    <section aria-labelledby="by-stage">
      <h2 id="by-stage">Reviews by stage</h2>
      <p className="hint">Where each {summary.reviewLabel} review is now, from the decision to hold it to closing its action plan.</p>
      <div className="dashboard-pair">
        <BarChart
          title={`${summary.reviewLabel} reviews by stage`}
          bars={summary.reviewsByStage.map((s) => ({ label: s.label, value: s.count }))}
          unit={['review', 'reviews']}
          figuresNote="The same figures are in the table of reviews by stage."
          width={560}
        />
        <ScrollRegion label="Reviews by stage table">
          <table className="dashboard-stages">
            <caption className="visually-hidden">{summary.reviewLabel} reviews at each stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Reviews
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.reviewsByStage.map((s) => (
                <tr key={s.stage}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{n(s.count)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All reviews</th>
                <td className="num">{n(total)}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </div>
    </section>
  );
}
