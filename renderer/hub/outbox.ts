import type { CommandName } from '../../shared/protocol.js';

/** A command waiting for the hub's ack. Ids are UUIDv7, so their order is the order they were made. */
export interface OutboxEntry {
  id: string;
  name: CommandName;
  input: unknown;
  createdAt: number;
}

export interface OutboxStorage {
  readonly kind: 'indexeddb' | 'memory';
  /** Every entry, ordered by id. */
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
  /** Close and delete the stored outbox (end of day). */
  destroy(): Promise<void>;
  close(): void;
}

export const OUTBOX_DB = 'puntari';
export const OUTBOX_STORE = 'outbox';

export function memoryOutbox(): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  return {
    kind: 'memory',
    all: async () => [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    put: async (entry) => void entries.set(entry.id, entry),
    delete: async (id) => void entries.delete(id),
    destroy: async () => entries.clear(),
    close: () => undefined,
  };
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function deleteOutboxDatabase(factory: IDBFactory, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    try {
      const request = factory.deleteDatabase(OUTBOX_DB);
      request.onsuccess = finish;
      request.onerror = finish;
    } catch {
      finish();
    }
    setTimeout(finish, timeoutMs);
  });
}

/**
 * The outbox in IndexedDB (database 'puntari', store 'outbox', keyed by id), so commands written
 * while the Wi-Fi is down survive a reload. Falls back to memory when IndexedDB is missing or refuses.
 */
export async function openOutbox(factory: IDBFactory | null | undefined): Promise<OutboxStorage> {
  if (!factory) return memoryOutbox();
  let db: IDBDatabase;
  try {
    const request = factory.open(OUTBOX_DB, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(OUTBOX_STORE)) {
        request.result.createObjectStore(OUTBOX_STORE, { keyPath: 'id' });
      }
    };
    db = await done(request);
  } catch {
    return memoryOutbox();
  }
  // Another tab deleting the database (end of day) must not be blocked by us.
  db.onversionchange = () => db.close();
  const memory = memoryOutbox();
  let broken = false;
  const store = (mode: IDBTransactionMode) => {
    const tx = db.transaction(OUTBOX_STORE, mode);
    return { tx, store: tx.objectStore(OUTBOX_STORE) };
  };
  return {
    kind: 'indexeddb',
    async all() {
      const stored = broken ? [] : await done(store('readonly').store.getAll() as IDBRequest<OutboxEntry[]>).catch(() => []);
      const extra = await memory.all();
      if (extra.length === 0) return stored;
      const byId = new Map(stored.map((e) => [e.id, e]));
      for (const e of extra) byId.set(e.id, e);
      return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async put(entry) {
      try {
        if (broken) throw new Error('closed');
        const { tx, store: s } = store('readwrite');
        s.put(entry);
        await finished(tx);
      } catch {
        // Quota, private mode, a closed connection: keep the command in memory rather than lose it.
        broken = true;
        await memory.put(entry);
      }
    },
    async delete(id) {
      await memory.delete(id);
      if (broken) return;
      try {
        const { tx, store: s } = store('readwrite');
        s.delete(id);
        await finished(tx);
      } catch {
        broken = true;
      }
    },
    async destroy() {
      await memory.destroy();
      db.close();
      broken = true;
      await deleteOutboxDatabase(factory);
    },
    close() {
      db.close();
      broken = true;
    },
  };
}
