// What the sync engine does to the device database. Each function is one Dexie transaction, so
// a killed tab never leaves a pull half-applied or an acknowledgement half-recorded.
import { rebase } from '../domain/rebase';
import { ENTITIES } from '../protocol/constants';
import type { Change, Entity, MutationResult, PullResponse } from '../protocol/protocol';
import { DEVICE_SEQ } from './device-repo';
import { clearStoredRecords, removeStoredRecord, recordTables, storeRecord, storeRecords } from './record-stores';
import type { LoupeDb } from './loupe-db';
import type { OutboxRecord } from './records';

export const CURSOR = 'cursor';
export const REFUSALS = 'refusals';

export interface Refusal {
  mutationId: string;
  entity: Entity;
  entityId: string;
  code: string;
  message: string;
  at: string;
}

function allTables(db: LoupeDb) {
  return [...recordTables(db), db.serverRecords, db.outbox, db.syncState];
}

type Shown = Record<string, unknown> | undefined;

/** What the device shows for one record: the server's copy plus what is still pending, in order. */
function derive(entity: Entity, server: Record<string, unknown> | undefined, pending: readonly OutboxRecord[]): Shown {
  return rebase(entity, server, pending.map((m) => ({ ...m, at: m.createdAt })));
}

async function pendingByRecord(db: LoupeDb): Promise<Map<string, OutboxRecord[]>> {
  const byRecord = new Map<string, OutboxRecord[]>();
  for (const m of await db.outbox.orderBy('deviceSeq').toArray()) {
    const key = `${m.entity}:${m.entityId}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), m]);
  }
  return byRecord;
}

async function rederive(db: LoupeDb, entity: Entity, id: string, pending: Map<string, OutboxRecord[]>, jobId?: unknown): Promise<void> {
  const server = await db.serverRecords.get([entity, id]);
  const changes = pending.get(`${entity}:${id}`) ?? [];
  const shown = derive(entity, server?.data, changes);
  if (shown !== undefined) return storeRecord(db, entity, shown);
  // An answer or a custody event to remove is found through its job: every version of it names it.
  const job = server?.data.jobId ?? changes.find((m) => m.patch.jobId !== undefined)?.patch.jobId ?? jobId;
  await removeStoredRecord(db, entity, id, job);
}

export async function pendingBatch(db: LoupeDb, limit: number): Promise<OutboxRecord[]> {
  return db.outbox.orderBy('deviceSeq').limit(limit).toArray();
}

export async function getCursor(db: LoupeDb): Promise<string | undefined> {
  const row = await db.syncState.get(CURSOR);
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** After some of a record's pending changes left the outbox: keep or drop its server base. */
async function settleRecord(db: LoupeDb, entity: Entity, id: string, pending: Map<string, OutboxRecord[]>, refused: boolean, jobId?: unknown): Promise<void> {
  if (refused) await rederive(db, entity, id, pending, jobId);
  // The base is kept only while changes wait (see local-changes.ts): with none left, what the
  // device shows is the server's record (or will be, after the pull that follows every push).
  if (!pending.has(`${entity}:${id}`)) await db.serverRecords.delete([entity, id]);
}

/**
 * The server answered a push: acknowledged mutations leave the outbox; refused ones are kept in
 * the refusals list (the person sees why) and their effect is undone by re-deriving the record.
 */
export async function settlePush(db: LoupeDb, sent: OutboxRecord[], results: MutationResult[], now: string): Promise<Refusal[]> {
  const byId = new Map(sent.map((m) => [m.id, m]));
  return db.transaction('rw', allTables(db), async () => {
    const refusals: Refusal[] = [];
    const touched = new Map<string, { entity: Entity; id: string; refused: boolean; jobId: unknown }>();
    const touch = (entity: Entity, id: string, refused: boolean, jobId?: unknown) => {
      const key = `${entity}:${id}`;
      touched.set(key, { entity, id, refused: refused || (touched.get(key)?.refused ?? false), jobId: jobId ?? touched.get(key)?.jobId });
    };
    for (const result of results) {
      const mutation = byId.get(result.id);
      if (!mutation) continue;
      await db.outbox.delete(mutation.id);
      const refused = result.status === 'refused';
      touch(mutation.entity, mutation.entityId, refused, mutation.patch.jobId);
      if (refused) {
        refusals.push({ mutationId: mutation.id, entity: mutation.entity, entityId: mutation.entityId, code: result.code, message: result.message, at: now });
        const review = (mutation.patch as { review?: { id?: string } }).review;
        if (review?.id) touch('qcReview', review.id, true);
      }
    }
    const pending = await pendingByRecord(db);
    for (const { entity, id, refused, jobId } of touched.values()) await settleRecord(db, entity, id, pending, refused, jobId);
    if (refusals.length > 0) {
      const previous = ((await db.syncState.get(REFUSALS))?.value as Refusal[] | undefined) ?? [];
      await db.syncState.put({ key: REFUSALS, value: [...refusals, ...previous].slice(0, 100) });
    }
    return refusals;
  });
}

/**
 * Apply one pulled page: the server's records replace the device's, except where changes wait —
 * there the server's record becomes the base and the pending changes are applied again on top.
 * Mutations the server already applied leave the outbox (their acknowledgement may have been
 * lost), and the cursor moves — all or nothing.
 */
export async function applyPull(db: LoupeDb, page: PullResponse, deviceId: string): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    if (page.reset) {
      // The server does not know our cursor: start again from its full state, keeping the outbox.
      await db.serverRecords.clear();
      await clearStoredRecords(db);
      const pending = await pendingByRecord(db);
      for (const list of pending.values()) await rederive(db, list[0]!.entity, list[0]!.entityId, pending);
    }
    const applied = page.devices[deviceId];
    if (applied !== undefined) {
      const landed = await db.outbox.where('deviceSeq').belowOrEqual(applied).toArray();
      if (landed.length > 0) {
        await db.outbox.bulkDelete(landed.map((m) => m.id));
        const pending = await pendingByRecord(db);
        for (const m of landed) await settleRecord(db, m.entity, m.entityId, pending, false);
      }
      const seq = (await db.syncState.get(DEVICE_SEQ))?.value;
      if (typeof seq !== 'number' || seq < applied) await db.syncState.put({ key: DEVICE_SEQ, value: applied });
    }
    // Bulk writes per table: a fresh tablet pulls tens of thousands of records.
    const pending = await pendingByRecord(db);
    const withPending = page.changes.filter((c: Change) => pending.has(`${c.entity}:${c.id}`));
    if (withPending.length > 0) await db.serverRecords.bulkPut(withPending.map((c) => ({ entity: c.entity, id: c.id, data: c.data })));
    const shown = new Map<Entity, Record<string, unknown>[]>();
    for (const entity of ENTITIES) {
      const records = page.changes
        .filter((c) => c.entity === entity)
        .map((c) => derive(entity, c.data, pending.get(`${entity}:${c.id}`) ?? []))
        .filter((r): r is Record<string, unknown> => r !== undefined);
      shown.set(entity, records);
    }
    await storeRecords(db, shown, { wholeJobs: page.snapshot });
    await db.syncState.put({ key: CURSOR, value: page.cursor });
  });
}

/**
 * The server says our sequence skipped ahead of what it applied (for example a restored backup):
 * number the pending mutations again from just after its last applied one, in the same order.
 */
export async function renumberOutbox(db: LoupeDb, lastAppliedSeq: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.syncState, async () => {
    const pending = await db.outbox.orderBy('deviceSeq').toArray();
    await db.outbox.clear();
    const renumbered = pending.map((m, i) => ({ ...m, deviceSeq: lastAppliedSeq + 1 + i }));
    await db.outbox.bulkAdd(renumbered);
    await db.syncState.put({ key: DEVICE_SEQ, value: lastAppliedSeq + renumbered.length });
  });
}

export async function getRefusals(db: LoupeDb): Promise<Refusal[]> {
  return ((await db.syncState.get(REFUSALS))?.value as Refusal[] | undefined) ?? [];
}

export async function dismissRefusals(db: LoupeDb): Promise<void> {
  await db.syncState.delete(REFUSALS);
}
