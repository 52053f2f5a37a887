import type { PhotoMeta } from '../../db/records';
import { usePhotoUrl } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';
import { MarksOverlay } from './MarksOverlay';

interface Props {
  photo: PhotoMeta;
  alt: string;
  /** 'thumb' for small views and print thumbnails; 'full' falls back to the thumbnail when freed. */
  size?: 'full' | 'thumb';
}

/** A stored photo with its annotation marks over it; the photo's bytes are shown untouched. */
export function MarkedPhoto({ photo, alt, size = 'full' }: Props) {
  const { t } = useT();
  const full = usePhotoUrl(size === 'full' ? photo.sha256 : undefined);
  const useThumb = size === 'thumb' || full.state === 'missing' || full.state === 'damaged';
  const thumb = usePhotoUrl(useThumb ? photo.thumbSha256 : undefined);
  const shown = size === 'full' && full.state === 'ready' ? full : thumb;
  return (
    <div className="marked-photo" style={{ aspectRatio: `${photo.width} / ${photo.height}` }} data-photo-id={photo.id} data-state={shown.state}>
      {shown.state === 'ready' && <img src={shown.url} alt={alt} draggable={false} />}
      {shown.state === 'ready' && photo.marks.length > 0 && <MarksOverlay marks={photo.marks} width={photo.width} height={photo.height} />}
      {(shown.state === 'missing' || shown.state === 'damaged') && <span className="marked-photo-missing">{t('photos.thumbMissing')}</span>}
    </div>
  );
}
