/** The running programme: per-item timing settings, the clock's timestamps, and planned-versus-actual. */
export const up = `
ALTER TABLE agenda_item ADD COLUMN warn_seconds INTEGER NOT NULL DEFAULT 120 CHECK (warn_seconds BETWEEN 0 AND 3600);
ALTER TABLE agenda_item ADD COLUMN show_overtime INTEGER NOT NULL DEFAULT 1 CHECK (show_overtime IN (0,1));

CREATE TABLE clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  item_id TEXT REFERENCES agenda_item(id) ON DELETE SET NULL,
  started_at INTEGER,
  paused_at INTEGER,
  paused_ms INTEGER NOT NULL DEFAULT 0,
  added_ms INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  message_visible INTEGER NOT NULL DEFAULT 0 CHECK (message_visible IN (0,1)),
  blackout INTEGER NOT NULL DEFAULT 0 CHECK (blackout IN (0,1)),
  chime_muted INTEGER NOT NULL DEFAULT 0 CHECK (chime_muted IN (0,1))
) STRICT;
INSERT INTO clock (id) VALUES (1);

CREATE TABLE item_run (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL,
  day_id TEXT NOT NULL,
  title TEXT NOT NULL,
  planned_minutes INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  paused_ms INTEGER NOT NULL DEFAULT 0,
  added_ms INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0,1))
) STRICT;
CREATE INDEX item_run_item ON item_run(item_id);
`;
