// Row types of the current schema, as kysely sees them. Migrations must NOT import these: a
// migration describes the schema of its own day, which later changes would silently rewrite.
import type { ColumnType } from 'kysely';

/**
 * A bigint column: node-postgres returns int8 as a string (it may exceed 2^53), better-sqlite3
 * as a number. Read it through Number(): our counters stay far below 2^53.
 */
export type BigIntColumn = ColumnType<number | string, number, number>;

export interface MetaTable {
  key: string;
  value: string;
}

export interface RecordsTable {
  entity: string;
  id: string;
  /** The record as JSON text. */
  data: string;
  seq: BigIntColumn;
  /** The job the record belongs to (recordGroupKey in sync-records.ts): a first download comes job by job. */
  group_key: string;
}

export interface JobNumbersTable {
  number: string;
  job_id: string;
}

export interface DevicesTable {
  device_id: string;
  last_seq: BigIntColumn;
  last_seen_at: string;
}

export interface MutationsTable {
  id: string;
  device_id: string;
  device_seq: BigIntColumn;
  applied_at: string;
  status: 'applied' | 'refused';
  code: string | null;
  message: string | null;
}

export interface SyncCounterTable {
  id: number;
  seq: BigIntColumn;
}

export interface PairedDevicesTable {
  id: string;
  name: string;
  kind: string;
  prefix: string;
  /** SHA-256 (hex) of the device token; the token itself is never stored. */
  token_hash: string;
  /** The public JWK, as JSON text. */
  public_key: string;
  paired_at: string;
  paired_by: string | null;
  last_contact_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface PairingCodesTable {
  code_hash: string;
  name: string;
  kind: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PersonSessionsTable {
  token_hash: string;
  person_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
}

export interface PinFailuresTable {
  person_id: string;
  failures: number;
  lockouts: number;
  locked_until: ColumnType<number | string | null, number | null, number | null>;
}

export interface AuditTable {
  id: string;
  at: string;
  kind: string;
  device_id: string | null;
  person_id: string | null;
  /** JSON text. */
  detail: string;
}

export interface CustodyChainTable {
  position: BigIntColumn;
  entity: string;
  record_id: string;
  record_hash: string;
  device_id: string | null;
  signed: number;
  prev_hash: string;
  hash: string;
}

export interface Database {
  meta: MetaTable;
  records: RecordsTable;
  job_numbers: JobNumbersTable;
  devices: DevicesTable;
  mutations: MutationsTable;
  sync_counter: SyncCounterTable;
  paired_devices: PairedDevicesTable;
  pairing_codes: PairingCodesTable;
  person_sessions: PersonSessionsTable;
  pin_failures: PinFailuresTable;
  audit: AuditTable;
  custody_chain: CustodyChainTable;
}
