import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import { REVIEW_STAGES, STAGE_WORDS } from '../../../../shared/domain/review-clock.ts';
import type { ReviewListQuery, ReviewRow } from '../../../../shared/ipc/review-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { renderParts, SpacerRow, useWindowing } from '../../components/windowing.tsx';
import { ClockWarnings, StageBadge } from './StageBadge.tsx';

type Sort = NonNullable<ReviewListQuery['sort']>;
const COLUMNS: Array<[Sort | null, string]> = [
  ['reference', 'Reference'],
  [null, "Victim's pseudonym"],
  ['district', 'District'],
  ['stage', 'Stage'],
  ['daysInStage', 'Days in stage'],
  [null, 'Warnings'],
  ['notificationDate', 'Notified'],
];

export function ReviewList({ query, onQuery, onOpen, onNew }: { query: ReviewListQuery; onQuery: (q: ReviewListQuery) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { lists, settings } = usePartnership();
  const [result, setResult] = useState<{ rows: ReviewRow[]; total: number; years: number[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('reviews.list', query).then(setResult, (e) => setError(errorMessage(e)));
  }, [query]);

  // A long register is windowed: only the rows near the view are in the page.
  const rows = useWindowing({ count: result?.rows.length ?? 0, estimate: 49 });
  const set = (patch: Partial<ReviewListQuery>) => onQuery({ ...query, ...patch });
  const sortBy = (sort: Sort) => set({ sort, direction: query.sort === sort && query.direction !== 'desc' ? 'desc' : 'asc' });
  const activeSort = query.sort ?? 'reference';

  return (
    <>
      <div className="page-heading">
        <h1>Reviews</h1>
        <button type="button" className="button" onClick={onNew}>
          New review
        </button>
      </div>
      <p className="lead">Every {settings.reviewLabel} review the partnership holds, with its stage worked out from its dates.</p>

      <form className="filters" role="search" aria-label="Filter reviews" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search reviews" hint="Reference, pseudonym, district or chair" type="search" value={query.search ?? ''} onChange={(e) => set({ search: e.target.value || undefined })} />
        <SelectField label="District" placeholder="All districts" value={query.districtId ?? ''} onChange={(e) => set({ districtId: e.target.value || undefined })} options={lists.districts.map((d) => ({ value: d.id, label: d.name }))} />
        <SelectField label="Stage" placeholder="All stages" value={query.stage ?? ''} onChange={(e) => set({ stage: (e.target.value || undefined) as ReviewListQuery['stage'] })} options={REVIEW_STAGES.map((s) => ({ value: s, label: STAGE_WORDS[s] }))} />
        <SelectField label="Year notified" placeholder="All years" value={query.year ? String(query.year) : ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })} options={(result?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField label="Theme" placeholder="All themes" value={query.themeId ?? ''} onChange={(e) => set({ themeId: e.target.value || undefined })} options={lists.themes.filter((t) => !t.retired).map((t) => ({ value: t.id, label: t.name }))} />
        <div className="field filters__check">
          <label className="checkbox">
            <input type="checkbox" checked={Boolean(query.overdueOnly)} onChange={(e) => set({ overdueOnly: e.target.checked || undefined })} /> Overdue only
          </label>
        </div>
      </form>

      {error ? <Alert title="The reviews could not be listed">{error}</Alert> : null}
      {result ? (
        <>
          <p role="status" className="result-count">
            Showing {result.rows.length} of {result.total} reviews
          </p>
          <ScrollRegion label="Reviews table">
            <table className="reviews-table" aria-rowcount={rows.windowed ? result.rows.length + 1 : undefined}>
              <thead>
                <tr>
                  {COLUMNS.map(([sort, label]) => (
                    <th key={label} scope="col" aria-sort={sort && activeSort === sort ? (query.direction === 'desc' ? 'descending' : 'ascending') : undefined}>
                      {sort ? (
                        <button type="button" className="sort-button" onClick={() => sortBy(sort)}>
                          {label}
                          <span aria-hidden="true">{activeSort === sort ? (query.direction === 'desc' ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody ref={rows.anchor}>
                {renderParts(
                  rows.parts,
                  (i) => {
                    const r = result.rows[i]!;
                    return (
                      <tr key={r.id} data-window-index={i} aria-rowindex={rows.windowed ? i + 2 : undefined}>
                        <th scope="row">
                          <button type="button" className="button--link" onClick={() => onOpen(r.id)}>
                            {r.reference}
                          </button>
                        </th>
                        <td>{r.victimPseudonym}</td>
                        <td>{r.districtName}</td>
                        <td>
                          <StageBadge clock={{ ...r.clock, daysInStage: null }} />
                        </td>
                        <td className="num">{r.clock.daysInStage ?? '—'}</td>
                        <td>
                          <ClockWarnings clock={r.clock} compact />
                        </td>
                        <td>{r.notificationDate ? formatUkDate(r.notificationDate) : '—'}</td>
                      </tr>
                    );
                  },
                  (key, height) => <SpacerRow key={key} height={height} columns={COLUMNS.length} />,
                )}
              </tbody>
            </table>
          </ScrollRegion>
          {result.rows.length === 0 ? <p>No reviews match these filters.</p> : null}
        </>
      ) : (
        <p aria-live="polite">Loading reviews…</p>
      )}
    </>
  );
}
