// Joining the workshop: first-start setup (the first admin's device) and pairing with a code.
// Either way the device makes its signing key pair here — the private half non-extractable — sends
// the public half, and keeps what the server answers (src/db/device-auth-repo.ts).
import { PairResponse, SetupResponse, SetupStatusResponse } from '../protocol/protocol';
import { exportPublicKey, generateDeviceKeys } from '../security/evidence-signature';
import { savePairing, type Pairing } from '../db/device-auth-repo';
import type { LoupeDb } from '../db/loupe-db';
import { db as appDb } from '../db/database';
import { apiCall } from './http';

export interface PairOptions {
  db?: LoupeDb;
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** "ab7k 2mqx", "AB7K-2MQX" → "AB7K2MQX". */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export async function pairThisDevice(code: string, options: PairOptions = {}): Promise<Pairing> {
  const db = options.db ?? appDb;
  const keys = await generateDeviceKeys();
  const response = await apiCall('/api/pair', {
    method: 'POST',
    body: { code: normaliseCode(code), publicKey: await exportPublicKey(keys.publicKey) },
    schema: PairResponse,
    db,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
  });
  return savePairing(response, keys, db);
}

export function getSetupStatus(options: PairOptions = {}): Promise<SetupStatusResponse> {
  return apiCall('/api/setup', { schema: SetupStatusResponse, db: options.db, baseUrl: options.baseUrl, fetch: options.fetch });
}

export interface SetupInput {
  token: string;
  workshopName: string;
  adminName: string;
  pin: string;
  deviceName: string;
}

/** First start: creates the workshop and its first admin, and pairs this device as a manager's. */
export async function setUpWorkshop(input: SetupInput, options: PairOptions = {}): Promise<{ pairing: Pairing; adminId: string }> {
  const db = options.db ?? appDb;
  const keys = await generateDeviceKeys();
  const response = await apiCall('/api/setup', {
    method: 'POST',
    body: {
      token: input.token,
      workshopName: input.workshopName,
      admin: { name: input.adminName, pin: input.pin },
      device: { name: input.deviceName, publicKey: await exportPublicKey(keys.publicKey) },
    },
    schema: SetupResponse,
    db,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
  });
  return { pairing: await savePairing(response, keys, db), adminId: response.adminId };
}
