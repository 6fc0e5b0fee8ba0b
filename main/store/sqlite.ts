import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

/**
 * The native SQLite module exists in two builds: one for Node (tests, CLI) and one for
 * Electron's ABI. The Electron shell names its build in PUNTARI_SQLITE_BINDING.
 */
export function openSqlite(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const nativeBinding = process.env.PUNTARI_SQLITE_BINDING || undefined;
  return new Database(path, { ...options, nativeBinding });
}

export function applyPassphrase(db: Db, passphrase: string): void {
  // The SQLCipher scheme, so other SQLCipher tools can open the file with its passphrase.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key='${passphrase.replace(/'/g, "''")}'`);
}
