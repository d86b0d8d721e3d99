import { fixedClock, manualClock } from '../../shared/domain/clock.ts';

/**
 * The day every test runs on, whatever the calendar says. The dates written
 * into the tests (deaths, deadlines, target dates) were chosen around it, so
 * a test means the same in 2026, 2029 or 2031. Nothing in a test may ask the
 * system for the date: it asks this clock, or a clock of its own.
 */
export const TEST_TODAY = '2026-11-21';

/** A clock on TEST_TODAY that a test can move on (idle timers, backup schedules). */
export function testClock(at: string | Date = TEST_TODAY) {
  return manualClock(at);
}

/** What openStore and createStore need in a test: a version, and the test day's clock. */
export const TEST_STORE_OPTIONS = { appVersion: 'test', clock: fixedClock(TEST_TODAY) } as const;

/** The environment that makes a dhr command run on the test day. */
export const TEST_DAY_ENV = { DHR_TODAY: TEST_TODAY } as const;

export type ClockWithTimers = ReturnType<typeof clockWithTimers>;

/**
 * The test day's clock with timers that run on it instead of on real time:
 * advance() moves the clock on and fires, in time order, every timer that
 * falls due, including timers those timers set (the backup schedule does).
 */
export function clockWithTimers(at: string | Date = `${TEST_TODAY}T09:00:00Z`) {
  const clock = manualClock(at);
  const nowMs = () => clock.now().getTime();
  const timers: Array<{ at: number; fn: () => void; cleared: boolean }> = [];
  return {
    clock,
    timers: {
      setTimeout: ((fn: () => void, ms: number) => {
        const timer = { at: nowMs() + ms, fn, cleared: false };
        timers.push(timer);
        return timer;
      }) as never as typeof setTimeout,
      clearTimeout: ((timer: { cleared: boolean } | null | undefined) => {
        if (timer) timer.cleared = true;
      }) as never as typeof clearTimeout,
    },
    advance(ms: number) {
      const until = nowMs() + ms;
      for (;;) {
        const next = timers.filter((t) => !t.cleared && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        if (next.at > nowMs()) clock.set(new Date(next.at));
        next.cleared = true;
        next.fn();
      }
      clock.set(new Date(until));
    },
    pending: () => timers.filter((t) => !t.cleared),
  };
}

/** What rekeyStore needs in a test: the test day's clock, for its audit entry. */
export const REKEY_OPTIONS = { clock: fixedClock(TEST_TODAY) } as const;
