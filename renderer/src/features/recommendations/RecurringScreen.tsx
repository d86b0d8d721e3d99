import { useEffect, useState } from 'react';
import type { RecurringGroup } from '../../../../shared/ipc/recommendation-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { renderParts, SpacerItem, useWindowing } from '../../components/windowing.tsx';
import './recommendations.css';

const years = (g: RecurringGroup) => (g.firstYear === null ? '' : g.firstYear === g.lastYear ? ` in ${g.firstYear}` : ` between ${g.firstYear} and ${g.lastYear}`);

/**
 * Recommendations that keep coming back: similar ones made by different
 * reviews, grouped. A national store has over a thousand groups, so a long
 * list is windowed: only the groups near the view are in the page.
 */
export function RecurringScreen() {
  const { settings } = usePartnership();
  const [groups, setGroups] = useState<RecurringGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('recommendations.recurring', {}).then((r) => setGroups(r.groups), (e) => setError(errorMessage(e)));
  }, []);
  const list = useWindowing({ count: groups?.length ?? 0, estimate: 360 });

  return (
    <>
      <h1>Recurring recommendations</h1>
      <p className="lead">
        Recommendations from different {settings.reviewLabel} reviews that say much the same thing. The same learning made again and again is a sign that earlier
        recommendations were not implemented, or did not work.
      </p>
      {error ? <Alert title="The recurring recommendations could not be worked out">{error}</Alert> : null}
      {groups === null && !error ? <p aria-live="polite">Comparing recommendations…</p> : null}
      {groups?.length === 0 ? <p>No recommendation has been made by more than one review.</p> : null}
      {groups?.length ? (
        <ul className="recurring-list" ref={list.anchor} aria-label={`${groups.length} groups of recurring recommendations`}>
          {renderParts(
            list.parts,
            (i) => {
              const g = groups[i]!;
              return (
                <li
                  key={g.members[0]!.id}
                  data-window-index={i}
                  aria-setsize={list.windowed ? groups.length : undefined}
                  aria-posinset={list.windowed ? i + 1 : undefined}
                  className="recurring-group"
                  aria-labelledby={`group-${i}`}
                >
                  <h2 id={`group-${i}`}>
                    Made {g.members.length} times by {g.reviews} reviews{years(g)}
                  </h2>
                  <p className="hint">Districts: {g.districts.join(', ')}</p>
                  <ol className="similar">
                    {g.members.map((m) => (
                      <li key={m.id}>
                        <p className="similar__source">
                          {m.reviewReference}, recommendation {m.number} · {m.districtName}
                          {m.year ? ` · ${m.year}` : ''}
                        </p>
                        <p className="similar__text">{m.text}</p>
                        <p className="similar__status">Implementation: {m.implementation.label}</p>
                      </li>
                    ))}
                  </ol>
                </li>
              );
            },
            (key, height) => <SpacerItem key={key} height={height} />,
          )}
        </ul>
      ) : null}
    </>
  );
}
