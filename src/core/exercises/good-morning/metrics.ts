/** The per-rep measurements the good morning reports (RepRecord.metrics), by name with the unit in it. */
export const GOOD_MORNING_METRICS = [
  'peakInclinationDeg',
  'kneeAtBottomDeg',
  'headLineAtBottomDeg',
  'hipTravelTorso',
  'downS',
  'upS',
] as const;
export type GoodMorningMetric = (typeof GOOD_MORNING_METRICS)[number];
