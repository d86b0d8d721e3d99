import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatLongDate, formatUkDate } from '../../../../shared/domain/dates.ts';
import { STATUSES, STATUS_DEFAULTS, type Status } from '../../../../shared/domain/vocabulary.ts';
import type { MyDistrict, MyDistrictItem } from '../../../../shared/ipc/progress-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { renderParts, SpacerItem, useWindowing } from '../../components/windowing.tsx';
import { DecisionForm, NEW_DECISION } from '../progress/DecisionForm.tsx';
import { ProgressUpdateForm } from '../progress/ProgressUpdateForm.tsx';
import { plural } from '../../../../shared/domain/plural.ts';
import { StatusWithDue } from '../../components/StatusWithDue.tsx';
import '../progress/progress.css';

interface Group {
  key: string;
  title: string;
  items: MyDistrictItem[];
}

/** Overdue first, then the rest grouped by status. */
function groups(items: readonly MyDistrictItem[]): Group[] {
  const overdue = items.filter((i) => i.applicability.due === 'overdue');
  const rest = items.filter((i) => i.applicability.due !== 'overdue');
  const byStatus = STATUSES.map((s) => ({ key: s, title: STATUS_DEFAULTS[s].label, items: rest.filter((i) => (i.applicability.status ?? 'not_started') === s) }));
  return [{ key: 'overdue', title: 'Overdue', items: overdue }, ...byStatus].filter((g) => g.items.length);
}

/** A CSP officer's view: every recommendation applicable in their district, from any review. */
export function MyDistrictScreen() {
  const { lists } = usePartnership();
  const [data, setData] = useState<MyDistrict | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [choice, setChoice] = useState('');
  const [updating, setUpdating] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => call('myDistrict.get', {}).then(setData, (e) => setError(errorMessage(e))), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function choose() {
    if (!choice) return setError('Choose your district from the list.');
    try {
      setData(await call('myDistrict.choose', { districtId: choice }));
      setChoosing(false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const grouped = useMemo(() => (data ? groups(data.items) : []), [data]);

  if (!data) return error ? <Alert>{error}</Alert> : <p aria-live="polite">Loading…</p>;
  const picker = (
    <section className="panel" aria-labelledby="choose-heading">
      <h2 id="choose-heading">Choose your district</h2>
      <p>Choose the Community Safety Partnership you work for. You will then see every recommendation that applies there, whichever review made it.</p>
      <SelectField label="Your district" id="my-district-choice" placeholder="Choose a district" value={choice} onChange={(e) => setChoice(e.target.value)} options={lists.districts.filter((d) => !d.retired).map((d) => ({ value: d.id, label: d.name }))} />
      <div className="actions">
        <button type="button" className="button" onClick={() => void choose()}>
          Save my district
        </button>
        {data.districtId ? (
          <button type="button" className="button button--secondary" onClick={() => setChoosing(false)}>
            Cancel
          </button>
        ) : null}
      </div>
    </section>
  );

  return (
    <>
      <h1>My district{data.districtName ? `: ${data.districtName}` : ''}</h1>
      {error ? <Alert>{error}</Alert> : null}
      {!data.districtId || choosing ? (
        picker
      ) : (
        <>
          <p className="lead">
            {plural(data.items.length, 'recommendation applies', 'recommendations apply')} in {data.districtName}, as at {formatLongDate(data.asAt)}.{' '}
            {data.toDecide.length ? <a href="#group-to-decide">{plural(data.toDecide.length, 'more is', 'more are')} still to be decided</a> : 'None is waiting for a decision'}.{' '}
            <button type="button" className="button--link" onClick={() => (setChoice(data.districtId ?? ''), setChoosing(true))}>
              Change district
            </button>
          </p>
          {notice ? <Alert kind="success">{notice}</Alert> : null}
          <nav aria-label="Groups" className="group-links">
            <ul>
              {data.toDecide.length ? (
                <li>
                  <a href="#group-to-decide">Still to decide ({data.toDecide.length})</a>
                </li>
              ) : null}
              {grouped.map((g) => (
                <li key={g.key}>
                  <a href={`#group-${g.key}`}>
                    {g.title} ({g.items.length})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {grouped.map((g) => (
            <section key={g.key} className="my-group" aria-labelledby={`group-${g.key}`}>
              <h2 id={`group-${g.key}`} tabIndex={-1}>
                {g.title} ({g.items.length})
              </h2>
              <GroupItems
                items={g.items}
                keepId={updating}
                renderItem={({ recommendation: r, applicability: a }, position) => (
                  <li key={a.id} data-window-index={position.index} aria-setsize={position.setSize} aria-posinset={position.posInSet} className={`my-item${a.due === 'overdue' ? ' my-item--overdue' : ''}`} aria-labelledby={`item-${a.id}`}>
                    <h3 id={`item-${a.id}`}>
                      {r.reviewReference}, recommendation {r.number}
                    </h3>
                    <p className="summary">{r.text}</p>
                    <p>
                      <StatusWithDue status={a.status as Status | null} due={a.due} /> · Target{' '}
                      {a.targetDate ? formatUkDate(a.targetDate) : 'not set'} · Lead {a.localLeadAgency ?? 'not named'}
                      {a.officerName ? `, ${a.officerName}` : ''}
                    </p>
                    <p className="hint">Latest update: {a.latestUpdate ? `${formatUkDate(a.latestUpdate.asAtDate)}, ${a.latestUpdate.author}: ${a.latestUpdate.note}` : 'none yet'}</p>
                    {updating === a.id ? (
                      <ProgressUpdateForm
                        target={{ applicabilityId: a.id }}
                        currentStatus={a.status}
                        idPrefix={`my-${a.id}`}
                        onSaved={() => {
                          setUpdating(null);
                          setNotice(`Update saved for ${r.reviewReference}, recommendation ${r.number}.`);
                          void load();
                        }}
                        onCancel={() => setUpdating(null)}
                      />
                    ) : (
                      <button type="button" className="button button--small" onClick={() => (setUpdating(a.id), setNotice(null))}>
                        Add update<span className="visually-hidden"> for {r.reviewReference}, recommendation {r.number}</span>
                      </button>
                    )}
                  </li>
                )}
              />
            </section>
          ))}
          {data.toDecide.length ? (
            <section className="my-group" aria-labelledby="group-to-decide">
              <h2 id="group-to-decide" tabIndex={-1}>
                Still to decide ({data.toDecide.length})
              </h2>
              <p className="hint">Decide whether each applies in {data.districtName}. An applicable one needs a local lead, a named officer and a target date.</p>
              <GroupItems
                items={data.toDecide}
                keepId={deciding}
                renderItem={({ recommendation: r, applicability: a }, position) => (
                  <li key={a.id} data-window-index={position.index} aria-setsize={position.setSize} aria-posinset={position.posInSet} className="my-item" aria-labelledby={`decide-${a.id}`}>
                    <h3 id={`decide-${a.id}`}>
                      {r.reviewReference}, recommendation {r.number}
                    </h3>
                    <p className="summary">{r.text}</p>
                    {deciding === a.id ? (
                      <DecisionForm
                        items={[{ recommendationId: r.id, districtId: a.districtId }]}
                        initial={NEW_DECISION}
                        dateOfDeath={null}
                        idPrefix={`decide-${a.id}`}
                        submitLabel="Save decision"
                        onSaved={() => {
                          setDeciding(null);
                          setNotice(`Decision saved for ${r.reviewReference}, recommendation ${r.number}.`);
                          void load();
                        }}
                        onCancel={() => setDeciding(null)}
                      />
                    ) : (
                      <button type="button" className="button button--small" onClick={() => (setDeciding(a.id), setNotice(null))}>
                        Decide<span className="visually-hidden"> for {r.reviewReference}, recommendation {r.number}</span>
                      </button>
                    )}
                  </li>
                )}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

/** Where an item is in its group's list: its index, and its place for assistive technology when the list is windowed. */
interface ItemPosition {
  index: number;
  setSize: number | undefined;
  posInSet: number | undefined;
}

/**
 * A group's items. A long group is windowed against the page's scrolling:
 * only the items near the view are in the page. The item with an update
 * form open is always rendered.
 */
function GroupItems({ items, keepId, renderItem }: { items: MyDistrictItem[]; keepId: string | null; renderItem: (item: MyDistrictItem, position: ItemPosition) => ReactNode }) {
  const keep = keepId ? items.findIndex((i) => i.applicability.id === keepId) : -1;
  const list = useWindowing({ count: items.length, estimate: 190, keep: keep >= 0 ? keep : null });
  return (
    <ul className="my-list" ref={list.anchor}>
      {renderParts(
        list.parts,
        (index) =>
          renderItem(items[index]!, { index, setSize: list.windowed ? items.length : undefined, posInSet: list.windowed ? index + 1 : undefined }),
        (key, height) => <SpacerItem key={key} height={height} />,
      )}
    </ul>
  );
}
