// The photos of one job, per stage: intake (read only), before, progress, after, hallmark/serial
// and QC (read only, when any). Capture, gallery, full-screen viewer, before/after side by side.
// Rendered by the job screen; the processor is injectable for tests (a Worker needs a browser).
import { useCallback, useMemo, useState } from 'react';
import type { Actor } from '../../db/local-changes';
import type { Job, PhotoMeta } from '../../db/records';
import type { PhotoStage } from '../../domain/vocabulary';
import { useJobPhotos, usePhotoCapture } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';
import type { PhotoProcessor } from '../../photos/photo-processor';
import { CompareViewer } from './CompareViewer';
import { PhotoStageSection, isCaptureStage } from './PhotoStageSection';
import { PhotoViewer } from './PhotoViewer';
import { usePhotoProcessor } from './processor-context';
import './photos.css';

const STAGE_ORDER: PhotoStage[] = ['intake', 'before', 'progress', 'after', 'hallmark', 'qc'];
/** A released or cancelled job's photos are evidence: nothing more is added. */
const CLOSED = new Set(['released', 'cancelled']);

type Viewing = { kind: 'stage'; stage: PhotoStage; index: number } | { kind: 'compare' } | null;

interface Props {
  job: Job;
  actor: Actor | null;
  /** For tests; the app uses its photo worker. */
  process?: PhotoProcessor;
}

export function JobPhotos({ job, actor, process }: Props) {
  const { t } = useT();
  const photos = useJobPhotos(job.id);
  const processor = usePhotoProcessor(process);
  const capture = usePhotoCapture(job.id, actor, processor);
  const [viewing, setViewing] = useState<Viewing>(null);
  const close = useCallback(() => setViewing(null), []);

  const byStage = useMemo(() => {
    const groups = new Map<PhotoStage, PhotoMeta[]>(STAGE_ORDER.map((stage) => [stage, []]));
    for (const photo of photos ?? []) groups.get(photo.stage)?.push(photo);
    return groups;
  }, [photos]);

  if (photos === undefined) return <section className="job-photos" aria-busy="true" aria-label={t('photos.title')} />;

  const canCapture = actor !== null && !CLOSED.has(job.status);
  const before = byStage.get('before')!;
  const after = byStage.get('after')!;
  const shown = STAGE_ORDER.filter((stage) => isCaptureStage(stage) || byStage.get(stage)!.length > 0);

  return (
    <section className="job-photos" aria-labelledby="job-photos-title">
      <div className="job-photos-head">
        <h2 id="job-photos-title">{t('photos.title')}</h2>
        {before.length > 0 && after.length > 0 && (
          <button type="button" className="button" onClick={() => setViewing({ kind: 'compare' })}>{t('photos.compare.open')}</button>
        )}
      </div>
      {actor === null && <p className="photo-hint">{t('photos.unlockToTake')}</p>}
      <div className="photo-stages">
        {shown.map((stage) => (
          <PhotoStageSection
            key={stage}
            stage={stage}
            photos={byStage.get(stage)!}
            capture={canCapture && isCaptureStage(stage) ? capture : undefined}
            onOpen={(index) => setViewing({ kind: 'stage', stage, index })}
          />
        ))}
      </div>
      {viewing?.kind === 'stage' && (
        <PhotoViewer
          photos={byStage.get(viewing.stage)!}
          index={viewing.index}
          onIndex={(index) => setViewing({ ...viewing, index })}
          onClose={close}
        />
      )}
      {viewing?.kind === 'compare' && before.length > 0 && after.length > 0 && (
        <CompareViewer before={before[before.length - 1]!} after={after[after.length - 1]!} onClose={close} />
      )}
    </section>
  );
}
