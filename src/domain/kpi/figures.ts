// Every number on the dashboard carries what is behind it, so a tap can list it (drill-down).
import { percentile, ratio } from './stats';

export interface Figure {
  /** null when there is nothing to measure (no jobs, no shifts): shown as "—", never as 0 %. */
  value: number | null;
  /** The jobs behind the figure. */
  jobIds: readonly string[];
  /** The shifts behind an attendance figure. */
  shiftIds?: readonly string[];
}

/** numerator / denominator; jobIds (or shiftIds) are the denominator's, hitIds the numerator's. */
export interface Rate extends Figure {
  numerator: number;
  denominator: number;
  hitIds: readonly string[];
}

/** A distribution over jobs: value is the median. */
export interface Spread extends Figure {
  count: number;
  median: number | null;
  p90: number | null;
}

export function count(jobIds: readonly string[]): Figure {
  return { value: jobIds.length, jobIds };
}

export function rate(numerator: number, denominator: number, ids: { jobIds: readonly string[]; hitIds: readonly string[]; shiftIds?: readonly string[] }): Rate {
  return { value: ratio(numerator, denominator), numerator, denominator, ...ids };
}

export function spread(values: readonly number[], jobIds: readonly string[]): Spread {
  const median = percentile(values, 0.5);
  return { value: median, count: values.length, median, p90: percentile(values, 0.9), jobIds };
}
