import type { PhotoMeta } from '../../db/records';
import { usePhotoUrl } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';

interface Props {
  photo: PhotoMeta;
  label: string;
  onOpen: () => void;
}

/** A gallery tile: the stored thumbnail, a large target that opens the viewer. */
export function PhotoThumb({ photo, label, onOpen }: Props) {
  const { t } = useT();
  const thumb = usePhotoUrl(photo.thumbSha256);
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} aria-label={label} data-state={thumb.state}>
      {thumb.state === 'ready' && <img src={thumb.url} alt="" width={photo.width} height={photo.height} draggable={false} />}
      {(thumb.state === 'missing' || thumb.state === 'damaged') && <span className="photo-thumb-missing">{t('photos.thumbMissing')}</span>}
    </button>
  );
}
