import { useCallback, useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract.ts';
import type { BackupStatusDto } from '../../../../shared/ipc/security-contract-entries.ts';
import { errorMessage, useEvent } from '../../app/api-client.ts';
import { callSecurity } from '../settings/security-api.ts';
import { scheduleWords, whenMade } from './backup-words.ts';

/**
 * A warning across the top of every screen when the last backup is older
 * than the schedule allows, with a button to back up now. Checked when the
 * store is unlocked and after every backup; says nothing when all is well.
 */
export function BackupOverdueBanner() {
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(() => {
    // Without the backup channels, or while the store is locking, there is nothing to warn about.
    callSecurity('backups.status', {}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(refresh, [refresh]);
  useEvent(
    'task.progress',
    useCallback((p: EventPayload<'task.progress'>) => (p.task === 'backup' && p.done === p.total ? refresh() : undefined), [refresh]),
  );

  async function backUpNow() {
    setBusy(true);
    setFailure(null);
    try {
      setStatus((await callSecurity('backups.run', {})).status);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!status || (!status.overdue && !failure)) return null;
  const last = status.last ? `The last backup was made ${whenMade(status.last.at)}` : 'This store has not been backed up yet';
  return (
    <div className="alert alert--error backup-banner" role="alert">
      <p className="alert__title">Back up this store</p>
      <p>
        {last}, and backups are set to be made {scheduleWords(status.settings.everyHours)}.
        {status.lastError ? ` The last scheduled backup failed: ${status.lastError}` : ''} {failure ? `Backing up failed: ${failure}` : ''}
      </p>
      <button type="button" className="button" onClick={() => void backUpNow()} disabled={busy}>
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
    </div>
  );
}
