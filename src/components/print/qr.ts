// The one module that knows the qrcode library. The code is made synchronously and drawn as one
// SVG path, so it prints as sharp vectors at any size and is there on the first render.
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  path: string;
}

/** The QR code for `payload` (error correction M: a scuffed envelope still reads). */
export function qrMatrix(payload: string): QrMatrix {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}
