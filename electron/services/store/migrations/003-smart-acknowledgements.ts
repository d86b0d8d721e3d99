// A chair may keep a recommendation as written despite a SMART hint, by
// acknowledging it (with a note): the submission check then counts it as
// resolved. One row per recommendation and hint; the hint key is its code,
// plus the action number for hints about one action.
export const sql = `
CREATE TABLE smart_acknowledgements (
  id TEXT PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  hint_key TEXT NOT NULL,
  note TEXT,
  acknowledged_by TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  owner_installation_id TEXT NOT NULL,
  owner_district_id TEXT REFERENCES districts(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (recommendation_id, hint_key)
);
`;
