import { isIsoDate } from './dates.ts';

// Reading dates as people write them in UK action plans and trackers, for
// the legacy import. Day before month, always: "03/04/2019" is 3 April.
// Understood:
// - 31/03/2018, 31/3/18, 31.03.18, 31-03-2018 (two-digit years: 00-69 are
//   20xx, 70-99 are 19xx), and 2018-03-31;
// - 31 March 2018, 31st March 2018, 31 Mar 18, 31-Mar-2018, March 31, 2018;
// - a month on its own: March 2019, Mar 2019, Mar-19, Sept 2019: the last
//   day of that month (a target "by March 2019" means by its end);
// - a financial quarter: Q2 2019/20, Q2 2019-20, Q2 19/20, Quarter 2
//   2019/2020, 2019/20 Q2: the last day of that quarter of the financial
//   year starting in April (Q1 ends 30 June, Q2 30 September, Q3 31
//   December, Q4 31 March of the next calendar year);
// - words around a date that do not change it: "by", "end of", "due",
//   "approx.", brackets and punctuation.
// Not guessed: a quarter without its financial year ("Q2 2019" could be a
// calendar quarter), a year on its own, seasons, and dates without a year.

export type DatePrecision = 'day' | 'month' | 'quarter';

export interface FoundDate {
  iso: string;
  precision: DatePrecision;
  /** Where the date was written in the text, so the rest can be kept (an outcome, say) */
  start: number;
  end: number;
}

export type DateCell =
  | { ok: true; iso: string; precision: DatePrecision }
  /** Blank, or a word meaning no date yet ("TBC", "N/A", "Ongoing") */
  | { ok: true; iso: null }
  | { ok: false; reason: string };

const MONTH_NUMBERS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** Words that may stand around a date in a date cell without changing what it means. */
const FILLER = new Set(['by', 'end', 'of', 'the', 'before', 'due', 'on', 'approx', 'approximately', 'circa', 'c', 'target', 'date', 'deadline', 'no', 'later', 'than', 'in', 'at', 'revised', 'to', 'and', 'originally', 'now', 'extended', 'was', 'new', 'fy', 'financial', 'year']);
/** Cell values that mean "no date", not a date we failed to read. */
const NO_DATE = new Set(['', '-', '--', 'n/a', 'na', 'n.a.', 'nil', 'none', 'tbc', 'tba', 'tbd', 'to be confirmed', 'to be agreed', 'ongoing', 'on going', 'not applicable', 'not known', 'unknown', '?', 'x', 'various', 'not set']);

const EXAMPLES = 'for example 31/03/2018, 31 March 2018, March 2019 or Q2 2019/20';

function fullYear(text: string): number {
  const digits = text.replace(/^'/, '');
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(value) ? value : null;
}

function endOfMonth(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return iso(y, m, last);
}

/** The last day of quarter q (1-4) of the financial year that starts in April of `startYear`. */
export function endOfFinancialQuarter(q: number, startYear: number): string | null {
  if (q < 1 || q > 4) return null;
  return q === 4 ? endOfMonth(startYear + 1, 3) : endOfMonth(startYear, 3 + q * 3);
}

interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): { iso: string | null; precision: DatePrecision; problem?: string };
}

// Checked in this order; where two matches overlap, the longer wins, so
// "31 March 2018" is one day rather than the month "March 2018".
const PATTERNS: Pattern[] = [
  {
    // 2018-03-31, perhaps with a time (spreadsheets written by programs)
    re: /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?(?![\d/.-]*\d)/g,
    read: (m) => ({ iso: iso(Number(m[1]), Number(m[2]), Number(m[3])), precision: 'day' }),
  },
  {
    // 31/03/2018, 31.03.18, 31-3-2018 (the same separator both times)
    re: /(?<![\dA-Za-z/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[/.-]\d)/g,
    read: (m) => ({ iso: iso(fullYear(m[4]!), Number(m[3]), Number(m[1])), precision: 'day' }),
  },
  {
    // 31 March 2018, 31st of March 2018, 31-Mar-18, 31 Mar '18
    re: new RegExp(`(?<![\\d])(\\d{1,2})${ORDINAL}(?:\\s+of)?[\\s-]+${MONTH}\\.?,?[\\s-]+('?\\d{2}(?!\\d)|\\d{4})(?![\\d])`, 'gi'),
    read: (m) => ({ iso: iso(fullYear(m[3]!), MONTH_NUMBERS[m[2]!.toLowerCase()]!, Number(m[1])), precision: 'day' }),
  },
  {
    // March 31, 2018 / March 31st 2018
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?![\\d])`, 'gi'),
    read: (m) => ({ iso: iso(Number(m[3]), MONTH_NUMBERS[m[1]!.toLowerCase()]!, Number(m[2])), precision: 'day' }),
  },
  {
    // March 2019, Mar-19, Sept '19: the last day of the month
    re: new RegExp(`\\b${MONTH}\\.?(?:\\s*,\\s*|[\\s-]+)('?\\d{2}(?![\\d/])|\\d{4})(?![\\d])`, 'gi'),
    read: (m) => {
      const year = fullYear(m[2]!);
      return { iso: endOfMonth(year, MONTH_NUMBERS[m[1]!.toLowerCase()]!), precision: 'month' };
    },
  },
  {
    // Q2 2019/20, Quarter 2 2019-2020, Q2 FY19/20, Q2 of 2019/20
    re: /\b(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})(?![\d])/gi,
    read: (m) => financialQuarter(Number(m[1]), m[2]!, m[3]!, m[0]!),
  },
  {
    // 2019/20 Q2, FY2019/20 Q2
    re: /\b(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})\s*,?\s*(?:q|quarter\s*)([1-4])\b/gi,
    read: (m) => financialQuarter(Number(m[3]), m[1]!, m[2]!, m[0]!),
  },
  {
    // Q2 2019: which year's quarter is not clear, so it is not guessed
    re: /\b(?:q|quarter\s*)([1-4])\s+(?:of\s+)?(\d{4})(?![\d/-])/gi,
    read: (m) => ({
      iso: null,
      precision: 'quarter',
      problem: `"${m[0]}" does not say which financial year it is in. Write the financial year too, such as Q${m[1]} ${m[2]}/${String((Number(m[2]) + 1) % 100).padStart(2, '0')}`,
    }),
  },
];

function financialQuarter(q: number, first: string, second: string, written: string): { iso: string | null; precision: DatePrecision; problem?: string } {
  const start = fullYear(first);
  const end = second.length === 4 ? Number(second) : fullYear(second);
  if (end !== start + 1) {
    return { iso: null, precision: 'quarter', problem: `"${written}" is not a financial year: the second year should follow the first, as in 2019/20` };
  }
  return { iso: endOfFinancialQuarter(q, start), precision: 'quarter' };
}

interface RawMatch {
  start: number;
  end: number;
  iso: string | null;
  precision: DatePrecision;
  problem?: string;
  written: string;
}

function allMatches(text: string): RawMatch[] {
  const found: RawMatch[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      const read = pattern.read(m);
      found.push({ start: m.index, end: m.index + m[0].length, written: m[0], ...read });
    }
  }
  // Longest first, then earliest; drop any that overlap one already kept.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawMatch[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every date written in free text (an outcome that says when it was done), in the order written. Unreadable ones are left out. */
export function findUkDates(text: string): FoundDate[] {
  return allMatches(text)
    .filter((m): m is RawMatch & { iso: string } => m.iso !== null)
    .map(({ iso: value, precision, start, end }) => ({ iso: value, precision, start, end }));
}

function leftover(text: string, matches: readonly RawMatch[]): string[] {
  let rest = text;
  for (const m of [...matches].sort((a, b) => b.start - a.start)) rest = rest.slice(0, m.start) + ' ' + rest.slice(m.end);
  return rest
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

/**
 * A cell that should hold one date (a target date). Blank and "TBC"-like
 * cells are no date; anything else must be a date, perhaps with words like
 * "by" or "end of" around it. Where a cell holds several dates ("31/03/2018
 * revised to 30/09/2018") the latest is the one that stands.
 */
export function parseUkDate(input: string): DateCell {
  const text = input.replace(/\s+/g, ' ').trim();
  if (NO_DATE.has(text.toLowerCase().replace(/\.$/, '').trim())) return { ok: true, iso: null };
  const matches = allMatches(text);
  const problem = matches.find((m) => m.problem);
  if (problem) return { ok: false, reason: `${problem.problem}.` };
  const invalid = matches.find((m) => m.iso === null);
  if (invalid) return { ok: false, reason: `"${invalid.written}" is not a real date (check the day and month).` };
  if (!matches.length) {
    if (/^\d{4}$/.test(text)) return { ok: false, reason: `"${text}" is a year on its own; write a day or a month, such as 31/03/${text} or March ${text}.` };
    return { ok: false, reason: `"${shorten(text)}" is not a date DHR Tracker understands (${EXAMPLES}).` };
  }
  const extra = leftover(text, matches);
  if (extra.length) return { ok: false, reason: `"${shorten(text)}" holds words as well as a date; write the date on its own (${EXAMPLES}).` };
  const latest = matches.reduce((a, b) => (b.iso! > a.iso! ? b : a));
  return { ok: true, iso: latest.iso!, precision: latest.precision };
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
