import { useEffect, useState, type FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call, errorMessage } from '../../app/api-client.ts';

export function SettingsScreen() {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setSettings(s);
        setMinutes(String(s.autoLockMinutes));
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const value = Number(minutes);
    if (!/^\d+$/.test(minutes.trim())) return setError('Auto-lock must be a whole number of minutes, such as 10.');
    try {
      setSettings(await call('settings.update', { autoLockMinutes: value }));
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <h1>Settings</h1>
      {settings ? (
        <form onSubmit={save} noValidate aria-labelledby="security-heading" className="panel">
          <h2 id="security-heading">Security</h2>
          {error ? <Alert title="Settings were not saved">{error}</Alert> : null}
          {saved ? <Alert kind="success">Settings saved.</Alert> : null}
          <Field
            label="Lock automatically after this many idle minutes"
            hint="Between 1 and 240. When the store locks, it is closed and the screen is cleared until the passphrase is given again."
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            className="input--short"
          />
          <button type="submit" className="button">
            Save settings
          </button>
        </form>
      ) : error ? (
        <Alert>{error}</Alert>
      ) : (
        <p>Loading settings…</p>
      )}
    </>
  );
}
