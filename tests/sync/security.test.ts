// The device side of security against the real server: pairing keeps a token and a signing key,
// evidence is signed when it is recorded, a removed tablet wipes the workshop's data, a tablet the
// server forgot keeps its work, a bench tablet never holds client references, the lock screen's
// reports reach the audit log, photos go up with the device's own token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushSecurityReports } from '../../src/api/security-reports';
import { recordCustody } from '../../src/db/custody-repo';
import { DEVICE_KEYS, getDeviceStatus, getDeviceToken, getPairing, pendingSecurityReports } from '../../src/db/device-auth-repo';
import { PREFIX_SETTING } from '../../src/db/job-number-repo';
import { LoupeDb } from '../../src/db/loupe-db';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import { attemptUnlock } from '../../src/db/unlock-repo';
import { hashPin } from '../../src/security/pin-hash';
import { SyncError } from '../../src/sync/sync-client';
import { syncOnce } from '../../src/sync/sync-engine';
import { uploadPendingPhotos } from '../../src/sync/photo-uploader';
import { actor, makeDevice, people, startLiveServer, type LiveServer } from './sync-harness';

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
  await server.storage.seedRecords('person', [...Object.values(people).filter((p) => p !== people.jeweler), { ...people.jeweler, pinHash: await hashPin('2580', { iterations: 100_000 }) }]);
});
afterAll(async () => server?.stop());

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SyncError);
  return (error as SyncError).failure.kind;
};

describe('a paired tablet', () => {
  it('keeps its token, a non-extractable signing key, its id and its job-number prefix', async () => {
    const device = makeDevice(server, 'S1', 'bench');
    const pairing = await device.paired;
    expect(pairing).toMatchObject({ kind: 'bench', prefix: expect.stringMatching(/^B\d{2}$/) });
    expect(await getDeviceToken(device.db)).toMatch(/^lpd_/);
    const keys = (await device.db.syncState.get(DEVICE_KEYS))!.value as CryptoKeyPair;
    expect(keys.privateKey.extractable).toBe(false);
    expect((await device.db.settings.get(PREFIX_SETTING))?.value).toBe(pairing.prefix);
    expect((await device.db.syncState.get('deviceId'))?.value).toBe(pairing.deviceId);
  });

  it('signs custody events as it records them; the server accepts them and links them signed', async () => {
    const desk = makeDevice(server, 'S2', 'manager');
    const job = await desk.createJob(people.intake);
    await desk.sync();
    const bench = makeDevice(server, 'S3', 'bench');
    await bench.sync();
    const event = await recordCustody(job.id, 'scan_in', actor(people.jeweler), { kind: 'bench', label: '4' }, bench.db);
    const queued = await bench.db.outbox.toArray();
    expect(queued[0]!.patch).toMatchObject({ id: event.id, deviceId: (await bench.paired).deviceId, signature: { alg: 'ES256', deviceId: (await bench.paired).deviceId } });
    const report = await bench.sync();
    expect(report.refused).toEqual([]);
    const chain = await server.storage.auth.verifyChain();
    expect(chain.ok).toBe(true);
    expect(chain.signed).toBeGreaterThanOrEqual(1);
  });

  it('a bench tablet never receives client references', async () => {
    const desk = makeDevice(server, 'S4', 'front_office');
    const job = await desk.createJob(people.intake, { clientRef: 'BTQ-9 Mme Roy' });
    await desk.sync();
    const bench = makeDevice(server, 'S5', 'bench');
    await bench.sync();
    expect(await bench.db.jobs.get(job.id)).not.toHaveProperty('clientRef');
    expect((await desk.db.jobs.get(job.id))?.clientRef).toBe('BTQ-9 Mme Roy');
  });

  it('removed by an admin: its next sync wipes the workshop’s data and says how much unsynced work went', async () => {
    const device = makeDevice(server, 'S6', 'manager');
    await device.createJob(people.intake);
    await device.sync();
    await device.createJob(people.intake);
    expect(await device.db.jobs.count()).toBeGreaterThan(0);
    await server.storage.auth.revokeDevice((await device.paired).deviceId, people.manager.id, new Date().toISOString());
    expect(await failureOf(device.sync())).toBe('revoked');
    for (const table of device.db.tables.filter((t) => t.name !== 'syncState')) expect(await table.count(), table.name).toBe(0);
    expect(await getDeviceStatus(device.db)).toMatchObject({ state: 'revoked', discarded: 1 });
    expect(await getDeviceToken(device.db)).toBeUndefined();
    expect(await getPairing(device.db)).toBeUndefined();
    expect(await device.db.syncState.get(DEVICE_KEYS)).toBeUndefined();
  });

  it('a tablet the server does not know (another server, a restored backup) forgets its token but keeps its work', async () => {
    const device = makeDevice(server, 'S7', 'manager');
    await device.sync();
    const job = await device.createJob(people.intake);
    const elsewhere = await startLiveServer();
    try {
      expect(await failureOf(syncOnce({ db: device.db, baseUrl: elsewhere.baseUrl }))).toBe('unpaired');
    } finally {
      await elsewhere.stop();
    }
    expect(await getDeviceStatus(device.db)).toMatchObject({ state: 'unpaired' });
    expect(await getDeviceToken(device.db)).toBeUndefined();
    expect(await device.db.jobs.get(job.id)).toBeDefined();
    expect(await device.db.outbox.count()).toBe(1);
    // Without a token it does not even call.
    let called = false;
    expect(await failureOf(syncOnce({ db: device.db, baseUrl: server.baseUrl, fetch: async () => ((called = true), new Response()) }))).toBe('unpaired');
    expect(called).toBe(false);
  });

  it('wrong PINs and lockouts at the lock screen reach the audit log after the next round', async () => {
    const device = makeDevice(server, 'S8', 'bench');
    await device.sync();
    const jeweler = (await device.db.people.get(people.jeweler.id))!;
    expect(jeweler.pinHash).toBeDefined();
    for (let i = 0; i < 5; i += 1) await attemptUnlock(jeweler, '0000', { db: device.db });
    expect(await attemptUnlock(jeweler, '2580', { db: device.db })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await pendingSecurityReports(device.db)).toHaveLength(6);
    expect(await flushSecurityReports(device.db, server.baseUrl)).toBe(6);
    expect(await pendingSecurityReports(device.db)).toEqual([]);
    const { deviceId } = await device.paired;
    const audit = (await server.storage.auth.listAudit({ limit: 100 })).entries.filter((e) => e.deviceId === deviceId);
    expect(audit.map((e) => e.kind).sort()).toEqual(['device_paired', 'lockout', 'unlock_failed', 'unlock_failed', 'unlock_failed', 'unlock_failed', 'unlock_failed']);
  });

  it('uploads photo bytes with its own token', async () => {
    const device = makeDevice(server, 'S9', 'bench');
    await device.paired;
    const bytes = crypto.getRandomValues(new Uint8Array(5_000));
    await storePhotoBytes(device.db, { sha256: await sha256Hex(bytes), type: 'image/jpeg', bytes, kind: 'thumb' });
    expect(await uploadPendingPhotos({ db: device.db, baseUrl: server.baseUrl })).toEqual({ uploaded: 1, skipped: 0, failed: 0 });
    // An unpaired database is refused, and nothing is marked failed for good: it waits.
    const stranger = new LoupeDb(`unpaired-${Math.random()}`);
    const other = crypto.getRandomValues(new Uint8Array(5_000));
    await storePhotoBytes(stranger, { sha256: await sha256Hex(other), type: 'image/jpeg', bytes: other, kind: 'thumb' });
    expect(await uploadPendingPhotos({ db: stranger, baseUrl: server.baseUrl })).toMatchObject({ uploaded: 0, stopped: 'server_error' });
    await stranger.delete();
  });
});
