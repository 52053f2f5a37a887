// Picks the notifier that matches the storage: through PostgreSQL when several instances may
// share the database, in-process otherwise (one SQLite server is one process).
import type { Logger } from '../logger';
import { META_KEYS, type Storage } from '../storage/storage';
import { createLocalNotifier, type Notifier } from './notifier';
import { createPostgresNotifier } from './postgres-notifier';

export async function openNotifier(options: { databaseUrl?: string; storage: Storage; logger?: Logger }): Promise<Notifier> {
  const { databaseUrl, storage, logger } = options;
  if (!databaseUrl) return createLocalNotifier();
  const workshopId = await storage.getMeta(META_KEYS.workshopId);
  if (!workshopId) throw new Error('No workshop id: run migrations before opening the notifier.');
  return createPostgresNotifier({ connectionString: databaseUrl, workshopId, logger, currentSeq: () => storage.currentSeq() });
}
