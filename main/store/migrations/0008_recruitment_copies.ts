/**
 * Every folder a copy of the recruitment file was written to (issue 7, "the pool does not
 * travel"): backups put `<backup>.recruitment.puntari` beside each panel backup, and the backup
 * folder may change (another disk, a USB stick) before the pool is forgotten. Forgetting the pool
 * deletes the copies in every folder listed here; a folder it could not reach stays listed, with
 * why, until a later attempt reaches it.
 *
 * `prefix` is the panel backups' file name stem in that folder (the panel file's name when the
 * copy was written), so only files this panel's backups wrote are ever deleted.
 */
export const up = `
CREATE TABLE recruitment_copy_folder (
  folder TEXT NOT NULL,
  prefix TEXT NOT NULL,
  first_copy_at TEXT NOT NULL,
  not_reached TEXT CHECK (not_reached IN ('missing','denied','failed')),
  not_reached_at TEXT,
  PRIMARY KEY (folder, prefix)
) STRICT;
`;
