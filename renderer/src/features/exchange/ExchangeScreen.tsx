import { useId, useState } from 'react';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ActionPlanPanel } from './ActionPlanPanel.tsx';
import { ExportPackagePanel, ImportPackagePanel } from './PackagePanels.tsx';
import './exchange.css';

// The Exchange screen: packages between installations, action plans in from
// Word and Excel, and the store out to analysts as a spreadsheet.

function ExportSpreadsheetPanel() {
  const headingId = useId();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved'; file: string } | { kind: 'cancelled' } | { kind: 'error'; message: string } | null>(null);

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await call('exchange.exportSpreadsheet', { format });
      setOutcome(result.file ? { kind: 'saved', file: result.file } : { kind: 'cancelled' });
    } catch (e) {
      setOutcome({ kind: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel exchange__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export spreadsheet</h2>
      <p>
        Every review, recommendation, action, applicability decision and progress update, one row each, for analysis in Excel or another program. Pseudonyms
        only: the pseudonym register is never exported, and evidence files are listed by name only.
      </p>
      <fieldset>
        <legend>Form</legend>
        <label className="checkbox">
          <input type="radio" name="analyst-format" value="xlsx" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} />
          Excel workbook (.xlsx): one sheet each, with dates as real dates (dd/mm/yyyy)
        </label>
        <br />
        <label className="checkbox">
          <input type="radio" name="analyst-format" value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} />
          CSV files, one per table, in a zip (.zip)
        </label>
      </fieldset>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? 'Exporting…' : 'Export spreadsheet'}
      </button>
      {outcome?.kind === 'saved' ? (
        <Alert kind="success" title="Spreadsheet saved">
          <p className="exchange__file">{outcome.file}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'cancelled' ? <Alert kind="info">Nothing was saved: you cancelled choosing where to save it.</Alert> : null}
      {outcome?.kind === 'error' ? <Alert title="The spreadsheet was not exported">{outcome.message}</Alert> : null}
    </section>
  );
}

export function ExchangeScreen() {
  return (
    <div className="exchange">
      <h1>Exchange</h1>
      <p className="exchange__intro">
        Share records with the other installations in the partnership, bring in action plans kept in Word or Excel, and give analysts a spreadsheet.
      </p>
      <ExportPackagePanel />
      <ImportPackagePanel />
      <ActionPlanPanel />
      <ExportSpreadsheetPanel />
    </div>
  );
}
