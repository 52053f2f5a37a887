// One sync round: push everything waiting (in device-sequence order, in batches), then pull
// until the server has nothing newer. Safe to interrupt at any point and to run again: pushes
// are idempotent (the server keeps each device's last applied sequence) and each pulled page is
// applied in one transaction with its cursor.
import type { LoupeDb } from '../db/loupe-db';
import { getDeviceId } from '../db/device-repo';
import { forgetWorkshop, getDeviceToken, markUnpaired } from '../db/device-auth-repo';
import { applyPull, getCursor, pendingBatch, renumberOutbox, settlePush, type Refusal } from '../db/sync-repo';
import type { Mutation, PullResponse } from '../protocol/protocol';
import { pull, push, SyncError, type SyncTransport } from './sync-client';

export interface SyncOptions extends SyncTransport {
  db: LoupeDb;
  pushBatch?: number;
  pullLimit?: number;
  now?: () => string;
  /** After each pulled page is written: how many changes this round has received so far. */
  onPulled?: (received: number) => void;
}

export interface SyncReport {
  pushed: number;
  refused: Refusal[];
  pulled: number;
}

/**
 * One round, as the paired device it is. A device the server says was removed wipes its workshop
 * data at once; one the server does not know forgets its token and keeps its data (ARCHITECTURE.md,
 * "Security").
 */
export async function syncOnce(options: SyncOptions): Promise<SyncReport> {
  const token = await getDeviceToken(options.db);
  if (!token) throw new SyncError({ kind: 'unpaired', message: 'This tablet is not paired with the workshop.' });
  try {
    return await syncRound({ ...options, token });
  } catch (error) {
    if (error instanceof SyncError && error.failure.kind === 'revoked') await forgetWorkshop(options.db);
    if (error instanceof SyncError && error.failure.kind === 'unpaired') await markUnpaired(options.db);
    throw error;
  }
}

async function syncRound(options: SyncOptions): Promise<SyncReport> {
  const { db } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const deviceId = await getDeviceId(db);
  const report: SyncReport = { pushed: 0, refused: [], pulled: 0 };

  for (let gaps = 0; ; ) {
    const batch = await pendingBatch(db, options.pushBatch ?? 200);
    if (batch.length === 0) break;
    const mutations: Mutation[] = batch.map((m) => ({
      id: m.id,
      deviceSeq: m.deviceSeq,
      personId: m.personId,
      entity: m.entity,
      entityId: m.entityId,
      op: m.op,
      patch: m.patch,
      ...(m.baseVersion === undefined ? {} : { baseVersion: m.baseVersion }),
      at: m.createdAt,
    }));
    try {
      const response = await push(options, { deviceId, mutations });
      report.refused.push(...(await settlePush(db, batch, response.results, now())));
      report.pushed += batch.length;
    } catch (error) {
      // A gap is recoverable once: renumber after the server's last applied sequence and go on.
      if (error instanceof SyncError && error.failure.kind === 'sequence_gap' && gaps === 0) {
        gaps += 1;
        await renumberOutbox(db, error.failure.lastAppliedSeq);
        continue;
      }
      throw error;
    }
  }

  // The next page is fetched while this one is written: the server, the network and the schema
  // check overlap IndexedDB, which is the slow part of a fresh tablet's first pull. Only an
  // applied page moves the stored cursor, so an interruption anywhere loses nothing.
  const limit = options.pullLimit ?? 1_000;
  let next: Promise<PullResponse> | undefined = pull(options, await getCursor(db), limit);
  while (next) {
    const page: PullResponse = await next;
    next = page.hasMore ? pull(options, page.cursor, limit) : undefined;
    // Handled here so that a failure while this page is still being written is not "unhandled";
    // awaiting `next` on the next turn still throws it.
    next?.catch(() => undefined);
    await applyPull(db, page, deviceId);
    report.pulled += page.changes.length;
    if (page.changes.length > 0) options.onPulled?.(report.pulled);
  }
  return report;
}
