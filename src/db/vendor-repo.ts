// Sending a piece to an outside workshop (engraving, plating) and receiving it back: custody
// events only, so where the piece is never conflicts and its history is never rewritten.
import { isAtVendor } from '../domain/custody';
import type { Location } from '../protocol/protocol';
import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';
import { appendCustodyEvent, listJobCustody } from './custody-log';
import type { Actor } from './local-changes';

export async function sendToVendor(jobId: string, vendor: string, expectedReturn: string | undefined, actor: Actor, note?: string, db: LoupeDb = appDb) {
  const extras = { ...(expectedReturn ? { expectedReturn } : {}), ...(note ? { note } : {}) };
  return appendCustodyEvent(jobId, 'send_out', { kind: 'vendor', label: vendor.trim() }, actor, extras, db);
}

/** Back from the vendor, to where this device is (the intake desk, the vault). */
export async function receiveFromVendor(jobId: string, actor: Actor, location: Location, note?: string, db: LoupeDb = appDb) {
  return appendCustodyEvent(jobId, 'return', location, actor, note ? { note } : {}, db);
}

export async function jobIsAtVendor(jobId: string, db: LoupeDb = appDb): Promise<boolean> {
  return isAtVendor(await listJobCustody(jobId, db));
}
