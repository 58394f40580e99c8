/**
 * Every form fault any exercise can report, as one typed key: the engine's
 * events, the rep records and the summary carry these, never free strings.
 * Each exercise's own table (its faults.ts) maps them to cue keys.
 */
import type { GoodMorningFault } from './good-morning/checker.ts';
import type { HipThrustFault } from './hip-thrust/faults.ts';
import type { SupermanFault } from './superman/faults.ts';
import type { UpwardDogFault } from './upward-dog/faults.ts';

export type FaultKey = GoodMorningFault | HipThrustFault | SupermanFault | UpwardDogFault;
