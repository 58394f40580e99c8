/** Why a frame source failed, in terms the page can explain and act on. */
export type SourceProblem =
  | 'no-camera'
  | 'camera-denied'
  | 'camera-in-use'
  | 'camera-lost'
  | 'camera-unsupported'
  | 'video-file';

export class SourceError extends Error {
  constructor(
    readonly problem: SourceProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'SourceError';
  }
}

/**
 * Maps a getUserMedia rejection to a problem. Names from the Media Capture
 * spec (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia).
 */
export function classifyCameraError(err: unknown): SourceProblem {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'camera-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'camera-in-use';
    case 'TypeError':
      return 'camera-unsupported';
    default:
      return 'camera-in-use';
  }
}
