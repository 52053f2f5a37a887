import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { processPhoto, type Decoded, type PhotoPlatform } from '../../src/photos/process-photo';
import { jpeg, png, text } from './image-bytes';

interface FakeImage extends Decoded {
  closed: boolean;
}

/** A platform whose "decoder" reports a size and whose "encoder" writes the size it was asked for. */
function fakePlatform(decoded: { width: number; height: number } | Error = { width: 4000, height: 3000 }) {
  const images: FakeImage[] = [];
  const platform: PhotoPlatform<FakeImage> = {
    decode: vi.fn(async () => {
      if (decoded instanceof Error) throw decoded;
      const image = { ...decoded, closed: false, close() { image.closed = true; } };
      images.push(image);
      return image;
    }),
    encode: vi.fn(async (_image, size, quality) => new TextEncoder().encode(`jpeg ${size.width}x${size.height} q${quality}`).buffer as ArrayBuffer),
    sha256: async (bytes) => createHash('sha256').update(new Uint8Array(bytes)).digest('hex'),
    now: () => 0,
  };
  return { platform, images };
}

const file = (bytes: Uint8Array, type = 'image/jpeg') => new Blob([bytes as BlobPart], { type });

describe('processPhoto', () => {
  it('scales to the long side, makes a thumbnail, hashes what it stores and closes the bitmap', async () => {
    const { platform, images } = fakePlatform({ width: 3000, height: 4000 });
    const outcome = await processPhoto({ file: file(jpeg({ width: 4000, height: 3000, exif: true })) }, {}, platform);
    if (!outcome.ok) throw new Error(outcome.reason);
    const { full, thumb, source } = outcome.photo;
    // The decoder applied the EXIF rotation: portrait, whatever the header said.
    expect(source).toEqual({ width: 3000, height: 4000 });
    expect({ width: full.width, height: full.height }).toEqual({ width: 1920, height: 2560 });
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 240, height: 320 });
    expect(new TextDecoder().decode(full.bytes)).toBe('jpeg 1920x2560 q0.85');
    expect(full.sha256).toBe(createHash('sha256').update(new Uint8Array(full.bytes)).digest('hex'));
    expect(thumb.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(images.every((image) => image.closed)).toBe(true);
  });

  it('honours a configured long side', async () => {
    const { platform } = fakePlatform();
    const outcome = await processPhoto({ file: file(jpeg()) }, { longSide: 1600 }, platform);
    expect(outcome.ok && outcome.photo.full.width).toBe(1600);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a text file named .jpg', text('not a photo at all'), 'not_image'],
    ['a truncated JPEG', jpeg({ truncate: true }), 'corrupt'],
    ['a truncated PNG', png(100, 100, { truncate: true }), 'corrupt'],
    ['a 100-megapixel JPEG', jpeg({ width: 10_000, height: 10_000 }), 'too_large'],
    ['a 100-megapixel PNG', png(10_000, 10_000), 'too_large'],
  ])('refuses %s without decoding it', async (_name, bytes, reason) => {
    const { platform } = fakePlatform();
    const outcome = await processPhoto({ file: file(bytes) }, {}, platform);
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(platform.decode).not.toHaveBeenCalled();
    expect(platform.encode).not.toHaveBeenCalled();
  });

  it('says how big a refused photo is', async () => {
    const { platform } = fakePlatform();
    expect(await processPhoto({ file: file(jpeg({ width: 10_000, height: 10_000 })) }, {}, platform)).toEqual({ ok: false, reason: 'too_large', detail: { width: 10_000, height: 10_000 } });
  });

  it('calls a well-formed JPEG that will not decode corrupt', async () => {
    const { platform } = fakePlatform(new Error('InvalidStateError'));
    expect(await processPhoto({ file: file(jpeg()) }, {}, platform)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('never hands a format it does not know to the decoder, whatever its MIME type says', async () => {
    const { platform } = fakePlatform();
    expect(await processPhoto({ file: file(text('<svg/>'), 'image/svg+xml') }, {}, platform)).toEqual({ ok: false, reason: 'not_image' });
    expect(platform.decode).not.toHaveBeenCalled();
  });

  it('refuses an image that only turns out huge once decoded (HEIF keeps its size deep inside)', async () => {
    const { platform, images } = fakePlatform({ width: 12_000, height: 9_000 });
    const heic = new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic'), 0, 0, 0, 0]);
    expect(await processPhoto({ file: file(heic, 'image/heic') }, {}, platform)).toMatchObject({ ok: false, reason: 'too_large' });
    expect(images[0]?.closed).toBe(true);
  });

  it('takes a camera frame as it is', async () => {
    const { platform } = fakePlatform();
    const frame = { width: 1920, height: 1080, closed: false, close() { frame.closed = true; } };
    const outcome = await processPhoto({ frame }, {}, platform);
    expect(outcome.ok && outcome.photo.full.width).toBe(1920);
    expect(frame.closed).toBe(true);
    expect(platform.decode).not.toHaveBeenCalled();
  });
});
