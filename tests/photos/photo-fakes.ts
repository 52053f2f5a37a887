// Test doubles for the photo pipeline: encoded images with real hashes, and a processor that
// answers like the worker without a browser.
import { createHash } from 'node:crypto';
import type { ProcessOutcome } from '../../src/photos/process-photo';
import type { PhotoProcessor } from '../../src/photos/photo-processor';

export function anEncodedImage(label: string, width = 2560, height = 1920) {
  const bytes = new TextEncoder().encode(`\xff\xd8 ${label} ${width}x${height}`).buffer as ArrayBuffer;
  return { bytes, sha256: createHash('sha256').update(new Uint8Array(bytes)).digest('hex'), width, height, type: 'image/jpeg' as const };
}

let counter = 0;

/** A processor that "processes" any file into a fresh full image and thumbnail. */
export function fakeProcessor(answer?: (file: Blob | undefined) => ProcessOutcome | Promise<ProcessOutcome>): PhotoProcessor {
  return async (source) => {
    const file = 'file' in source ? source.file : undefined;
    if (answer) return answer(file);
    counter += 1;
    return { ok: true, photo: { full: anEncodedImage(`full ${counter}`), thumb: anEncodedImage(`thumb ${counter}`, 320, 240), source: { width: 4000, height: 3000 }, ms: 1 } };
  };
}

/** What Dexie throws when IndexedDB is out of space: its own error wrapping the DOMException. */
export function quotaError(): Error {
  const inner = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
}
