import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { IMPORT_FIELDS, IMPORT_FIELD_WORDS, type ImportField } from '../../../../shared/domain/action-plan-import.ts';
import { SCOPE_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { actionPlanPreview, columnMapping } from '../../../../shared/ipc/exchange-contract-entries.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { fileName, ukDate } from './use-task-progress.ts';

// Import an action plan kept in Word, Excel or CSV into one review: choose
// the review and the file, check (for a spreadsheet, choose) which column
// holds what, see every row understood and every row not understood with
// its reason, decide about lead agencies not yet in the list, then import.

type Preview = z.output<typeof actionPlanPreview>;
type Mapping = z.output<typeof columnMapping>;

const KIND_WORDS = { docx: 'Word document', xlsx: 'Excel workbook', csv: 'CSV file' } as const;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function MappingTable({ preview, mapping, onChange }: { preview: Preview; mapping: Mapping; onChange: (field: ImportField, column: number | undefined) => void }) {
  const id = useId();
  return (
    <ScrollRegion label="Which column holds what">
      <table className="exchange__mapping">
        <caption>Which column holds what{preview.sheet ? ` (sheet “${preview.sheet}”)` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">In DHR Tracker</th>
            <th scope="col">Column in the file</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">
                <label htmlFor={`${id}-${field}`}>{IMPORT_FIELD_WORDS[field]}</label>
              </th>
              <td>
                <select id={`${id}-${field}`} value={mapping[field] === undefined ? '' : String(mapping[field])} onChange={(e) => onChange(field, e.target.value === '' ? undefined : Number(e.target.value))}>
                  <option value="">Not in the file</option>
                  {preview.columns.map((c) => (
                    <option key={c.index} value={c.index}>
                      {columnLetter(c.index)}: {c.header}
                      {c.sample ? ` (for example “${c.sample.slice(0, 40)}”)` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function UnderstoodTable({ preview }: { preview: Preview }) {
  return (
    <ScrollRegion label="Rows understood">
      <table className="exchange__rows">
        <caption>
          Rows understood: {preview.understood.length + preview.moreUnderstood}
          {preview.moreUnderstood ? ` (the first ${preview.understood.length} are shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Action</th>
            <th scope="col">Lead agency</th>
            <th scope="col">Target date</th>
            <th scope="col">Completed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {preview.understood.map((row, i) => (
            <tr key={i}>
              <td>{row.location}</td>
              <td className="clamp">
                {row.recommendationNumber ? `${row.recommendationNumber}. ` : ''}
                {row.recommendation}
              </td>
              <td className="clamp">
                {row.action ?? 'No action'}
                {row.notes.map((n) => (
                  <p key={n} className="hint exchange__note">
                    {n}
                  </p>
                ))}
              </td>
              <td>{row.leadAgency ?? 'None given'}</td>
              <td>{row.targetDate ? ukDate(row.targetDate) : 'None given'}</td>
              <td>{row.completionDate ? ukDate(row.completionDate) : 'Not yet'}</td>
              <td>{row.status ? <StatusBadge status={row.status} /> : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function NotUnderstoodTable({ preview }: { preview: Preview }) {
  if (!preview.notUnderstood.length) return <p>Every row with anything in it was understood.</p>;
  return (
    <ScrollRegion label="Rows not understood">
      <table className="exchange__rows">
        <caption>
          Rows not understood, and why: {preview.notUnderstood.length + preview.moreNotUnderstood}
          {preview.moreNotUnderstood ? ` (the first ${preview.notUnderstood.length} are shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Why</th>
            <th scope="col">What the row says</th>
          </tr>
        </thead>
        <tbody>
          {preview.notUnderstood.map((row, i) => (
            <tr key={i}>
              <td>{row.location}</td>
              <td className="clamp">{row.reason}</td>
              <td className="clamp">{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ActionPlanPanel() {
  const { lists, reload } = usePartnership();
  const headingId = useId();
  const [reviews, setReviews] = useState<Array<{ id: string; reference: string; victimPseudonym: string; recommendations: number }>>([]);
  const [reviewId, setReviewId] = useState('');
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'open' | 'preview' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [done, setDone] = useState<{ reviewReference: string; recommendations: number; actions: number; agenciesCreated: number } | null>(null);
  const agencies = lists.agencies.filter((a) => !a.retired);

  // The reviews to choose from, read again after an import so their counts stay true.
  const [reviewsVersion, setReviewsVersion] = useState(0);
  useEffect(() => {
    let live = true;
    call('reviews.list', {})
      .then((list) => {
        if (live) setReviews(list.rows);
      })
      .catch((e: unknown) => {
        if (live) setError(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [reviewsVersion]);

  function show(next: Preview) {
    setPreview(next);
    setMapping(next.mapping);
  }

  /** One step of the import (open, preview again, apply): the panel busy meanwhile, and any failure said in words. */
  async function run(kind: NonNullable<typeof busy>, work: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function open() {
    setError(null);
    setDone(null);
    setCancelled(false);
    if (!reviewId) {
      setReviewError('Choose the review the action plan belongs to.');
      return;
    }
    setReviewError(null);
    setPreview(null);
    setChoices({});
    await run('open', async () => {
      const result = await call('exchange.openActionPlan', { reviewId });
      if (!result) setCancelled(true);
      else show(result);
    });
  }

  async function previewAgain() {
    if (!preview) return;
    await run('preview', async () => show(await call('exchange.previewActionPlan', { token: preview.token, reviewId: preview.reviewId, mapping, agencyChoices: {} })));
  }

  async function apply() {
    if (!preview) return;
    await run('apply', async () => {
      const agencyChoices = Object.fromEntries(Object.entries(choices).filter(([, v]) => v));
      const result = await call('exchange.applyActionPlan', { token: preview.token, reviewId: preview.reviewId, mapping: preview.kind === 'docx' ? undefined : mapping, agencyChoices });
      setDone(result);
      setPreview(null);
      setReviewsVersion((v) => v + 1);
      await reload();
    });
  }

  const unknown = preview?.agencies.filter((a) => !a.matchedId) ?? [];
  const recs = preview?.recommendations.length ?? 0;
  const mappingChanged = preview ? JSON.stringify(mapping) !== JSON.stringify(preview.mapping) : false;
  return (
    <section className="panel exchange__panel exchange__panel--wide" aria-labelledby={headingId}>
      <h2 id={headingId}>Import action plan</h2>
      <p>
        Bring in an action plan kept outside DHR Tracker: a Word document with tables in the Home Office template, an Excel workbook (.xlsx) or a CSV
        file. Dates written the UK way are understood (31/03/2018, 31 March 2018, March 2019, Q2 2019/20), and so are status words and RAG ratings
        (Complete, Ongoing, RAG: Green). You see every row before anything is written.
      </p>
      <SelectField
        label="Review"
        id="plan-review"
        value={reviewId}
        onChange={(e) => setReviewId(e.target.value)}
        placeholder="Choose the review"
        options={reviews.map((r) => ({ value: r.id, label: `${r.reference} (${r.victimPseudonym}), ${r.recommendations} ${r.recommendations === 1 ? 'recommendation' : 'recommendations'} so far` }))}
        error={reviewError}
      />
      <button type="button" className="button" onClick={() => void open()} disabled={busy !== null} aria-busy={busy === 'open'}>
        {busy === 'open' ? 'Reading…' : 'Import action plan'}
      </button>
      {cancelled ? <Alert kind="info">No file was chosen, so nothing was imported.</Alert> : null}
      {error ? <Alert title="The action plan was not imported">{error}</Alert> : null}
      {done ? (
        <Alert kind="success" title="Action plan imported">
          <p>
            {done.recommendations} {done.recommendations === 1 ? 'recommendation' : 'recommendations'} with {done.actions} {done.actions === 1 ? 'action' : 'actions'} added to{' '}
            {done.reviewReference}
            {done.agenciesCreated ? `, and ${done.agenciesCreated} ${done.agenciesCreated === 1 ? 'agency' : 'agencies'} added to the partnership's list` : ''}.
          </p>
        </Alert>
      ) : null}
      {preview ? (
        <div className="exchange__preview">
          <h3>
            Preview of {fileName(preview.file)} ({KIND_WORDS[preview.kind]}) for {preview.reviewReference}
          </h3>
          {preview.kind !== 'docx' ? (
            <>
              <p>The columns were guessed from the header row. If a guess is wrong, choose the right column and preview again.</p>
              <MappingTable preview={preview} mapping={mapping} onChange={(field, column) => setMapping((m) => { const next = { ...m }; if (column === undefined) delete next[field]; else next[field] = column; return next; })} />
              <button type="button" className="button button--secondary" onClick={() => void previewAgain()} disabled={busy !== null || !mappingChanged} aria-busy={busy === 'preview'}>
                Preview again with these columns
              </button>
            </>
          ) : (
            <p>
              Read {preview.tables.length} {preview.tables.length === 1 ? 'table' : 'tables'}: {preview.tables.map((t) => `${t.label} (${t.rows} rows)`).join(', ') || 'none with a header row'}.
            </p>
          )}
          <UnderstoodTable preview={preview} />
          <NotUnderstoodTable preview={preview} />
          {unknown.length ? (
            <ScrollRegion label="Lead agencies not in the list">
              <table className="exchange__agencies">
                <caption>Lead agencies not in the partnership's list</caption>
                <thead>
                  <tr>
                    <th scope="col">As written in the file</th>
                    <th scope="col">What to do</th>
                  </tr>
                </thead>
                <tbody>
                  {unknown.map((a, i) => (
                    <tr key={a.name}>
                      <th scope="row">
                        <label htmlFor={`${headingId}-agency-${i}`}>{a.name}</label>
                      </th>
                      <td>
                        <select id={`${headingId}-agency-${i}`} value={choices[a.name] ?? 'new'} onChange={(e) => setChoices((c) => ({ ...c, [a.name]: e.target.value }))}>
                          <option value="new">Add it to the list as a new agency</option>
                          {agencies.map((g) => (
                            <option key={g.id} value={g.id}>
                              The same as {g.name}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
          {recs ? (
            <>
              <p>
                {recs} {recs === 1 ? 'recommendation' : 'recommendations'} with {preview.actions} {preview.actions === 1 ? 'action' : 'actions'} will be added to {preview.reviewReference}, after its
                existing recommendations{preview.alreadyInReview ? ` (${preview.alreadyInReview} already in the review are left out)` : ''}. Every district starts considering {recs === 1 ? 'it' : 'them'}, as
                for a recommendation written here.
              </p>
              <ul className="exchange__notes">
                {preview.recommendations.map((r, i) => (
                  <li key={i}>
                    {r.number ? `${r.number}. ` : ''}
                    {r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text} ({SCOPE_WORDS[r.scope]}, {r.actions} {r.actions === 1 ? 'action' : 'actions'})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Alert kind="info">Nothing in this file can be imported: no row was understood as a new recommendation. See the rows not understood above{preview.kind !== 'docx' ? ', or choose other columns' : ''}.</Alert>
          )}
          <div className="exchange__actions">
            {recs ? (
              <button type="button" className="button" onClick={() => void apply()} disabled={busy !== null || mappingChanged} aria-busy={busy === 'apply'}>
                {busy === 'apply' ? 'Importing…' : `Import ${recs} ${recs === 1 ? 'recommendation' : 'recommendations'} into ${preview.reviewReference}`}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => setPreview(null)} disabled={busy !== null}>
              Cancel
            </button>
          </div>
          {mappingChanged ? <p className="hint">You changed the columns: preview again before importing.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
