// Job numbers made on this device, unique without a network: the device prefix (a device
// setting, which pairing writes with the prefix the server gave this device — device-auth-repo.ts;
// derived from the device id before pairing) and a per-device, per-year
// sequence kept in syncState. The sequence never goes back: it is also raised past any number
// of this prefix the device already holds (a wiped and re-synced device starts from there).
import { derivePrefix, isDevicePrefix } from '../domain/device-prefix';
import { nextJobNumber, parseJobNumber } from '../domain/job-number';
import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';
import { getDeviceId } from './device-repo';

export const PREFIX_SETTING = 'device.jobPrefix';

function sequenceKey(prefix: string, year: number): string {
  return `jobNumberSeq:${prefix}:${year}`;
}

/** The prefix of job numbers made here: the setting when valid, else derived from the device id. */
export async function getDevicePrefix(db: LoupeDb = appDb): Promise<string> {
  const row = await db.settings.get(PREFIX_SETTING);
  if (typeof row?.value === 'string' && isDevicePrefix(row.value)) return row.value;
  return derivePrefix(await getDeviceId(db));
}

/** The prefix, read only (for live queries): undefined until the device has its id. */
export async function peekDevicePrefix(db: LoupeDb = appDb): Promise<string | undefined> {
  const row = await db.settings.get(PREFIX_SETTING);
  if (typeof row?.value === 'string' && isDevicePrefix(row.value)) return row.value;
  const id = (await db.syncState.get('deviceId'))?.value;
  return typeof id === 'string' ? derivePrefix(id) : undefined;
}

/** Sets this device's prefix; refuses (false) anything that cannot be a prefix. */
export async function setDevicePrefix(prefix: string, db: LoupeDb = appDb): Promise<boolean> {
  const value = prefix.trim().toUpperCase();
  if (!isDevicePrefix(value)) return false;
  await db.settings.put({ key: PREFIX_SETTING, value });
  return true;
}

/** The highest sequence of `prefix` and `year` among the jobs this device holds. */
async function highestHeld(db: LoupeDb, prefix: string, year: number): Promise<number> {
  const start = `${prefix}-${String(year % 100).padStart(2, '0')}-`;
  const numbers = await db.jobs.where('number').between(start, `${start}\uffff`).keys();
  let highest = 0;
  for (const number of numbers) {
    const parsed = parseJobNumber(String(number));
    if (parsed.ok && parsed.prefix === prefix && parsed.year === year) highest = Math.max(highest, parsed.sequence);
  }
  return highest;
}

/**
 * Takes the next job number. Call it inside the transaction that creates the job (it needs
 * jobs, settings and syncState), so a job that fails to save gives its number back.
 */
export async function takeJobNumber(year: number, db: LoupeDb = appDb): Promise<string> {
  return db.transaction('rw', [db.jobs, db.settings, db.syncState], async () => {
    const prefix = await getDevicePrefix(db);
    const key = sequenceKey(prefix, year);
    const row = await db.syncState.get(key);
    const stored = typeof row?.value === 'number' ? row.value : 0;
    const last = Math.max(stored, await highestHeld(db, prefix, year));
    const number = nextJobNumber(prefix, year, last);
    await db.syncState.put({ key, value: last + 1 });
    return number;
  });
}
