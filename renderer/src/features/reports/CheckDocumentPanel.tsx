import { useId, useState, type ReactNode } from 'react';
import { buildNameMatchers, findNames } from '../../../../shared/domain/name-matching.ts';
import type { AnonymityHit, AnonymityReport } from '../../../../shared/ipc/schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import './check-document.css';

// "Check a document for names": any .docx the person picks (a chair's own
// draft overview report, say) is read in main and checked against every
// review's pseudonym register. The file is only read, never changed.

/** The file's own name, from a Windows or POSIX path. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** The context with each occurrence of the hit's name marked, found the way the guard found it. */
function MarkedContext({ hit }: { hit: AnonymityHit }) {
  const matches = findNames(hit.context, buildNameMatchers([{ reviewReference: hit.reviewReference, pseudonym: '', realName: hit.name }]));
  if (!matches.length) return <>{hit.context}</>;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) pieces.push(hit.context.slice(at, m.start));
    pieces.push(<mark key={m.start}>{hit.context.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  if (at < hit.context.length) pieces.push(hit.context.slice(at));
  return <>{pieces}</>;
}

function HitsTable({ report, captionId }: { report: AnonymityReport & { file: string }; captionId: string }) {
  const name = baseName(report.file);
  return (
    <ScrollRegion label={`Real names found in ${name}`}>
      <table className="check-document__hits" aria-describedby={captionId}>
        <caption>
          Real names found in {name}, in the order they appear
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Review</th>
            <th scope="col">Where</th>
            <th scope="col">Context</th>
          </tr>
        </thead>
        <tbody>
          {report.hits.map((hit, i) => (
            <tr key={i}>
              <td>
                {hit.name}
                {/* A first name on its own may be someone else's: said in words, not by colour. */}
                {hit.kind === 'first name' ? <span className="hint"> (first name only: may be someone else, review it)</span> : null}
              </td>
              <td>{hit.reviewReference}</td>
              <td>{hit.location}</td>
              <td className="check-document__context">
                <MarkedContext hit={hit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** What a check found: a clean result, or a warning with a table of every place a name was found. */
export function CheckDocumentResult({ report }: { report: AnonymityReport }) {
  const warningId = useId();
  if (!report.checked || !report.file) return null;
  const file = report.file;
  if (report.hits.length === 0) return <Alert kind="success">No real names from any pseudonym register were found in {baseName(file)}.</Alert>;
  const places = report.hits.length === 1 ? 'one place' : `${report.hits.length} places`;
  return (
    <>
      <div className="alert check-document__warning" role="alert" id={warningId}>
        <p className="alert__title">
          Warning: real names found in {places} in {baseName(file)}
        </p>
        <p>Do not publish or share this document as it is. Replace each name below with the person's pseudonym, then check the document again.</p>
      </div>
      <HitsTable report={{ ...report, file }} captionId={warningId} />
    </>
  );
}

/** A section for the Reports screen: pick a Word document and list every real name in it. */
export function CheckDocumentPanel() {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AnonymityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  async function check() {
    setBusy(true);
    setError(null);
    // Cleared first, so a result is announced afresh even when it is the same as last time.
    setReport(null);
    try {
      setReport(await call('anonymity.checkFile', {}));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel check-document" aria-labelledby={headingId}>
      <h2 id={headingId}>Check a document for names</h2>
      <p>
        Before a document is published or shared beyond the review panel, check that it holds no real names. Choose any Word document (.docx), such as a draft
        overview report. DHR Tracker looks for the real name of every person in every review's pseudonym register: in the text and tables, headers and
        footers, footnotes, comments, text boxes, tracked changes and the document's properties.
      </p>
      <p className="hint">The document is only read, never changed. Text inside pictures cannot be checked.</p>
      <button type="button" className="button" onClick={() => void check()} disabled={busy} aria-busy={busy}>
        {busy ? 'Checking…' : 'Check a document for names'}
      </button>
      <div className="check-document__result">
        {error ? <Alert title="The document was not checked">{error}</Alert> : null}
        {report ? <CheckDocumentResult report={report} /> : null}
      </div>
    </section>
  );
}
