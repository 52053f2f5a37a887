// The viewer's zoom and pan as plain arithmetic. A view is `translate(x, y) scale(scale)` with
// its origin top-left, applied to a layer the size of the viewport in which the photo is
// contained. Pure, so pinches and double-taps are tested without a touch screen.

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const MIN_SCALE = 1;
export const MAX_SCALE = 8;
/** What a double-tap or the first "+" zooms to: enough to judge a polish mark. */
export const STEP = 1.6;
export const DOUBLE_TAP_SCALE = 3;

export const IDENTITY: View = { scale: 1, x: 0, y: 0 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Keeps the scale in range and the photo covering the viewport (no panning it off screen). */
export function clampView(view: View, viewport: Viewport): View {
  const scale = clamp(view.scale, MIN_SCALE, MAX_SCALE);
  return {
    scale,
    x: clamp(view.x, viewport.width - viewport.width * scale, 0),
    y: clamp(view.y, viewport.height - viewport.height * scale, 0),
  };
}

/** Zooms to `scale` keeping the content under `at` (a viewport point) where it is. */
export function zoomTo(view: View, scale: number, at: Point, viewport: Viewport): View {
  const next = clamp(scale, MIN_SCALE, MAX_SCALE);
  const ratio = next / view.scale;
  return clampView({ scale: next, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio }, viewport);
}

/** The "+" and "−" buttons: one step about the centre. */
export function zoomStep(view: View, direction: 1 | -1, viewport: Viewport): View {
  const factor = direction === 1 ? STEP : 1 / STEP;
  return zoomTo(view, view.scale * factor, { x: viewport.width / 2, y: viewport.height / 2 }, viewport);
}

export function panBy(view: View, dx: number, dy: number, viewport: Viewport): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, viewport);
}

/** Double-tap: zoom in on the tapped point, or back out when already zoomed. */
export function doubleTap(view: View, at: Point, viewport: Viewport): View {
  return view.scale > MIN_SCALE ? IDENTITY : zoomTo(view, DOUBLE_TAP_SCALE, at, viewport);
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Two fingers: the scale follows the change in their distance, and the content point that was
 * between them at the start stays between them (so a pinch also pans).
 */
export function pinch(start: View, from: [Point, Point], to: [Point, Point], viewport: Viewport): View {
  const before = distance(from[0], from[1]);
  if (before === 0) return start;
  const scale = clamp((start.scale * distance(to[0], to[1])) / before, MIN_SCALE, MAX_SCALE);
  const fromMid = midpoint(from[0], from[1]);
  const toMid = midpoint(to[0], to[1]);
  // The content point (in unscaled layer units) under the starting midpoint.
  const content = { x: (fromMid.x - start.x) / start.scale, y: (fromMid.y - start.y) / start.scale };
  return clampView({ scale, x: toMid.x - content.x * scale, y: toMid.y - content.y * scale }, viewport);
}

export function toTransform(view: View): string {
  return `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}
