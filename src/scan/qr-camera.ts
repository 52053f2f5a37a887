// The one module that knows html5-qrcode. Only the scan screen imports it, so the library lives
// in that screen's lazy chunk and never in the main bundle.
//
// Starting and stopping a camera are slow and asynchronous, and a screen can ask for both in the
// same tick (React's strict mode, a tab hidden while the camera opens). Every operation goes
// through one queue, so a stop always waits for the start before it and two video streams are
// never open on the same element.
import { Html5Qrcode, Html5QrcodeScannerState, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { ensureQrDecoder } from './qr-decoder';

export interface CameraInfo {
  id: string;
  label: string;
}

export interface QrCameraSession {
  /** The device id of the camera that opened (to remember it, and to show it chosen). */
  readonly cameraId: string | undefined;
  readonly torchSupported: boolean;
  setTorch(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export type CameraErrorKind = 'denied' | 'not_found' | 'in_use' | 'insecure' | 'other';

let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(operation: () => Promise<T>): Promise<T> {
  const next = queue.then(operation, operation);
  queue = next.catch(() => undefined);
  return next;
}

const CONFIG = {
  verbose: false,
  formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
  // A BarcodeDetector is always there by the time a scanner is made (./qr-decoder.ts): the
  // browser's own where it reads QR codes, ZXing-C++ elsewhere.
  useBarCodeDetectorIfSupported: true,
};

/** The cameras this device has. Asks for permission if not yet given. */
export async function listCameras(): Promise<CameraInfo[]> {
  const cameras = await Html5Qrcode.getCameras();
  return cameras.map((c) => ({ id: c.id, label: c.label }));
}

/**
 * Opens a camera in the element `elementId` and calls `onCode` with every QR code it decodes.
 * `cameraId`: the camera chosen before on this device; without it (or if it is gone) the back
 * camera (`facingMode: 'environment'`), which is the one facing the bench on a tablet.
 */
export function startQrCamera(elementId: string, cameraId: string | undefined, onCode: (text: string) => void): Promise<QrCameraSession> {
  return enqueue(async () => {
    // html5-qrcode picks its decoder when it is constructed.
    await ensureQrDecoder();
    const scanner = new Html5Qrcode(elementId, CONFIG);
    const scanConfig = {
      fps: 10,
      // A square in the middle, 70 % of the shorter side: a tag held at a comfortable distance.
      qrbox: (width: number, height: number) => {
        const side = Math.max(120, Math.floor(Math.min(width, height) * 0.7));
        return { width: side, height: side };
      },
    };
    const onSuccess = (text: string) => onCode(text);
    try {
      await scanner.start(cameraId ? { deviceId: { exact: cameraId } } : { facingMode: 'environment' }, scanConfig, onSuccess, undefined);
    } catch (error) {
      if (!cameraId || cameraErrorKind(error) === 'denied') throw error;
      // The remembered camera is gone (another tablet model, a USB camera unplugged): use the back one.
      await scanner.start({ facingMode: 'environment' }, scanConfig, onSuccess, undefined);
    }
    return sessionOf(scanner);
  });
}

function sessionOf(scanner: Html5Qrcode): QrCameraSession {
  let torchSupported = false;
  let openedId: string | undefined;
  try {
    torchSupported = scanner.getRunningTrackCameraCapabilities().torchFeature().isSupported();
    openedId = scanner.getRunningTrackSettings().deviceId;
  } catch {
    // Some browsers cannot report capabilities: no torch button, nothing else lost.
  }
  return {
    cameraId: openedId,
    torchSupported,
    async setTorch(on) {
      // Not in the DOM's constraint types yet; html5-qrcode passes it to the track as is.
      await scanner.applyVideoConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    },
    stop: () =>
      enqueue(async () => {
        const state = scanner.getState();
        if (state === Html5QrcodeScannerState.SCANNING || state === Html5QrcodeScannerState.PAUSED) await scanner.stop();
        scanner.clear();
      }),
  };
}

/**
 * Reads a QR code from a photo of a tag: the fallback when the camera is refused or broken.
 * Resolves null when the picture holds no readable code. `elementId` must be an empty element
 * that no camera uses.
 */
export function scanImageFile(elementId: string, file: File): Promise<string | null> {
  return enqueue(async () => {
    await ensureQrDecoder();
    const scanner = new Html5Qrcode(elementId, CONFIG);
    try {
      return await scanner.scanFile(file, false);
    } catch {
      return null;
    } finally {
      scanner.clear();
    }
  });
}

/** What went wrong when opening the camera, to say it in words. html5-qrcode often rejects with strings. */
export function cameraErrorKind(error: unknown): CameraErrorKind {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/NotAllowed|Permission|denied/i.test(text)) return 'denied';
  if (/NotFound|not found|OverconstrainedError|no camera/i.test(text)) return 'not_found';
  if (/NotReadable|TrackStart|in use|Could not start/i.test(text)) return 'in_use';
  if (/secure context|insecure|https/i.test(text)) return 'insecure';
  return 'other';
}
