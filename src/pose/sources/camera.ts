/**
 * The webcam as a frame source: getUserMedia at a sensible resolution, one
 * frame per new video frame (requestVideoFrameCallback), and a SourceError
 * when the camera is refused, missing, busy, or unplugged mid-session.
 */
import type { FrameSource, SourceFrame } from './frame-source.ts';
import { SourceError, classifyCameraError } from './source-error.ts';

/** 1280x720 at 30 fps: sharp enough for a body at 2-3 m, and every laptop camera offers it. */
const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30 },
};

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput');
}

export async function openCameraStream(deviceId?: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new SourceError('camera-unsupported', 'navigator.mediaDevices is not available (insecure context?)');
  }
  try {
    const video: MediaTrackConstraints = deviceId ? { ...VIDEO_CONSTRAINTS, deviceId: { exact: deviceId } } : VIDEO_CONSTRAINTS;
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (err) {
    throw new SourceError(classifyCameraError(err), err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
}

export class CameraSource implements FrameSource {
  readonly kind = 'camera';
  readonly label = 'camera';
  readonly sampleFps = undefined;
  readonly progress = undefined;
  private lost = false;
  private closed = false;
  private readonly startedMs = performance.now();
  private wake: (() => void) | null = null;
  private readonly track: MediaStreamTrack | undefined;
  private readonly onEnded = (): void => {
    this.lost = true;
    this.wake?.();
  };

  constructor(
    private readonly video: HTMLVideoElement,
    readonly stream: MediaStream,
  ) {
    this.track = stream.getVideoTracks()[0];
    this.track?.addEventListener('ended', this.onEnded);
  }

  static async open(video: HTMLVideoElement, deviceId?: string): Promise<CameraSource> {
    const stream = await openCameraStream(deviceId);
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    return new CameraSource(video, stream);
  }

  get deviceId(): string | undefined {
    return this.track?.getSettings().deviceId;
  }

  next(): Promise<SourceFrame | null> {
    if (this.closed) return Promise.resolve(null);
    if (this.lost) return Promise.reject(new SourceError('camera-lost', 'the camera track ended'));
    return new Promise((resolve, reject) => {
      const deliver = (): void => {
        this.wake = null;
        if (this.closed) resolve(null);
        else if (this.lost || this.track?.readyState === 'ended') reject(new SourceError('camera-lost', 'the camera track ended'));
        else resolve({ image: this.video, timestampMs: performance.now() - this.startedMs });
      };
      this.wake = deliver;
      if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(() => deliver());
      else requestAnimationFrame(() => deliver());
    });
  }

  close(): void {
    this.closed = true;
    this.track?.removeEventListener('ended', this.onEnded);
    for (const t of this.stream.getTracks()) t.stop();
    this.video.srcObject = null;
    this.wake?.();
  }
}
