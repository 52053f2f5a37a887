import { useLive } from '../db/live';
import { getSetting, putSetting } from '../db/settings-repo';

/** A device setting that re-renders when it changes, and its setter. */
export function useSetting<T>(key: string, fallback: T): [T, (value: T) => Promise<void>] {
  const value = useLive(() => getSetting(key, fallback), [key], fallback);
  return [value, (next: T) => putSetting(key, next)];
}
