import { useLive } from '../db/live';
import { getSetting, putSetting } from '../db/settings-repo';

export const CAMERA_SETTING = 'scan.cameraId';

/**
 * The camera chosen on this device for scanning: null for none chosen (the back camera), and
 * undefined while it loads, so the scanner does not open one camera and then another.
 */
export function useCameraChoice(): [string | null | undefined, (cameraId: string) => Promise<void>] {
  const value = useLive<string | null | undefined>(() => getSetting<string | null>(CAMERA_SETTING, null), [], undefined);
  return [value, (cameraId) => putSetting(CAMERA_SETTING, cameraId)];
}
