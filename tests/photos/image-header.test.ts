import { describe, expect, it } from 'vitest';
import { readImageHeader, sniffFormat } from '../../src/photos/image-header';
import { jpeg, png, text } from './image-bytes';

describe('readImageHeader: the size before decoding', () => {
  it.each([
    ['a baseline JPEG', jpeg({ width: 4000, height: 3000 }), { kind: 'image', format: 'jpeg', width: 4000, height: 3000 }],
    ['a progressive JPEG with several scans', jpeg({ sof: 0xc2, width: 12000, height: 9000, scans: [[1, 2], [3, 0xff, 0x00], [4]] }), { kind: 'image', format: 'jpeg', width: 12000, height: 9000 }],
    ['a JPEG with an Exif segment before its frame', jpeg({ exif: true, width: 3024, height: 4032 }), { kind: 'image', format: 'jpeg', width: 3024, height: 4032 }],
    ['a motion photo (a video after EOI)', jpeg({ trailer: [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70] }), { kind: 'image', format: 'jpeg', width: 4000, height: 3000 }],
    ['a PNG', png(640, 480), { kind: 'image', format: 'png', width: 640, height: 480 }],
    ['a huge PNG', png(10_000, 10_000), { kind: 'image', format: 'png', width: 10_000, height: 10_000 }],
    ['a JPEG cut short in its image data', jpeg({ truncate: true }), { kind: 'broken', format: 'jpeg', why: 'truncated' }],
    ['a JPEG cut short in its headers', jpeg().subarray(0, 30), { kind: 'broken', format: 'jpeg', why: 'no_size' }],
    ['a JPEG of zero width', jpeg({ width: 0 }), { kind: 'broken', format: 'jpeg', why: 'no_size' }],
    ['a PNG cut short', png(640, 480, { truncate: true }), { kind: 'broken', format: 'png', why: 'truncated' }],
    ['a text file renamed .jpg', text('Ring NY1-26-000123: polish, resize to 52'), { kind: 'unknown' }],
    ['three bytes', new Uint8Array([0xff, 0xd8, 0xff]), { kind: 'broken', format: 'jpeg', why: 'no_size' }],
    ['nothing', new Uint8Array(0), { kind: 'unknown' }],
  ])('%s', (_name, bytes, expected) => {
    expect(readImageHeader(bytes)).toEqual(expected);
  });

  it('does not mistake stuffed 0xFF bytes or restart markers in image data for the end', () => {
    const scan = [0xff, 0x00, 0xff, 0xd3, 0xff, 0x00];
    expect(readImageHeader(jpeg({ scans: [scan], truncate: true }))).toMatchObject({ kind: 'broken', why: 'truncated' });
    expect(readImageHeader(jpeg({ scans: [scan] }))).toMatchObject({ kind: 'image' });
  });

  it('never throws on random bytes behind a JPEG signature', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256);
    for (let run = 0; run < 500; run += 1) {
      const bytes = new Uint8Array(3 + (run % 200));
      bytes.set([0xff, 0xd8, 0xff]);
      for (let i = 3; i < bytes.length; i += 1) bytes[i] = random();
      expect(() => readImageHeader(bytes)).not.toThrow();
    }
  });
});

describe('sniffFormat', () => {
  it.each([
    ['webp', new Uint8Array([...text('RIFF'), 0, 0, 0, 0, ...text('WEBPVP8 ')])],
    ['gif', text('GIF89a\x10\x00\x10\x00')],
    ['heif', new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic')])],
    [null, text('%PDF-1.7')],
  ])('%s', (format, bytes) => {
    expect(sniffFormat(bytes)).toBe(format);
  });
});
