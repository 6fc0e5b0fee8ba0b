/**
 * The roster and seating constraints (issue 8): roster fields beside the personal data (consent,
 * compensation, who replaced whom, the need for an accessible table), seating pins and pairs
 * kept apart. Seating settings, the round on the projector and the purge record are meta rows
 * ('seating.settings', 'seating.shown', 'roster.purged').
 */
export const up = `
CREATE TABLE participant_roster (
  participant_id TEXT PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
  replaced_by TEXT REFERENCES participant(id) ON DELETE SET NULL,
  consent_at TEXT,
  privacy_notice_version TEXT NOT NULL DEFAULT '',
  compensation_paid INTEGER NOT NULL DEFAULT 0 CHECK (compensation_paid IN (0,1)),
  needs_accessible_table INTEGER NOT NULL DEFAULT 0 CHECK (needs_accessible_table IN (0,1)),
  updated_at TEXT NOT NULL
) STRICT;

-- round: 0-based round index; -1 pins the person to the table in every round.
CREATE TABLE seating_pin (
  participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  PRIMARY KEY (participant_id, round)
) STRICT;

CREATE TABLE seating_apart (
  a TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  PRIMARY KEY (a, b),
  CHECK (a < b)
) STRICT;
`;
