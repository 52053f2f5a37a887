// Secrets the server hands out: device tokens, person session tokens, pairing codes and the setup
// token. Each is random (crypto.randomBytes) and only its SHA-256 is stored. A plain hash is
// enough for secrets with 256 bits of entropy (no dictionary to search); a pairing code has 40
// bits but lives ten minutes, is single use, and its endpoint is rate limited
// (docs/DECISIONS.md, "Tokens").
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { PAIRING_CODE_ALPHABET } from '../../src/protocol/protocol';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `<prefix>_` and 32 random bytes, base64url: lpd_ (device), lps_ (person session), lsu_ (setup). */
export function newToken(prefix: 'lpd' | 'lps' | 'lsu'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** What a person types: any case, spaces and dashes ("ab7k-2mqx") become the code ("AB7K2MQX"). */
export function normalisePairingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
