// The low-level sync tables, shared by push, pull and seed: the server-order counter, records as
// JSON text, job numbers. Everything here runs inside a caller's transaction.
import { sql, type Kysely } from 'kysely';
import { ENTITY_SCHEMAS, type Entity } from '../../src/protocol/protocol';
import { appendToChain } from './custody-chain';
import type { Database } from './schema';

export type Fields = Record<string, unknown>;
/** A Kysely instance or a transaction on one: the helpers below never open their own. */
export type Db = Kysely<Database>;

/**
 * Takes the writers' lock: the first statement of every writing transaction. It touches the one
 * sync_counter row without changing it, so on PostgreSQL this transaction now holds that row's
 * lock until it commits, and every other writer waits here, before it has locked anything else
 * (so writers cannot deadlock). On SQLite the write makes the transaction a writer at once,
 * instead of upgrading a read lock later (which could fail with SQLITE_BUSY).
 * Returns the last allocated seq.
 */
export async function takeWriteLock(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('sync_counter')
    .set({ seq: sql<number>`seq` })
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

/**
 * Allocates the next seq: the server order of one change. Because the counter row stays locked
 * until the transaction commits, writers allocate and commit in the same order: when a reader
 * sees seq N committed, every seq below N is committed too, so a pull cursor can never step over
 * a change that commits late (ARCHITECTURE.md, "Sync").
 */
export async function nextSeq(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('sync_counter')
    .set({ seq: sql<number>`seq + 1` })
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function readCounter(db: Db): Promise<number> {
  const row = await db.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function readRecord(trx: Db, entity: Entity, id: string): Promise<Fields | undefined> {
  const row = await trx
    .selectFrom('records')
    .select('data')
    .where('entity', '=', entity)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Fields) : undefined;
}

/**
 * The job a record belongs to, its group in a first download (sync-pull.ts): a job's own id; the
 * jobId of a record that has one (answers, custody events, photos, time entries, reviews); for
 * the rest (people, shifts) "~<entity>:<id>", which sorts after every job id.
 */
export function recordGroupKey(entity: Entity, id: string, data: Fields): string {
  if (entity === 'job') return id;
  return typeof data.jobId === 'string' ? data.jobId : `~${entity}:${id}`;
}

/** Inserts or replaces a record under a new seq; returns that seq. */
export async function writeRecord(trx: Db, entity: Entity, id: string, data: Fields): Promise<number> {
  const seq = await nextSeq(trx);
  const json = JSON.stringify(data);
  const group_key = recordGroupKey(entity, id, data);
  await trx
    .insertInto('records')
    .values({ entity, id, data: json, seq, group_key })
    .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet({ data: json, seq, group_key }))
    .execute();
  return seq;
}

/** The job that holds this number, if any. */
export async function jobNumberOwner(trx: Db, number: string): Promise<string | undefined> {
  const row = await trx.selectFrom('job_numbers').select('job_id').where('number', '=', number).executeTakeFirst();
  return row?.job_id;
}

/** Records the number as this job's. Callers check jobNumberOwner first; the primary key is the backstop. */
export async function claimJobNumber(trx: Db, number: string, jobId: string): Promise<void> {
  await trx
    .insertInto('job_numbers')
    .values({ number, job_id: jobId })
    .onConflict((oc) => oc.column('number').doNothing())
    .execute();
}

/** Writes trusted records directly (Storage.seedRecords): validated, each under a new seq. */
export async function seedRecords(db: Db, entity: Entity, records: object[]): Promise<void> {
  const schema = ENTITY_SCHEMAS[entity];
  const parsed = records.map((record, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`seedRecords: ${entity} #${index} is invalid at ${issue?.path.join('.') || '(record)'}: ${issue?.message}`);
    }
    return result.data as Fields & { id: string };
  });
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    for (const record of parsed) {
      if (entity === 'job') {
        const number = String(record.number);
        const owner = await jobNumberOwner(trx, number);
        if (owner !== undefined && owner !== record.id) {
          throw new Error(`seedRecords: job number ${number} already belongs to job ${owner}`);
        }
        await claimJobNumber(trx, number, record.id);
      }
      await writeRecord(trx, entity, record.id, record);
    }
    // Seeded evidence (the demo's) is linked too, unsigned: no device recorded it.
    await appendToChain(trx, parsed.map((record) => ({ entity, id: record.id, record, deviceId: null, signed: false })));
  });
}
