// Security for the journeys: pairing a browser as a real tablet pairs (a code the admin would
// make, typed on /pair), PINs for seeded people, and a paired observer for the test's own calls.
import type { Page } from 'playwright-core';
import type { DeviceKind, Person } from '../../../src/protocol/protocol';
import { hashPin } from '../../../src/security/pin-hash';
import { createPairingCode } from '../../../sync-server/auth/pairing';
import { createSqliteStorage } from '../../../sync-server/storage/sqlite-storage';
import type { Storage } from '../../../sync-server/storage/storage';
import { DEMO_PINS } from '../../../sync-server/demo/seed-demo';
import { pairDevice } from '../../server/auth-fixtures';
import type { LoupeServer } from './server';

/** The server's own storage, opened beside it (SQLite in WAL mode takes a second connection). */
export async function withServerStorage<T>(server: LoupeServer, use: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = createSqliteStorage({ dataDir: server.dataDir });
  try {
    await storage.migrate();
    return await use(storage);
  } finally {
    await storage.close();
  }
}

/** A pairing code, as the admin's Devices screen would make it. */
export async function pairingCode(server: LoupeServer, kind: DeviceKind = 'manager', name = `Test ${kind}`): Promise<string> {
  const code = await withServerStorage(server, (storage) => createPairingCode(storage, { name, kind, createdBy: null }));
  if (code === 'prefix_taken') throw new Error('no prefix left');
  return code.code;
}

/** Pairs the page's browser: the code typed on /pair; resolves back on the bench home. */
export async function pairTablet(page: Page, server: LoupeServer, kind: DeviceKind = 'manager', name?: string): Promise<void> {
  const code = await pairingCode(server, kind, name);
  await page.goto(`${server.url}/pair`);
  await page.getByLabel('Pairing code').fill(`${code.slice(0, 4)}-${code.slice(4)}`);
  await page.getByRole('button', { name: 'Pair', exact: true }).click();
  await page.waitForURL(`${server.url}/`, { timeout: 20_000 });
}

/** The PIN of a demo person (README) or of a person a test seeded with `withPin`. */
export const KNOWN_PINS: Record<string, string> = { ...DEMO_PINS };

/** A seeded person with a PIN hash, as the server would have sent it to a paired tablet. */
export async function withPin<P extends Person>(person: P, pin: string): Promise<P> {
  KNOWN_PINS[person.name] = pin;
  return { ...person, pinHash: await hashPin(pin, { iterations: 100_000 }) };
}

const observers = new WeakMap<LoupeServer, Promise<Record<string, string>>>();

/** Headers of a paired device for the test's own API calls (pull, photo HEADs). */
export function observerHeaders(server: LoupeServer): Promise<Record<string, string>> {
  let headers = observers.get(server);
  if (!headers) {
    headers = withServerStorage(server, async (storage) => (await pairDevice(storage, { kind: 'manager', name: 'Test observer' })).headers);
    observers.set(server, headers);
  }
  return headers;
}

/** This tablet's idle lock, in seconds (the Settings screen offers minutes; a test cannot wait that long). */
export async function setIdleSeconds(page: Page, seconds: number): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'lock.idleSeconds', value });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    seconds,
  );
}
