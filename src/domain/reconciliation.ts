// Reconciliation: the workshop's proof that nothing was swapped or lost. When a job is done, the
// piece is weighed and its stones counted again, and both are compared with intake. Weight may
// change by what the services explain (sizing adds or removes metal, polishing loses a little),
// within a tolerance per service; stones must all be there. Anything else needs a manager's note
// before the piece goes back to the client.
import { SERVICE_TYPES, type ServiceType } from './vocabulary';

/** How much weight a service may take off or add, as a percentage of the intake weight. */
export interface WeightTolerance {
  readonly lossPct: number;
  readonly gainPct: number;
}

export type Tolerances = Readonly<Record<ServiceType, WeightTolerance>>;

export const DEFAULT_TOLERANCES: Tolerances = {
  // A size up adds a strip of metal, a size down cuts one out.
  sizing: { lossPct: 15, gainPct: 15 },
  // Polishing takes off a little metal, never adds any.
  polishing: { lossPct: 2, gainPct: 0 },
  // The piece is polished before the bath; the rhodium itself weighs next to nothing.
  rhodium_plating: { lossPct: 1, gainPct: 0.2 },
  stone_tightening: { lossPct: 0.5, gainPct: 0 },
  // The new stone rarely weighs what the old one did.
  stone_replacement: { lossPct: 10, gainPct: 10 },
  // Retipping adds metal to each prong; the filing after takes a little off.
  prong_retipping: { lossPct: 1, gainPct: 3 },
  clasp_repair: { lossPct: 5, gainPct: 5 },
  chain_soldering: { lossPct: 1, gainPct: 2 },
  engraving: { lossPct: 1, gainPct: 0 },
  // New silk and knots.
  pearl_restringing: { lossPct: 3, gainPct: 3 },
  cleaning_inspection: { lossPct: 0.5, gainPct: 0 },
  authentication: { lossPct: 0, gainPct: 0 },
};

/** The scale reads to 0.01 g: this much difference either way is never a mismatch. */
export const SCALE_ALLOWANCE_G = 0.02;

/**
 * The tolerances to use: the defaults, with the valid entries of `overrides` (a stored workshop
 * setting, so checked: anything malformed is ignored, never trusted).
 */
export function withTolerances(overrides: unknown): Tolerances {
  const merged: Record<ServiceType, WeightTolerance> = { ...DEFAULT_TOLERANCES };
  if (typeof overrides !== 'object' || overrides === null) return merged;
  for (const service of SERVICE_TYPES) {
    const entry = (overrides as Record<string, unknown>)[service] as Partial<WeightTolerance> | undefined;
    if (typeof entry !== 'object' || entry === null) continue;
    const { lossPct, gainPct } = entry;
    if (isPct(lossPct) && isPct(gainPct)) merged[service] = { lossPct, gainPct };
  }
  return merged;
}

function isPct(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

export interface StoneLike {
  readonly count: number;
  readonly flag?: 'loose' | 'missing' | undefined;
}

/** Stones that came in with the piece: stones noted as missing at intake were never there. */
export function stonesIn(stones: readonly StoneLike[]): number {
  return stones.reduce((sum, stone) => sum + (stone.flag === 'missing' ? 0 : stone.count), 0);
}

/** Allowed change for a job's services: each service's allowance adds up. */
export function allowanceFor(services: readonly ServiceType[], tolerances: Tolerances = DEFAULT_TOLERANCES): WeightTolerance {
  let lossPct = 0;
  let gainPct = 0;
  for (const service of new Set(services)) {
    lossPct += tolerances[service].lossPct;
    gainPct += tolerances[service].gainPct;
  }
  return { lossPct: Math.min(lossPct, 100), gainPct };
}

export type WeightVerdict = 'within' | 'loss_exceeds' | 'gain_exceeds' | 'no_intake_weight';
export type StoneVerdict = 'match' | 'fewer' | 'more';

export interface ReconcileInput {
  readonly services: readonly ServiceType[];
  readonly intakeWeightG: number | undefined;
  readonly intakeStones: readonly StoneLike[];
  readonly weightOutG: number;
  readonly stoneCountOut: number;
}

export interface ReconcileResult {
  readonly weight: {
    readonly inG: number | undefined;
    readonly outG: number;
    /** out − in, to 0.01 g; negative is a loss. */
    readonly deltaG: number | undefined;
    readonly allowedLossG: number | undefined;
    readonly allowedGainG: number | undefined;
    readonly verdict: WeightVerdict;
  };
  readonly stones: { readonly expected: number; readonly out: number; readonly verdict: StoneVerdict };
  /** Weight within tolerance and every stone there: release needs no manager's note. */
  readonly withinTolerance: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function reconcile(input: ReconcileInput, tolerances: Tolerances = DEFAULT_TOLERANCES): ReconcileResult {
  const { lossPct, gainPct } = allowanceFor(input.services, tolerances);
  const inG = input.intakeWeightG;
  let weight: ReconcileResult['weight'];
  if (inG === undefined) {
    weight = { inG, outG: input.weightOutG, deltaG: undefined, allowedLossG: undefined, allowedGainG: undefined, verdict: 'no_intake_weight' };
  } else {
    const deltaG = round2(input.weightOutG - inG);
    const allowedLossG = round2((inG * lossPct) / 100 + SCALE_ALLOWANCE_G);
    const allowedGainG = round2((inG * gainPct) / 100 + SCALE_ALLOWANCE_G);
    // Compared in hundredths of a gram, as the scale reads, so binary fractions cannot tip it.
    const delta = Math.round(deltaG * 100);
    const verdict: WeightVerdict = -delta > Math.round(allowedLossG * 100) ? 'loss_exceeds' : delta > Math.round(allowedGainG * 100) ? 'gain_exceeds' : 'within';
    weight = { inG, outG: input.weightOutG, deltaG, allowedLossG, allowedGainG, verdict };
  }
  const expected = stonesIn(input.intakeStones);
  const stoneVerdict: StoneVerdict = input.stoneCountOut === expected ? 'match' : input.stoneCountOut < expected ? 'fewer' : 'more';
  return {
    weight,
    stones: { expected, out: input.stoneCountOut, verdict: stoneVerdict },
    withinTolerance: weight.verdict === 'within' && stoneVerdict === 'match',
  };
}

// ------------------------------------------------------------------ what is typed, and release

export type ReconcileFieldError = 'required' | 'not_a_number' | 'too_many_decimals' | 'not_whole' | 'out_of_range';

export type ParsedReconcile =
  | { ok: true; weightOutG: number; stoneCountOut: number }
  | { ok: false; errors: { weightOut?: ReconcileFieldError; stoneCountOut?: ReconcileFieldError } };

/** The weight (0.01 g, point or comma) and stone count typed at release. */
export function parseReconcileInput(weightText: string, countText: string): ParsedReconcile {
  const errors: { weightOut?: ReconcileFieldError; stoneCountOut?: ReconcileFieldError } = {};
  const weight = weightText.trim().replace(',', '.');
  const count = countText.trim();
  let weightOutG = 0;
  let stoneCountOut = 0;
  if (weight === '') errors.weightOut = 'required';
  else if (!/^\d+(\.\d*)?$|^\.\d+$/.test(weight)) errors.weightOut = 'not_a_number';
  else if ((weight.split('.')[1]?.length ?? 0) > 2) errors.weightOut = 'too_many_decimals';
  else {
    weightOutG = Number(weight);
    if (weightOutG <= 0 || weightOutG > 10_000) errors.weightOut = 'out_of_range';
  }
  if (count === '') errors.stoneCountOut = 'required';
  else if (!/^\d+$/.test(count)) errors.stoneCountOut = /^\d*[.,]\d+$/.test(count) ? 'not_whole' : 'not_a_number';
  else {
    stoneCountOut = Number(count);
    if (stoneCountOut > 100_000) errors.stoneCountOut = 'out_of_range';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, weightOutG: round2(weightOutG), stoneCountOut };
}

export type ReleaseBlock = 'not_completed' | 'not_reconciled' | 'needs_manager_note';

export interface ReleasableJob {
  readonly status: string;
  readonly reconciliation?: { readonly withinTolerance: boolean; readonly managerNote?: string | undefined } | undefined;
}

/** What still stands between a job and its release; empty: it may go. */
export function releaseBlocks(job: ReleasableJob): ReleaseBlock[] {
  if (job.status !== 'completed') return ['not_completed'];
  if (!job.reconciliation) return ['not_reconciled'];
  if (!job.reconciliation.withinTolerance && !job.reconciliation.managerNote?.trim()) return ['needs_manager_note'];
  return [];
}
