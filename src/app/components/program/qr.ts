/**
 * The QR code of a program link: uqr's module matrix at error correction L
 * (the most room: version 40 holds QR_MAX_BYTES bytes), raised where the
 * link leaves space at the same size (boostEcc), with the standard 4-module
 * quiet zone; drawn as one SVG path of dark squares.
 */
import { encode } from 'uqr';

export interface QrMatrix {
  /** modules per side, quiet zone included */
  readonly size: number;
  readonly dark: readonly (readonly boolean[])[];
}

export function qrOf(link: string): QrMatrix {
  const qr = encode(link, { ecc: 'L', boostEcc: true, border: 4 });
  return { size: qr.size, dark: qr.data };
}

/** One SVG path of the dark modules, one unit per module. */
export function qrPath(qr: QrMatrix): string {
  let d = '';
  qr.dark.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return d;
}
