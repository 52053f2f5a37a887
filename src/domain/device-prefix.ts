// The device prefix of job numbers (NY1-26-000123-K: "NY1"). Pairing with the workshop will
// assign each device its own; until then a device derives one from its id, so two tablets
// almost never share one, and an intake person can set it by hand (a device setting).

const PREFIX = /^[A-Z][A-Z0-9]{1,3}$/;
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Whether `text` can be a job number's device prefix: 2–4 of [A-Z0-9], first a letter. */
export function isDevicePrefix(text: string): boolean {
  return PREFIX.test(text);
}

/** FNV-1a, 32 bits: small, stable across engines, spreads similar ids apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 'D' and two base-36 characters from the device id: the same id always gives the same prefix. */
export function derivePrefix(deviceId: string): string {
  const value = fnv1a(deviceId) % (36 * 36);
  return `D${BASE36[Math.floor(value / 36)]}${BASE36[value % 36]}`;
}
