import { DUE_WORDS, type DueState } from '../../../shared/domain/implementation-status.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * A status with how it stands against its target date. "On track" beside a
 * red "Overdue" reads as a contradiction, so an overdue item says what it
 * is first and what was last reported after: "Overdue (last reported: On
 * track)". A missing target date is its own flag: such an item can never
 * become overdue until one is set.
 */
export function StatusWithDue({ status, due }: { status: Status | null; due: DueState }) {
  const badge = <StatusBadge status={status ?? 'not_started'} />;
  if (due === 'overdue') {
    return (
      <span className="status-with-due">
        <span className="tag tag--warning">{DUE_WORDS.overdue}</span> (last reported: {badge})
      </span>
    );
  }
  return (
    <span className="status-with-due">
      {badge}
      {due === 'due_soon' ? <> <span className="tag tag--warning">{DUE_WORDS.due_soon}</span></> : null}
      {due === 'no_target' ? <> <span className="tag tag--warning">Target date not set yet</span></> : null}
    </span>
  );
}
