/** Where a rep is: the phases of the shared rep counter (rep-counter.ts), which every checker reports. */
export const PHASES = ['rest', 'rising', 'top', 'lowering'] as const;
export type Phase = (typeof PHASES)[number];
