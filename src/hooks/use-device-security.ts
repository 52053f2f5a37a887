import { useLive } from '../db/live';
import { getDeviceStatus, getPairing, type DeviceStatus, type Pairing } from '../db/device-auth-repo';
import { getSetting } from '../db/settings-repo';

/** Whether this tablet was removed or lost its pairing; undefined while loading, null when all is well. */
export function useDeviceStatus(): DeviceStatus | null | undefined {
  return useLive<DeviceStatus | null | undefined>(async () => (await getDeviceStatus()) ?? null, [], undefined);
}

/** This tablet's pairing; null when it is not paired, undefined while loading. */
export function usePairing(): Pairing | null | undefined {
  return useLive<Pairing | null | undefined>(async () => (await getPairing()) ?? null, [], undefined);
}

export const IDLE_LOCK_SETTING = 'lock.idleSeconds';
/** Five minutes, unless a manager sets this tablet otherwise (Settings). */
export const DEFAULT_IDLE_SECONDS = 300;

export function useIdleSeconds(): number {
  const value = useLive(() => getSetting<unknown>(IDLE_LOCK_SETTING, DEFAULT_IDLE_SECONDS), [], DEFAULT_IDLE_SECONDS);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : DEFAULT_IDLE_SECONDS;
}
