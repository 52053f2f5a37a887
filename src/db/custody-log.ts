// Custody events written by the front office: taken in at intake, sent out to a vendor and
// received back, released to the client. Append-only, through the one write path.
import { newId } from '../domain/ids';
import type { CustodyAction } from '../domain/vocabulary';
import type { Location } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { CustodyEvent } from './records';
import { db as appDb } from './database';
import { getDeviceId } from './device-repo';
import { putRecord, type Actor } from './local-changes';
import { custodyOf } from './record-stores';

export interface CustodyExtras {
  note?: string;
  expectedReturn?: string;
  at?: string;
}

export async function appendCustodyEvent(
  jobId: string,
  action: CustodyAction,
  location: Location,
  actor: Actor,
  extras: CustodyExtras = {},
  db: LoupeDb = appDb,
): Promise<CustodyEvent> {
  const deviceId = await getDeviceId(db);
  const event: CustodyEvent = {
    id: newId(),
    jobId,
    personId: actor.personId,
    deviceId,
    location: location.label ? { kind: location.kind, label: location.label } : { kind: location.kind },
    action,
    at: extras.at ?? new Date().toISOString(),
    ...(extras.note?.trim() ? { note: extras.note.trim() } : {}),
    ...(extras.expectedReturn ? { expectedReturn: extras.expectedReturn } : {}),
  };
  const outcome = await putRecord('custodyEvent', event.id, { ...event }, actor, { db, at: event.at });
  if (!outcome.ok) throw new Error(outcome.message);
  return event;
}

/** A job's custody events, in any order (src/domain/custody.ts orders them). */
export async function listJobCustody(jobId: string, db: LoupeDb = appDb): Promise<CustodyEvent[]> {
  return custodyOf(await db.jobActivity.get(jobId));
}

/**
 * The custody events of these jobs, by job id (jobs without any are absent). Read by job: the log
 * keeps every event of every job ever taken in, and a screen shows a few.
 */
export async function custodyByJob(jobIds: readonly string[], db: LoupeDb = appDb): Promise<Map<string, CustodyEvent[]>> {
  const byJob = new Map<string, CustodyEvent[]>();
  if (jobIds.length === 0) return byJob;
  for (const row of await db.jobActivity.bulkGet([...jobIds])) {
    const events = custodyOf(row);
    if (row && events.length > 0) byJob.set(row.jobId, events);
  }
  return byJob;
}
