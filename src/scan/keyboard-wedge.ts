// Telling a handheld scanner from a person at the keyboard. A USB or Bluetooth scanner is a
// "keyboard wedge": it types the code, then Enter, far faster than fingers can (a few ms between
// keys; even a fast typist averages 80 ms or more). So a burst of at least `minLength`
// characters whose keys came on average less than `maxAverageGapMs` apart, ended by Enter, is
// a scan; anything slower is typing and is ignored.
//
// The average, not every single gap, decides: a busy tablet (or a Bluetooth link) sometimes
// delivers one key late, and that must not lose the scan. A pause longer than `breakGapMs`
// ends the burst outright. Pure: the hook that listens to the window feeds it keys and times.

export interface WedgeOptions {
  /** Fewer characters than this is never a scan (a job number has 15). */
  readonly minLength: number;
  /** A scan's keys come, on average, closer together than this. */
  readonly maxAverageGapMs: number;
  /** A pause this long between two keys starts a new burst. */
  readonly breakGapMs: number;
  /** The longest pause before the closing Enter; some scanners add a short delay before it. */
  readonly maxEnterGapMs: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { minLength: 6, maxAverageGapMs: 35, breakGapMs: 100, maxEnterGapMs: 100 };

// Nothing a tag holds is longer (src/domain/tag.ts caps what it parses at 512).
const MAX_BUFFER = 512;

export interface WedgeState {
  readonly buffer: string;
  readonly startAt: number | null;
  readonly lastAt: number | null;
}

export const EMPTY_WEDGE: WedgeState = { buffer: '', startAt: null, lastAt: null };

export interface WedgeStep {
  readonly state: WedgeState;
  /** The scanned text, when this key completed a scan. */
  readonly scan?: string;
}

/** Feeds one key (a KeyboardEvent's `key`) pressed at `at` milliseconds. */
export function wedgeStep(state: WedgeState, key: string, at: number, options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeStep {
  const gap = state.lastAt === null ? Infinity : at - state.lastAt;
  if (key === 'Enter') {
    const length = state.buffer.length;
    const average = length > 1 && state.startAt !== null && state.lastAt !== null ? (state.lastAt - state.startAt) / (length - 1) : Infinity;
    const isScan = length >= options.minLength && average < options.maxAverageGapMs && gap <= options.maxEnterGapMs;
    return isScan ? { state: EMPTY_WEDGE, scan: state.buffer } : { state: EMPTY_WEDGE };
  }
  // Shift, Alt and the like come with scanned capitals; they neither add nor break a burst.
  if (key.length !== 1) return { state };
  // A long pause starts a new burst: the scan may begin right after someone touched a key.
  if (gap >= options.breakGapMs || state.buffer.length >= MAX_BUFFER) return { state: { buffer: key, startAt: at, lastAt: at } };
  return { state: { buffer: state.buffer + key, startAt: state.startAt ?? at, lastAt: at } };
}

/** A stateful wrapper around wedgeStep for an event listener. */
export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE_OPTIONS) {
  let state = EMPTY_WEDGE;
  return {
    /** Returns the scanned text when `key` completed a scan, otherwise null. */
    feed(key: string, at: number): string | null {
      const step = wedgeStep(state, key, at, options);
      state = step.state;
      return step.scan ?? null;
    },
    reset() {
      state = EMPTY_WEDGE;
    },
  };
}
