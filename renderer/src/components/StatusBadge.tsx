import type { Status } from '../../../shared/domain/vocabulary.ts';
import { useStatusKey } from '../app/status-colours.tsx';

/**
 * A status in words, with its colour as a swatch beside them, never colour
 * alone. The colour and its name are the partnership's (Settings, Status
 * colours); the words are fixed. compact leaves out the colour's name, where
 * a legend nearby gives it.
 */
export function StatusBadge({ status, compact = false }: { status: Status; compact?: boolean }) {
  const s = useStatusKey()[status];
  return (
    <span className={`status status--${status}`}>
      <StatusSwatch colour={s.colour} />
      {s.label}
      {compact ? null : <span className="status__colour"> ({s.colourName})</span>}
    </span>
  );
}

/** Just the colour, for legends and previews; hidden from screen readers, so words must sit beside it. */
export function StatusSwatch({ colour }: { colour: string }) {
  return <span className="status__swatch" aria-hidden="true" style={{ background: colour }} />;
}
