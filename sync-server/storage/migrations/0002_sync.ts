// Sync tables (ARCHITECTURE.md, "Sync"). Shipped migrations are never edited: add a new file.
//
// records       the latest state of every synced record, one row per (entity, id), with the
//               server order (seq) of its latest change. Not a log: pull sends latest states.
// job_numbers   the human job number → job id, so a number is unique across devices. A table
//               rather than an expression index over JSON: the same DDL works on SQLite and PostgreSQL.
// devices       each device's last applied mutation sequence: the idempotency key of push.
// mutations     every mutation id ever seen (applied or refused), so an id is never reused, and a
//               retried refusal gets its first answer again.
// sync_counter  one row holding the last allocated seq; updating it is the writers' lock.
import { sql, type Kysely } from 'kysely';

// Kysely<any> on purpose: a migration must not depend on today's row types (see ../schema.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('records')
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
    .execute();
  // Unique: every seq names exactly one change, which is what a pull cursor relies on.
  await db.schema.createIndex('records_seq_idx').on('records').column('seq').unique().execute();

  await db.schema
    .createTable('job_numbers')
    .addColumn('number', 'text', (col) => col.primaryKey())
    .addColumn('job_id', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('device_id', 'text', (col) => col.primaryKey())
    .addColumn('last_seq', 'bigint', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('mutations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('device_seq', 'bigint', (col) => col.notNull())
    .addColumn('applied_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('code', 'text')
    .addColumn('message', 'text')
    .execute();
  await db.schema
    .createIndex('mutations_device_seq_idx')
    .on('mutations')
    .columns(['device_id', 'device_seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('sync_counter')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .execute();
  await db.insertInto('sync_counter').values({ id: 1, seq: sql`0` }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['sync_counter', 'mutations', 'devices', 'job_numbers', 'records']) {
    await db.schema.dropTable(table).execute();
  }
}
