// Small statistics, defined as a spreadsheet defines them so a manager can check a figure in Excel.

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between closest ranks, as Excel's
 * PERCENTILE.INC: the median of [1, 2, 3, 10] is 2.5, its p90 is 7.9. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** numerator / denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Length of the overlap of [a, b) with [start, end), in ms; 0 when they do not meet. */
export function overlapMs(a: number, b: number, start: number, end: number): number {
  return Math.max(0, Math.min(b, end) - Math.max(a, start));
}
