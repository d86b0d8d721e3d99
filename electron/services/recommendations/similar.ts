import { ftsQueryOf, ftsWords, prepare, RECURRING_THRESHOLD, SIMILAR_THRESHOLD, similarity, type PreparedText } from '../../../shared/domain/text-similarity.ts';
import type { RecurringGroup, SimilarMatch } from '../../../shared/ipc/recommendation-schemas.ts';
import { DEAD_RECOMMENDATION_IDS, recommendationNumber } from '../progress/progress-queries.ts';
import type { Db } from '../store/sqlite.ts';
import { implementationByRecommendation, NO_IMPLEMENTATION } from './implementation.ts';

// Finding recommendations that say much the same thing: while a chair
// drafts (FTS5 finds candidates fast, the similarity score ranks them), and
// across the whole store (the recurring recommendations view).

interface Candidate {
  id: string;
  reviewId: string;
  reviewReference: string;
  districtName: string;
  notificationDate: string | null;
  number: number;
  text: string;
}

/** Live recommendations, numbered within their review as the review shows them. */
const LIVE = `
  SELECT r.rowid AS rid, r.id, r.review_id AS reviewId, v.reference AS reviewReference, d.name AS districtName,
         v.notification_date AS notificationDate, r.text,
         ${recommendationNumber('r')} AS number
    FROM recommendations r
    JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
    JOIN districts d ON d.id = v.commissioning_district_id
   WHERE r.deleted_at IS NULL`;

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

function toMatch(c: Candidate, score: number, implementation: ReturnType<typeof implementationByRecommendation>): SimilarMatch {
  return {
    id: c.id,
    reviewId: c.reviewId,
    reviewReference: c.reviewReference,
    districtName: c.districtName,
    year: yearOf(c.notificationDate),
    number: c.number,
    text: c.text,
    score: Math.round(score * 100) / 100,
    implementation: implementation.get(c.id) ?? NO_IMPLEMENTATION,
  };
}

/**
 * How many matches the words of a search may have between them before the
 * most common words are left out of it. FTS5 ranks every match with bm25,
 * so a word found in most recommendations ("abuse", "domestic") would make
 * each search cost time in proportion to the whole store, while adding
 * almost nothing to the ranking (bm25 weighs a word by its rarity). Within
 * the budget, which a county's store never reaches, the search is exactly
 * "any of the words"; beyond it, the rarest words are kept, at least one.
 */
export const SEARCH_MATCH_BUDGET = 1_500;

function searchWords(db: Db, words: readonly string[]): readonly string[] {
  const matches = db.prepare('SELECT count(*) FROM (SELECT 1 FROM recommendation_fts WHERE recommendation_fts MATCH @match LIMIT @cap)').pluck();
  // Each word's matches, counted only up to the budget: a quick walk of its part of the index.
  const sized = words.map((word, i) => ({ word, i, n: matches.get({ match: `text : "${word}"`, cap: SEARCH_MATCH_BUDGET + 1 }) as number }));
  if (sized.reduce((sum, w) => sum + w.n, 0) <= SEARCH_MATCH_BUDGET) return words;
  const kept = new Set<number>();
  let total = 0;
  for (const w of [...sized].sort((a, b) => a.n - b.n || a.i - b.i)) {
    if (kept.size && total + w.n > SEARCH_MATCH_BUDGET) break;
    kept.add(w.i);
    total += w.n;
  }
  return sized.filter((w) => kept.has(w.i)).map((w) => w.word);
}

/**
 * Full-text search over live recommendations' text: candidates matching any
 * significant word of `text` (the rarest ones, in a large store), best first
 * by bm25, at most `limit`. The index ranks and cuts first, then only those
 * rows are read: it fetches `limit` more than the number of deleted
 * recommendations, so the best `limit` live ones are always among them.
 */
export function searchRecommendations(db: Db, text: string, limit: number): Candidate[] {
  const words = ftsWords(text);
  if (!words.length) return [];
  const query = ftsQueryOf(searchWords(db, words))!;
  const dead = db.prepare(`SELECT count(*) FROM (${DEAD_RECOMMENDATION_IDS})`).pluck().get() as number;
  return db
    .prepare(
      `WITH best AS (
         SELECT rowid AS rid, bm25(recommendation_fts) AS score FROM recommendation_fts
          WHERE recommendation_fts MATCH @match ORDER BY score LIMIT @fetch)
       SELECT live.* FROM best JOIN (${LIVE}) live ON live.rid = best.rid
        ORDER BY best.score LIMIT @limit`,
    )
    .all({ match: `text : (${query})`, fetch: limit + dead, limit }) as Candidate[];
}

export function findSimilar(db: Db, text: string, options: { excludeId?: string; limit: number }, today: string): SimilarMatch[] {
  const candidates = searchRecommendations(db, text, 200);
  if (!candidates.length) return [];
  const draft = prepare(text);
  const best = candidates
    .filter((c) => c.id !== options.excludeId)
    .map((c) => ({ c, score: similarity(draft, c.text) }))
    .filter((x) => x.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.c.reviewReference.localeCompare(b.c.reviewReference))
    .slice(0, options.limit);
  // Implementation only for the matches shown, not every recommendation in the store.
  const implementation = implementationByRecommendation(db, today, best.map(({ c }) => c.id));
  return best.map(({ c, score }) => toMatch(c, score, implementation));
}

/**
 * How many other recommendations each one is compared with, at most, when
 * finding recurring ones. A store of a county's size never reaches it, so
 * every pair sharing a word is compared; a national one (tens of thousands
 * of recommendations, many sharing words) would otherwise need hundreds of
 * millions of comparisons. With it the work grows in step with the number
 * of recommendations.
 */
export const RECURRING_COMPARISONS = 200;

/** A text's word or word-pair counts as parallel arrays sorted by term number, and the sum of their squares. */
interface CountVector {
  ids: Int32Array;
  counts: Float64Array;
  squares: number;
}

function countVector(vector: ReadonlyMap<string, number>, numbering: Map<string, number>): CountVector {
  const entries = [...vector].map(([term, n]) => {
    let id = numbering.get(term);
    if (id === undefined) numbering.set(term, (id = numbering.size));
    return [id, n] as const;
  });
  entries.sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(entries, (e) => e[0]), counts: Float64Array.from(entries, (e) => e[1]), squares: entries.reduce((s, e) => s + e[1] * e[1], 0) };
}

/**
 * Cosines against one vector, spread out densely by term number so each
 * comparison is a single pass over the other vector. The same value as the
 * similarity measure's own cosine: the counts are whole numbers, so the dot
 * product and the sums of squares are exact whatever order they are added in.
 */
class CosineAgainst {
  private readonly dense: Float64Array;
  private current: CountVector | null = null;
  constructor(terms: number) {
    this.dense = new Float64Array(terms);
  }
  set(v: CountVector): void {
    if (this.current) for (const id of this.current.ids) this.dense[id] = 0;
    for (let k = 0; k < v.ids.length; k++) this.dense[v.ids[k]!] = v.counts[k]!;
    this.current = v;
  }
  /** cosine(current, other) */
  cosine(other: CountVector): number {
    const a = this.current!;
    if (!a.ids.length || !other.ids.length) return 0;
    let dot = 0;
    for (let k = 0; k < other.ids.length; k++) dot += other.counts[k]! * this.dense[other.ids[k]!]!;
    return dot / (Math.sqrt(a.squares) * Math.sqrt(other.squares));
  }
}

/** The position of the first number above n in an ascending list. */
function firstAfter(list: readonly number[], n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Groups of recommendations from different reviews that say the same
 * thing. Star clustering: the recommendation with most close matches seeds
 * a group of its unassigned matches, so groups do not chain together
 * through loosely related links.
 */
export function recurringGroups(db: Db, today: string): RecurringGroup[] {
  const all = db.prepare(LIVE).all() as Candidate[];
  const wordNumbers = new Map<string, number>();
  const pairNumbers = new Map<string, number>();
  const prepared: PreparedText[] = all.map((c) => prepare(c.text));
  const words = prepared.map((p) => countVector(p.words, wordNumbers));
  const pairs = prepared.map((p) => countVector(p.pairs, pairNumbers));
  // similarity(prepared[i], prepared[j]), computed on the count vectors.
  const wordsOfI = new CosineAgainst(wordNumbers.size);
  const pairsOfI = new CosineAgainst(pairNumbers.size);
  const score = (j: number) => 0.75 * wordsOfI.cosine(words[j]!) + 0.25 * pairsOfI.cosine(pairs[j]!);
  // A text's significant words, each once, in order: the keys of its word counts.
  const termsOf = prepared.map((p) => p.words.keys());
  const reviewNumbers = new Map<string, number>();
  const reviewOf = Int32Array.from(all, (c) => reviewNumbers.get(c.reviewId) ?? (reviewNumbers.set(c.reviewId, reviewNumbers.size), reviewNumbers.size - 1));
  // Only pairs sharing a significant word can be similar: index words to avoid comparing every pair.
  const byTerm = new Map<string, number[]>();
  const termLists = termsOf.map((keys) => [...keys]);
  termLists.forEach((list, i) => {
    for (const t of list) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
  });
  // Close pairs, in the order they are found: flat typed arrays rather than a map per
  // recommendation, so tens of thousands of recommendations with many matches fit in memory.
  let edges = { from: new Int32Array(1024), to: new Int32Array(1024), score: new Float64Array(1024), length: 0 };
  const addEdge = (i: number, j: number, score: number) => {
    if (edges.length === edges.from.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      edges = { from: grow(edges.from), to: grow(edges.to), score: grow(edges.score), length: edges.length };
    }
    edges.from[edges.length] = i;
    edges.to[edges.length] = j;
    edges.score[edges.length++] = score;
  };
  const seenBy = new Int32Array(all.length).fill(-1);
  for (let i = 0; i < all.length; i++) {
    wordsOfI.set(words[i]!);
    pairsOfI.set(pairs[i]!);
    let comparisons = 0;
    terms: for (const t of termLists[i]!) {
      const list = byTerm.get(t)!;
      if (list.length > all.length / 4) continue; // too common to tell recommendations apart
      // The list is in index order: start after i.
      for (let k = firstAfter(list, i); k < list.length; k++) {
        const j = list[k]!;
        if (seenBy[j] === i || reviewOf[j] === reviewOf[i]) continue;
        seenBy[j] = i;
        if (++comparisons > RECURRING_COMPARISONS) break terms;
        const similar = score(j);
        if (similar >= RECURRING_THRESHOLD) addEdge(i, j, similar);
      }
    }
  }
  const assigned = new Set<number>();
  const clusters: Array<{ seed: number; members: number[] }> = [];
  // Each recommendation's close matches, in the order they were found (both ends of each pair).
  const degree = new Int32Array(all.length);
  for (let e = 0; e < edges.length; e++) {
    degree[edges.from[e]!]!++;
    degree[edges.to[e]!]!++;
  }
  const start = new Int32Array(all.length + 1);
  for (let i = 0; i < all.length; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, all.length);
  const adjacent = new Int32Array(edges.length * 2);
  const adjacentScore = new Float64Array(edges.length * 2);
  for (let e = 0; e < edges.length; e++) {
    const i = edges.from[e]!;
    const j = edges.to[e]!;
    adjacent[fill[i]!] = j;
    adjacentScore[fill[i]!++] = edges.score[e]!;
    adjacent[fill[j]!] = i;
    adjacentScore[fill[j]!++] = edges.score[e]!;
  }
  const neighboursOf = (i: number) => adjacent.subarray(start[i]!, start[i + 1]!);
  const scoreWith = (seed: number, m: number) => {
    for (let k = start[seed]!; k < start[seed + 1]!; k++) if (adjacent[k] === m) return adjacentScore[k]!;
    return 0;
  };
  const order = all.map((_, i) => i).sort((a, b) => degree[b]! - degree[a]!);
  for (const seed of order) {
    if (assigned.has(seed) || degree[seed] === 0) continue;
    const members = [seed, ...Array.from(neighboursOf(seed)).filter((j) => !assigned.has(j))];
    if (new Set(members.map((m) => all[m]!.reviewId)).size < 2) continue;
    members.forEach((m) => assigned.add(m));
    clusters.push({ seed, members });
  }
  // Implementation only for the recommendations in a group.
  const implementation = implementationByRecommendation(db, today, [...assigned].map((m) => all[m]!.id));
  const groups: RecurringGroup[] = clusters.map(({ seed, members }) => {
    const matches = members.map((m) => toMatch(all[m]!, m === seed ? 1 : scoreWith(seed, m), implementation));
    matches.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.reviewReference.localeCompare(b.reviewReference));
    const years = matches.map((m) => m.year).filter((y): y is number => y !== null);
    return {
      members: matches,
      reviews: new Set(matches.map((m) => m.reviewId)).size,
      districts: [...new Set(matches.map((m) => m.districtName))].sort(),
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null,
    };
  });
  return groups.sort((a, b) => b.members.length - a.members.length || (b.lastYear ?? 0) - (a.lastYear ?? 0));
}
