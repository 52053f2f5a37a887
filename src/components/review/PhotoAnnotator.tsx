import { useRef, useState, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Actor } from '../../db/local-changes';
import type { PhotoMeta } from '../../db/records';
import { savePhotoMarks } from '../../db/review-repo';
import { freehandMark, markFromDrag, MAX_MARKS, minMarkSize, toPhotoPoint, type Mark, type MarkTool, type Point } from '../../domain/photo-marks';
import { usePhotoUrl } from '../../hooks/use-photos';
import { useT } from '../../i18n/i18n';
import { useModal } from '../photos/use-modal';
import { MarksOverlay } from './MarksOverlay';

const TOOLS: readonly MarkTool[] = ['circle', 'arrow', 'freehand'];

/**
 * Draws circles, arrows and freehand lines over a photo to point at a defect. The marks are
 * vectors in the photo's pixels, saved on the photo record; the photo itself is never changed.
 */
export function PhotoAnnotator({ photo, actor, onClose }: { photo: PhotoMeta; actor: Actor; onClose: () => void }) {
  const { t } = useT();
  const full = usePhotoUrl(photo.sha256);
  const thumb = usePhotoUrl(full.state === 'missing' || full.state === 'damaged' ? photo.thumbSha256 : undefined);
  const shown = full.state === 'ready' ? full : thumb;
  const [marks, setMarks] = useState<Mark[]>(() => photo.marks.map((m) => ({ ...m }) as Mark));
  const [tool, setTool] = useState<MarkTool>('circle');
  const [drawing, setDrawing] = useState<Point[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const surface = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useModal(first);

  const size = { width: photo.width, height: photo.height };
  const pointOf = (event: PointerEvent) => {
    const rect = surface.current!.getBoundingClientRect();
    return toPhotoPoint({ x: event.clientX, y: event.clientY }, rect, size);
  };
  const pending = drawing && drawing.length >= 2 ? draftMark(tool, drawing, minMarkSize(size)) : undefined;

  function onDown(event: PointerEvent<HTMLDivElement>) {
    if (marks.length >= MAX_MARKS) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrawing([pointOf(event)]);
  }
  function onMove(event: PointerEvent<HTMLDivElement>) {
    if (!drawing) return;
    const point = pointOf(event);
    setDrawing(tool === 'freehand' ? [...drawing, point] : [drawing[0]!, point]);
  }
  function onUp() {
    if (pending) setMarks((current) => [...current, pending]);
    setDrawing(null);
  }

  async function save() {
    setSaving(true);
    const outcome = await savePhotoMarks(photo.id, marks, actor);
    setSaving(false);
    if (outcome.ok) onClose();
    else setError(outcome.message);
  }

  return createPortal(
    <div className="annotator" role="dialog" aria-modal="true" aria-labelledby="annotator-title">
      <header className="annotator-bar">
        <h2 id="annotator-title">{t('review.annotator.title')}</h2>
        <div className="annotator-tools" role="radiogroup" aria-label={t('review.annotator.tools')}>
          {TOOLS.map((name, i) => (
            <button key={name} ref={i === 0 ? first : undefined} type="button" role="radio" aria-checked={tool === name} className="button" onClick={() => setTool(name)}>
              {t(`review.annotator.${name}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button" disabled={marks.length === 0} onClick={() => setMarks((m) => m.slice(0, -1))}>{t('review.annotator.undo')}</button>
        <button type="button" className="button" disabled={marks.length === 0} onClick={() => setMarks([])}>{t('review.annotator.clear')}</button>
      </header>
      <p className="annotator-help">{t('review.annotator.help')} <span aria-live="polite">{t('review.marksCount', { count: marks.length })}</span></p>
      <div className="annotator-body">
        <div
          ref={surface}
          className="annotator-surface marked-photo"
          // As large as the screen allows, never stretched: the marks land where the finger was.
          style={{ aspectRatio: `${photo.width} / ${photo.height}`, width: `min(100cqw, calc(100cqh * ${photo.width / photo.height}))` }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={() => setDrawing(null)}
          aria-label={t('review.annotator.canvas')}
          role="img"
          data-marks={marks.length}
        >
          {shown.state === 'ready' && <img src={shown.url} alt="" draggable={false} />}
          <MarksOverlay marks={pending ? [...marks, pending] : marks} width={photo.width} height={photo.height} />
        </div>
      </div>
      {error && <p className="message message-error" role="alert">{t('review.annotator.failed', { message: error })}</p>}
      <footer className="annotator-bar annotator-actions">
        <button type="button" className="button button-large" onClick={onClose}>{t('review.annotator.cancel')}</button>
        <button type="button" className="button button-primary button-large" disabled={saving} onClick={() => void save()}>{t('review.annotator.save')}</button>
      </footer>
    </div>,
    document.body,
  );
}

function draftMark(tool: MarkTool, points: Point[], min: number): Mark | undefined {
  if (tool === 'freehand') return freehandMark(points, min);
  return markFromDrag(tool, points[0]!, points[points.length - 1]!, min);
}
