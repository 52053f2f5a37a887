import { useCallback, useEffect, useState } from 'react';

export interface StorageStatus {
  /** null: this browser has no StorageManager.persist(). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/**
 * Asks the browser to make this origin's storage persistent (so a full disk never evicts a
 * shift of unsynced work) and reads the answer and the current estimate.
 */
async function requestPersistence(): Promise<StorageStatus> {
  const manager = globalThis.navigator?.storage;
  let persisted: boolean | null = null;
  if (manager?.persist) {
    persisted = (await manager.persisted()) || (await manager.persist());
  }
  const estimate = manager?.estimate ? await manager.estimate() : undefined;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function useStorageStatus(): { status: StorageStatus | null; request: () => Promise<void> } {
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let live = true;
    void requestPersistence().then((next) => live && setStatus(next));
    return () => {
      live = false;
    };
  }, []);

  const request = useCallback(async () => setStatus(await requestPersistence()), []);
  return { status, request };
}
