// Photo bytes on the server, addressed by their SHA-256. An interface because a larger house runs
// several server instances over one shared photo store (a shared mount today, an object store
// later); the filesystem implementation below is the one-machine default.
//
// A blob's path is derived from its hash only, never from anything else a client sends:
// <root>/<sha[0..2]>/<sha[2..4]>/<sha>, with its MIME type beside it in <sha>.type.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a SHA-256 written as 64 lower-case hex digits, the only form a blob is addressed by. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

function assertSha256(sha: string): void {
  // Checked here as well as in the routes: this is the last line before the disk.
  if (!isSha256Hex(sha)) throw new TypeError('A blob is addressed by a SHA-256 of 64 lower-case hex digits.');
}

export interface BlobInfo {
  size: number;
  /** The MIME type it was uploaded with; application/octet-stream when unknown. */
  type: string;
}

export interface BlobStore {
  has(sha: string): Promise<boolean>;
  /** Byte length, or undefined when the blob is not stored. */
  size(sha: string): Promise<number | undefined>;
  /** Size and MIME type, or undefined when the blob is not stored. */
  stat(sha: string): Promise<BlobInfo | undefined>;
  /** The bytes; the stream errors (ENOENT) when the blob is not stored. */
  createReadStream(sha: string): Readable;
  /**
   * Moves the file at fromPath into place under sha, atomically (readers see the whole blob or
   * none). The caller has checked that the file hashes to sha. When the blob is already stored
   * (content addressing: same hash, same bytes) the file is discarded and 'existed' is returned.
   */
  put(sha: string, fromPath: string, type: string): Promise<'stored' | 'existed'>;
}

const DEFAULT_TYPE = 'application/octet-stream';

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Flushes a file (or a directory entry) to the disk; directories cannot be fsynced everywhere. */
async function fsync(path: string, { optional = false } = {}): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (!optional) throw err;
  }
}

/** Blobs as files under root (usually <LOUPE_DATA_DIR>/photos), sharded by the first four hex digits. */
export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (sha: string): string => {
    assertSha256(sha);
    return join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };

  async function size(sha: string): Promise<number | undefined> {
    try {
      const info = await stat(pathOf(sha));
      return info.isFile() ? info.size : undefined;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async function typeOf(sha: string): Promise<string> {
    try {
      return (await readFile(`${pathOf(sha)}.type`, 'utf8')).trim() || DEFAULT_TYPE;
    } catch (err) {
      if (isMissing(err)) return DEFAULT_TYPE;
      throw err;
    }
  }

  /** Writes next to the target, then renames: the target appears whole or not at all. */
  async function moveIntoPlace(fromPath: string, target: string): Promise<void> {
    try {
      await rename(fromPath, target);
    } catch (err) {
      // The upload area and the photo store on different mounts (a shared photo volume): copy
      // beside the target first, so the final step is still a same-directory rename.
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await copyFile(fromPath, temp);
        await fsync(temp);
        await rename(temp, target);
      } catch (copyErr) {
        await unlink(temp).catch(() => {});
        throw copyErr;
      }
      await unlink(fromPath).catch(() => {});
    }
  }

  return {
    async has(sha) {
      return (await size(sha)) !== undefined;
    },
    size,
    async stat(sha) {
      const bytes = await size(sha);
      if (bytes === undefined) return undefined;
      return { size: bytes, type: await typeOf(sha) };
    },
    createReadStream(sha) {
      return createReadStream(pathOf(sha));
    },
    async put(sha, fromPath, type) {
      const target = pathOf(sha);
      if ((await size(sha)) !== undefined) {
        await unlink(fromPath).catch(() => {});
        return 'existed';
      }
      const folder = dirname(target);
      const typeTemp = `${target}.type.tmp-${randomBytes(6).toString('hex')}`;
      // The type before the blob, so that whoever sees the blob also finds its type; the bytes are
      // flushed before their rename and the folder after it: once the device is told "stored" it
      // may drop its full-size copy, so the server's copy must survive a power cut. The type and
      // the flush do not depend on each other and go side by side.
      await Promise.all([
        mkdir(folder, { recursive: true }).then(async () => {
          await writeFile(typeTemp, type);
          await rename(typeTemp, `${target}.type`);
        }),
        fsync(fromPath),
      ]);
      await moveIntoPlace(fromPath, target);
      await fsync(folder, { optional: true });
      return 'stored';
    },
  };
}
