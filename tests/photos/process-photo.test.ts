import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { processPhoto, type Decoded, type DecodeTarget, type EncodeOptions, type PhotoPlatform } from '../../src/photos/process-photo';
import { jpeg, png, text } from './image-bytes';

interface FakeImage extends Decoded {
  closed: boolean;
}

/**
 * A platform whose "decoder" reports a size (or the size it was asked to scale to) and whose
 * "encoder" writes the size it was asked for.
 */
function fakePlatform(decoded: { width: number; height: number } | Error = { width: 4000, height: 3000 }) {
  const images: FakeImage[] = [];
  const platform: PhotoPlatform<FakeImage> = {
    decode: vi.fn(async (_file: Blob, target?: DecodeTarget) => {
      if (decoded instanceof Error) throw decoded;
      const image = { ...(target?.size ?? decoded), closed: false, close() { image.closed = true; } };
      images.push(image);
      return image;
    }),
    encode: vi.fn(async (_image: FakeImage, size: { width: number; height: number }, quality: number, _options: EncodeOptions) => new TextEncoder().encode(`jpeg ${size.width}x${size.height} q${quality}`).buffer as ArrayBuffer),
    sha256: async (bytes) => createHash('sha256').update(new Uint8Array(bytes)).digest('hex'),
    now: () => 0,
  };
  return { platform, images };
}

const file = (bytes: Uint8Array, type = 'image/jpeg') => new Blob([bytes as BlobPart], { type });

describe('processPhoto', () => {
  it('scales to the long side, makes a thumbnail, hashes what it stores and closes the bitmap', async () => {
    const { platform, images } = fakePlatform({ width: 3000, height: 4000 });
    const outcome = await processPhoto({ file: file(jpeg({ width: 4000, height: 3000, exif: true, orientation: { value: 6 } })) }, {}, platform);
    if (!outcome.ok) throw new Error(outcome.reason);
    const { full, thumb, source } = outcome.photo;
    // The camera stored it on its side (Exif 6): portrait, whatever the frame header said.
    expect(source).toEqual({ width: 3000, height: 4000 });
    // Decoded and scaled in one step, straight to the stored size as shown.
    expect(platform.decode).toHaveBeenCalledWith(expect.any(Blob), { size: { width: 1920, height: 2560 }, smoothing: 'low' });
    expect({ width: full.width, height: full.height }).toEqual({ width: 1920, height: 2560 });
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 240, height: 320 });
    expect(new TextDecoder().decode(full.bytes)).toBe('jpeg 1920x2560 q0.85');
    expect(full.sha256).toBe(createHash('sha256').update(new Uint8Array(full.bytes)).digest('hex'));
    expect(thumb.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(images.every((image) => image.closed)).toBe(true);
  });

  it('makes the thumbnail from the scaled picture, then hands the full size over last', async () => {
    const { platform } = fakePlatform();
    await processPhoto({ file: file(jpeg({ width: 4000, height: 3000 })) }, {}, platform);
    expect(vi.mocked(platform.encode).mock.calls.map(([image, size, , options]) => [image.width, size.width, options])).toEqual([
      [2560, 320, { opaque: true, handOver: false }],
      [2560, 2560, { opaque: true, handOver: true }],
    ]);
  });

  it('draws a photo the camera stored on its side: only a draw applies the orientation', async () => {
    const { platform } = fakePlatform();
    await processPhoto({ file: file(jpeg({ width: 4000, height: 3000, orientation: { value: 6 } })) }, {}, platform);
    expect(vi.mocked(platform.encode).mock.calls.map(([, size, , options]) => [size.width, size.height, options.handOver])).toEqual([
      [240, 320, false],
      [1920, 2560, false],
    ]);
  });

  it('asks for mipmapped smoothing when the photo shrinks by more than half', async () => {
    const { platform } = fakePlatform();
    await processPhoto({ file: file(jpeg({ width: 8000, height: 6000 })) }, {}, platform);
    expect(platform.decode).toHaveBeenCalledWith(expect.any(Blob), { size: { width: 2560, height: 1920 }, smoothing: 'high' });
  });

  it('decodes a PNG at its own size, then scales it over white (it may be transparent)', async () => {
    const { platform } = fakePlatform({ width: 4000, height: 3000 });
    const outcome = await processPhoto({ file: file(png(4000, 3000), 'image/png') }, {}, platform);
    expect(outcome.ok && outcome.photo.full.width).toBe(2560);
    expect(platform.decode).toHaveBeenCalledWith(expect.any(Blob), undefined);
    expect(vi.mocked(platform.encode).mock.calls.map(([, , , options]) => options.opaque)).toEqual([false, false]);
  });

  it('decodes a JPEG that already fits at its own size', async () => {
    const { platform } = fakePlatform({ width: 1600, height: 1200 });
    const outcome = await processPhoto({ file: file(jpeg({ width: 1600, height: 1200 })) }, {}, platform);
    expect(outcome.ok && outcome.photo.full.width).toBe(1600);
    expect(platform.decode).toHaveBeenCalledWith(expect.any(Blob), undefined);
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
