// Status moves made at the bench, with what each one implies besides the status: starting work
// pins the checklist template versions and starts the timer; a job leaving the bench (hold, QC,
// cancel) stops every clock running on it; submitting for QC must pass the QC gate first.
import type { Outcome, JobLike } from '../domain/apply-change';
import { checklistForJob, latestTemplateIds, qcGate, type QcMissing } from '../domain/checklists';
import type { TimerPlan } from '../domain/timer';
import type { HoldReason, JobStatus } from '../domain/vocabulary';
import type { LoupeDb } from './loupe-db';
import type { Job } from './records';
import { db as appDb } from './database';
import { listAnswers, listJobPhotoRefs, loadTemplates } from './checklist-repo';
import { moveJob, putRecord, type Actor } from './local-changes';
import { startTimer, stopJobTimers } from './time-repo';

export type BenchMoveResult =
  | { ok: true; pausedJobIds: readonly string[] }
  | { ok: false; refusal: Extract<Outcome<JobLike>, { ok: false }> }
  | { ok: false; qcMissing: readonly QcMissing[] };

const LEAVES_THE_BENCH: readonly JobStatus[] = ['on_hold', 'awaiting_qc', 'cancelled'];

/** Would the job pass the QC gate now? Reads the pinned checklist, the answers and the photos. */
export async function checkQcGate(job: Job, db: LoupeDb = appDb) {
  const [templates, answers, photos] = await Promise.all([loadTemplates(db), listAnswers(job.id, db), listJobPhotoRefs(job.id, db)]);
  const items = checklistForJob(job.services, templates, job.checklistTemplates);
  return qcGate({ items, answers, photos, afterPhotoCount: photos.filter((p) => p.stage === 'after').length });
}

export async function moveFromBench(job: Job, to: JobStatus, actor: Actor, options: { holdReason?: HoldReason; db?: LoupeDb } = {}): Promise<BenchMoveResult> {
  const db = options.db ?? appDb;
  if (to === 'awaiting_qc') {
    const gate = await checkQcGate(job, db);
    if (!gate.ok) return { ok: false, qcMissing: gate.missing };
  }
  const outcome = await moveJob(job.id, options.holdReason ? { to, holdReason: options.holdReason } : { to }, actor, { db });
  if (!outcome.ok) return { ok: false, refusal: outcome };

  let timer: TimerPlan | undefined;
  if (to === 'in_progress') {
    // Pinned once, on the first start: a job back from rework keeps the versions it began with.
    if (!job.checklistTemplates?.length) {
      const pinned = latestTemplateIds(job.services, await loadTemplates(db));
      await putRecord('job', job.id, { checklistTemplates: pinned }, actor, { db });
    }
    timer = await startTimer(job.id, actor, db);
  } else if (LEAVES_THE_BENCH.includes(to)) {
    await stopJobTimers(job.id, actor, db);
  }
  return { ok: true, pausedJobIds: timer?.pausedJobIds ?? [] };
}
