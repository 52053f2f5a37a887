import type { Location } from '../protocol/protocol';
import { useSetting } from './use-setting';

export const LOCATION_SETTING = 'device.location';
export const DEFAULT_LOCATION: Location = { kind: 'bench', label: '1' };

/** Where this tablet sits in the workshop; every scan records it as the piece's whereabouts. */
export function useDeviceLocation(): [Location, (location: Location) => Promise<void>, boolean] {
  return useSetting<Location>(LOCATION_SETTING, DEFAULT_LOCATION);
}
