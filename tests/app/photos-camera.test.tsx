import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobPhotos } from '../../src/components/photos/JobPhotos';
import { db } from '../../src/db/database';
import type { Actor } from '../../src/db/local-changes';
import { newId } from '../../src/domain/ids';
import { initI18n, loadCatalogues, setLanguage } from '../../src/i18n/i18n';
import type { PhotoProcessor } from '../../src/photos/photo-processor';
import { aJob } from '../support/factories';
import { fakeProcessor } from '../photos/photo-fakes';

// The in-app camera, with getUserMedia and the video frame faked (jsdom has neither).
// See tests/app/photos.test.tsx for why the realm of ArrayBuffer is set here.
globalThis.ArrayBuffer = new TextEncoder().encode('').buffer.constructor as ArrayBufferConstructor;
globalThis.Uint8Array = new TextEncoder().encode('').constructor as Uint8ArrayConstructor;

const actor: Actor = { personId: newId(), role: 'jeweler' };
const track = { stop: vi.fn() };
const stream = { getTracks: () => [track] } as unknown as MediaStream;

function fakeCamera(answer: () => Promise<MediaStream>) {
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: vi.fn(answer) } });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await initI18n('en');
  await loadCatalogues('job'); // a job's words come with its screen, loaded by the route in the app
  await setLanguage('en');
  track.stop.mockClear();
  URL.createObjectURL = vi.fn(() => 'blob:loupe/camera');
  URL.revokeObjectURL = vi.fn();
  Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() });
  Object.defineProperty(HTMLVideoElement.prototype, 'videoWidth', { configurable: true, get: () => 1920 });
  Object.defineProperty(HTMLVideoElement.prototype, 'videoHeight', { configurable: true, get: () => 1080 });
  // A "frame": what createImageBitmap(video) gives, closed by the pipeline.
  globalThis.createImageBitmap = vi.fn(async () => ({ width: 1920, height: 1080, close: vi.fn() }) as unknown as ImageBitmap);
});
afterEach(() => vi.restoreAllMocks());

async function openCamera(process: PhotoProcessor) {
  const job = aJob();
  await db.jobs.put(job);
  render(<JobPhotos job={job} actor={actor} process={process} />);
  const hallmark = await screen.findByRole('region', { name: /^Hallmark \/ serial/ });
  await userEvent.click(within(hallmark).getByRole('button', { name: 'Camera: several photos' }));
  return screen.findByRole('dialog', { name: 'Camera: Hallmark / serial' });
}

describe('the in-app camera', () => {
  it('asks for the back camera, takes a series from the video, stops the camera when done', async () => {
    fakeCamera(async () => stream);
    const process = vi.fn(fakeProcessor());
    const camera = await openCamera(process);
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ audio: false, video: expect.objectContaining({ facingMode: { ideal: 'environment' } }) }));
    const shutter = within(camera).getByRole('button', { name: 'Take the photo' });
    await waitFor(() => expect(shutter).toBeEnabled());

    await userEvent.click(shutter);
    await userEvent.click(shutter);
    expect(await within(camera).findByText('2 photos taken')).toBeInTheDocument();
    // Each frame went to the pipeline as a decoded frame, not a file.
    expect(process).toHaveBeenCalledTimes(2);
    expect(process.mock.calls[0]![0]).toHaveProperty('frame');
    expect((await db.photos.toArray()).filter((p) => p.stage === 'hallmark')).toHaveLength(2);

    await userEvent.click(within(camera).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(track.stop).toHaveBeenCalled();
    expect(await screen.findAllByRole('button', { name: /^Hallmark \/ serial photo \d of 2/ })).toHaveLength(2);
  });

  it('a refused camera: says so and points to the file button', async () => {
    fakeCamera(async () => {
      throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    });
    const camera = await openCamera(fakeProcessor());
    expect(await within(camera).findByRole('alert')).toHaveTextContent('The camera is not allowed for Loupe. Use “Photograph the hallmark or serial” instead');
    expect(within(camera).getByRole('button', { name: 'Take the photo' })).toBeDisabled();
  });

  it('no camera at all: says so', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
    const camera = await openCamera(fakeProcessor());
    expect(await within(camera).findByRole('alert')).toHaveTextContent('No camera is available.');
  });

  it('a frame the pipeline refuses: says why, in the camera view', async () => {
    fakeCamera(async () => stream);
    const camera = await openCamera(fakeProcessor(() => ({ ok: false, reason: 'too_large', detail: { width: 20_000, height: 5_000 } })));
    const shutter = within(camera).getByRole('button', { name: 'Take the photo' });
    await waitFor(() => expect(shutter).toBeEnabled());
    await userEvent.click(shutter);
    expect(await within(camera).findByRole('alert')).toHaveTextContent('too large (100 megapixels');
    expect(within(camera).getByText('0 photos taken')).toBeInTheDocument();
  });
});
