import { useCallback, useEffect, useState } from 'react';
import type { Actor } from '../db/local-changes';
import { db } from '../db/database';
import { useLive } from '../db/live';
import { hasPhotoBytes } from '../db/photo-bytes-repo';
import { listJobPhotos, readPhotoBlob } from '../db/photos-repo';
import type { PhotoMeta } from '../db/records';
import { useSetting } from './use-setting';
import type { PhotoStage } from '../domain/vocabulary';
import { capturePhoto, type CaptureOutcome } from '../photos/capture';
import { clampLongSide, DEFAULT_LONG_SIDE, LONG_SIDE_SETTING } from '../photos/photo-limits';
import type { PhotoProcessor, WorkerSource } from '../photos/photo-processor';

/** A job's photos, oldest first; undefined while loading. Re-renders when one is added. */
export function useJobPhotos(jobId: string): PhotoMeta[] | undefined {
  return useLive<PhotoMeta[] | undefined>(() => listJobPhotos(jobId), [jobId], undefined);
}

export type PhotoUrl =
  | { state: 'loading' }
  | { state: 'ready'; url: string }
  /** Not on this device (a full-size photo freed after sync, or not pulled yet). */
  | { state: 'missing' }
  /** The stored bytes no longer hash to their address. */
  | { state: 'damaged' };

/**
 * An object URL for stored photo bytes (hash checked on read), revoked when the component
 * unmounts or asks for other bytes, so a shift of 200 photos does not pile up in memory.
 */
export function usePhotoUrl(sha256: string | undefined): PhotoUrl {
  const [result, setResult] = useState<{ sha256: string | undefined; url: PhotoUrl }>({ sha256, url: { state: 'loading' } });
  // Bytes may arrive while the screen is open (thumbnails are fetched only once someone unlocked
  // the tablet): whether they are here is watched, and they are read again when they arrive.
  const here = useLive<boolean | undefined>(() => (sha256 ? hasPhotoBytes(db, sha256) : false), [sha256], undefined);

  useEffect(() => {
    if (!sha256 || !here) return;
    let live = true;
    let url: string | null = null;
    void readPhotoBlob(sha256).then(
      (read) => {
        if (!live) return;
        if (read.ok) {
          url = URL.createObjectURL(read.blob);
          setResult({ sha256, url: { state: 'ready', url } });
        } else {
          setResult({ sha256, url: { state: read.reason } });
        }
      },
      () => live && setResult({ sha256, url: { state: 'damaged' } }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256, here]);

  if (!sha256 || here === false) return { state: 'missing' };
  // Until the effect answers for these bytes, whatever was shown before is stale.
  return result.sha256 === sha256 ? result.url : { state: 'loading' };
}

/** The long side photos are stored at on this device (a setting; 2560 px by default). */
export function usePhotoLongSide(): number {
  const [value] = useSetting<unknown>(LONG_SIDE_SETTING, DEFAULT_LONG_SIDE);
  return clampLongSide(value);
}

export type CaptureMessage =
  | { stage: PhotoStage; kind: 'saved' }
  | { stage: PhotoStage; kind: 'error'; outcome: Extract<CaptureOutcome, { ok: false }> };

export interface PhotoCapture {
  /** The stages with a photo being processed or stored now. */
  busy: ReadonlySet<PhotoStage>;
  /** The last word for each stage: saved, or why not. */
  messages: Partial<Record<PhotoStage, CaptureMessage>>;
  capture(stage: PhotoStage, source: WorkerSource): Promise<CaptureOutcome>;
}

/** Takes photos for one job and keeps what the screen says about each stage. */
export function usePhotoCapture(jobId: string, actor: Actor | null, process: PhotoProcessor): PhotoCapture {
  const longSide = usePhotoLongSide();
  const [busy, setBusy] = useState<Map<PhotoStage, number>>(new Map());
  const [messages, setMessages] = useState<Partial<Record<PhotoStage, CaptureMessage>>>({});

  const capture = useCallback(
    async (stage: PhotoStage, source: WorkerSource): Promise<CaptureOutcome> => {
      if (!actor) return { ok: false, reason: 'storage_failed', message: 'nobody is signed in' };
      const bump = (by: number) => setBusy((current) => new Map(current).set(stage, (current.get(stage) ?? 0) + by));
      bump(1);
      setMessages(({ [stage]: _dropped, ...rest }) => rest);
      try {
        const outcome = await capturePhoto({ jobId, stage, source, actor, process, options: { longSide } });
        setMessages((current) => ({ ...current, [stage]: outcome.ok ? { stage, kind: 'saved' } : { stage, kind: 'error', outcome } }));
        return outcome;
      } finally {
        bump(-1);
      }
    },
    [jobId, actor, process, longSide],
  );

  const busyStages = new Set([...busy].filter(([, count]) => count > 0).map(([stage]) => stage));
  return { busy: busyStages, messages, capture };
}
