import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';
import { newId } from '../domain/ids';

const DEVICE_ID = 'deviceId';
export const DEVICE_SEQ = 'deviceSeq';

/**
 * This installation's id, made once and kept in IndexedDB. The server keeps each device's last
 * applied sequence under it, which is what makes a retried push harmless.
 */
export async function getDeviceId(db: LoupeDb = appDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(DEVICE_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = `dev-${newId()}`;
    await db.syncState.put({ key: DEVICE_ID, value: id });
    return id;
  });
}

/** The next device sequence number. Call inside the transaction that writes the outbox entry. */
export async function takeDeviceSeq(db: LoupeDb): Promise<number> {
  const row = await db.syncState.get(DEVICE_SEQ);
  const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await db.syncState.put({ key: DEVICE_SEQ, value: next });
  return next;
}
