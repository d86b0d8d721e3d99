import type { ReactNode } from 'react';

/** A horizontally scrolling area for wide tables, reachable and scrollable from the keyboard. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
