import type { LoupeDb } from './loupe-db';
import { db as appDb } from './database';

export async function getSetting<T>(key: string, fallback: T, db: LoupeDb = appDb): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(key: string, value: unknown, db: LoupeDb = appDb): Promise<void> {
  await db.settings.put({ key, value });
}
