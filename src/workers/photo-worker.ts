// The photo worker: decodes, scales, encodes and hashes photos off the main thread, so a 12 MP
// photo (or a hostile 100 MP one) never freezes the bench screen. Started by
// src/photos/photo-processor.ts with `new Worker(new URL(...), { type: 'module' })`, which Vite
// bundles as its own file and the service worker precaches.
import { browserPlatform } from '../photos/browser-platform';
import { processPhoto } from '../photos/process-photo';
import type { PhotoWorkerRequest, PhotoWorkerResponse } from '../photos/worker-protocol';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PhotoWorkerRequest>) => void) | null;
  postMessage(message: PhotoWorkerResponse, options?: { transfer?: Transferable[] }): void;
};

scope.onmessage = (event) => {
  const { id, source, options } = event.data;
  void processPhoto(source, options, browserPlatform).then(
    (outcome) => {
      const transfer = outcome.ok ? [outcome.photo.full.bytes, outcome.photo.thumb.bytes] : [];
      scope.postMessage({ id, outcome }, { transfer });
    },
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
};
