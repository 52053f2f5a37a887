// Unlocking a shared tablet, offline: the PIN is checked against the person's PBKDF2 hash that the
// server sent to this paired device, behind a per-person lockout kept on this device (five wrong
// PINs, then 30 s, 60 s, 2 min… src/domain/lockout.ts). Wrong PINs and lockouts are queued for the
// server's audit log.
import { newId } from '../domain/ids';
import { afterFailure, afterSuccess, lockedFor, triesLeft } from '../domain/lockout';
import type { Person } from '../protocol/protocol';
import { verifyPin } from '../security/pin-hash';
import { db as appDb } from './database';
import { getLockout, queueSecurityReport, setLockout } from './device-auth-repo';
import type { LoupeDb } from './loupe-db';

export type UnlockOutcome =
  | { ok: true }
  /** Wrong PIN; `triesLeft` before a lockout (0: this one locked the person out for `retryInMs`). */
  | { ok: false; reason: 'wrong'; triesLeft: number; retryInMs: number }
  /** Locked out: the PIN was not even checked. */
  | { ok: false; reason: 'locked'; retryInMs: number }
  /** This person has no PIN on this tablet (not synced yet, or never set): ask an admin. */
  | { ok: false; reason: 'no_pin' };

export async function attemptUnlock(person: Person, pin: string, options: { db?: LoupeDb; now?: number } = {}): Promise<UnlockOutcome> {
  const db = options.db ?? appDb;
  const now = options.now ?? Date.now();
  if (!person.active || !person.pinHash) return { ok: false, reason: 'no_pin' };
  const state = await getLockout(person.id, db);
  const wait = lockedFor(state, now);
  if (wait > 0) return { ok: false, reason: 'locked', retryInMs: wait };
  if (await verifyPin(pin, person.pinHash)) {
    if (state.failures > 0 || state.lockouts > 0) await setLockout(person.id, afterSuccess(), db);
    return { ok: true };
  }
  const next = afterFailure(state, now);
  await setLockout(person.id, next, db);
  const at = new Date(now).toISOString();
  await queueSecurityReport({ id: newId(), kind: 'unlock_failed', personId: person.id, at }, db);
  if (next.lockedUntil !== null) {
    await queueSecurityReport({ id: newId(), kind: 'lockout', personId: person.id, at, lockedUntil: new Date(next.lockedUntil).toISOString() }, db);
    return { ok: false, reason: 'wrong', triesLeft: 0, retryInMs: next.lockedUntil - now };
  }
  return { ok: false, reason: 'wrong', triesLeft: triesLeft(next), retryInMs: 0 };
}
