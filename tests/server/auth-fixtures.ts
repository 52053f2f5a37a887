// Paired devices and person sessions for server tests, made straight through storage (as an admin
// pairing a tablet would), plus signing of the evidence a device pushes.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { DEVICE_TOKEN_HEADER, PERSON_ID_HEADER, PERSON_TOKEN_HEADER, type DeviceKind, type PushRequest } from '../../src/protocol/protocol';
import { exportPublicKey, generateDeviceKeys, signEvidence } from '../../src/security/evidence-signature';
import { newDeviceId } from '../../sync-server/auth/pairing';
import { newToken, sha256Hex } from '../../sync-server/auth/secrets';
import type { Storage } from '../../sync-server/storage/storage';
import { FakeDevice } from './sync-fixtures';

/** A device paired with the server under test: its token, its keys, and a FakeDevice's outbox numbering. */
export class PairedDevice extends FakeDevice {
  constructor(
    deviceId: string,
    readonly token: string,
    readonly keys: CryptoKeyPair,
    readonly kind: DeviceKind,
  ) {
    super(deviceId);
  }

  get headers(): Record<string, string> {
    return { [DEVICE_TOKEN_HEADER]: this.token };
  }

  /** Signs every custody event and QC review in the batch with this device's key, as the app does. */
  async sign(request: PushRequest): Promise<PushRequest> {
    return signBatch(request, this.keys.privateKey, this.deviceId);
  }
}

export async function signBatch(request: PushRequest, key: CryptoKey, deviceId: string): Promise<PushRequest> {
  const mutations = await Promise.all(
    request.mutations.map(async (m) => {
      if (m.entity === 'custodyEvent' && m.op === 'put' && typeof m.patch.id === 'string') {
        return { ...m, patch: { ...m.patch, signature: await signEvidence('custodyEvent', m.patch, key, deviceId) } };
      }
      const review = (m.patch as { review?: Record<string, unknown> }).review;
      if (m.op === 'move' && review) {
        return { ...m, patch: { ...m.patch, review: { ...review, signature: await signEvidence('qcReview', review, key, deviceId) } } };
      }
      return m;
    }),
  );
  return { ...request, mutations };
}

/** Pairs a device directly through storage: a pairing code made and redeemed at once. */
export async function pairDevice(storage: Storage, options: { id?: string; kind?: DeviceKind; name?: string; prefix?: string } = {}): Promise<PairedDevice> {
  const kind = options.kind ?? 'manager';
  const keys = await generateDeviceKeys();
  const token = newToken('lpd');
  const codeHash = sha256Hex(randomBytes(16).toString('hex'));
  const now = new Date();
  const created = await storage.auth.createPairingCode({ codeHash, name: options.name ?? `Test ${kind}`, kind, prefix: options.prefix, createdBy: null, now: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString() });
  if (created === 'prefix_taken') throw new Error(`prefix ${options.prefix} taken`);
  const device = await storage.auth.redeemPairingCode({ codeHash, now: now.toISOString(), device: { id: options.id ?? newDeviceId(), tokenHash: sha256Hex(token), publicKey: await exportPublicKey(keys.publicKey) } });
  if (!device) throw new Error('pairing failed');
  return new PairedDevice(device.id, token, keys, kind);
}

/** A person session for admin calls, opened straight in storage (the PIN check is tested on its own). */
export async function openSession(storage: Storage, device: PairedDevice, personId: string): Promise<Record<string, string>> {
  const token = newToken('lps');
  const now = new Date();
  await storage.auth.openPersonSession({ tokenHash: sha256Hex(token), personId, deviceId: device.deviceId, now: now.toISOString(), expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString() });
  return { ...device.headers, [PERSON_TOKEN_HEADER]: token };
}

/**
 * The app behind a front that adds this device's token to every request that has none (supertest),
 * and, when given, the person unlocked on it (photo reads need one).
 */
export function asDevice(app: express.Express, device: PairedDevice, personId?: string): express.Express {
  const front = express();
  front.disable('x-powered-by');
  front.use((req, _res, next) => {
    req.headers[DEVICE_TOKEN_HEADER] ??= device.token;
    if (personId !== undefined) req.headers[PERSON_ID_HEADER] ??= personId;
    next();
  });
  front.use(app);
  return front;
}
