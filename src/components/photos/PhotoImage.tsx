// One stored photo, zoomable: the full-size bytes when this tablet has them, else the thumbnail
// with a word about it (full-size photos may be freed once synced).
import type { Dispatch, SetStateAction } from 'react';
import type { PhotoMeta } from '../../db/records';
import { usePhotoUrl } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';
import type { View } from '../../photos/zoom';
import { ZoomableImage } from './ZoomableImage';

interface Props {
  photo: PhotoMeta;
  alt: string;
  view: View;
  onView: Dispatch<SetStateAction<View>>;
}

export function PhotoImage({ photo, alt, view, onView }: Props) {
  const { t } = useT();
  const full = usePhotoUrl(photo.sha256);
  const fallback = full.state === 'missing' || full.state === 'damaged';
  const thumb = usePhotoUrl(fallback ? photo.thumbSha256 : undefined);
  const shown = full.state === 'ready' ? full : thumb;

  return (
    <div className="photo-image" data-photo-id={photo.id}>
      {shown.state === 'ready' && <ZoomableImage src={shown.url} alt={alt} view={view} onView={onView} />}
      {shown.state === 'loading' && <div className="loading" aria-busy="true" />}
      {fallback && thumb.state === 'ready' && <p className="photo-note" role="status">{t('photos.viewer.thumbOnly')}</p>}
      {(full.state === 'damaged' && thumb.state !== 'ready') && <p className="photo-note" role="alert">{t('photos.viewer.damaged')}</p>}
      {(full.state === 'missing' && thumb.state !== 'ready' && thumb.state !== 'loading') && <p className="photo-note" role="status">{t('photos.thumbMissing')}</p>}
    </div>
  );
}
