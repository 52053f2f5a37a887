import { useState } from 'react';
import type { Actor } from '../../db/local-changes';
import type { Job, PhotoMeta } from '../../db/records';
import { useJobPhotos } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';
import { CompareViewer } from '../photos/CompareViewer';
// The viewer's styles come with the photo components' stylesheet.
import '../photos/photos.css';
import { MarkedPhoto } from './MarkedPhoto';
import { PhotoAnnotator } from './PhotoAnnotator';

type Side = 'before' | 'after';

/**
 * Before and after side by side (stacked on a portrait iPad), each with its marks; another photo
 * of the same stage can be chosen; full screen zooms both together; each can be marked up.
 */
export function PhotoPair({ job, actor }: { job: Job; actor: Actor | null }) {
  const { t } = useT();
  const photos = useJobPhotos(job.id);
  const [chosen, setChosen] = useState<Record<Side, number | null>>({ before: null, after: null });
  const [compare, setCompare] = useState(false);
  const [annotating, setAnnotating] = useState<string | null>(null);
  if (!photos) return <section className="card" aria-busy="true" />;

  const byStage = (side: Side) => photos.filter((p) => p.stage === side);
  const pick = (side: Side): PhotoMeta | undefined => {
    const list = byStage(side);
    return list[chosen[side] ?? list.length - 1];
  };
  const before = pick('before');
  const after = pick('after');
  const editing = annotating ? photos.find((p) => p.id === annotating) : undefined;

  return (
    <section className="card photo-pair" aria-labelledby="photo-pair-title">
      <div className="section-head">
        <h2 id="photo-pair-title">{t('review.photos')}</h2>
        {before && after && <button type="button" className="button" onClick={() => setCompare(true)}>{t('review.fullScreen')}</button>}
      </div>
      <div className="pair">
        {(['before', 'after'] as const).map((side) => {
          const list = byStage(side);
          const photo = side === 'before' ? before : after;
          const stage = t(`stages.${side}`);
          return (
            <figure key={side} className="pair-side" data-side={side}>
              <figcaption>
                {t(`review.${side}`)}
                {photo && photo.marks.length > 0 && <span className="chip">{t('review.marksCount', { count: photo.marks.length })}</span>}
              </figcaption>
              {photo ? <MarkedPhoto photo={photo} alt={stage} /> : <p className="muted pair-empty">{t('review.noPhoto', { stage: stage.toLowerCase() })}</p>}
              {list.length > 1 && (
                <div className="pair-picker" role="group">
                  {list.map((p, i) => (
                    <button
                      key={p.id}
                      type="button"
                      className="button"
                      aria-pressed={p.id === photo?.id}
                      aria-label={t('review.choosePhoto', { stage, index: i + 1, count: list.length })}
                      onClick={() => setChosen((c) => ({ ...c, [side]: i }))}
                    >
                      {i + 1}
                    </button>
                  ))}
                </div>
              )}
              {photo && actor && job.status !== 'released' && (
                <button type="button" className="button" onClick={() => setAnnotating(photo.id)}>
                  ✎ {t('review.annotate')} ({stage})
                </button>
              )}
            </figure>
          );
        })}
      </div>
      {compare && before && after && <CompareViewer before={before} after={after} onClose={() => setCompare(false)} />}
      {editing && actor && <PhotoAnnotator photo={editing} actor={actor} onClose={() => setAnnotating(null)} />}
    </section>
  );
}
