// The app's side of the photo worker: one worker, started on the first photo and kept for the
// next ones (a quick series), requests matched to answers by id. Screens receive a
// `PhotoProcessor` function, so tests hand them a fake one (a Worker does not run in jsdom).
import type { ProcessOptions, ProcessOutcome } from './process-photo';
import type { PhotoWorkerRequest, PhotoWorkerResponse, WorkerSource } from './worker-protocol';

export type { WorkerSource };

/** What went wrong outside the photo itself: the worker crashed, hung or could not start. */
export class PhotoProcessingError extends Error {
  override name = 'PhotoProcessingError';
}

export type PhotoProcessor = (source: WorkerSource, options?: ProcessOptions) => Promise<ProcessOutcome>;

/** A photo that takes longer than this has hung the worker (or run it out of memory). */
const TIMEOUT_MS = 60_000;

export function createWorkerProcessor(start: () => Worker = startPhotoWorker): PhotoProcessor {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (outcome: ProcessOutcome) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  function failAll(error: Error) {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(error);
      pending.delete(id);
    }
    worker?.terminate();
    worker = null; // the next photo starts a fresh worker
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event: MessageEvent<PhotoWorkerResponse>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (!request) return;
      pending.delete(answer.id);
      clearTimeout(request.timer);
      if ('error' in answer) request.reject(new PhotoProcessingError(answer.error));
      else request.resolve(answer.outcome);
    };
    started.onerror = (event) => {
      event.preventDefault();
      failAll(new PhotoProcessingError(event.message || 'the photo worker stopped'));
    };
    started.onmessageerror = () => failAll(new PhotoProcessingError('the photo worker sent an unreadable answer'));
    worker = started;
    return started;
  }

  return (source, options = {}) =>
    new Promise<ProcessOutcome>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => failAll(new PhotoProcessingError('the photo took too long to process')), TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      const request: PhotoWorkerRequest = { id, source, options };
      try {
        ensureWorker().postMessage(request, 'frame' in source ? [source.frame] : []);
      } catch (error) {
        failAll(new PhotoProcessingError(error instanceof Error ? error.message : String(error)));
      }
    });
}

function startPhotoWorker(): Worker {
  return new Worker(new URL('../workers/photo-worker.ts', import.meta.url), { type: 'module', name: 'photo-worker' });
}

let shared: PhotoProcessor | null = null;

/** The app's one photo worker, started on first use. */
export function sharedPhotoProcessor(): PhotoProcessor {
  shared ??= createWorkerProcessor();
  return shared;
}
