import { useEffect, useState } from 'react';
import type { SimilarMatch } from '../../../../shared/ipc/recommendation-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';

/**
 * Earlier recommendations from any review that say much the same as the
 * draft, so the chair can cite or strengthen them rather than repeat them.
 * Looked up a moment after typing stops.
 */
export function SimilarPanel({ text, excludeId }: { text: string; excludeId?: string }) {
  const [matches, setMatches] = useState<SimilarMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (text.trim().length < 15) {
      setMatches(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('recommendations.similar', { text, excludeId, limit: 6 }).then(
        (r) => current && (setMatches(r.matches), setError(null)),
        (e) => current && setError(errorMessage(e)),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, excludeId]);

  return (
    <section className="side-panel" aria-labelledby="similar-heading">
      <h2 id="similar-heading">Made before?</h2>
      <div aria-live="polite">
        {error ? <p className="field__error">{error}</p> : null}
        {matches === null ? (
          <p className="hint">Start writing the recommendation to see earlier ones that say much the same thing.</p>
        ) : matches.length === 0 ? (
          <p>No earlier recommendation in this store says much the same thing.</p>
        ) : (
          <>
            <p>
              <span className="tag tag--warning">{matches.length === 1 ? '1 similar recommendation' : `${matches.length} similar recommendations`}</span> Cite or strengthen them rather than repeat them.
            </p>
            <ol className="similar">
              {matches.map((m) => (
                <li key={m.id}>
                  <p className="similar__source">
                    {m.reviewReference}, recommendation {m.number} · {m.districtName}
                    {m.year ? ` · ${m.year}` : ''} · {Math.round(m.score * 100)}% similar
                  </p>
                  <p className="similar__text">{m.text}</p>
                  <p className="similar__status">Implementation: {m.implementation.label}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
