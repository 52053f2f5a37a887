// The one write path for synced data. Every change to a record and its outbox entry are written
// in the same Dexie transaction, so neither exists without the other (as Dexie Cloud does): a
// killed tab leaves either both or neither. The change is applied locally with the same pure
// rules the server runs (src/domain/apply-change.ts), so the screen shows at once what the
// server will most likely accept; the server stays the authority.
import Dexie from 'dexie';
import { applyMove, applyPut, type JobLike, type Outcome } from '../domain/apply-change';
import { newId } from '../domain/ids';
import type { Role } from '../domain/vocabulary';
import type { Entity, JobMovePatch } from '../protocol/protocol';
import { isEvidenceEntity, signEvidence } from '../security/evidence-signature';
import { db as appDb } from './database';
import { getSigningKey } from './device-auth-repo';
import { takeDeviceSeq } from './device-repo';
import { readStoredRecord, storeRecord, tablesOf } from './record-stores';
import type { LoupeDb } from './loupe-db';
import type { OutboxRecord } from './records';

export interface Actor {
  personId: string;
  role: Role;
}

export interface ChangeOptions {
  db?: LoupeDb;
  /** The time of the change; defaults to now. */
  at?: string;
}

type Fields = Record<string, unknown>;

/**
 * Before the first pending change to a record, keep the record as the server last sent it: with
 * nothing pending, what the device shows is exactly the server's copy. Sync rebases pending
 * changes on this base, and undoes a refused change by re-deriving from it.
 */
async function keepServerBase(db: LoupeDb, entity: Entity, id: string, current: Fields | undefined): Promise<void> {
  if (current === undefined) return;
  const pending = await db.outbox.where('[entity+entityId]').equals([entity, id]).count();
  if (pending === 0) await db.serverRecords.put({ entity, id, data: current });
}

/**
 * Custody events and QC reviews are signed with this device's key when they are recorded
 * (src/security/evidence-signature.ts), so the outbox already holds the signed record. Unpaired
 * devices have no key and record unsigned evidence (the server would not take it anyway).
 * Dexie.waitFor keeps the surrounding transaction open while WebCrypto signs.
 */
async function signedEvidence(db: LoupeDb, entity: Entity, record: Fields): Promise<Fields> {
  if (!isEvidenceEntity(entity)) return record;
  const signer = await getSigningKey(db);
  if (!signer) return record;
  const { signature: _old, ...unsigned } = record;
  const signature = await Dexie.waitFor(signEvidence(entity, unsigned, signer.privateKey, signer.deviceId));
  return { ...unsigned, signature };
}

async function enqueue(db: LoupeDb, entry: Omit<OutboxRecord, 'id' | 'deviceSeq' | 'createdAt'>, at: string): Promise<void> {
  const deviceSeq = await takeDeviceSeq(db);
  await db.outbox.add({ ...entry, id: newId(), deviceSeq, createdAt: at });
}

/** Create a record, or change some of its fields. */
export async function putRecord(entity: Entity, id: string, patch: Fields, actor: Actor, options: ChangeOptions = {}): Promise<Outcome<Fields>> {
  const db = options.db ?? appDb;
  const at = options.at ?? new Date().toISOString();
  return db.transaction('rw', [...tablesOf(db, entity), db.outbox, db.syncState, db.serverRecords], async () => {
    const current = await readStoredRecord(db, entity, id, patch.jobId);
    // Evidence is created once (append-only): that creation is what the device signs.
    const change = current === undefined ? await signedEvidence(db, entity, patch) : patch;
    const outcome = applyPut(entity, current, change, at);
    if (!outcome.ok) return outcome;
    await keepServerBase(db, entity, id, current);
    await storeRecord(db, entity, outcome.record);
    await enqueue(db, { entity, entityId: id, op: 'put', patch: change, personId: actor.personId, role: actor.role }, at);
    return outcome;
  });
}

/** A guarded status move on a job, made on the version this person sees. */
export async function moveJob(jobId: string, requested: JobMovePatch, actor: Actor, options: ChangeOptions = {}): Promise<Outcome<JobLike>> {
  const db = options.db ?? appDb;
  const at = options.at ?? new Date().toISOString();
  return db.transaction('rw', [db.jobs, db.qcReviews, db.outbox, db.syncState, db.serverRecords], async () => {
    // A QC decision is evidence: its review is signed before it is stored or queued.
    const move: JobMovePatch = requested.review ? { ...requested, review: (await signedEvidence(db, 'qcReview', requested.review)) as JobMovePatch['review'] } : requested;
    const job = (await db.jobs.get(jobId)) as JobLike | undefined;
    const outcome = applyMove(job, move, job?.version, actor.role, at);
    if (!outcome.ok) return outcome;
    await keepServerBase(db, 'job', jobId, job);
    await db.jobs.put(outcome.record as never);
    if (move.review) await db.qcReviews.put(move.review);
    await enqueue(db, { entity: 'job', entityId: jobId, op: 'move', patch: move, baseVersion: job?.version, personId: actor.personId, role: actor.role }, at);
    return outcome;
  });
}
