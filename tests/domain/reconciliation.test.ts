import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOLERANCES,
  allowanceFor,
  parseReconcileInput,
  reconcile,
  releaseBlocks,
  stonesIn,
  withTolerances,
  type ReconcileInput,
} from '../../src/domain/reconciliation';
import type { ServiceType } from '../../src/domain/vocabulary';

const input = (services: ServiceType[], inG: number | undefined, outG: number, stones = { in: 0, out: 0 }): ReconcileInput => ({
  services,
  intakeWeightG: inG,
  intakeStones: stones.in > 0 ? [{ count: stones.in }] : [],
  weightOutG: outG,
  stoneCountOut: stones.out,
});

describe('reconcile: weight out against intake, within each service’s tolerance', () => {
  it.each([
    // services, in, out, verdict, allowed loss, allowed gain
    [['polishing'], 10, 9.85, 'within', 0.22, 0.02],
    [['polishing'], 10, 9.78, 'within', 0.22, 0.02], // exactly at the limit
    [['polishing'], 10, 9.77, 'loss_exceeds', 0.22, 0.02],
    [['polishing'], 10, 10.02, 'within', 0.22, 0.02], // the scale's allowance
    [['polishing'], 10, 10.03, 'gain_exceeds', 0.22, 0.02], // polishing never adds metal
    [['polishing'], 12.34, 12.09, 'within', 0.27, 0.02],
    [['sizing'], 4.21, 4.6, 'within', 0.65, 0.65], // a size up adds metal
    [['sizing'], 4.21, 3.5, 'loss_exceeds', 0.65, 0.65],
    [['sizing', 'polishing'], 4.21, 3.55, 'within', 0.74, 0.65], // allowances add up
    [['authentication'], 5, 5.02, 'within', 0.02, 0.02],
    [['authentication'], 5, 4.97, 'loss_exceeds', 0.02, 0.02],
    [['rhodium_plating'], 8, 8.03, 'within', 0.1, 0.04],
    [['pearl_restringing'], 30, 30.9, 'within', 0.92, 0.92],
    [['pearl_restringing'], 30, 31, 'gain_exceeds', 0.92, 0.92],
  ] as [ServiceType[], number, number, string, number, number][])('%j %d g → %d g: %s', (services, inG, outG, verdict, loss, gain) => {
    const result = reconcile(input(services, inG, outG));
    expect(result.weight.verdict).toBe(verdict);
    expect(result.weight.allowedLossG).toBe(loss);
    expect(result.weight.allowedGainG).toBe(gain);
    expect(result.withinTolerance).toBe(verdict === 'within');
  });

  it('says by how much, to the hundredth of a gram', () => {
    expect(reconcile(input(['polishing'], 10, 9.85)).weight.deltaG).toBe(-0.15);
    expect(reconcile(input(['sizing'], 4.21, 4.6)).weight.deltaG).toBe(0.39);
  });

  it('cannot pass a job without an intake weight: a manager must look at it', () => {
    const result = reconcile(input(['polishing'], undefined, 9.85));
    expect(result.weight.verdict).toBe('no_intake_weight');
    expect(result.withinTolerance).toBe(false);
  });

  it('uses the workshop’s own tolerances when given', () => {
    const strict = withTolerances({ sizing: { lossPct: 1, gainPct: 1 } });
    expect(reconcile(input(['sizing'], 4.21, 4.6), strict).weight.verdict).toBe('gain_exceeds');
  });
});

describe('reconcile: stones out against intake', () => {
  it.each([
    [13, 13, 'match'],
    [13, 12, 'fewer'],
    [13, 14, 'more'],
    [0, 0, 'match'],
  ])('%d in, %d out: %s', (inCount, outCount, verdict) => {
    const result = reconcile(input(['polishing'], 10, 10, { in: inCount, out: outCount }));
    expect(result.stones.verdict).toBe(verdict);
    expect(result.withinTolerance).toBe(verdict === 'match');
  });

  it('does not expect stones that were already missing at intake', () => {
    expect(stonesIn([{ count: 1 }, { count: 12, flag: 'loose' }, { count: 2, flag: 'missing' }])).toBe(13);
  });
});

describe('tolerances', () => {
  it('has one for every service, none negative', () => {
    for (const t of Object.values(DEFAULT_TOLERANCES)) {
      expect(t.lossPct).toBeGreaterThanOrEqual(0);
      expect(t.gainPct).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts a service listed twice once', () => {
    expect(allowanceFor(['polishing', 'polishing'])).toEqual({ lossPct: 2, gainPct: 0 });
  });

  it.each([
    ['nothing stored', null, DEFAULT_TOLERANCES.polishing],
    ['a valid override', { polishing: { lossPct: 5, gainPct: 1 } }, { lossPct: 5, gainPct: 1 }],
    ['a negative one, ignored', { polishing: { lossPct: -1, gainPct: 0 } }, DEFAULT_TOLERANCES.polishing],
    ['above 100 %, ignored', { polishing: { lossPct: 101, gainPct: 0 } }, DEFAULT_TOLERANCES.polishing],
    ['not an object, ignored', { polishing: 'lots' }, DEFAULT_TOLERANCES.polishing],
    ['a string, ignored', 'oops', DEFAULT_TOLERANCES.polishing],
  ])('withTolerances: %s', (_name, stored, polishing) => {
    expect(withTolerances(stored).polishing).toEqual(polishing);
    expect(withTolerances(stored).sizing).toEqual(DEFAULT_TOLERANCES.sizing);
  });
});

describe('parseReconcileInput', () => {
  it.each([
    ['4.18', '13', { ok: true, weightOutG: 4.18, stoneCountOut: 13 }],
    ['4,18', '0', { ok: true, weightOutG: 4.18, stoneCountOut: 0 }],
    [' 12 ', ' 2 ', { ok: true, weightOutG: 12, stoneCountOut: 2 }],
    ['', '', { ok: false, errors: { weightOut: 'required', stoneCountOut: 'required' } }],
    ['4.181', '1', { ok: false, errors: { weightOut: 'too_many_decimals' } }],
    ['abc', '1.5', { ok: false, errors: { weightOut: 'not_a_number', stoneCountOut: 'not_whole' } }],
    ['0', '0', { ok: false, errors: { weightOut: 'out_of_range' } }],
    ['12', 'x', { ok: false, errors: { stoneCountOut: 'not_a_number' } }],
    ['-3', '1', { ok: false, errors: { weightOut: 'not_a_number' } }],
  ])('%j g, %j stones', (weight, count, expected) => {
    expect(parseReconcileInput(weight, count)).toEqual(expected);
  });
});

describe('releaseBlocks', () => {
  const rec = (withinTolerance: boolean, managerNote?: string) => ({ withinTolerance, ...(managerNote !== undefined ? { managerNote } : {}) });
  it.each([
    ['in progress', { status: 'in_progress' }, ['not_completed']],
    ['completed, not reconciled', { status: 'completed' }, ['not_reconciled']],
    ['completed, within tolerance', { status: 'completed', reconciliation: rec(true) }, []],
    ['completed, mismatch without a note', { status: 'completed', reconciliation: rec(false) }, ['needs_manager_note']],
    ['completed, mismatch with a blank note', { status: 'completed', reconciliation: rec(false, '  ') }, ['needs_manager_note']],
    ['completed, mismatch explained', { status: 'completed', reconciliation: rec(false, 'Metal added for sizing up two sizes') }, []],
    ['already released', { status: 'released', reconciliation: rec(true) }, ['not_completed']],
  ])('%s', (_name, job, blocks) => {
    expect(releaseBlocks(job)).toEqual(blocks);
  });
});
