// Security tables (ARCHITECTURE.md, "Security"). Shipped migrations are never edited: add a new file.
//
// paired_devices   devices an admin paired: kind, job-number prefix, the SHA-256 of their token
//                  (never the token), the public key that checks their signatures, revocation.
// pairing_codes    short-lived single-use codes, stored hashed.
// person_sessions  short-lived admin sessions opened by a PIN checked on the server, stored hashed.
// pin_failures     the server's own PIN lockout per person (src/domain/lockout.ts).
// audit            pairing, revocation, failed unlocks, lockouts, refused mutations…
// custody_chain    every custody event and QC review accepted, linked by hashes in server order.
import type { Kysely } from 'kysely';

// Kysely<any> on purpose: a migration must not depend on today's row types (see ../schema.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('paired_devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull().unique())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('paired_at', 'text', (col) => col.notNull())
    .addColumn('paired_by', 'text')
    .addColumn('last_contact_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();

  await db.schema
    .createTable('pairing_codes')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('person_sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('person_id', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('pin_failures')
    .addColumn('person_id', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('lockouts', 'integer', (col) => col.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('custody_chain')
    .addColumn('position', 'bigint', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('record_hash', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text')
    .addColumn('signed', 'integer', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('custody_chain_record_idx').on('custody_chain').columns(['entity', 'record_id']).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['custody_chain', 'audit', 'pin_failures', 'person_sessions', 'pairing_codes', 'paired_devices']) {
    await db.schema.dropTable(table).execute();
  }
}
