import { useRef, useState, type FormEvent } from 'react';
import { contrastRatio, formatRatio, isHexColour, MIN_STATUS_CONTRAST, statusColourProblem, WHITE } from '../../../../shared/domain/colour-contrast.ts';
import type { StatusColours } from '../../../../shared/ipc/progress-schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { FieldShell } from '../../components/FieldShell.tsx';
import { StatusSwatch } from '../../components/StatusBadge.tsx';
import { call } from '../../app/api-client.ts';
import { problemOf, ProblemAlert, type Problem } from './problems.tsx';

type StatusColour = StatusColours[number];

/**
 * The partnership's status key: each status's colour and the colour's name.
 * The words are fixed, so a status reads the same everywhere; a colour too
 * light to see on white (under 3:1) is refused.
 */
export function StatusColoursSection({
  statuses,
  onSaved,
  notice,
  onNotice,
}: {
  statuses: StatusColours;
  onSaved: (list: StatusColours) => Promise<void>;
  notice: string | null;
  onNotice: (text: string | null) => void;
}) {
  const [problem, setProblem] = useState<{ code: string; title: string; problem: Problem } | null>(null);
  return (
    <section aria-labelledby="status-colours-heading" className="panel settings-list">
      <h2 id="status-colours-heading">Status colours</h2>
      <p className="hint">
        Each implementation status is shown in words with its colour beside them, everywhere in DHR Tracker. You can change a colour and its name to match your
        partnership’s key; the words stay the same. A colour must stand out against white: its contrast with white must be at least {MIN_STATUS_CONTRAST}:1.
      </p>
      {problem ? <ProblemAlert title={problem.title} problem={problem.problem} /> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <div className="status-colours">
        {statuses.map((s) => (
          <StatusColourForm
            key={`${s.code} ${s.colour} ${s.colourName}`}
            status={s}
            fields={problem?.code === s.code ? problem.problem.fields : {}}
            onSubmit={async (colour, colourName) => {
              onNotice(null);
              setProblem(null);
              const local = statusColourProblem(colour);
              if (local) {
                setProblem({ code: s.code, title: `The colour for ${s.label} was not saved`, problem: { message: local, fields: { colour: local } } });
                return;
              }
              try {
                const list = await call('statuses.update', { code: s.code, colour, colourName });
                await onSaved(list);
                const saved = list.find((x) => x.code === s.code)!;
                onNotice(`Saved the colour for ${saved.label}: ${saved.colourName} (${saved.colour}).`);
              } catch (error) {
                setProblem({ code: s.code, title: `The colour for ${s.label} was not saved`, problem: problemOf(error) });
              }
            }}
          />
        ))}
      </div>
    </section>
  );
}

function StatusColourForm({ status, fields, onSubmit }: { status: StatusColour; fields: Record<string, string>; onSubmit: (colour: string, colourName: string) => Promise<void> }) {
  const [hex, setHex] = useState(status.colour);
  const [colourName, setColourName] = useState(status.colourName);
  /** A request is on its way: a second click or Enter does nothing until it returns. */
  const busy = useRef(false);
  const valid = isHexColour(hex.trim());
  const colour = valid ? hex.trim().toLowerCase() : status.colour;
  const ratio = valid ? contrastRatio(colour, WHITE) : null;
  const headingId = `status-colour-${status.code}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    try {
      await onSubmit(hex.trim(), colourName);
    } finally {
      busy.current = false;
    }
  }

  return (
    <form className="status-colour" aria-labelledby={headingId} noValidate onSubmit={(e) => void submit(e)}>
      <h3 id={headingId}>{status.label}</h3>
      <p className="hint status-colour__meaning">{status.meaning}</p>
      <div className="status-colour__fields">
        <FieldShell label={`Colour for ${status.label}`}>
          {(control) => (
            <div className="field__row">
              <input {...control} type="color" className="status-colour__picker" value={colour} onChange={(e) => setHex(e.target.value)} />
            </div>
          )}
        </FieldShell>
        <Field
          label={`Hex code for ${status.label}`}
          value={hex}
          onChange={(e) => setHex(e.target.value)}
          error={fields.colour}
          className="input--short"
          spellCheck={false}
          autoComplete="off"
        />
        <Field
          label={`Colour name for ${status.label}`}
          value={colourName}
          onChange={(e) => setColourName(e.target.value)}
          error={fields.colourName}
          className="input--short"
        />
      </div>
      <p className="status-colour__preview">
        <span className="status">
          <StatusSwatch colour={colour} />
          {status.label}
          <span className="status__colour"> ({colourName.trim() || 'no name'})</span>
        </span>{' '}
        <span className={ratio !== null && ratio < MIN_STATUS_CONTRAST ? 'status-colour__low' : 'hint'}>
          {ratio === null
            ? 'Give a hex code of # and six digits or letters a to f.'
            : `Contrast with white: ${formatRatio(ratio)}${ratio < MIN_STATUS_CONTRAST ? `, too light (at least ${MIN_STATUS_CONTRAST}:1 is needed)` : ''}.`}
        </span>
      </p>
      <button type="submit" className="button">
        Save {status.label} colour
      </button>
    </form>
  );
}
