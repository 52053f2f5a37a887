// The in-app camera for a quick series: the back camera fills the screen, each press of the
// shutter takes the current video frame (as an ImageBitmap, transferred to the photo worker:
// no copy, no encode on the main thread) and stores it like any other photo. The camera stops
// when this closes or the app goes to the background.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PhotoStage } from '../../domain/vocabulary';
import { useT } from '../../i18n/i18n';
import type { CaptureOutcome } from '../../photos/capture';
import type { WorkerSource } from '../../photos/photo-processor';
import { captureMessage } from './capture-message';
import { useModal } from './use-modal';

interface Props {
  stage: PhotoStage;
  /** The file button's words, offered when the camera cannot start. */
  fallbackLabel: string;
  capture: (stage: PhotoStage, source: WorkerSource) => Promise<CaptureOutcome>;
  onClose: () => void;
}

type CameraState = 'starting' | 'live' | 'denied' | 'unavailable';

async function grabFrame(video: HTMLVideoElement): Promise<ImageBitmap> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(video);
    } catch {
      // Older WebKit: through a canvas below.
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return createImageBitmap(canvas);
}

export function CameraView({ stage, fallbackLabel, capture, onClose }: Props) {
  const { t, language } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [taken, setTaken] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const shutter = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  useModal(done);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const stop = () => {
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
    };
    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('unavailable');
        return;
      }
      try {
        const opened = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 4032 }, height: { ideal: 3024 } },
        });
        if (cancelled) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = opened;
        if (video.current) {
          video.current.srcObject = opened;
          await video.current.play().catch(() => undefined);
        }
        setState('live');
        shutter.current?.focus();
      } catch (reason) {
        if (cancelled) return;
        const name = reason instanceof Error ? reason.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
      }
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onClose();
    };
    document.addEventListener('visibilitychange', onVisibility);
    void start();
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [onClose]);

  async function takePhoto() {
    const element = video.current;
    if (!element || state !== 'live' || element.videoWidth === 0) return;
    setError(null);
    let frame: ImageBitmap;
    try {
      frame = await grabFrame(element);
    } catch {
      setError(t('photos.errors.processing_failed'));
      return;
    }
    const outcome = await capture(stage, { frame });
    if (outcome.ok) setTaken((count) => count + 1);
    else setError(captureMessage(outcome, t, language));
  }

  const stageName = t(`stages.${stage}`);
  return createPortal(
    <div className="photo-camera" role="dialog" aria-modal="true" aria-labelledby="camera-title" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <header className="photo-viewer-bar">
        <h2 id="camera-title">{t('photos.camera.title', { stage: stageName })}</h2>
        <p role="status" className="photo-camera-count">{t('photos.camera.taken', { count: taken })}</p>
        <button ref={done} type="button" className="button button-primary" onClick={onClose}>{t('photos.camera.done')}</button>
      </header>
      <div className="photo-camera-body">
        <video ref={video} className="photo-camera-video" playsInline muted autoPlay />
        {state === 'starting' && <p className="photo-camera-note" role="status">{t('photos.camera.starting')}</p>}
        {(state === 'denied' || state === 'unavailable') && (
          <p className="photo-camera-note" role="alert">{t(`photos.camera.${state}`, { fallback: fallbackLabel })}</p>
        )}
        {error && <p className="photo-camera-note photo-camera-error" role="alert">{error}</p>}
      </div>
      <footer className="photo-camera-controls">
        <button ref={shutter} type="button" className="photo-camera-shutter" onClick={() => void takePhoto()} disabled={state !== 'live'} aria-label={t('photos.camera.shutter')} />
      </footer>
    </div>,
    document.body,
  );
}
