import { confusableSkeleton } from './confusables.ts';

// Finding the real names of a pseudonym register in a piece of text: the
// heart of the anonymity guard. Pure (no Node, no DOM), so main checks
// documents with it and the renderer can use it to highlight a name.
//
// How a name is matched:
// - Case and accents are ignored, in the text and in the register alike
//   ("PENHALLOW", "Zdrojewská" = "Zdrojewska"; ł, ø, ß, æ and the like are
//   folded to their plain letters; ligatures and full-width letters too).
// - Letters that look alike when printed are one letter: "Рenhallow" with a
//   Cyrillic Р, "Penhaιlow" with a Greek ι, "𝐏enhallow" in mathematical bold,
//   "PenhaIlow" with a capital I, "Lornax" for "Lomax" (a skeleton in the
//   manner of Unicode TR39: see shared/domain/confusables.ts).
// - The parts of a name may be joined by spaces (any number, any kind), a
//   hyphen or any dash, an apostrophe or a full stop, or nothing at all:
//   "Kittow-Ashdene" = "Kittow Ashdene" = "Kittow–Ashdene" = "KittowAshdene",
//   and "brenda.penhallow" in an email address is found.
// - A word broken across lines is found: "Pen-⏎hallow", "Pen- hallow" (but
//   not a break after the first letter, which hyphenation never makes), and
//   soft hyphens and zero-width characters anywhere in a name are ignored.
// - Possessives and plurals are allowed after a name: "Penhallow's",
//   "Penhallows'" (straight or curly apostrophes), "the Penhallows",
//   "the Lomaxes".
// - Word boundaries: a name is found only as a whole word, so "Lumb" does
//   not match "lumbar" and "Lomax" does not match "Lomaxton". A name inside a
//   longer word is nearly always an ordinary word or another name, and
//   flagging every such word would bury the real hits.
//
// What is matched: each person's full name as recorded, that name without
// titles ("Mrs") or suffixes ("Jr") or nicknames in brackets, first name with
// surname when there are middle names, and the surname on its own when it is
// distinctive (at least 4 letters), including each half of a double-barrelled
// surname and a surname with its particles ("van der Berg"). A first name on
// its own ("Joanna and Rosalind") is matched too, but only as a possible hit:
// first names are common, so the person reviews each one (the guard refuses
// full names and surnames outright). It must be written with a capital
// ("Joy", not "joy"), at least 3 letters long, and not a title or a particle.
// Every hit says whether it was a "full name", a "surname" or a "first name".
//
// Pseudonyms never trigger: a candidate that matches any pseudonym in the
// register (a surname that is also someone's pseudonym, say) is dropped, as
// it cannot be told apart from the pseudonym in the text.
//
// Where one place matches several candidates ("Maisie Penhallow-Stobbart"
// holds the surnames "Penhallow-Stobbart", "Penhallow" and "Stobbart"), the
// longest match is reported once. A name shared by people in several
// reviews is reported once, naming every review.

export type NameKind = 'full name' | 'surname' | 'first name';

/** Which kind wins when one spelling is several kinds for different people. */
const KIND_RANK: Record<NameKind, number> = { 'full name': 3, surname: 2, 'first name': 1 };

/** One line of a pseudonym register, from any review. */
export interface RegisterPerson {
  reviewReference: string;
  pseudonym: string;
  realName: string | null;
}

export interface NameMatcher {
  /** The folded form of the name, such as "kittow ashdene": candidates with the same key are one matcher */
  readonly key: string;
  readonly kind: NameKind;
  /** Each register spelling behind this matcher, with its review */
  readonly names: ReadonlyArray<{ name: string; reviewReference: string }>;
  readonly pattern: RegExp;
}

export interface NameMatch {
  /** The name as written in the register (a full name, or just the surname) */
  name: string;
  kind: NameKind;
  /** Every review whose register holds this name, sorted */
  reviewReferences: string[];
  /** Where the name is in the text given to findNames: [start, end) */
  start: number;
  end: number;
  /** The text that matched, as written */
  text: string;
  /** About 40 characters either side, whole words, with the name in place */
  context: string;
}

/** Shortest surname matched on its own, in letters. */
export const MIN_SURNAME_LETTERS = 4;
/** Shortest first name matched on its own (as a possible hit), in letters. */
export const MIN_FIRST_NAME_LETTERS = 3;

const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ŧ: 't', ĸ: 'k', ŋ: 'n',
};
/** Characters that are invisible in a document and must not break a name: soft hyphen, zero-width characters, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u034F\u180E\u200B-\u200D\u2060\uFEFF]/;
const APOSTROPHES = /['`\u00B4\u02B9\u02BB\u02BC\u02BD\u2018\u2019\u201B\u2032\uFF07]/;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/;
const MARKS = /\p{M}/gu;

const foldCache = new Map<string, string>();

/** One character of text (a code point) as the matcher sees it: lower case, no accents; may be empty or two letters. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) {
    const latin = confusableSkeleton(ch);
    if (latin !== undefined) return latin;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13) return ' ';
    if (code === 96) return "'";
    return ch;
  }
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (INVISIBLE.test(ch)) out = '';
  else if (/\s/.test(ch)) out = ' ';
  else if (APOSTROPHES.test(ch)) out = "'";
  else if (DASHES.test(ch)) out = '-';
  else {
    // Compatibility forms (full-width, mathematical, circled) become plain letters first, then look-alikes Latin ones.
    out = '';
    for (const c of ch.normalize('NFKD').replace(MARKS, '')) {
      const latin = confusableSkeleton(c);
      if (latin !== undefined) out += latin;
      else for (const low of c.toLowerCase()) for (const plain of SPECIAL_LETTERS[low] ?? low) out += confusableSkeleton(plain) ?? plain;
    }
  }
  if (foldCache.size < 10_000) foldCache.set(ch, out);
  return out;
}

export interface FoldedText {
  /** The text folded for matching */
  text: string;
  /** For each code unit of the folded text, where the character it came from starts in the original */
  from: number[];
  /** ... and where that character ends in the original */
  to: number[];
}

/** Fold a text for matching, keeping the way back to the original positions. */
export function foldForMatching(original: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    text += folded;
    i += ch.length;
  }
  return { text, from, to };
}

const fold = (s: string) => foldForMatching(s).text;

/** Between the letters of one word: a hyphen where the word was broken across lines, then any spaces. */
const LETTER_GAP = '(?:-\\s*)?';
/** Between the words of a name: spaces, hyphens, apostrophes or full stops, in any number, or nothing. */
const WORD_GAP = "[\\s'.\\-]*";
const BEFORE = '(?<![\\p{L}\\p{N}])';
/** A possessive or plural may follow ("Penhallow's", "Penhallows'", "the Lomaxes"), then the word must end. */
const AFTER = "(?:'s|s'|'|e?s)?(?![\\p{L}\\p{N}])";

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

function namePattern(words: readonly string[]): RegExp {
  const body = words.map((w) => Array.from(w).map(escape).join(LETTER_GAP)).join(WORD_GAP);
  return new RegExp(`${BEFORE}${body}${AFTER}`, 'gu');
}

/** The letter and digit runs of a folded name: its words for matching. */
const wordsOf = (foldedName: string) => foldedName.match(/[\p{L}\p{N}]+/gu) ?? [];
/** Letters in a name as written (not its skeleton, where "m" is two letters). */
const letterCount = (name: string) => name.normalize('NFC').replace(/\P{L}/gu, '').length;

/** Words compared the way names are matched (so "Mrs" in any script is a title). */
const foldedSet = (words: string[]) => new Set(words.map(fold));
const TITLES = foldedSet(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'revd', 'sir', 'dame', 'lady', 'lord']);
const GENERATIONS = foldedSet(['jr', 'jnr', 'junior', 'sr', 'snr', 'senior', 'ii', 'iii', 'iv']);
const PARTICLES = foldedSet(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'le', 'la', 'st', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'ap']);

interface Candidate {
  /** As written in the register (for a surname: the surname's own spelling there) */
  name: string;
  kind: NameKind;
}

/** The ways a recorded real name can appear in text. */
export function nameCandidates(realName: string): Candidate[] {
  const full = realName.replace(/\s+/g, ' ').trim();
  if (!full) return [];
  const out: Candidate[] = [];
  const fullWords = wordsOf(fold(full));
  if (fullWords.length === 0) return [];
  if (fullWords.length > 1 || letterCount(full) >= 2) out.push({ name: full, kind: 'full name' });
  // The name without nicknames in brackets or quotes, titles and generational suffixes.
  const spaced = full
    .replace(/\([^)]*\)|"[^"]*"|\u201C[^\u201D]*\u201D/g, ' ')
    .split(' ')
    .map((w) => w.replace(/,$/, ''))
    .filter(Boolean);
  const plain = (w: string) => fold(w).replace(/[.']/g, '');
  while (spaced.length > 1 && TITLES.has(plain(spaced[0]!))) spaced.shift();
  while (spaced.length > 1 && GENERATIONS.has(plain(spaced[spaced.length - 1]!))) spaced.pop();
  if (spaced.length < 2) return out;
  out.push({ name: spaced.join(' '), kind: 'full name' });
  // The surname starts at the last word, or earlier at its particles ("van der Berg").
  let surnameStart = spaced.length - 1;
  while (surnameStart > 1 && PARTICLES.has(plain(spaced[surnameStart - 1]!))) surnameStart--;
  const surname = spaced.slice(surnameStart).join(' ');
  const last = spaced[spaced.length - 1]!;
  // Without the middle names: "Brenda Jane Penhallow" is often "Brenda Penhallow".
  if (spaced.length > 2) out.push({ name: `${spaced[0]} ${surname}`, kind: 'full name' }, { name: `${spaced[0]} ${last}`, kind: 'full name' });
  // The first name alone, as a possible hit only (see above): not an initial, a title or a particle.
  const first = spaced[0]!.replace(/[.,]+$/, '');
  if (surnameStart > 0 && letterCount(first) >= MIN_FIRST_NAME_LETTERS && !PARTICLES.has(plain(first)) && !TITLES.has(plain(first))) out.push({ name: first, kind: 'first name' });
  const surnames = [surname, last];
  // Each half of a double-barrelled surname, as people are often called by one of them.
  const halves = last.split(/[-\u2010-\u2015]/).filter(Boolean);
  if (halves.length > 1) surnames.push(...halves);
  for (const s of surnames) if (letterCount(s) >= MIN_SURNAME_LETTERS) out.push({ name: s, kind: 'surname' });
  return out;
}

/**
 * Matchers for every real name in the register (people with no real name
 * recorded are skipped). Candidates that would match a pseudonym are dropped.
 */
export function buildNameMatchers(register: readonly RegisterPerson[]): NameMatcher[] {
  const byKey = new Map<string, { kind: NameKind; names: Array<{ name: string; reviewReference: string }>; words: string[] }>();
  for (const person of register) {
    if (!person.realName?.trim()) continue;
    for (const candidate of nameCandidates(person.realName)) {
      const words = wordsOf(fold(candidate.name));
      if (!words.length) continue;
      const key = words.join(' ');
      const entry = byKey.get(key) ?? { kind: candidate.kind, names: [], words };
      if (KIND_RANK[candidate.kind] > KIND_RANK[entry.kind]) entry.kind = candidate.kind;
      if (!entry.names.some((n) => n.reviewReference === person.reviewReference)) entry.names.push({ name: candidate.name, reviewReference: person.reviewReference });
      byKey.set(key, entry);
    }
  }
  const pseudonyms = [...new Set(register.map((p) => fold(p.pseudonym).trim()).filter(Boolean))];
  const matchers: NameMatcher[] = [];
  for (const [key, entry] of byKey) {
    const pattern = namePattern(entry.words);
    const clashes = pseudonyms.some((p) => {
      pattern.lastIndex = 0;
      return pattern.test(p);
    });
    pattern.lastIndex = 0;
    if (!clashes) matchers.push({ key, kind: entry.kind, names: entry.names, pattern });
  }
  // Longest first: the order ties are broken in.
  return matchers.sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
}

const CONTEXT_CHARS = 40;

/** The words around [start, end) of a text: about `chars` characters either side, cut at word boundaries, on one line. */
export function contextAround(text: string, start: number, end: number, chars = CONTEXT_CHARS): string {
  let left = text.slice(Math.max(0, start - chars), start);
  let right = text.slice(end, end + chars);
  const cutLeft = start - chars > 0;
  const cutRight = end + chars < text.length;
  if (cutLeft && /\s/.test(left)) left = left.replace(/^\S*\s+/, '');
  if (cutRight && /\s/.test(right)) right = right.replace(/\s+\S*$/, '');
  const joined = `${cutLeft ? '…' : ''}${left}${text.slice(start, end)}${right}${cutRight ? '…' : ''}`;
  return joined.replace(new RegExp(INVISIBLE.source, 'g'), '').replace(/\s+/g, ' ').trim();
}

/** Where a name can start in folded text: the first two letters of its first word, or the letter of a one-letter word. */
function startOf(key: string): string {
  const first = Array.from(key.split(' ')[0]!);
  return first.slice(0, 2).join('');
}

const WORD_START = /(?<![\p{L}\p{N}])([\p{L}\p{N}])([\p{L}\p{N}])?/gu;
const startIndexes = new WeakMap<readonly NameMatcher[], Map<string, NameMatcher[]>>();

/** The matchers by where their names start, built once per set of matchers. */
function startIndex(matchers: readonly NameMatcher[]): Map<string, NameMatcher[]> {
  let index = startIndexes.get(matchers);
  if (!index) {
    index = new Map();
    for (const matcher of matchers) {
      const start = startOf(matcher.key);
      index.set(start, [...(index.get(start) ?? []), matcher]);
    }
    startIndexes.set(matchers, index);
  }
  return index;
}

function startsWithCapital(text: string, at: number): boolean {
  const ch = String.fromCodePoint(text.codePointAt(at)!);
  return ch !== ch.toLowerCase();
}

/**
 * Every real name in a text, in order, each place once (the longest match
 * where candidates overlap). Only the matchers whose names start the way
 * some word of the text starts are run, so a long register costs little.
 */
export function findNames(text: string, matchers: readonly NameMatcher[], options: { contextChars?: number } = {}): NameMatch[] {
  if (!text || !matchers.length) return [];
  const folded = foldForMatching(text);
  const index = startIndex(matchers);
  const candidates = new Set<NameMatcher>();
  for (const m of folded.text.matchAll(WORD_START)) {
    for (const start of m[2] ? [m[1]!, m[1]! + m[2]] : [m[1]!]) for (const matcher of index.get(start) ?? []) candidates.add(matcher);
  }
  const found: Array<{ start: number; end: number; matcher: NameMatcher }> = [];
  for (const matcher of candidates) {
    // The matcher's own pattern, reset before and after: matching is synchronous, so nothing else can be using it.
    const pattern = matcher.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded.text); m; m = pattern.exec(folded.text)) {
      // A first name counts only when written as a name, with a capital: "Joy" is a name, "joy" a word.
      if (matcher.kind === 'first name' && !startsWithCapital(text, folded.from[m.index]!)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, matcher });
    }
    pattern.lastIndex = 0;
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof found = [];
  for (const f of found) if (!taken.some((t) => f.start < t.end && t.start < f.end)) taken.push(f);
  taken.sort((a, b) => a.start - b.start);
  return taken.map(({ start, end, matcher }) => {
    const s = folded.from[start]!;
    let e = folded.to[end - 1]!;
    // Accents written as separate combining marks after the last letter belong to the name.
    while (e < text.length && /\p{M}/u.test(text[e]!)) e++;
    return {
      name: matcher.names[0]!.name,
      kind: matcher.kind,
      reviewReferences: [...new Set(matcher.names.map((n) => n.reviewReference))].sort(),
      start: s,
      end: e,
      text: text.slice(s, e),
      context: contextAround(text, s, e, options.contextChars),
    };
  });
}
