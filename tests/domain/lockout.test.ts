import { describe, expect, it } from 'vitest';
import {
  FIRST_LOCKOUT_MS,
  MAX_LOCKOUT_MS,
  UNLOCKED,
  afterFailure,
  afterSuccess,
  lockedFor,
  lockoutDuration,
  parseLockoutState,
  triesLeft,
  type LockoutState,
} from '../../src/domain/lockout';

const T0 = 1_800_000_000_000;
const S = 1_000;
const MIN = 60 * S;

/** Plays wrong PINs at the given times (ms after T0), each only when not locked, like a PIN pad. */
function play(times: number[], start: LockoutState = UNLOCKED) {
  let state = start;
  const refusedUnchecked: number[] = [];
  for (const t of times) {
    if (lockedFor(state, T0 + t) > 0) refusedUnchecked.push(t);
    else state = afterFailure(state, T0 + t);
  }
  return { state, refusedUnchecked };
}

describe('lockoutDuration: 30 s, then doubling, capped at an hour', () => {
  it.each([
    [0, 0],
    [1, 30 * S],
    [2, 60 * S],
    [3, 2 * MIN],
    [4, 4 * MIN],
    [5, 8 * MIN],
    [6, 16 * MIN],
    [7, 32 * MIN],
    [8, 60 * MIN],
    [50, 60 * MIN],
  ])('lockout %i lasts %i ms', (n, ms) => {
    expect(lockoutDuration(n)).toBe(ms);
  });

  it('never exceeds the cap, and always grows until it', () => {
    for (let n = 1; n < 40; n += 1) {
      expect(lockoutDuration(n)).toBeLessThanOrEqual(MAX_LOCKOUT_MS);
      if (lockoutDuration(n) < MAX_LOCKOUT_MS) expect(lockoutDuration(n + 1)).toBeGreaterThan(lockoutDuration(n));
    }
  });
});

describe('wrong PINs', () => {
  it.each<[string, number[], Partial<LockoutState> & { left?: number }]>([
    ['one wrong PIN: four tries left', [0], { failures: 1, lockouts: 0, lockedUntil: null, left: 4 }],
    ['four wrong PINs: one try left', [0, 1, 2, 3], { failures: 4, lockedUntil: null, left: 1 }],
    ['the fifth locks for 30 s', [0, 1, 2, 3, 4], { failures: 0, lockouts: 1, lockedUntil: T0 + 4 + FIRST_LOCKOUT_MS }],
    ['after the first lockout, five more lock for 60 s', [0, 1, 2, 3, 4, 31_000, 31_001, 31_002, 31_003, 31_004], { lockouts: 2, lockedUntil: T0 + 31_004 + 60 * S }],
  ])('%s', (_name, times, expected) => {
    const { state } = play(times);
    const { left, ...rest } = expected;
    expect(state).toMatchObject(rest);
    if (left !== undefined) expect(triesLeft(state)).toBe(left);
  });

  it('PINs typed while locked are refused unchecked and do not count', () => {
    const { state, refusedUnchecked } = play([0, 1, 2, 3, 4, 5, 10_000, 29_000]);
    expect(refusedUnchecked).toEqual([5, 10_000, 29_000]);
    expect(state).toEqual({ failures: 0, lockouts: 1, lockedUntil: T0 + 4 + 30 * S });
  });

  it('the delay grows lockout after lockout: 30 s, 60 s, 2 min, 4 min', () => {
    let state = UNLOCKED;
    let now = T0;
    const durations: number[] = [];
    for (let lockout = 0; lockout < 4; lockout += 1) {
      for (let i = 0; i < 5; i += 1) state = afterFailure(state, now);
      durations.push(lockedFor(state, now));
      now = state.lockedUntil!;
    }
    expect(durations).toEqual([30 * S, 60 * S, 2 * MIN, 4 * MIN]);
  });

  it('a right PIN wipes the slate: the next lockout is 30 s again', () => {
    let { state } = play([0, 1, 2, 3, 4, 31_000, 31_001, 31_002, 31_003, 31_004]);
    expect(state.lockouts).toBe(2);
    state = afterSuccess();
    expect(state).toEqual(UNLOCKED);
    const again = play([200_000, 200_001, 200_002, 200_003, 200_004], state).state;
    expect(lockedFor(again, T0 + 200_004)).toBe(30 * S);
  });

  it('lockedFor counts down to zero at the end of the lockout', () => {
    const { state } = play([0, 0, 0, 0, 0]);
    expect(lockedFor(state, T0)).toBe(30 * S);
    expect(lockedFor(state, T0 + 29_999)).toBe(1);
    expect(lockedFor(state, T0 + 30_000)).toBe(0);
  });
});

describe('parseLockoutState reads whatever storage holds', () => {
  it.each<[string, unknown, LockoutState]>([
    ['nothing', undefined, UNLOCKED],
    ['a string', 'locked', UNLOCKED],
    ['a good state', { failures: 2, lockouts: 1, lockedUntil: T0 }, { failures: 2, lockouts: 1, lockedUntil: T0 }],
    ['negative or fractional counts', { failures: -3, lockouts: 1.5, lockedUntil: 'soon' }, UNLOCKED],
    ['too many failures (kept below the threshold)', { failures: 99, lockouts: 0, lockedUntil: null }, { failures: 4, lockouts: 0, lockedUntil: null }],
  ])('%s', (_name, value, expected) => {
    expect(parseLockoutState(value)).toEqual(expected);
  });
});
