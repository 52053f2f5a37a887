// What the front-office journeys need: records put straight into the app's IndexedDB, who is at
// the device (the persisted session), print views rendered to PDF and rasterised, and QR codes
// read back from the pictures by jsQR running in the page.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { packActivity } from '../../../src/db/record-stores';
import type { ChecklistAnswer, CustodyEvent } from '../../../src/protocol/protocol';

const require = createRequire(import.meta.url);

/** Puts records into the app's IndexedDB stores (the app must have opened it once). */
export async function seedStores(page: Page, stores: Record<string, unknown[]>): Promise<void> {
  const data = withActivity(stores);
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(data), 'readwrite');
          for (const [store, records] of Object.entries(data)) for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    data,
  );
}

/**
 * Answers and custody events given as `checklistAnswers` and `custodyEvents` go where the app
 * keeps them: together, in one `jobActivity` record per job (src/db/record-stores.ts).
 */
function withActivity(stores: Record<string, unknown[]>): Record<string, unknown[]> {
  const { checklistAnswers = [], custodyEvents = [], ...rest } = stores;
  if (checklistAnswers.length === 0 && custodyEvents.length === 0) return rest;
  return { ...rest, jobActivity: packActivity(checklistAnswers as ChecklistAnswer[], custodyEvents as CustodyEvent[]) };
}

/** Every checklist answer or custody event on the device, of every job. */
export async function readActivity<T = Record<string, unknown>>(page: Page, kind: 'answers' | 'custody'): Promise<T[]> {
  const rows = await readStore<Record<'answers' | 'custody', Record<string, T>>>(page, 'jobActivity');
  return rows.flatMap((row) => Object.values(row[kind]));
}

/** Reads every record of one store. */
export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/**
 * Says who works at this device, as unlocking would: zustand's persisted session
 * (src/state/session-store.ts, version 1), active just now so the idle lock does not close it.
 */
export async function signIn(page: Page, personId: string): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('loupe.session', JSON.stringify({ state: { personId: id, lastActiveAt: Date.now() }, version: 1 })), personId);
}

/**
 * Stores a JPEG's bytes as the device stores photos (content-addressed, SHA-256 hex) and returns
 * its hash, so a photo record can point at it. Full size and thumbnail are the same bytes here.
 */
export async function storeJpeg(page: Page, file: string): Promise<string> {
  const base64 = readFileSync(file).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0)).buffer;
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('loupe');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('photoBytes', 'readwrite');
        tx.objectStore('photoBytes').put({ sha256, type: 'image/jpeg', bytes, kind: 'thumb', storedAt: new Date().toISOString() });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    return sha256;
  }, base64);
}

/** The current page as a PDF, with the page size its CSS asks for, as the print dialog would. */
export async function printToPdf(page: Page, file: string): Promise<void> {
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
}

/** Rasterises every page of a PDF with Debian's pdftoppm; returns the PNGs in page order. */
export function rasterise(pdf: string, dir: string, name: string, dpi = 300): string[] {
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, name)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftoppm is missing. Run `npm test` (it installs it as root on Debian) or: apt-get install -y poppler-utils');
    throw error;
  }
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export interface Decoded {
  width: number;
  height: number;
  /** The QR payload, or null when none could be read. */
  text: string | null;
}

/**
 * Reads a QR code in a PNG: Chromium decodes the PNG into a canvas, jsQR (loaded into the page)
 * reads the pixels. `crop` (in pixels) narrows it to one label of a sheet.
 */
export async function decodeQr(context: BrowserContext, png: string, crop?: { x: number; y: number; width: number; height: number }): Promise<Decoded> {
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><title>decode</title>');
    await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    return await page.evaluate(
      async ({ data, crop }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const area = crop ?? { x: 0, y: 0, width: image.naturalWidth, height: image.naturalHeight };
        const canvas = document.createElement('canvas');
        canvas.width = area.width;
        canvas.height = area.height;
        const context2d = canvas.getContext('2d')!;
        context2d.drawImage(image, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
        const pixels = context2d.getImageData(0, 0, area.width, area.height);
        const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
        const code = jsQR(pixels.data, pixels.width, pixels.height);
        return { width: image.naturalWidth, height: image.naturalHeight, text: code?.data ?? null };
      },
      { data: readFileSync(png).toString('base64'), crop },
    );
  } finally {
    await page.close();
  }
}
