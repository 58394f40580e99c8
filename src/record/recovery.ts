/**
 * Which stored recordings were interrupted (a reload or a crash while
 * recording), pure. A recording being made holds a Web Lock named after it
 * for as long as it runs (recording-library.ts), so a recording still marked
 * 'recording' whose lock nobody holds was left behind; one whose lock is held
 * is being recorded right now, in another tab, and is not offered.
 */

/** The Web Lock a running recording holds. */
export const lockNameOf = (sessionId: string): string => `formcoach-recording:${sessionId}`;

/**
 * Whether a recording should be offered for recovery. `heldLocks`: the names
 * of the locks held now (navigator.locks.query()); null where the browser has
 * no Web Locks: then any unfinished recording is offered, as nothing can be
 * recording at the moment the app starts in this tab.
 */
export function isInterrupted(meta: { readonly sessionId: string; readonly state: 'recording' | 'finished' }, heldLocks: ReadonlySet<string> | null): boolean {
  if (meta.state !== 'recording') return false;
  return heldLocks === null || !heldLocks.has(lockNameOf(meta.sessionId));
}
