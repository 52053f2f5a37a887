// Messages between the app and the photo worker. Bytes travel as transferred ArrayBuffers
// (moved, not copied) and a camera frame as a transferred ImageBitmap.
import type { ProcessOptions, ProcessOutcome } from './process-photo';

export type WorkerSource = { file: Blob } | { frame: ImageBitmap };

export interface PhotoWorkerRequest {
  id: number;
  source: WorkerSource;
  options: ProcessOptions;
}

export type PhotoWorkerResponse =
  | { id: number; outcome: ProcessOutcome }
  /** The pipeline threw something it did not expect (a missing API, out of memory). */
  | { id: number; error: string };
