/** The per-rep measurements the hip thrust reports (RepRecord.metrics), by name with the unit in it. */
export const HIP_THRUST_METRICS = [
  'peakHipDeg',
  'hipAboveLineTorso',
  'kneeAtTopDeg',
  'pauseS',
  'hipRiseDeg',
  'upS',
  'downS',
] as const;
export type HipThrustMetric = (typeof HIP_THRUST_METRICS)[number];
