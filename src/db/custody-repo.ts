import { newId } from '../domain/ids';
import type { CustodyAction } from '../domain/vocabulary';
import type { Location } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import type { CustodyEvent } from './records';
import { db as appDb } from './database';
import { getDeviceId } from './device-repo';
import { putRecord, type Actor } from './local-changes';
import { custodyOf } from './record-stores';

/** Appends a custody event: who had the piece, where, when. Never edited afterwards. */
export async function recordCustody(jobId: string, action: CustodyAction, actor: Actor, location: Location, db: LoupeDb = appDb): Promise<CustodyEvent> {
  const deviceId = await getDeviceId(db);
  const event: CustodyEvent = {
    id: newId(),
    jobId,
    personId: actor.personId,
    deviceId,
    location,
    action,
    at: new Date().toISOString(),
  };
  const outcome = await putRecord('custodyEvent', event.id, { ...event }, actor, { db, at: event.at });
  if (!outcome.ok) throw new Error(outcome.message);
  return event;
}

/** A job's custody events, the latest first. */
export async function listCustody(jobId: string, db: LoupeDb = appDb): Promise<CustodyEvent[]> {
  return custodyOf(await db.jobActivity.get(jobId)).sort((a, b) => b.at.localeCompare(a.at));
}
