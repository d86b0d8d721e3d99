import { useEffect, useId, useState, type ReactNode } from 'react';
import { FieldError } from './FieldShell.tsx';

// A date as three boxes, Day, Month and Year (the GOV.UK date input), so
// the day always comes first whatever language or region the computer is
// set to: a browser's own date box follows the machine's locale, and on a
// laptop set to US English it asks for the month first.

interface DateFieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** The Day box's id, so an error summary can link to the date */
  id?: string;
  /** yyyy-mm-dd, or '' for no date */
  value: string;
  /**
   * Called with yyyy-mm-dd once all three boxes are filled, with '' when all
   * three are empty, and otherwise with what was typed (not a real date), so
   * the form's own check says so rather than treating it as blank.
   */
  onChange: (event: { target: { value: string } }) => void;
  className?: string;
}

type Parts = { day: string; month: string; year: string };

function partsOf(value: string): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

function valueOf({ day, month, year }: Parts): string {
  const [d, mo, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !mo && !y) return '';
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(mo) && /^\d{4}$/.test(y)) return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return `${y}-${mo}-${d}`;
}

export function DateField({ label, hint, error, id: fixedId, value, onChange, className }: DateFieldProps) {
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  // A new value from outside (a reset, a loaded record) replaces what is in the boxes; the value they make already does not.
  useEffect(() => {
    if (value !== valueOf(parts)) setParts(partsOf(value));
    // Only a change of value from outside counts: `parts` changes with every key press.
  }, [value]);
  const change = (key: keyof Parts) => (text: string) => {
    const next = { ...parts, [key]: text.replace(/\D/g, '') };
    setParts(next);
    onChange({ target: { value: valueOf(next) } });
  };
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const box = (key: keyof Parts, name: string, size: 'short' | 'year', boxId: string) => (
    <div className="date-input__item">
      <label htmlFor={boxId}>{name}</label>
      <input
        id={boxId}
        className={`date-input__box date-input__box--${size}`}
        inputMode="numeric"
        maxLength={size === 'year' ? 4 : 2}
        autoComplete="off"
        value={parts[key]}
        aria-invalid={error ? true : undefined}
        onChange={(e) => change(key)(e.target.value)}
      />
    </div>
  );
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <fieldset className="date-input" aria-describedby={describedBy}>
        <legend className="date-input__legend">{label}</legend>
        <div className="field__hint" id={hintId}>
          {hint ? <>{hint} </> : null}For example, 27 3 2026.
        </div>
        {error ? <FieldError id={errorId!} message={error} /> : null}
        <div className="date-input__row">
          {box('day', 'Day', 'short', id)}
          {box('month', 'Month', 'short', `${id}-month`)}
          {box('year', 'Year', 'year', `${id}-year`)}
        </div>
      </fieldset>
    </div>
  );
}
