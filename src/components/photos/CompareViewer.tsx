// Before and after side by side (stacked in portrait), zooming and panning together so the same
// claw or the same stretch of shank is compared on both.
import { useState } from 'react';
import type { PhotoMeta } from '../../db/records';
import { useT } from '../../i18n/i18n';
import { IDENTITY } from '../../photos/zoom';
import { PhotoImage } from './PhotoImage';
import { ViewerFrame } from './ViewerFrame';

interface Props {
  before: PhotoMeta;
  after: PhotoMeta;
  onClose: () => void;
}

export function CompareViewer({ before, after, onClose }: Props) {
  const { t } = useT();
  const [view, setView] = useState(IDENTITY);
  return (
    <ViewerFrame title={t('photos.compare.title')} subtitle={t('photos.compare.zoomTogether')} view={view} onView={setView} onClose={onClose}>
      <div className="photo-compare">
        {([['before', before], ['after', after]] as const).map(([stage, photo]) => (
          <figure key={stage} className="photo-compare-side">
            <figcaption>{t(`stages.${stage}`)}</figcaption>
            <PhotoImage photo={photo} alt={t(`stages.${stage}`)} view={view} onView={setView} />
          </figure>
        ))}
      </div>
    </ViewerFrame>
  );
}
