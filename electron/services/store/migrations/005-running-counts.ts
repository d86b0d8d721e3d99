// Running counts, kept by triggers, so the dashboard need not count
// hundreds of thousands of decisions and a million progress updates each
// time it is shown (npm run bench; docs/performance.md). They are derived
// data, always in step with the rows they count: every insert, delete and
// change of the counted columns adjusts them in the same statement.

export const sql = `
-- Decisions by district, decision and status ('' when there is no status),
-- whether or not their recommendation is live: the dashboard takes the few
-- on deleted recommendations off again.
CREATE TABLE applicability_counts (
  district_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (district_id, decision, status)
) WITHOUT ROWID;
INSERT INTO applicability_counts (district_id, decision, status, n)
  SELECT district_id, decision, coalesce(status, ''), count(*) FROM applicability GROUP BY district_id, decision, coalesce(status, '');
CREATE TRIGGER applicability_counts_insert AFTER INSERT ON applicability BEGIN
  INSERT INTO applicability_counts (district_id, decision, status, n) VALUES (new.district_id, new.decision, coalesce(new.status, ''), 1)
    ON CONFLICT (district_id, decision, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER applicability_counts_delete AFTER DELETE ON applicability BEGIN
  UPDATE applicability_counts SET n = n - 1 WHERE district_id = old.district_id AND decision = old.decision AND status = coalesce(old.status, '');
END;
CREATE TRIGGER applicability_counts_update AFTER UPDATE OF district_id, decision, status ON applicability BEGIN
  UPDATE applicability_counts SET n = n - 1 WHERE district_id = old.district_id AND decision = old.decision AND status = coalesce(old.status, '');
  INSERT INTO applicability_counts (district_id, decision, status, n) VALUES (new.district_id, new.decision, coalesce(new.status, ''), 1)
    ON CONFLICT (district_id, decision, status) DO UPDATE SET n = n + 1;
END;

-- How many rows a table has, for tables too large to count on every view.
CREATE TABLE row_counts (
  name TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO row_counts (name, n) VALUES ('progress_updates', (SELECT count(*) FROM progress_updates));
CREATE TRIGGER progress_updates_count_insert AFTER INSERT ON progress_updates BEGIN
  UPDATE row_counts SET n = n + 1 WHERE name = 'progress_updates';
END;
CREATE TRIGGER progress_updates_count_delete AFTER DELETE ON progress_updates BEGIN
  UPDATE row_counts SET n = n - 1 WHERE name = 'progress_updates';
END;
`;
