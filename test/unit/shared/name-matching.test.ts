import { describe, expect, it } from 'vitest';
import { buildNameMatchers, contextAround, findNames, foldForMatching, nameCandidates, type RegisterPerson } from '../../../shared/domain/name-matching.ts';

// The matcher at the heart of the anonymity guard, on its own: which
// spellings of a real name it finds, and which words it must leave alone.

const REGISTER: RegisterPerson[] = [
  { reviewReference: 'DHR-FL-2016-01', pseudonym: 'Hollie', realName: 'Joanna Penhallow' },
  { reviewReference: 'DHR-FL-2016-01', pseudonym: 'Dean', realName: 'Kieran Stobbart' },
  { reviewReference: 'DHR-FL-2016-01', pseudonym: 'Child 1', realName: 'Maisie Penhallow-Stobbart' },
  { reviewReference: 'DHR-FL-2016-01', pseudonym: "Hollie's mother", realName: 'Brenda Penhallow' },
  { reviewReference: 'DHR-EC-2022-01', pseudonym: 'Nadia', realName: 'Rosalind Kittow-Ashdene' },
  { reviewReference: 'DHR-EC-2022-01', pseudonym: "Nadia's father", realName: 'Victor Ashdene' },
  { reviewReference: 'DHR-PB-2017-01', pseudonym: 'Child A', realName: 'Natalia Zdrojewska' },
  { reviewReference: 'DHR-PB-2017-01', pseudonym: 'Friend 1', realName: 'Agnieszka Lumb' },
  { reviewReference: 'DHR-XX-2026-01', pseudonym: 'Neil', realName: 'Gordon Lomax' },
  { reviewReference: 'DHR-XX-2026-01', pseudonym: 'Sam', realName: 'Amy Fox' },
  { reviewReference: 'DHR-XX-2026-01', pseudonym: 'Child 9', realName: null },
];
const matchers = buildNameMatchers(REGISTER);
const find = (text: string) => findNames(text, matchers);
/** "name (kind): the text that matched" for each hit */
const hits = (text: string) => find(text).map((h) => `${h.name} (${h.kind}): ${h.text}`);

describe('which names are matched', () => {
  it('finds a full name, and says so', () => {
    expect(hits('Joanna Penhallow was 34.')).toEqual(['Joanna Penhallow (full name): Joanna Penhallow']);
  });

  it('finds a distinctive surname on its own, and says it was the surname', () => {
    expect(hits('Mrs Penhallow called.')).toEqual(['Penhallow (surname): Penhallow']);
    expect(hits('Ms Lumb called.')).toEqual(['Lumb (surname): Lumb']);
  });

  it('does not match a surname of fewer than 4 letters on its own, but does match the full name', () => {
    expect(hits('The fox ran; Mr Fox called.')).toEqual([]);
    expect(hits('Amy Fox called.')).toEqual(['Amy Fox (full name): Amy Fox']);
  });

  it('finds a first name on its own, as a first name (a possible hit), only when written with a capital', () => {
    expect(hits('Joanna and Rosalind')).toEqual(['Joanna (first name): Joanna', 'Rosalind (first name): Rosalind']);
    expect(hits('JOANNA came; so did Brenda.')).toEqual(['Joanna (first name): JOANNA', 'Brenda (first name): Brenda']);
    // A first name in lower case is read as a word, and a full name is still one hit.
    expect(hits('amy came; then Amy Fox.')).toEqual(['Amy Fox (full name): Amy Fox']);
  });

  it('does not take a title, an initial or a particle for a first name', () => {
    expect(nameCandidates('Mrs J. Penhallow').filter((c) => c.kind === 'first name')).toEqual([]);
    expect(nameCandidates('van der Berg').filter((c) => c.kind === 'first name')).toEqual([]);
    expect(nameCandidates('Jo Penhallow').filter((c) => c.kind === 'first name')).toEqual([]);
  });

  it('does not match the pseudonyms, even where a pseudonym is another person’s first name', () => {
    const register = [...REGISTER, { reviewReference: 'DHR-YY-2026-01', pseudonym: 'Neil', realName: 'Neil Quarrington' }];
    expect(findNames("Hollie, Dean, Child 1, Hollie's mother, Nadia, Nadia's father, Child A, Friend 1, Neil and Sam.", buildNameMatchers(register))).toEqual([]);
  });

  it('drops a surname that is also someone’s pseudonym, as it cannot be told apart from it', () => {
    const register: RegisterPerson[] = [
      { reviewReference: 'DHR-A', pseudonym: 'Rose', realName: 'Harriet Marsh' },
      { reviewReference: 'DHR-B', pseudonym: 'Marsh', realName: 'Tom Rosewell' },
    ];
    const m = buildNameMatchers(register);
    expect(findNames('Marsh said so.', m)).toEqual([]);
    expect(findNames('Harriet Marsh said so.', m).map((h) => h.name)).toEqual(['Harriet Marsh']);
    expect(findNames('Rosewell said so.', m).map((h) => h.name)).toEqual(['Rosewell']);
  });

  it('skips people with no real name recorded, and builds nothing from an empty register', () => {
    expect(buildNameMatchers([{ reviewReference: 'DHR-A', pseudonym: 'Adult A', realName: null }])).toEqual([]);
    expect(buildNameMatchers([{ reviewReference: 'DHR-A', pseudonym: 'Adult A', realName: '   ' }])).toEqual([]);
    expect(findNames('Anything at all', [])).toEqual([]);
  });

  it('works out the candidates of a name with a title, middle names, particles and a suffix', () => {
    expect(nameCandidates('Dr Pieter Jan van der Berg Jr')).toEqual([
      { name: 'Dr Pieter Jan van der Berg Jr', kind: 'full name' },
      { name: 'Pieter Jan van der Berg', kind: 'full name' },
      { name: 'Pieter van der Berg', kind: 'full name' },
      { name: 'Pieter Berg', kind: 'full name' },
      { name: 'Pieter', kind: 'first name' },
      { name: 'van der Berg', kind: 'surname' },
      { name: 'Berg', kind: 'surname' },
    ]);
    expect(nameCandidates('Maisie Penhallow-Stobbart').filter((c) => c.kind === 'surname').map((c) => c.name)).toEqual(['Penhallow-Stobbart', 'Penhallow-Stobbart', 'Penhallow', 'Stobbart']);
  });

  it('finds a name written without its middle name', () => {
    const m = buildNameMatchers([{ reviewReference: 'DHR-A', pseudonym: 'Jo', realName: 'Brenda Jane Penhallow' }]);
    expect(findNames('Brenda Penhallow came.', m).map((h) => [h.name, h.kind])).toEqual([['Brenda Penhallow', 'full name']]);
  });
});

describe('how a name may be written', () => {
  it('ignores case', () => {
    expect(hits('JOANNA PENHALLOW')).toEqual(['Joanna Penhallow (full name): JOANNA PENHALLOW']);
    expect(hits('joanna penhallow')).toEqual(['Joanna Penhallow (full name): joanna penhallow']);
  });

  it('ignores accents in the text and in the register, composed or not', () => {
    expect(hits('Natália Zdrojewská')).toEqual(['Natalia Zdrojewska (full name): Natália Zdrojewská']);
    const decomposed = 'Zdrojewska\u0301 left.';
    expect(find(decomposed).map((h) => decomposed.slice(h.start, h.end))).toEqual(['Zdrojewska\u0301']);
    const m = buildNameMatchers([{ reviewReference: 'DHR-A', pseudonym: 'Ola', realName: 'Łucja Wróblewska' }]);
    expect(findNames('Lucja Wroblewska and WRÓBLEWSKA', m).map((h) => h.text)).toEqual(['Lucja Wroblewska', 'WRÓBLEWSKA']);
  });

  it('allows possessives and plurals, with straight or curly apostrophes', () => {
    for (const text of ["Penhallow's house", 'Penhallow\u2019s house', "the Penhallows' house", 'the Penhallows\u2019 house', 'the Penhallows came', "Penhallow' house"]) {
      expect(hits(text), text).toHaveLength(1);
    }
    expect(hits('The Lomaxes moved.')).toEqual(['Lomax (surname): Lomaxes']);
    expect(hits('Agnieszka Lumb\u2019s flat')).toEqual(['Agnieszka Lumb (full name): Agnieszka Lumb\u2019s']);
  });

  it('finds a hyphenated name written with a space, a hyphen, a dash or run together', () => {
    for (const text of ['Kittow-Ashdene', 'Kittow Ashdene', 'Kittow\u2013Ashdene', 'Kittow\u2014Ashdene', 'Kittow\u2011Ashdene', 'KittowAshdene', 'Kittow - Ashdene']) {
      expect(hits(`The ${text} family`), text).toEqual([`Kittow-Ashdene (surname): ${text}`]);
    }
    expect(hits('Rosalind Kittow Ashdene')).toEqual(['Rosalind Kittow-Ashdene (full name): Rosalind Kittow Ashdene']);
  });

  it('finds a name hyphenated across a line break, or with soft hyphens and zero-width characters', () => {
    expect(hits('Mrs Pen-\nhallow called')).toEqual(['Penhallow (surname): Pen-\nhallow']);
    expect(hits('Mrs Pen- hallow called')).toEqual(['Penhallow (surname): Pen- hallow']);
    expect(hits('Mrs Pen\u00ADhal\u00ADlow called')).toEqual(['Penhallow (surname): Pen\u00ADhal\u00ADlow']);
    expect(hits('Mrs Pen\u200Bhallow called')).toEqual(['Penhallow (surname): Pen\u200Bhallow']);
  });

  it('allows any whitespace between the parts of a name', () => {
    expect(hits('Joanna   Penhallow')).toHaveLength(1);
    expect(hits('Joanna\u00A0Penhallow')).toHaveLength(1);
    expect(hits('Joanna\n\tPenhallow')).toEqual(['Joanna Penhallow (full name): Joanna\n\tPenhallow']);
  });

  it('finds a surname with an apostrophe however the apostrophe is written, or left out', () => {
    const m = buildNameMatchers([{ reviewReference: 'DHR-A', pseudonym: 'Kate', realName: "Siobhan O'Dwyer" }]);
    expect(findNames('Mrs O\u2019Dwyer, Mr ODwyer, the O Dwyers and SIOBHAN O\'DWYER', m).map((h) => `${h.name}: ${h.text}`)).toEqual([
      "O'Dwyer: O\u2019Dwyer",
      "O'Dwyer: ODwyer",
      "O'Dwyer: O Dwyers",
      "Siobhan O'Dwyer: SIOBHAN O'DWYER",
    ]);
  });

  it('finds a name in an email address', () => {
    expect(hits('mailto:joanna.penhallow@example.invalid')).toEqual(['Joanna Penhallow (full name): joanna.penhallow']);
  });
});

describe('word boundaries', () => {
  it('does not match a surname inside a longer word', () => {
    expect(hits('A lumbar puncture; Lomaxton; Penhallowed; unLumb; Stobbarton; Ashdeneville')).toEqual([]);
  });

  it('does match a surname next to punctuation and digits-free edges', () => {
    expect(hits('(Lomax), "Lumb"; -Stobbart-')).toEqual(['Lomax (surname): Lomax', 'Lumb (surname): Lumb', 'Stobbart (surname): Stobbart']);
  });
});

describe('overlaps and shared names', () => {
  it('reports the longest match once where candidates overlap', () => {
    expect(hits('Maisie Penhallow-Stobbart, then Penhallow-Stobbart, then Kittow Ashdene')).toEqual([
      'Maisie Penhallow-Stobbart (full name): Maisie Penhallow-Stobbart',
      'Penhallow-Stobbart (surname): Penhallow-Stobbart',
      'Kittow-Ashdene (surname): Kittow Ashdene',
    ]);
  });

  it('names every review whose register holds a shared surname, in one hit', () => {
    const register: RegisterPerson[] = [
      { reviewReference: 'DHR-B', pseudonym: 'Ann', realName: 'Carol Threlkeld' },
      { reviewReference: 'DHR-A', pseudonym: 'Bea', realName: 'Lionel Threlkeld' },
      { reviewReference: 'DHR-A', pseudonym: 'Cal', realName: 'Ivy Threlkeld' },
    ];
    const found = findNames('Mr Threlkeld', buildNameMatchers(register));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Threlkeld', kind: 'surname', reviewReferences: ['DHR-A', 'DHR-B'] });
  });
});

describe('positions and context', () => {
  it('gives each hit’s place in the original text, whatever folding did', () => {
    const text = 'ﬁrst: Natália ZDROJEWSKÁ; then Penhallow\u2019s.';
    for (const h of find(text)) expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(find(text).map((h) => h.text)).toEqual(['Natália ZDROJEWSKÁ', 'Penhallow\u2019s']);
  });

  it('gives about 40 characters either side, whole words, with the name in place', () => {
    const text = `${'The panel heard from several people who knew the family well, including '}Brenda Penhallow${', who described the weeks before the death in some detail.'}`;
    const [hit] = find(text);
    expect(hit!.context).toBe('…who knew the family well, including Brenda Penhallow, who described the weeks before the…');
    expect(hit!.context.length).toBeLessThan(100);
    expect(find('Only Lomax.')[0]!.context).toBe('Only Lomax.');
  });

  it('keeps the context on one line and drops invisible characters', () => {
    expect(contextAround('Line one\nMrs Pen\u00ADhallow\nline three', 9, 22)).toBe('Line one Mrs Penhallow line three');
  });

  it('folds text for matching without losing the way back', () => {
    const folded = foldForMatching('Ä ß\u00AD–’');
    expect(folded.text).toBe("a ss-'");
    expect(folded.from).toEqual([0, 1, 2, 2, 4, 5]);
  });
});
