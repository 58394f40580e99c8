import { describe, expect, it } from 'vitest';
import type { SessionRep } from '../../../core/session/schema.ts';
import { repWords } from './rep-words.ts';

const rep = (over: Partial<SessionRep>): SessionRep => ({ index: 1, full: true, startMs: 0, peakMs: 500, endMs: 1000, peak: 170, toPeakS: 0.5, fromPeakS: 0.5, holdS: 5, metrics: {}, faults: [], ...over });

describe('a stored rep in words', () => {
  it('names a fault in its exercise’s cue words', () => {
    expect(repWords('hip-thrust', rep({ faults: ['over-arch'] }), 'en').others).toContain('Stop at a straight line, don’t arch');
    expect(repWords('hip-thrust', rep({ faults: ['over-arch'] }), 'nl').others[0]).not.toBe('Stop at a straight line, don’t arch');
  });

  it('says what a partial rep was missing', () => {
    const words = repWords('superman', rep({ full: false, index: 0, partialReason: 'all-four-together' }), 'en');
    expect(words.missing).toBe('Lift arms and legs together');
  });

  it('has nothing to say about a clean full rep held long enough', () => {
    expect(repWords('hip-thrust', rep({}), 'en')).toEqual({ missing: null, others: [] });
  });
});
