import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
}

export function TextAreaField({ label, hint, error, id, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} id={id}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </FieldShell>
  );
}
