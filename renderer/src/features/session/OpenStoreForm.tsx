import { useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call, errorMessage } from '../../app/api-client.ts';

/** Unlock the last store, or open another one. */
export function OpenStoreForm({ status, onOpened }: { status: SessionStatus; onOpened: (s: SessionStatus) => void }) {
  const [file, setFile] = useState(status.file ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose() {
    const result = await call('dialog.chooseStoreFile', { purpose: 'open' });
    if (result.file) setFile(result.file);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!file.trim()) return setError('Give the path of the store file.');
    if (!passphrase) return setError('Enter the passphrase for this store.');
    setBusy(true);
    try {
      const opened = await call('session.open', { file, passphrase });
      setPassphrase('');
      onOpened(opened);
    } catch (e) {
      setError(errorMessage(e));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="open-heading">
      <h2 id="open-heading">{status.file ? 'Unlock your store' : 'Open a store'}</h2>
      {error ? <Alert title="The store was not opened">{error}</Alert> : null}
      <Field
        label="Store file"
        hint="The .dhr file that holds your partnership's data."
        value={file}
        onChange={(e) => setFile(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        after={
          <button type="button" className="button button--secondary" onClick={() => void choose()}>
            Choose…
          </button>
        }
      />
      <Field label="Passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" autoFocus={Boolean(status.file)} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
