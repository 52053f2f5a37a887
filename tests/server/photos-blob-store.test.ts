// The filesystem blob store on its own: addressing by hash only, atomic put, idempotent put.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileBlobStore, isSha256Hex, type BlobStore } from '../../sync-server/photos/blob-store';
import { makeTempDir } from './helpers';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let dir: { path: string; remove: () => Promise<void> };
let store: BlobStore;
beforeEach(async () => {
  dir = await makeTempDir('loupe-blobs-');
  store = createFileBlobStore(join(dir.path, 'photos'));
});
afterEach(() => dir.remove());

async function incoming(content: Buffer | string): Promise<string> {
  const path = join(dir.path, `incoming-${randomBytes(4).toString('hex')}`);
  await writeFile(path, content);
  return path;
}

describe('the file blob store', () => {
  it('moves a file into <root>/<sha[0..2]>/<sha[2..4]>/<sha> with its type beside it', async () => {
    const bytes = randomBytes(1234);
    const sha = sha256(bytes);
    const from = await incoming(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.put(sha, from, 'image/png')).toBe('stored');
    expect(existsSync(from)).toBe(false);
    const target = join(dir.path, 'photos', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(await readFile(target)).toEqual(bytes);
    expect(await readFile(`${target}.type`, 'utf8')).toBe('image/png');
    expect(await store.has(sha)).toBe(true);
    expect(await store.size(sha)).toBe(1234);
    expect(await store.stat(sha)).toEqual({ size: 1234, type: 'image/png' });
  });

  it('keeps the first copy when the same hash is put again, and drops the second file', async () => {
    const sha = sha256('same bytes');
    await store.put(sha, await incoming('same bytes'), 'image/jpeg');
    const again = await incoming('same bytes');
    expect(await store.put(sha, again, 'image/webp')).toBe('existed');
    expect(existsSync(again)).toBe(false);
    expect((await store.stat(sha))?.type).toBe('image/jpeg');
    expect(await text(store.createReadStream(sha))).toBe('same bytes');
  });

  it('answers undefined for what it does not hold, and a stream that errors', async () => {
    const sha = 'a'.repeat(64);
    expect(await store.size(sha)).toBeUndefined();
    expect(await store.stat(sha)).toBeUndefined();
    await expect(text(store.createReadStream(sha))).rejects.toThrow(/ENOENT/);
  });

  it.each(['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(62)}/x`, ''])('never touches the disk for %j', async (bad) => {
    expect(isSha256Hex(bad)).toBe(false);
    await expect(store.has(bad)).rejects.toThrow(TypeError);
    await expect(store.stat(bad)).rejects.toThrow(TypeError);
    expect(() => store.createReadStream(bad)).toThrow(TypeError);
    await expect(store.put(bad, await incoming('x'), 'image/jpeg')).rejects.toThrow(TypeError);
  });
});
