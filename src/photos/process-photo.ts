// One photo, from what the camera or the file picker gave to the bytes Loupe stores: guarded,
// decoded with its orientation applied, downscaled, re-encoded as JPEG (which keeps no EXIF, so
// no GPS), thumbnailed and hashed. It runs inside the photo worker (src/workers/photo-worker.ts);
// the browser parts come in as `PhotoPlatform` so the guards are tested in plain Node.
import { readImageHeader } from './image-header';
import {
  DEFAULT_LONG_SIDE,
  fitLongSide,
  JPEG_QUALITY,
  MAX_SOURCE_PIXELS,
  refuseSize,
  THUMB_LONG_SIDE,
  THUMB_QUALITY,
  type Size,
} from './photo-limits';

export type PhotoFailureReason = 'empty' | 'not_image' | 'corrupt' | 'too_large';

export interface EncodedImage {
  bytes: ArrayBuffer;
  sha256: string;
  width: number;
  height: number;
  type: 'image/jpeg';
}

export interface ProcessedPhoto {
  full: EncodedImage;
  thumb: EncodedImage;
  /** The decoded source size, orientation applied. */
  source: Size;
  /** Time spent in the pipeline, for the record and the benchmark. */
  ms: number;
}

export type ProcessOutcome =
  | { ok: true; photo: ProcessedPhoto }
  | { ok: false; reason: PhotoFailureReason; detail?: { width?: number; height?: number } };

export interface ProcessOptions {
  longSide?: number;
  thumbLongSide?: number;
  quality?: number;
  maxPixels?: number;
}

/** A decoded image that can be drawn, and must be closed. */
export interface Decoded extends Size {
  close(): void;
}

/** What the pipeline needs from the platform: a browser worker in the app, fakes in tests. */
export interface PhotoPlatform<D extends Decoded = Decoded> {
  /** Decodes with the EXIF orientation applied; rejects on undecodable data. */
  decode(source: Blob): Promise<D>;
  /** Draws `image` at `size` and encodes it as JPEG. */
  encode(image: D, size: Size, quality: number): Promise<ArrayBuffer>;
  sha256(bytes: ArrayBuffer): Promise<string>;
  now(): number;
}

/** A camera frame is already decoded: it skips the file guards. */
export type PhotoSource = { file: Blob } | { frame: Decoded };

export async function processPhoto<D extends Decoded>(source: { file: Blob } | { frame: D }, options: ProcessOptions, platform: PhotoPlatform<D>): Promise<ProcessOutcome> {
  const started = platform.now();
  const maxPixels = options.maxPixels ?? MAX_SOURCE_PIXELS;
  let image: D;
  if ('file' in source) {
    const { file } = source;
    if (file.size === 0) return { ok: false, reason: 'empty' };
    const facts = readImageHeader(new Uint8Array(await file.arrayBuffer()));
    // A format we do not know is refused, not handed to a decoder to find out.
    if (facts.kind === 'unknown') return { ok: false, reason: 'not_image' };
    if (facts.kind === 'broken') return { ok: false, reason: 'corrupt' };
    if (facts.width !== undefined && facts.height !== undefined) {
      const size = { width: facts.width, height: facts.height };
      const refused = refuseSize(size, maxPixels);
      if (refused) return { ok: false, reason: refused, detail: size };
    }
    try {
      image = await platform.decode(file);
    } catch {
      // The signature and structure looked right, yet the decoder refused it: damaged.
      return { ok: false, reason: 'corrupt' };
    }
  } else {
    image = source.frame;
  }

  try {
    const decoded = { width: image.width, height: image.height };
    const refused = refuseSize(decoded, maxPixels);
    if (refused) return { ok: false, reason: refused, detail: decoded };
    const fullSize = fitLongSide(decoded, options.longSide ?? DEFAULT_LONG_SIDE);
    const thumbSize = fitLongSide(decoded, options.thumbLongSide ?? THUMB_LONG_SIDE);
    const fullBytes = await platform.encode(image, fullSize, options.quality ?? JPEG_QUALITY);
    const thumbBytes = await platform.encode(image, thumbSize, THUMB_QUALITY);
    const [fullSha, thumbSha] = await Promise.all([platform.sha256(fullBytes), platform.sha256(thumbBytes)]);
    return {
      ok: true,
      photo: {
        full: { bytes: fullBytes, sha256: fullSha, ...fullSize, type: 'image/jpeg' },
        thumb: { bytes: thumbBytes, sha256: thumbSha, ...thumbSize, type: 'image/jpeg' },
        source: decoded,
        ms: Math.round(platform.now() - started),
      },
    };
  } finally {
    image.close();
  }
}

/** Lower-case hex of a digest. */
export function toHex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
