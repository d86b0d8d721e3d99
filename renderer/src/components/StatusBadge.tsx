import type { Status } from '../../../shared/domain/vocabulary.ts';
import { useStatusKey } from '../app/status-colours.tsx';

/**
 * A status in words, with its colour as a swatch beside them, never colour
 * alone. The colour and its name are the partnership's (Settings, Status
 * colours); the words are fixed. The colour's name is given in keys and
 * legends (withColourName), not after every status word.
 */
export function StatusBadge({ status, withColourName = false }: { status: Status; withColourName?: boolean }) {
  const s = useStatusKey()[status];
  return (
    <span className={`status status--${status}`}>
      <StatusSwatch colour={s.colour} />
      {s.label}
      {withColourName ? <span className="status__colour"> ({s.colourName})</span> : null}
    </span>
  );
}

/** Just the colour, for legends and previews; hidden from screen readers, so words must sit beside it. */
export function StatusSwatch({ colour }: { colour: string }) {
  return <span className="status__swatch" aria-hidden="true" style={{ background: colour }} />;
}
