// Migration 0004 on a database that already holds records (an upgraded workshop), on SQLite and
// PostgreSQL: every record gets the job it belongs to, and a first download then comes job by job.
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { migrationProvider } from '../../sync-server/storage/migrations';
import { makeTempDir } from './helpers';
import { DATABASE_URL, pgTestSchemas } from './pg-test-schema';

const schemas = pgTestSchemas();
afterAll(() => schemas.dropAll());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema of migration 0003's day
type AnyDb = Kysely<any>;

async function upgradeWithRecords(db: AnyDb) {
  const migrator = new Migrator({ db, provider: migrationProvider });
  expect((await migrator.migrateTo('0003_security')).error).toBeUndefined();
  const job = newId();
  // More answers than one update statement holds (500), to cross a batch.
  const answers = Array.from({ length: 620 }, (_, i) => ({ entity: 'checklistAnswer', id: `${job}:sizing@1:item${i}`, data: { jobId: job } }));
  const person = newId();
  const rows = [{ entity: 'job', id: job, data: { number: 'X' } }, ...answers, { entity: 'person', id: person, data: { name: 'Ada' } }];
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('records')
      .values(rows.slice(i, i + 200).map((row, k) => ({ entity: row.entity, id: row.id, data: JSON.stringify(row.data), seq: i + k + 1 })))
      .execute();
  }
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const keys = await db.selectFrom('records').select(['entity', 'group_key']).execute();
  const byEntity = (entity: string) => new Set(keys.filter((row) => row.entity === entity).map((row) => row.group_key));
  expect(byEntity('job')).toEqual(new Set([job]));
  expect(byEntity('checklistAnswer')).toEqual(new Set([job]));
  expect(byEntity('person')).toEqual(new Set([`~person:${person}`]));
}

describe('migration 0004 (records.group_key) on an existing database', () => {
  it('fills in every record’s job on SQLite', async () => {
    const dir = await makeTempDir();
    const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir.path, 'old.sqlite')) }) });
    try {
      await upgradeWithRecords(db);
    } finally {
      await db.destroy();
      await dir.remove();
    }
  });

  it('fills in every record’s job on PostgreSQL', async () => {
    const schema = await schemas.create('migration');
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path=${schema}` });
    const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
    try {
      await upgradeWithRecords(db);
    } finally {
      await db.destroy();
    }
  });
});
