import { describe, expect, it } from 'vitest';
import { clampView, doubleTap, IDENTITY, MAX_SCALE, panBy, pinch, zoomStep, zoomTo } from '../../src/photos/zoom';

const viewport = { width: 1000, height: 800 };

describe('zoom and pan', () => {
  it('zooms about a point, keeping it under the finger', () => {
    const view = zoomTo(IDENTITY, 2, { x: 300, y: 200 }, viewport);
    expect(view).toEqual({ scale: 2, x: -300, y: -200 });
    // The content point (300, 200) at scale 2 lands back on (300, 200).
    expect(300 * view.scale + view.x).toBe(300);
  });

  it('never zooms out below the whole photo or beyond the maximum', () => {
    expect(zoomTo(IDENTITY, 0.2, { x: 10, y: 10 }, viewport)).toEqual(IDENTITY);
    expect(zoomTo(IDENTITY, 100, { x: 0, y: 0 }, viewport).scale).toBe(MAX_SCALE);
  });

  it('never pans the photo off the screen', () => {
    const zoomed = zoomTo(IDENTITY, 2, { x: 500, y: 400 }, viewport);
    expect(panBy(zoomed, 5000, 5000, viewport)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(zoomed, -5000, -5000, viewport)).toEqual({ scale: 2, x: -1000, y: -800 });
    expect(panBy(IDENTITY, 50, 50, viewport)).toEqual(IDENTITY);
  });

  it('steps in and back out about the centre with the buttons', () => {
    const once = zoomStep(IDENTITY, 1, viewport);
    expect(once.scale).toBeCloseTo(1.6);
    const back = zoomStep(once, -1, viewport);
    expect(back.scale).toBeCloseTo(1);
    expect(back.x).toBeCloseTo(0);
  });

  it('double-tap zooms in on the point, and out again', () => {
    const zoomed = doubleTap(IDENTITY, { x: 100, y: 100 }, viewport);
    expect(zoomed.scale).toBe(3);
    expect(doubleTap(zoomed, { x: 100, y: 100 }, viewport)).toEqual(IDENTITY);
  });

  it('pinch: scale follows the fingers’ distance, the point between them stays between them', () => {
    const from: [{ x: number; y: number }, { x: number; y: number }] = [{ x: 400, y: 400 }, { x: 600, y: 400 }];
    const spread = pinch(IDENTITY, from, [{ x: 300, y: 400 }, { x: 700, y: 400 }], viewport);
    expect(spread.scale).toBe(2);
    expect(500 * spread.scale + spread.x).toBe(500);
    // Moving both fingers pans too.
    const moved = pinch(spread, [{ x: 300, y: 400 }, { x: 700, y: 400 }], [{ x: 250, y: 350 }, { x: 650, y: 350 }], viewport);
    expect(moved.x).toBe(spread.x - 50);
    expect(moved.y).toBe(spread.y - 50);
  });

  it('ignores a pinch whose fingers start on the same spot', () => {
    const same = { x: 10, y: 10 };
    expect(pinch(IDENTITY, [same, same], [same, { x: 90, y: 90 }], viewport)).toBe(IDENTITY);
  });

  it('clampView repairs a view after the viewport shrinks (a rotation)', () => {
    expect(clampView({ scale: 2, x: -1000, y: -800 }, { width: 800, height: 1000 })).toEqual({ scale: 2, x: -800, y: -800 });
  });
});
