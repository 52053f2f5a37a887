// Writing and walking the custody chain (../custody/chain.ts says why it exists).
import type { Entity } from '../../src/protocol/protocol';
import type { ChainProblem, ChainReport, PublicKeyJwk } from '../../src/protocol/protocol';
import { importPublicKey, isEvidenceEntity, verifyEvidence, type EvidenceEntity } from '../../src/security/evidence-signature';
import { GENESIS_HASH, linkHash, recordHash } from '../custody/chain';
import type { Db, Fields } from './sync-records';

export interface ChainEntry {
  entity: Entity;
  id: string;
  record: Fields;
  deviceId: string | null;
  signed: boolean;
}

const CHAIN_ROWS_PER_STATEMENT = 500;

/** Links records at the end of the chain. Call inside a writing transaction (after takeWriteLock). */
export async function appendToChain(trx: Db, entries: ChainEntry[]): Promise<void> {
  const evidence = entries.filter((entry) => isEvidenceEntity(entry.entity));
  if (evidence.length === 0) return;
  const last = await trx.selectFrom('custody_chain').select(['position', 'hash']).orderBy('position', 'desc').limit(1).executeTakeFirst();
  let position = last ? Number(last.position) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = evidence.map((entry) => {
    position += 1;
    const content = { position, entity: entry.entity, id: entry.id, recordHash: recordHash(entry.record), deviceId: entry.deviceId, signed: entry.signed };
    const hash = linkHash(prevHash, content);
    const row = { position, entity: entry.entity, record_id: entry.id, record_hash: content.recordHash, device_id: entry.deviceId, signed: entry.signed ? 1 : 0, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Several rows per statement (a push links all its evidence at once): 8 parameters a row stays
  // far below SQLite's and PostgreSQL's limits.
  for (let start = 0; start < rows.length; start += CHAIN_ROWS_PER_STATEMENT) {
    await trx.insertInto('custody_chain').values(rows.slice(start, start + CHAIN_ROWS_PER_STATEMENT)).execute();
  }
}

const short = (id: string) => id.slice(0, 13);
const label = (entity: string) => (entity === 'qcReview' ? 'QC review' : 'custody event');

/**
 * Walks the whole chain and names every problem: a link missing or changed, a record changed or
 * deleted since it was linked, a signature that does not check out, a record with no link.
 */
export async function verifyChain(db: Db, now: () => Date = () => new Date()): Promise<ChainReport> {
  const links = await db.selectFrom('custody_chain').selectAll().orderBy('position').execute();
  const rows = await db.selectFrom('records').select(['entity', 'id', 'data']).where('entity', 'in', ['custodyEvent', 'qcReview']).execute();
  const deviceRows = await db.selectFrom('paired_devices').select(['id', 'public_key']).execute();

  const records = new Map(rows.map((row) => [`${row.entity}:${row.id}`, JSON.parse(row.data) as Fields]));
  const keys = new Map<string, Promise<CryptoKey | undefined>>();
  const keyOf = (deviceId: string) => {
    if (!keys.has(deviceId)) {
      const row = deviceRows.find((d) => d.id === deviceId);
      keys.set(deviceId, row ? importPublicKey(JSON.parse(row.public_key) as PublicKeyJwk).catch(() => undefined) : Promise.resolve(undefined));
    }
    return keys.get(deviceId)!;
  };

  const problems: ChainProblem[] = [];
  const linked = new Set<string>();
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let signedOk = 0;
  for (const link of links) {
    const position = Number(link.position);
    const entity = link.entity as EvidenceEntity;
    const id = link.record_id;
    linked.add(`${entity}:${id}`);
    if (position !== expected) {
      const missing = position - expected === 1 ? `link ${expected} is missing` : `links ${expected} to ${position - 1} are missing`;
      problems.push({ kind: 'removed', position: expected, message: `The chain was cut: ${missing} (custody records were removed).` });
    } else if (link.prev_hash !== prevHash) {
      problems.push({ kind: 'altered', position, entity, id, message: `Link ${position} does not follow link ${position - 1}: the chain was changed before it.` });
    }
    const content = { position, entity, id, recordHash: link.record_hash, deviceId: link.device_id, signed: link.signed === 1 };
    if (linkHash(link.prev_hash, content) !== link.hash) {
      problems.push({ kind: 'altered', position, entity, id, message: `Link ${position} (${label(entity)} ${short(id)}) was changed after it was written.` });
    }
    const record = records.get(`${entity}:${id}`);
    if (!record) {
      problems.push({ kind: 'removed', position, entity, id, message: `The ${label(entity)} ${short(id)} (link ${position}) was removed.` });
    } else if (recordHash(record) !== link.record_hash) {
      problems.push({ kind: 'altered', position, entity, id, message: `The ${label(entity)} ${short(id)} (link ${position}) was altered after the server accepted it.` });
    } else if (content.signed) {
      const signer = (record.signature as { deviceId?: unknown } | undefined)?.deviceId;
      const key = typeof signer === 'string' && signer === link.device_id ? await keyOf(signer) : undefined;
      if (key && (await verifyEvidence(entity, record, key))) signedOk += 1;
      else problems.push({ kind: 'forged', position, entity, id, message: `The ${label(entity)} ${short(id)} (link ${position}) does not carry a good signature of device ${link.device_id ?? '?'}: forged.` });
    }
    prevHash = link.hash;
    expected = position + 1;
  }
  for (const [key, record] of records) {
    if (linked.has(key)) continue;
    const [entity, id] = [key.slice(0, key.indexOf(':')), String(record.id ?? key.slice(key.indexOf(':') + 1))];
    problems.push({ kind: 'unchained', entity: entity as EvidenceEntity, id, message: `The ${label(entity)} ${short(id)} has no link in the chain: it was written outside the server (forged).` });
  }
  return { ok: problems.length === 0, links: links.length, signed: signedOk, head: links.length > 0 ? prevHash : null, problems, checkedAt: now().toISOString() };
}
