/** Wall-clock times as the session records keep them (ISO 8601, UTC). */
export const isoTime = (epochMs: number = Date.now()): string => new Date(epochMs).toISOString();
