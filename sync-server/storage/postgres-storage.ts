// PostgreSQL storage, for several stateless server instances behind a load balancer.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger';
import { kyselyStorage } from './kysely-storage';
import type { Database } from './schema';
import type { Storage } from './storage';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Schema to work in (search_path); default: the server's default (public). Tests use one per run. */
  schema?: string;
  logger?: Logger;
  /** Pool size per instance. */
  maxConnections?: number;
}

export function createPostgresStorage(options: PostgresStorageOptions): Storage {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    // It goes into a startup option string, so only plain identifiers are allowed.
    throw new Error(`Invalid PostgreSQL schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client losing its connection (database restart) emits 'error' on the pool; without a
  // listener that would crash the process. The pool replaces the client on the next query.
  pool.on('error', (err) => options.logger?.error({ err }, 'PostgreSQL idle client error'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return kyselyStorage({ kind: 'postgres', db, migrationSchema: () => currentSchema(db) });
}

/** The schema unqualified table names resolve to: where our tables (and the migrator's) live. */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('No schema of the PostgreSQL search_path exists: create it or fix search_path.');
  return schema;
}
