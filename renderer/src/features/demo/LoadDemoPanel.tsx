import { useCallback, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract.ts';
import { Alert } from '../../components/Alert.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { call, errorMessage, useEvent } from '../../app/api-client.ts';

/** Offered on an empty store: fill it with the fictional demo partnership. */
export function LoadDemoPanel({ onLoaded }: { onLoaded: () => void }) {
  const [progress, setProgress] = useState<EventPayload<'task.progress'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEvent(
    'task.progress',
    useCallback((p: EventPayload<'task.progress'>) => {
      if (p.task === 'demo.load') setProgress(p);
    }, []),
  );

  async function load() {
    setBusy(true);
    setError(null);
    try {
      await call('demo.load', {});
      onLoaded();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="empty-heading">
      <h2 id="empty-heading">This store is empty</h2>
      <p>
        Set up your partnership's districts and agencies in Settings, or load the demo data to explore DHR Tracker first. The demo is a fictional partnership
        based on Cambridgeshire &amp; Peterborough's six districts; every review and person in it is invented.
      </p>
      {error ? <Alert title="The demo data was not loaded">{error}</Alert> : null}
      {busy && progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : null}
      <button type="button" className="button" onClick={() => void load()} disabled={busy}>
        {busy ? 'Loading demo data…' : 'Load demo data'}
      </button>
    </section>
  );
}
