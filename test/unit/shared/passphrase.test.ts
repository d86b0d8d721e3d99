import { expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../../shared/domain/passphrase.ts';

it('calls anything under the minimum too short, and says how many characters so far', () => {
  const s = passphraseStrength('abc');
  expect(s).toMatchObject({ score: 0, label: 'Too short' });
  expect(s.hints[0]).toContain(`${MIN_PASSPHRASE_LENGTH} characters (3 so far)`);
});

it('marks down common passwords, sequences and repetition', () => {
  expect(passphraseStrength('password1234').score).toBe(1);
  expect(passphraseStrength('aaaaaaaaaaaaaaaa').score).toBe(1);
  expect(passphraseStrength('password1234').hints.join(' ')).toMatch(/common passwords/);
});

it('rates several unrelated words as strong', () => {
  expect(passphraseStrength('lantern orchard velvet quarry').score).toBe(4);
  expect(passphraseStrength('Marmalade-Kettle-42-Fenland!').label).toBe('Strong');
});
