// User Timing entries at the moments the bench's speed goals are about (issue 3): a code is
// decoded (camera, handheld scanner, typed number), the job screen is rendered, the bench screen
// is usable. bench/bench-screens.bench.ts reads them, and so can anyone with the browser's
// performance panel; they cost microseconds and change nothing else.

export const PERF = {
  /** A scanned or typed code is in hand, before anything is looked up. */
  codeDecoded: 'loupe:code-decoded',
  /** The job screen was painted with its job. detail: { number } */
  jobRendered: 'loupe:job-rendered',
  /** Measure from the last code decoded to the job screen painted. detail: { number } */
  codeToJob: 'loupe:code-to-job',
  /** The bench home was painted with its jobs and who is working: usable. Once per page load. */
  benchReady: 'loupe:bench-ready',
} as const;

let pendingCodeAt: number | null = null;
let benchReadyMarked = false;

const supported = () => typeof performance !== 'undefined' && typeof performance.mark === 'function';

/** Calls `then` once what was just committed has been painted: after the next frame. */
function afterNextPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 0);
    return;
  }
  // rAF runs before the frame is painted; a task queued from it runs after.
  requestAnimationFrame(() => setTimeout(then, 0));
}

export function markCodeDecoded(): void {
  if (!supported()) return;
  pendingCodeAt = performance.mark(PERF.codeDecoded).startTime;
}

/** The code led nowhere (not a tag, not on this tablet…): no job screen will follow from it. */
export function forgetCodeDecoded(): void {
  pendingCodeAt = null;
}

/** Call when the job screen committed with its job; marks once the frame is painted. */
export function markJobRendered(number: string): void {
  if (!supported()) return;
  afterNextPaint(() => {
    const end = performance.mark(PERF.jobRendered, { detail: { number } }).startTime;
    if (pendingCodeAt !== null) {
      performance.measure(PERF.codeToJob, { start: pendingCodeAt, end, detail: { number } });
      pendingCodeAt = null;
    }
  });
}

/** Call when the bench home committed with its data; marks the first time only. */
export function markBenchReady(): void {
  if (!supported() || benchReadyMarked) return;
  benchReadyMarked = true;
  afterNextPaint(() => performance.mark(PERF.benchReady));
}
