import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell.tsx';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
  options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
  /** Shown first with an empty value, such as "Choose a district" */
  placeholder?: string;
}

export function SelectField({ label, hint, error, id, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <div className="field__row">
          <select {...control} {...select}>
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldShell>
  );
}
