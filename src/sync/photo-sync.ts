// Photo bytes after each sync round: upload what the server lacks (resumable), then fetch the
// thumbnails of every photo this device knows, so the manager's iPad can browse offline.
import type { LoupeDb } from '../db/loupe-db';
import { downloadMissingThumbnails } from './photo-downloader';
import { uploadPendingPhotos } from './photo-uploader';

/** `personId`: who is unlocked on the tablet (null: locked); uploads go on regardless, downloads wait for a person. */
export async function syncPhotoBytes(db: LoupeDb, baseUrl: string, personId: string | null): Promise<void> {
  const uploaded = await uploadPendingPhotos({ db, baseUrl });
  if (uploaded.stopped === 'offline') return;
  await downloadMissingThumbnails({ db, baseUrl, personId });
}
