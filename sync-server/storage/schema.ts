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

export interface Database {
  meta: MetaTable;
  records: RecordsTable;
  job_numbers: JobNumbersTable;
  devices: DevicesTable;
  mutations: MutationsTable;
  sync_counter: SyncCounterTable;
}
