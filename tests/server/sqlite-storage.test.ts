import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../sync-server/storage/open-storage';
import { SQLITE_FILE_NAME, createSqliteStorage, openSqliteDatabase } from '../../sync-server/storage/sqlite-storage';
import { makeTempDir } from './helpers';
import { storageContractSuite } from './storage-contract';

let dir: Awaited<ReturnType<typeof makeTempDir>> | undefined;

storageContractSuite('sqlite', {
  setUp: async () => {
    dir = await makeTempDir();
  },
  open: async () => createSqliteStorage({ dataDir: join(dir!.path, 'data') }),
  tearDown: async () => {
    await dir?.remove();
    dir = undefined;
  },
});

describe('SQLite specifics', () => {
  afterEach(async () => {
    await dir?.remove();
    dir = undefined;
  });

  it('creates a missing data dir (nested) and the loupe.sqlite file in it', async () => {
    dir = await makeTempDir();
    const dataDir = join(dir.path, 'not', 'yet', 'there');
    const storage = createSqliteStorage({ dataDir });
    await storage.migrate();
    await storage.close();
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
  });

  it('puts the file in WAL mode (a property of the file, seen by any later connection)', async () => {
    dir = await makeTempDir();
    const storage = createSqliteStorage({ dataDir: dir.path });
    await storage.migrate();
    await storage.close();
    const raw = new SqliteDatabase(join(dir.path, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('opens every connection with foreign keys on and a busy timeout', async () => {
    dir = await makeTempDir();
    const db = openSqliteDatabase(join(dir.path, SQLITE_FILE_NAME));
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1_000);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('is what openStorage picks without a DATABASE_URL', async () => {
    dir = await makeTempDir();
    const storage = await openStorage({ dataDir: dir.path });
    expect(storage.kind).toBe('sqlite');
    await storage.close();
  });
});
