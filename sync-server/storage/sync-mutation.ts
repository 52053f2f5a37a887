// One mutation of a push, judged and written inside the push's transaction. The conflict rules
// themselves are the pure applyPut/applyMove the device runs too (src/domain/apply-change.ts);
// this file adds what only the authority can check: who the person is, unique job numbers, the
// record's schema, and the few server-side guards listed in planPut/planMove.
import { applyMove, applyPut, type JobLike } from '../../src/domain/apply-change';
import { canMove } from '../../src/domain/job-status';
import type { Role } from '../../src/domain/vocabulary';
import { ENTITY_SCHEMAS, JobMovePatch, type Entity, type Mutation, type MutationResult, type RefusalCode } from '../../src/protocol/protocol';
import { verifyEvidence, type EvidenceEntity } from '../../src/security/evidence-signature';
import type { PushContext } from './storage';
import type { PushSession } from './push-session';
import type { Fields } from './sync-records';

interface Write {
  entity: Entity;
  id: string;
  data: Fields;
  /** Evidence whose device signature the server checked. */
  signed?: boolean;
}

/** What a mutation will write once every check passed, or why it is refused. */
type Plan = { ok: true; writes: Write[]; jobNumber?: string } | { ok: false; code: RefusalCode; message: string };

const MAX_MESSAGE = 300;

function refuse(code: RefusalCode, message: string): Plan & { ok: false } {
  return { ok: false, code, message: message.slice(0, MAX_MESSAGE) };
}

/** Schema-checks a merged record, naming the first failing field; returns the parsed (stripped) record. */
function checkRecord(entity: Entity, entityId: string, record: Fields): { ok: true; data: Fields } | (Plan & { ok: false }) {
  if (record.id !== entityId) return refuse('invalid', `The ${entity}'s id must be the mutation's entityId (${entityId}).`);
  const result = ENTITY_SCHEMAS[entity].safeParse(record);
  if (result.success) return { ok: true, data: result.data as Fields };
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') || '(record)';
  return refuse('invalid', `${entity} ${path}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Evidence from a paired device must carry that device's good signature (ARCHITECTURE.md,
 * "Security"). Without a push context (storage-level callers) there is no device to check against.
 */
async function signatureRefusal(entity: EvidenceEntity, record: Fields, context: PushContext | undefined): Promise<(Plan & { ok: false }) | undefined> {
  if (!context) return undefined;
  const signer = (record.signature as { deviceId?: unknown } | undefined)?.deviceId;
  if (signer === undefined) return refuse('bad_signature', `This ${entity} is not signed by the device that sent it.`);
  if (signer !== context.device.id) return refuse('bad_signature', `This ${entity} is signed by another device than the one that sent it.`);
  if (!(await verifyEvidence(entity, record, context.device.publicKey))) return refuse('bad_signature', `The signature of this ${entity} does not match its content: it was altered or forged.`);
  return undefined;
}

/** Client references are for intake and managers: a jeweler, or any bench device, may not write one. */
function clientRefRefusal(patch: Fields, role: Role, context: PushContext | undefined): (Plan & { ok: false }) | undefined {
  if (!('clientRef' in patch)) return undefined;
  if (role === 'jeweler') return refuse('forbidden_field', 'A jeweler does not see or change client references.');
  if (context?.device.kind === 'bench') return refuse('forbidden_field', 'A bench device does not see or change client references.');
  return undefined;
}

/**
 * A job starts at intake, or at queued when its creator may release it to the bench (intake
 * then release_to_bench in one step). Any other start would skip the state machine, QC included.
 */
function newJobStatusRefusal(status: unknown, role: Role): (Plan & { ok: false }) | undefined {
  if (status === 'intake') return undefined;
  if (status !== 'queued') return refuse('forbidden_field', 'A new job starts at intake or queued; its status then changes only through moves.');
  if (canMove('intake', 'queued', role).ok) return undefined;
  return refuse('role_not_allowed', `A ${role} cannot release a new job to the bench: create it at intake.`);
}

async function planPut(session: PushSession, mutation: Mutation, role: Role, context: PushContext | undefined): Promise<Plan> {
  const { entity, entityId, patch, at } = mutation;
  // A review is evidence of a QC decision: it exists only with the move it decided (planMove).
  if (entity === 'qcReview') {
    return refuse('invalid', 'A QC review is sent with the approve or send-to-rework move it belongs to.');
  }
  // People carry roles and PINs: they change only through the admin screens, online, with the
  // admin's or manager's PIN checked by the server (sync-server/routes/admin.ts), never by a push.
  if (entity === 'person') return refuse('role_not_allowed', 'People are added and changed on the admin screens, online.');
  if (entity === 'job') {
    const refusal = clientRefRefusal(patch, role, context);
    if (refusal) return refusal;
  }

  const current = await session.record(entity, entityId);
  const outcome = applyPut(entity, current, patch, at);
  if (!outcome.ok) return refuse(outcome.code, outcome.message);
  if (entity === 'job' && current === undefined) {
    const refusal = newJobStatusRefusal(outcome.record.status, role);
    if (refusal) return refusal;
  }
  const checked = checkRecord(entity, entityId, outcome.record);
  if (!checked.ok) return checked;

  if (entity === 'job' && current === undefined) {
    const number = String(checked.data.number);
    const owner = await session.numberOwner(number);
    if (owner !== undefined && owner !== entityId) {
      return refuse('duplicate_number', `Job number ${number} is already used by another job.`);
    }
    return { ok: true, writes: [{ entity, id: entityId, data: checked.data }], jobNumber: number };
  }
  if (entity === 'custodyEvent') {
    const refusal = await signatureRefusal(entity, checked.data, context);
    if (refusal) return refusal;
    return { ok: true, writes: [{ entity, id: entityId, data: checked.data, signed: context !== undefined }] };
  }
  return { ok: true, writes: [{ entity, id: entityId, data: checked.data }] };
}

async function planMove(session: PushSession, mutation: Mutation, role: Role, context: PushContext | undefined): Promise<Plan> {
  const { entity, entityId, at } = mutation;
  if (entity !== 'job') return refuse('invalid', `Only a job has status moves, not a ${entity}.`);
  const parsed = JobMovePatch.safeParse(mutation.patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('invalid', `move ${issue?.path.map(String).join('.') || '(patch)'}: ${issue?.message ?? 'invalid'}`);
  }
  const move = parsed.data;
  const job = (await session.record('job', entityId)) as JobLike | undefined;
  const outcome = applyMove(job, move, mutation.baseVersion, role, at);
  if (!outcome.ok) return refuse(outcome.code, outcome.message);
  const checked = checkRecord('job', entityId, outcome.record);
  if (!checked.ok) return checked;
  const writes: Write[] = [{ entity: 'job', id: entityId, data: checked.data }];

  const { review } = move;
  if (review) {
    // applyMove already matched the decision to the move; these keep the evidence honest.
    if (job?.status !== 'awaiting_qc') return refuse('invalid', 'A QC review travels only with approve or send-to-rework.');
    if (review.jobId !== entityId) return refuse('invalid', 'The QC review names another job.');
    if (review.reviewerId !== mutation.personId) return refuse('invalid', 'The QC review must be signed by the person who decides.');
    const existing = await session.record('qcReview', review.id);
    const reviewOutcome = applyPut('qcReview', existing, review, at);
    if (!reviewOutcome.ok) return refuse(reviewOutcome.code, reviewOutcome.message);
    const checkedReview = checkRecord('qcReview', review.id, reviewOutcome.record);
    if (!checkedReview.ok) return checkedReview;
    const refusal = await signatureRefusal('qcReview', checkedReview.data, context);
    if (refusal) return refusal;
    writes.push({ entity: 'qcReview', id: review.id, data: checkedReview.data, signed: context !== undefined });
  }
  return { ok: true, writes };
}

/**
 * Judges one mutation and, when accepted, writes its records (each under a new seq).
 * Returns the result for the device and the highest seq written (null when refused).
 */
export async function applyMutation(session: PushSession, mutation: Mutation, context?: PushContext): Promise<{ result: MutationResult; wroteSeq: number | null }> {
  const person = await session.record('person', mutation.personId);
  const plan: Plan = !person
    ? refuse('unknown_person', 'The person who made this change is not known to the server.')
    : person.active !== true
      ? refuse('inactive_person', 'The person who made this change is no longer active in the workshop.')
      : mutation.op === 'put'
        ? await planPut(session, mutation, person.role as Role, context)
        : await planMove(session, mutation, person.role as Role, context);
  if (!plan.ok) {
    return { result: { id: mutation.id, status: 'refused', code: plan.code, message: plan.message }, wroteSeq: null };
  }
  if (plan.jobNumber !== undefined) session.claimJobNumber(plan.jobNumber, mutation.entityId);
  let wroteSeq: number | null = null;
  for (const write of plan.writes) wroteSeq = session.writeRecord(write.entity, write.id, write.data);
  session.appendToChain(
    plan.writes.map((write) => ({ entity: write.entity, id: write.id, record: write.data, deviceId: context?.device.id ?? null, signed: write.signed === true })),
  );
  return { result: { id: mutation.id, status: 'applied' }, wroteSeq };
}
