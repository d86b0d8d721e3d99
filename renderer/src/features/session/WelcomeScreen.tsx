import { useState } from 'react';
import type { SessionStatus } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { CreateStoreForm } from './CreateStoreForm.tsx';
import { OpenStoreForm } from './OpenStoreForm.tsx';

type Mode = 'open' | 'create';

/** First run and unlock: create a store, or open (unlock) an existing one. */
export function WelcomeScreen({ status, notice, onUnlocked }: { status: SessionStatus; notice: string | null; onUnlocked: (s: SessionStatus) => void }) {
  const [mode, setMode] = useState<Mode>(status.file ? 'open' : 'create');
  return (
    <main className="welcome" id="main">
      <div className="welcome__panel">
        <h1>DHR Tracker</h1>
        <p className="welcome__lead">Track Domestic Homicide Review recommendations across your partnership's districts, in a store only you can unlock.</p>
        {notice ? <Alert kind="info">{notice}</Alert> : null}
        <div className="segmented" role="group" aria-label="What do you want to do?">
          <button type="button" className="segmented__option" aria-pressed={mode === 'open'} onClick={() => setMode('open')}>
            Open or unlock a store
          </button>
          <button type="button" className="segmented__option" aria-pressed={mode === 'create'} onClick={() => setMode('create')}>
            Create a new store
          </button>
        </div>
        {mode === 'open' ? <OpenStoreForm status={status} onOpened={onUnlocked} /> : <CreateStoreForm status={status} onCreated={onUnlocked} />}
      </div>
    </main>
  );
}
