// The benchmark's three sizes of store. A scale is made of partnerships
// (a county and its districts, as in the seeds): every recommendation from
// a review in a partnership is considered in each of that partnership's
// districts, so applicability decisions = Σ districts × recommendations.
//
// National: 40 districts in four partnerships, 2,000 reviews, 30,000
// recommendations, exactly 300,000 applicability decisions and 1,000,000
// progress updates. Its first partnership is county-sized (6 districts, 900
// recommendations), so one of its districts has about 300 applicable
// recommendations: the "300-recommendation CSP report" of the targets, read
// out of a national-sized store.

export interface PartnershipSpec {
  districts: number;
  reviews: number;
  recommendations: number;
}

export interface ScaleSpec {
  name: ScaleName;
  partnerships: readonly PartnershipSpec[];
  /** Progress updates in all, against applicability and against actions */
  progressUpdates: number;
}

export const SCALE_NAMES = ['county', 'region', 'national'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

const COUNTY: PartnershipSpec = { districts: 6, reviews: 60, recommendations: 900 };

export const SCALES: Record<ScaleName, ScaleSpec> = {
  // 5,400 applicability decisions
  county: { name: 'county', partnerships: [COUNTY], progressUpdates: 18_000 },
  // 20 districts, 400 reviews, 6,000 recommendations, 41,100 applicability decisions
  region: {
    name: 'region',
    partnerships: [COUNTY, { districts: 7, reviews: 170, recommendations: 2_550 }, { districts: 7, reviews: 170, recommendations: 2_550 }],
    progressUpdates: 137_000,
  },
  // 6×900 + 8×16,200 + 10×6,900 + 16×6,000 = 300,000 applicability decisions
  national: {
    name: 'national',
    partnerships: [
      COUNTY,
      { districts: 8, reviews: 1_080, recommendations: 16_200 },
      { districts: 10, reviews: 460, recommendations: 6_900 },
      { districts: 16, reviews: 400, recommendations: 6_000 },
    ],
    progressUpdates: 1_000_000,
  },
};

export function isScaleName(value: string): value is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(value);
}

export function expectedCounts(scale: ScaleSpec) {
  const sum = (f: (p: PartnershipSpec) => number) => scale.partnerships.reduce((n, p) => n + f(p), 0);
  return {
    districts: sum((p) => p.districts),
    reviews: sum((p) => p.reviews),
    recommendations: sum((p) => p.recommendations),
    applicabilityDecisions: sum((p) => p.districts * p.recommendations),
    progressUpdates: scale.progressUpdates,
  };
}
