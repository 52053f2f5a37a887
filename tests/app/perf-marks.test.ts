import { beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps what it has marked (a pending code, the bench marked once): a fresh copy per test.
async function fresh() {
  vi.resetModules();
  return import('../../src/lib/perf-marks');
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));
const measures = (name: string) => performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];

beforeEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

describe('perf marks', () => {
  it('measures from a decoded code to the job screen painted, once', async () => {
    const { PERF, markCodeDecoded, markJobRendered } = await fresh();
    markCodeDecoded();
    markJobRendered('NY1-26-000001-K');
    await frame();
    expect(measures(PERF.codeToJob).map((m) => m.detail)).toEqual([{ number: 'NY1-26-000001-K' }]);
    expect(measures(PERF.codeToJob)[0]!.duration).toBeGreaterThanOrEqual(0);
    // Opening another job without a scan marks it rendered but measures nothing.
    markJobRendered('NY1-26-000002-K');
    await frame();
    expect(measures(PERF.codeToJob)).toHaveLength(1);
    expect(performance.getEntriesByName(PERF.jobRendered)).toHaveLength(2);
  });

  it('measures nothing from a code that led nowhere', async () => {
    const { PERF, forgetCodeDecoded, markCodeDecoded, markJobRendered } = await fresh();
    markCodeDecoded();
    forgetCodeDecoded();
    markJobRendered('NY1-26-000003-K');
    await frame();
    expect(measures(PERF.codeToJob)).toHaveLength(0);
  });

  it('marks the bench ready the first time only', async () => {
    const { PERF, markBenchReady } = await fresh();
    markBenchReady();
    markBenchReady();
    await frame();
    expect(performance.getEntriesByName(PERF.benchReady)).toHaveLength(1);
  });
});
