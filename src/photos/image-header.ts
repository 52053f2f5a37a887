// Reads an image's format and pixel size from its header bytes, before anything is decoded:
// a 100-megapixel photo must be refused from a few bytes, not after the decoder has allocated
// 400 MB. Also tells a truncated JPEG or PNG from a complete one, because some decoders paint a
// half-received image grey instead of failing. Pure: bytes in, facts out.

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'heif';

export type HeaderFacts =
  /** Not a format we know: a text file renamed .jpg, a PDF… */
  | { kind: 'unknown' }
  /** A known signature but a broken structure: cut short, no size, no image data. */
  | { kind: 'broken'; format: ImageFormat; why: 'truncated' | 'no_size' }
  /** width/height are undefined where the header does not say (HEIF). */
  | { kind: 'image'; format: ImageFormat; width?: number; height?: number };

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const i32le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && u32be(bytes, 0) === 0x89504e47 && u32be(bytes, 4) === 0x0d0a1a0a) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /^(hei[cfsmx]|hev[cx]|mif1|msf1|avif|avis)$/.test(ascii(bytes, 8, 4))) return 'heif';
  return null;
}

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (C4), JPG (C8), DAC (CC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers with no length field. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * Walks the JPEG's segments to the frame header (the size), then through the entropy-coded
 * scans to the end-of-image marker. Data after EOI (a motion photo's video) is ignored.
 */
function readJpeg(b: Uint8Array): HeaderFacts {
  let width: number | undefined;
  let height: number | undefined;
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return { kind: 'broken', format: 'jpeg', why: width ? 'truncated' : 'no_size' };
    let marker = b[at + 1];
    while (marker === 0xff) marker = b[++at + 1]; // fill bytes
    if (marker === undefined) break;
    at += 2;
    if (marker === 0xd9) {
      return width && height ? { kind: 'image', format: 'jpeg', width, height } : { kind: 'broken', format: 'jpeg', why: 'no_size' };
    }
    if (standalone(marker)) continue;
    if (at + 2 > b.length) break;
    const length = u16be(b, at);
    if (length < 2) return { kind: 'broken', format: 'jpeg', why: 'no_size' };
    if (at + length > b.length) break;
    if (isSof(marker) && length >= 7) {
      height = u16be(b, at + 3);
      width = u16be(b, at + 5);
      if (!width || !height) return { kind: 'broken', format: 'jpeg', why: 'no_size' };
    }
    at += length;
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or RSTn, until the next marker.
      for (;;) {
        at = b.indexOf(0xff, at);
        if (at < 0 || at + 1 >= b.length) return { kind: 'broken', format: 'jpeg', why: 'truncated' };
        const next = b[at + 1]!;
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at += 2;
      }
    }
  }
  return { kind: 'broken', format: 'jpeg', why: width ? 'truncated' : 'no_size' };
}

/** IHDR gives the size; the chunks must then run, length by length, to IEND. */
function readPng(b: Uint8Array): HeaderFacts {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return { kind: 'broken', format: 'png', why: 'no_size' };
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  if (!width || !height) return { kind: 'broken', format: 'png', why: 'no_size' };
  let at = 8;
  while (at + 8 <= b.length) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    at += 12 + length;
    if (at > b.length) break;
    if (type === 'IEND') return { kind: 'image', format: 'png', width, height };
  }
  return { kind: 'broken', format: 'png', why: 'truncated' };
}

function readWebp(b: Uint8Array): HeaderFacts {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) return { kind: 'image', format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8 ' && b.length >= 30) return { kind: 'image', format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { kind: 'image', format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return { kind: 'broken', format: 'webp', why: 'no_size' };
}

export function readImageHeader(bytes: Uint8Array): HeaderFacts {
  const format = sniffFormat(bytes);
  switch (format) {
    case null:
      return { kind: 'unknown' };
    case 'jpeg':
      return readJpeg(bytes);
    case 'png':
      return readPng(bytes);
    case 'webp':
      return readWebp(bytes);
    case 'gif':
      return bytes.length >= 10 ? { kind: 'image', format, width: u16le(bytes, 6), height: u16le(bytes, 8) } : { kind: 'broken', format, why: 'no_size' };
    case 'bmp':
      return { kind: 'image', format, width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
    case 'heif':
      // The size sits deep in the ISO-BMFF boxes ('ispe'); the decoded size is checked instead.
      return { kind: 'image', format };
  }
}
