import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
}

/** className goes on the field as a whole (for layout); the text box itself is styled by the form. */
export function TextAreaField({ label, hint, error, id, rows = 4, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </FieldShell>
  );
}
