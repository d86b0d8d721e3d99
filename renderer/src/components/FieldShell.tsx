import { useId, type ReactNode } from 'react';

export interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** A stable id, so an error summary can link to the control */
  id?: string;
  className?: string;
  children: (control: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }) => ReactNode;
}

/** Label, hint and error around any control, tied together for screen readers. */
export function FieldShell({ label, hint, error, id: fixedId, className, children }: FieldShellProps) {
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? <FieldError id={errorId!} message={error} /> : null}
      {children({ id, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** A field's error, announced as one: "Error: " is there for screen readers, the colour and bar for the eye. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}
