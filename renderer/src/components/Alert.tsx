import type { ReactNode } from 'react';

/** A message announced to screen readers as soon as it appears. */
export function Alert({ kind = 'error', title, children }: { kind?: 'error' | 'info' | 'success'; title?: string; children: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
