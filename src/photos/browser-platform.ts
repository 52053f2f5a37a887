// The browser half of the photo pipeline: createImageBitmap to decode (EXIF orientation applied),
// an OffscreenCanvas to scale and encode, Web Crypto to hash. Runs in the photo worker, where
// none of it blocks the screen.
import { toHex, type PhotoPlatform } from './process-photo';
import type { Size } from './photo-limits';

export const browserPlatform: PhotoPlatform<ImageBitmap> = {
  decode: (source) => createImageBitmap(source, { imageOrientation: 'from-image' }),

  async encode(image, size: Size, quality) {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('no 2D context on OffscreenCanvas');
    // A transparent PNG would turn black as JPEG: paper-white underneath instead.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, size.width, size.height);
    // A fresh encode carries no EXIF, XMP or ICC segment from the source: GPS is gone here.
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return blob.arrayBuffer();
  },

  sha256: async (bytes) => toHex(await crypto.subtle.digest('SHA-256', bytes)),
  now: () => performance.now(),
};
