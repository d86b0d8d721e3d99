import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatLongDate, formatUkDate, isIsoDate, ukDateOf } from '../../../shared/domain/dates.ts';

describe('UK dates', () => {
  it('formats as 21/11/2026 and 21 November 2026', () => {
    expect(formatUkDate('2026-11-21')).toBe('21/11/2026');
    expect(formatLongDate('2026-11-21')).toBe('21 November 2026');
    expect(formatLongDate('2018-03-08')).toBe('8 March 2018');
  });
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('21/11/2026')).toBe(false);
    expect(() => formatUkDate('2026-13-01')).toThrow(/yyyy-mm-dd/);
  });
  it('does date arithmetic on calendar days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the clocks going forward
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it("takes today's date in UK time, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(ukDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
