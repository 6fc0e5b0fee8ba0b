/**
 * The first schema. Personal data (participant_personal) and background features
 * (participant_feature) live in tables of their own, apart from what screens may show.
 */
export const up = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE panel (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  mandate TEXT NOT NULL DEFAULT '',
  organiser TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  municipalities TEXT NOT NULL DEFAULT '[]',
  languages TEXT NOT NULL DEFAULT '["fi"]',
  starts_on TEXT,
  ends_on TEXT,
  venue TEXT NOT NULL DEFAULT '',
  record_number TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE device (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cofacilitator','secretary','projector','checkin')),
  table_no INTEGER,
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected','revoked','ended')),
  token_hash TEXT NOT NULL UNIQUE,
  requested_at TEXT NOT NULL,
  decided_at TEXT,
  last_seen_at TEXT,
  user_agent TEXT NOT NULL DEFAULT ''
) STRICT;

-- A command's acknowledgement, stored in the transaction of its effect: a resent command is applied once.
CREATE TABLE command_receipt (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  device_id TEXT,
  result TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT,
  scope TEXT
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  device_id TEXT,
  device_name TEXT NOT NULL,
  role TEXT NOT NULL,
  command TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;

CREATE TABLE background_feature (
  key TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE background_value (
  feature_key TEXT NOT NULL REFERENCES background_feature(key) ON DELETE CASCADE,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  population_share REAL,
  PRIMARY KEY (feature_key, value)
) STRICT;

CREATE TABLE participant (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi','sv','en')),
  status TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('invited','confirmed','declined','droppedOut','replaced')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE participant_personal (
  participant_id TEXT PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  accessibility_needs TEXT NOT NULL DEFAULT '',
  dietary_needs TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE participant_feature (
  participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  feature_key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (participant_id, feature_key),
  FOREIGN KEY (feature_key, value) REFERENCES background_value(feature_key, value)
) STRICT;

CREATE TABLE panel_table (
  no INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi','sv','en')),
  accessible INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0,1))
) STRICT;

CREATE TABLE seating_round (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE seat (
  round_id TEXT NOT NULL REFERENCES seating_round(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  table_no INTEGER NOT NULL REFERENCES panel_table(no),
  PRIMARY KEY (round_id, participant_id)
) STRICT;

CREATE TABLE expert (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE agenda_day (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  title TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE agenda_item (
  id TEXT PRIMARY KEY,
  day_id TEXT NOT NULL REFERENCES agenda_day(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('welcome','expertHearing','expertQuestions','tableDiscussion',
    'plenary','break','vote','statementWork','other')),
  title TEXT NOT NULL,
  planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 1 AND 1440),
  question TEXT NOT NULL DEFAULT '',
  facilitator_notes TEXT NOT NULL DEFAULT '',
  seating_round_id TEXT REFERENCES seating_round(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE agenda_item_expert (
  item_id TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  expert_id TEXT NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, expert_id)
) STRICT;

CREATE TABLE attendance (
  day_id TEXT NOT NULL REFERENCES agenda_day(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  present_at TEXT NOT NULL,
  PRIMARY KEY (day_id, participant_id)
) STRICT;

CREATE TABLE draft_recommendation (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
