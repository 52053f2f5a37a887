// Tag label geometry, in millimetres: how many labels an A4 sheet holds and where each one is,
// and how a label's space is shared between the QR code and the job number printed under it.
// Pure arithmetic, so the print views only place boxes where these numbers say.

export interface SizeMm {
  readonly widthMm: number;
  readonly heightMm: number;
}

export const A4: SizeMm = { widthMm: 210, heightMm: 297 };

export interface SheetSpec {
  readonly page: SizeMm;
  readonly label: SizeMm;
  /** Space between two labels side by side, and between two rows. */
  readonly gapXMm: number;
  readonly gapYMm: number;
  /** What the printer cannot print near the edge: no label starts closer than this. */
  readonly minMarginMm: number;
}

export interface SheetGrid {
  readonly spec: SheetSpec;
  readonly columns: number;
  readonly rows: number;
  readonly perSheet: number;
  /** The grid is centred on the page: these are the margins that result. */
  readonly marginLeftMm: number;
  readonly marginTopMm: number;
}

/** The common A4 sheet of 21 labels, 63.5 × 38.1 mm, 3 × 7 (Avery L7160 and its equivalents). */
export const A4_21: SheetSpec = { page: A4, label: { widthMm: 63.5, heightMm: 38.1 }, gapXMm: 2.5, gapYMm: 0, minMarginMm: 5 };

/** The label printer's 62 mm continuous roll: 62 mm wide, cut at the length each label needs. */
export const ROLL_62_WIDTH_MM = 62;

const EPSILON = 1e-9;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** How many labels fit along one side: n labels and n-1 gaps within the usable length. */
function fitCount(usable: number, label: number, gap: number): number {
  if (label <= 0) throw new RangeError('a label must have a positive size');
  return Math.max(0, Math.floor((usable + gap + EPSILON) / (label + gap)));
}

/** The grid of labels on one sheet; throws RangeError if not a single label fits (a setup error). */
export function sheetGrid(spec: SheetSpec): SheetGrid {
  const usableWidth = spec.page.widthMm - 2 * spec.minMarginMm;
  const usableHeight = spec.page.heightMm - 2 * spec.minMarginMm;
  const columns = fitCount(usableWidth, spec.label.widthMm, spec.gapXMm);
  const rows = fitCount(usableHeight, spec.label.heightMm, spec.gapYMm);
  if (columns === 0 || rows === 0) throw new RangeError('the label does not fit on the page');
  const gridWidth = columns * spec.label.widthMm + (columns - 1) * spec.gapXMm;
  const gridHeight = rows * spec.label.heightMm + (rows - 1) * spec.gapYMm;
  return {
    spec,
    columns,
    rows,
    perSheet: columns * rows,
    marginLeftMm: round2((spec.page.widthMm - gridWidth) / 2),
    marginTopMm: round2((spec.page.heightMm - gridHeight) / 2),
  };
}

export interface LabelPosition {
  /** 0-based sheet. */
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
  /** Top-left corner of the label on its sheet. */
  readonly xMm: number;
  readonly yMm: number;
}

/**
 * Where `count` labels go, filling rows left to right, top to bottom, after `skip` labels
 * already used on a partly used first sheet (peeled off for an earlier job).
 */
export function labelPositions(grid: SheetGrid, count: number, skip = 0): LabelPosition[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isInteger(skip) || skip < 0 || skip >= grid.perSheet) throw new RangeError(`skip must be 0..${grid.perSheet - 1}, got ${skip}`);
  const { label, gapXMm, gapYMm } = grid.spec;
  const positions: LabelPosition[] = [];
  for (let i = skip; i < skip + count; i += 1) {
    const sheet = Math.floor(i / grid.perSheet);
    const onSheet = i % grid.perSheet;
    const row = Math.floor(onSheet / grid.columns);
    const column = onSheet % grid.columns;
    positions.push({
      sheet,
      row,
      column,
      xMm: round2(grid.marginLeftMm + column * (label.widthMm + gapXMm)),
      yMm: round2(grid.marginTopMm + row * (label.heightMm + gapYMm)),
    });
  }
  return positions;
}

/** Sheets used by `count` labels after `skip` used ones. */
export function sheetsNeeded(grid: SheetGrid, count: number, skip = 0): number {
  return count === 0 ? 0 : Math.ceil((skip + count) / grid.perSheet);
}

// ------------------------------------------------------------------ one label's contents

/** Width of one character of the job number as a share of the font size (a monospaced face). */
export const NUMBER_ADVANCE = 0.62;
/** Line height of the job number as a share of the font size. */
export const NUMBER_LINE = 1.2;
/** Space between the code and the number. */
export const TAG_GAP_MM = 1;
/** The number is printed large, but never taller than this share of the label's usable height. */
const NUMBER_MAX_SHARE = 0.18;

export interface TagLayout {
  /** The QR code's side, quiet zone included. */
  readonly qrMm: number;
  /** The job number's font size (em). */
  readonly fontMm: number;
}

/**
 * Shares a label between the QR code (on top, as large as it can be) and the job number under
 * it (as large as the width allows, within a share of the height). `chars` is the number's length.
 */
export function tagLayout(label: SizeMm, paddingMm: number, chars: number): TagLayout {
  const width = label.widthMm - 2 * paddingMm;
  const height = label.heightMm - 2 * paddingMm;
  if (width <= 0 || height <= 0 || chars <= 0) throw new RangeError('no room for a tag');
  const fontMm = Math.min(width / (chars * NUMBER_ADVANCE), height * NUMBER_MAX_SHARE);
  const qrMm = Math.min(width, height - fontMm * NUMBER_LINE - TAG_GAP_MM);
  if (qrMm <= 0) throw new RangeError('no room for the code');
  return { qrMm: round2(qrMm), fontMm: round2(fontMm) };
}

export interface RollLabel extends TagLayout {
  readonly widthMm: number;
  readonly lengthMm: number;
}

/**
 * A label on the 62 mm continuous roll: the code `qrMm` wide, the number under it as large as
 * the width allows, and the roll cut just after it. The printer cannot print the outer
 * `paddingMm` on either side.
 */
export function rollLabel(chars: number, qrMm = 40, paddingMm = 3): RollLabel {
  const width = ROLL_62_WIDTH_MM - 2 * paddingMm;
  if (chars <= 0) throw new RangeError('no number to print');
  const qr = Math.min(qrMm, width);
  const fontMm = round2(Math.min(width / (chars * NUMBER_ADVANCE), 8));
  const lengthMm = Math.ceil(2 * paddingMm + qr + TAG_GAP_MM + fontMm * NUMBER_LINE);
  return { widthMm: ROLL_62_WIDTH_MM, lengthMm, qrMm: qr, fontMm };
}

/** The printed size of one QR module: under about 0.33 mm a phone or tablet camera struggles. */
export function qrModuleMm(qrMm: number, modules: number, quietZoneModules = 2): number {
  return round2(qrMm / (modules + 2 * quietZoneModules));
}
