import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_agenda_run.js';
import * as m0003 from './0003_room.js';
import * as m0004 from './0004_votes.js';
import * as m0005 from './0005_statement.js';
import * as m0006 from './0006_roster.js';
import * as m0007 from './0007_selection.js';
import * as m0008 from './0008_recruitment_copies.js';

/** Numbered schema steps. The index + 1 is the schema version (PRAGMA user_version) after the step. */
export const MIGRATIONS: readonly { up: string }[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008];

export const SCHEMA_VERSION = MIGRATIONS.length;
