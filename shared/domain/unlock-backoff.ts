// How long the unlock screen makes a person wait after wrong passphrases.
// The first few mistakes cost nothing; after that each further attempt must
// wait twice as long as the one before, up to five minutes. Pure, so the
// session enforces it and tests can check the numbers.

/** Wrong passphrases allowed in a row before any waiting starts */
export const FREE_UNLOCK_ATTEMPTS = 3;
/** The longest wait between attempts */
export const MAX_UNLOCK_WAIT_MS = 5 * 60_000;

/** After `failures` wrong passphrases in a row, how long to wait (ms) before the next attempt is heard. */
export function unlockWaitMs(failures: number): number {
  if (failures < FREE_UNLOCK_ATTEMPTS) return 0;
  const exponent = failures - FREE_UNLOCK_ATTEMPTS + 1;
  // 2^exponent seconds; past 2^9 the cap applies anyway, so avoid huge powers.
  return Math.min(MAX_UNLOCK_WAIT_MS, 2 ** Math.min(exponent, 20) * 1000);
}

/** A wait in words, rounded up to the second: "1 second", "8 seconds", "4 minutes 16 seconds". */
export function describeWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!minutes) return part(seconds, 'second');
  return seconds ? `${part(minutes, 'minute')} ${part(seconds, 'second')}` : part(minutes, 'minute');
}
