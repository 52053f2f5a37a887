// The label print views: one label per page on the 62 mm roll, or a grid of labels on an A4
// sheet. Sizes come from src/domain/labels.ts; the @page rule of each view is set by PrintPage.
import { A4_21, labelPositions, rollLabel, sheetGrid, tagLayout } from '../../domain/labels';
import { TagLabel } from './TagLabel';

export const A4_GRID = sheetGrid(A4_21);
const A4_LABEL_PADDING_MM = 2;

export function RollLabels({ payload, number, count }: { payload: string; number: string; count: number }) {
  const label = rollLabel(number.length);
  return (
    <div className="print-roll">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="print-page roll-label" style={{ width: `${label.widthMm}mm`, height: `${label.lengthMm}mm` }}>
          <TagLabel payload={payload} number={number} layout={label} />
        </div>
      ))}
    </div>
  );
}

export function rollPageSize(number: string): string {
  const label = rollLabel(number.length);
  return `${label.widthMm}mm ${label.lengthMm}mm`;
}

export function SheetLabels({ payload, number, count, skip }: { payload: string; number: string; count: number; skip: number }) {
  const positions = labelPositions(A4_GRID, count, skip);
  const sheets = [...new Set(positions.map((p) => p.sheet))];
  const { label } = A4_GRID.spec;
  const layout = tagLayout(label, A4_LABEL_PADDING_MM, number.length);
  return (
    <div className="print-sheets">
      {sheets.map((sheet) => (
        <div key={sheet} className="print-page a4-sheet" data-sheet={sheet}>
          {positions
            .filter((p) => p.sheet === sheet)
            .map((p) => (
              <div
                key={`${p.row}-${p.column}`}
                className="a4-label"
                style={{ left: `${p.xMm}mm`, top: `${p.yMm}mm`, width: `${label.widthMm}mm`, height: `${label.heightMm}mm`, padding: `${A4_LABEL_PADDING_MM}mm` }}
              >
                <TagLabel payload={payload} number={number} layout={layout} />
              </div>
            ))}
        </div>
      ))}
    </div>
  );
}
