/**
 * The program link: a round trip through the fragment, with and without a
 * reference rep (built from a committed fixture track), and the refusals of
 * a link that was changed, cut short, out of bounds or made by a newer
 * FormCoach. The link's length is printed: a QR code holds at most
 * QR_MAX_BYTES.
 */
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { buildReference } from '../reference/build.ts';
import { newProgram } from './draft.ts';
import { base64UrlOf, bytesOfBase64Url, decodeProgram, encodeProgram, linkBytes, programLink, programOfHash, programPayloadOf, QR_MAX_BYTES } from './link.ts';
import type { Program } from './program.ts';

const PAGE = 'http://localhost:5173/';

function plainProgram(): Program {
  const p = newProgram('nl', ['hip-thrust', 'good-morning', 'upward-dog', 'superman']);
  const [hip, ...rest] = p.items;
  return { ...p, id: 'link-test-1', title: 'Heupen, week 1', note: 'Twee keer per dag. Stop bij scherpe pijn.', items: [{ ...hip!, sets: 2, reps: 5, overrides: { ...hip!.overrides, hipsUpToLineDeg: 175 } }, ...rest] };
}

function programWithReference(): Program {
  const built = buildReference(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', 'movenet-lightning'), { exercise: 'hip-thrust', variant: 'floor' });
  if (!built.ok) throw new Error(built.error);
  const p = plainProgram();
  return { ...p, items: p.items.map((item, i) => (i === 0 ? { ...item, reference: built.reference } : item)) };
}

const refusal = async (payload: string): Promise<string> => {
  const r = await decodeProgram(payload);
  if (r.ok) throw new Error('expected the link to be refused');
  return r.error;
};

/** The payload with one character replaced by another base64url character. */
const changedAt = (payload: string, at: number): string => payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);

describe('the program link', () => {
  it('gives back the same program, without a reference rep', async () => {
    const program = plainProgram();
    const link = await programLink(program, `${PAGE}?lang=en#old`);
    expect(link.startsWith(`${PAGE}?lang=en#program=`)).toBe(true);
    expect(await programOfHash(new URL(link).hash)).toEqual({ ok: true, program });
    console.log(`program link, 4 exercises, no reference: ${linkBytes(link)} bytes (a QR code holds ${QR_MAX_BYTES})`);
    expect(linkBytes(link)).toBeLessThan(QR_MAX_BYTES);
  });

  it('gives back the same program with a reference rep of 3 reps', async () => {
    const program = programWithReference();
    const link = await programLink(program, PAGE);
    expect(await programOfHash(new URL(link).hash)).toEqual({ ok: true, program });
    const json = JSON.stringify(program).length;
    console.log(`program link, 4 exercises, a 3-rep hip-thrust reference: ${linkBytes(link)} bytes (JSON ${json} characters; a QR code holds ${QR_MAX_BYTES})`);
  });

  it('is no program link when the hash has no program', async () => {
    expect(await programOfHash('')).toBeNull();
    expect(await programOfHash('#top')).toBeNull();
    expect(programPayloadOf('#program=abc')).toBe('abc');
  });

  it('refuses a link with one character changed, wherever it is', async () => {
    const payload = await encodeProgram(plainProgram());
    for (const at of [3, 12, Math.floor(payload.length / 2), payload.length - 2]) {
      expect(await refusal(changedAt(payload, at)), `character ${at}`).toMatch(/^the link (was changed or cut short|is damaged)/);
    }
    expect(await refusal(changedAt(payload, Math.floor(payload.length / 2)))).toBe(
      'the link was changed or cut short: its check does not match its content (ask your physiotherapist for the link again)',
    );
  });

  it('refuses a link cut short', async () => {
    const payload = await encodeProgram(plainProgram());
    // whatever length is left, the link is refused as changed or cut short
    for (const cut of [1, 2, 3, 4, 10]) expect(await refusal(payload.slice(0, payload.length - cut)), `${cut} characters cut`).toMatch(/^the link was changed or cut short: /);
    expect(await refusal(payload.slice(0, 8))).toBe('the link is cut short: 6 bytes, too few for any program (was it copied in full?)');
    expect(await refusal('')).toBe('the link holds no program: nothing follows "#program="');
    expect(await refusal('abc$')).toMatch(/^the link is damaged: it has characters/);
  });

  it('refuses a link of a newer link format, and a program of a newer version', async () => {
    const bytes = bytesOfBase64Url(await encodeProgram(plainProgram()))!;
    bytes[0] = 2;
    expect(await refusal(base64UrlOf(bytes))).toBe('the link was made by a newer FormCoach (link format 2; this one reads format 1): update FormCoach to open it');
    const future = await forged({ ...plainProgram(), version: 2 });
    expect(await refusal(future)).toBe('the program is refused: version: this program is version 2; this FormCoach reads version 1 (it was made by a newer FormCoach: update this one)');
  });

  it('refuses a link whose tag matches but whose program is out of bounds, with the field and the bound', async () => {
    const p = plainProgram();
    const outOfBounds = await forged({ ...p, items: [{ ...p.items[0]!, reps: 40 }] });
    expect(await refusal(outOfBounds)).toBe('the program is refused: items.0: reps = 40 reps is out of bounds: it must lie in 1..30 reps');
    const threshold = await forged({ ...p, items: [{ ...p.items[0]!, overrides: { ...p.items[0]!.overrides, hipsUpToLineDeg: 120 } }] });
    expect(await refusal(threshold)).toBe('the program is refused: items.0: overrides: hip-thrust overrides: hipsUpToLineDeg = 120 deg is out of bounds: it must lie in 150..180 deg');
  });

  it('makes no link of an invalid program', async () => {
    const p = plainProgram();
    await expect(encodeProgram({ ...p, items: [{ ...p.items[0]!, sets: 0 }] })).rejects.toThrow('program: items.0: sets = 0 sets is out of bounds: it must lie in 1..10 sets');
  });
});

/** A payload with a correct tag around any JSON (what someone who edits a link by hand and recomputes the tag makes). */
async function forged(value: unknown): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify(value));
  const header = Uint8Array.of(1, 0);
  const all = new Uint8Array(header.length + data.length);
  all.set(header);
  all.set(data, header.length);
  const tag = new Uint8Array(await crypto.subtle.digest('SHA-256', all), 0, 8);
  const out = new Uint8Array(10 + data.length);
  out.set(header);
  out.set(tag, 2);
  out.set(data, 10);
  return base64UrlOf(out);
}
