import { useEffect, useState } from 'react';
import type { RecurringGroup } from '../../../../shared/ipc/recommendation-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import './recommendations.css';

const years = (g: RecurringGroup) => (g.firstYear === null ? '' : g.firstYear === g.lastYear ? ` in ${g.firstYear}` : ` between ${g.firstYear} and ${g.lastYear}`);

/** Recommendations that keep coming back: similar ones made by different reviews, grouped. */
export function RecurringScreen() {
  const { settings } = usePartnership();
  const [groups, setGroups] = useState<RecurringGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('recommendations.recurring', {}).then((r) => setGroups(r.groups), (e) => setError(errorMessage(e)));
  }, []);

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
      {groups?.map((g, i) => (
        <section key={g.members[0]!.id} className="recurring-group" aria-labelledby={`group-${i}`}>
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
        </section>
      ))}
    </>
  );
}
