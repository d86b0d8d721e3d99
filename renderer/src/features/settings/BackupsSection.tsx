import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract.ts';
import type { BackupStatusDto, RestoreResultDto } from '../../../../shared/ipc/security-contract-entries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { call, errorMessage, useEvent } from '../../app/api-client.ts';
import { scheduleWords, size, whenMade } from '../backups/backup-words.ts';
import { callSecurity, isUnknownChannel } from './security-api.ts';
import { problemOf, ProblemAlert, type Problem } from './problems.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/**
 * Backups: encrypted copies of the store in a folder beside it, made on a
 * schedule while the store is unlocked and whenever asked; and restoring one
 * into a new store file, checked before it is offered to open.
 */
export function BackupsSection() {
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<EventPayload<'task.progress'> | null>(null);

  const refresh = useCallback(() => {
    callSecurity('backups.status', {}).then(setStatus, (e) => (isUnknownChannel(e) ? setMissing(true) : setLoadError(errorMessage(e))));
  }, []);
  useEffect(refresh, [refresh]);
  useEvent(
    'task.progress',
    useCallback((p: EventPayload<'task.progress'>) => {
      if (p.task !== 'backup' && p.task !== 'restore') return;
      setProgress(p.done < p.total ? p : null);
    }, []),
  );

  if (missing) return null;
  return (
    <section aria-labelledby="backups-heading" className="panel">
      <h2 id="backups-heading">Backups</h2>
      <p className="hint">
        A backup is a copy of the whole store, encrypted under the passphrase it had when the backup was made, so it opens only with that passphrase. Keep
        backups on a drive your organisation backs up.
      </p>
      {loadError ? <Alert title="Backups could not be shown">{loadError}</Alert> : null}
      {status ? (
        <>
          <BackupNow status={status} onStatus={setStatus} progress={progress?.task === 'backup' ? progress : null} />
          <ScheduleForm status={status} onStatus={setStatus} />
          <RestoreForm backups={status.backups} progress={progress?.task === 'restore' ? progress : null} />
        </>
      ) : loadError ? null : (
        <p aria-live="polite">Loading backups…</p>
      )}
    </section>
  );
}

function BackupNow({ status, onStatus, progress }: { status: BackupStatusDto; onStatus: (s: BackupStatusDto) => void; progress: EventPayload<'task.progress'> | null }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await callSecurity('backups.run', {});
      onStatus(result.status);
      setMessage({ kind: 'success', text: `Backed up and checked: ${result.backup.file} (${size(result.backup.bytes)}).` });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <h3>This store’s backups</h3>
      <p>
        Folder: <code>{status.folder}</code>
      </p>
      <p>
        {status.last ? `Last backup: ${whenMade(status.last.at)}.` : 'No backup has been made yet.'}{' '}
        {status.dueAt ? `Next scheduled backup: ${status.overdue ? 'overdue' : whenMade(status.dueAt)}.` : 'Scheduled backups are off.'}
      </p>
      {status.lastError ? <Alert title="The last scheduled backup failed">{status.lastError}</Alert> : null}
      {message ? <Alert kind={message.kind} title={message.kind === 'error' ? 'The backup was not made' : undefined}>{message.text}</Alert> : null}
      {progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : null}
      <button type="button" className="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
      {status.backups.length ? (
        <ScrollRegion label="Backups table">
        <table className="backup-list">
          <caption className="visually-hidden">Backups in the folder, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">File</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {status.backups.map((b) => (
              <tr key={b.file}>
                <td>{whenMade(b.at)}</td>
                <td>{b.file.split(/[\\/]/).pop()}</td>
                <td>{size(b.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}

function ScheduleForm({ status, onStatus }: { status: BackupStatusDto; onStatus: (s: BackupStatusDto) => void }) {
  const [everyHours, setEveryHours] = useState(String(status.settings.everyHours));
  const [keep, setKeep] = useState(String(status.settings.keep));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inFlight = useRef(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setSaved(null);
    const fields: Record<string, string> = {};
    if (!/^\d+$/.test(everyHours.trim())) fields.everyHours = 'Enter a whole number of hours (0 turns scheduled backups off).';
    if (!/^\d+$/.test(keep.trim())) fields.keep = 'Enter how many backups to keep as a whole number, such as 7.';
    if (Object.keys(fields).length) return setProblem({ message: 'Check the schedule.', fields });
    inFlight.current = true;
    try {
      const next = await callSecurity('backups.updateSchedule', { everyHours: Number(everyHours), keep: Number(keep) });
      onStatus(next);
      setProblem(null);
      setSaved(`Saved: backups ${scheduleWords(next.settings.everyHours)}, keeping the newest ${next.settings.keep}.`);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      inFlight.current = false;
    }
  }
  const fields = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-labelledby="backup-schedule-heading">
      <h3 id="backup-schedule-heading">Schedule</h3>
      <ProblemAlert title="The schedule was not saved" problem={problem} />
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      <Field
        label="Back up every this many hours"
        hint="While the store is unlocked. 0 turns scheduled backups off; the app warns when the last backup is older than this."
        inputMode="numeric"
        className="input--short"
        value={everyHours}
        error={fields.everyHours}
        onChange={(e) => setEveryHours(e.target.value)}
      />
      <Field
        label="Number of backups to keep"
        hint="Older backups in the folder are deleted after each new one."
        inputMode="numeric"
        className="input--short"
        value={keep}
        error={fields.keep}
        onChange={(e) => setKeep(e.target.value)}
      />
      <button type="submit" className="button button--secondary">
        Save schedule
      </button>
    </form>
  );
}

function RestoreForm({ backups, progress }: { backups: BackupStatusDto['backups']; progress: EventPayload<'task.progress'> | null }) {
  const [from, setFrom] = useState(backups[0]?.file ?? '');
  const [to, setTo] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [restored, setRestored] = useState<RestoreResultDto | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept only until the restored store is opened or the form is left.
  const restoredPassphrase = useRef('');

  async function chooseFrom() {
    const chosen = await callSecurity('backups.chooseFile', {});
    if (chosen.file) setFrom(chosen.file);
  }
  async function chooseTo() {
    const chosen = await call('dialog.chooseStoreFile', { purpose: 'create' });
    if (chosen.file) setTo(chosen.file);
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setRestored(null);
    const fields: Record<string, string> = {};
    if (!from.trim()) fields.from = 'Choose the backup to restore.';
    if (!to.trim()) fields.to = 'Choose a new file to restore into.';
    if (!passphrase) fields.passphrase = 'Enter the passphrase the backup was made with.';
    if (Object.keys(fields).length) return setProblem({ message: 'Check the form.', fields });
    setBusy(true);
    try {
      const result = await callSecurity('backups.restore', { from, to, passphrase });
      restoredPassphrase.current = passphrase;
      setRestored(result);
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  }
  async function openRestored() {
    if (!restored) return;
    try {
      await call('session.open', { file: restored.file, passphrase: restoredPassphrase.current });
      restoredPassphrase.current = '';
      // Start the app afresh on the restored store.
      window.location.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  }
  const fields = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-labelledby="restore-heading">
      <h3 id="restore-heading">Restore a backup</h3>
      <p className="hint">The backup is copied into a new store file, never over an existing one, and checked (integrity, schema version, audit log) before you can open it.</p>
      <ProblemAlert title="The backup was not restored" problem={problem} />
      <Field
        label="Backup"
        value={from}
        error={fields.from}
        onChange={(e) => setFrom(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        after={
          <button type="button" className="button button--secondary" onClick={() => void chooseFrom()}>
            Choose…
          </button>
        }
      />
      <Field
        label="New store file"
        hint="A file that does not exist yet."
        value={to}
        error={fields.to}
        onChange={(e) => setTo(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        after={
          <button type="button" className="button button--secondary" onClick={() => void chooseTo()}>
            Choose…
          </button>
        }
      />
      <Field label="The backup’s passphrase" type="password" autoComplete="off" value={passphrase} error={fields.passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      {progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : null}
      <button type="submit" className="button button--secondary" disabled={busy}>
        {busy ? 'Restoring…' : 'Restore and check'}
      </button>
      {restored ? (
        <Alert kind="success" title="Restored and checked">
          <p>
            {restored.file} passed every check: integrity, schema version {restored.schemaVersion}, and an audit log of {restored.auditEntries} entries with its chain
            intact. It holds {restored.stats.reviews} reviews and {restored.stats.recommendations} recommendations.
          </p>
          <button type="button" className="button" onClick={() => void openRestored()}>
            Open the restored store
          </button>
        </Alert>
      ) : null}
    </form>
  );
}
