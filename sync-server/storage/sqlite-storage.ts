// SQLite storage: one file, <dataDir>/loupe.sqlite, for the one-machine install.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { kyselyStorage } from './kysely-storage';
import type { Database } from './schema';
import type { Storage } from './storage';

export const SQLITE_FILE_NAME = 'loupe.sqlite';

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens the file with the settings every connection needs; exported so tests can check them. */
export function openSqliteDatabase(file: string): SqliteDatabase.Database {
  const db = new SqliteDatabase(file);
  // WAL: readers never block the writer, and a crash mid-write cannot corrupt the file.
  db.pragma('journal_mode = WAL');
  // Off by default in SQLite, per connection: without it REFERENCES clauses are decoration.
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // synchronous stays at its default (FULL): these records are the workshop's custody proof,
  // so a committed change must survive a power cut, which NORMAL does not promise in WAL mode.
  return db;
}

export function createSqliteStorage({ dataDir }: { dataDir: string }): Storage {
  mkdirSync(dataDir, { recursive: true });
  const database = openSqliteDatabase(join(dataDir, SQLITE_FILE_NAME));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return kyselyStorage({ kind: 'sqlite', db });
}
