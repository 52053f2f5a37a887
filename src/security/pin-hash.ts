// PIN hashes: PBKDF2-HMAC-SHA256 with a per-person random salt (docs/DECISIONS.md, "PINs").
// The server makes them when an admin sets a PIN; paired tablets receive them with the person
// record and check a PIN offline. A 4–6 digit PIN cannot resist an offline search of its hash,
// whatever the iteration count: what protects the hashes is that only paired devices get them,
// and what protects a PIN at the tablet is the lockout (src/domain/lockout.ts).
import { PIN_MIN_ITERATIONS, PIN_PATTERN } from '../protocol/constants';
import type { PinHash } from '../protocol/protocol';
import { equalBytes, fromBase64Url, toBase64Url, utf8 } from './base64url';

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is higher; this keeps an iPad unlock well under a second. */
export const PIN_HASH_ITERATIONS = 210_000;

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export function isPin(text: string): boolean {
  return PIN_PATTERN.test(text);
}

export async function hashPin(pin: string, options: { iterations?: number; salt?: Uint8Array<ArrayBuffer> } = {}): Promise<PinHash> {
  if (!isPin(pin)) throw new RangeError('A PIN is 4 to 6 digits.');
  const iterations = Math.max(options.iterations ?? PIN_HASH_ITERATIONS, PIN_MIN_ITERATIONS);
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
  return { alg: 'PBKDF2-SHA256', iterations, salt: toBase64Url(salt), hash: toBase64Url(await derive(pin, salt, iterations)) };
}

/** True when `pin` hashes to `stored`. A malformed hash or PIN is simply false. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isPin(pin) || stored.alg !== 'PBKDF2-SHA256' || stored.iterations < PIN_MIN_ITERATIONS) return false;
  try {
    const expected = fromBase64Url(stored.hash);
    return equalBytes(await derive(pin, fromBase64Url(stored.salt), stored.iterations), expected);
  } catch {
    return false;
  }
}
