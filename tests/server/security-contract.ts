// The security part of the storage contract (storage.auth), run on SQLite and PostgreSQL by
// storage-contract.ts. Rules are numbered: a failure names the promise that broke.
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Person } from '../../src/protocol/protocol';
import { exportPublicKey, generateDeviceKeys } from '../../src/security/evidence-signature';
import { sha256Hex } from '../../sync-server/auth/secrets';
import type { Storage } from '../../sync-server/storage/storage';
import { pairDevice } from './auth-fixtures';
import { FakeDevice, PEOPLE, custodyEvent, pushOk, qcReview, seedJob, seedPeople } from './sync-fixtures';

const NOW = '2026-03-02T09:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const PIN_HASH = { alg: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', hash: 'a'.repeat(43) };

export function securityContract(open: () => Promise<Storage>): void {
  describe('security (storage.auth)', () => {
    it('[SE1] setup: only the stored, unexpired token works, once; it writes the admin and pairs the device', async () => {
      const storage = await open();
      const publicKey = await exportPublicKey((await generateDeviceKeys()).publicKey);
      const admin: Person = { id: newId(), name: 'Ada', role: 'admin', active: true, pinHash: PIN_HASH };
      const device = { id: 'dev-setup-0001', name: 'Admin iPad', kind: 'manager' as const, prefix: 'M01', tokenHash: sha256Hex('device'), publicKey };
      expect(await storage.auth.setupStatus()).toEqual({ done: false });
      expect(await storage.auth.offerSetup(sha256Hex('old'), later(60_000))).toBe(true);
      expect(await storage.auth.offerSetup(sha256Hex('token'), later(60_000))).toBe(true);
      const setup = (tokenHash: string, now = NOW) => storage.auth.completeSetup({ tokenHash, now, workshopName: 'Atelier Vendôme', admin, device });
      expect(await setup(sha256Hex('old'))).toBe('unknown');
      expect(await setup(sha256Hex('token'), later(60_001))).toBe('expired');
      expect(await storage.auth.person(admin.id)).toBeUndefined();
      expect(await setup(sha256Hex('token'))).toBe('ok');
      expect(await setup(sha256Hex('token'))).toBe('done');
      expect(await storage.auth.offerSetup(sha256Hex('again'), later(60_000))).toBe(false);
      expect(await storage.auth.setupStatus()).toEqual({ done: true, workshopName: 'Atelier Vendôme' });
      expect(await storage.auth.person(admin.id)).toEqual(admin);
      expect(await storage.auth.deviceByTokenHash(sha256Hex('device'))).toMatchObject({ id: device.id, kind: 'manager', prefix: 'M01', pairedBy: admin.id, revokedAt: null, publicKey });
      expect((await storage.auth.listAudit({ limit: 10 })).entries.map((e) => e.kind)).toEqual(['setup']);
    });

    it('[SE2] a pairing code pairs once, before it expires; prefixes are unique, given or chosen', async () => {
      const storage = await open();
      const publicKey = await exportPublicKey((await generateDeviceKeys()).publicKey);
      const code = (name: string, kind: 'bench' | 'manager', prefix?: string) =>
        storage.auth.createPairingCode({ codeHash: sha256Hex(name), name, kind, prefix, createdBy: PEOPLE.admin.id, now: NOW, expiresAt: later(600_000) });
      expect(await code('bench-1', 'bench')).toEqual({ prefix: 'B01' });
      expect(await code('bench-2', 'bench')).toEqual({ prefix: 'B02' });
      expect(await code('ipad', 'manager', 'NY1')).toEqual({ prefix: 'NY1' });
      expect(await code('ipad-again', 'manager', 'NY1')).toBe('prefix_taken');
      const redeem = (name: string, id: string, now = NOW) => storage.auth.redeemPairingCode({ codeHash: sha256Hex(name), now, device: { id, tokenHash: sha256Hex(`t-${id}`), publicKey } });
      expect(await redeem('bench-2', 'dev-late-0001', later(600_000))).toBeUndefined();
      expect(await redeem('nope', 'dev-nope-0001')).toBeUndefined();
      expect(await redeem('bench-1', 'dev-bench-0001')).toMatchObject({ id: 'dev-bench-0001', name: 'bench-1', kind: 'bench', prefix: 'B01', pairedBy: PEOPLE.admin.id });
      expect(await redeem('bench-1', 'dev-bench-0002')).toBeUndefined();
      // A prefix paired, or held by a code still pending, is never handed out again.
      expect(await code('bench-3', 'bench')).toEqual({ prefix: 'B03' });
      expect((await storage.auth.listDevices()).map((d) => d.id)).toEqual(['dev-bench-0001']);
    });

    it('[SE3] a revoked device stays listed, is found by its token as revoked, and loses its person sessions', async () => {
      const storage = await open();
      await seedPeople(storage);
      const device = await pairDevice(storage, { id: 'dev-revoke-0001', kind: 'bench' });
      const tokenHash = sha256Hex(device.token);
      await storage.auth.openPersonSession({ tokenHash: sha256Hex('session'), personId: PEOPLE.manager.id, deviceId: device.deviceId, now: NOW, expiresAt: later(1_800_000) });
      expect(await storage.auth.personSession(sha256Hex('session'))).toEqual({ personId: PEOPLE.manager.id, deviceId: device.deviceId, expiresAt: later(1_800_000) });
      await storage.auth.touchDevice(device.deviceId, later(5_000));
      expect((await storage.auth.device(device.deviceId))?.lastContactAt).toBe(later(5_000));
      const revoked = await storage.auth.revokeDevice(device.deviceId, PEOPLE.admin.id, later(10_000));
      expect(revoked).toMatchObject({ revokedAt: later(10_000), revokedBy: PEOPLE.admin.id });
      expect(await storage.auth.revokeDevice(device.deviceId, PEOPLE.manager.id, later(20_000))).toMatchObject({ revokedAt: later(10_000), revokedBy: PEOPLE.admin.id });
      expect(await storage.auth.deviceByTokenHash(tokenHash)).toMatchObject({ revokedAt: later(10_000) });
      expect(await storage.auth.personSession(sha256Hex('session'))).toBeUndefined();
      expect(await storage.auth.revokeDevice('dev-unknown-0001', null, NOW)).toBeUndefined();
    });

    it('[SE4] person sessions end with endPersonSessions; PIN lockouts persist per person', async () => {
      const storage = await open();
      await storage.auth.openPersonSession({ tokenHash: sha256Hex('s1'), personId: PEOPLE.admin.id, deviceId: 'dev-a-000001', now: NOW, expiresAt: later(1_000) });
      await storage.auth.endPersonSessions(PEOPLE.admin.id);
      expect(await storage.auth.personSession(sha256Hex('s1'))).toBeUndefined();
      expect(await storage.auth.pinLockout(PEOPLE.admin.id)).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
      const lockedUntil = Date.parse(NOW) + 30_000;
      await storage.auth.setPinLockout(PEOPLE.admin.id, { failures: 0, lockouts: 1, lockedUntil });
      await storage.auth.setPinLockout(PEOPLE.admin.id, { failures: 2, lockouts: 1, lockedUntil });
      expect(await storage.auth.pinLockout(PEOPLE.admin.id)).toEqual({ failures: 2, lockouts: 1, lockedUntil });
    });

    it('[SE5] the audit log lists newest first, pages, and keeps a device report once', async () => {
      const storage = await open();
      for (let i = 0; i < 5; i += 1) await storage.auth.appendAudit([{ kind: 'pairing_failed', detail: { n: i } }]);
      const reports = [{ id: newId(), kind: 'unlock_failed' as const, personId: PEOPLE.jeweler.id, detail: { reportedAt: NOW } }];
      await storage.auth.recordReports('dev-r-000001', reports);
      await storage.auth.recordReports('dev-r-000001', reports);
      const first = await storage.auth.listAudit({ limit: 3 });
      expect(first.hasMore).toBe(true);
      const rest = await storage.auth.listAudit({ before: first.entries.at(-1)!.id, limit: 10 });
      const all = [...first.entries, ...rest.entries];
      expect(rest.hasMore).toBe(false);
      expect(all).toHaveLength(6);
      expect(all.filter((e) => e.kind === 'unlock_failed')).toEqual([expect.objectContaining({ deviceId: 'dev-r-000001', personId: PEOPLE.jeweler.id })]);
      expect(all.filter((e) => e.kind === 'pairing_failed').map((e) => e.detail.n)).toEqual([4, 3, 2, 1, 0]);
    });

    it('[SE6] every accepted custody event and QC review is linked in server order; refusals are audited', async () => {
      const storage = await open();
      await seedPeople(storage);
      const job = await seedJob(storage, { status: 'awaiting_qc', version: 4 });
      await storage.seedRecords('custodyEvent', [custodyEvent(job.id, 'intake')]);
      const device = await pairDevice(storage, { id: 'dev-chain-0001', kind: 'manager' });
      const event = custodyEvent(job.id, 'jeweler');
      const review = qcReview(job.id, 'approve');
      const batch = await device.sign(
        device.batch(device.put('custodyEvent', event.id, event), device.move(job.id, { to: 'completed', review }, 4, 'manager'), device.put('person', PEOPLE.jeweler.id, { role: 'admin' }, 'jeweler')),
      );
      const outcome = await storage.push(batch, { device: { id: device.deviceId, kind: 'manager', publicKey: device.keys.publicKey } });
      expect(outcome.kind === 'ok' && outcome.response.results.map((r) => r.status)).toEqual(['applied', 'applied', 'refused']);
      const report = await storage.auth.verifyChain();
      expect(report).toMatchObject({ ok: true, links: 3, signed: 2, problems: [] });
      expect(report.head).toMatch(/^[0-9a-f]{64}$/);
      const audit = (await storage.auth.listAudit({ limit: 10 })).entries;
      expect(audit).toEqual([expect.objectContaining({ kind: 'mutation_refused', deviceId: device.deviceId, personId: PEOPLE.jeweler.id, detail: expect.objectContaining({ code: 'role_not_allowed', entity: 'person' }) })]);
    });

    it('[SE7] without a push context (no device) evidence is linked unsigned, as seeded records are', async () => {
      const storage = await open();
      await seedPeople(storage);
      const job = await seedJob(storage, { status: 'queued', version: 1 });
      const fake = new FakeDevice('dev-plain-0001');
      const event = custodyEvent(job.id, 'jeweler');
      await pushOk(storage, fake.batch(fake.put('custodyEvent', event.id, event)));
      expect(await storage.auth.verifyChain()).toMatchObject({ ok: true, links: 1, signed: 0 });
    });
  });
}
