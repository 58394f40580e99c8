import { describe, expect, it } from 'vitest';
import type { Keypoint, PoseFrame } from './frame/pose-frame.ts';
import { parseTrack, TRACK_VERSION, trackFrameOf, TrackRecorder, validateTrack, type KeypointTrack } from './track.ts';

/** A small, valid track; tests clone it and break one thing each. */
function validTrack(): KeypointTrack {
  return {
    version: TRACK_VERSION,
    source: 'squat.mp4',
    model: 'movenet-lightning',
    width: 640,
    height: 360,
    fps: 15,
    frames: [
      { t: 0, score: 0.8, keypoints: [{ name: 'nose', x: 320, y: 100, score: 0.9 }, { name: 'left_eye', x: 310, y: 95, score: 0.85 }] },
      { t: 67, score: 0, keypoints: [] },
      { t: 133, score: 0.75, keypoints: [{ name: 'nose', x: 321.5, y: 101, score: 1 }] },
      { t: 200, score: 0.7, keypoints: [{ name: 'nose', x: 322, y: 102, score: 0 }] },
    ],
  };
}

type Loose = Record<string, unknown>;
interface LooseFrame extends Loose {
  keypoints: Loose[];
}
interface LooseTrack extends Loose {
  frames: LooseFrame[];
}

/** A deep copy of the valid track that tests may break freely. */
const mutable = (): LooseTrack => JSON.parse(JSON.stringify(validTrack())) as LooseTrack;

function frameAt(track: LooseTrack, i: number): LooseFrame {
  const frame = track.frames[i];
  if (!frame) throw new Error(`test track has no frame ${i}`);
  return frame;
}

function keypointAt(track: LooseTrack, i: number, k: number): Loose {
  const keypoint = frameAt(track, i).keypoints[k];
  if (!keypoint) throw new Error(`test track has no keypoint ${k} in frame ${i}`);
  return keypoint;
}

function errorOf(value: unknown): string {
  const result = validateTrack(value);
  if (result.ok) throw new Error('expected the track to be rejected');
  return result.error;
}

function poseFrame(timestampMs: number, keypoints: Keypoint[] = [], size: { w: number; h: number } = { w: 640, h: 480 }, score = 0.5): PoseFrame {
  return { timestampMs, imageWidth: size.w, imageHeight: size.h, score, keypoints };
}

describe('validateTrack', () => {
  it('accepts a valid track and hands back the same object', () => {
    const track = validTrack();
    const result = validateTrack(track);
    expect(result).toEqual({ ok: true, track });
    expect(result.ok && result.track).toBe(track);
  });

  it('accepts frames with no pose (keypoints: [])', () => {
    const track = mutable();
    track.frames = [{ t: 0, score: 0, keypoints: [] }, { t: 10, score: 0, keypoints: [] }];
    expect(validateTrack(track).ok).toBe(true);
  });

  it('accepts a track with no frames at all', () => {
    const track = mutable();
    track.frames = [];
    expect(validateTrack(track).ok).toBe(true);
  });

  it('accepts two frames at the same time (time may stand still, not go back)', () => {
    const track = mutable();
    frameAt(track, 1).t = frameAt(track, 0).t;
    expect(validateTrack(track).ok).toBe(true);
  });

  it.each([null, 42, 'track', [validTrack()]])('rejects %j as not being a JSON object', (value) => {
    expect(errorOf(value)).toBe('track: expected a JSON object');
  });

  it.each([TRACK_VERSION + 1, 0, String(TRACK_VERSION), undefined])('rejects version %j, naming the expected and the given version', (version) => {
    const track = mutable();
    track.version = version;
    const error = errorOf(track);
    expect(error).toBe(`track.version: expected ${TRACK_VERSION}, got ${JSON.stringify(version)}`);
  });

  it.each(['source', 'model'])('rejects a track whose %s is not a string, naming the field', (key) => {
    const track = mutable();
    track[key] = 7;
    expect(errorOf(track)).toBe(`track.${key}: expected a string`);
  });

  it.each([
    ['width', 0],
    ['height', -360],
    ['fps', null],
    ['width', '640'],
  ])('rejects track.%s = %j as not a positive number', (key, bad) => {
    const track = mutable();
    track[key] = bad;
    const error = errorOf(track);
    expect(error).toMatch(new RegExp(`^track\\.${key}: expected a positive number`));
    expect(error).toContain(JSON.stringify(bad));
  });

  it('rejects a non-finite size (which JSON cannot carry but a caller can)', () => {
    const track = { ...validTrack(), width: Number.POSITIVE_INFINITY };
    expect(errorOf(track)).toMatch(/^track\.width:/);
  });

  it('rejects frames that are not an array', () => {
    const track = mutable();
    (track as Loose).frames = {};
    expect(errorOf(track)).toBe('track.frames: expected an array');
  });

  it('rejects a frame that is not an object, naming the frame', () => {
    const track = mutable();
    (track.frames as unknown[])[2] = [1, 2, 3];
    expect(errorOf(track)).toBe('track.frames[2]: expected an object');
  });

  it.each([-1, 'zero', null])('rejects a frame time of %j, naming the frame', (t) => {
    const track = mutable();
    frameAt(track, 1).t = t;
    expect(errorOf(track)).toBe('track.frames[1].t: expected a time in ms >= 0');
  });

  it('rejects a frame whose time goes backwards, naming the frame and both times', () => {
    const track = mutable();
    const previous = frameAt(track, 2).t as number;
    frameAt(track, 3).t = previous - 1;
    const error = errorOf(track);
    expect(error).toMatch(/^track\.frames\[3\]\.t: /);
    expect(error).toContain(`${previous - 1} ms`);
    expect(error).toContain(`(${previous} ms)`);
  });

  it.each([-0.01, 1.01, Number.NaN, '0.5'])('rejects a frame score of %j outside 0..1, naming the frame', (score) => {
    const track = mutable();
    frameAt(track, 3).score = score;
    expect(errorOf(track)).toBe('track.frames[3].score: expected a number in 0..1');
  });

  it('rejects a frame without a keypoints array, and says [] is how to write "no pose"', () => {
    const track = mutable();
    delete (frameAt(track, 1) as Loose).keypoints;
    const error = errorOf(track);
    expect(error).toMatch(/^track\.frames\[1\]\.keypoints: /);
    expect(error).toContain('[]');
  });

  it('rejects a keypoint that is not an object, naming frame and keypoint', () => {
    const track = mutable();
    (frameAt(track, 0).keypoints as unknown[])[1] = 'nose';
    expect(errorOf(track)).toBe('track.frames[0].keypoints[1]: expected an object');
  });

  it.each([undefined, '', 3])('rejects a keypoint name of %j, naming the keypoint', (name) => {
    const track = mutable();
    keypointAt(track, 0, 1).name = name;
    expect(errorOf(track)).toBe('track.frames[0].keypoints[1].name: expected a keypoint name');
  });

  it.each(['x', 'y'])('rejects a keypoint whose %s is not a finite number, naming the keypoint', (axis) => {
    const track = mutable();
    keypointAt(track, 2, 0)[axis] = null;
    expect(errorOf(track)).toBe('track.frames[2].keypoints[0]: x and y must be finite numbers');
  });

  it('accepts keypoints outside the image (models extrapolate past the edges)', () => {
    const track = mutable();
    keypointAt(track, 0, 0).x = -12.5;
    keypointAt(track, 0, 0).y = (track.height as number) + 30;
    expect(validateTrack(track).ok).toBe(true);
  });

  it.each([-0.5, 1.5])('rejects a keypoint score of %j outside 0..1, naming the keypoint', (score) => {
    const track = mutable();
    keypointAt(track, 3, 0).score = score;
    expect(errorOf(track)).toBe('track.frames[3].keypoints[0].score: expected a number in 0..1');
  });

  it('reports the first problem only, in one line', () => {
    const track = mutable();
    frameAt(track, 1).score = 2;
    frameAt(track, 3).t = -5;
    const error = errorOf(track);
    expect(error).toBe('track.frames[1].score: expected a number in 0..1');
    expect(error).not.toContain('\n');
  });
});

describe('parseTrack', () => {
  it('parses and validates a track written as JSON', () => {
    const track = validTrack();
    expect(parseTrack(JSON.stringify(track, null, 2))).toEqual({ ok: true, track });
  });

  it('gives a one-line "not valid JSON" message for text that is not JSON', () => {
    const result = parseTrack('{"version": 1,');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^not valid JSON \(.+\)$/);
    expect(result.error).not.toContain('\n');
  });

  it('passes on the validation error for valid JSON that is not a track', () => {
    const track = mutable();
    keypointAt(track, 0, 0).score = 3;
    expect(parseTrack(JSON.stringify(track))).toEqual({ ok: false, error: 'track.frames[0].keypoints[0].score: expected a number in 0..1' });
  });
});

describe('trackFrameOf', () => {
  it('rounds time to whole ms, coordinates to 0.1 px and scores to 0.001', () => {
    const frame = poseFrame(1234.56, [{ name: 'left_knee', x: 100.04, y: 200.06, score: 0.12345 }], undefined, 0.98765);
    expect(trackFrameOf(frame)).toEqual({
      t: Math.round(1234.56),
      score: Math.round(0.98765 * 1000) / 1000,
      keypoints: [{ name: 'left_knee', x: Math.round(100.04 * 10) / 10, y: Math.round(200.06 * 10) / 10, score: Math.round(0.12345 * 1000) / 1000 }],
    });
    expect(trackFrameOf(frame).keypoints[0]).toEqual({ name: 'left_knee', x: 100, y: 200.1, score: 0.123 });
  });

  it('keeps the keypoint names and their order', () => {
    const names = ['nose', 'left_eye', 'right_eye'];
    const frame = poseFrame(0, names.map((name, i) => ({ name, x: i, y: i, score: 0.5 })));
    expect(trackFrameOf(frame).keypoints.map((k) => k.name)).toEqual(names);
  });

  it('drops anything the track format does not hold (image size)', () => {
    expect(Object.keys(trackFrameOf(poseFrame(5))).sort()).toEqual(['keypoints', 'score', 't']);
  });

  it('produces frames that validate', () => {
    const frame = poseFrame(33.3, [{ name: 'nose', x: 1.26, y: 2.74, score: 0.9996 }]);
    const track = { ...validTrack(), frames: [trackFrameOf(frame)] };
    expect(validateTrack(track).ok).toBe(true);
  });
});

describe('TrackRecorder', () => {
  const nose = (score: number): Keypoint[] => [{ name: 'nose', x: 10, y: 20, score }];

  it('records source, model, version and the frames it was given, in order', () => {
    const recorder = new TrackRecorder('camera', 'blazepose-lite');
    const frames = [poseFrame(0, nose(0.9)), poseFrame(40), poseFrame(80, nose(0.4))];
    for (const f of frames) recorder.add(f);
    const track = recorder.toTrack();
    expect(recorder.frameCount).toBe(frames.length);
    expect(track).toMatchObject({ version: TRACK_VERSION, source: 'camera', model: 'blazepose-lite' });
    expect(track.frames).toEqual(frames.map(trackFrameOf));
    expect(validateTrack(track).ok).toBe(true);
  });

  it('uses the given fps for sampled sources, rounded to 0.01', () => {
    const recorder = new TrackRecorder('clip.mp4', 'movenet-thunder');
    recorder.add(poseFrame(0));
    recorder.add(poseFrame(1000));
    expect(recorder.toTrack(15).fps).toBe(15);
    expect(recorder.toTrack(30000 / 1001).fps).toBe(Math.round((30000 / 1001) * 100) / 100);
  });

  it('measures fps from the timestamps when none is given: (n - 1) * 1000 / span', () => {
    const recorder = new TrackRecorder('camera', 'movenet-lightning');
    const times = [1000, 1040, 1075, 1110, 1150, 1190, 1220];
    for (const t of times) recorder.add(poseFrame(t));
    const span = times[times.length - 1]! - times[0]!;
    const expected = Math.round((((times.length - 1) * 1000) / span) * 100) / 100;
    expect(recorder.toTrack().fps).toBe(expected);
  });

  it('falls back to fps 1 (a valid track) when it cannot be measured', () => {
    const single = new TrackRecorder('camera', 'movenet-lightning');
    single.add(poseFrame(500));
    expect(single.toTrack().fps).toBe(1);

    const sameTime = new TrackRecorder('camera', 'movenet-lightning');
    sameTime.add(poseFrame(500));
    sameTime.add(poseFrame(500));
    expect(sameTime.toTrack().fps).toBe(1);
  });

  it('takes width and height from the frames', () => {
    const recorder = new TrackRecorder('clip.mp4', 'movenet-lightning');
    recorder.add(poseFrame(0, [], { w: 640, h: 360 }));
    recorder.add(poseFrame(66, [], { w: 640, h: 360 }));
    expect(recorder.toTrack(15)).toMatchObject({ width: 640, height: 360 });
  });

  it('gives an empty recorder a valid 1x1 track with no frames', () => {
    const track = new TrackRecorder('camera', 'movenet-lightning').toTrack();
    expect(track).toMatchObject({ width: 1, height: 1, fps: 1, frames: [] });
    expect(validateTrack(track).ok).toBe(true);
  });

  it('hands out a copy: frames added later do not change a track already taken', () => {
    const recorder = new TrackRecorder('camera', 'movenet-lightning');
    recorder.add(poseFrame(0));
    const before = recorder.toTrack();
    recorder.add(poseFrame(33));
    expect(before.frames).toHaveLength(1);
    expect(recorder.toTrack().frames).toHaveLength(2);
  });

  it('starts over after reset', () => {
    const recorder = new TrackRecorder('camera', 'movenet-lightning');
    recorder.add(poseFrame(0));
    recorder.add(poseFrame(100));
    recorder.reset();
    expect(recorder.frameCount).toBe(0);
    expect(recorder.toTrack().frames).toEqual([]);
    recorder.add(poseFrame(5000));
    recorder.add(poseFrame(5050));
    const track = recorder.toTrack();
    expect(track.frames.map((f) => f.t)).toEqual([5000, 5050]);
    expect(track.fps).toBe((1 * 1000) / 50);
  });
});

describe('TrackRecorder.reset', () => {
  it('forgets the image size of the frames it dropped', () => {
    const recorder = new TrackRecorder('camera', 'movenet-lightning');
    recorder.add({ timestampMs: 0, imageWidth: 640, imageHeight: 480, score: 0, keypoints: [] });
    recorder.reset();
    expect(recorder.toTrack()).toMatchObject({ width: 1, height: 1, frames: [] });
  });
});
