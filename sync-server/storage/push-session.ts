// One push's reads and writes, batched. Judging a mutation reads a few rows (its person, its
// record, a job number, its id among past mutations) and writes a few (the record, the number,
// the mutation, custody links): one statement each, mutation after mutation, was one database
// round trip each — cheap on SQLite, the whole cost on PostgreSQL (1,000 mutations took 1.8 s).
// So a push now reads what its mutations name in a few queries up front, judges every mutation
// against that (kept up to date with its own writes, so a later mutation of the batch sees an
// earlier one exactly as before), and writes everything in a few multi-row statements at the end,
// still inside the push's one transaction and under the writers' lock taken first.
//
// Seqs are counted here from the counter value read when the lock was taken and stored back once
// at the end: the counter row stays locked from the first statement to the commit, so the order
// is still allocated under one lock and a reader still never steps over a change committed late.
import type { Entity, Mutation } from '../../src/protocol/protocol';
import { appendToChain, type ChainEntry } from './custody-chain';
import type { MutationsTable } from './schema';
import { recordGroupKey, type Db, type Fields } from './sync-records';

/** Rows per multi-row statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 500;

export type MutationRow = Omit<MutationsTable, 'device_seq'> & { device_seq: number | string };

const key = (entity: string, id: string) => `${entity}\u0000${id}`;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) out.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return out;
}

/** The records a mutation may read: its own, its person's, and the QC review a move carries. */
function recordKeys(mutation: Mutation): Array<[Entity, string]> {
  const keys: Array<[Entity, string]> = [
    ['person', mutation.personId],
    [mutation.entity, mutation.entityId],
  ];
  const review = (mutation.patch as { review?: { id?: unknown } }).review;
  if (mutation.op === 'move' && typeof review?.id === 'string') keys.push(['qcReview', review.id]);
  return keys;
}

export class PushSession {
  /** JSON text of each record read or written, null when known absent. Parsed on every read, so callers never share an object. */
  private readonly records = new Map<string, string | null>();
  private readonly numberOwners = new Map<string, string | null>();
  private readonly mutations = new Map<string, MutationRow | null>();

  private readonly recordWrites = new Map<string, { entity: Entity; id: string; data: string; seq: number; group_key: string }>();
  private readonly numberClaims = new Map<string, string>();
  private readonly mutationInserts: MutationRow[] = [];
  private readonly chainEntries: ChainEntry[] = [];
  private seq: number;
  private readonly startSeq: number;

  private constructor(
    private readonly trx: Db,
    counter: number,
  ) {
    this.seq = counter;
    this.startSeq = counter;
  }

  /** Opens a session for these mutations, reading up front (in three queries) what they name. `counter`: the value takeWriteLock returned. */
  static async open(trx: Db, counter: number, mutations: readonly Mutation[]): Promise<PushSession> {
    const session = new PushSession(trx, counter);
    if (mutations.length === 0) return session;
    const wanted = new Map<string, [Entity, string]>();
    for (const mutation of mutations) for (const [entity, id] of recordKeys(mutation)) wanted.set(key(entity, id), [entity, id]);
    const numbers = new Set<string>();
    for (const m of mutations) {
      const number = (m.patch as { number?: unknown }).number;
      if (m.entity === 'job' && m.op === 'put' && typeof number === 'string') numbers.add(number);
    }
    for (const k of wanted.keys()) session.records.set(k, null);
    for (const n of numbers) session.numberOwners.set(n, null);
    for (const m of mutations) session.mutations.set(m.id, null);

    const entities = [...new Set([...wanted.values()].map(([entity]) => entity))];
    for (const ids of chunks([...new Set([...wanted.values()].map(([, id]) => id))])) {
      const rows = await trx.selectFrom('records').select(['entity', 'id', 'data']).where('entity', 'in', entities).where('id', 'in', ids).execute();
      // entity IN × id IN may match pairs nobody asked for: keep only the wanted ones.
      for (const row of rows) if (wanted.has(key(row.entity, row.id))) session.records.set(key(row.entity, row.id), row.data);
    }
    for (const part of chunks([...numbers])) {
      const rows = await trx.selectFrom('job_numbers').select(['number', 'job_id']).where('number', 'in', part).execute();
      for (const row of rows) session.numberOwners.set(row.number, row.job_id);
    }
    for (const ids of chunks([...session.mutations.keys()])) {
      const rows = await trx.selectFrom('mutations').selectAll().where('id', 'in', ids).execute();
      for (const row of rows) session.mutations.set(row.id, row);
    }
    return session;
  }

  /** The record as it stands in this transaction (including this push's earlier writes). */
  async record(entity: Entity, id: string): Promise<Fields | undefined> {
    const k = key(entity, id);
    if (!this.records.has(k)) {
      // Not named up front (no mutation pointed at it): read it now, once.
      const row = await this.trx.selectFrom('records').select('data').where('entity', '=', entity).where('id', '=', id).executeTakeFirst();
      this.records.set(k, row?.data ?? null);
    }
    const json = this.records.get(k);
    return json ? (JSON.parse(json) as Fields) : undefined;
  }

  /** The job that holds this number, if any. */
  async numberOwner(number: string): Promise<string | undefined> {
    if (!this.numberOwners.has(number)) {
      const row = await this.trx.selectFrom('job_numbers').select('job_id').where('number', '=', number).executeTakeFirst();
      this.numberOwners.set(number, row?.job_id ?? null);
    }
    return this.numberOwners.get(number) ?? undefined;
  }

  /** A past mutation with this id, this push's own included. */
  async mutation(id: string): Promise<MutationRow | undefined> {
    if (!this.mutations.has(id)) {
      const row = await this.trx.selectFrom('mutations').selectAll().where('id', '=', id).executeTakeFirst();
      this.mutations.set(id, row ?? null);
    }
    return this.mutations.get(id) ?? undefined;
  }

  /** Inserts or replaces a record under the next seq; returns that seq. */
  writeRecord(entity: Entity, id: string, data: Fields): number {
    this.seq += 1;
    const json = JSON.stringify(data);
    const k = key(entity, id);
    this.records.set(k, json);
    // Only the last state of a record is stored (the table holds latest states, not a log), and
    // one multi-row upsert may not touch a row twice on PostgreSQL.
    this.recordWrites.delete(k);
    this.recordWrites.set(k, { entity, id, data: json, seq: this.seq, group_key: recordGroupKey(entity, id, data) });
    return this.seq;
  }

  /** Records the number as this job's. Callers check numberOwner first; the primary key is the backstop. */
  claimJobNumber(number: string, jobId: string): void {
    if (this.numberOwners.get(number)) return;
    this.numberOwners.set(number, jobId);
    this.numberClaims.set(number, jobId);
  }

  recordMutation(row: MutationRow): void {
    this.mutations.set(row.id, row);
    this.mutationInserts.push(row);
  }

  /** Links evidence at the end of the custody chain, in this order, when the session is flushed. */
  appendToChain(entries: ChainEntry[]): void {
    this.chainEntries.push(...entries);
  }

  /** Writes everything this push decided, in multi-row statements. Call once, last, inside the transaction. */
  async flush(): Promise<void> {
    const { trx } = this;
    if (this.seq !== this.startSeq) {
      await trx.updateTable('sync_counter').set({ seq: this.seq }).where('id', '=', 1).execute();
    }
    for (const part of chunks([...this.recordWrites.values()])) {
      await trx
        .insertInto('records')
        .values(part)
        .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), seq: eb.ref('excluded.seq'), group_key: eb.ref('excluded.group_key') })))
        .execute();
    }
    for (const part of chunks([...this.numberClaims].map(([number, job_id]) => ({ number, job_id })))) {
      await trx.insertInto('job_numbers').values(part).onConflict((oc) => oc.column('number').doNothing()).execute();
    }
    for (const part of chunks(this.mutationInserts)) {
      await trx.insertInto('mutations').values(part.map((row) => ({ ...row, device_seq: Number(row.device_seq) }))).execute();
    }
    await appendToChain(trx, this.chainEntries);
  }
}
