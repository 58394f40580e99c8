/**
 * Draws FormCoach's app icons (public/icons/*.png, committed): a person in a
 * hip-thrust bridge over the floor, white on the app's accent colour
 * (--accent in src/app/app.css). Pure TypeScript: shapes as distance fields,
 * 4x4 samples per pixel for smooth edges, and a minimal PNG encoder
 * (node:zlib). Run `node --import tsx scripts/make-icons.ts` after changing the drawing.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT_DIR = fileURLToPath(new URL('../public/icons/', import.meta.url));

/** --accent of app.css, and white */
const ACCENT_RGB = [0x0f, 0x76, 0x6e] as const;
const FIGURE_RGB = [0xff, 0xff, 0xff] as const;

type Point = readonly [x: number, y: number];

/** The figure in unit coordinates (0..1, y down): head, and the body as a chain of joints. */
const HEAD_CENTER: Point = [0.2, 0.55];
const HEAD_RADIUS = 0.075;
const BODY_CHAIN: readonly Point[] = [
  [0.3, 0.57], // shoulders on the floor
  [0.56, 0.35], // hips up
  [0.74, 0.42], // knees
  [0.76, 0.61], // feet
];
const ARM_CHAIN: readonly Point[] = [
  [0.3, 0.57],
  [0.42, 0.62], // hands on the floor
];
const LIMB_HALF_WIDTH = 0.034;
const FLOOR: readonly [Point, Point] = [
  [0.12, 0.67],
  [0.88, 0.67],
];
const FLOOR_HALF_WIDTH = 0.014;

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [abx, aby] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(p[0] - (a[0] + t * abx), p[1] - (a[1] + t * aby));
}

function onChain(p: Point, chain: readonly Point[], halfWidth: number): boolean {
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1];
    const b = chain[i];
    if (a && b && distanceToSegment(p, a, b) <= halfWidth) return true;
  }
  return false;
}

function onFigure(p: Point): boolean {
  return (
    Math.hypot(p[0] - HEAD_CENTER[0], p[1] - HEAD_CENTER[1]) <= HEAD_RADIUS ||
    onChain(p, BODY_CHAIN, LIMB_HALF_WIDTH) ||
    onChain(p, ARM_CHAIN, LIMB_HALF_WIDTH * 0.8) ||
    onChain(p, FLOOR, FLOOR_HALF_WIDTH)
  );
}

/** Inside a square with rounded corners of radius `r` (unit coordinates). */
function inRoundedSquare(p: Point, r: number): boolean {
  const dx = Math.max(r - p[0], 0, p[0] - (1 - r));
  const dy = Math.max(r - p[1], 0, p[1] - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

interface IconStyle {
  /** the figure's scale about the centre: a maskable icon keeps it inside the central 80 % circle */
  readonly figureScale: number;
  /** corner radius of the background; 0: full bleed (maskable: the platform cuts the shape) */
  readonly cornerRadius: number;
}

const SAMPLES = 4;

function drawRgba(sizePx: number, style: IconStyle): Uint8Array {
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      let background = 0;
      let figure = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const p: Point = [(x + (sx + 0.5) / SAMPLES) / sizePx, (y + (sy + 0.5) / SAMPLES) / sizePx];
          if (!inRoundedSquare(p, style.cornerRadius)) continue;
          background++;
          const q: Point = [0.5 + (p[0] - 0.5) / style.figureScale, 0.5 + (p[1] - 0.5) / style.figureScale];
          if (onFigure(q)) figure++;
        }
      }
      const alpha = background / (SAMPLES * SAMPLES);
      const mix = background === 0 ? 0 : figure / background;
      const i = (y * sizePx + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(ACCENT_RGB[c]! * (1 - mix) + FIGURE_RGB[c]! * mix);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG, every row unfiltered. */
export function encodePng(rgba: Uint8Array, sizePx: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizePx, 0);
  header.writeUInt32BE(sizePx, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(sizePx * (sizePx * 4 + 1));
  for (let y = 0; y < sizePx; y++) rows.set(rgba.subarray(y * sizePx * 4, (y + 1) * sizePx * 4), y * (sizePx * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

const ICONS = [
  { file: 'icon-192.png', sizePx: 192, style: { figureScale: 1, cornerRadius: 0.18 } },
  { file: 'icon-512.png', sizePx: 512, style: { figureScale: 1, cornerRadius: 0.18 } },
  { file: 'icon-maskable-512.png', sizePx: 512, style: { figureScale: 0.78, cornerRadius: 0 } },
] as const;

mkdirSync(OUT_DIR, { recursive: true });
for (const icon of ICONS) {
  const png = encodePng(drawRgba(icon.sizePx, icon.style), icon.sizePx);
  writeFileSync(OUT_DIR + icon.file, png);
  console.log(`${icon.file}: ${icon.sizePx}x${icon.sizePx}, ${png.length} bytes`);
}
