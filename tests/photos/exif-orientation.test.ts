import { describe, expect, it } from 'vitest';
import { readExifOrientation, swapsAxes } from '../../src/photos/exif-orientation';
import { exifSegment, withExif } from '../fixtures/make-photo-fixtures.mjs';
import { jpeg, png } from './image-bytes';

describe('readExifOrientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i from a little-endian Exif segment', (value) => {
    expect(readExifOrientation(jpeg({ orientation: { value } }))).toBe(value);
  });

  it('reads a big-endian (Motorola) Exif segment too', () => {
    expect(readExifOrientation(jpeg({ orientation: { value: 6, byteOrder: 'MM' } }))).toBe(6);
  });

  it.each([6, 8])('reads orientation %i from the segment a phone writes (Make, Orientation, GPS IFD), as the e2e fixtures carry', (value) => {
    const photo = withExif(Buffer.from(jpeg({ width: 640, height: 480 })), exifSegment({ orientation: value }));
    expect(readExifOrientation(photo)).toBe(value);
  });

  it.each([
    ['no Exif at all', jpeg()],
    ['an APP1 that is not Exif (XMP-like text)', jpeg({ exif: true })],
    ['an out-of-range value', jpeg({ orientation: { value: 9 } })],
    ['not a JPEG', png(10, 10)],
    ['a few bytes', new Uint8Array([0xff, 0xd8])],
  ])('says 1 for %s', (_name, bytes) => {
    expect(readExifOrientation(bytes)).toBe(1);
  });

  it('looks past an Exif segment without the tag, to the next one', () => {
    const withoutTag = [0xff, 0xe1, 0, 18, ...[...'Exif\0\0II'].map((c) => c.charCodeAt(0)), 42, 0, 8, 0, 0, 0, 0, 0];
    const second = jpeg({ orientation: { value: 8 } });
    expect(readExifOrientation(new Uint8Array([0xff, 0xd8, ...withoutTag, ...second.subarray(2)]))).toBe(8);
  });

  it('says 1 for an Exif segment cut short', () => {
    const whole = jpeg({ orientation: { value: 6 } });
    // Claims a longer segment than the file holds.
    expect(readExifOrientation(whole.subarray(0, 40))).toBe(1);
  });

  it('knows which orientations turn the picture a quarter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].filter((o) => swapsAxes(o as 1))).toEqual([5, 6, 7, 8]);
  });
});
