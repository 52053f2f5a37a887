// One stage of a job's photos: its capture buttons (file picker with the camera, and the in-app
// camera for a series), what happened to the last photo, and the gallery of thumbnails.
import { useCallback, useId, useState, type ChangeEvent } from 'react';
import type { PhotoMeta } from '../../db/records';
import type { PhotoStage } from '../../domain/vocabulary';
import type { PhotoCapture } from '../../hooks/use-photos';
import { formatDateTime, useT } from '../../i18n/i18n';
import { captureMessage } from './capture-message';
import { CameraView } from './CameraView';
import { PhotoThumb } from './PhotoThumb';

export type CaptureStage = 'before' | 'progress' | 'after' | 'hallmark';

interface Props {
  stage: PhotoStage;
  photos: PhotoMeta[];
  /** Left out for stages shown read-only (intake, QC) or when nobody may take photos. */
  capture?: PhotoCapture | undefined;
  onOpen: (index: number) => void;
}

export function PhotoStageSection({ stage, photos, capture, onOpen }: Props) {
  const { t, language } = useT();
  const headingId = useId();
  const [camera, setCamera] = useState(false);
  const closeCamera = useCallback(() => setCamera(false), []); // stable: the camera restarts when it changes
  const stageName = t(`stages.${stage}`);
  const takeLabel = isCaptureStage(stage) ? t(`photos.take.${stage}`) : '';
  const message = capture?.messages[stage];
  const busy = capture?.busy.has(stage) ?? false;

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after a failure
    for (const file of files) {
      const outcome = await capture?.capture(stage, { file });
      if (outcome && !outcome.ok) break;
    }
  }

  return (
    <section className="photo-stage" aria-labelledby={headingId} data-stage={stage} aria-busy={busy}>
      <h3 id={headingId}>
        {stageName} <span className="photo-count">({photos.length})</span>
      </h3>
      {capture && isCaptureStage(stage) && (
        <div className="photo-stage-actions">
          <label className={`button button-primary photo-take${busy ? ' is-busy' : ''}`}>
            <input className="photo-file-input" type="file" accept="image/*" capture="environment" onChange={(event) => void onFiles(event)} />
            {takeLabel}
          </label>
          <button type="button" className="button" onClick={() => setCamera(true)}>{t('photos.series')}</button>
        </div>
      )}
      {!capture && (stage === 'intake' || stage === 'qc') && <p className="photo-hint">{t('photos.readOnly')}</p>}
      {busy && <p className="photo-status" role="status">{t('photos.processing')}</p>}
      {!busy && message?.kind === 'saved' && <p className="photo-status" role="status">{t('photos.saved')}</p>}
      {message?.kind === 'error' && <p className="photo-error" role="alert">{captureMessage(message.outcome, t, language)}</p>}
      {photos.length === 0 ? (
        <p className="photo-empty">{t('photos.none')}</p>
      ) : (
        <ul className="photo-gallery" aria-label={stageName}>
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <PhotoThumb
                photo={photo}
                onOpen={() => onOpen(index)}
                label={t('photos.thumbLabel', { stage: stageName, index: index + 1, count: photos.length, time: formatDateTime(photo.takenAt, language) })}
              />
            </li>
          ))}
        </ul>
      )}
      {camera && capture && isCaptureStage(stage) && (
        <CameraView stage={stage} fallbackLabel={takeLabel} capture={capture.capture} onClose={closeCamera} />
      )}
    </section>
  );
}

export function isCaptureStage(stage: PhotoStage): stage is CaptureStage {
  return stage === 'before' || stage === 'progress' || stage === 'after' || stage === 'hallmark';
}
