import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import { hintKey, type SmartHint } from '../../../../shared/domain/smart-check.ts';
import type { Acknowledgements } from '../../../../shared/ipc/drafting-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';

/**
 * For a saved recommendation: acknowledge a SMART hint (keeping the wording
 * on purpose, with a note) or withdraw the acknowledgement.
 */
export function HintAcknowledgements({ recommendationId, hints }: { recommendationId: string; hints: readonly SmartHint[] }) {
  const [data, setData] = useState<Acknowledgements | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('drafting.acknowledgements', { recommendationId }).then(setData, (e) => setError(errorMessage(e)));
  }, [recommendationId]);
  if (!data || !hints.length) return error ? <p className="field__error">{error}</p> : null;
  const done = (p: Promise<Acknowledgements>) => p.then(setData, (e) => setError(errorMessage(e)));
  return (
    <div className="acknowledgements">
      <h3>Keep the wording?</h3>
      <p className="hint">If the panel agreed the wording on purpose, acknowledge the hint with a note. The submission check counts acknowledged hints as resolved.</p>
      {error ? <p className="field__error">{error}</p> : null}
      <ul>
        {hints.map((h) => {
          const key = hintKey(h);
          const ack = data.acknowledged.find((a) => a.hintKey === key);
          return (
            <li key={key}>
              <p className="hint-item__message">{h.message}</p>
              {ack ? (
                <p>
                  <span className="tag tag--done">Acknowledged</span> by {ack.by} on {formatUkDate(ack.at.slice(0, 10))}
                  {ack.note ? `: ${ack.note}` : ''}{' '}
                  <button type="button" className="button--link" onClick={() => void done(call('drafting.unacknowledgeHint', { recommendationId, hintKey: key }))}>
                    Withdraw<span className="visually-hidden"> the acknowledgement of “{h.message}”</span>
                  </button>
                </p>
              ) : (
                <div className="acknowledge-row">
                  <label>
                    Note<span className="visually-hidden"> for “{h.message}”</span>
                    <input type="text" value={notes[key] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [key]: e.target.value }))} />
                  </label>
                  <button type="button" className="button button--secondary button--small" onClick={() => void done(call('drafting.acknowledgeHint', { recommendationId, hintKey: key, note: notes[key] || null }))}>
                    Acknowledge<span className="visually-hidden"> “{h.message}”</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
