import type { JobPhotoRef } from '../../db/checklist-repo';
import type { PhotoStage } from '../../domain/vocabulary';
import { usePhotoUrl } from '../../hooks/use-photos';
import { formatDateTime, useT } from '../../i18n/i18n';

/** A photo item: pick which of the job's photos of the right stage answers it. */
export function PhotoLink(props: { label: string; stage: PhotoStage; photos: readonly JobPhotoRef[]; linkedId: string | null; editable: boolean; onLink: (id: string) => Promise<void> }) {
  const { t } = useT();
  const candidates = props.photos.filter((p) => p.stage === props.stage);
  if (candidates.length === 0) {
    return <p className="muted">{t('checklist.noPhotoYet', { stage: t(`checklist.stages.${props.stage}`) })}</p>;
  }
  return (
    <div className="photo-links" role="group" aria-label={props.label}>
      {candidates.map((photo, i) => (
        <LinkButton key={photo.id} photo={photo} index={i + 1} linked={photo.id === props.linkedId} disabled={!props.editable} onLink={() => void props.onLink(photo.id)} />
      ))}
    </div>
  );
}

function LinkButton({ photo, index, linked, disabled, onLink }: { photo: JobPhotoRef; index: number; linked: boolean; disabled: boolean; onLink: () => void }) {
  const { t, language } = useT();
  const thumb = usePhotoUrl(photo.thumbSha256);
  return (
    <button type="button" className="button photo-link" aria-pressed={linked} disabled={disabled} onClick={onLink}>
      {thumb.state === 'ready' && <img src={thumb.url} alt="" />}
      <span>{t('checklist.photoN', { n: index, time: formatDateTime(photo.takenAt, language) })}</span>
    </button>
  );
}
