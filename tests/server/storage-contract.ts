// The contract every Storage implementation passes (run by sqlite-storage.test.ts and
// postgres-storage.test.ts). Rules are numbered so a failure names the promise that broke.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { META_KEYS, type Storage } from '../../sync-server/storage/storage';
import { LATEST_MIGRATION } from '../../sync-server/storage/migrations';
import { securityContract } from './security-contract';
import { syncPullContract } from './sync-pull-contract';
import { syncPushContract } from './sync-push-contract';

export interface StorageHarness {
  /** Prepares an empty database (a temp dir, a fresh schema). */
  setUp(): Promise<void>;
  /** Opens a storage on that database; may be called again to reopen it. */
  open(): Promise<Storage>;
  /** Removes the database. */
  tearDown(): Promise<void>;
}

export function storageContractSuite(kind: Storage['kind'], harness: StorageHarness): void {
  describe(`Storage contract (${kind})`, () => {
    const opened: Storage[] = [];
    const open = async () => {
      const storage = await harness.open();
      opened.push(storage);
      return storage;
    };

    beforeEach(() => harness.setUp());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
      await harness.tearDown();
    });

    it(`[S1] reports kind ${kind} and answers ping`, async () => {
      const storage = await open();
      expect(storage.kind).toBe(kind);
      await expect(storage.ping()).resolves.toBeUndefined();
    });

    it('[S2] migrate() twice is idempotent and keeps data', async () => {
      const storage = await open();
      await storage.migrate();
      await storage.setMeta('probe', 'kept');
      await storage.migrate();
      expect(await storage.getMeta('probe')).toBe('kept');
    });

    it('[S3] the first migrate() creates a workshop id that later ones keep', async () => {
      const storage = await open();
      await storage.migrate();
      const id = await storage.getMeta(META_KEYS.workshopId);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await storage.migrate();
      expect(await storage.getMeta(META_KEYS.workshopId)).toBe(id);
    });

    it('[S4] records the schema version', async () => {
      const storage = await open();
      await storage.migrate();
      expect(await storage.getMeta(META_KEYS.schemaVersion)).toBe(LATEST_MIGRATION);
    });

    it('[S5] getMeta of a key never set is undefined', async () => {
      const storage = await open();
      await storage.migrate();
      expect(await storage.getMeta('never-set')).toBeUndefined();
    });

    it('[S6] setMeta inserts, then overwrites', async () => {
      const storage = await open();
      await storage.migrate();
      await storage.setMeta('k', 'one');
      await storage.setMeta('k', 'two');
      expect(await storage.getMeta('k')).toBe('two');
    });

    it('[S7] meta persists across close and reopen', async () => {
      const first = await open();
      await first.migrate();
      await first.setMeta('k', 'durable ✓ «é»');
      const id = await first.getMeta(META_KEYS.workshopId);
      await first.close();
      const second = await open();
      await second.migrate();
      expect(await second.getMeta('k')).toBe('durable ✓ «é»');
      expect(await second.getMeta(META_KEYS.workshopId)).toBe(id);
    });

    it('[S8] close() twice is harmless', async () => {
      const storage = await open();
      await storage.close();
      await expect(storage.close()).resolves.toBeUndefined();
    });

    const openMigrated = async () => {
      const storage = await open();
      await storage.migrate();
      return storage;
    };
    syncPushContract(openMigrated);
    syncPullContract(openMigrated);
    securityContract(openMigrated);
  });
}
