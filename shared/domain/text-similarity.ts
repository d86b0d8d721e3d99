// How alike two recommendations are, from their words. Pure, so the same
// measure ranks matches in the store and groups recurring ones. Words are
// lower-cased, common words dropped and endings trimmed (a light stemmer:
// "assessments", "assessed" and "assessing" all become "assess"), then
// compared as word and word-pair vectors by cosine similarity.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just may me might more most must my no nor not now of off on once only or other our ours out over own same shall she should so some such than that the their theirs them then there these they this those through to too under until up upon us very was we were what when where which while who whom why will with within would you your
   ensure ensures ensured make makes made take takes taken use used using including include includes where whether
   agency agencies partner partners organisation organisations service services staff team teams`
    .split(/\s+/)
    .filter(Boolean),
);

const SUFFIXES = ['isations', 'isation', 'ations', 'ation', 'ments', 'ment', 'nesses', 'ness', 'ings', 'ing', 'ities', 'ity', 'ives', 'ive', 'ers', 'er', 'ies', 'ied', 'es', 'ed', 'ly', 's'];

export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return word;
}

/** Significant words of a text, as stems, in order. */
export function terms(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map(stem);
}

type Vector = Map<string, number>;

function vectors(text: string): { words: Vector; pairs: Vector } {
  const t = terms(text);
  const words: Vector = new Map();
  const pairs: Vector = new Map();
  t.forEach((w, i) => {
    words.set(w, (words.get(w) ?? 0) + 1);
    if (i > 0) {
      const pair = `${t[i - 1]} ${w}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  });
  return { words, pairs };
}

function cosine(a: Vector, b: Vector): number {
  if (!a.size || !b.size) return 0;
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  return dot / (norm(a) * norm(b));
}

export interface PreparedText {
  words: Vector;
  pairs: Vector;
}

export const prepare = (text: string): PreparedText => vectors(text);

/** 0 (nothing in common) to 1 (the same words in the same order). */
export function similarity(a: string | PreparedText, b: string | PreparedText): number {
  const va = typeof a === 'string' ? vectors(a) : a;
  const vb = typeof b === 'string' ? vectors(b) : b;
  return 0.75 * cosine(va.words, vb.words) + 0.25 * cosine(va.pairs, vb.pairs);
}

/**
 * Thresholds, tuned on the demo's hand-written clusters of recurring
 * recommendations: above SIMILAR a match is worth showing a chair while
 * drafting; above RECURRING two recommendations are grouped as the same one.
 */
export const SIMILAR_THRESHOLD = 0.3;
export const RECURRING_THRESHOLD = 0.38;

/** The significant words of a text for a full-text query: lower case, no stopwords, each once, at most maxWords. */
export function ftsWords(text: string, maxWords = 24): string[] {
  return [...new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !STOPWORDS.has(w)))].slice(0, maxWords);
}

/** An FTS5 query matching any of the words. */
export const ftsQueryOf = (words: readonly string[]): string | null => (words.length ? words.map((w) => `"${w}"`).join(' OR ') : null);

/** An FTS5 query matching any significant word of the text, to find candidates quickly. */
export function ftsQuery(text: string, maxWords = 24): string | null {
  return ftsQueryOf(ftsWords(text, maxWords));
}
