// The full-screen frame around a zoomable photo (or two, side by side): a dialog with its
// title, the zoom buttons for those who cannot pinch, and Escape / arrow keys. Focus moves in
// on open and back to what opened it on close.
import { useEffect, useRef, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/i18n';
import { IDENTITY, zoomStep, type View } from '../../photos/zoom';
import { useModal } from './use-modal';

interface Props {
  title: string;
  subtitle?: string;
  view: View;
  onView: Dispatch<SetStateAction<View>>;
  onClose: () => void;
  /** Left out: no such button; null: the button shows, disabled (first or last photo). */
  onPrevious?: (() => void) | null;
  onNext?: (() => void) | null;
  children: ReactNode;
}

/** The zoom buttons work about the centre of the (first) photo shown, side by side or not. */
function measure(body: HTMLElement | null) {
  const stage = body?.querySelector('.zoom-stage') ?? body;
  return { width: stage?.clientWidth || 1, height: stage?.clientHeight || 1 };
}

export function ViewerFrame({ title, subtitle, view, onView, onClose, onPrevious, onNext, children }: Props) {
  const { t } = useT();
  const closeButton = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);

  useModal(closeButton);

  const zoom = (direction: 1 | -1) => onView((current) => zoomStep(current, direction, measure(body.current)));

  // Keys work wherever focus is (a button that became disabled drops it to the body).
  useEffect(() => {
    const stepZoom = (direction: 1 | -1) => onView((current) => zoomStep(current, direction, measure(body.current)));
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key === 'Escape') onClose();
      else if (event.key === 'ArrowLeft' && onPrevious) onPrevious();
      else if (event.key === 'ArrowRight' && onNext) onNext();
      else if (event.key === '+' || event.key === '=') stepZoom(1);
      else if (event.key === '-') stepZoom(-1);
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose, onPrevious, onNext, onView]);

  return createPortal(
    <div className="photo-viewer" role="dialog" aria-modal="true" aria-labelledby="photo-viewer-title">
      <header className="photo-viewer-bar">
        <div className="photo-viewer-heading">
          <h2 id="photo-viewer-title">{title}</h2>
          {subtitle && <p>{subtitle}</p>}
        </div>
        <button ref={closeButton} type="button" className="button button-primary" onClick={onClose}>{t('photos.viewer.close')}</button>
      </header>
      <div className="photo-viewer-body" ref={body}>{children}</div>
      <footer className="photo-viewer-bar photo-viewer-tools">
        {onPrevious !== undefined && (
          <button type="button" className="button" onClick={onPrevious ?? undefined} disabled={!onPrevious} aria-label={t('photos.viewer.previous')}>‹</button>
        )}
        <div className="photo-viewer-zoom" role="group" aria-label={t('photos.viewer.help')}>
          <button type="button" className="button" onClick={() => zoom(-1)} disabled={view.scale <= 1} aria-label={t('photos.viewer.zoomOut')}>−</button>
          <output className="photo-viewer-level" aria-live="polite">{t('photos.viewer.zoom', { percent: Math.round(view.scale * 100) })}</output>
          <button type="button" className="button" onClick={() => zoom(1)} disabled={view.scale >= 8} aria-label={t('photos.viewer.zoomIn')}>+</button>
          <button type="button" className="button" onClick={() => onView(IDENTITY)} disabled={view.scale === 1}>{t('photos.viewer.reset')}</button>
        </div>
        {onNext !== undefined && (
          <button type="button" className="button" onClick={onNext ?? undefined} disabled={!onNext} aria-label={t('photos.viewer.next')}>›</button>
        )}
      </footer>
    </div>,
    document.body,
  );
}
