// Which record here a package's record is, when the two were made apart
// (two installations each entered, or imported, the same review's action
// plan, so their ids differ). The first package that matches one of its
// records to one here by reference, number and text records the link, so
// every later package from there finds the record by its id alone, even
// after its number or wording changed there. Ids are UUIDs, so the
// sender's id names one record whichever installation sent it.

export const sql = `
CREATE TABLE exchange_id_aliases (
  table_name TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  sender_installation_id TEXT NOT NULL,
  PRIMARY KEY (table_name, sender_id)
) WITHOUT ROWID;
CREATE INDEX exchange_id_aliases_local ON exchange_id_aliases(table_name, local_id);
`;
