// Tamper evidence: custody events and QC reviews signed by their devices and linked in server
// order. Someone with the database in hand alters one, deletes one, forges one: the chain check
// (admin screen and `verify-chain` command) names each.
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainReport, PushResponse } from '../../src/protocol/protocol';
import { generateDeviceKeys, signEvidence } from '../../src/security/evidence-signature';
import { createApp } from '../../sync-server/app';
import { runCommand } from '../../sync-server/cli';
import { loadConfig } from '../../sync-server/config';
import { GENESIS_HASH, linkHash, recordHash } from '../../sync-server/custody/chain';
import { createLogger } from '../../sync-server/logger';
import { SQLITE_FILE_NAME, createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { openSession, pairDevice, type PairedDevice } from './auth-fixtures';
import { makeTempDir, TEST_VERSION } from './helpers';
import { PEOPLE, custodyEvent, qcReview, seedJob, seedPeople } from './sync-fixtures';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let storage: Storage;
let app: ReturnType<typeof createApp>;
let bench: PairedDevice;
let manager: PairedDevice;
let events: ReturnType<typeof custodyEvent>[];
let reviewId: string;

const dataDir = () => join(dir.path, 'data');
/** The database as someone with the file (or a database password) would change it. */
function raw<T>(change: (db: SqliteDatabase.Database) => T): T {
  const db = new SqliteDatabase(join(dataDir(), SQLITE_FILE_NAME));
  try {
    return change(db);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = await makeTempDir('loupe-chain-');
  storage = createSqliteStorage({ dataDir: dataDir() });
  await storage.migrate();
  await seedPeople(storage);
  app = createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'no-app') });
  const job = await seedJob(storage, { status: 'awaiting_qc', version: 3 });
  // The intake desk's scan from the demo-like seed: linked, unsigned.
  await storage.seedRecords('custodyEvent', [custodyEvent(job.id, 'intake')]);
  bench = await pairDevice(storage, { id: 'dev-bench-chain1', kind: 'bench' });
  manager = await pairDevice(storage, { id: 'dev-mgr-chain001', kind: 'manager' });
  events = [custodyEvent(job.id, 'jeweler'), custodyEvent(job.id, 'jeweler', { action: 'hand_over' }), custodyEvent(job.id, 'jeweler2')];
  const fromBench = await bench.sign(bench.batch(...events.map((e) => bench.put('custodyEvent', e.id, e, e.personId === PEOPLE.jeweler.id ? 'jeweler' : 'jeweler2'))));
  const review = qcReview(job.id, 'approve');
  reviewId = review.id;
  const fromManager = await manager.sign(manager.batch(manager.move(job.id, { to: 'completed', review }, 3, 'manager')));
  for (const [device, batch] of [[bench, fromBench], [manager, fromManager]] as const) {
    const res = await request(app).post('/api/sync/push').set(device.headers).send(batch).expect(200);
    expect(PushResponse.parse(res.body).results.every((r) => r.status === 'applied')).toBe(true);
  }
});
afterEach(async () => {
  await storage.close();
  await dir.remove();
});

async function check(): Promise<ChainReport> {
  const headers = await openSession(storage, manager, PEOPLE.admin.id);
  return ChainReport.parse((await request(app).get('/api/admin/custody-chain').set(headers).expect(200)).body);
}

describe('the custody chain check', () => {
  it('an untouched history: every link and signature checks out', async () => {
    const report = await check();
    expect(report).toMatchObject({ ok: true, links: 5, signed: 4, problems: [] });
  });

  it('names a custody event altered in the database', async () => {
    const target = events[1]!;
    raw((db) => db.prepare(`update records set data = json_set(data, '$.location.label', '9') where entity = 'custodyEvent' and id = ?`).run(target.id));
    const report = await check();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', entity: 'custodyEvent', id: target.id, message: expect.stringContaining('altered') })]);
  });

  it('names a custody event deleted from the database, and a QC review too', async () => {
    raw((db) => {
      db.prepare(`delete from records where entity = 'custodyEvent' and id = ?`).run(events[0]!.id);
      db.prepare(`delete from records where entity = 'qcReview' and id = ?`).run(reviewId);
    });
    const report = await check();
    expect(report.problems.map((p) => [p.kind, p.id])).toEqual([
      ['removed', events[0]!.id],
      ['removed', reviewId],
    ]);
  });

  it('names a deletion that took its link along: the chain is cut there', async () => {
    raw((db) => {
      db.prepare(`delete from records where entity = 'custodyEvent' and id = ?`).run(events[1]!.id);
      db.prepare(`delete from custody_chain where record_id = ?`).run(events[1]!.id);
    });
    const report = await check();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'removed', position: 3, message: expect.stringContaining('link 3 is missing') })]);
  });

  it('refuses a custody event pushed with a forged signature, and names one forged into the database', async () => {
    // Pushed: signed with a key that is not the device's.
    const stranger = await generateDeviceKeys();
    const forged = custodyEvent(events[0]!.jobId, 'jeweler', { action: 'send_out', location: { kind: 'vendor', label: 'Nowhere' } });
    const signature = await signEvidence('custodyEvent', forged, stranger.privateKey, bench.deviceId);
    const res = await request(app).post('/api/sync/push').set(bench.headers).send(bench.batch(bench.put('custodyEvent', forged.id, { ...forged, signature })));
    expect(PushResponse.parse(res.body).results).toEqual([expect.objectContaining({ status: 'refused', code: 'bad_signature' })]);

    // Written straight into the database, with a link whose hashes are right: the signature is not.
    raw((db) => {
      const record = { ...forged, signature };
      db.prepare('update sync_counter set seq = seq + 1 where id = 1').run();
      const seq = (db.prepare('select seq from sync_counter where id = 1').get() as { seq: number }).seq;
      db.prepare('insert into records (entity, id, data, seq) values (?, ?, ?, ?)').run('custodyEvent', forged.id, JSON.stringify(record), seq);
      const last = db.prepare('select position, hash from custody_chain order by position desc limit 1').get() as { position: number; hash: string };
      const content = { position: last.position + 1, entity: 'custodyEvent', id: forged.id, recordHash: recordHash(record), deviceId: bench.deviceId, signed: true };
      db.prepare('insert into custody_chain (position, entity, record_id, record_hash, device_id, signed, prev_hash, hash) values (?, ?, ?, ?, ?, 1, ?, ?)').run(content.position, 'custodyEvent', forged.id, content.recordHash, bench.deviceId, last.hash, linkHash(last.hash, content));
    });
    const report = await check();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'forged', entity: 'custodyEvent', id: forged.id, position: 6 })]);
  });

  it('names an event slipped into the records without a link', async () => {
    const slipped = { ...custodyEvent(events[0]!.jobId, 'jeweler2'), deviceId: 'dev-made-up' };
    raw((db) => db.prepare("insert into records (entity, id, data, seq) values ('custodyEvent', ?, ?, 999999)").run(slipped.id, JSON.stringify(slipped)));
    const report = await check();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'unchained', id: slipped.id })]);
  });

  it('names a link whose own content was changed (a signed link marked unsigned)', async () => {
    raw((db) => db.prepare('update custody_chain set signed = 0 where position = 2').run());
    const report = await check();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', position: 2, message: expect.stringContaining('changed after it was written') })]);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('`verify-chain` prints the same findings and exits 1; 0 when intact', async () => {
    const config = loadConfig({ LOUPE_DATA_DIR: dataDir() }, '/');
    const logger = createLogger({ level: 'silent' });
    const clean: string[] = [];
    expect(await runCommand('verify-chain', config, logger, (line) => clean.push(line))).toBe(0);
    expect(clean.join('\n')).toMatch(/5 links, 4 signatures checked[\s\S]*OK: nothing was altered, removed or forged/);

    raw((db) => db.prepare(`delete from records where entity = 'custodyEvent' and id = ?`).run(events[2]!.id));
    const found: string[] = [];
    expect(await runCommand('verify-chain', config, logger, (line) => found.push(line))).toBe(1);
    expect(found.join('\n')).toContain(`REMOVED: The custody event ${events[2]!.id.slice(0, 13)}`);
    expect(found.join('\n')).toContain('1 problem(s) found.');
  });

  it('`pairing-code` prints a code that pairs a manager device', async () => {
    const config = loadConfig({ LOUPE_DATA_DIR: dataDir() }, '/');
    const printed: string[] = [];
    expect(await runCommand('pairing-code', config, createLogger({ level: 'silent' }), (line) => printed.push(line))).toBe(0);
    const code = /Pairing code ([2-9A-HJKMNP-Z]{4})-([2-9A-HJKMNP-Z]{4})/.exec(printed.join('\n'));
    expect(code).not.toBeNull();
    const { exportPublicKey } = await import('../../src/security/evidence-signature');
    const res = await request(app).post('/api/pair').send({ code: `${code![1]}${code![2]}`, publicKey: await exportPublicKey((await generateDeviceKeys()).publicKey) }).expect(201);
    expect(res.body).toMatchObject({ kind: 'manager', name: 'Recovery device' });
  });
});
