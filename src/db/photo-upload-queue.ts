// The photo bytes the server has not confirmed yet, as a queue of hashes: what the uploader sends
// and what the status badge counts. Apart from photo-bytes-repo.ts (which re-exports it) so that
// the badge, on every screen, does not bring the rest of that repo into the first paint.
import type { LoupeDb } from './loupe-db';
import type { PhotoBytesRecord } from './records';

export interface UnuploadedBytes {
  sha256: string;
  kind: PhotoBytesRecord['kind'];
}

/**
 * Bytes the server has not been seen to hold, thumbnails first (small, and what the manager's
 * iPad shows first). Reads keys only: never loads the bytes themselves.
 */
export async function listUnuploaded(db: LoupeDb): Promise<UnuploadedBytes[]> {
  return db.transaction('r', db.photoBytes, db.photoUploads, async () => {
    const [all, thumbs] = await Promise.all([db.photoBytes.toCollection().primaryKeys(), db.photoBytes.where('kind').equals('thumb').primaryKeys()]);
    const done = new Set(await db.photoUploads.where('sha256').anyOf(all).primaryKeys());
    const thumbSet = new Set(thumbs);
    const pending = all.filter((sha) => !done.has(sha));
    return [
      ...pending.filter((sha) => thumbSet.has(sha)).map((sha) => ({ sha256: sha, kind: 'thumb' as const })),
      ...pending.filter((sha) => !thumbSet.has(sha)).map((sha) => ({ sha256: sha, kind: 'full' as const })),
    ];
  });
}
