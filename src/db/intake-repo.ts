// Taking a piece in: the job is created at status intake with the next job number of this
// device, and a custody event says who took it in and where. Number, job and event are written
// in one transaction: a failure leaves no job, no event, and the number unused.
import { newId } from '../domain/ids';
import type { IntakeValues } from '../domain/intake-validation';
import type { Location } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { Job } from './records';
import { db as appDb } from './database';
import { appendCustodyEvent } from './custody-log';
import { takeJobNumber } from './job-number-repo';
import { moveJob, putRecord, type Actor } from './local-changes';

export type CreateJobOutcome = { ok: true; job: Job } | { ok: false; message: string };

class Refused extends Error {}

export async function createIntakeJob(
  values: IntakeValues,
  actor: Actor,
  location: Location,
  options: { db?: LoupeDb; at?: string } = {},
): Promise<CreateJobOutcome> {
  const db = options.db ?? appDb;
  const at = options.at ?? new Date().toISOString();
  try {
    // Every table: the write path decides which tables a change touches, and all of them must
    // be in this one transaction for number, job and event to land together or not at all.
    const job = await db.transaction('rw', db.tables, async () => {
      const number = await takeJobNumber(new Date(at).getUTCFullYear(), db);
      const job: Job = {
        id: newId(),
        number,
        status: 'intake',
        version: 0,
        piece: values.piece,
        services: values.services,
        priority: values.priority,
        promisedDate: values.promisedDate,
        notes: '',
        clientRef: values.clientRef,
        condition: values.condition,
        authorisations: values.authorisations,
        handlingFlags: values.handlingFlags,
        createdAt: at,
        updatedAt: at,
      };
      const outcome = await putRecord('job', job.id, { ...job }, actor, { db, at });
      if (!outcome.ok) throw new Refused(outcome.message);
      await appendCustodyEvent(job.id, 'scan_in', location, actor, { at }, db);
      return job;
    });
    return { ok: true, job };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

/** Intake hands the piece to the workshop: intake → queued, on the version this person saw. */
export async function releaseToBench(job: Job, actor: Actor, db: LoupeDb = appDb) {
  const current = await db.jobs.get(job.id);
  if (current && current.version !== job.version) {
    return { ok: false as const, code: 'stale' as const, message: `This job changed since you saw it: it is now "${current.status}".` };
  }
  return moveJob(job.id, { to: 'queued' }, actor, { db });
}
