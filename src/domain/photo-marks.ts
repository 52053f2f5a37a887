// Annotation marks drawn over a photo: circles, arrows and freehand lines, kept as vectors in the
// photo's own pixel coordinates, so the original stays untouched and the marks scale with it.
// The arithmetic of turning a finger's path into a mark lives here; the screen only draws.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type MarkTool = 'circle' | 'arrow' | 'freehand';

export type Mark =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'freehand'; points: [number, number][] };

/** Most points a freehand mark keeps (the protocol's limit). */
export const MAX_FREEHAND_POINTS = 2_000;
/** Most marks on one photo (the protocol's limit). */
export const MAX_MARKS = 200;

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A point on screen (inside `box`, where the photo is shown) in the photo's pixels, kept on the photo. */
export function toPhotoPoint(client: Point, box: Box, photo: { width: number; height: number }): Point {
  const x = ((client.x - box.left) / (box.width || 1)) * photo.width;
  const y = ((client.y - box.top) / (box.height || 1)) * photo.height;
  return { x: round1(clamp(x, 0, photo.width)), y: round1(clamp(y, 0, photo.height)) };
}

/** The smallest mark worth keeping: a tap that did not move is not a circle. */
export function minMarkSize(photo: { width: number; height: number }): number {
  return Math.max(photo.width, photo.height) / 100;
}

/** A circle centred where the finger came down, through where it lifted; an arrow from start to end (the head). */
export function markFromDrag(tool: 'circle' | 'arrow', start: Point, end: Point, minSize: number): Mark | undefined {
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  if (length < minSize) return undefined;
  if (tool === 'circle') return { kind: 'circle', cx: start.x, cy: start.y, r: round1(length) };
  return { kind: 'arrow', x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  if (lengthSq === 0) return Math.hypot(p.x - a.x, p.y - a.y);
  const t = clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq, 0, 1);
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Ramer–Douglas–Peucker: drops points that lie within `tolerance` of the line through their neighbours. */
export function simplifyPath(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstIndex = -1;
    for (let i = first + 1; i < last; i += 1) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > worst) {
        worst = d;
        worstIndex = i;
      }
    }
    if (worst > tolerance) {
      keep[worstIndex] = true;
      stack.push([first, worstIndex], [worstIndex, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A freehand line from a finger's path: simplified, within the protocol's point limit; undefined when too short. */
export function freehandMark(points: readonly Point[], minSize: number): Mark | undefined {
  if (points.length < 2) return undefined;
  let tolerance = minSize / 4;
  let simplified = simplifyPath(points, tolerance);
  while (simplified.length > MAX_FREEHAND_POINTS) {
    tolerance *= 2;
    simplified = simplifyPath(points, tolerance);
  }
  const xs = simplified.map((p) => p.x);
  const ys = simplified.map((p) => p.y);
  if (Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) < minSize) return undefined;
  return { kind: 'freehand', points: simplified.map((p) => [round1(p.x), round1(p.y)]) };
}

/** The two short strokes of an arrow's head, at its end (x2, y2). */
export function arrowHead(mark: { x1: number; y1: number; x2: number; y2: number }, size: number): [Point, Point] {
  const angle = Math.atan2(mark.y2 - mark.y1, mark.x2 - mark.x1);
  const spread = Math.PI / 7;
  const at = (a: number): Point => ({ x: round1(mark.x2 - size * Math.cos(a)), y: round1(mark.y2 - size * Math.sin(a)) });
  return [at(angle - spread), at(angle + spread)];
}

/** A line width that reads the same on a thumbnail and on a 2560 px photo. */
export function strokeWidth(photo: { width: number; height: number }): number {
  return Math.max(2, Math.round(Math.max(photo.width, photo.height) / 250));
}
