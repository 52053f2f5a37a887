// Full-screen viewer for the photos of one stage: swipe-free navigation with buttons and arrow
// keys, pinch/double-tap/buttons to zoom. The zoom resets on each new photo.
import { useState } from 'react';
import type { PhotoMeta } from '../../db/records';
import { formatDateTime, useT } from '../../i18n/i18n';
import { IDENTITY } from '../../photos/zoom';
import { PhotoImage } from './PhotoImage';
import { ViewerFrame } from './ViewerFrame';

interface Props {
  photos: PhotoMeta[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}

export function PhotoViewer({ photos, index, onIndex, onClose }: Props) {
  const { t, language } = useT();
  const [view, setView] = useState(IDENTITY);
  const [shownIndex, setShownIndex] = useState(index);
  // A new photo starts unzoomed (state adjusted during render, as React recommends).
  if (shownIndex !== index) {
    setShownIndex(index);
    setView(IDENTITY);
  }
  const photo = photos[index];
  if (!photo) return null;
  const stage = t(`stages.${photo.stage}`);
  const title = t('photos.viewer.title', { stage, index: index + 1, count: photos.length });
  const several = photos.length > 1;

  return (
    <ViewerFrame
      title={title}
      subtitle={t('photos.viewer.takenAt', { time: formatDateTime(photo.takenAt, language) })}
      view={view}
      onView={setView}
      onClose={onClose}
      {...(several ? {
        onPrevious: index > 0 ? () => onIndex(index - 1) : null,
        onNext: index < photos.length - 1 ? () => onIndex(index + 1) : null,
      } : {})}
    >
      <PhotoImage key={photo.id} photo={photo} alt={title} view={view} onView={setView} />
    </ViewerFrame>
  );
}
