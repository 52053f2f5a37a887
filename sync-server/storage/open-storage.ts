// Picks the storage from configuration: PostgreSQL when a DATABASE_URL is given, else SQLite.
import type { Logger } from '../logger';
import { createPostgresStorage } from './postgres-storage';
import { createSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

export interface OpenStorageOptions {
  databaseUrl?: string;
  dataDir: string;
  logger?: Logger;
}

export async function openStorage({ databaseUrl, dataDir, logger }: OpenStorageOptions): Promise<Storage> {
  const storage = databaseUrl
    ? createPostgresStorage({ connectionString: databaseUrl, logger })
    : createSqliteStorage({ dataDir });
  try {
    // Fail at start-up with a clear error rather than on the first request.
    await storage.ping();
  } catch (err) {
    await storage.close().catch(() => {});
    throw new Error(`Cannot reach the ${storage.kind} database: ${(err as Error).message}`, { cause: err });
  }
  return storage;
}
