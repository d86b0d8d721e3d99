// Indexes on the district that owns a record, for exchange packages: a
// district's package carries the reviews, recommendations, decisions and
// progress updates its district owns. Without these, making one read every
// progress update in the store (about 300 MiB at national scale, more than
// the page cache holds), which made a district's export take 2 s encrypted
// against 0.8 s plain; with them it reads only the district's rows
// (0.4 s either way). See docs/performance.md.

export const sql = `
CREATE INDEX reviews_owner_district ON reviews(owner_district_id) WHERE owner_district_id IS NOT NULL;
CREATE INDEX recommendations_owner_district ON recommendations(owner_district_id) WHERE owner_district_id IS NOT NULL;
CREATE INDEX applicability_owner_district ON applicability(owner_district_id) WHERE owner_district_id IS NOT NULL;
CREATE INDEX progress_updates_owner_district ON progress_updates(owner_district_id) WHERE owner_district_id IS NOT NULL;
`;
