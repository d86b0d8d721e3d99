import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase.ts';
import type { SessionStatus } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call, errorMessage } from '../../app/api-client.ts';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter.tsx';

/** Create a new encrypted store: where, and a passphrase typed twice. */
export function CreateStoreForm({ status, onCreated }: { status: SessionStatus; onCreated: (s: SessionStatus) => void }) {
  const [file, setFile] = useState(status.defaultFile);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function choose() {
    const result = await call('dialog.chooseStoreFile', { purpose: 'create' });
    if (result.file) setFile(result.file);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!file.trim()) found.file = 'Give a location and file name for the new store.';
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) found.passphrase = `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`;
    else if (confirm !== passphrase) found.confirm = 'The two passphrases do not match. Type the same passphrase in both boxes.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const created = await call('session.create', { file, passphrase });
      onCreated(created);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  const problems = Object.values(errors).filter(Boolean);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-heading">
      <h2 id="create-heading">Create a new store</h2>
      <p>
        Everything you record is kept in one encrypted file. Choose where it lives and a passphrase. There is no way to recover the data without the
        passphrase, so keep it somewhere safe.
      </p>
      {problems.length ? (
        <Alert title="The store was not created">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Field
        label="Store location"
        hint="A new file; an existing file is never overwritten."
        value={file}
        error={errors.file}
        onChange={(e) => setFile(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        after={
          <button type="button" className="button button--secondary" onClick={() => void choose()}>
            Choose…
          </button>
        }
      />
      <Field
        label="Passphrase"
        type="password"
        autoComplete="new-password"
        value={passphrase}
        error={errors.passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        hint={
          <>
            At least {MIN_PASSPHRASE_LENGTH} characters. Several unrelated words work well.
            <PassphraseStrengthMeter passphrase={passphrase} id="new-passphrase-strength" />
          </>
        }
      />
      <Field label="Type the passphrase again" type="password" autoComplete="new-password" value={confirm} error={errors.confirm} onChange={(e) => setConfirm(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Creating…' : 'Create store'}
      </button>
    </form>
  );
}
