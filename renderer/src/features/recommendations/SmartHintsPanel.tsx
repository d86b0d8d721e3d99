import type { SmartHint } from '../../../../shared/domain/smart-check.ts';
import { HintAcknowledgements } from '../drafting/HintAcknowledgements.tsx';
import '../drafting/drafting.css';

/** The SMART check's advice on the draft, updated as the chair types. Advisory: saving is never blocked. */
export function SmartHintsPanel({ hints, recommendationId }: { hints: readonly SmartHint[]; recommendationId?: string }) {
  return (
    <section className="side-panel" aria-labelledby="smart-heading">
      <h2 id="smart-heading">SMART check</h2>
      <p className="hint">Advice only: you can save at any time.</p>
      <div aria-live="polite">
        {hints.length === 0 ? (
          <p>
            <span className="tag tag--done">No hints</span> Specific, measurable and time-bound as far as the check can tell.
          </p>
        ) : (
          <>
            <p>
              <span className="tag tag--warning">{hints.length === 1 ? '1 hint' : `${hints.length} hints`}</span>
            </p>
            <ul className="hints">
              {hints.map((h, i) => (
                <li key={`${h.code}-${h.actionIndex ?? ''}-${i}`} className="hint-item">
                  <p className="hint-item__message">{h.message}</p>
                  <p>
                    <strong>Why it matters:</strong> {h.why}
                  </p>
                  <p>
                    <strong>How to fix it:</strong> {h.fix}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {recommendationId ? <HintAcknowledgements recommendationId={recommendationId} hints={hints} /> : null}
    </section>
  );
}
