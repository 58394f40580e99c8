import { describe, expect, it } from 'vitest';
import { classifyCameraError, SourceError, type SourceProblem } from './source-error.ts';

/** What getUserMedia rejects with: a DOMException, of which only `name` matters. */
const rejection = (name: string): { name: string; message: string } => ({ name, message: `${name}: test` });

describe('classifyCameraError', () => {
  it.each<[string, SourceProblem]>([
    ['NotAllowedError', 'camera-denied'],
    ['PermissionDeniedError', 'camera-denied'],
    ['SecurityError', 'camera-denied'],
    ['NotFoundError', 'no-camera'],
    ['DevicesNotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'camera-in-use'],
    ['TrackStartError', 'camera-in-use'],
    ['AbortError', 'camera-in-use'],
    ['TypeError', 'camera-unsupported'],
  ])('maps %s to %s', (name, problem) => {
    expect(classifyCameraError(rejection(name))).toBe(problem);
  });

  it('reads the name of a real Error subclass too', () => {
    expect(classifyCameraError(new TypeError('getUserMedia is not a function'))).toBe('camera-unsupported');
  });

  it('reads the name of a DOMException when Node has one', () => {
    expect(classifyCameraError(new DOMException('Permission denied', 'NotAllowedError'))).toBe('camera-denied');
  });

  it.each([rejection('SomethingNewError'), null, undefined, 'NotAllowedError', 42, {}])('does not throw for %j, and falls back to camera-in-use', (err) => {
    expect(classifyCameraError(err)).toBe('camera-in-use');
  });
});

describe('SourceError', () => {
  it('is an Error carrying its problem and detail', () => {
    const err = new SourceError('camera-lost', 'track ended');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SourceError');
    expect(err.problem).toBe('camera-lost');
    expect(err.message).toBe('track ended');
  });
});
