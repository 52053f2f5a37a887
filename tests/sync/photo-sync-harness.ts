// The real server the device's photo uploader and downloader are tested against
// (tests/sync/photo-uploader.test.ts, photo-downloader.test.ts), with the device database in
// fake-indexeddb, and the photos those tests take.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { LoupeDb } from '../../src/db/loupe-db';
import { sha256Hex, storePhotoBytes } from '../../src/db/photo-bytes-repo';
import type { PhotoMeta } from '../../src/db/records';
import { newId } from '../../src/domain/ids';
import { PERSON_ID_HEADER } from '../../src/protocol/protocol';
import { createApp } from '../../sync-server/app';
import { createSqliteStorage } from '../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../sync-server/storage/storage';
import { pairDevice } from '../server/auth-fixtures';
import { makeTempDir, TEST_VERSION } from '../server/helpers';
import { PEOPLE, seedPeople } from '../server/sync-fixtures';

let dir: { path: string; remove: () => Promise<void> };
let storage: Storage;
let server: Server;
/** The real server's origin, set once it listens (an ES live binding: importers see the value). */
export let baseUrl: string;
/** Requests the server saw, "METHOD path". */
export const seen: string[] = [];

export async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const s = createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

export async function close(s: Server): Promise<void> {
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
}

const opened: LoupeDb[] = [];

/** A device database of its own, deleted after the test. */
export function freshDb(): LoupeDb {
  const db = new LoupeDb(`photo-sync-${Math.random()}`);
  opened.push(db);
  return db;
}

/**
 * Called at the top of a test file: the real server for its tests (createApp on a real port, a
 * temp SQLite file and data dir, the photo pipeline's people seeded), and after each test the
 * device databases deleted and the requests seen forgotten.
 */
export function usePhotoServer(): void {
  beforeAll(async () => {
    dir = await makeTempDir('loupe-photo-sync-');
    const dataDir = join(dir.path, 'data');
    storage = createSqliteStorage({ dataDir });
    await storage.migrate();
    await seedPeople(storage);
    const app = createApp({ storage, version: TEST_VERSION, appDir: join(dir.path, 'no-app'), dataDir });
    // These databases are not paired: the front gives their calls a paired device's token. That a
    // paired device sends its own: tests/sync/security.test.ts.
    const { token } = await pairDevice(storage);
    ({ server, url: baseUrl } = await listen((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.headers['x-loupe-device-token'] ??= token;
      app(req, res);
    }));
  });
  afterAll(async () => {
    await close(server);
    await storage.close();
    await dir.remove();
  });
  afterEach(async () => {
    seen.length = 0;
    for (const db of opened.splice(0)) await db.delete();
  });
}

export function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  return bytes;
}

/** A photo taken on this device: full size and thumbnail bytes, not uploaded. */
export async function takePhoto(db: LoupeDb, fullSize = 200_000) {
  const full = randomBytes(fullSize);
  const thumb = randomBytes(8_000);
  const fullSha = await sha256Hex(full);
  const thumbSha = await sha256Hex(thumb);
  await storePhotoBytes(db, { sha256: fullSha, type: 'image/jpeg', bytes: full, kind: 'full' });
  await storePhotoBytes(db, { sha256: thumbSha, type: 'image/webp', bytes: thumb, kind: 'thumb' });
  const meta: PhotoMeta = {
    id: newId(),
    jobId: newId(),
    stage: 'before',
    sha256: fullSha,
    thumbSha256: thumbSha,
    mime: 'image/jpeg',
    width: 100,
    height: 100,
    byteLength: full.byteLength,
    takenAt: new Date().toISOString(),
    takenBy: newId(),
    marks: [],
  };
  await db.photos.add(meta);
  return { full, thumb, fullSha, thumbSha, meta };
}

/** Byte-for-byte equality (vitest's deep equality walks a 3 MB array element by element: far too slow). */
export const same = (a: Uint8Array | ArrayBuffer | undefined, b: Uint8Array): boolean =>
  a !== undefined && Buffer.from(a instanceof ArrayBuffer ? new Uint8Array(a) : a).equals(Buffer.from(b));

export async function onServer(sha: string): Promise<Uint8Array | undefined> {
  const res = await fetch(`${baseUrl}/api/photos/${sha}`, { headers: { [PERSON_ID_HEADER]: PEOPLE.manager.id } });
  return res.status === 200 ? new Uint8Array(await res.arrayBuffer()) : undefined;
}
