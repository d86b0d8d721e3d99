import { STATUS_DEFAULTS, type Status } from '../../../shared/domain/vocabulary.ts';

/** A status in words, with its colour as a swatch beside them, never colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const s = STATUS_DEFAULTS[status];
  return (
    <span className={`status status--${status}`}>
      <span className="status__swatch" aria-hidden="true" />
      {s.label}
      <span className="status__colour"> ({s.colourName})</span>
    </span>
  );
}
