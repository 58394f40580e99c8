import { describe, expect, it } from 'vitest';
import { isInterrupted, lockNameOf } from './recovery.ts';

describe('isInterrupted', () => {
  const recording = { sessionId: 'a', state: 'recording' } as const;

  it('offers a recording left unfinished whose lock nobody holds', () => {
    expect(isInterrupted(recording, new Set())).toBe(true);
  });
  it('does not offer one that another tab is recording right now (its lock is held)', () => {
    expect(isInterrupted(recording, new Set([lockNameOf('a')]))).toBe(false);
  });
  it('does not offer a finished recording', () => {
    expect(isInterrupted({ sessionId: 'a', state: 'finished' }, new Set())).toBe(false);
  });
  it('offers every unfinished recording where the browser has no Web Locks', () => {
    expect(isInterrupted(recording, null)).toBe(true);
  });
});
