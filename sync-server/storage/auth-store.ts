// The security side of storage (one object on Storage, `storage.auth`): setup, paired devices,
// pairing codes, person sessions, the server's PIN lockouts, people written by the admin screens,
// and the audit log. Tokens and codes arrive here already hashed; nothing here sees a secret.
import { newId } from '../../src/domain/ids';
import { UNLOCKED, parseLockoutState, type LockoutState } from '../../src/domain/lockout';
import {
  Person,
  type AuditEntry,
  type AuditKind,
  type ChainReport,
  type DeviceKind,
  type PublicKeyJwk,
} from '../../src/protocol/protocol';
import type { Db } from './sync-records';
import { readRecord, takeWriteLock, writeRecord } from './sync-records';
import { verifyChain } from './custody-chain';

export const SETUP_META = {
  tokenHash: 'setup_token_hash',
  tokenExpiresAt: 'setup_token_expires_at',
  doneAt: 'setup_done_at',
  workshopName: 'workshop_name',
} as const;

export interface DeviceRecord {
  id: string;
  name: string;
  kind: DeviceKind;
  prefix: string;
  publicKey: PublicKeyJwk;
  pairedAt: string;
  pairedBy: string | null;
  lastContactAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface NewDevice {
  id: string;
  name: string;
  kind: DeviceKind;
  prefix: string;
  tokenHash: string;
  publicKey: PublicKeyJwk;
  pairedBy: string | null;
}

export interface NewAuditEntry {
  kind: AuditKind;
  deviceId?: string | null;
  personId?: string | null;
  detail?: AuditEntry['detail'];
}

export type SetupOutcome = 'ok' | 'unknown' | 'expired' | 'done';

export interface AuthStore {
  setupStatus(): Promise<{ done: boolean; workshopName?: string }>;
  /** Stores a new setup token (hashed), replacing any earlier one; false once setup is done. */
  offerSetup(tokenHash: string, expiresAt: string): Promise<boolean>;
  /** Checks the token and, in one transaction, writes the first admin and pairs the device. */
  completeSetup(input: { tokenHash: string; now: string; workshopName: string; admin: Person; device: Omit<NewDevice, 'pairedBy'> }): Promise<SetupOutcome>;
  /** A pending code for a device the admin described; without a prefix, the next free one. */
  createPairingCode(input: { codeHash: string; name: string; kind: DeviceKind; prefix?: string; createdBy: string | null; now: string; expiresAt: string }): Promise<{ prefix: string } | 'prefix_taken'>;
  /** Uses a code once, pairing the device it describes; undefined when unknown, used or expired. */
  redeemPairingCode(input: { codeHash: string; now: string; device: { id: string; tokenHash: string; publicKey: PublicKeyJwk } }): Promise<DeviceRecord | undefined>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | undefined>;
  device(id: string): Promise<DeviceRecord | undefined>;
  listDevices(): Promise<DeviceRecord[]>;
  revokeDevice(id: string, by: string | null, now: string): Promise<DeviceRecord | undefined>;
  /** Records the device's last contact (callers throttle). */
  touchDevice(id: string, now: string): Promise<void>;
  openPersonSession(input: { tokenHash: string; personId: string; deviceId: string; now: string; expiresAt: string }): Promise<void>;
  personSession(tokenHash: string): Promise<{ personId: string; deviceId: string; expiresAt: string } | undefined>;
  endPersonSessions(personId: string): Promise<void>;
  pinLockout(personId: string): Promise<LockoutState>;
  setPinLockout(personId: string, state: LockoutState): Promise<void>;
  person(id: string): Promise<Person | undefined>;
  people(): Promise<Person[]>;
  /** Writes a person record under a new seq (devices pull it); returns that seq. */
  putPerson(person: Person): Promise<number>;
  appendAudit(entries: NewAuditEntry[], now?: string): Promise<void>;
  /** A device's own reports, each kept once under its id (a retried batch adds nothing). */
  recordReports(deviceId: string, reports: Array<NewAuditEntry & { id: string }>, now?: string): Promise<void>;
  /** Newest first; `before` is an entry id. */
  listAudit(query: { before?: string; limit: number }): Promise<{ entries: AuditEntry[]; hasMore: boolean }>;
  verifyChain(): Promise<ChainReport>;
}

interface DeviceRow {
  id: string;
  name: string;
  kind: string;
  prefix: string;
  public_key: string;
  paired_at: string;
  paired_by: string | null;
  last_contact_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

const DEVICE_COLUMNS = ['id', 'name', 'kind', 'prefix', 'public_key', 'paired_at', 'paired_by', 'last_contact_at', 'revoked_at', 'revoked_by'] as const;

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as DeviceKind,
    prefix: row.prefix,
    publicKey: JSON.parse(row.public_key) as PublicKeyJwk,
    pairedAt: row.paired_at,
    pairedBy: row.paired_by,
    lastContactAt: row.last_contact_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

/** Auto prefixes: B (bench), F (front office), M (manager) and a number; never one used before. */
const PREFIX_LETTER: Record<DeviceKind, string> = { bench: 'B', front_office: 'F', manager: 'M' };

async function prefixesTaken(trx: Db, now: string): Promise<Set<string>> {
  const paired = await trx.selectFrom('paired_devices').select('prefix').execute();
  const pending = await trx.selectFrom('pairing_codes').select('prefix').where('used_at', 'is', null).where('expires_at', '>', now).execute();
  return new Set([...paired, ...pending].map((row) => row.prefix));
}

async function insertDevice(trx: Db, device: NewDevice, now: string): Promise<void> {
  await trx
    .insertInto('paired_devices')
    .values({
      id: device.id,
      name: device.name,
      kind: device.kind,
      prefix: device.prefix,
      token_hash: device.tokenHash,
      public_key: JSON.stringify(device.publicKey),
      paired_at: now,
      paired_by: device.pairedBy,
      last_contact_at: now,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
}

async function getMeta(trx: Db, key: string): Promise<string | undefined> {
  return (await trx.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

async function setMeta(trx: Db, key: string, value: string): Promise<void> {
  await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

function auditRow(entry: NewAuditEntry, at: string) {
  return { id: newId(), at, kind: entry.kind, device_id: entry.deviceId ?? null, person_id: entry.personId ?? null, detail: JSON.stringify(entry.detail ?? {}) };
}

export function authStore(db: Db): AuthStore {
  return {
    async setupStatus() {
      const done = await getMeta(db, SETUP_META.doneAt);
      const workshopName = await getMeta(db, SETUP_META.workshopName);
      return done ? { done: true, workshopName } : { done: false };
    },

    async offerSetup(tokenHash, expiresAt) {
      return db.transaction().execute(async (trx) => {
        await takeWriteLock(trx);
        if (await getMeta(trx, SETUP_META.doneAt)) return false;
        await setMeta(trx, SETUP_META.tokenHash, tokenHash);
        await setMeta(trx, SETUP_META.tokenExpiresAt, expiresAt);
        return true;
      });
    },

    async completeSetup({ tokenHash, now, workshopName, admin, device }) {
      return db.transaction().execute(async (trx): Promise<SetupOutcome> => {
        await takeWriteLock(trx);
        if (await getMeta(trx, SETUP_META.doneAt)) return 'done';
        const stored = await getMeta(trx, SETUP_META.tokenHash);
        if (!stored || stored !== tokenHash) return 'unknown';
        const expiresAt = await getMeta(trx, SETUP_META.tokenExpiresAt);
        if (!expiresAt || expiresAt <= now) return 'expired';
        await writeRecord(trx, 'person', admin.id, Person.parse(admin));
        await insertDevice(trx, { ...device, pairedBy: admin.id }, now);
        await setMeta(trx, SETUP_META.workshopName, workshopName);
        await setMeta(trx, SETUP_META.doneAt, now);
        await trx.deleteFrom('meta').where('key', 'in', [SETUP_META.tokenHash, SETUP_META.tokenExpiresAt]).execute();
        await trx.insertInto('audit').values(auditRow({ kind: 'setup', deviceId: device.id, personId: admin.id, detail: { workshopName, deviceName: device.name } }, now)).execute();
        return 'ok';
      });
    },

    async createPairingCode({ codeHash, name, kind, prefix, createdBy, now, expiresAt }) {
      return db.transaction().execute(async (trx) => {
        await takeWriteLock(trx);
        const taken = await prefixesTaken(trx, now);
        let chosen = prefix;
        if (chosen !== undefined && taken.has(chosen)) return 'prefix_taken' as const;
        for (let n = 1; chosen === undefined; n += 1) {
          const candidate = `${PREFIX_LETTER[kind]}${String(n).padStart(2, '0')}`;
          if (!taken.has(candidate)) chosen = candidate;
        }
        await trx.insertInto('pairing_codes').values({ code_hash: codeHash, name, kind, prefix: chosen, created_by: createdBy, created_at: now, expires_at: expiresAt, used_at: null }).execute();
        return { prefix: chosen };
      });
    },

    async redeemPairingCode({ codeHash, now, device }) {
      return db.transaction().execute(async (trx) => {
        await takeWriteLock(trx);
        const code = await trx.selectFrom('pairing_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
        if (!code || code.used_at !== null || code.expires_at <= now) return undefined;
        await trx.updateTable('pairing_codes').set({ used_at: now }).where('code_hash', '=', codeHash).execute();
        const prefixTaken = await trx.selectFrom('paired_devices').select('id').where('prefix', '=', code.prefix).executeTakeFirst();
        if (prefixTaken) return undefined;
        await insertDevice(trx, { ...device, name: code.name, kind: code.kind as DeviceKind, prefix: code.prefix, pairedBy: code.created_by }, now);
        const row = await trx.selectFrom('paired_devices').select(DEVICE_COLUMNS).where('id', '=', device.id).executeTakeFirstOrThrow();
        return toDevice(row);
      });
    },

    async deviceByTokenHash(tokenHash) {
      const row = await db.selectFrom('paired_devices').select(DEVICE_COLUMNS).where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toDevice(row) : undefined;
    },

    async device(id) {
      const row = await db.selectFrom('paired_devices').select(DEVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toDevice(row) : undefined;
    },

    async listDevices() {
      const rows = await db.selectFrom('paired_devices').select(DEVICE_COLUMNS).orderBy('paired_at').orderBy('id').execute();
      return rows.map(toDevice);
    },

    async revokeDevice(id, by, now) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('paired_devices').select(DEVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
        if (!row) return undefined;
        if (row.revoked_at === null) {
          await trx.updateTable('paired_devices').set({ revoked_at: now, revoked_by: by }).where('id', '=', id).execute();
          await trx.deleteFrom('person_sessions').where('device_id', '=', id).execute();
        }
        return toDevice((await trx.selectFrom('paired_devices').select(DEVICE_COLUMNS).where('id', '=', id).executeTakeFirst())!);
      });
    },

    async touchDevice(id, now) {
      await db.updateTable('paired_devices').set({ last_contact_at: now }).where('id', '=', id).execute();
    },

    async openPersonSession({ tokenHash, personId, deviceId, now, expiresAt }) {
      // Expired sessions go as new ones come: the table stays the size of the sessions alive.
      await db.deleteFrom('person_sessions').where('expires_at', '<=', now).execute();
      await db.insertInto('person_sessions').values({ token_hash: tokenHash, person_id: personId, device_id: deviceId, created_at: now, expires_at: expiresAt }).execute();
    },

    async personSession(tokenHash) {
      const row = await db.selectFrom('person_sessions').select(['person_id', 'device_id', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? { personId: row.person_id, deviceId: row.device_id, expiresAt: row.expires_at } : undefined;
    },

    async endPersonSessions(personId) {
      await db.deleteFrom('person_sessions').where('person_id', '=', personId).execute();
    },

    async pinLockout(personId) {
      const row = await db.selectFrom('pin_failures').selectAll().where('person_id', '=', personId).executeTakeFirst();
      if (!row) return UNLOCKED;
      return parseLockoutState({ failures: row.failures, lockouts: row.lockouts, lockedUntil: row.locked_until === null ? null : Number(row.locked_until) });
    },

    async setPinLockout(personId, state) {
      const values = { failures: state.failures, lockouts: state.lockouts, locked_until: state.lockedUntil };
      await db
        .insertInto('pin_failures')
        .values({ person_id: personId, ...values })
        .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
        .execute();
    },

    async person(id) {
      const record = await readRecord(db, 'person', id);
      return record ? Person.parse(record) : undefined;
    },

    async people() {
      const rows = await db.selectFrom('records').select('data').where('entity', '=', 'person').execute();
      return rows.map((row) => Person.parse(JSON.parse(row.data))).sort((a, b) => a.name.localeCompare(b.name));
    },

    async putPerson(person) {
      const record = Person.parse(person);
      return db.transaction().execute(async (trx) => {
        await takeWriteLock(trx);
        return writeRecord(trx, 'person', record.id, record);
      });
    },

    async appendAudit(entries, now = new Date().toISOString()) {
      if (entries.length === 0) return;
      await db.insertInto('audit').values(entries.map((entry) => auditRow(entry, now))).execute();
    },

    async recordReports(deviceId, reports, now = new Date().toISOString()) {
      if (reports.length === 0) return;
      await db
        .insertInto('audit')
        .values(reports.map((report) => ({ ...auditRow({ ...report, deviceId }, now), id: report.id })))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async listAudit({ before, limit }) {
      let query = db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(limit + 1);
      if (before) query = query.where('id', '<', before);
      const rows = await query.execute();
      const entries = rows.slice(0, limit).map((row) => ({
        id: row.id,
        at: row.at,
        kind: row.kind as AuditKind,
        deviceId: row.device_id,
        personId: row.person_id,
        detail: JSON.parse(row.detail) as AuditEntry['detail'],
      }));
      return { entries, hasMore: rows.length > limit };
    },

    verifyChain: () => verifyChain(db),
  };
}

/** Inside a push transaction: what the server refused, for the audit log. */
export async function auditInTransaction(trx: Db, entries: NewAuditEntry[], now: string): Promise<void> {
  if (entries.length === 0) return;
  await trx.insertInto('audit').values(entries.map((entry) => auditRow(entry, now))).execute();
}
