// What reading one untrusted file (a .docx, .xlsx or .csv someone chose)
// may cost: a number of steps (elements, text runs, cells), a nesting depth,
// a longest attribute and a time. Sizes are bounded where the bytes are
// read; this bounds the work done on them, so a small hostile file (a few KB
// that unpack to hundreds of thousands of tags) ends in a clear refusal
// instead of freezing the app. The limits are far above any real action
// plan or report: the largest real documents use a few per cent of them.

export interface ParseLimits {
  /** Elements, text runs, attributes and cells read, over the whole file */
  maxSteps: number;
  /** Elements open inside one another */
  maxDepth: number;
  /** Characters in one attribute value */
  maxAttributeChars: number;
  /** Wall-clock time for the whole file, in milliseconds */
  maxMillis: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxSteps: 20_000_000,
  maxDepth: 1_000,
  maxAttributeChars: 16 * 1024 * 1024,
  maxMillis: 30_000,
};

export type TooComplexReason = 'steps' | 'depth' | 'attribute' | 'time';

/** Thrown when a file uses up its budget; callers turn it into a message naming the file (tooComplexMessage). */
export class ParseTooComplex extends Error {
  readonly reason: TooComplexReason;
  readonly limits: ParseLimits;
  constructor(reason: TooComplexReason, limits: ParseLimits) {
    super(`too complex (${reason})`);
    this.reason = reason;
    this.limits = limits;
  }
}

/** The clock is only read every this many steps: reading it costs more than a step. */
const CLOCK_EVERY = 4096;

export class ParseBudget {
  readonly limits: ParseLimits;
  /** Work done so far: what the tests measure, as a count rather than a time */
  steps = 0;
  private readonly now: () => number;
  private readonly started: number;
  private nextClockCheck = CLOCK_EVERY;

  constructor(limits: Partial<ParseLimits> = {}, now: () => number = () => performance.now()) {
    this.limits = { ...DEFAULT_PARSE_LIMITS, ...limits };
    this.now = now;
    this.started = now();
  }

  /** Charge n steps; throws ParseTooComplex once the steps or the time run out. */
  step(n = 1): void {
    this.steps += n;
    if (this.steps > this.limits.maxSteps) throw new ParseTooComplex('steps', this.limits);
    if (this.steps >= this.nextClockCheck) {
      this.nextClockCheck = this.steps + CLOCK_EVERY;
      if (this.now() - this.started > this.limits.maxMillis) throw new ParseTooComplex('time', this.limits);
    }
  }

  depth(depth: number): void {
    if (depth > this.limits.maxDepth) throw new ParseTooComplex('depth', this.limits);
  }

  attribute(chars: number): void {
    if (chars > this.limits.maxAttributeChars) throw new ParseTooComplex('attribute', this.limits);
  }
}

const n = (value: number) => value.toLocaleString('en-GB');

/**
 * The refusal for a file that ran out of budget: it names the file, says
 * why it cannot be a real document, and what to do.
 */
export function tooComplexMessage(label: string, error: ParseTooComplex, what = 'document'): string {
  const { limits } = error;
  const why = {
    steps: `it holds more than ${n(limits.maxSteps)} elements`,
    depth: `its contents are nested more than ${n(limits.maxDepth)} levels deep`,
    attribute: `one of its attributes is longer than ${n(limits.maxAttributeChars)} characters`,
    time: `reading it took longer than ${Math.round(limits.maxMillis / 1000)} seconds`,
  }[error.reason];
  return `${label} was not read: ${why}, which is too complex or too large to be a real ${what}, so it may be damaged or deliberately malformed. Open it in the program that made it, save it as a new file and use that copy; if that fails, ask whoever sent it for a fresh copy.`;
}
