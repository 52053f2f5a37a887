// The custody chain: every custody event and QC review the server accepts gets a link, in server
// order, whose hash covers the record's hash and the previous link's hash (like a git history).
// Changing, removing or inserting a record afterwards — even straight in the database — breaks a
// hash or leaves a record without its link, and the device signatures show who recorded what.
// The walk itself (verifyChain) lives with the storage that reads the tables.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/domain/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of a record as stored (signature included). */
export function recordHash(record: Record<string, unknown>): string {
  return sha256(canonicalJson(record));
}

export interface LinkContent {
  position: number;
  entity: string;
  id: string;
  recordHash: string;
  /** The paired device that pushed it; null for records seeded by the server (demo). */
  deviceId: string | null;
  /** Whether the server checked the device's signature when it accepted the record. */
  signed: boolean;
}

export function linkHash(prevHash: string, link: LinkContent): string {
  return sha256(`${prevHash}\n${canonicalJson(link)}`);
}
