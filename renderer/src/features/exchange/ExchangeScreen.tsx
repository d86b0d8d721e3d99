import { useId, useState } from 'react';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { firstNamesToReviewOf, NamesToReview } from '../../components/NamesToReview.tsx';
import { ActionPlanPanel } from './ActionPlanPanel.tsx';
import { ExportPackagePanel, ImportPackagePanel } from './PackagePanels.tsx';
import './exchange.css';

// The Exchange screen: packages between installations, action plans in from
// Word and Excel, and the store out to analysts as a spreadsheet.

function ExportSpreadsheetPanel() {
  const headingId = useId();
  const internalHintId = useId();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'saved'; file: string; internal: boolean } | { kind: 'cancelled' } | { kind: 'error'; message: string } | { kind: 'review'; places: string[] } | null
  >(null);

  async function run(reviewedFirstNames = false) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await call('exchange.exportSpreadsheet', { format, internal, reviewedFirstNames });
      setOutcome(result.file ? { kind: 'saved', file: result.file, internal } : { kind: 'cancelled' });
    } catch (e) {
      const places = firstNamesToReviewOf(e);
      setOutcome(places ? { kind: 'review', places } : { kind: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel exchange__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export spreadsheet</h2>
      <p>
        Every review, recommendation, action, applicability decision and progress update, one row each, for analysis in Excel or another program. Pseudonyms
        only: the pseudonym register is never exported, and evidence files are listed by name only. The text is checked for the real name of anyone in any
        review’s pseudonym register, and the spreadsheet is not saved if one appears in it.
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
      <div className="exchange__internal">
        <label className="checkbox">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} aria-describedby={internalHintId} />
          Internal export, marked OFFICIAL-SENSITIVE
        </label>
        <p className="hint" id={internalHintId}>
          For analysts inside the partnership who need the records as they are: saved even where a real name appears in the text, and marked OFFICIAL-SENSITIVE in its
          file name and inside it. Never publish it or share it outside the partnership.
        </p>
      </div>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? 'Exporting…' : 'Export spreadsheet'}
      </button>
      {outcome?.kind === 'saved' ? (
        <Alert kind="success" title={outcome.internal ? 'Internal spreadsheet saved, marked OFFICIAL-SENSITIVE' : 'Spreadsheet saved'}>
          <p className="exchange__file">{outcome.file}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'review' ? <NamesToReview what="Spreadsheet" places={outcome.places} busy={busy} onConfirm={() => void run(true)} onCancel={() => setOutcome(null)} /> : null}
      {outcome?.kind === 'cancelled' ? <Alert kind="info">Nothing was saved: you cancelled choosing where to save it.</Alert> : null}
      {outcome?.kind === 'error' ? (
        <Alert title="The spreadsheet was not exported">
          <span className="preserve-lines">{outcome.message}</span>
        </Alert>
      ) : null}
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
