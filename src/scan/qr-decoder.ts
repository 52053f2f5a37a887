// The one module that knows barcode-detector (ZXing-C++ compiled to WebAssembly, behind the
// standard BarcodeDetector API). html5-qrcode decodes with the browser's BarcodeDetector when
// there is one that reads QR codes (Android Chrome, macOS Chrome) and otherwise with its bundled
// ZXing port to JavaScript, which misses about one clean, still QR code in four (measured:
// docs/DECISIONS.md "QR decoding"). A tag on a stand under the lens is exactly that case, so
// where the browser has no QR-reading BarcodeDetector (iPad Safari, Chromium on Linux) this
// installs ZXing-C++ in its place before html5-qrcode looks for one.
import { BarcodeDetector as ZxingBarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// Served by Loupe itself and precached by the service worker: the vault has no network, and the
// library would otherwise fetch it from a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface BarcodeDetectorClass {
  getSupportedFormats(): Promise<readonly string[]>;
}
type WithDetector = { BarcodeDetector?: BarcodeDetectorClass };

let installing: Promise<void> | null = null;

/**
 * Makes sure `window.BarcodeDetector` reads QR codes well, once per page. Never rejects: if the
 * WebAssembly cannot load (a browser without it), html5-qrcode's own decoder stays in use, which
 * scans most tags rather than none.
 */
export function ensureQrDecoder(): Promise<void> {
  installing ??= install();
  return installing;
}

async function install(): Promise<void> {
  const scope = globalThis as WithDetector;
  const native = scope.BarcodeDetector;
  // Some Chromium builds expose the API with no formats at all: that one would never find a code.
  if (native && (await native.getSupportedFormats().catch((): readonly string[] => [])).includes('qr_code')) return;
  try {
    await prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, document.baseURI).href : prefix + path) },
      fireImmediately: true,
    });
  } catch (error) {
    console.warn('The QR decoder (WebAssembly) did not load; scanning with html5-qrcode’s own decoder', error);
    return;
  }
  scope.BarcodeDetector = ZxingBarcodeDetector;
}
