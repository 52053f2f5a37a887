// One photo, from what the camera or the file picker gave to the bytes Loupe stores: guarded,
// decoded with its orientation applied, downscaled, re-encoded as JPEG (which keeps no EXIF, so
// no GPS), thumbnailed and hashed. It runs inside the photo worker (src/workers/photo-worker.ts);
// the browser parts come in as `PhotoPlatform` so the guards are tested in plain Node.
//
// Speed (issue 3: a 12 MP photo stored in ≤ 600 ms): decoding dominates, so a JPEG whose size the
// header gives is decoded and scaled in one step, straight to the stored size; the thumbnail is
// made from that smaller picture, and the stored size then goes to the encoder without another
// draw. The thumbnail's hash runs while the full size is encoded.
import { readExifOrientation, swapsAxes } from './exif-orientation';
import { readImageHeader } from './image-header';
import {
  DEFAULT_LONG_SIDE,
  fitLongSide,
  JPEG_QUALITY,
  MAX_SOURCE_PIXELS,
  refuseSize,
  smoothingFor,
  THUMB_LONG_SIDE,
  THUMB_QUALITY,
  type Size,
  type Smoothing,
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

/** Decode straight to this size (the picture as shown, orientation applied), smoothing so. */
export interface DecodeTarget {
  size: Size;
  smoothing: Smoothing;
}

export interface EncodeOptions {
  /** No transparency to paint over (a JPEG, a camera frame). */
  opaque: boolean;
  /**
   * The image's pixels may go to the encoder as they are, without a draw: it is opaque, stored
   * upright (Exif orientation 1: Chromium keeps any other orientation as a tag on the bitmap
   * that only a draw applies), and nothing uses it afterwards.
   */
  handOver: boolean;
}

/** What the pipeline needs from the platform: a browser worker in the app, fakes in tests. */
export interface PhotoPlatform<D extends Decoded = Decoded> {
  /** Decodes with the EXIF orientation applied, scaled to `target` when given; rejects on undecodable data. */
  decode(source: Blob, target?: DecodeTarget): Promise<D>;
  /** Encodes `image` as JPEG at `size`, scaling it when its own size differs. */
  encode(image: D, size: Size, quality: number, options: EncodeOptions): Promise<ArrayBuffer>;
  sha256(bytes: ArrayBuffer): Promise<string>;
  now(): number;
}

/** A camera frame is already decoded: it skips the file guards. */
export type PhotoSource = { file: Blob } | { frame: Decoded };

export async function processPhoto<D extends Decoded>(source: { file: Blob } | { frame: D }, options: ProcessOptions, platform: PhotoPlatform<D>): Promise<ProcessOutcome> {
  const started = platform.now();
  const maxPixels = options.maxPixels ?? MAX_SOURCE_PIXELS;
  const longSide = options.longSide ?? DEFAULT_LONG_SIDE;
  let image: D;
  /** The source's size as shown (orientation applied), when known before decoding. */
  let shown: Size | undefined;
  let opaque = true;
  let upright = true;
  if ('file' in source) {
    const { file } = source;
    if (file.size === 0) return { ok: false, reason: 'empty' };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const facts = readImageHeader(bytes);
    // A format we do not know is refused, not handed to a decoder to find out.
    if (facts.kind === 'unknown') return { ok: false, reason: 'not_image' };
    if (facts.kind === 'broken') return { ok: false, reason: 'corrupt' };
    if (facts.width !== undefined && facts.height !== undefined) {
      const size = { width: facts.width, height: facts.height };
      const refused = refuseSize(size, maxPixels);
      if (refused) return { ok: false, reason: refused, detail: size };
    }
    opaque = facts.format === 'jpeg';
    // Decode-and-scale needs the size as shown before decoding: JPEG tells it (frame + Exif).
    let target: DecodeTarget | undefined;
    if (facts.format === 'jpeg' && facts.width !== undefined && facts.height !== undefined) {
      const orientation = readExifOrientation(bytes);
      upright = orientation === 1;
      shown = swapsAxes(orientation) ? { width: facts.height, height: facts.width } : { width: facts.width, height: facts.height };
      const fitted = fitLongSide(shown, longSide);
      if (fitted.width !== shown.width || fitted.height !== shown.height) target = { size: fitted, smoothing: smoothingFor(shown, fitted) };
    }
    try {
      image = await platform.decode(file, target);
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
    const original = shown ?? decoded;
    const fullSize = fitLongSide(original, longSide);
    const thumbSize = fitLongSide(original, options.thumbLongSide ?? THUMB_LONG_SIDE);
    // The thumbnail first, from the (already scaled) picture; then the full size, its last use.
    const thumbBytes = await platform.encode(image, thumbSize, THUMB_QUALITY, { opaque, handOver: false });
    const thumbSha = platform.sha256(thumbBytes);
    const fullBytes = await platform.encode(image, fullSize, options.quality ?? JPEG_QUALITY, { opaque, handOver: opaque && upright });
    const [fullSha, thumbHash] = await Promise.all([platform.sha256(fullBytes), thumbSha]);
    return {
      ok: true,
      photo: {
        full: { bytes: fullBytes, sha256: fullSha, ...fullSize, type: 'image/jpeg' },
        thumb: { bytes: thumbBytes, sha256: thumbHash, ...thumbSize, type: 'image/jpeg' },
        source: original,
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
