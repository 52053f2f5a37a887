// Shipped migrations are never edited or renamed: databases in the field have already run them.
// Add a new numbered file instead, and list it in ./index.ts.
import type { Kysely } from 'kysely';

// Kysely<any> on purpose: a migration must not depend on today's row types (see ../schema.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('meta').execute();
}
