import { useLive } from '../db/live';
import { countPending } from '../db/outbox-repo';
import { db } from '../db/database';
import { listUnuploaded } from '../db/photo-upload-queue';

/** Local changes not yet acknowledged by the server; 0 while the count is loading. */
export function usePendingCount(): number {
  return useLive(() => countPending(), [], 0);
}

/** Photo byte arrays (full size and thumbnails) the server has not confirmed yet. */
export function usePendingPhotoBytes(): number {
  return useLive(async () => (await listUnuploaded(db)).length, [], 0);
}
