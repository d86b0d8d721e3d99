import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../../shared/ipc/schemas.ts';
import type { RememberStatus } from '../../../../shared/ipc/security-contract-entries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call, errorMessage } from '../../app/api-client.ts';
import { callSecurity } from '../settings/security-api.ts';

/** Unlock the last store, or open another one. */
export function OpenStoreForm({ status, onOpened }: { status: SessionStatus; onOpened: (s: SessionStatus) => void }) {
  const [file, setFile] = useState(status.file ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Whether this device can remember the passphrase, and does for this file (null: not offered here).
  const [remember, setRemember] = useState<RememberStatus | null>(null);
  const [rememberTicked, setRememberTicked] = useState(false);
  const rememberHint = useId();

  useEffect(() => {
    const chosen = file.trim();
    if (!chosen) return setRemember(null);
    let current = true;
    callSecurity('security.rememberStatus', { file: chosen }).then(
      (r) => {
        if (!current) return;
        setRemember(r);
        setRememberTicked(r.available && r.remembered);
      },
      () => current && setRemember(null),
    );
    return () => {
      current = false;
    };
  }, [file]);

  async function unlockRemembered() {
    setError(null);
    setBusy(true);
    try {
      onOpened(await callSecurity('security.unlockRemembered', { file }));
    } catch (e) {
      setError(errorMessage(e));
      setRemember(await callSecurity('security.rememberStatus', { file }).catch(() => null));
    } finally {
      setBusy(false);
    }
  }

  async function forget() {
    setError(null);
    try {
      setRemember(await callSecurity('security.forgetRemembered', { file }));
      setRememberTicked(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

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
      // Where this device can remember passphrases, the box says whether to keep (or forget) this one.
      const opened = remember?.available
        ? await callSecurity('security.unlock', { file, passphrase, remember: rememberTicked })
        : await call('session.open', { file, passphrase });
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
      {remember?.available && remember.remembered ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => void unlockRemembered()} disabled={busy}>
            Unlock with the passphrase remembered on this device
          </button>
          <button type="button" className="button button--secondary" onClick={() => void forget()}>
            Forget it on this device
          </button>
        </div>
      ) : null}
      <Field label="Passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" autoFocus={Boolean(status.file)} />
      {remember ? (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={rememberTicked} disabled={!remember.available} onChange={(e) => setRememberTicked(e.target.checked)} aria-describedby={rememberHint} />
            Remember on this device
          </label>
          <p className="field__hint" id={rememberHint}>
            {remember.available
              ? 'The passphrase is kept encrypted by this computer’s own secure storage, for your login only, so you can unlock without typing it. Anyone who can use your login could then open the store: only tick this on a computer that only you use. The store still locks when idle.'
              : remember.reason}
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
