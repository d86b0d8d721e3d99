import { isIsoDate, ukDateOf } from './dates.ts';

/**
 * Where "now" comes from. Every rule that depends on the day (overdue,
 * due soon, days in stage, future dates refused, backup schedule, audit
 * timestamps) asks a Clock, never the system, so a test or a reproducible
 * CLI run can say which day it is and get the same answer in any year.
 * This file is the only one in the app allowed to read the system clock.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The computer's own clock: what the desktop app and the CLI use unless told otherwise. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant: "2031-03-15" (noon UK time that day) or a full ISO timestamp. */
export function fixedClock(at: string | Date): Clock {
  const instant = typeof at === 'string' ? parseInstant(at) : new Date(at.getTime());
  return { now: () => new Date(instant.getTime()) };
}

/** A clock that can be moved on by hand, for tests of timers and schedules. */
export function manualClock(at: string | Date): Clock & { advance(ms: number): void; set(at: string | Date): void } {
  let instant = typeof at === 'string' ? parseInstant(at) : new Date(at.getTime());
  return {
    now: () => new Date(instant.getTime()),
    advance(ms) {
      instant = new Date(instant.getTime() + ms);
    },
    set(next) {
      instant = typeof next === 'string' ? parseInstant(next) : new Date(next.getTime());
    },
  };
}

/** Today's calendar date in the UK (yyyy-mm-dd), by the given clock. */
export function todayOf(clock: Clock): string {
  return ukDateOf(clock.now());
}

/** The clock's instant as an ISO timestamp, as the store records it. */
export function stampOf(clock: Clock): string {
  return clock.now().toISOString();
}

/**
 * A day given as yyyy-mm-dd becomes midday that day, so the UK date it
 * stands for is the same whether British Summer Time is in force or not.
 */
function parseInstant(at: string): Date {
  if (isIsoDate(at)) return new Date(`${at}T12:00:00Z`);
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date or timestamp: ${JSON.stringify(at)}`);
  return instant;
}
