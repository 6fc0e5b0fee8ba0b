/**
 * Votes: definitions, one-time ballot codes (only their SHA-256), anonymous ballots, table
 * tallies, paper totals, re-openings, and which vote's results the projector shows.
 *
 * A ballot row carries no code, person, device, time or client id. The ballot table is
 * WITHOUT ROWID, keyed by (vote_id, a random key), so rows are stored in the order of their
 * random keys, not the order they were cast.
 */
export const up = `
CREATE TABLE vote (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('yesNoAbstain','scale4','scale5','approval','dots','ranking')),
  subjects TEXT NOT NULL,
  dots INTEGER,
  ranking_count TEXT CHECK (ranking_count IN ('borda','irv')),
  thresholds TEXT NOT NULL DEFAULT '[]',
  base TEXT NOT NULL CHECK (base IN ('cast','present')),
  day_id TEXT REFERENCES agenda_day(id) ON DELETE SET NULL,
  modes TEXT NOT NULL,
  live_results INTEGER NOT NULL DEFAULT 0 CHECK (live_results IN (0,1)),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
  opened_at TEXT,
  closed_at TEXT,
  result_hash TEXT,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE vote_reopening (
  seq INTEGER PRIMARY KEY,
  vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  by TEXT NOT NULL
) STRICT;

CREATE TABLE ballot_code (
  code_hash TEXT PRIMARY KEY,
  vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
  used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0,1))
) STRICT;
CREATE INDEX ballot_code_vote ON ballot_code(vote_id, used);

CREATE TABLE ballot (
  vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  content TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('code','paper')),
  PRIMARY KEY (vote_id, key)
) WITHOUT ROWID, STRICT;

CREATE TABLE tally (
  vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
  table_no INTEGER NOT NULL,
  counts TEXT NOT NULL,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (vote_id, table_no)
) STRICT;

CREATE TABLE paper_count (
  vote_id TEXT PRIMARY KEY REFERENCES vote(id) ON DELETE CASCADE,
  counts TEXT NOT NULL
) STRICT;

CREATE TABLE shown_results (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  vote_id TEXT REFERENCES vote(id) ON DELETE SET NULL
) STRICT;
INSERT INTO shown_results (id) VALUES (1);
`;
