/** The per-rep measurements the upward dog reports (RepRecord.metrics), by name with the unit in it. */
export const UPWARD_DOG_METRICS = [
  'peakElevationDeg',
  'holdElevationDeg',
  'elbowAtTopDeg',
  'kneeAtTopDeg',
  'handOffsetTorso',
  'hipLiftTorso',
  'earShoulderRatio',
  'headLineDeg',
  'pressRiseDeg',
  'upS',
  'downS',
] as const;
export type UpwardDogMetric = (typeof UPWARD_DOG_METRICS)[number];
