// records.group_key (ARCHITECTURE.md, "Sync"). Shipped migrations are never edited: add a new file.
//
// The job each record belongs to, so that a device's first download comes job by job, each job
// whole in one page (sync-pull.ts): a job's own id for a job; its jobId for an answer, a custody
// event, a photo, a time entry or a review; "~<entity>:<id>" for records of no job (people,
// shifts), which sort after every job id. Existing rows are filled in here, in statements of
// 500 rows (CASE over the ids): portable SQL, no JSON functions, which differ between databases.
import type { Kysely } from 'kysely';

// Kysely<any> on purpose: a migration must not depend on today's row types (see ../schema.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

// A copy of recordGroupKey (../sync-records.ts) as of this migration: it must not change with it.
function groupKey(entity: string, id: string, data: Record<string, unknown>): string {
  if (entity === 'job') return id;
  return typeof data.jobId === 'string' ? data.jobId : `~${entity}:${id}`;
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('records').addColumn('group_key', 'text', (col) => col.notNull().defaultTo('')).execute();
  const rows = (await db.selectFrom('records').select(['entity', 'id', 'data']).execute()) as { entity: string; id: string; data: string }[];
  const byEntity = new Map<string, { id: string; key: string }[]>();
  for (const row of rows) {
    const list = byEntity.get(row.entity) ?? [];
    list.push({ id: row.id, key: groupKey(row.entity, row.id, JSON.parse(row.data) as Record<string, unknown>) });
    byEntity.set(row.entity, list);
  }
  for (const [entity, list] of byEntity) {
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500);
      const [first, ...rest] = part;
      await db
        .updateTable('records')
        .set((eb) => {
          let value = eb.case().when('id', '=', first!.id).then(first!.key);
          for (const { id, key } of rest) value = value.when('id', '=', id).then(key);
          return { group_key: value.end() };
        })
        .where('entity', '=', entity)
        .where('id', 'in', part.map((p) => p.id))
        .execute();
    }
  }
  await db.schema.createIndex('records_group_idx').on('records').columns(['group_key', 'entity', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('records_group_idx').execute();
  await db.schema.alterTable('records').dropColumn('group_key').execute();
}
