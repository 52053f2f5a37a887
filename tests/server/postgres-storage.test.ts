// PostgreSQL storage against a real server. No silent skip: if PostgreSQL is not reachable this
// file fails and says how to fix it. Each run works in its own schema, dropped at the end, so
// parallel runs (and other projects on the same database) never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../sync-server/storage/open-storage';
import { createPostgresStorage } from '../../sync-server/storage/postgres-storage';
import { storageContractSuite } from './storage-contract';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN_ID = randomBytes(4).toString('hex');
let testNumber = 0;
let schema = '';

const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
let connected = false;

beforeAll(async () => {
  try {
    await admin.query('select 1');
    connected = true;
  } catch (err) {
    throw new Error(
      `PostgreSQL storage tests need a PostgreSQL server at ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} ` +
        `(set TEST_DATABASE_URL to use another one). Connecting failed: ${(err as Error).message}`,
    );
  }
});

afterAll(async () => {
  if (!connected) return void (await admin.end());
  // Belt and braces: drop anything this run left behind, even after a failed test.
  const { rows } = await admin.query<{ nspname: string }>(
    `select nspname from pg_namespace where nspname like $1`,
    [`loupe_test_${RUN_ID}_%`],
  );
  for (const { nspname } of rows) await admin.query(`drop schema if exists "${nspname}" cascade`);
  await admin.end();
});

storageContractSuite('postgres', {
  setUp: async () => {
    testNumber += 1;
    schema = `loupe_test_${RUN_ID}_${testNumber}`;
    await admin.query(`create schema "${schema}"`);
  },
  open: async () => createPostgresStorage({ connectionString: DATABASE_URL, schema, maxConnections: 3 }),
  tearDown: async () => {
    await admin.query(`drop schema if exists "${schema}" cascade`);
  },
});

describe('PostgreSQL specifics', () => {
  it('creates its tables in the configured schema, not in public', async () => {
    schema = `loupe_test_${RUN_ID}_schema_check`;
    await admin.query(`create schema "${schema}"`);
    const storage = createPostgresStorage({ connectionString: DATABASE_URL, schema });
    try {
      await storage.migrate();
      const { rows } = await admin.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1 order by table_name`,
        [schema],
      );
      expect(rows.map((r) => r.table_name)).toContain('meta');
    } finally {
      await storage.close();
      await admin.query(`drop schema if exists "${schema}" cascade`);
    }
  });

  it('two instances migrating at once agree on one workshop id', async () => {
    schema = `loupe_test_${RUN_ID}_race`;
    await admin.query(`create schema "${schema}"`);
    const a = createPostgresStorage({ connectionString: DATABASE_URL, schema });
    const b = createPostgresStorage({ connectionString: DATABASE_URL, schema });
    try {
      await Promise.all([a.migrate(), b.migrate()]);
      expect(await a.getMeta('workshop_id')).toBe(await b.getMeta('workshop_id'));
    } finally {
      await Promise.all([a.close(), b.close()]);
      await admin.query(`drop schema if exists "${schema}" cascade`);
    }
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createPostgresStorage({ connectionString: DATABASE_URL, schema: 'x; drop' })).toThrow(/schema name/);
  });

  it('is what openStorage picks with a DATABASE_URL', async () => {
    const storage = await openStorage({ databaseUrl: DATABASE_URL, dataDir: '/nonexistent' });
    expect(storage.kind).toBe('postgres');
    await storage.close();
  });

  it('openStorage fails fast and clearly when the database cannot be reached', async () => {
    await expect(
      openStorage({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: '/nonexistent' }),
    ).rejects.toThrow(/Cannot reach the postgres database/);
  });
});

describe('PostgreSQL: other kysely users on the same database', () => {
  it('migrates even when another schema already has kysely migration tables', async () => {
    const other = `loupe_test_${RUN_ID}_other_app`;
    schema = `loupe_test_${RUN_ID}_mine`;
    await admin.query(`create schema "${other}"; create table "${other}".kysely_migration (name text)`);
    await admin.query(`create schema "${schema}"`);
    const storage = createPostgresStorage({ connectionString: DATABASE_URL, schema });
    try {
      await storage.migrate();
      expect(await storage.getMeta('schema_version')).toBeDefined();
    } finally {
      await storage.close();
      await admin.query(`drop schema if exists "${other}" cascade; drop schema if exists "${schema}" cascade`);
    }
  });
});
