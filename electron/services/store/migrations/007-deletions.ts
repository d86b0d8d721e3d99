// Deletions that travel in exchange packages. When a row a package
// carries is deleted (an action, a review's panel member, an acknowledged
// SMART hint…), a tombstone keeps which row it was, when it was deleted
// (the store's clock) and who owned it, in the same transaction as the
// delete. Packages carry the tombstones, so the deletion reaches every
// installation, and an older package cannot bring the row back. Row ids
// are random and never reused, so a tombstone never needs to be lifted.
export const sql = `
CREATE TABLE deletions (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  owner_installation_id TEXT NOT NULL,
  owner_district_id TEXT,
  PRIMARY KEY (table_name, row_id)
) WITHOUT ROWID;
CREATE INDEX deletions_owner_district ON deletions(owner_district_id) WHERE owner_district_id IS NOT NULL;
`;
