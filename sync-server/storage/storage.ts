// The server's storage, behind one interface: SQLite on a single machine (the default), PostgreSQL
// for a larger house with several stateless instances. Both implementations share their SQL
// (kysely) and pass one contract suite (tests/server/storage-contract.ts).
// Keep this interface small: each feature adds the few methods it needs.
import type { DeviceKind, Entity, PullResponse, PushRequest, PushResponse } from '../../src/protocol/protocol';
import type { AuthStore } from './auth-store';

export type StorageKind = 'sqlite' | 'postgres';

/** What a push did: applied in one transaction, or refused whole because the device skipped a sequence. */
export type PushOutcome =
  | {
      kind: 'ok';
      response: PushResponse;
      /** The highest seq this push wrote, or null when it wrote nothing (nothing to poke about). */
      changedSeq: number | null;
    }
  | { kind: 'gap'; lastAppliedSeq: number };

/**
 * Who pushes, as the HTTP layer authenticated it (sync-server/auth). Without it (storage-level
 * tests, the demo) the device-specific rules are skipped: signatures and the bench's limits.
 */
export interface PushContext {
  device: {
    id: string;
    kind: DeviceKind;
    /** The device's public signing key: custody events and QC reviews must carry its signature. */
    publicKey: CryptoKey;
  };
}

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
  /**
   * Applies a device's batch of mutations in ONE transaction, in order, each exactly once
   * (ARCHITECTURE.md, "Sync"). Refusals come back per mutation; a sequence gap refuses the batch.
   */
  push(request: PushRequest, context?: PushContext): Promise<PushOutcome>;
  /** Latest states of the records changed after the cursor, in server order (cursor format: `<workshopId>.<seq>`). */
  pull(cursor: string | undefined, limit: number): Promise<PullResponse>;
  /** The last seq allocated (0 on an empty database). */
  currentSeq(): Promise<number>;
  /**
   * Writes records directly, bypassing mutations and conflict rules but not validation (throws on
   * an invalid record or a job number already taken): the demo seed, tests, and the first people
   * until device pairing exists.
   */
  seedRecords(entity: Entity, records: object[]): Promise<void>;
  /** The latest state of every record of one entity, in no particular order: what KPI exports compute from. */
  allRecords(entity: Entity): Promise<Array<Record<string, unknown>>>;
  /** Setup, paired devices, person sessions, the audit log and the custody chain (ARCHITECTURE.md, "Security"). */
  readonly auth: AuthStore;
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
