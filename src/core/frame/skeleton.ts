/**
 * Keypoint names of the two formats the models emit, and the bones to draw
 * between them. Names follow pose-detection (COCO-17 for MoveNet, the 33
 * BlazePose landmarks for BlazePose).
 */
export const COCO_17 = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const;

export const BLAZEPOSE_33 = [
  'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer', 'right_eye_inner', 'right_eye', 'right_eye_outer',
  'left_ear', 'right_ear', 'mouth_left', 'mouth_right',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_pinky', 'right_pinky', 'left_index', 'right_index', 'left_thumb', 'right_thumb',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
  'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index',
] as const;

export type KeypointFormat = 'coco-17' | 'blazepose-33';
export type KeypointName = (typeof COCO_17)[number] | (typeof BLAZEPOSE_33)[number];

/** Bones shared by both formats: the body the coach reasons about. */
const BODY_BONES = [
  ['left_shoulder', 'right_shoulder'], ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_hip'], ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'],
  ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'],
  ['left_ear', 'left_shoulder'], ['right_ear', 'right_shoulder'],
  ['nose', 'left_eye'], ['nose', 'right_eye'], ['left_eye', 'left_ear'], ['right_eye', 'right_ear'],
] as const satisfies readonly (readonly [KeypointName, KeypointName])[];

/** Extra bones BlazePose has: heels and toes, which show whether the foot is flat. */
const BLAZEPOSE_FEET = [
  ['left_ankle', 'left_heel'], ['left_heel', 'left_foot_index'], ['left_ankle', 'left_foot_index'],
  ['right_ankle', 'right_heel'], ['right_heel', 'right_foot_index'], ['right_ankle', 'right_foot_index'],
] as const satisfies readonly (readonly [KeypointName, KeypointName])[];

function indexPairs(names: readonly string[], bones: readonly (readonly [string, string])[]): readonly (readonly [number, number])[] {
  return bones.map(([a, b]) => {
    const ia = names.indexOf(a);
    const ib = names.indexOf(b);
    if (ia < 0 || ib < 0) throw new Error(`skeleton: bone ${a}-${b} names a keypoint the format lacks`);
    return [ia, ib] as const;
  });
}

/** Bones as index pairs into the keypoint array of each format, computed once. */
export const SKELETON: Readonly<Record<KeypointFormat, readonly (readonly [number, number])[]>> = {
  'coco-17': indexPairs(COCO_17, BODY_BONES),
  'blazepose-33': indexPairs(BLAZEPOSE_33, [...BODY_BONES, ...BLAZEPOSE_FEET]),
};

/** The format a frame's keypoint list is in, from its length; undefined when neither. */
export function formatOfKeypointCount(count: number): KeypointFormat | undefined {
  if (count === COCO_17.length) return 'coco-17';
  if (count === BLAZEPOSE_33.length) return 'blazepose-33';
  return undefined;
}
