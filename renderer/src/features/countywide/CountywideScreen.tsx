import { useEffect, useMemo, useState } from 'react';
import { DUE_SOON_DAYS } from '../../../../shared/domain/implementation-status.ts';
import { STATUSES, THEME_CATEGORIES, THEME_CATEGORY_WORDS, type Status } from '../../../../shared/domain/vocabulary.ts';
import type { MatrixQuery } from '../../../../shared/ipc/progress-schemas.ts';
import type { ReviewRow } from '../../../../shared/ipc/review-schemas.ts';
import { call } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { useStatusKey } from '../../app/status-colours.tsx';
import { Alert } from '../../components/Alert.tsx';
import { FieldShell } from '../../components/FieldShell.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { clampPosition, type GridPosition } from './grid-navigation.ts';
import { MatrixDetails } from './MatrixDetails.tsx';
import { MatrixGrid } from './MatrixGrid.tsx';
import { indexOfRecommendation, rowAt } from './matrix-pages.ts';
import { cellWords, rowReference, type MatrixRow } from './matrix-words.ts';
import { useMatrixPages } from './use-matrix-pages.ts';
import './countywide.css';

interface Filters {
  reviewId: string;
  themeId: string;
  status: '' | Status;
  overdueOnly: boolean;
}
const NO_FILTERS: Filters = { reviewId: '', themeId: '', status: '', overdueOnly: false };

function queryOf(f: Filters): MatrixQuery {
  return {
    ...(f.reviewId ? { reviewId: f.reviewId } : {}),
    ...(f.themeId ? { themeId: f.themeId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdueOnly ? { overdueOnly: true } : {}),
  };
}

/**
 * Which cell's details are showing, by ids, so it survives the matrix being
 * read again; with the row as it was when opened, for while its page is not
 * held (scrolled far away, or new filters not yet read that far).
 */
interface Shown {
  recommendationId: string;
  /** null: the row header, the recommendation across all districts */
  districtId: string | null;
  row: MatrixRow;
}

/**
 * The countywide view: every recommendation against every district, each
 * cell the district's decision or its status in words and colour, with
 * overdue and due-soon flagged in words. Filters by review, theme, status
 * and overdue; a keyboard-operable grid; details of any cell below it.
 */
export function CountywideScreen() {
  const { settings, lists } = usePartnership();
  const key = useStatusKey();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = useMemo(() => queryOf(filters), [filters]);
  const { view, loading, error, want, retry } = useMatrixPages(query);
  const [reviews, setReviews] = useState<ReviewRow[]>([]);
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const [shown, setShown] = useState<Shown | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    call('reviews.list', {}).then(
      (r) => setReviews(r.rows),
      () => setReviews([]), // the review filter is then just "All reviews"; the matrix says what went wrong if anything did
    );
  }, []);

  // New filters start at the first row, where their first page is; a change in the matrix's size keeps the place.
  const generation = view?.generation;
  useEffect(() => {
    setActive((p) => ({ row: 0, col: p.col }));
  }, [generation]);
  const total = view?.total ?? 0;
  const cols = (view?.districts.length ?? 0) + 1;
  useEffect(() => {
    setActive((p) => clampPosition(p, total, cols));
  }, [total, cols]);

  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => setFilters((f) => ({ ...f, [name]: value }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const themeGroups = useMemo(
    () =>
      THEME_CATEGORIES.map((category) => ({ category, themes: lists.themes.filter((t) => t.category === category && (!t.retired || t.inUse > 0)) })).filter(
        (g) => g.themes.length,
      ),
    [lists.themes],
  );

  // The details panel follows the cell it was opened on, by ids: the row as now read if it is held, else as it was.
  const shownRowIndex = view && shown ? indexOfRecommendation(view, shown.recommendationId) : -1;
  const shownRow = view && shownRowIndex >= 0 ? rowAt(view, shownRowIndex)! : (shown?.row ?? null);
  const shownDistricts = view?.districts ?? [];
  const shownCol = shownRow && shown?.districtId ? shownDistricts.findIndex((d) => d.id === shown.districtId) + 1 : 0;
  const shownCell = shownRow && shownCol > 0 ? (shownRow.cells.find((c) => c.districtId === shown!.districtId) ?? null) : null;

  function show(p: GridPosition) {
    if (!view) return;
    setActive(p);
    const row = rowAt(view, p.row);
    if (!row) {
      setAnnouncement('That row is still loading. Try again in a moment.');
      return;
    }
    if (p.col === 0) {
      setShown({ recommendationId: row.recommendation.id, districtId: null, row });
      setAnnouncement(`Details shown below the matrix for ${rowReference(row)}.`);
      return;
    }
    const district = view.districts[p.col - 1]!;
    const cell = row.cells[p.col - 1]!;
    setShown({ recommendationId: row.recommendation.id, districtId: district.id, row });
    setAnnouncement(`Details shown below the matrix for ${rowReference(row)} in ${district.name}: ${cellWords(cell, key)}.`);
  }

  const count = total;
  return (
    <div className="countywide">
      <h1>Countywide</h1>
      <p className="lead">
        Every recommendation from every {settings.reviewLabel} review, and where it stands in each district: whether it applies there and, where it does, how
        implementation is going.
      </p>

      <section aria-labelledby="matrix-filters-heading" className="matrix-filters">
        <h2 id="matrix-filters-heading" className="visually-hidden">
          Filters
        </h2>
        <SelectField
          label="Review"
          value={filters.reviewId}
          onChange={(e) => set('reviewId', e.target.value)}
          placeholder="All reviews"
          options={reviews.filter((r) => r.recommendations > 0).map((r) => ({ value: r.id, label: `${r.reference} (${r.districtName})` }))}
        />
        <FieldShell label="Theme">
          {(control) => (
            <div className="field__row">
              <select {...control} value={filters.themeId} onChange={(e) => set('themeId', e.target.value)}>
                <option value="">All themes</option>
                {themeGroups.map((g) => (
                  <optgroup key={g.category} label={THEME_CATEGORY_WORDS[g.category]}>
                    {g.themes.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                        {t.retired ? ' (retired)' : ''}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          )}
        </FieldShell>
        <SelectField
          label="Status"
          hint="In any district where it applies"
          value={filters.status}
          onChange={(e) => set('status', e.target.value as Filters['status'])}
          placeholder="All statuses"
          options={STATUSES.map((s) => ({ value: s, label: key[s].label }))}
        />
        <label className="checkbox matrix-filters__check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => set('overdueOnly', e.target.checked)} />
          Overdue only
        </label>
        {filtered ? (
          <button type="button" className="button button--secondary matrix-filters__clear" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </section>

      <MatrixKey />

      <h2 id="matrix-heading">
        Recommendations by district
        <span className="visually-hidden">{view ? `, ${count} ${count === 1 ? 'recommendation' : 'recommendations'}` : ''}</span>
      </h2>
      <p role="status" className="hint">
        {loading && !view
          ? 'Loading the matrix…'
          : view
            ? `${count} ${count === 1 ? 'recommendation' : 'recommendations'} ${filtered ? 'match these filters' : 'in all'}, across ${view.districts.length} ${view.districts.length === 1 ? 'district' : 'districts'}.`
            : ''}
      </p>
      {error ? (
        <Alert title="The matrix could not be shown">
          <p>{error}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            Try again
          </button>
        </Alert>
      ) : null}
      {view && count > 0 ? (
        <>
          <p className="hint" id="matrix-keys">
            The matrix is one stop in the tab order. Use the arrow keys to move between cells, Home and End for the ends of a row, and Enter to show a cell’s
            details below it. Rows are read as you reach them: a row still being read says “Loading…”.
          </p>
          <MatrixGrid
            key={view.generation}
            view={view}
            onWant={want}
            active={active}
            onActive={setActive}
            onShow={show}
            shown={shownRowIndex >= 0 ? { row: shownRowIndex, col: shownCol } : null}
            busy={loading}
            labelledBy="matrix-heading"
          />
        </>
      ) : null}
      {view && count === 0 ? (
        <p>{filtered ? 'No recommendations match these filters. Choose other filters, or clear them.' : 'There are no recommendations yet.'}</p>
      ) : null}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {shownRow ? (
        <MatrixDetails
          districts={shownDistricts}
          row={shownRow}
          cell={shownCell}
          headingId="matrix-details-heading"
          onClose={() => {
            setShown(null);
            setAnnouncement('Details closed.');
          }}
        />
      ) : null}
    </div>
  );
}

/** What the colours and words in the matrix mean. */
function MatrixKey() {
  const key = useStatusKey();
  return (
    <section aria-labelledby="matrix-key-heading" className="matrix-key">
      <h2 id="matrix-key-heading">Key</h2>
      <p className="hint">Where a recommendation applies in a district, the cell gives its status, in words and in the partnership’s colour:</p>
      <ul className="matrix-key__list">
        {STATUSES.map((s) => (
          <li key={s}>
            <StatusBadge status={s} withColourName />: {key[s].meaning}
          </li>
        ))}
      </ul>
      <p className="hint">Otherwise it gives the district’s decision, in words:</p>
      <ul className="matrix-key__list">
        <li>
          <span className="matrix__decision matrix__decision--not_applicable">Not applicable</span>: the district decided it does not apply there, and recorded why
        </li>
        <li>
          <span className="matrix__decision matrix__decision--already_in_place">Already in place</span>: the district already does this, with evidence
        </li>
        <li>
          <span className="matrix__decision matrix__decision--under_consideration">Under consideration</span>: the district has not decided yet
        </li>
      </ul>
      <p className="hint">And flags an applicable recommendation that is due:</p>
      <ul className="matrix-key__list">
        <li>
          <span className="tag tag--warning">Overdue</span>: past the district’s local target date and not complete
        </li>
        <li>
          <span className="tag tag--info">Due soon</span>: the local target date is within {DUE_SOON_DAYS} days
        </li>
      </ul>
    </section>
  );
}
