// The benchmark harness: warm up, run at least five times, report min / median / max, and keep
// the figures so bench/run.ts can write BENCHMARKS.md. No timed assertions anywhere: a benchmark
// prints what it measured and compares it with its goal in words.

export interface Stats {
  runs: number;
  min: number;
  median: number;
  max: number;
}

export interface Result {
  name: string;
  unit: string;
  stats: Stats;
  /** The goal, e.g. "≤ 1000 ms" — shown beside the figure, never asserted. */
  goal?: string;
  /** Within the goal? Decided by the benchmark from its median. */
  meetsGoal?: boolean;
  /** Against a reference measured in the same run: ours / reference. */
  ratio?: { reference: string; value: number };
  note?: string;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

/** Runs `fn` once to warm up, then `runs` times, returning the durations in ms. */
export async function time(fn: () => Promise<unknown> | unknown, runs = 5, setup?: () => Promise<void> | void): Promise<Stats> {
  if (setup) await setup();
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (setup) await setup();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function printResult(result: Result): void {
  const { min, median, max, runs } = result.stats;
  const goal = result.goal ? `  goal ${result.goal} ${result.meetsGoal ? '✓' : '✗'}` : '';
  const ratio = result.ratio ? `  ratio ${result.ratio.value.toFixed(2)}× vs ${result.ratio.reference}` : '';
  console.log(`${result.name}: median ${format(median)} ${result.unit} (min ${format(min)}, max ${format(max)}, ${runs} runs)${goal}${ratio}`);
}
