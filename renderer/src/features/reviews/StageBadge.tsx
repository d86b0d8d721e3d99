import { formatUkDate } from '../../../../shared/domain/dates.ts';
import type { ReviewClockView } from '../../../../shared/ipc/review-schemas.ts';

/** The stage in words, with how long the review has been there. */
export function StageBadge({ clock }: { clock: ReviewClockView }) {
  return (
    <span className="stage">
      <span className={`tag tag--${clock.stage === 'closed' || clock.stage === 'not_held' ? 'done' : 'info'}`}>{clock.stageLabel}</span>
      {clock.daysInStage !== null ? <span className="stage__days"> for {clock.daysInStage.toLocaleString('en-GB')} days</span> : null}
    </span>
  );
}

/** The deadlines a review has missed or is still open against, in words. */
export function ClockWarnings({ clock, compact = false }: { clock: ReviewClockView; compact?: boolean }) {
  const warnings: string[] = [];
  if (clock.decisionOverdue) warnings.push(compact ? 'Decision overdue' : `Decision overdue: it was due by ${formatUkDate(clock.decisionDue!)}`);
  if (clock.completionOverdue) {
    warnings.push(compact ? 'Completion overdue' : `Completion overdue: the report was due at the Home Office by ${formatUkDate(clock.completionDue!)}${clock.pausedDays ? ` (after ${clock.pausedDays} paused days)` : ''}`);
  }
  if (clock.qaResubmissionOutstanding) warnings.push(compact ? 'QA resubmission outstanding' : 'QA resubmission outstanding: the Home Office asked for changes and the report has not been resubmitted');
  const open = clock.actionPlanOpen ? (compact ? 'Action plan open' : 'Action plan still open after publication') : null;
  if (!warnings.length && !open) return compact ? <span className="hint">None</span> : null;
  return (
    <ul className={`warnings${compact ? ' warnings--compact' : ''}`}>
      {warnings.map((w) => (
        <li key={w}>
          <span className="tag tag--warning">Overdue</span> {w}
        </li>
      ))}
      {open ? (
        <li>
          <span className="tag tag--info">Open</span> {open}
        </li>
      ) : null}
    </ul>
  );
}
