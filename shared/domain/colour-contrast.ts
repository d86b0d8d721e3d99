// Contrast between colours, as WCAG 2.2 measures it. A status colour is a
// swatch on a white page, so it must stand out from white: WCAG 1.4.11
// (non-text contrast) asks for at least 3:1. Pure: the settings screen checks
// as you type, and main refuses to save a colour that fails.

const HEX_COLOUR = /^#([0-9a-f]{6})$/i;

/** The lowest contrast with white that a status colour may have (WCAG 1.4.11 non-text contrast). */
export const MIN_STATUS_CONTRAST = 3;
export const WHITE = '#ffffff';

/** True for a colour written as #rrggbb. */
export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

function channels(hex: string): [number, number, number] {
  const m = HEX_COLOUR.exec(hex);
  if (!m) throw new RangeError(`Not a colour in #rrggbb form: ${JSON.stringify(hex)}`);
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * A ratio as people read it, such as "4.5:1". Rounded down, so a colour
 * just short of a threshold never appears to meet it.
 */
export function formatRatio(ratio: number): string {
  const down = Math.floor(ratio * 10) / 10;
  return `${down.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}:1`;
}

/**
 * Why a colour cannot be a status colour, or null when it can: it must be a
 * #rrggbb colour with at least 3:1 contrast against white.
 */
export function statusColourProblem(colour: string): string | null {
  if (!isHexColour(colour)) return 'Give the colour as a hex code such as #2e7d32.';
  const ratio = contrastRatio(colour, WHITE);
  if (ratio >= MIN_STATUS_CONTRAST) return null;
  return (
    `${colour.toLowerCase()} is too light to see on a white background: its contrast with white is ${formatRatio(ratio)}, ` +
    `and a status colour needs at least ${MIN_STATUS_CONTRAST}:1. Choose a darker colour.`
  );
}
