/**
 * Where a recording's picture lies on its set's keypoint track. The track's
 * times run from its source's own clock, the recording's from when the
 * record button was pressed; both are anchored to the wall clock: the set's
 * record ends (endedAt) when its last frame was taken, and the recording
 * knows when it started. The offset is accurate to a frame or two (the time
 * between the last frame and the record being made), enough to jump to a rep.
 */

/** Track time (ms) at the recording's first frame; 0 when either wall-clock anchor is unknown. */
export function trackMsAtVideoStart(recordingStartedAtMs: number, recordEndedAtMs: number, lastTrackMs: number): number {
  if (!Number.isFinite(recordingStartedAtMs) || !Number.isFinite(recordEndedAtMs) || !Number.isFinite(lastTrackMs)) return 0;
  const trackStartWallMs = recordEndedAtMs - lastTrackMs;
  return recordingStartedAtMs - trackStartWallMs;
}
