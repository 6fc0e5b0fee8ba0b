import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_agenda_run.js';
import * as m0003 from './0003_room.js';

/** Numbered schema steps. The index + 1 is the schema version (PRAGMA user_version) after the step. */
export const MIGRATIONS: readonly { up: string }[] = [m0001, m0002, m0003];

export const SCHEMA_VERSION = MIGRATIONS.length;
