// Passphrase rules shared by the unlock screen (live feedback) and the store
// (enforcement). A rough estimate, not zxcvbn: it rewards length and variety
// and punishes the patterns people fall back on, which is what the feedback
// needs to nudge towards a long passphrase of several words.

export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthLabel = 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';

export interface PassphraseStrength {
  /** 0 (unusable) to 4 */
  score: 0 | 1 | 2 | 3 | 4;
  label: StrengthLabel;
  /** Approximate entropy in bits, after penalties */
  bits: number;
  hints: string[];
}

const COMMON_FRAGMENTS = ['password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'admin', '123456', 'abc123', 'iloveyou', 'monkey', 'dragon', 'secret'];

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const hints: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: 0,
      label: 'Too short',
      bits: 0,
      hints: [`Use at least ${MIN_PASSPHRASE_LENGTH} characters (${length} so far). Several unrelated words are easiest to remember.`],
    };
  }
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(passphrase.toLowerCase()).size;
  let bits = length * Math.log2(Math.max(pool, 2));
  // Few distinct characters ("aaaaaaaaaaaa", "abababababab") carry little entropy.
  if (distinct < length / 3) {
    bits *= distinct / (length / 3);
    hints.push('Avoid repeating the same characters.');
  }
  const lower = passphrase.toLowerCase();
  if (COMMON_FRAGMENTS.some((f) => lower.includes(f))) {
    bits -= 30;
    hints.push('Avoid common passwords such as "password" or "qwerty".');
  }
  if (/(0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef)/i.test(passphrase)) {
    bits -= 15;
    hints.push('Avoid sequences such as "1234" or "abcd".');
  }
  const words = passphrase.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3);
  if (words.length < 3 && length < 20) hints.push('Three or four unrelated words make a strong passphrase.');
  bits = Math.max(0, Math.round(bits));
  const score = bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  const label: StrengthLabel = (['Too short', 'Weak', 'Fair', 'Good', 'Strong'] as const)[score];
  return { score, label, bits, hints };
}
