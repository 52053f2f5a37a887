// This device's place in the workshop, in IndexedDB (syncState): its pairing, its token, its
// signing keys, whether it was removed, the lock screen's lockouts and the reports it owes the
// server. The signing key is a non-extractable CryptoKey: IndexedDB stores it as it is (browsers
// structured-clone CryptoKeys), and no script can ever read its private bytes.
import { parseLockoutState, type LockoutState } from '../domain/lockout';
import { DEVICE_TOKEN_HEADER } from '../protocol/constants';
import type { DeviceKind, PairResponse, SecurityReport } from '../protocol/protocol';
import { db as appDb } from './database';
import { PREFIX_SETTING } from './job-number-repo';
import type { LoupeDb } from './loupe-db';

export const PAIRING = 'pairing';
export const DEVICE_TOKEN = 'deviceToken';
export const DEVICE_KEYS = 'deviceKeys';
export const DEVICE_STATUS = 'deviceStatus';
export const SECURITY_REPORTS = 'securityReports';
const DEVICE_ID = 'deviceId';
const LOCKOUT_PREFIX = 'lockout:';
/** Reports kept while the server cannot be reached; the oldest go first beyond this. */
const MAX_REPORTS = 500;

export interface Pairing {
  deviceId: string;
  name: string;
  kind: DeviceKind;
  prefix: string;
  workshopId: string;
  workshopName: string;
  pairedAt: string;
}

/** Absent: normal. 'revoked': removed by an admin (data wiped). 'unpaired': the server does not know this device's token. */
export type DeviceStatus = { state: 'revoked'; at: string; discarded: number } | { state: 'unpaired'; at: string };

/** Stores what pairing (or setup) answered, the keys made for it, and the job-number prefix. */
export async function savePairing(response: PairResponse, keys: CryptoKeyPair, db: LoupeDb = appDb, now = new Date().toISOString()): Promise<Pairing> {
  const pairing: Pairing = {
    deviceId: response.deviceId,
    name: response.name,
    kind: response.kind,
    prefix: response.prefix,
    workshopId: response.workshopId,
    workshopName: response.workshopName,
    pairedAt: now,
  };
  await db.transaction('rw', db.syncState, db.settings, async () => {
    await db.syncState.bulkPut([
      { key: PAIRING, value: pairing },
      { key: DEVICE_TOKEN, value: response.token },
      { key: DEVICE_KEYS, value: keys },
      // The server names the device: its pushes must carry this id (and its token).
      { key: DEVICE_ID, value: response.deviceId },
    ]);
    await db.syncState.delete(DEVICE_STATUS);
    // Job numbers made here now carry the prefix the admin gave this device.
    await db.settings.put({ key: PREFIX_SETTING, value: response.prefix });
  });
  return pairing;
}

export async function getPairing(db: LoupeDb = appDb): Promise<Pairing | undefined> {
  return (await db.syncState.get(PAIRING))?.value as Pairing | undefined;
}

export async function getDeviceToken(db: LoupeDb = appDb): Promise<string | undefined> {
  const value = (await db.syncState.get(DEVICE_TOKEN))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The header every API call carries; empty on a device that is not paired. */
export async function authHeaders(db: LoupeDb = appDb): Promise<Record<string, string>> {
  const token = await getDeviceToken(db);
  return token ? { [DEVICE_TOKEN_HEADER]: token } : {};
}

/** The key that signs this device's custody events and QC reviews; undefined before pairing. */
export async function getSigningKey(db: LoupeDb = appDb): Promise<{ deviceId: string; privateKey: CryptoKey } | undefined> {
  const [keys, pairing] = await Promise.all([db.syncState.get(DEVICE_KEYS), db.syncState.get(PAIRING)]);
  const privateKey = (keys?.value as CryptoKeyPair | undefined)?.privateKey;
  const deviceId = (pairing?.value as Pairing | undefined)?.deviceId;
  return privateKey && deviceId ? { deviceId, privateKey } : undefined;
}

export async function getDeviceStatus(db: LoupeDb = appDb): Promise<DeviceStatus | undefined> {
  return (await db.syncState.get(DEVICE_STATUS))?.value as DeviceStatus | undefined;
}

/**
 * The server does not know this device's token (another server, or a database restored from an
 * older backup). The token is dropped so that the device stops calling with it; its data and its
 * outbox stay: once paired again, the outbox goes out.
 */
export async function markUnpaired(db: LoupeDb = appDb, now = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.bulkDelete([DEVICE_TOKEN, PAIRING]);
    await db.syncState.put({ key: DEVICE_STATUS, value: { state: 'unpaired', at: now } satisfies DeviceStatus });
  });
}

/**
 * Removed from the workshop: every table is emptied — records, photos, the outbox (its changes
 * can no longer be accepted from this device), the keys and the settings — in one transaction,
 * and only the fact of the removal is kept, with how many unsynced changes were discarded
 * (docs/DECISIONS.md, "A revoked device").
 */
export async function forgetWorkshop(db: LoupeDb = appDb, now = new Date().toISOString()): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    const discarded = await db.outbox.count();
    for (const table of db.tables) await table.clear();
    await db.syncState.put({ key: DEVICE_STATUS, value: { state: 'revoked', at: now, discarded } satisfies DeviceStatus });
    return discarded;
  });
}

// ---------------------------------------------------------------- the lock screen's memory

export async function getLockout(personId: string, db: LoupeDb = appDb): Promise<LockoutState> {
  return parseLockoutState((await db.syncState.get(`${LOCKOUT_PREFIX}${personId}`))?.value);
}

export async function setLockout(personId: string, state: LockoutState, db: LoupeDb = appDb): Promise<void> {
  await db.syncState.put({ key: `${LOCKOUT_PREFIX}${personId}`, value: state });
}

/** Keeps a report (wrong PIN, lockout) until the server has it. */
export async function queueSecurityReport(report: SecurityReport, db: LoupeDb = appDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const queued = ((await db.syncState.get(SECURITY_REPORTS))?.value as SecurityReport[] | undefined) ?? [];
    await db.syncState.put({ key: SECURITY_REPORTS, value: [...queued, report].slice(-MAX_REPORTS) });
  });
}

export async function pendingSecurityReports(db: LoupeDb = appDb): Promise<SecurityReport[]> {
  return ((await db.syncState.get(SECURITY_REPORTS))?.value as SecurityReport[] | undefined) ?? [];
}

/** Drops the reports the server acknowledged (others may have been queued meanwhile). */
export async function dropSecurityReports(ids: readonly string[], db: LoupeDb = appDb): Promise<void> {
  const sent = new Set(ids);
  await db.transaction('rw', db.syncState, async () => {
    const queued = ((await db.syncState.get(SECURITY_REPORTS))?.value as SecurityReport[] | undefined) ?? [];
    await db.syncState.put({ key: SECURITY_REPORTS, value: queued.filter((r) => !sent.has(r.id)) });
  });
}
