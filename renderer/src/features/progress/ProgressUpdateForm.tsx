import { useState, type FormEvent } from 'react';
import { formatUkDate, isIsoDate } from '../../../../shared/domain/dates.ts';
import { attachmentProblem, validateUpdate } from '../../../../shared/domain/implementation-status.ts';
import { STATUSES, STATUS_DEFAULTS, type Status } from '../../../../shared/domain/vocabulary.ts';
import type { ProgressHistory } from '../../../../shared/ipc/progress-schemas.ts';
import { ApiError, call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { FieldShell } from '../../components/FieldShell.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useToday } from '../../app/today.tsx';
import { DateField } from '../../components/DateField.tsx';

interface Chosen {
  file: File;
  problem: string | null;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A dated progress update, with evidence files, for one district (or one action). */
export function ProgressUpdateForm({
  target,
  currentStatus,
  idPrefix,
  onSaved,
  onCancel,
}: {
  target: { applicabilityId: string } | { actionId: string };
  currentStatus: Status | null;
  idPrefix: string;
  onSaved: (h: ProgressHistory) => void;
  onCancel: () => void;
}) {
  const { settings } = usePartnership();
  const today = useToday();
  const [asAtDate, setAsAtDate] = useState(today);
  const [author, setAuthor] = useState(settings.userName);
  const [status, setStatus] = useState<Status>(currentStatus ?? 'not_started');
  const [note, setNote] = useState('');
  const [statusReason, setStatusReason] = useState('');
  const [files, setFiles] = useState<Chosen[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validateUpdate({ asAtDate, author, status, note, statusReason: statusReason || null }, { today, notificationDate: null });
    const fileProblem = files.find((f) => f.problem)?.problem;
    if (fileProblem) found.attachments = fileProblem;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.file.name, dataBase64: await toBase64(f.file) })));
      onSaved(await call('progress.add', { ...target, asAtDate, author, status, note, statusReason: statusReason || null, attachments }));
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="update-form" onSubmit={submit} noValidate aria-label="Progress update">
      {failure ? <Alert title="The update was not saved">{failure}</Alert> : null}
      <div className="update-form__row">
        <DateField label="Update as at" id={id('asAtDate')} value={asAtDate} error={errors.asAtDate} onChange={(e) => setAsAtDate(e.target.value)} className="input--date" />
        <Field label="Author" id={id('author')} value={author} error={errors.author} onChange={(e) => setAuthor(e.target.value)} autoComplete="name" />
        <SelectField
          label="Status"
          id={id('status')}
          hint="At the date of this update"
          value={status}
          error={errors.status}
          onChange={(e) => setStatus(e.target.value as Status)}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_DEFAULTS[s].label }))}
        />
      </div>
      {status === 'not_implemented' ? (
        <TextAreaField label="Reason it will not be implemented" id={id('statusReason')} rows={2} value={statusReason} error={errors.statusReason} onChange={(e) => setStatusReason(e.target.value)} />
      ) : null}
      <TextAreaField label="Progress note" id={id('note')} rows={3} hint="What has happened since the last update, and what evidence there is." value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      <FieldShell label="Evidence files" id={id('attachments')} error={errors.attachments} hint="PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG, JPEG or email files, up to 10 MB each. They are kept encrypted in the store.">
        {(control) => (
          <input
            {...control}
            type="file"
            multiple
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])].map((file) => ({ file, problem: attachmentProblem(file.name, file.size) }));
              setFiles(chosen);
              setErrors(({ attachments: _a, ...rest }) => (chosen.find((c) => c.problem) ? { ...rest, attachments: chosen.find((c) => c.problem)!.problem! } : rest));
            }}
          />
        )}
      </FieldShell>
      {files.length ? (
        <ul className="file-list" aria-label="Files to attach">
          {files.map((f) => (
            <li key={f.file.name}>
              {f.file.name} ({size(f.file.size)}){f.problem ? <strong className="field__error"> Not allowed</strong> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="hint">Dated {isIsoDate(asAtDate) ? formatUkDate(asAtDate) : 'the day you give'}. An earlier date joins the history without changing the current status.</p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save update'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
