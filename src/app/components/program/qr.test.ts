/**
 * The program link's QR code reads back as the link: rendered from the
 * matrix the app draws, at 4 pixels per module, and read with jsQR (a QR
 * reader as a phone camera app would be). With and without a reference rep.
 */
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { loadTrack } from '../../../../test/helpers/tracks.ts';
import { buildReference } from '../../../core/reference/build.ts';
import { newProgram } from '../../../core/program/draft.ts';
import { linkBytes, programLink, QR_MAX_BYTES } from '../../../core/program/link.ts';
import type { Program } from '../../../core/program/program.ts';
import { qrOf, type QrMatrix } from './qr.ts';

const PX = 4;

function read(qr: QrMatrix): string | null {
  const side = qr.size * PX;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = qr.dark[Math.floor(y / PX)]?.[Math.floor(x / PX)] ? 0 : 255;
      rgba.set([v, v, v, 255], (y * side + x) * 4);
    }
  }
  return jsQR(rgba, side, side)?.data ?? null;
}

function program(withReference: boolean): Program {
  const p = newProgram('nl', ['hip-thrust', 'good-morning', 'upward-dog', 'superman']);
  if (!withReference) return { ...p, title: 'Heupen, week 1', note: 'Twee keer per dag.' };
  const built = buildReference(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning'), { exercise: 'hip-thrust', variant: 'floor' });
  if (!built.ok) throw new Error(built.error);
  return { ...p, title: 'Heupen, week 1', note: 'Twee keer per dag.', items: p.items.map((item, i) => (i === 0 ? { ...item, reference: built.reference } : item)) };
}

describe('the program QR code', () => {
  it.each([false, true])('reads back as the link (a reference rep: %s)', async (withReference) => {
    const link = await programLink(program(withReference), 'https://formcoach.example/');
    expect(linkBytes(link)).toBeLessThanOrEqual(QR_MAX_BYTES);
    const qr = qrOf(link);
    expect(read(qr)).toBe(link);
    console.log(`QR code of a ${linkBytes(link)}-byte link (reference: ${withReference}): ${qr.size - 8} modules a side`);
  });

  it('holds QR_MAX_BYTES bytes and no more (version 40, level L)', () => {
    expect(qrOf('a'.repeat(QR_MAX_BYTES)).size - 8).toBe(177);
    expect(() => qrOf('a'.repeat(QR_MAX_BYTES + 1))).toThrow();
  });
});
