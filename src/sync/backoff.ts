/**
 * Delay before retry number `failures` (1, 2, …): exponential from 1 s, capped at 60 s, with
 * "full jitter" between half and all of it, so tablets that lost the server together do not all
 * come back in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
