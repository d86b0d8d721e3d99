import { useState } from 'react';
import type { ExportResult } from '../../../../shared/ipc/schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { firstNamesToReviewOf, NamesToReview } from '../../components/NamesToReview.tsx';

type Channel = 'export.actionPlan' | 'export.recommendations';

/**
 * Word exports of a review's recommendations: main checks them for real
 * names (they are published with the overview report), asks where to save
 * and writes the whole file or nothing. First names found on their own are
 * listed for review before the export can go ahead.
 */
export function ExportButtons({ reviewId, disabled }: { reviewId: string; disabled: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [review, setReview] = useState<{ label: string; channel: Channel; places: string[] } | null>(null);

  async function run(label: string, channel: Channel, reviewedFirstNames = false) {
    setBusy(label);
    setResult(null);
    setReview(null);
    try {
      const saved: ExportResult = await call(channel, { reviewId, reviewedFirstNames });
      setResult(saved.file ? { kind: 'done', text: `${label} saved to ${saved.file}` } : null);
    } catch (e) {
      const places = firstNamesToReviewOf(e);
      if (places) setReview({ label, channel, places });
      else setResult({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={disabled || busy !== null} onClick={() => void run('Action plan', 'export.actionPlan')}>
          {busy === 'Action plan' ? 'Exporting…' : 'Export action plan'}
        </button>
        <button type="button" className="button button--secondary" disabled={disabled || busy !== null} onClick={() => void run('Recommendations', 'export.recommendations')}>
          {busy === 'Recommendations' ? 'Exporting…' : 'Export recommendations'}
        </button>
      </div>
      {review ? (
        <NamesToReview what={review.label} places={review.places} busy={busy !== null} onConfirm={() => void run(review.label, review.channel, true)} onCancel={() => setReview(null)} />
      ) : null}
      {result?.kind === 'done' ? <Alert kind="success">{result.text}</Alert> : null}
      {result?.kind === 'error' ? (
        <Alert title="The export was not saved">
          {/* A refusal for real names lists each place, one per line. */}
          <span className="preserve-lines">{result.text}</span>
        </Alert>
      ) : null}
    </div>
  );
}
