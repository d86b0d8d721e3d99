import { useState } from 'react';
import type { SubmissionCheck } from '../../../../shared/ipc/drafting-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { firstNamesToReviewOf, NamesToReview } from '../../components/NamesToReview.tsx';
import './drafting.css';
import { useToday } from '../../app/today.tsx';
import { DateField } from '../../components/DateField.tsx';

/** The chair's drafting pack for one review: skeletons, the submission check and the Home Office pack. */
export function DraftingPackPanel({ reviewId, onSubmitted }: { reviewId: string; onSubmitted: () => void }) {
  const [check, setCheck] = useState<SubmissionCheck | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const today = useToday();
  const [submittedDate, setSubmittedDate] = useState(today);
  const [review, setReview] = useState<{ what: string; places: string[]; retry: () => void } | null>(null);

  async function run<T>(label: string, work: () => Promise<T>, done: (value: T) => void, onNamesToReview?: (places: string[]) => void) {
    setBusy(label);
    setMessage(null);
    setReview(null);
    try {
      done(await work());
    } catch (e) {
      const places = firstNamesToReviewOf(e);
      if (places && onNamesToReview) onNamesToReview(places);
      else setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }
  const exported = (what: string) => (r: { file: string | null }) => r.file && setMessage({ kind: 'success', text: `${what} saved to ${r.file}` });
  /** A skeleton is published in the end: first names found on their own are reviewed before it is saved. */
  function exportSkeleton(label: string, what: string, channel: 'drafting.overviewSkeleton' | 'drafting.executiveSummarySkeleton', reviewedFirstNames = false) {
    void run(label, () => call(channel, { reviewId, reviewedFirstNames }), exported(what), (places) =>
      setReview({ what, places, retry: () => exportSkeleton(label, what, channel, true) }),
    );
  }

  return (
    <section className="panel drafting" aria-labelledby="drafting-heading">
      <h2 id="drafting-heading">Drafting pack</h2>
      <p>Start the overview report and executive summary from what DHR Tracker already holds (pseudonyms only), then check the package before it goes to the Home Office.</p>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => exportSkeleton('overview', 'Overview report skeleton', 'drafting.overviewSkeleton')}>
          Export overview report skeleton
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => exportSkeleton('summary', 'Executive summary skeleton', 'drafting.executiveSummarySkeleton')}>
          Export executive summary skeleton
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('check', () => call('drafting.submissionCheck', { reviewId, chooseReport: false }), setCheck)}>
          Run submission check
        </button>
      </div>
      {busy ? <p aria-live="polite">Working…</p> : null}
      {review ? <NamesToReview what={review.what} places={review.places} busy={busy !== null} onConfirm={review.retry} onCancel={() => setReview(null)} /> : null}
      {message ? (
        <Alert kind={message.kind} title={message.kind === 'error' ? 'That did not work' : undefined}>
          <span className="preserve-lines">{message.text}</span>
        </Alert>
      ) : null}
      {check ? (
        <div className="checklist" aria-live="polite">
          <h3>
            Submission check: {check.passed ? <span className="tag tag--done">Ready to submit</span> : <span className="tag tag--warning">Not ready</span>}
          </h3>
          <ul className="checklist__items">
            {check.items.map((i) => (
              <li key={i.key} className={i.passed ? 'checklist__item--passed' : 'checklist__item--failed'}>
                <strong>{i.passed ? 'Passed' : 'Failed'}:</strong> {i.label}. <span className="hint">{i.detail}</span>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void run('report', () => call('drafting.submissionCheck', { reviewId, chooseReport: true }), setCheck)}>
              Check the final report for names
            </button>
          </div>
          <h3>Home Office submission pack</h3>
          <p className="hint">Choose the final overview report and executive summary, then a folder. The pack holds both, a fresh action plan and this checklist. It is made, and the submission recorded, only if every check passes.</p>
          <DateField label="Date of submission to the Home Office" value={submittedDate} onChange={(e) => setSubmittedDate(e.target.value)} className="input--date" />
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() =>
              void run('pack', () => call('drafting.submissionPack', { reviewId, submittedDate }), (r) => {
                if (r.check) setCheck(r.check);
                if (r.folder) {
                  setMessage({ kind: 'success', text: `Submission pack saved in ${r.folder}. The submission on ${submittedDate} is recorded in the review.` });
                  onSubmitted();
                }
              })
            }
          >
            Make the submission pack
          </button>
        </div>
      ) : null}
    </section>
  );
}
