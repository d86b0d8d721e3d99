import { useState } from 'react';
import type { ExportResult } from '../../../../shared/ipc/schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';

/** Word exports of a review's recommendations: main asks where to save and writes the whole file or nothing. */
export function ExportButtons({ reviewId, disabled }: { reviewId: string; disabled: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function run(label: string, channel: 'export.actionPlan' | 'export.recommendations') {
    setBusy(label);
    setResult(null);
    try {
      const saved: ExportResult = await call(channel, { reviewId });
      setResult(saved.file ? { kind: 'done', text: `${label} saved to ${saved.file}` } : null);
    } catch (e) {
      setResult({ kind: 'error', text: errorMessage(e) });
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
      {result?.kind === 'done' ? <Alert kind="success">{result.text}</Alert> : null}
      {result?.kind === 'error' ? <Alert title="The export was not saved">{result.text}</Alert> : null}
    </div>
  );
}
