import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { addDays, addMonths, formatLongDate, isIsoDate } from '../../../../shared/domain/dates.ts';
import type { EventPayload } from '../../../../shared/ipc/contract.ts';
import { ApiError, call, errorMessage, useEvent } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { firstNamesToReviewOf, NamesToReview } from '../../components/NamesToReview.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { CheckDocumentPanel } from './CheckDocumentPanel.tsx';
import './reports.css';
import { useToday } from '../../app/today.tsx';
import { DateField } from '../../components/DateField.tsx';

// The Reports screen: the CSP progress report for a district's board and
// the countywide learning report, both Word documents that main builds,
// asks where to save and writes whole or not at all; then the check of any
// document for real names.

type Task = 'reports.cspProgress' | 'reports.countywide';
/** reviewedFirstNames: the person has reviewed the first names found on their own, and the report may go ahead */
type Request = (reviewedFirstNames: boolean) => Promise<{ file: string | null }>;
type Outcome =
  | { kind: 'saved'; file: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string; namesFound: boolean }
  | { kind: 'review'; places: string[]; request: Request };

/** Progress and the outcome of one kind of report: only one export runs at a time. */
function useReportExport(task: Task, busy: Task | null, setBusy: (t: Task | null) => void) {
  const [progress, setProgress] = useState<EventPayload<'task.progress'> | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useEvent(
    'task.progress',
    useCallback((p: EventPayload<'task.progress'>) => {
      if (p.task === task) setProgress(p);
    }, [task]),
  );
  async function run(request: Request, reviewedFirstNames = false) {
    setBusy(task);
    setOutcome(null);
    setProgress(null);
    setFieldErrors({});
    try {
      const result = await request(reviewedFirstNames);
      setOutcome(result.file ? { kind: 'saved', file: result.file } : { kind: 'cancelled' });
    } catch (e) {
      const places = firstNamesToReviewOf(e);
      if (places) setOutcome({ kind: 'review', places, request });
      else setOutcome({ kind: 'error', message: errorMessage(e), namesFound: e instanceof ApiError && e.code === 'NAMES_FOUND' });
      if (e instanceof ApiError && !places) setFieldErrors(e.fields);
    } finally {
      setBusy(null);
    }
  }
  return { running: busy === task, progress, outcome, fieldErrors, run, clearOutcome: () => setOutcome(null) };
}

function OutcomeMessage({ outcome, what, exporter }: { outcome: Outcome | null; what: string; exporter: ReturnType<typeof useReportExport> }) {
  if (!outcome) return null;
  if (outcome.kind === 'review') {
    return <NamesToReview what={what} places={outcome.places} busy={exporter.running} onConfirm={() => void exporter.run(outcome.request, true)} onCancel={exporter.clearOutcome} />;
  }
  if (outcome.kind === 'saved') {
    return (
      <Alert kind="success" title={`${what} saved`}>
        <p className="reports__file">{outcome.file}</p>
      </Alert>
    );
  }
  if (outcome.kind === 'cancelled') return <Alert kind="info">Nothing was saved: you cancelled choosing where to save the {what.toLowerCase()}.</Alert>;
  return (
    <Alert title={outcome.namesFound ? `${what} not saved: real names found` : `${what} not saved`}>
      {/* A refusal for publication lists each place a name was found, one per line. */}
      <p className="reports__message">{outcome.message}</p>
    </Alert>
  );
}

function ExportProgress({ running, progress }: { running: boolean; progress: EventPayload<'task.progress'> | null }) {
  if (!running) return null;
  return progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} /> : <p aria-live="polite">Starting…</p>;
}

function PublicationCheckbox({ checked, onChange, hint }: { checked: boolean; onChange: (v: boolean) => void; hint: ReactNode }) {
  const hintId = useId();
  return (
    <div className="reports__publication">
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hintId} />
        For publication
      </label>
      <p className="hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}

const PUBLICATION_HINT =
  'The report is checked for the real name of anyone in any review’s pseudonym register, and is not saved if one appears in it. A first name on its own is listed for you to review before the report is saved.';

function CspReportForm({ busy, setBusy }: { busy: Task | null; setBusy: (t: Task | null) => void }) {
  const { lists, settings } = usePartnership();
  const today = useToday();
  const districts = lists.districts.filter((d) => !d.retired);
  const [districtId, setDistrictId] = useState('');
  const [asAt, setAsAt] = useState(today);
  const [forPublication, setForPublication] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = useId();
  const exporter = useReportExport('reports.cspProgress', busy, setBusy);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!districtId) found.districtId = 'Choose the district the report is for.';
    if (!isIsoDate(asAt)) found.asAt = 'Enter the date the report is as at.';
    else if (asAt > today) found.asAt = `The report can be as at today (${formatLongDate(today)}) or an earlier day, not a future one.`;
    setErrors(found);
    if (Object.keys(found).length) {
      exporter.clearOutcome();
      return;
    }
    void exporter.run((reviewedFirstNames) => call('reports.cspProgress', { districtId, asAt, forPublication, reviewedFirstNames }));
  }

  const shown = { ...exporter.fieldErrors, ...errors };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>CSP progress report</h2>
      <p>
        A Word report for a Community Safety Partnership board: every {settings.reviewLabel} recommendation that applies in the district, whichever review made it, with its
        lead, target, latest update and status, overdue items first, charts of status by review and over time, and the decisions that a recommendation does not apply.
      </p>
      <form onSubmit={submit} noValidate>
        <SelectField
          label="District"
          id="csp-report-district"
          placeholder="Choose a district"
          value={districtId}
          error={shown.districtId}
          onChange={(e) => setDistrictId(e.target.value)}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
        />
        <DateField
          label="As at"
          id="csp-report-as-at"
          className="input--date"
          hint="Only progress updates dated on or before this day count, and target dates are compared with it."
          value={asAt}
          error={shown.asAt}
          onChange={(e) => setAsAt(e.target.value)}
        />
        <PublicationCheckbox checked={forPublication} onChange={setForPublication} hint={PUBLICATION_HINT} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy !== null} aria-busy={exporter.running}>
            {exporter.running ? 'Exporting…' : 'Export CSP report'}
          </button>
        </div>
      </form>
      <ExportProgress running={exporter.running} progress={exporter.progress} />
      <OutcomeMessage outcome={exporter.outcome} what="CSP progress report" exporter={exporter} />
    </section>
  );
}

function CountywideReportForm({ busy, setBusy }: { busy: Task | null; setBusy: (t: Task | null) => void }) {
  const { settings } = usePartnership();
  const today = useToday();
  const [from, setFrom] = useState(() => addDays(addMonths(today, -12), 1));
  const [to, setTo] = useState(today);
  const [forPublication, setForPublication] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = useId();
  const exporter = useReportExport('reports.countywide', busy, setBusy);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!isIsoDate(from)) found.from = 'Enter the first day of the period.';
    if (!isIsoDate(to)) found.to = 'Enter the last day of the period.';
    else if (isIsoDate(from) && to < from) found.to = `The period ends (${formatLongDate(to)}) before it starts (${formatLongDate(from)}). Give an end date on or after the start date.`;
    setErrors(found);
    if (Object.keys(found).length) {
      exporter.clearOutcome();
      return;
    }
    void exporter.run((reviewedFirstNames) => call('reports.countywide', { from, to, forPublication, reviewedFirstNames }));
  }

  const shown = { ...exporter.fieldErrors, ...errors };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Countywide learning report</h2>
      <p>
        A Word report for the countywide {settings.reviewLabel} group: the reviews notified or open in the period with their stage and duration, themes across them,
        recommendations made again and again, the applicability and implementation matrix across districts, overdue items by district, and recommendations to national
        bodies with whether each was acknowledged.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="reports__period">
          <DateField label="From" id="countywide-report-from" className="input--date" value={from} error={shown.from} onChange={(e) => setFrom(e.target.value)} />
          <DateField label="To" id="countywide-report-to" className="input--date" value={to} error={shown.to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <PublicationCheckbox checked={forPublication} onChange={setForPublication} hint={PUBLICATION_HINT} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy !== null} aria-busy={exporter.running}>
            {exporter.running ? 'Exporting…' : 'Export countywide report'}
          </button>
        </div>
      </form>
      <ExportProgress running={exporter.running} progress={exporter.progress} />
      <OutcomeMessage outcome={exporter.outcome} what="Countywide learning report" exporter={exporter} />
    </section>
  );
}

export function ReportsScreen() {
  const [busy, setBusy] = useState<Task | null>(null);
  return (
    <>
      <h1>Reports</h1>
      <p className="hint">Each report is a Word document with the protective marking on every page. You choose where to save it; it is written whole or not at all.</p>
      <CspReportForm busy={busy} setBusy={setBusy} />
      <CountywideReportForm busy={busy} setBusy={setBusy} />
      <CheckDocumentPanel />
    </>
  );
}
