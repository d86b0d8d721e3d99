// Full-text search over recommendations, for repeat detection. An
// external-content FTS5 index (the text lives once, in recommendations),
// kept in step by triggers. The Porter stemmer lets "assessment" find
// "assessing".
export const sql = `
CREATE VIRTUAL TABLE recommendation_fts USING fts5(
  text, finding, expected_outcome,
  content = 'recommendations', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER recommendations_fts_insert AFTER INSERT ON recommendations BEGIN
  INSERT INTO recommendation_fts (rowid, text, finding, expected_outcome) VALUES (new.rowid, new.text, new.finding, new.expected_outcome);
END;
CREATE TRIGGER recommendations_fts_delete AFTER DELETE ON recommendations BEGIN
  INSERT INTO recommendation_fts (recommendation_fts, rowid, text, finding, expected_outcome) VALUES ('delete', old.rowid, old.text, old.finding, old.expected_outcome);
END;
CREATE TRIGGER recommendations_fts_update AFTER UPDATE OF text, finding, expected_outcome ON recommendations BEGIN
  INSERT INTO recommendation_fts (recommendation_fts, rowid, text, finding, expected_outcome) VALUES ('delete', old.rowid, old.text, old.finding, old.expected_outcome);
  INSERT INTO recommendation_fts (rowid, text, finding, expected_outcome) VALUES (new.rowid, new.text, new.finding, new.expected_outcome);
END;
INSERT INTO recommendation_fts (recommendation_fts) VALUES ('rebuild');
`;
