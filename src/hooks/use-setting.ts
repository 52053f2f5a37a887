import { useLive } from '../db/live';
import { getSetting, putSetting } from '../db/settings-repo';

/**
 * A device setting that re-renders when it changes, its setter, and whether it has been read yet:
 * until then the value is the fallback, which a screen that shows the setting must not present as
 * the stored choice (nor seed an input with).
 */
export function useSetting<T>(key: string, fallback: T): [T, (value: T) => Promise<void>, boolean] {
  const stored = useLive<{ value: T } | undefined>(async () => ({ value: await getSetting(key, fallback) }), [key], undefined);
  return [stored === undefined ? fallback : stored.value, (next: T) => putSetting(key, next), stored !== undefined];
}
