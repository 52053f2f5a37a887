import { describe, expect, it } from 'vitest';
import { A4, A4_21, labelPositions, qrModuleMm, rollLabel, sheetGrid, sheetsNeeded, tagLayout, type SheetSpec } from '../../src/domain/labels';

const spec = (widthMm: number, heightMm: number, gapXMm: number, gapYMm: number, minMarginMm: number): SheetSpec => ({ page: A4, label: { widthMm, heightMm }, gapXMm, gapYMm, minMarginMm });

describe('sheetGrid: how many labels an A4 sheet holds, centred', () => {
  it.each([
    // label, gaps, minimum margin → columns, rows, per sheet, left, top
    ['63.5 × 38.1, the common 21', A4_21, 3, 7, 21, 7.25, 15.15],
    ['70 × 37 edge to edge', spec(70, 37, 0, 0, 0), 3, 8, 24, 0, 0.5],
    ['70 × 37 with a 5 mm printer margin', spec(70, 37, 0, 0, 5), 2, 7, 14, 35, 19],
    ['99.1 × 38.1 with gaps', spec(99.1, 38.1, 2.5, 0, 4), 2, 7, 14, 4.65, 15.15],
    ['105 × 148.5, four to a sheet', spec(105, 148.5, 0, 0, 0), 2, 2, 4, 0, 0],
    ['a label as large as the usable page', spec(200, 287, 0, 0, 5), 1, 1, 1, 5, 5],
  ] as const)('%s', (_name, s, columns, rows, perSheet, left, top) => {
    const grid = sheetGrid(s);
    expect([grid.columns, grid.rows, grid.perSheet, grid.marginLeftMm, grid.marginTopMm]).toEqual([columns, rows, perSheet, left, top]);
  });

  it('refuses a label that does not fit on the page', () => {
    expect(() => sheetGrid(spec(210.5, 10, 0, 0, 0))).toThrow(RangeError);
    expect(() => sheetGrid(spec(60, 30, 0, 0, 106))).toThrow(RangeError);
  });
});

describe('labelPositions: where each label goes', () => {
  const grid = sheetGrid(A4_21);

  it.each([
    ['three on a new sheet', 3, 0, [[0, 0, 0, 7.25, 15.15], [0, 0, 1, 73.25, 15.15], [0, 0, 2, 139.25, 15.15]]],
    ['one after a used row', 1, 3, [[0, 1, 0, 7.25, 53.25]]],
    ['two across a new sheet', 2, 20, [[0, 6, 2, 139.25, 243.75], [1, 0, 0, 7.25, 15.15]]],
    ['none', 0, 5, []],
  ] as const)('%s', (_name, count, skip, expected) => {
    expect(labelPositions(grid, count, skip).map((p) => [p.sheet, p.row, p.column, p.xMm, p.yMm])).toEqual(expected);
  });

  it('keeps every label on the page', () => {
    for (const p of labelPositions(grid, 42)) {
      expect(p.xMm + A4_21.label.widthMm).toBeLessThanOrEqual(A4.widthMm);
      expect(p.yMm + A4_21.label.heightMm).toBeLessThanOrEqual(A4.heightMm + 1e-9);
    }
  });

  it.each([
    [-1, 0],
    [1.5, 0],
    [1, -1],
    [1, 21],
  ])('refuses count %d after skip %d', (count, skip) => {
    expect(() => labelPositions(grid, count, skip)).toThrow(RangeError);
  });

  it.each([
    [0, 0, 0],
    [1, 0, 1],
    [21, 0, 1],
    [22, 0, 2],
    [1, 20, 1],
    [2, 20, 2],
  ])('%d labels after %d used take %d sheet(s)', (count, skip, sheets) => {
    expect(sheetsNeeded(grid, count, skip)).toBe(sheets);
  });
});

describe('a label’s contents: the code on top, the number large under it', () => {
  it.each([
    // label, padding, characters → QR side, font size
    [{ widthMm: 63.5, heightMm: 38.1 }, 2, 15, 25.73, 6.14],
    [{ widthMm: 99.1, heightMm: 38.1 }, 2, 15, 25.73, 6.14],
    [{ widthMm: 62, heightMm: 100 }, 3, 15, 56, 6.02],
    [{ widthMm: 40, heightMm: 40 }, 2, 15, 30.35, 3.87],
  ])('%j, padding %d, %d characters', (label, padding, chars, qrMm, fontMm) => {
    expect(tagLayout(label, padding, chars)).toEqual({ qrMm, fontMm });
  });

  it('refuses a label with no room', () => {
    expect(() => tagLayout({ widthMm: 4, heightMm: 4 }, 2, 15)).toThrow(RangeError);
  });

  it.each([
    // characters, requested QR side → QR side, font, length
    [15, undefined, 40, 6.02, 55],
    [15, 60, 56, 6.02, 71],
    [13, 30, 30, 6.95, 46],
  ])('roll label for %d characters, QR %s mm', (chars, qr, qrMm, fontMm, lengthMm) => {
    expect(rollLabel(chars, qr)).toEqual({ widthMm: 62, qrMm, fontMm, lengthMm });
  });

  it.each([
    [25.73, 33, 0.7],
    [40, 29, 1.21],
    [12, 37, 0.29],
  ])('a %d mm code of %d modules prints %d mm modules', (qrMm, modules, module) => {
    expect(qrModuleMm(qrMm, modules)).toBe(module);
  });
});
