import { addDays, daysBetween, isIsoDate } from '../../../shared/domain/dates.ts';
import type { DemoReview } from './demo-types.ts';

// The hand-written demo reviews describe a county as it stood on one day.
// Loaded on any other day, every date moves by the same number of days, so
// the register still has a review at every stage, some actions overdue and
// some due soon, and a history that ends today, whatever year it is. Years
// in the text ("by March 2018", "DHR-FL-2016-01", "2025/26") move with
// them, except the years in the names of Acts, which are law, not events.

/** The day the demo reviews were written to be "as at". */
export const DEMO_WRITTEN_AS_AT = '2026-11-21';

const DAYS_PER_YEAR = 365.2425;

/** The demo reviews as they would read on `today`: dates moved by whole days, years in the text with them. */
export function demoReviewsAsAt(reviews: readonly DemoReview[], today: string): DemoReview[] {
  const days = daysBetween(DEMO_WRITTEN_AS_AT, today);
  if (days === 0) return [...reviews];
  const years = Math.round(days / DAYS_PER_YEAR);
  return reviews.map((review) => ({ ...(moveValue(review, days, years) as DemoReview), seed: review.seed ?? review.reference }));
}

function moveValue(value: unknown, days: number, years: number): unknown {
  if (typeof value === 'string') return isIsoDate(value) ? addDays(value, days) : moveYearsInText(value, years);
  if (Array.isArray(value)) return value.map((v) => moveValue(v, days, years));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moveValue(v, days, years)]));
  return value;
}

/** "2018/19" stays a financial year; "Care Act 2014" stays the Act it is. */
export function moveYearsInText(text: string, years: number): string {
  if (years === 0) return text;
  return text
    .replace(/(?<!\bAct )\b((?:19|20)\d{2})\/(\d{2})\b/g, (_m, first: string) => {
      const start = Number(first) + years;
      return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    })
    .replace(/(?<!\bAct )(?<![/\d])\b((?:19|20)\d{2})\b(?!\/\d)/g, (_m, year: string) => String(Number(year) + years));
}
