// A photo that zooms and pans with fingers: one finger drags, two pinch, a double-tap zooms in
// on the spot (and back out). The view is controlled by the parent so that before and after can
// zoom together. All arithmetic is in src/photos/zoom.ts; this only turns pointers into points.
import { useEffect, useRef, type Dispatch, type PointerEvent, type SetStateAction, type WheelEvent } from 'react';
import { doubleTap, panBy, pinch, toTransform, zoomTo, type Point, type View, type Viewport } from '../../photos/zoom';

interface Props {
  src: string;
  alt: string;
  view: View;
  onView: Dispatch<SetStateAction<View>>;
}

interface Gesture {
  /** Where each finger on the photo is now, relative to the stage. */
  pointers: Map<number, Point>;
  /** The view and fingers when two fingers came down. */
  pinch: { view: View; from: [Point, Point] } | null;
  /** The last tap, to recognise a double-tap. */
  lastTap: { at: number; point: Point } | null;
  down: { at: number; point: Point; moved: boolean } | null;
}

const TAP_MS = 300;
const TAP_SLOP_PX = 12;

export function ZoomableImage({ src, alt, view, onView }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const latest = useRef(view);
  const gesture = useRef<Gesture>({ pointers: new Map(), pinch: null, lastTap: null, down: null });

  useEffect(() => {
    latest.current = view;
  }, [view]);

  function viewport(): Viewport {
    const element = stage.current;
    return { width: element?.clientWidth || 1, height: element?.clientHeight || 1 };
  }

  function pointOf(event: { clientX: number; clientY: number }): Point {
    const rect = stage.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  }

  function startPinch(g: Gesture) {
    const [a, b] = [...g.pointers.values()];
    g.pinch = a && b ? { view: latest.current, from: [a, b] } : null;
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const g = gesture.current;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const point = pointOf(event);
    g.pointers.set(event.pointerId, point);
    if (g.pointers.size === 1) g.down = { at: event.timeStamp, point, moved: false };
    if (g.pointers.size === 2) startPinch(g);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const g = gesture.current;
    const before = g.pointers.get(event.pointerId);
    if (!before) return;
    const point = pointOf(event);
    g.pointers.set(event.pointerId, point);
    if (g.down && Math.hypot(point.x - g.down.point.x, point.y - g.down.point.y) > TAP_SLOP_PX) g.down.moved = true;
    if (g.pointers.size >= 2 && g.pinch) {
      const [a, b] = [...g.pointers.values()];
      if (a && b) onView(pinch(g.pinch.view, g.pinch.from, [a, b], viewport()));
    } else if (g.pointers.size === 1) {
      onView((current) => panBy(current, point.x - before.x, point.y - before.y, viewport()));
    }
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const g = gesture.current;
    if (!g.pointers.delete(event.pointerId)) return;
    if (g.pointers.size === 1) {
      // One finger lifted from a pinch: the other goes on panning from where it is.
      g.pinch = null;
      if (g.down) g.down.moved = true;
      return;
    }
    if (g.pointers.size > 0) return;
    const down = g.down;
    g.down = null;
    g.pinch = null;
    if (!down || down.moved || event.timeStamp - down.at > TAP_MS || event.type === 'pointercancel') return;
    const last = g.lastTap;
    if (last && down.at - last.at < TAP_MS && Math.hypot(down.point.x - last.point.x, down.point.y - last.point.y) < TAP_SLOP_PX * 3) {
      g.lastTap = null;
      onView((current) => doubleTap(current, down.point, viewport()));
    } else {
      g.lastTap = { at: event.timeStamp, point: down.point };
    }
  }

  function onWheel(event: WheelEvent<HTMLDivElement>) {
    const at = pointOf(event);
    const factor = Math.exp(-event.deltaY / 400);
    onView((current) => zoomTo(current, current.scale * factor, at, viewport()));
  }

  return (
    <div
      ref={stage}
      className="zoom-stage"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onWheel={onWheel}
      data-scale={view.scale.toFixed(2)}
    >
      <div className="zoom-layer" style={{ transform: toTransform(view) }}>
        <img src={src} alt={alt} draggable={false} />
      </div>
    </div>
  );
}
