import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobPhotos } from '../../src/components/photos/JobPhotos';
import { db } from '../../src/db/database';
import { savePhoto } from '../../src/db/photos-repo';
import type { Actor } from '../../src/db/local-changes';
import type { Job } from '../../src/db/records';
import { newId } from '../../src/domain/ids';
import type { PhotoStage } from '../../src/domain/vocabulary';
import { initI18n, loadCatalogues, setLanguage } from '../../src/i18n/i18n';
import type { PhotoProcessor } from '../../src/photos/photo-processor';
import { aJob } from '../support/factories';
import { anEncodedImage, fakeProcessor, quotaError } from '../photos/photo-fakes';

// jsdom swaps in its own ArrayBuffer and Uint8Array, which Node's Web Crypto (the hash check on
// every photo read and write) and fake-indexeddb's clones do not produce or accept. A browser
// has one realm; so does this file, from here on.
globalThis.ArrayBuffer = new TextEncoder().encode('').buffer.constructor as ArrayBufferConstructor;
globalThis.Uint8Array = new TextEncoder().encode('').constructor as Uint8ArrayConstructor;

const actor: Actor = { personId: newId(), role: 'jeweler' };
let urls = 0;

beforeEach(async () => {
  await db.delete();
  await db.open();
  // jsdom has no object URLs: count what is made and revoked.
  URL.createObjectURL = vi.fn(() => `blob:loupe/${++urls}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

async function show(job: Job, options: { actor?: Actor | null; process?: PhotoProcessor; language?: 'en' | 'fr' } = {}) {
  await initI18n(options.language ?? 'en');
  await loadCatalogues('job'); // a job's words come with its screen, loaded by the route in the app
  await setLanguage(options.language ?? 'en');
  await db.jobs.put(job);
  return render(<JobPhotos job={job} actor={options.actor === undefined ? actor : options.actor} process={options.process ?? fakeProcessor()} />);
}

const jpegFile = (name = 'ring.jpg') => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], name, { type: 'image/jpeg' });

async function seed(job: Job, stage: PhotoStage, label: string) {
  await savePhoto({ id: newId(), jobId: job.id, stage, full: anEncodedImage(`${label} full`), thumb: anEncodedImage(`${label} thumb`, 320, 240) }, actor, { db });
}

function section(name: string) {
  return screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });
}

describe('job photos: taking them', () => {
  it('labels each capture button by stage, with the camera, for image files', async () => {
    await show(aJob());
    const input = await screen.findByLabelText('Take a before photo');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/*');
    expect(input).toHaveAttribute('capture', 'environment');
    for (const label of ['Take a progress photo', 'Take an after photo', 'Photograph the hallmark or serial']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getAllByRole('button', { name: 'Camera: several photos' })).toHaveLength(4);
  });

  it('a chosen photo is stored and appears in its stage’s gallery', async () => {
    const job = aJob();
    await show(job);
    await userEvent.upload(await screen.findByLabelText('Take a before photo'), jpegFile());
    const before = section('Before');
    const thumb = await within(before).findByRole('button', { name: /^Before photo 1 of 1, taken / });
    await waitFor(() => expect(thumb.querySelector('img')).toHaveAttribute('src', expect.stringMatching(/^blob:loupe\//)));
    expect(within(before).getByRole('status')).toHaveTextContent('Photo saved.');
    const [photo] = await db.photos.toArray();
    expect(photo).toMatchObject({ jobId: job.id, stage: 'before', takenBy: actor.personId, marks: [] });
    expect(await db.outbox.where('entity').equals('photo').count()).toBe(1);
    expect(within(section('After')).getByText('No photos yet.')).toBeInTheDocument();
  });

  it.each([
    ['corrupt', /damaged or incomplete/],
    ['not_image', /not a photo/],
    ['empty', /file is empty/],
  ] as const)('%s: says so in words, stores nothing', async (reason, words) => {
    await show(aJob(), { process: fakeProcessor(() => ({ ok: false, reason })) });
    await userEvent.upload(await screen.findByLabelText('Take an after photo'), jpegFile());
    expect(await within(section('After')).findByRole('alert')).toHaveTextContent(words);
    expect(await db.photos.count()).toBe(0);
    expect(await db.photoBytes.count()).toBe(0);
  });

  it('a 100-megapixel image: says how big and what the limit is', async () => {
    await show(aJob(), { process: fakeProcessor(() => ({ ok: false, reason: 'too_large', detail: { width: 10_000, height: 10_000 } })) });
    await userEvent.upload(await screen.findByLabelText('Take a before photo'), jpegFile('huge.jpg'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This image is too large (100 megapixels; the limit is 50).');
  });

  it('storage full: says to sync then free space, keeps the photos already there', async () => {
    const job = aJob();
    await seed(job, 'before', 'earlier');
    await show(job);
    vi.spyOn(db.outbox, 'add').mockImplementation(() => Promise.reject(quotaError()) as never);
    await userEvent.upload(await screen.findByLabelText('Take a before photo'), jpegFile());
    const alert = await within(section('Before')).findByRole('alert');
    expect(alert).toHaveTextContent(/storage is full.*Sync now.*free space.*Nothing already saved was lost/);
    expect(await db.photos.count()).toBe(1);
    expect(await db.photoBytes.count()).toBe(2);
    expect(within(section('Before')).getAllByRole('button', { name: /^Before photo/ })).toHaveLength(1);
  });

  it('a crashed worker: says so, and the next photo still works', async () => {
    let calls = 0;
    const flaky: PhotoProcessor = async (source, options) => {
      calls += 1;
      if (calls === 1) throw new Error('the photo worker stopped');
      return fakeProcessor()(source, options);
    };
    await show(aJob(), { process: flaky });
    const input = await screen.findByLabelText('Take a progress photo');
    await userEvent.upload(input, jpegFile());
    expect(await within(section('In progress')).findByRole('alert')).toHaveTextContent('could not be processed');
    await userEvent.upload(input, jpegFile());
    expect(await within(section('In progress')).findByRole('button', { name: /^In progress photo 1 of 1/ })).toBeInTheDocument();
    expect(within(section('In progress')).queryByRole('alert')).toBeNull();
  });

  it('nobody signed in: photos show, nothing can be taken', async () => {
    const job = aJob();
    await seed(job, 'before', 'a');
    await show(job, { actor: null });
    expect(await screen.findByText('Unlock the tablet with your PIN to take photos.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Take a before photo')).toBeNull();
    expect(await within(section('Before')).findByRole('button', { name: /^Before photo 1 of 1/ })).toBeInTheDocument();
  });

  it('intake photos show read only; a released job takes no more photos', async () => {
    const job = aJob({ status: 'released' });
    await seed(job, 'intake', 'at the desk');
    await show(job);
    const intake = await screen.findByRole('region', { name: /^Intake \(1\)/ });
    expect(within(intake).getByText('Taken at intake; read only.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Take a before photo')).toBeNull();
  });
});

describe('job photos: looking at them', () => {
  it('opens the full-size photo full screen; zooms with buttons and keys; closes with Escape and gives focus back', async () => {
    const job = aJob();
    await seed(job, 'before', 'one');
    await seed(job, 'before', 'two');
    await show(job);
    const thumb = await screen.findByRole('button', { name: /^Before photo 1 of 2/ });
    await userEvent.click(thumb);
    const dialog = await screen.findByRole('dialog', { name: 'Before photo 1 of 2' });
    expect(await within(dialog).findByRole('img', { name: 'Before photo 1 of 2' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Previous photo' })).toBeDisabled();

    expect(within(dialog).getByText('Zoom: 100 %')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zoom in' }));
    expect(within(dialog).getByText('Zoom: 160 %')).toBeInTheDocument();
    await userEvent.keyboard('+');
    expect(within(dialog).getByText('Zoom: 256 %')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fit to screen' }));
    expect(within(dialog).getByText('Zoom: 100 %')).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Next photo' }));
    expect(screen.getByRole('dialog', { name: 'Before photo 2 of 2' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /^Before photo 1 of 2/ })).toHaveFocus();
  });

  it('zooms in on a double-tap and out on the next', async () => {
    const job = aJob();
    await seed(job, 'after', 'one');
    await show(job);
    await userEvent.click(await screen.findByRole('button', { name: /^After photo 1 of 1/ }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('img');
    const stage = dialog.querySelector('.zoom-stage')!;
    const tap = (t: number) => {
      fireEvent.pointerDown(stage, { pointerId: 1, clientX: 50, clientY: 50, timeStamp: t });
      fireEvent.pointerUp(stage, { pointerId: 1, clientX: 50, clientY: 50, timeStamp: t + 40 });
    };
    act(() => {
      tap(1000);
      tap(1150);
    });
    expect(within(dialog).getByText('Zoom: 300 %')).toBeInTheDocument();
    act(() => {
      tap(3000);
      tap(3150);
    });
    expect(within(dialog).getByText('Zoom: 100 %')).toBeInTheDocument();
  });

  it('shows the thumbnail, and says so, when the full size is no longer on the tablet', async () => {
    const job = aJob();
    await seed(job, 'before', 'evicted');
    const [photo] = await db.photos.toArray();
    await db.photoBytes.delete(photo!.sha256);
    await show(job);
    await userEvent.click(await screen.findByRole('button', { name: /^Before photo 1 of 1/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/full-size photo is not on this tablet/)).toBeInTheDocument();
    expect(within(dialog).getByRole('img')).toBeInTheDocument();
  });

  it('shows a thumbnail that arrives while the screen is open (fetched once someone unlocked the tablet)', async () => {
    const job = aJob();
    await seed(job, 'before', 'late');
    const [photo] = await db.photos.toArray();
    const thumb = await db.photoBytes.get(photo!.thumbSha256);
    await db.photoBytes.delete(photo!.thumbSha256);
    await show(job);
    const region = await screen.findByRole('region', { name: /^Before \(/ });
    // Thumbnails are decorative images (alt=""): looked for as elements.
    await within(region).findByRole('button', { name: /^Before photo 1 of 1/ });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(region.querySelectorAll('img')).toHaveLength(0);
    await db.photoBytes.put(thumb!);
    await waitFor(() => expect(region.querySelectorAll('img')).toHaveLength(1));
  });

  it('puts before and after side by side', async () => {
    const job = aJob();
    await seed(job, 'before', 'b');
    await show(job);
    expect(screen.queryByRole('button', { name: 'Compare before and after' })).toBeNull();
    await act(() => seed(job, 'after', 'a'));
    await userEvent.click(await screen.findByRole('button', { name: 'Compare before and after' }));
    const dialog = await screen.findByRole('dialog', { name: 'Before and after' });
    expect(await within(dialog).findByRole('img', { name: 'Before' })).toBeInTheDocument();
    expect(await within(dialog).findByRole('img', { name: 'After' })).toBeInTheDocument();
  });

  it('revokes the object URLs it made when it goes away', async () => {
    const job = aJob();
    await seed(job, 'before', 'one');
    const view = await show(job);
    const thumb = await screen.findByRole('button', { name: /^Before photo 1 of 1/ });
    await waitFor(() => expect(thumb.querySelector('img')).not.toBeNull());
    const made = vi.mocked(URL.createObjectURL).mock.results.map((r) => r.value as string);
    view.unmount();
    expect(vi.mocked(URL.revokeObjectURL).mock.calls.map(([url]) => url)).toEqual(made);
  });

  it('speaks French', async () => {
    const job = aJob();
    await seed(job, 'before', 'one');
    await show(job, { language: 'fr' });
    expect(await screen.findByLabelText('Prendre une photo avant travaux')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /^Avant : photo 1 sur 1, prise le / })).toBeInTheDocument();
  });
});
