import { useRef, useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { PassphraseStrengthMeter } from '../session/PassphraseStrengthMeter.tsx';
import { callSecurity } from './security-api.ts';
import { problemOf, ProblemAlert, type Problem } from './problems.tsx';

type Errors = { currentPassphrase?: string; newPassphrase?: string; confirm?: string };

/**
 * Change the store's passphrase: the current one, the new one twice. Main
 * re-encrypts the store, checks it opens with the new passphrase and not the
 * old, and keeps it open; if anything fails, the old passphrase still works.
 */
export function ChangePassphraseSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setDone(null);
    setProblem(null);
    const found: Errors = {};
    if (!current) found.currentPassphrase = 'Enter your current passphrase.';
    if ([...next].length < MIN_PASSPHRASE_LENGTH) found.newPassphrase = `The new passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`;
    else if (next === current) found.newPassphrase = 'Choose a passphrase different from the current one.';
    else if (confirm !== next) found.confirm = 'The two new passphrases do not match. Type the same passphrase in both boxes.';
    setErrors(found);
    if (Object.keys(found).length) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const result = await callSecurity('security.changePassphrase', { currentPassphrase: current, newPassphrase: next });
      const older = result.backupsUnderOldPassphrase;
      setDone(
        `The passphrase was changed and checked: the store opens with the new passphrase and no longer with the old one.${
          older ? ` ${older === 1 ? 'One backup made before now still opens' : `${older} backups made before now still open`} with the old passphrase: back up now, then delete older backups if the old passphrase should open nothing.` : ''
        }`,
      );
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (e) {
      const p = problemOf(e);
      setProblem(p);
      setErrors(p.fields as Errors);
      setCurrent('');
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="passphrase-heading" className="panel">
      <h2 id="passphrase-heading">Change passphrase</h2>
      <p className="hint">
        The store is re-encrypted under the new passphrase and checked before the change is kept. Nobody can recover a lost passphrase, so keep the new one
        somewhere safe.
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="passphrase-heading">
        <ProblemAlert title="The passphrase was not changed" problem={problem} />
        {done ? <Alert kind="success">{done}</Alert> : null}
        <Field label="Current passphrase" type="password" autoComplete="current-password" value={current} error={errors.currentPassphrase} onChange={(e) => setCurrent(e.target.value)} />
        <Field
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          value={next}
          error={errors.newPassphrase}
          onChange={(e) => setNext(e.target.value)}
          hint={
            <>
              At least {MIN_PASSPHRASE_LENGTH} characters. Several unrelated words work well.
              <PassphraseStrengthMeter passphrase={next} id="change-passphrase-strength" />
            </>
          }
        />
        <Field label="Type the new passphrase again" type="password" autoComplete="new-password" value={confirm} error={errors.confirm} onChange={(e) => setConfirm(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Changing the passphrase…' : 'Change passphrase'}
        </button>
      </form>
    </section>
  );
}
