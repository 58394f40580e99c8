import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_33, COCO_17, formatOfKeypointCount, SKELETON, type KeypointFormat } from './skeleton.ts';

const NAMES: Readonly<Record<KeypointFormat, readonly string[]>> = { 'coco-17': COCO_17, 'blazepose-33': BLAZEPOSE_33 };
const FORMATS = Object.keys(NAMES) as KeypointFormat[];

/** A bone as an order-free key of its two keypoint names. */
function boneNames(format: KeypointFormat): Set<string> {
  const names = NAMES[format];
  return new Set(SKELETON[format].map(([a, b]) => [names[a], names[b]].sort().join('|')));
}

describe('keypoint names', () => {
  it('have the lengths their format names', () => {
    expect(COCO_17).toHaveLength(17);
    expect(BLAZEPOSE_33).toHaveLength(33);
  });

  it.each(FORMATS)('are unique in %s', (format) => {
    expect(new Set(NAMES[format]).size).toBe(NAMES[format].length);
  });

  it('of COCO-17 all exist in BlazePose-33', () => {
    expect(COCO_17.filter((name) => !(BLAZEPOSE_33 as readonly string[]).includes(name))).toEqual([]);
  });
});

describe('SKELETON', () => {
  it('has bones for every format', () => {
    expect(Object.keys(SKELETON).sort()).toEqual([...FORMATS].sort());
  });

  it.each(FORMATS)('%s: every bone joins two different keypoints whose indices are in range', (format) => {
    const count = NAMES[format].length;
    expect(SKELETON[format].length).toBeGreaterThan(0);
    for (const [a, b] of SKELETON[format]) {
      expect(Number.isInteger(a) && Number.isInteger(b)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThan(count);
      expect(b).toBeLessThan(count);
      expect(a).not.toBe(b);
      expect(NAMES[format][a]).toBeTruthy();
      expect(NAMES[format][b]).toBeTruthy();
    }
  });

  it.each(FORMATS)('%s: has no bone twice', (format) => {
    expect(boneNames(format).size).toBe(SKELETON[format].length);
  });

  it('joins the bones the coach needs, by name (shoulder-elbow-wrist, hip-knee-ankle)', () => {
    for (const format of FORMATS) {
      const bones = boneNames(format);
      for (const side of ['left', 'right']) {
        for (const [a, b] of [['shoulder', 'elbow'], ['elbow', 'wrist'], ['hip', 'knee'], ['knee', 'ankle'], ['shoulder', 'hip']]) {
          expect(bones.has([`${side}_${a}`, `${side}_${b}`].sort().join('|'))).toBe(true);
        }
      }
    }
  });

  it('has every COCO-17 bone in BlazePose-33 as well, by keypoint names', () => {
    const blazepose = boneNames('blazepose-33');
    expect([...boneNames('coco-17')].filter((bone) => !blazepose.has(bone))).toEqual([]);
  });

  it('gives BlazePose-33 bones to the feet (heels and toes), which COCO-17 lacks', () => {
    const feet = [...boneNames('blazepose-33')].filter((bone) => /heel|foot_index/.test(bone));
    expect(feet.length).toBeGreaterThan(0);
  });
});

describe('formatOfKeypointCount', () => {
  it('recognises both formats by their keypoint count', () => {
    expect(formatOfKeypointCount(COCO_17.length)).toBe('coco-17');
    expect(formatOfKeypointCount(BLAZEPOSE_33.length)).toBe('blazepose-33');
  });

  it.each([0, 1, 16, 18, 32, 34])('knows no format with %i keypoints', (count) => {
    expect(formatOfKeypointCount(count)).toBeUndefined();
  });
});
