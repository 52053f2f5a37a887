// PIN lockout maths, one pure file shared by the tablet (its offline lock screen, per person) and
// the server (PIN checks for admin sessions, per person). Five wrong PINs in a row lock the
// person out for 30 s; each further lockout before a right PIN doubles it (60 s, 2 min, 4 min …)
// up to an hour. While locked, a PIN is not even checked, so guessing gains nothing.

export const LOCKOUT_THRESHOLD = 5;
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

export interface LockoutState {
  /** Wrong PINs since the last lockout (or the last right PIN). */
  failures: number;
  /** Lockouts since the last right PIN: how long the next one lasts. */
  lockouts: number;
  /** Epoch ms until which PINs are refused unchecked; null when not locked. */
  lockedUntil: number | null;
}

export const UNLOCKED: LockoutState = { failures: 0, lockouts: 0, lockedUntil: null };

/** How long lockout number `n` (1, 2, …) lasts. */
export function lockoutDuration(n: number): number {
  if (n < 1) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.min(n - 1, 30));
}

/** Milliseconds left before a PIN may be tried again (0: now). */
export function lockedFor(state: LockoutState, now: number): number {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil - now : 0;
}

/** A wrong PIN. Call only when lockedFor(...) is 0: a PIN tried while locked is refused unchecked. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures < LOCKOUT_THRESHOLD) return { ...state, failures, lockedUntil: null };
  const lockouts = state.lockouts + 1;
  return { failures: 0, lockouts, lockedUntil: now + lockoutDuration(lockouts) };
}

/** A right PIN wipes the slate. */
export function afterSuccess(): LockoutState {
  return UNLOCKED;
}

/** Tries left before the next lockout. */
export function triesLeft(state: LockoutState): number {
  return LOCKOUT_THRESHOLD - state.failures;
}

/** Reads a stored state defensively (device storage may hold anything). */
export function parseLockoutState(value: unknown): LockoutState {
  if (typeof value !== 'object' || value === null) return UNLOCKED;
  const v = value as Record<string, unknown>;
  const int = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
  const lockedUntil = typeof v.lockedUntil === 'number' && Number.isFinite(v.lockedUntil) ? v.lockedUntil : null;
  return { failures: Math.min(int(v.failures), LOCKOUT_THRESHOLD - 1), lockouts: int(v.lockouts), lockedUntil };
}
