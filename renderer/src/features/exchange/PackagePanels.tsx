import { useId, useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase.ts';
import type { z } from 'zod';
import type { packagePreview, packageApplied } from '../../../../shared/ipc/exchange-contract-entries.ts';
import { ApiError, call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { fileName, ukDate, useTaskProgress } from './use-task-progress.ts';

// Exchange packages: make one for another installation, and import one
// from another installation after seeing what it would change.

type Preview = z.output<typeof packagePreview>;
type Applied = z.output<typeof packageApplied>;

export function ExportPackagePanel() {
  const { lists, settings } = usePartnership();
  const headingId = useId();
  const [scope, setScope] = useState<'all' | 'district'>('all');
  const [districtId, setDistrictId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [realNames, setRealNames] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved'; file: string; records: number | null } | { kind: 'cancelled' } | { kind: 'error'; message: string } | null>(null);
  const { progress, reset } = useTaskProgress(['exchange.exportPackage']);
  const districts = lists.districts.filter((d) => !d.retired);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (scope === 'district' && !districtId) problems.districtId = 'Choose the district whose records go in the package.';
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) problems.passphrase = `Use at least ${MIN_PASSPHRASE_LENGTH} characters for the package passphrase.`;
    else if (again !== passphrase) problems.confirmPassphrase = 'The two passphrases are not the same. Type the same passphrase in both boxes.';
    setErrors(problems);
    setOutcome(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    reset();
    try {
      const result = await call('exchange.exportPackage', { passphrase, confirmPassphrase: again, districtId: scope === 'district' ? districtId : null, includeRealNames: realNames });
      setOutcome(result.file ? { kind: 'saved', file: result.file, records: result.records } : { kind: 'cancelled' });
      if (result.file) {
        setPassphrase('');
        setAgain('');
      }
    } catch (e) {
      setOutcome({ kind: 'error', message: errorMessage(e) });
      if (e instanceof ApiError) setErrors(e.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel exchange__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export package</h2>
      <p>
        An exchange package carries records to another DHR Tracker installation, encrypted with a passphrase of its own. A CSP sends its district's
        decisions and updates, with its own reviews and recommendations, to the countywide group; the countywide group sends the whole store back to every
        installation. Send the package by secure email, and tell the passphrase to the person receiving it by phone or in person, never in the same email.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>What goes in the package</legend>
          <label className="checkbox">
            <input type="radio" name="pack-scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
            The whole store (the countywide group)
          </label>
          <br />
          <label className="checkbox">
            <input type="radio" name="pack-scope" value="district" checked={scope === 'district'} onChange={() => setScope('district')} />
            One district's own records (a CSP)
          </label>
          {scope === 'district' ? (
            <SelectField
              label="District"
              id="pack-district"
              value={districtId}
              onChange={(e) => setDistrictId(e.target.value)}
              placeholder="Choose a district"
              options={districts.map((d) => ({ value: d.id, label: d.name }))}
              error={errors.districtId}
            />
          ) : null}
        </fieldset>
        <Field
          label="Package passphrase"
          id="pack-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          hint={`At least ${MIN_PASSPHRASE_LENGTH} characters: several unrelated words are easiest to say over the phone.`}
          error={errors.passphrase}
        />
        <Field
          label="Type the package passphrase again"
          id="pack-passphrase-again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          error={errors.confirmPassphrase}
        />
        <label className="checkbox">
          <input type="checkbox" checked={realNames} onChange={(e) => setRealNames(e.target.checked)} aria-describedby={`${headingId}-names`} />
          Include real names from the pseudonym registers
        </label>
        <p className="hint exchange__indent" id={`${headingId}-names`}>
          Leave this unticked unless the receiving installation needs the real names to check documents for them. Real names are special-category personal
          data: they are only ever imported by an installation of the same partnership{settings.partnershipName ? ` (${settings.partnershipName})` : ''}, and
          a package without them never removes real names already held there.
        </p>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? 'Exporting…' : 'Export package'}
        </button>
      </form>
      {busy && progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : null}
      {outcome?.kind === 'saved' ? (
        <Alert kind="success" title="Package saved">
          <p className="exchange__file">{outcome.file}</p>
          {outcome.records !== null ? <p>It holds {outcome.records.toLocaleString('en-GB')} records.</p> : null}
        </Alert>
      ) : null}
      {outcome?.kind === 'cancelled' ? <Alert kind="info">Nothing was saved: you cancelled choosing where to save the package.</Alert> : null}
      {outcome?.kind === 'error' ? <Alert title="The package was not exported">{outcome.message}</Alert> : null}
    </section>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const rows = preview.tables.filter((t) => t.add || t.change || t.unchanged || t.conflicts || t.skipped || t.remove || t.delete);
  return (
    <ScrollRegion label="What importing the package would do">
      <table className="exchange__counts">
        <caption>What importing would do, by kind of record</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">Add</th>
            <th scope="col">Change</th>
            <th scope="col">Remove</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Conflicts</th>
            <th scope="col">Skipped</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.table}>
              <th scope="row">{t.label[0]!.toUpperCase() + t.label.slice(1)}</th>
              <td className="num">{t.add}</td>
              <td className="num">{t.change + t.remove}</td>
              <td className="num">{t.delete}</td>
              <td className="num">{t.unchanged}</td>
              <td className="num">{t.conflicts}</td>
              <td className="num">{t.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ImportPackagePanel() {
  const { reload } = usePartnership();
  const headingId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  /** Near matches the person ticked as the same record here */
  const [same, setSame] = useState<ReadonlySet<string>>(new Set());
  const { progress, reset } = useTaskProgress(['exchange.previewPackage', 'exchange.applyPackage']);

  async function open(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setApplied(null);
    setCancelled(false);
    setPreview(null);
    setSame(new Set());
    if (!passphrase) {
      setPassphraseError('Enter the passphrase the sender gave you for this package.');
      return;
    }
    setPassphraseError(null);
    setBusy('preview');
    reset();
    try {
      const result = await call('exchange.previewPackage', { passphrase });
      if (!result) setCancelled(true);
      else {
        setPreview(result);
        setPassphrase('');
      }
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === 'WRONG_PASSPHRASE') setPassphraseError(e.message);
    } finally {
      setBusy(null);
    }
  }

  async function apply() {
    if (!preview) return;
    setBusy('apply');
    setError(null);
    reset();
    try {
      const result = await call('exchange.applyPackage', { token: preview.token, sameRecords: [...same] });
      setApplied(result);
      setPreview(null);
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const info = preview?.info;
  // Links alone are worth applying: they let later packages from the sender find these records by id.
  const changes = preview ? preview.totals.add + preview.totals.change + preview.totals.remove + preview.totals.delete + preview.totals.link + same.size : 0;
  return (
    <section className="panel exchange__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Import package</h2>
      <p>
        Import a package another installation sent you. First you see what it would add and change; nothing is written until you choose "Apply import". A
        record changes only if the package's copy is newer and the sender owns it: a district's decisions change only through that district's own package,
        and nothing this installation owns is overwritten. A record this store already has under another id (the same review's recommendation, with the same
        number and wording) is linked to the package's, not added twice. Importing the same package twice changes nothing.
      </p>
      <form onSubmit={(e) => void open(e)} noValidate>
        <Field
          label="Package passphrase"
          id="import-pack-passphrase"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          hint="The passphrase the sender told you, by phone or in person."
          error={passphraseError}
        />
        <button type="submit" className="button" disabled={busy !== null} aria-busy={busy === 'preview'}>
          {busy === 'preview' ? 'Opening…' : 'Import package'}
        </button>
      </form>
      {busy && progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : null}
      {cancelled ? <Alert kind="info">No package was chosen, so nothing was imported.</Alert> : null}
      {error ? <Alert title="The package was not imported">{error}</Alert> : null}
      {applied ? (
        <Alert kind="success" title={applied.changed ? 'Package imported' : 'Nothing to import'}>
          {applied.changed ? (
            <p>
              {applied.totals.add.toLocaleString('en-GB')} records added, {(applied.totals.change + applied.totals.remove).toLocaleString('en-GB')} changed and{' '}
              {applied.totals.delete.toLocaleString('en-GB')} removed
              {applied.totals.link ? `; ${applied.totals.link.toLocaleString('en-GB')} linked to the same records here` : ''}
              {applied.totals.conflicts ? `; ${applied.totals.conflicts} conflicts kept as they were here` : ''}.
            </p>
          ) : (
            <p>This store already has everything in the package.</p>
          )}
        </Alert>
      ) : null}
      {preview && info ? (
        <div className="exchange__preview">
          <h3>Preview of {fileName(preview.file)}</h3>
          <dl className="facts">
            <dt>From</dt>
            <dd>{info.senderName}</dd>
            <dt>Partnership</dt>
            <dd>{info.partnershipName || 'Not given'}</dd>
            <dt>Made</dt>
            <dd>
              {ukDate(info.createdAt)}, by DHR Tracker {info.appVersion} (package format {info.formatVersion})
            </dd>
            <dt>What it holds</dt>
            <dd>{info.scope.kind === 'district' ? `${info.scope.districtName}'s own reviews, recommendations, decisions and updates` : 'The whole store of the sender'}</dd>
            <dt>Real names</dt>
            <dd>{info.includesRealNames ? (info.realNamesImported ? 'Included, and imported into this store' : 'Included, but not imported into this store') : 'Not included: pseudonyms only'}</dd>
          </dl>
          <PreviewTable preview={preview} />
          {preview.warnings.length ? (
            <Alert title="Check before you apply">
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {preview.notes.length ? (
            <ul className="exchange__notes">
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {preview.conflicts.length ? (
            <>
              <h4>Conflicts: this store's copy is kept</h4>
              <ul className="exchange__problems">
                {preview.conflicts.map((c, i) => (
                  <li key={i}>
                    <strong>{c.record[0]!.toUpperCase() + c.record.slice(1)}:</strong> {c.reason}
                    {c.choice ? (
                      <label className="exchange__choice">
                        <input
                          type="checkbox"
                          checked={same.has(c.choice)}
                          onChange={(e) => {
                            const next = new Set(same);
                            if (e.target.checked) next.add(c.choice!);
                            else next.delete(c.choice!);
                            setSame(next);
                          }}
                        />{' '}
                        They are the same: link {c.record} to the package's, with what hangs from it
                      </label>
                    ) : null}
                  </li>
                ))}
                {preview.moreConflicts ? <li>…and {preview.moreConflicts} more.</li> : null}
              </ul>
            </>
          ) : null}
          {preview.skipped.length ? (
            <>
              <h4>Skipped</h4>
              <ul className="exchange__problems">
                {preview.skipped.map((c, i) => (
                  <li key={i}>
                    <strong>{c.record[0]!.toUpperCase() + c.record.slice(1)}:</strong> {c.reason}
                  </li>
                ))}
                {preview.moreSkipped ? <li>…and {preview.moreSkipped} more.</li> : null}
              </ul>
            </>
          ) : null}
          {changes ? (
            <p>
              Importing adds {preview.totals.add.toLocaleString('en-GB')} records, changes {(preview.totals.change + preview.totals.remove).toLocaleString('en-GB')} and removes{' '}
              {preview.totals.delete.toLocaleString('en-GB')} that their owner deleted
              {preview.totals.link ? `, and links ${preview.totals.link.toLocaleString('en-GB')} records here to the package's copies of them` : ''}
              {same.size ? `; the ${same.size === 1 ? 'near match' : `${same.size} near matches`} you ticked ${same.size === 1 ? 'is' : 'are'} linked too, with what hangs from ${same.size === 1 ? 'it' : 'them'}` : ''}, all at once: if anything
              fails, nothing is changed.
            </p>
          ) : (
            <Alert kind="info">Nothing to import: this store already has everything in this package.</Alert>
          )}
          <div className="exchange__actions">
            {changes ? (
              <button type="button" className="button" onClick={() => void apply()} disabled={busy !== null} aria-busy={busy === 'apply'}>
                {busy === 'apply' ? 'Importing…' : 'Apply import'}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => setPreview(null)} disabled={busy !== null}>
              {changes ? 'Cancel' : 'Close the preview'}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

