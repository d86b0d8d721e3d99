import { useCallback, useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract.ts';
import type { SessionStatus } from '../../../shared/ipc/schemas.ts';
import { Alert } from '../components/Alert.tsx';
import { WelcomeScreen } from '../features/session/WelcomeScreen.tsx';
import { call, errorMessage, useEvent } from './api-client.ts';
import { UnlockedApp } from './UnlockedApp.tsx';

const LOCK_NOTICES: Record<EventPayload<'session.locked'>['reason'], string> = {
  manual: 'The store is locked.',
  menu: 'The store is locked.',
  idle: 'The store was locked because nobody used DHR Tracker for a while.',
};

/**
 * Top-level state: locked or unlocked. Everything shown while unlocked lives
 * under <UnlockedApp key=…>; locking replaces it, so React drops all of its
 * state and nothing read from the store survives on screen or in memory.
 */
export function App() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    call('session.status', {}).then(setStatus, (e) => setFatal(errorMessage(e)));
  }, []);

  const showLocked = useCallback((reason: EventPayload<'session.locked'>['reason']) => {
    setNotice(LOCK_NOTICES[reason]);
    setGeneration((g) => g + 1);
    call('session.status', {}).then(setStatus, (e) => setFatal(errorMessage(e)));
  }, []);
  useEvent('session.locked', useCallback((p: EventPayload<'session.locked'>) => showLocked(p.reason), [showLocked]));

  if (fatal) return <Alert title="DHR Tracker could not start">{fatal}</Alert>;
  if (!status) return <p aria-live="polite">Starting…</p>;
  if (status.state === 'locked') {
    return (
      <WelcomeScreen
        key={generation}
        status={status}
        notice={notice}
        onUnlocked={(s) => {
          setNotice(null);
          setStatus(s);
        }}
      />
    );
  }
  return <UnlockedApp key={generation} status={status} onStatus={setStatus} />;
}
