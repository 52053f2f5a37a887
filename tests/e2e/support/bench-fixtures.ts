// What the bench journeys need on disk and in the device: a QR tag turned into a fake camera
// feed, a JPEG to photograph with, and jobs and people put straight into IndexedDB (as a sync
// would have) until the sync engine brings them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { seedStores } from './front-office';

/** A PNG of a QR code holding `payload`, and a .y4m video of it for Chromium's fake camera. */
export async function makeTagVideo(dir: string, name: string, payload: string): Promise<{ png: string; y4m: string }> {
  const png = join(dir, `${name}.png`);
  const y4m = join(dir, `${name}.y4m`);
  // Small enough to sit inside the scanner's square (70 % of the frame's height), as a tag held
  // a hand's width from the lens would.
  await QRCode.toFile(png, payload, { width: 280, margin: 4, errorCorrectionLevel: 'M' });
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-loop', '1', '-i', png,
    '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    '-t', '2', '-r', '10', y4m,
  ]);
  return { png, y4m };
}

/** A real JPEG photograph-sized test picture. */
export function makeJpeg(dir: string, name: string, colour: string): string {
  const file = join(dir, `${name}.jpg`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=1600x1200,drawgrid=w=100:h=100:t=4:c=white`, '-frames:v', '1', '-q:v', '3', file]);
  return file;
}

/** The Chromium flags that replace the camera by a video file and say yes to the permission. */
export function fakeCameraArgs(y4m: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}

/** Puts jobs and people straight into the app's IndexedDB (the app must have opened it once). */
export async function seedDevice(page: Page, records: { jobs: unknown[]; people: unknown[] }): Promise<void> {
  await seedStores(page, { jobs: records.jobs, people: records.people });
}

/** How many records one store of the app's IndexedDB holds. */
export async function countRecords(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}
