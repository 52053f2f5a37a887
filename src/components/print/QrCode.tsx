import { useMemo } from 'react';
import { qrMatrix } from './qr';

/** Quiet zone around the code, in modules (the standard asks for 4; 2 reads fine off paper and saves room). */
export const QUIET_ZONE = 2;

/** A QR code `sizeMm` wide, quiet zone included. */
export function QrCode({ payload, sizeMm, label }: { payload: string; sizeMm: number; label: string }) {
  const { size, path } = useMemo(() => qrMatrix(payload), [payload]);
  const box = size + 2 * QUIET_ZONE;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      data-payload={payload}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      style={{ width: `${sizeMm}mm`, height: `${sizeMm}mm` }}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
