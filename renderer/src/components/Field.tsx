import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldShell } from './FieldShell.tsx';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** A stable id, so an error summary can link to the input */
  id?: string;
  /** Something beside the input, such as a "Choose…" button */
  after?: ReactNode;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field({ label, hint, error, id, after, ...input }: FieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <div className="field__row">
          <input {...control} {...input} />
          {after}
        </div>
      )}
    </FieldShell>
  );
}
