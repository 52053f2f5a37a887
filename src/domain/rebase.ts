// Rebasing: the device shows the server's record with its own pending changes applied on top,
// in order, with the same rules the server will apply (apply-change.ts). Run after every pull
// and after every refusal, so the screen never flickers back to an old value and a refused
// change disappears exactly.
import { applyMove, applyPut, type JobLike, type MoveRequest } from './apply-change';
import type { Role } from './vocabulary';

type Fields = Record<string, unknown>;

export interface PendingChange {
  op: 'put' | 'move';
  patch: Fields;
  baseVersion?: number;
  role: Role;
  at: string;
}

/** The record as this device should show it; undefined when it exists nowhere yet. */
export function rebase(entity: string, server: Fields | undefined, pending: readonly PendingChange[]): Fields | undefined {
  let record = server;
  for (const change of pending) {
    if (change.op === 'put') {
      const outcome = applyPut(entity, record, change.patch, change.at);
      if (outcome.ok) record = outcome.record;
    } else if (entity === 'job') {
      // A move made on the version the device saw: still valid on top of the new base only if
      // nobody else moved the job meanwhile — exactly what the server will decide.
      const outcome = applyMove(record as JobLike | undefined, change.patch as unknown as MoveRequest, change.baseVersion, change.role, change.at);
      if (outcome.ok) record = outcome.record;
    }
  }
  return record;
}
