/** Every per-rep measurement any exercise reports, as one typed key (each exercise lists its own in its metrics.ts). */
import type { GoodMorningMetric } from './good-morning/metrics.ts';
import type { HipThrustMetric } from './hip-thrust/metrics.ts';
import type { SupermanMetric } from './superman/metrics.ts';
import type { UpwardDogMetric } from './upward-dog/metrics.ts';

export type MetricKey = GoodMorningMetric | HipThrustMetric | SupermanMetric | UpwardDogMetric;
