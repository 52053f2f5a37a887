// The server's storage, behind one interface: SQLite on a single machine (the default), PostgreSQL
// for a larger house with several stateless instances. Both implementations share their SQL
// (kysely) and pass one contract suite (tests/server/storage-contract.ts).
// Keep this interface small: each feature adds the few methods it needs (the Sync issue adds push/pull).

export type StorageKind = 'sqlite' | 'postgres';

export interface Storage {
  readonly kind: StorageKind;
  /** Brings the schema to the latest migration and seeds first-start meta (workshop id). Idempotent. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** undefined when the key was never set. */
  getMeta(key: string): Promise<string | undefined>;
  /** Inserts or overwrites. */
  setMeta(key: string, value: string): Promise<void>;
  /** Releases connections (closes the SQLite file / ends the pool). Safe to call twice. */
  close(): Promise<void>;
}

/** Meta keys the server itself writes. */
export const META_KEYS = {
  /** A UUID created on the first start; identifies this workshop's data set. */
  workshopId: 'workshop_id',
  /** Name of the latest migration applied, e.g. 0001_meta. */
  schemaVersion: 'schema_version',
} as const;
