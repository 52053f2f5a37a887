// The Storage implementation shared by SQLite and PostgreSQL: only the kysely dialect differs.
// SQL here must stay portable (kysely's query and schema builders, no raw dialect-specific SQL).
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { authStore } from './auth-store';
import { LATEST_MIGRATION, migrationProvider } from './migrations';
import type { Database } from './schema';
import { META_KEYS, type Storage, type StorageKind } from './storage';
import { pullChanges } from './sync-pull';
import { pushBatch } from './sync-push';
import { readCounter, seedRecords } from './sync-records';

export interface KyselyStorageOptions {
  kind: StorageKind;
  db: Kysely<Database>;
  /**
   * Schema for kysely's own migration tables. Needed on PostgreSQL: without it the migrator
   * believes its tables exist when a kysely_migration table exists in ANY schema (another app,
   * another workshop), skips creating ours and then fails. Undefined on SQLite (no schemas).
   */
  migrationSchema?: () => Promise<string>;
}

export function kyselyStorage({ kind, db, migrationSchema }: KyselyStorageOptions): Storage {
  let closed: Promise<void> | undefined;

  async function getMeta(key: string): Promise<string | undefined> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async function setMeta(key: string, value: string): Promise<void> {
    await db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  // Set once by the first migrate() and never changed, so it is read once.
  let workshopId: string | undefined;
  async function getWorkshopId(): Promise<string> {
    workshopId ??= await getMeta(META_KEYS.workshopId);
    if (workshopId === undefined) throw new Error('No workshop id: run migrate() first.');
    return workshopId;
  }

  return {
    kind,
    getMeta,
    setMeta,

    async migrate() {
      // Kysely's migrator takes a lock, so several instances starting at once on one
      // PostgreSQL database apply each migration exactly once.
      const migrationTableSchema = migrationSchema ? await migrationSchema() : undefined;
      const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((result) => result.status === 'Error');
      if (error || failed) {
        const name = failed ? ` (migration ${failed.migrationName})` : '';
        throw new Error(`Database migration failed${name}`, { cause: error });
      }
      // "Do nothing" on conflict: when two instances start together, the first workshop id wins.
      await db
        .insertInto('meta')
        .values({ key: META_KEYS.workshopId, value: randomUUID() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      await setMeta(META_KEYS.schemaVersion, LATEST_MIGRATION);
    },

    push: (request, context) => pushBatch(db, request, undefined, context),

    async pull(cursor, limit) {
      return pullChanges(db, await getWorkshopId(), cursor, limit);
    },

    currentSeq: () => readCounter(db),

    auth: authStore(db),

    seedRecords: (entity, records) => seedRecords(db, entity, records),

    async allRecords(entity) {
      const rows = await db.selectFrom('records').select('data').where('entity', '=', entity).execute();
      return rows.map((row) => JSON.parse(row.data) as Record<string, unknown>);
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
