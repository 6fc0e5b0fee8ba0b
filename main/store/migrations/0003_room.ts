/** The room: table notes with their history and conflicts, photos, questions to experts, materials. */
export const up = `
CREATE TABLE photo (
  id TEXT PRIMARY KEY,
  table_no INTEGER NOT NULL,
  mime TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE table_note (
  id TEXT PRIMARY KEY,
  table_no INTEGER NOT NULL,
  item_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('keyPoint','argumentFor','argumentAgainst','proposal','disagreement','questionForExperts')),
  text TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)),
  marked INTEGER NOT NULL DEFAULT 0 CHECK (marked IN (0,1)),
  transcribed_by TEXT,
  photo_id TEXT REFERENCES photo(id),
  author_device TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX table_note_table ON table_note(table_no, item_id);

-- Every version of a note, so edits and deletes keep their history.
CREATE TABLE table_note_version (
  note_id TEXT NOT NULL REFERENCES table_note(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  device_name TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (note_id, version)
) STRICT;

-- An edit based on an older version: kept beside the note until someone resolves it.
CREATE TABLE table_note_conflict (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES table_note(id) ON DELETE CASCADE,
  base_version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  device_name TEXT NOT NULL,
  at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;

CREATE TABLE recommendation_source (
  recommendation_id TEXT NOT NULL REFERENCES draft_recommendation(id) ON DELETE CASCADE,
  note_id TEXT NOT NULL REFERENCES table_note(id),
  PRIMARY KEY (recommendation_id, note_id)
) STRICT;

CREATE TABLE expert_question (
  id TEXT PRIMARY KEY,
  table_no INTEGER,
  item_id TEXT,
  expert_id TEXT REFERENCES expert(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','asked','answered','dismissed')),
  position INTEGER NOT NULL,
  merged_into TEXT REFERENCES expert_question(id),
  answer_summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE projected_question (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  question_id TEXT REFERENCES expert_question(id) ON DELETE SET NULL
) STRICT;
INSERT INTO projected_question (id) VALUES (1);

CREATE TABLE expert_material (
  id TEXT PRIMARY KEY,
  expert_id TEXT NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  url TEXT,
  file_name TEXT,
  mime TEXT,
  data BLOB,
  created_at TEXT NOT NULL,
  CHECK ((url IS NULL) <> (data IS NULL))
) STRICT;
`;
