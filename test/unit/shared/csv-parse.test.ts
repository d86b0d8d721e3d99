import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../shared/domain/csv-parse.ts';

const rows = (text: string, options = {}) => {
  const r = parseCsv(text, options);
  if (!r.ok) throw new Error(r.reason);
  return r.rows;
};

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields and CRLF records', () => {
    expect(rows('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });
  it('reads quoted fields holding separators, doubled quotes and line breaks', () => {
    expect(rows('"Recommendation","Action"\n"Train staff, all of them","Say ""hello""\nand then\r\ngoodbye"\n')).toEqual([
      ['Recommendation', 'Action'],
      ['Train staff, all of them', 'Say "hello"\nand then\r\ngoodbye'],
    ]);
  });
  it('drops a byte order mark', () => {
    expect(rows('\uFEFFa,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('detects ; and tab separators from the first line, outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectSeparator('"a,b";c;d\n')).toBe(';');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(rows('Recommendation;Target date\n"One; two";31/03/2018')).toEqual([['Recommendation', 'Target date'], ['One; two', '31/03/2018']]);
  });
  it('keeps empty fields and ignores trailing blank lines', () => {
    expect(rows('a,,c\n,,\n\n')).toEqual([['a', '', 'c']]);
    expect(rows('a,b\n,\nc,d\n')).toEqual([['a', 'b'], ['', ''], ['c', 'd']]);
  });
  it('ends records at CR alone too (old Mac files)', () => {
    expect(rows('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('refuses a quoted field that is never closed', () => {
    const r = parseCsv('a,b\n"never closed,2\n3,4\n');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/starts in row 2 is never closed/) });
  });
  it('refuses a field longer than the limit, naming the row', () => {
    const big = 'x'.repeat(1000);
    expect(parseCsv(`a,b\nc,${big}\n`, { maxField: 500 })).toEqual({ ok: false, reason: expect.stringMatching(/Row 2 has a cell longer than 500 characters/) });
    expect(parseCsv(`a,b\nc,"${big}"\n`, { maxField: 500 }).ok).toBe(false);
  });
  it('refuses more rows than the limit', () => {
    expect(parseCsv('a\nb\nc\nd\n', { maxRows: 2 }).ok).toBe(false);
  });
});
