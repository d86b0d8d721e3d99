import type { ReactNode } from 'react';

/**
 * An editable list of similar rows (IMRs, pauses, panel members…): each row
 * is a fieldset with a numbered legend and its own Remove button, and an
 * Add button follows the list.
 */
export function RepeatingRows<T>({
  title,
  noun,
  rows,
  onChange,
  create,
  render,
  hint,
}: {
  title: string;
  noun: string;
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  create: () => T;
  render: (row: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  hint?: ReactNode;
}) {
  const update = (index: number) => (patch: Partial<T>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="repeating">
      <legend>{title}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {rows.length === 0 ? <p className="repeating__empty">None recorded.</p> : null}
      {rows.map((row, index) => (
        <fieldset key={index} className="repeating__row">
          <legend>
            {noun} {index + 1}
          </legend>
          <div className="repeating__fields">{render(row, index, update(index))}</div>
          <button type="button" className="button button--warning button--small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove {noun.toLowerCase()} {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => onChange([...rows, create()])}>
        Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
