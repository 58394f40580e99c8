import { describe, expect, it } from 'vitest';
import { BodyFrame, CHAIN_JOINTS } from './body.ts';
import { DEFAULT_SIDE_CHOOSER, SideChooser, type SideChooserConfig } from './side-chooser.ts';
import { figure, noPerson, type FigureOptions } from './test-frames.ts';

const TORSO = 80;
const CONFIG: SideChooserConfig = DEFAULT_SIDE_CHOOSER;

/** Feeds figures to a chooser through one reused BodyFrame; returns the side after each. */
function feed(chooser: SideChooser, frames: readonly FigureOptions[], torso = TORSO): (string | null)[] {
  const body = new BodyFrame();
  return frames.map((o, i) => chooser.update(body.read(figure({ torso, t: i * 66, ...o })), torso));
}
const repeat = <T,>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('SideChooser', () => {
  it('starts with no side, then picks the higher-scoring chain', () => {
    expect(new SideChooser().side).toBeNull();
    expect(feed(new SideChooser(), [{ leftScore: 0.9, rightScore: 0.6 }])).toEqual(['left']);
    expect(feed(new SideChooser(), [{ leftScore: 0.5, rightScore: 0.8 }])).toEqual(['right']);
  });

  it('keeps its side through a frame without a person', () => {
    const chooser = new SideChooser();
    const body = new BodyFrame();
    chooser.update(body.read(figure({ leftScore: 0.5, rightScore: 0.8 })), TORSO);
    expect(chooser.update(body.read(noPerson(100)), TORSO)).toBe('right');
  });

  it('does not flip while the other side leads by no more than the margin', () => {
    const small = CONFIG.marginScore / 2;
    const sides = feed(new SideChooser(), [{ leftScore: 0.8, rightScore: 0.7 }, ...repeat(5 * CONFIG.framesToSwitch, { leftScore: 0.8, rightScore: 0.8 + small })]);
    expect(new Set(sides)).toEqual(new Set(['left']));
  });

  it(`flips after framesToSwitch (${CONFIG.framesToSwitch}) consecutive frames of a lead above the margin`, () => {
    const lead = { leftScore: 0.6, rightScore: 0.6 + CONFIG.marginScore + 0.05 };
    const sides = feed(new SideChooser(), [{ leftScore: 0.9, rightScore: 0.6 }, ...repeat(CONFIG.framesToSwitch, lead)]);
    expect(sides.slice(0, CONFIG.framesToSwitch)).toEqual(repeat(CONFIG.framesToSwitch, 'left'));
    expect(sides[CONFIG.framesToSwitch]).toBe('right');
  });

  it('starts the count again when the lead is interrupted', () => {
    const lead = { leftScore: 0.6, rightScore: 0.6 + CONFIG.marginScore + 0.05 };
    const even = { leftScore: 0.7, rightScore: 0.7 };
    const almost = repeat(CONFIG.framesToSwitch - 1, lead);
    const sides = feed(new SideChooser(), [{ leftScore: 0.9, rightScore: 0.6 }, ...almost, even, ...almost, even, lead]);
    expect(new Set(sides)).toEqual(new Set(['left']));
  });

  it('honours its config', () => {
    const quick = new SideChooser({ ...CONFIG, framesToSwitch: 1, marginScore: 0.01 });
    expect(feed(quick, [{ leftScore: 0.8, rightScore: 0.7 }, { leftScore: 0.8, rightScore: 0.83 }])).toEqual(['left', 'right']);
  });

  describe('left/right label swaps', () => {
    // the two chains a full torso apart (an oblique view), the left one facing the camera
    const apart = { spread: 1, leftScore: 0.9, rightScore: 0.6 } satisfies FigureOptions;

    it('follows a swap at once when the other chain sits where the chosen one just was', () => {
      const chooser = new SideChooser();
      const sides = feed(chooser, [apart, { ...apart, swapLabels: true }, { ...apart, swapLabels: true }]);
      expect(sides).toEqual(['left', 'right', 'right']);
      expect(chooser.swapsFollowed).toBe(1);
    });

    it('follows the swap back and counts each swap', () => {
      const chooser = new SideChooser();
      const swapped = { ...apart, swapLabels: true };
      const sides = feed(chooser, [apart, swapped, apart, swapped, apart]);
      expect(sides).toEqual(['left', 'right', 'left', 'right', 'left']);
      expect(chooser.swapsFollowed).toBe(4);
    });

    it('measures the same physical side after a swap (the coordinates of the chosen chain do not jump)', () => {
      const chooser = new SideChooser();
      const body = new BodyFrame();
      chooser.update(body.read(figure(apart)), TORSO);
      const before = { ...body.chain('left').hip };
      const side = chooser.update(body.read(figure({ ...apart, swapLabels: true, t: 66 })), TORSO);
      expect(side).not.toBeNull();
      expect(body.chain(side ?? 'left').hip).toMatchObject({ x: before.x, y: before.y });
    });

    it('does not take a "swap" when the chains are too close to tell apart (less than swapLeadTorso)', () => {
      // swapped labels move every chain joint by the spread: the summed lead is spread * 7 joints
      const tooClose = (0.9 * CONFIG.swapLeadTorso * TORSO) / CHAIN_JOINTS.length / TORSO;
      const farEnough = (1.1 * CONFIG.swapLeadTorso * TORSO) / CHAIN_JOINTS.length / TORSO;
      const close = { ...apart, spread: tooClose };
      const chooser = new SideChooser();
      expect(feed(chooser, [close, { ...close, swapLabels: true }])).toEqual(['left', 'left']);
      expect(chooser.swapsFollowed).toBe(0);
      const far = { ...apart, spread: farEnough };
      const other = new SideChooser();
      expect(feed(other, [far, { ...far, swapLabels: true }])).toEqual(['left', 'right']);
      expect(other.swapsFollowed).toBe(1);
    });

    it('needs at least 3 joints known in both frames to judge a swap', () => {
      /** all chain joints but the last `known` ones scored below the gate, on both sides */
      const onlyLast = (known: number): FigureOptions['set'] =>
        Object.fromEntries(['left', 'right'].flatMap((s) => CHAIN_JOINTS.slice(0, CHAIN_JOINTS.length - known).map((j) => [`${s}_${j}`, { score: 0.1 }])));
      const two = new SideChooser();
      expect(feed(two, [{ ...apart, set: onlyLast(2) }, { ...apart, swapLabels: true, set: onlyLast(2) }])).toEqual(['left', 'left']);
      expect(two.swapsFollowed).toBe(0);
      const three = new SideChooser();
      expect(feed(three, [{ ...apart, set: onlyLast(3) }, { ...apart, swapLabels: true, set: onlyLast(3) }])).toEqual(['left', 'right']);
      expect(three.swapsFollowed).toBe(1);
    });

    it('does not judge swaps without a torso length', () => {
      const chooser = new SideChooser();
      expect(feed(chooser, [apart, { ...apart, swapLabels: true }], 0)[1]).toBe('left');
      expect(chooser.swapsFollowed).toBe(0);
    });
  });

  it('reset forgets the side, the swap count and the last position', () => {
    const chooser = new SideChooser();
    const apart = { spread: 1, leftScore: 0.9, rightScore: 0.6 } satisfies FigureOptions;
    feed(chooser, [apart, { ...apart, swapLabels: true }]);
    expect(chooser.swapsFollowed).toBe(1);
    chooser.reset();
    expect(chooser.side).toBeNull();
    expect(chooser.swapsFollowed).toBe(0);
    // a fresh start picks by score again
    expect(feed(chooser, [{ leftScore: 0.5, rightScore: 0.8 }])).toEqual(['right']);
  });
});
