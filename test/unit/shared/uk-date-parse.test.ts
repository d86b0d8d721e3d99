import { describe, expect, it } from 'vitest';
import { endOfFinancialQuarter, findUkDates, parseUkDate } from '../../../shared/domain/uk-date-parse.ts';

const date = (text: string) => {
  const r = parseUkDate(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.iso;
};
const reason = (text: string) => {
  const r = parseUkDate(text);
  if (r.ok) throw new Error(`${text} was read as ${r.iso}`);
  return r.reason;
};

describe('parseUkDate', () => {
  it.each([
    ['31/03/2018', '2018-03-31'],
    ['1/4/2019', '2019-04-01'],
    ['31/3/18', '2018-03-31'],
    ['31.03.18', '2018-03-31'],
    ['31.03.2018', '2018-03-31'],
    ['31-03-2018', '2018-03-31'],
    ['03/04/2019', '2019-04-03'],
    ['2018-03-31', '2018-03-31'],
    ['2018-03-31T00:00:00', '2018-03-31'],
    ['31 March 2018', '2018-03-31'],
    ['31st March 2018', '2018-03-31'],
    ['1st of April 2019', '2019-04-01'],
    ['2nd Feb 2020', '2020-02-02'],
    ['31 Mar 18', '2018-03-31'],
    ['31-Mar-2018', '2018-03-31'],
    ['31 MARCH 2018', '2018-03-31'],
    ['March 31, 2018', '2018-03-31'],
    ['29/02/2020', '2020-02-29'],
    ['01/01/70', '1970-01-01'],
    ['01/01/69', '2069-01-01'],
  ])('reads the day %s as %s', (text, iso) => expect(date(text)).toBe(iso));

  it.each([
    ['March 2019', '2019-03-31'],
    ['Mar 2019', '2019-03-31'],
    ['Mar-19', '2019-03-31'],
    ["Sept '19", '2019-09-30'],
    ['September 2019', '2019-09-30'],
    ['February 2020', '2020-02-29'],
    ['February 2019', '2019-02-28'],
    ['June 2019', '2019-06-30'],
    ['December 2021', '2021-12-31'],
  ])('reads the month %s as its last day, %s', (text, iso) => expect(date(text)).toBe(iso));

  it.each([
    ['Q1 2019/20', '2019-06-30'],
    ['Q2 2019/20', '2019-09-30'],
    ['Q3 2019/20', '2019-12-31'],
    ['Q4 2019/20', '2020-03-31'],
    ['Q2 2019-20', '2019-09-30'],
    ['Q2 19/20', '2019-09-30'],
    ['Quarter 2 2019/2020', '2019-09-30'],
    ['q4 2023/24', '2024-03-31'],
    ['2019/20 Q2', '2019-09-30'],
    ['Q2 FY19/20', '2019-09-30'],
  ])('reads the financial quarter %s as its last day, %s', (text, iso) => expect(date(text)).toBe(iso));

  it('reads words around a date that do not change it', () => {
    expect(date('By 31/03/2018')).toBe('2018-03-31');
    expect(date('End of March 2019')).toBe('2019-03-31');
    expect(date('by end of Q2 2019/20')).toBe('2019-09-30');
    expect(date('  31/03/2018.  ')).toBe('2018-03-31');
    expect(date('(approx. June 2020)')).toBe('2020-06-30');
  });

  it('takes the latest of several dates, as a revised target stands', () => {
    expect(date('31/03/2018 revised to 30/09/2018')).toBe('2018-09-30');
  });

  it('treats blanks and words meaning "no date yet" as no date', () => {
    for (const text of ['', '  ', 'TBC', 'tba', 'N/A', 'n/a', 'Ongoing', '-', 'Not applicable']) expect(parseUkDate(text)).toEqual({ ok: true, iso: null });
  });

  it('says the precision of what it read', () => {
    expect(parseUkDate('31/03/2018')).toEqual({ ok: true, iso: '2018-03-31', precision: 'day' });
    expect(parseUkDate('March 2019')).toEqual({ ok: true, iso: '2019-03-31', precision: 'month' });
    expect(parseUkDate('Q2 2019/20')).toEqual({ ok: true, iso: '2019-09-30', precision: 'quarter' });
  });

  it('refuses impossible dates, naming them', () => {
    expect(reason('31/02/2019')).toMatch(/"31\/02\/2019" is not a real date/);
    expect(reason('32 March 2019')).toMatch(/not a real date|not a date/);
    expect(reason('13/13/2019')).toMatch(/not a real date/);
  });

  it('does not guess a quarter without its financial year, nor a year on its own', () => {
    expect(reason('Q2 2019')).toMatch(/does not say which financial year.*Q2 2019\/20/);
    expect(reason('2019')).toMatch(/year on its own/);
    expect(reason('Q2 2019/21')).toMatch(/not a financial year/);
  });

  it('refuses text that is not a date, with examples', () => {
    expect(reason('sometime in spring')).toMatch(/is not a date DHR Tracker understands \(for example 31\/03\/2018/);
    expect(reason('31/03/2018 subject to funding')).toMatch(/holds words as well as a date/);
    expect(reason('Spring 2019')).toMatch(/holds words as well as a date|not a date/);
  });

  it('does not read version numbers or other numbers as dates', () => {
    expect(parseUkDate('1.2.3.4').ok).toBe(false);
    expect(findUkDates('Policy v2.1.2019 and 100/200/3000')).toEqual([]);
  });
});

describe('findUkDates', () => {
  it('finds dates in an outcome, with where they are', () => {
    const text = 'Completed 12/04/2018 - training delivered to 200 staff; audit in June 2018.';
    const found = findUkDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2018-04-12', '2018-06-30']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('12/04/2018');
  });

  it('prefers the whole day over the month inside it', () => {
    expect(findUkDates('done 31 March 2018').map((d) => [d.iso, d.precision])).toEqual([['2018-03-31', 'day']]);
  });
});

describe('endOfFinancialQuarter', () => {
  it('ends each quarter of 2019/20 on the right day', () => {
    expect([1, 2, 3, 4].map((q) => endOfFinancialQuarter(q, 2019))).toEqual(['2019-06-30', '2019-09-30', '2019-12-31', '2020-03-31']);
    expect(endOfFinancialQuarter(5, 2019)).toBeNull();
  });
});
