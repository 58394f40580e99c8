/** Strings of annotated recording, live and from a file; recovery of an interrupted recording (English and Dutch). */
import type { TableOf } from './table.ts';

export const recordingEn = {} as const;

export const recordingNl: TableOf<typeof recordingEn> = {};
