// The Exif orientation of a JPEG, read from its header bytes. The photo worker decodes and scales
// a photo in one step (createImageBitmap with resizeWidth/resizeHeight, which are the size of the
// picture as shown, orientation applied): to ask for the right size it must know, before
// decoding, whether the camera stored the picture on its side. Pure: bytes in, a number out.

/** Orientation 1–8 as Exif defines it; 1 (as stored) when there is no valid tag. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

/** Orientations 5–8 turn the picture a quarter: its width is the stored height. */
export function swapsAxes(orientation: ExifOrientation): boolean {
  return orientation >= 5;
}

/**
 * Walks the JPEG's segments up to the first scan and reads the Orientation tag of IFD0 from the
 * first APP1 Exif segment that has one (as Chromium's decoder does). Anything malformed counts
 * as 1, as it does for the decoder.
 */
export function readExifOrientation(b: Uint8Array): ExifOrientation {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return 1;
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return 1; // image data reached: no Exif before it
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2) return 1;
    const payload = at + 4;
    if (marker === 0xe1 && length >= 8 && isExifHeader(b, payload)) {
      const found = orientationInTiff(b, payload + 6, at + 2 + length);
      if (found !== undefined) return found;
    }
    at += 2 + length;
  }
  return 1;
}

function isExifHeader(b: Uint8Array, at: number): boolean {
  return b[at] === 0x45 && b[at + 1] === 0x78 && b[at + 2] === 0x69 && b[at + 3] === 0x66 && b[at + 4] === 0 && b[at + 5] === 0;
}

/** `tiff` is where the TIFF header starts, `end` where the APP1 segment ends; undefined: no tag. */
function orientationInTiff(b: Uint8Array, tiff: number, end: number): ExifOrientation | undefined {
  if (tiff + 8 > end || end > b.length) return 1;
  const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
  const big = b[tiff] === 0x4d && b[tiff + 1] === 0x4d;
  if (!little && !big) return 1;
  const u16 = (at: number) => (little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
  const u32 = (at: number) => (little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0);
  if (u16(tiff + 2) !== 42) return 1;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    // Type SHORT (3), one value, held in the first two bytes of the value field.
    if (u16(entry + 2) !== 3) return 1;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? (value as ExifOrientation) : 1;
  }
  return undefined;
}
