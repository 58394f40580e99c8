/** The per-rep measurements the superman reports (RepRecord.metrics), by name with the unit in it. */
export const SUPERMAN_METRICS = [
  'kneeLiftTorso',
  'elbowLiftTorso',
  'ankleLiftTorso',
  'wristLiftTorso',
  'farKneeLiftTorso',
  'farElbowLiftTorso',
  'togetherRatio',
  'startAboveTorso',
  'torsoElevationDeg',
  'archDeg',
  'headUpDeg',
  'noseAboveBackTorso',
  'durationS',
  'liftS',
  'lowerS',
  'torsoPx',
  'kneeElbowLiftTorso',
  'feetHandsLiftTorso',
] as const;
export type SupermanMetric = (typeof SUPERMAN_METRICS)[number];
