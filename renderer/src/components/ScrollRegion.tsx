import type { ReactNode, Ref } from 'react';

/**
 * A scrolling area for wide tables, reachable and scrollable from the
 * keyboard. focusable={false} is for content that takes focus itself, such
 * as a grid with a roving tab stop: the browser scrolls the focused cell into
 * view, so the region need not be a tab stop of its own. className adds to
 * the region's own class, such as a modifier that also limits its height.
 */
export function ScrollRegion({
  label,
  children,
  focusable = true,
  className,
  regionRef,
}: {
  label: string;
  children: ReactNode;
  focusable?: boolean;
  className?: string;
  /** The scrolling element, for a windowed table inside it */
  regionRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={regionRef} className={`table-wrap${className ? ` ${className}` : ''}`} role="region" aria-label={label} tabIndex={focusable ? 0 : undefined}>
      {children}
    </div>
  );
}
