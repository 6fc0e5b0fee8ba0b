/**
 * The statement: sections and blocks with their versions, editing locks, named versions,
 * translations, amendments from tables, the approval record and final lock, the authority's
 * follow-up, participants' consent to be named, and annexes.
 */
export const up = `
-- One row: the statement's own fields.
CREATE TABLE statement (
  id TEXT PRIMARY KEY CHECK (id = 'statement'),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  main_language TEXT NOT NULL DEFAULT 'fi' CHECK (main_language IN ('fi','sv','en')),
  second_language TEXT CHECK (second_language IN ('fi','sv','en')),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE statement_section (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE statement_block (
  id TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES statement_section(id),
  kind TEXT NOT NULL CHECK (kind IN ('recommendation','minority','text')),
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '',
  recommendation_id TEXT,
  draft_recommendation_id TEXT,
  source_note_ids TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX statement_block_section ON statement_block(section_id, position);

-- Every version of a block's text: saves, accepted amendments, restores.
CREATE TABLE statement_block_version (
  block_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  rationale TEXT NOT NULL,
  authors TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('create','edit','amendment','restore')),
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (block_id, version)
) STRICT;

CREATE TABLE statement_lock (
  block_id TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  holder_name TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

-- Named versions: a snapshot (JSON) of the whole statement.
CREATE TABLE statement_version (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('named','beforeRestore','restored','final')),
  snapshot TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

-- A translation of a block or a section title, and the main-language version it translates.
CREATE TABLE statement_translation (
  target_id TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('fi','sv','en')),
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  source_version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (target_id, language)
) STRICT;

CREATE TABLE statement_amendment (
  id TEXT PRIMARY KEY,
  block_id TEXT NOT NULL,
  table_no INTEGER,
  device_name TEXT NOT NULL,
  text TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  base_version INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','declined')),
  decision_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT
) STRICT;

-- How the statement was adopted (one row).
CREATE TABLE statement_approval (
  id TEXT PRIMARY KEY CHECK (id = 'approval'),
  method TEXT NOT NULL CHECK (method IN ('vote','decision')),
  vote_id TEXT,
  decision_text TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

-- The locked final version (one row): its canonical JSON and that JSON's SHA-256.
CREATE TABLE statement_final (
  id TEXT PRIMARY KEY CHECK (id = 'final'),
  canonical_json TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  locked_at TEXT NOT NULL,
  locked_by TEXT NOT NULL
) STRICT;

-- The authority's answer to a recommendation.
CREATE TABLE statement_follow_up (
  block_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('done','planned','notPossible')),
  reasons TEXT NOT NULL DEFAULT '',
  answered_on TEXT,
  updated_at TEXT NOT NULL
) STRICT;

-- Whether a participant agreed to be named in the statement's annex.
CREATE TABLE participant_consent (
  participant_id TEXT PRIMARY KEY,
  named INTEGER NOT NULL CHECK (named IN (0,1)),
  recorded_at TEXT NOT NULL
) STRICT;

CREATE TABLE statement_annex (
  id TEXT PRIMARY KEY,
  visibility TEXT NOT NULL CHECK (visibility IN ('public','confidential')),
  title TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  file_name TEXT,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`;
