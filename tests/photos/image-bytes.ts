// Hand-built image files for header tests: just the structure a parser walks, no real pixels.

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function segment(marker: number, payload: number[]): number[] {
  return [0xff, marker, ...u16(payload.length + 2), ...payload];
}

export interface JpegParts {
  width?: number;
  height?: number;
  /** SOF marker: 0xc0 baseline, 0xc2 progressive. */
  sof?: number;
  /** An APP1 Exif segment with a GPS tag, placed before the frame header. */
  exif?: boolean;
  /** A real Exif (TIFF) segment whose IFD0 holds this Orientation tag. */
  orientation?: { value: number; byteOrder?: 'II' | 'MM' };
  /** Entropy-coded bytes of each scan (progressive photos have several). */
  scans?: number[][];
  /** Leave out the end-of-image marker, as a cut-short download would. */
  truncate?: boolean;
  /** Bytes after EOI (a motion photo's video). */
  trailer?: number[];
}

/** "Exif\0\0", a TIFF header and an IFD0 with Make (ASCII, 4 bytes) and Orientation (SHORT). */
export function exifOrientation(value: number, byteOrder: 'II' | 'MM' = 'II'): number[] {
  const le = byteOrder === 'II';
  const w16 = (n: number) => (le ? [n & 0xff, (n >> 8) & 0xff] : [(n >> 8) & 0xff, n & 0xff]);
  const w32 = (n: number) => (le ? [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff] : u32(n));
  const tiff = [...[...byteOrder].map((c) => c.charCodeAt(0)), ...w16(42), ...w32(8), ...w16(2)];
  tiff.push(...w16(0x010f), ...w16(2), ...w32(4), ...[...'Cam\0'].map((c) => c.charCodeAt(0)));
  tiff.push(...w16(0x0112), ...w16(3), ...w32(1), ...w16(value), 0, 0);
  tiff.push(...w32(0));
  return [...[...'Exif\0\0'].map((c) => c.charCodeAt(0)), ...tiff];
}

export function jpeg(parts: JpegParts = {}): Uint8Array {
  const { width = 4000, height = 3000, sof = 0xc0, scans = [[0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]] } = parts;
  const bytes: number[] = [0xff, 0xd8];
  bytes.push(...segment(0xe0, [...'JFIF'].map((c) => c.charCodeAt(0)).concat([0, 1, 1, 0, 0, 1, 0, 1, 0, 0])));
  if (parts.orientation) bytes.push(...segment(0xe1, exifOrientation(parts.orientation.value, parts.orientation.byteOrder)));
  if (parts.exif) bytes.push(...segment(0xe1, [...'Exif\0\0GPS 48.8566N 2.3522E'].map((c) => c.charCodeAt(0))));
  bytes.push(...segment(0xdb, new Array(65).fill(1)));
  bytes.push(...segment(sof, [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]));
  bytes.push(...segment(0xc4, new Array(20).fill(0)));
  for (const scan of scans) {
    bytes.push(...segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]), ...scan);
  }
  if (!parts.truncate) bytes.push(0xff, 0xd9);
  if (parts.trailer) bytes.push(...parts.trailer);
  return new Uint8Array(bytes);
}

function crcless(type: string, data: number[]): number[] {
  return [...u32(data.length), ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
}

export function png(width = 640, height = 480, options: { truncate?: boolean } = {}): Uint8Array {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  bytes.push(...crcless('IHDR', [...u32(width), ...u32(height), 8, 6, 0, 0, 0]));
  bytes.push(...crcless('IDAT', new Array(40).fill(7)));
  const iend = crcless('IEND', []);
  const all = options.truncate ? bytes.slice(0, -10) : [...bytes, ...iend];
  return new Uint8Array(all);
}

export const text = (value: string) => new TextEncoder().encode(value);
