import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../../shared/domain/confusables.ts';
import { buildNameMatchers, findNames, type RegisterPerson } from '../../../shared/domain/name-matching.ts';

// Names written with letters that only look Latin, as a hostile or careless
// hand pastes them: each must still be found, as the name it reads as.

const REGISTER: RegisterPerson[] = [
  { reviewReference: 'DHR-FL-2016-01', pseudonym: 'Hollie', realName: 'Joanna Penhallow' },
  { reviewReference: 'DHR-EC-2022-01', pseudonym: 'Nadia', realName: 'Rosalind Kittow-Ashdene' },
  { reviewReference: 'DHR-XX-2026-01', pseudonym: 'Neil', realName: 'Gordon Lomax' },
];
const matchers = buildNameMatchers(REGISTER);
const found = (text: string) => findNames(text, matchers).map((h) => `${h.name} (${h.kind}): ${h.text}`);

describe('the confusables table', () => {
  it('reads Cyrillic, Greek and Armenian look-alikes as Latin letters', () => {
    expect(['Р', 'р', 'Ρ', 'ρ', 'а', 'α', 'е', 'Е', 'о', 'Ο', 'օ', 'с', 'х', 'у', 'ј', 'һ', 'ѕ'].map((c) => confusableSkeleton(c))).toEqual([
      'p', 'p', 'p', 'p', 'a', 'a', 'e', 'e', 'o', 'o', 'o', 'c', 'x', 'y', 'j', 'h', 's',
    ]);
  });

  it('joins plain Latin letters that print alike, as TR39 does', () => {
    expect(['I', 'i', 'l', '1', '|'].map((c) => confusableSkeleton(c) ?? c)).toEqual(['l', 'l', 'l', 'l', 'l']);
    expect([confusableSkeleton('m'), confusableSkeleton('d'), confusableSkeleton('0')]).toEqual(['rn', 'cl', 'o']);
  });

  it('leaves other letters to ordinary case folding', () => {
    expect(['a', 'P', 'é', 'ł'].map((c) => confusableSkeleton(c))).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('names written with look-alike letters', () => {
  it('finds a surname with a Cyrillic capital Р', () => {
    expect(found('Mrs \u0420enhallow was seen.')).toEqual(['Penhallow (surname): \u0420enhallow']);
  });

  it('finds a full name written almost wholly in Cyrillic and Greek', () => {
    // Јоаnnа Ρеnhаllоw: Cyrillic Ј о а е, Greek Ρ
    expect(found('\u0408\u043e\u0430nn\u0430 \u03a1\u0435nh\u0430ll\u043ew')).toEqual(['Joanna Penhallow (full name): \u0408\u043e\u0430nn\u0430 \u03a1\u0435nh\u0430ll\u043ew']);
  });

  it('finds names in full-width and mathematical letters (by NFKD, then the table)', () => {
    expect(found('\uff30\uff45\uff4e\uff48\uff41\uff4c\uff4c\uff4f\uff57')).toEqual(['Penhallow (surname): \uff30\uff45\uff4e\uff48\uff41\uff4c\uff4c\uff4f\uff57']);
    expect(found('\u{1D40F}\u{1D41E}\u{1D427}\u{1D421}\u{1D41A}\u{1D425}\u{1D425}\u{1D428}\u{1D430}')).toHaveLength(1);
    // Mathematical bold capital rho: Greek under NFKD, Latin under the table.
    expect(found('\u{1D6B8}enhallow')).toEqual(['Penhallow (surname): \u{1D6B8}enhallow']);
  });

  it('finds a capital I or digit 1 for an l, a 0 for an o, and "rn" for an m', () => {
    expect(found('PenhaIlow, Penha11ow, Penhall0w')).toHaveLength(3);
    expect(found('Mr Lornax called.')).toEqual(['Lomax (surname): Lornax']);
  });

  it('finds a first name in look-alikes as a first name, and still leaves ordinary words alone', () => {
    expect(found('R\u043esalind and \u0408oanna came.')).toEqual(['Rosalind (first name): R\u043esalind', 'Joanna (first name): \u0408oanna']);
    expect(found('The pen, the hallway, lumbar and Lomaxton.')).toEqual([]);
  });
});
