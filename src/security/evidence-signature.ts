// Device signatures over custody events and QC reviews: the workshop's evidence that a piece's
// history is the one its devices recorded. Each device makes an ECDSA P-256 key pair at pairing;
// the private half is a non-extractable CryptoKey kept in IndexedDB (no script can read it out,
// not even ours), the public half goes to the server as a JWK. A signature covers a fixed prefix,
// the entity and the canonical JSON of the record without its signature.
import { canonicalJson } from '../domain/canonical-json';
import type { EvidenceSignature, PublicKeyJwk } from '../protocol/protocol';
import { fromBase64Url, toBase64Url, utf8 } from './base64url';

export const EVIDENCE_ENTITIES = ['custodyEvent', 'qcReview'] as const;
export type EvidenceEntity = (typeof EVIDENCE_ENTITIES)[number];

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function isEvidenceEntity(entity: string): entity is EvidenceEntity {
  return (EVIDENCE_ENTITIES as readonly string[]).includes(entity);
}

/** The bytes a signature covers. */
export function evidenceMessage(entity: EvidenceEntity, record: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...unsigned } = record;
  return utf8(`loupe-evidence-v1\n${entity}\n${canonicalJson(unsigned)}`);
}

/** A new device key pair; the private key can sign but can never be exported. */
export async function generateDeviceKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<PublicKeyJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: String(jwk.x), y: String(jwk.y) };
}

export async function signEvidence(entity: EvidenceEntity, record: Record<string, unknown>, privateKey: CryptoKey, deviceId: string): Promise<EvidenceSignature> {
  const sig = await crypto.subtle.sign(SIGN, privateKey, evidenceMessage(entity, record));
  return { alg: 'ES256', deviceId, sig: toBase64Url(sig) };
}

export async function importPublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, ECDSA, false, ['verify']);
}

/** Whether `record.signature` is a good signature of the record by `key`. Anything malformed is false. */
export async function verifyEvidence(entity: EvidenceEntity, record: Record<string, unknown>, key: CryptoKey): Promise<boolean> {
  const signature = record.signature as Partial<EvidenceSignature> | undefined;
  if (signature?.alg !== 'ES256' || typeof signature.sig !== 'string') return false;
  try {
    const sig = fromBase64Url(signature.sig);
    if (sig.length !== 64) return false;
    return await crypto.subtle.verify(SIGN, key, sig, evidenceMessage(entity, record));
  } catch {
    return false;
  }
}
