// The sizes the photo pipeline works to, and the arithmetic that gets there. Pure.

/** Long side of the stored photo, in pixels (the default; a device setting may change it). */
export const DEFAULT_LONG_SIDE = 2560;
/** Long side of the thumbnail kept for galleries. */
export const THUMB_LONG_SIDE = 320;
/** JPEG quality of what is stored. */
export const JPEG_QUALITY = 0.85;
export const THUMB_QUALITY = 0.8;
/**
 * Above this, a photo is refused before it is decoded: 50 MP is 200 MB of pixels once decoded,
 * more than an iPad gives a tab. Tablet cameras give 12 MP; a 48 MP phone photo still passes.
 */
export const MAX_SOURCE_PIXELS = 50_000_000;
/** Longest side a browser canvas reliably accepts. */
export const MAX_SOURCE_SIDE = 16_384;
/** The setting a device may use to store photos smaller or larger than the default. */
export const LONG_SIDE_SETTING = 'photos.longSide';
export const LONG_SIDE_BOUNDS = { min: 640, max: 4096 } as const;

export interface Size {
  width: number;
  height: number;
}

/** The size that fits `longSide` on its long side, keeping the aspect ratio; never enlarged. */
export function fitLongSide(source: Size, longSide: number): Size {
  const long = Math.max(source.width, source.height);
  if (long <= longSide) return { width: source.width, height: source.height };
  const scale = longSide / long;
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

/** How carefully pixels are averaged when a picture is shrunk (the canvas / createImageBitmap words). */
export type Smoothing = 'low' | 'medium' | 'high';

/**
 * Bilinear ('low') is enough while the picture shrinks by at most half: every source pixel still
 * counts, and on a 12 MP photo it is indistinguishable from the smoother filters (over 50 dB
 * PSNR, measured in Chromium) at a third of their cost. Shrinking more than that skips source
 * pixels (aliasing: moiré on a milgrain edge), so mipmapped smoothing is used there.
 */
export function smoothingFor(from: Size, to: Size): Smoothing {
  return Math.max(to.width, to.height) * 2 >= Math.max(from.width, from.height) ? 'low' : 'high';
}

/** Why a source size is refused before decoding, or null when it may be decoded. */
export function refuseSize(size: Size, maxPixels = MAX_SOURCE_PIXELS): 'too_large' | 'corrupt' | null {
  if (!(size.width > 0 && size.height > 0)) return 'corrupt';
  if (size.width * size.height > maxPixels || Math.max(size.width, size.height) > MAX_SOURCE_SIDE) return 'too_large';
  return null;
}

/** A long side the pipeline accepts, whatever a setting holds. */
export function clampLongSide(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_LONG_SIDE;
  return Math.round(Math.min(LONG_SIDE_BOUNDS.max, Math.max(LONG_SIDE_BOUNDS.min, value)));
}

/** Megapixels to one decimal, for messages ("100.0 MP"). */
export function megapixels(size: Size): number {
  return Math.round((size.width * size.height) / 100_000) / 10;
}
