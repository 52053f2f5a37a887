// The browser half of the photo pipeline: createImageBitmap to decode (EXIF orientation applied,
// scaled in the same step when asked), an OffscreenCanvas to scale and encode, Web Crypto to
// hash. Runs in the photo worker, where none of it blocks the screen.
import { toHex, type PhotoPlatform } from './process-photo';
import { smoothingFor, type Size } from './photo-limits';

export const browserPlatform: PhotoPlatform<ImageBitmap> = {
  decode: (source, target) =>
    createImageBitmap(
      source,
      target
        ? { imageOrientation: 'from-image', resizeWidth: target.size.width, resizeHeight: target.size.height, resizeQuality: target.smoothing }
        : { imageOrientation: 'from-image' },
    ),

  async encode(image, size: Size, quality, { opaque, handOver }) {
    const canvas = new OffscreenCanvas(size.width, size.height);
    if (handOver && image.width === size.width && image.height === size.height) {
      // Already the right size, upright, nothing to paint under: the bitmap's pixels become the
      // canvas's without a draw or a copy (the bitmap is spent).
      const renderer = canvas.getContext('bitmaprenderer');
      if (!renderer) throw new Error('no bitmaprenderer context on OffscreenCanvas');
      renderer.transferFromImageBitmap(image);
    } else {
      const context = canvas.getContext('2d', { alpha: false });
      if (!context) throw new Error('no 2D context on OffscreenCanvas');
      if (!opaque) {
        // A transparent PNG would turn black as JPEG: paper-white underneath instead.
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, size.width, size.height);
      }
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = smoothingFor(image, size);
      context.drawImage(image, 0, 0, size.width, size.height);
    }
    // A fresh encode carries no EXIF, XMP or ICC segment from the source: GPS is gone here.
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return blob.arrayBuffer();
  },

  sha256: async (bytes) => toHex(await crypto.subtle.digest('SHA-256', bytes)),
  now: () => performance.now(),
};
