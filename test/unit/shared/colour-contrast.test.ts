import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, isHexColour, MIN_STATUS_CONTRAST, relativeLuminance, statusColourProblem } from '../../../shared/domain/colour-contrast.ts';
import { STATUS_DEFAULTS, STATUSES } from '../../../shared/domain/vocabulary.ts';

describe('contrast ratio (WCAG 2.2)', () => {
  it('gives the textbook values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the lightest grey that meets 4.5:1 for text on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    // Pure red, green and blue weigh differently: luminance follows the eye, not the numbers.
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 1);
    expect(contrastRatio('#00ff00', '#ffffff')).toBeCloseTo(1.37, 2);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });

  it('is the same either way round, and ignores the case of the hex digits', () => {
    expect(contrastRatio('#2e7d32', '#ffffff')).toBe(contrastRatio('#ffffff', '#2e7d32'));
    expect(contrastRatio('#2E7D32', '#FFFFFF')).toBe(contrastRatio('#2e7d32', '#ffffff'));
  });

  it('rounds a ratio down when it shows it, so nothing short of a threshold seems to meet it', () => {
    expect(formatRatio(2.9953)).toBe('2.9:1');
    expect(formatRatio(3)).toBe('3.0:1');
    expect(formatRatio(21)).toBe('21.0:1');
  });

  it('refuses a malformed colour', () => {
    expect(() => contrastRatio('green', '#ffffff')).toThrow(/#rrggbb/);
    expect(isHexColour('#abc')).toBe(false);
    expect(isHexColour('#12345g')).toBe(false);
    expect(isHexColour('#A1b2C3')).toBe(true);
  });
});

describe('status colours need 3:1 against white (WCAG 1.4.11)', () => {
  it('accepts every default colour in the partnership key', () => {
    for (const s of STATUSES) expect(statusColourProblem(STATUS_DEFAULTS[s].colour), s).toBeNull();
  });

  it('draws the line at 3:1: #949494 passes, #959595 (2.995:1) does not', () => {
    expect(contrastRatio('#949494', '#ffffff')).toBeGreaterThanOrEqual(MIN_STATUS_CONTRAST);
    expect(statusColourProblem('#949494')).toBeNull();
    expect(contrastRatio('#959595', '#ffffff')).toBeLessThan(MIN_STATUS_CONTRAST);
    expect(statusColourProblem('#959595')).toBe(
      '#959595 is too light to see on a white background: its contrast with white is 2.9:1, and a status colour needs at least 3:1. Choose a darker colour.',
    );
  });

  it('refuses white, pale yellow and bright green, naming each colour and its ratio', () => {
    expect(statusColourProblem('#FFFFFF')).toMatch(/^#ffffff is too light .* 1\.0:1/);
    expect(statusColourProblem('#ffeb3b')).toMatch(/^#ffeb3b is too light .* 1\.2:1/);
    expect(statusColourProblem('#00ff00')).toMatch(/1\.3:1/);
  });

  it('asks for a hex code when given something else', () => {
    expect(statusColourProblem('green')).toBe('Give the colour as a hex code such as #2e7d32.');
  });
});
