// Pairing and setup, as plain functions: the routes call them, and so do the demo seed and the
// `pairing-code` command (a way back in when no admin device is left).
import { newId } from '../../src/domain/ids';
import type { DeviceKind, PairResponse, PairingCodeResponse, PublicKeyJwk } from '../../src/protocol/protocol';
import { META_KEYS, type Storage } from '../storage/storage';
import type { DeviceRecord } from '../storage/auth-store';
import { newPairingCode, newToken, sha256Hex } from './secrets';

/** How long a pairing code stays usable. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** How long a first-start setup link stays usable; every start while setup is pending prints a new one. */
export const SETUP_TOKEN_TTL_MS = 60 * 60_000;
export const DEFAULT_WORKSHOP_NAME = 'Loupe workshop';

export type PairingCodeOutcome = PairingCodeResponse | 'prefix_taken';

export async function createPairingCode(
  storage: Storage,
  input: { name: string; kind: DeviceKind; prefix?: string; createdBy: string | null },
  now: Date = new Date(),
): Promise<PairingCodeOutcome> {
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  const outcome = await storage.auth.createPairingCode({ codeHash: sha256Hex(code), name: input.name, kind: input.kind, prefix: input.prefix, createdBy: input.createdBy, now: now.toISOString(), expiresAt });
  if (outcome === 'prefix_taken') return outcome;
  return { code, expiresAt, name: input.name, kind: input.kind, prefix: outcome.prefix };
}

/** A new device id: made by the server, so no device can pick (or take over) another's. */
export function newDeviceId(): string {
  return `dev-${newId()}`;
}

export async function workshopIdentity(storage: Storage): Promise<{ workshopId: string; workshopName: string }> {
  const workshopId = (await storage.getMeta(META_KEYS.workshopId)) ?? '';
  const { workshopName } = await storage.auth.setupStatus();
  return { workshopId, workshopName: workshopName ?? DEFAULT_WORKSHOP_NAME };
}

export async function pairResponse(storage: Storage, device: DeviceRecord, token: string): Promise<PairResponse> {
  return { deviceId: device.id, token, name: device.name, kind: device.kind, prefix: device.prefix, ...(await workshopIdentity(storage)) };
}

/** Redeems a code: undefined when it is unknown, used or expired. */
export async function redeemPairingCode(storage: Storage, code: string, publicKey: PublicKeyJwk, now: Date = new Date()): Promise<PairResponse | undefined> {
  const token = newToken('lpd');
  const device = await storage.auth.redeemPairingCode({ codeHash: sha256Hex(code), now: now.toISOString(), device: { id: newDeviceId(), tokenHash: sha256Hex(token), publicKey } });
  return device ? pairResponse(storage, device, token) : undefined;
}

/**
 * First start: while no workshop is set up, every start stores a new setup token (hashed) and
 * returns the link to print. Undefined once setup is done.
 */
export async function offerSetupLink(storage: Storage, baseUrl: string, now: Date = new Date()): Promise<{ url: string; expiresAt: string } | undefined> {
  if ((await storage.auth.setupStatus()).done) return undefined;
  const token = newToken('lsu');
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS).toISOString();
  if (!(await storage.auth.offerSetup(sha256Hex(token), expiresAt))) return undefined;
  return { url: `${baseUrl}/setup?token=${token}`, expiresAt };
}
