import * as m0001 from './0001_initial.js';

/** Numbered schema steps. The index + 1 is the schema version (PRAGMA user_version) after the step. */
export const MIGRATIONS: readonly { up: string }[] = [m0001];

export const SCHEMA_VERSION = MIGRATIONS.length;
