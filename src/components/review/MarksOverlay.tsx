import { arrowHead, strokeWidth, type Mark } from '../../domain/photo-marks';

interface Props {
  marks: readonly Mark[];
  width: number;
  height: number;
  className?: string;
}

/**
 * Annotation marks over a photo, in the photo's own pixels: the SVG has the photo's size as its
 * viewBox and is stretched exactly over it, so marks land where they were drawn at any zoom.
 * Each mark is drawn twice (dark under bright cyan) so it reads on gold, on white metal and on
 * coloured stones alike.
 */
export function MarksOverlay({ marks, width, height, className = 'marks-overlay' }: Props) {
  const stroke = strokeWidth({ width, height });
  const shapes = marks.map((mark, i) => <MarkShape key={i} mark={mark} size={stroke * 6} />);
  return (
    <svg className={className} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <g fill="none" stroke="rgba(0,0,0,0.65)" strokeWidth={stroke * 2.2} strokeLinecap="round" strokeLinejoin="round">{shapes}</g>
      <g fill="none" stroke="#00e5ff" strokeWidth={stroke} strokeLinecap="round" strokeLinejoin="round">{shapes}</g>
    </svg>
  );
}

function MarkShape({ mark, size }: { mark: Mark; size: number }) {
  switch (mark.kind) {
    case 'circle':
      return <circle cx={mark.cx} cy={mark.cy} r={mark.r} />;
    case 'arrow': {
      const [a, b] = arrowHead(mark, size);
      return <path d={`M${mark.x1} ${mark.y1}L${mark.x2} ${mark.y2}M${a.x} ${a.y}L${mark.x2} ${mark.y2}L${b.x} ${b.y}`} />;
    }
    case 'freehand':
      return <polyline points={mark.points.map(([x, y]) => `${x},${y}`).join(' ')} />;
  }
}
