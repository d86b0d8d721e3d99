import { describe, expect, it } from 'vitest';
import { cutInput, MAX_ECHO_CHARS, quoteInput } from '../../../shared/domain/quote-input.ts';

// What a person typed, put into a message: short enough to read, its start
// and end kept, and nothing that could upset a terminal.

describe('quoteInput', () => {
  it('keeps short input whole, in quotes', () => {
    expect(quoteInput('Fenland')).toBe('"Fenland"');
    expect(quoteInput('x'.repeat(MAX_ECHO_CHARS))).toBe(`"${'x'.repeat(MAX_ECHO_CHARS)}"`);
  });

  it('cuts long input to 80 characters, keeping its start and its end (a file’s extension)', () => {
    const cut = cutInput(`${'a'.repeat(100_000)}.docx`);
    expect([...cut]).toHaveLength(MAX_ECHO_CHARS);
    expect(cut).toMatch(/^a+…a+\.docx$/);
  });

  it('never splits a character made of two code units, and shows control characters as "?"', () => {
    expect(cutInput('😀'.repeat(200))).toMatch(/^(😀)+…(😀)+$/u);
    expect(cutInput('line one\nline two\u001b[31m')).toBe('line one?line two?[31m');
  });
});
