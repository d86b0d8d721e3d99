import { ftsQuery, prepare, RECURRING_THRESHOLD, SIMILAR_THRESHOLD, similarity, terms, type PreparedText } from '../../../shared/domain/text-similarity.ts';
import type { RecurringGroup, SimilarMatch } from '../../../shared/ipc/recommendation-schemas.ts';
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
         row_number() OVER (PARTITION BY r.review_id ORDER BY r.position, r.rowid) AS number
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

export function findSimilar(db: Db, text: string, options: { excludeId?: string; limit: number }, today: string): SimilarMatch[] {
  const query = ftsQuery(text);
  if (!query) return [];
  const candidates = db
    .prepare(
      `WITH live AS (${LIVE})
       SELECT live.* FROM recommendation_fts f JOIN live ON live.rid = f.rowid
        WHERE recommendation_fts MATCH @match
        ORDER BY bm25(recommendation_fts) LIMIT 200`,
    )
    .all({ match: `text : (${query})` }) as Candidate[];
  const draft = prepare(text);
  const implementation = implementationByRecommendation(db, today);
  return candidates
    .filter((c) => c.id !== options.excludeId)
    .map((c) => ({ c, score: similarity(draft, c.text) }))
    .filter((x) => x.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.c.reviewReference.localeCompare(b.c.reviewReference))
    .slice(0, options.limit)
    .map(({ c, score }) => toMatch(c, score, implementation));
}

/**
 * Groups of recommendations from different reviews that say the same
 * thing. Star clustering: the recommendation with most close matches seeds
 * a group of its unassigned matches, so groups do not chain together
 * through loosely related links.
 */
export function recurringGroups(db: Db, today: string): RecurringGroup[] {
  const all = db.prepare(LIVE).all() as Candidate[];
  const prepared: PreparedText[] = all.map((c) => prepare(c.text));
  // Only pairs sharing a significant word can be similar: index words to avoid comparing every pair.
  const byTerm = new Map<string, number[]>();
  all.forEach((c, i) => {
    for (const t of new Set(terms(c.text))) byTerm.set(t, [...(byTerm.get(t) ?? []), i]);
  });
  const neighbours: Array<Map<number, number>> = all.map(() => new Map());
  all.forEach((c, i) => {
    const seen = new Set<number>();
    for (const t of new Set(terms(c.text))) {
      const list = byTerm.get(t)!;
      if (list.length > all.length / 4) continue; // too common to tell recommendations apart
      for (const j of list) {
        if (j <= i || seen.has(j) || all[j]!.reviewId === c.reviewId) continue;
        seen.add(j);
        const score = similarity(prepared[i]!, prepared[j]!);
        if (score >= RECURRING_THRESHOLD) {
          neighbours[i]!.set(j, score);
          neighbours[j]!.set(i, score);
        }
      }
    }
  });
  const implementation = implementationByRecommendation(db, today);
  const assigned = new Set<number>();
  const groups: RecurringGroup[] = [];
  const order = all.map((_, i) => i).sort((a, b) => neighbours[b]!.size - neighbours[a]!.size);
  for (const seed of order) {
    if (assigned.has(seed) || neighbours[seed]!.size === 0) continue;
    const members = [seed, ...[...neighbours[seed]!.keys()].filter((j) => !assigned.has(j))];
    if (new Set(members.map((m) => all[m]!.reviewId)).size < 2) continue;
    members.forEach((m) => assigned.add(m));
    const matches = members.map((m) => toMatch(all[m]!, m === seed ? 1 : neighbours[seed]!.get(m)!, implementation));
    matches.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.reviewReference.localeCompare(b.reviewReference));
    const years = matches.map((m) => m.year).filter((y): y is number => y !== null);
    groups.push({
      members: matches,
      reviews: new Set(matches.map((m) => m.reviewId)).size,
      districts: [...new Set(matches.map((m) => m.districtName))].sort(),
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null,
    });
  }
  return groups.sort((a, b) => b.members.length - a.members.length || (b.lastYear ?? 0) - (a.lastYear ?? 0));
}
