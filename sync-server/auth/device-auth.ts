// Who is calling. Every API call but health, setup and pairing carries the device token the
// device received at pairing (header x-loupe-device-token; the event stream, which EventSource
// opens without headers, may pass it as ?token=). The server keeps only the token's SHA-256.
// Admin calls also carry a person session (x-loupe-person-token), opened by a PIN the server
// checks (routes/auth.ts). Photo reads name the person working at the tablet (x-loupe-person):
// the tablet checked their PIN offline, so the device vouches for them, exactly as it does for the
// person of each change it pushes; the server checks that this person exists and is active.
import type { Request, RequestHandler, Response } from 'express';
import { DEVICE_TOKEN_HEADER, DeviceToken, Id, PERSON_ID_HEADER, PERSON_TOKEN_HEADER, PersonToken, type Person } from '../../src/protocol/protocol';
import type { Role } from '../../src/domain/vocabulary';
import { importPublicKey } from '../../src/security/evidence-signature';
import { HttpError } from '../http/errors';
import type { DeviceRecord } from '../storage/auth-store';
import type { Storage } from '../storage/storage';
import { sha256Hex } from './secrets';

/** A device's last contact is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;
/** A removed device that keeps calling is audited at most this often (the log must not flood). */
const AUDIT_REVOKED_EVERY_MS = 60_000;

interface AuthLocals {
  device?: DeviceRecord;
  person?: Person;
}

/** The device authenticated for this request (requireDevice ran before). */
export function deviceOf(res: Response): DeviceRecord {
  const device = (res.locals as AuthLocals).device;
  if (!device) throw new Error('requireDevice must run before this handler');
  return device;
}

/** The person whose session this request carries (requirePerson ran before). */
export function personOf(res: Response): Person {
  const person = (res.locals as AuthLocals).person;
  if (!person) throw new Error('requirePerson must run before this handler');
  return person;
}

export const NOT_PAIRED_MESSAGE = 'This device is not paired with the workshop: an admin pairs it from the Devices screen.';
export const REVOKED_MESSAGE = 'This device was removed from the workshop.';

function tokenOf(req: Request, allowQuery: boolean): string | undefined {
  const header = req.get(DEVICE_TOKEN_HEADER);
  if (header !== undefined) return header;
  if (!allowQuery) return undefined;
  const query = req.query.token;
  return typeof query === 'string' ? query : undefined;
}

export interface DeviceAuth {
  /** Refuses the request unless it carries the token of a paired, not revoked, device. */
  requireDevice: RequestHandler;
  /** The same, also accepting ?token= (for GET /api/sync/events only). */
  requireDeviceOrQueryToken: RequestHandler;
  /** The device's public key as a CryptoKey, imported once per device. */
  publicKeyOf(device: DeviceRecord): Promise<CryptoKey>;
  /** Refuses unless the request carries a live person session of this device, for one of `roles`. */
  requirePerson(roles: readonly Role[]): RequestHandler;
  /** Refuses unless the request names (x-loupe-person) an active person: whoever unlocked the tablet. */
  requireUnlockedPerson: RequestHandler;
}

export const UNLOCK_REQUIRED_MESSAGE = 'Unlock the tablet with your PIN first: photos are shown to a person, not to a locked tablet.';

export function deviceAuth(storage: Storage, now: () => Date = () => new Date()): DeviceAuth {
  const keys = new Map<string, Promise<CryptoKey>>();
  const revokedAudited = new Map<string, number>();

  const check = (allowQuery: boolean): RequestHandler => async (req, res, next) => {
    const token = tokenOf(req, allowQuery);
    if (token === undefined || !DeviceToken.safeParse(token).success) throw new HttpError(401, 'device_unpaired', NOT_PAIRED_MESSAGE);
    const device = await storage.auth.deviceByTokenHash(sha256Hex(token));
    if (!device) throw new HttpError(401, 'device_unpaired', NOT_PAIRED_MESSAGE);
    if (device.revokedAt !== null) {
      const at = now().getTime();
      if (at - (revokedAudited.get(device.id) ?? 0) >= AUDIT_REVOKED_EVERY_MS) {
        revokedAudited.set(device.id, at);
        await storage.auth.appendAudit([{ kind: 'revoked_device_refused', deviceId: device.id, detail: { path: req.originalUrl.split('?')[0]!.slice(0, 200) } }]);
      }
      throw new HttpError(403, 'device_revoked', REVOKED_MESSAGE);
    }
    const at = now();
    if (device.lastContactAt === null || at.getTime() - Date.parse(device.lastContactAt) >= TOUCH_EVERY_MS) {
      await storage.auth.touchDevice(device.id, at.toISOString());
    }
    (res.locals as AuthLocals).device = device;
    next();
  };

  return {
    requireDevice: check(false),
    requireDeviceOrQueryToken: check(true),

    publicKeyOf(device) {
      let key = keys.get(device.id);
      if (!key) {
        key = importPublicKey(device.publicKey);
        keys.set(device.id, key);
      }
      return key;
    },

    requirePerson(roles) {
      return async (req, res, next) => {
        const device = deviceOf(res);
        const token = req.get(PERSON_TOKEN_HEADER);
        const required = () => new HttpError(401, 'person_required', 'Confirm your PIN to go on: admin screens need it checked by the server.');
        if (token === undefined || !PersonToken.safeParse(token).success) throw required();
        const session = await storage.auth.personSession(sha256Hex(token));
        if (!session || session.deviceId !== device.id || session.expiresAt <= now().toISOString()) throw required();
        const person = await storage.auth.person(session.personId);
        if (!person || !person.active) throw required();
        if (!roles.includes(person.role)) throw new HttpError(403, 'forbidden', `This needs a ${roles.join(' or ')}.`);
        (res.locals as AuthLocals).person = person;
        next();
      };
    },

    async requireUnlockedPerson(req, res, next) {
      deviceOf(res);
      const claimed = req.get(PERSON_ID_HEADER);
      if (claimed === undefined || !Id.safeParse(claimed).success) throw new HttpError(401, 'person_required', UNLOCK_REQUIRED_MESSAGE);
      const person = await storage.auth.person(claimed);
      if (!person) throw new HttpError(401, 'person_required', UNLOCK_REQUIRED_MESSAGE);
      if (!person.active) throw new HttpError(403, 'forbidden', 'This person was deactivated: ask a manager.');
      (res.locals as AuthLocals).person = person;
      next();
    },
  };
}
