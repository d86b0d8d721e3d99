import { useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates.ts';
import type { ProgressHistory } from '../../../../shared/ipc/progress-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** Every update, newest first: status over time, notes and evidence files. */
export function UpdateHistory({ updates }: { updates: ProgressHistory['updates'] }) {
  const [message, setMessage] = useState<string | null>(null);
  if (!updates.length) return <p>No progress updates yet.</p>;
  const save = (id: string) =>
    call('attachments.save', { id }).then(
      (r) => setMessage(r.file ? `Saved to ${r.file}` : null),
      (e) => setMessage(errorMessage(e)),
    );
  return (
    <>
      {message ? <p role="status">{message}</p> : null}
      <ol className="history">
        {updates.map((u) => (
          <li key={u.id}>
            <p className="history__head">
              <time dateTime={u.asAtDate}>{formatUkDate(u.asAtDate)}</time> <StatusBadge status={u.status} /> <span className="hint">by {u.author}</span>
            </p>
            <p className="summary">{u.note}</p>
            {u.attachments.length ? (
              <ul className="file-list">
                {u.attachments.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="button--link" onClick={() => void save(a.id)}>
                      Save a copy of {a.fileName}
                    </button>{' '}
                    <span className="hint">({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
