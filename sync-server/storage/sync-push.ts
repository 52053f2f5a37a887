// Storage.push: one device's batch, in ONE transaction, each mutation exactly once.
//
// Idempotency rests on the device's sequence, as Replicache's rests on its last mutation id per
// client: the server keeps each device's last applied deviceSeq, so a retried batch (the answer
// was lost, the tab was killed) is never applied twice: it gets its first answer again. A device
// that skipped a sequence number has lost or reordered changes: the whole batch is refused as a
// gap so that nothing lands out of order, and the device is told where the server stands.
import type { Mutation, MutationResult, PushRequest, RefusalCode } from '../../src/protocol/protocol';
import { auditInTransaction, type NewAuditEntry } from './auth-store';
import type { PushContext, PushOutcome } from './storage';
import { PushSession } from './push-session';
import { applyMutation } from './sync-mutation';
import { takeWriteLock, type Db } from './sync-records';

/** True when, applying in order from `lastApplied`, some mutation would skip a sequence number. */
function hasGap(lastApplied: number, mutations: readonly Mutation[]): boolean {
  let last = lastApplied;
  for (const { deviceSeq } of mutations) {
    if (deviceSeq > last + 1) return true;
    last = Math.max(last, deviceSeq);
  }
  return false;
}

/**
 * A mutation at or below the device's last applied sequence. A retry of this very id at this
 * very sequence gets the answer it got the first time: 'duplicate' when it was applied (it is not
 * applied again), the same refusal when it was refused, so a device whose answer was lost still
 * learns why. Another id at a used sequence (a wiped device that kept its id?) must be said,
 * not silently acknowledged.
 */
async function replayed(session: PushSession, deviceId: string, mutation: Mutation): Promise<MutationResult> {
  const known = await session.mutation(mutation.id);
  if (!known || known.device_id !== deviceId || Number(known.device_seq) !== mutation.deviceSeq) {
    return {
      id: mutation.id,
      status: 'refused',
      code: 'invalid',
      message: `Sequence ${mutation.deviceSeq} of this device was already used by another change.`,
    };
  }
  if (known.status === 'refused') {
    return { id: mutation.id, status: 'refused', code: known.code as RefusalCode, message: known.message ?? '' };
  }
  return { id: mutation.id, status: 'duplicate' };
}

export async function pushBatch(db: Db, request: PushRequest, now: () => string = () => new Date().toISOString(), context?: PushContext): Promise<PushOutcome> {
  const { deviceId, mutations } = request;
  return db.transaction().execute(async (trx): Promise<PushOutcome> => {
    // First: this transaction now runs alone among writers (see takeWriteLock), so the device's
    // last sequence read below cannot change under it, even with a retry racing the original.
    const counter = await takeWriteLock(trx);
    const device = await trx.selectFrom('devices').select('last_seq').where('device_id', '=', deviceId).executeTakeFirst();
    const stored = device ? Number(device.last_seq) : 0;
    if (hasGap(stored, mutations)) return { kind: 'gap', lastAppliedSeq: stored };
    // Reads what the batch names in a few queries; its writes wait for flush() below.
    const session = await PushSession.open(trx, counter, mutations);

    let last = stored;
    let changedSeq: number | null = null;
    const results: MutationResult[] = [];
    // Each refusal judged now (not a replayed one) goes to the audit log, in this transaction.
    const refusedLog: NewAuditEntry[] = [];
    for (const mutation of mutations) {
      if (mutation.deviceSeq <= last) {
        results.push(await replayed(session, deviceId, mutation));
        continue;
      }
      // From here the mutation consumes its sequence, applied or refused: the device drops it.
      last = mutation.deviceSeq;
      if (await session.mutation(mutation.id)) {
        results.push({ id: mutation.id, status: 'refused', code: 'invalid', message: 'This change id was already used by another change.' });
        continue;
      }
      const { result, wroteSeq } = await applyMutation(session, mutation, context);
      results.push(result);
      if (result.status === 'refused') {
        refusedLog.push({ kind: 'mutation_refused', deviceId, personId: mutation.personId, detail: { code: result.code, entity: mutation.entity, entityId: mutation.entityId, op: mutation.op, message: result.message } });
      }
      if (wroteSeq !== null) changedSeq = wroteSeq;
      session.recordMutation({
        id: mutation.id,
        device_id: deviceId,
        device_seq: mutation.deviceSeq,
        applied_at: now(),
        status: result.status === 'applied' ? 'applied' : 'refused',
        code: result.status === 'refused' ? result.code : null,
        message: result.status === 'refused' ? result.message : null,
      });
    }

    await session.flush();
    const seenAt = now();
    await auditInTransaction(trx, refusedLog, seenAt);
    await trx
      .insertInto('devices')
      .values({ device_id: deviceId, last_seq: last, last_seen_at: seenAt })
      .onConflict((oc) => oc.column('device_id').doUpdateSet({ last_seq: last, last_seen_at: seenAt }))
      .execute();
    return { kind: 'ok', response: { lastAppliedSeq: last, results }, changedSeq };
  });
}
