// The WebCrypto pieces the tablets and the server share: PIN hashes and evidence signatures.
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CustodyEvent } from '../../src/protocol/protocol';
import { fromBase64Url, toBase64Url } from '../../src/security/base64url';
import { evidenceMessage, exportPublicKey, generateDeviceKeys, importPublicKey, signEvidence, verifyEvidence } from '../../src/security/evidence-signature';
import { PIN_HASH_ITERATIONS, hashPin, isPin, verifyPin } from '../../src/security/pin-hash';
import { custodyEvent } from './sync-fixtures';

describe('PIN hashes (PBKDF2-HMAC-SHA256, per-person salt)', () => {
  it.each([
    ['1234', true],
    ['123456', true],
    ['123', false],
    ['1234567', false],
    ['12a4', false],
    ['١٢٣٤', false],
    [' 1234', false],
  ])('isPin(%j) is %s', (pin, ok) => {
    expect(isPin(pin)).toBe(ok);
  });

  it('verifies the right PIN only, with at least 100,000 iterations and a fresh salt each time', async () => {
    const a = await hashPin('4829');
    const b = await hashPin('4829');
    expect(a.iterations).toBe(PIN_HASH_ITERATIONS);
    expect(a.iterations).toBeGreaterThanOrEqual(100_000);
    expect(fromBase64Url(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('4829', a)).toBe(true);
    expect(await verifyPin('4828', a)).toBe(false);
    expect(await verifyPin('48290', a)).toBe(false);
    expect(await verifyPin('4829', { ...a, iterations: 99_999 })).toBe(false);
    expect(await verifyPin('4829', { ...a, hash: '!!!' })).toBe(false);
    await expect(hashPin('12')).rejects.toThrow(/4 to 6 digits/);
  });

  it('is the same PBKDF2 as Node’s, so the server and every browser agree', async () => {
    const salt = new Uint8Array(16).map((_, i) => i * 7);
    const ours = await hashPin('907153', { salt, iterations: 100_000 });
    const node = pbkdf2Sync('907153', Buffer.from(salt), 100_000, 32, 'sha256');
    expect(ours.hash).toBe(toBase64Url(node));
  });
});

describe('evidence signatures (ECDSA P-256, non-extractable device keys)', () => {
  it('the private key cannot be read out; the public one travels as a JWK', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
    const jwk = await exportPublicKey(keys.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });

  it('a signature checks out after the record travelled as JSON (key order does not matter); any change breaks it', async () => {
    const keys = await generateDeviceKeys();
    const key = await importPublicKey(await exportPublicKey(keys.publicKey));
    const event = custodyEvent('01900000-0000-7000-8000-0000000000aa', 'jeweler') as Record<string, unknown>;
    const signed = { ...event, signature: await signEvidence('custodyEvent', event, keys.privateKey, 'dev-a-000001') };
    const travelled = CustodyEvent.parse(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse()))));
    expect(await verifyEvidence('custodyEvent', travelled, key)).toBe(true);
    expect(await verifyEvidence('qcReview', travelled, key)).toBe(false);
    expect(await verifyEvidence('custodyEvent', { ...travelled, action: 'release' }, key)).toBe(false);
    expect(await verifyEvidence('custodyEvent', { ...travelled, signature: { ...signed.signature, sig: 'A'.repeat(86) } }, key)).toBe(false);
    expect(await verifyEvidence('custodyEvent', { ...travelled, signature: undefined }, key)).toBe(false);
    const stranger = await importPublicKey(await exportPublicKey((await generateDeviceKeys()).publicKey));
    expect(await verifyEvidence('custodyEvent', travelled, stranger)).toBe(false);
  });

  it('signs the record without its signature, prefixed by a domain and the entity', () => {
    const text = new TextDecoder().decode(evidenceMessage('custodyEvent', { b: 1, a: 2, signature: { sig: 'x' } }));
    expect(text).toBe('loupe-evidence-v1\ncustodyEvent\n{"a":2,"b":1}');
  });
});
