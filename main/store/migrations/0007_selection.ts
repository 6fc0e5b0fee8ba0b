/**
 * Recruitment and selection (issue 7). The sign-ups' names, contacts and addresses are NOT here:
 * they live in the recruitment file next to the panel (main/features/selection/recruitmentFile.ts).
 * The panel keeps what the audit needs: the input files' hashes, each sign-up's pseudonymous id,
 * features and salted household hash, the runs and their probabilities, the draw; and, after the
 * draw, the selected people (as participants) and the ordered reserves (their contacts, so a
 * drop-out can be replaced at the venue).
 */
export const up = `
CREATE TABLE selection_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  panel_size INTEGER NOT NULL DEFAULT 40,
  tolerance INTEGER NOT NULL DEFAULT 1,
  lottery_m INTEGER NOT NULL DEFAULT 1000,
  reserve_count INTEGER NOT NULL DEFAULT 10,
  invitations INTEGER,
  recruitment_link TEXT
) STRICT;
INSERT INTO selection_settings (id) VALUES (1);

CREATE TABLE selection_quota (
  feature_key TEXT NOT NULL,
  value TEXT NOT NULL,
  min INTEGER NOT NULL CHECK (min >= 0),
  max INTEGER NOT NULL,
  min_flex INTEGER,
  max_flex INTEGER,
  PRIMARY KEY (feature_key, value),
  FOREIGN KEY (feature_key, value) REFERENCES background_value(feature_key, value) ON DELETE CASCADE,
  CHECK (min <= max)
) STRICT;

CREATE TABLE recruitment_figure (
  feature_key TEXT NOT NULL,
  value TEXT NOT NULL,
  invitations INTEGER NOT NULL CHECK (invitations >= 0),
  PRIMARY KEY (feature_key, value),
  FOREIGN KEY (feature_key, value) REFERENCES background_value(feature_key, value) ON DELETE CASCADE
) STRICT;

CREATE TABLE selection_input (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('people','quotas')),
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  delimiter TEXT NOT NULL,
  excluded_rows TEXT NOT NULL DEFAULT '[]',
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE selection_pool (
  pool_id TEXT PRIMARY KEY,
  row_no INTEGER NOT NULL,
  features TEXT NOT NULL,
  household TEXT
) STRICT;

CREATE TABLE selection_run (
  id TEXT PRIMARY KEY,
  algorithm TEXT NOT NULL CHECK (algorithm IN ('leximin','legacy')),
  finished_at TEXT NOT NULL,
  instance_hash TEXT NOT NULL,
  summary TEXT NOT NULL,
  probabilities TEXT NOT NULL,
  type_lottery TEXT,
  lottery TEXT,
  panel TEXT
) STRICT;

CREATE TABLE selection_outcome (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  run_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('number','seed','legacy')),
  draw INTEGER,
  seed TEXT NOT NULL,
  drawn_at TEXT NOT NULL,
  panel TEXT NOT NULL
) STRICT;

CREATE TABLE selection_member (
  pool_id TEXT PRIMARY KEY,
  participant_id TEXT UNIQUE REFERENCES participant(id) ON DELETE SET NULL,
  source TEXT NOT NULL CHECK (source IN ('draw','reserve','redraw')),
  replaced TEXT,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE selection_reserve (
  rank INTEGER PRIMARY KEY,
  pool_id TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi','sv','en'))
) STRICT;
`;
