// Taking one photo for a job: the worker processes it, then it is stored with its record.
// Every way this can fail comes back as one typed reason the screen turns into words.
import { newId } from '../domain/ids';
import type { PhotoStage } from '../domain/vocabulary';
import type { Actor } from '../db/local-changes';
import { savePhoto, type PhotoRepoOptions } from '../db/photos-repo';
import type { PhotoMeta } from '../db/records';
import type { PhotoFailureReason, ProcessOptions } from './process-photo';
import type { PhotoProcessor, WorkerSource } from './photo-processor';

export type CaptureFailureReason =
  | PhotoFailureReason
  | 'storage_full'
  | 'storage_failed'
  /** The worker crashed, hung or could not start. */
  | 'processing_failed';

export type CaptureOutcome =
  | { ok: true; photo: PhotoMeta; ms: number }
  | { ok: false; reason: CaptureFailureReason; detail?: { width?: number; height?: number }; message?: string };

export interface CaptureRequest {
  jobId: string;
  stage: PhotoStage;
  source: WorkerSource;
  actor: Actor;
  process: PhotoProcessor;
  options?: ProcessOptions;
  repo?: PhotoRepoOptions;
}

export async function capturePhoto(request: CaptureRequest): Promise<CaptureOutcome> {
  const started = performance.now();
  let processed;
  try {
    processed = await request.process(request.source, request.options);
  } catch (error) {
    return { ok: false, reason: 'processing_failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (!processed.ok) return { ok: false, reason: processed.reason, ...(processed.detail ? { detail: processed.detail } : {}) };
  const { full, thumb } = processed.photo;
  const saved = await savePhoto({ id: newId(), jobId: request.jobId, stage: request.stage, full, thumb }, request.actor, request.repo);
  if (!saved.ok) return saved.reason === 'storage_full' ? { ok: false, reason: 'storage_full' } : { ok: false, reason: saved.reason, message: saved.message };
  const ended = performance.now();
  // A User Timing entry, for the benchmark and anyone profiling: file or frame in → both stored.
  performance.measure?.('loupe:photo-stored', { start: started, end: ended, detail: { worker: processed.photo.ms } });
  return { ok: true, photo: saved.photo, ms: Math.round(ended - started) };
}
