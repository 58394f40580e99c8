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
  /** the monotonic time frame timestamps count from (a camera resumed mid-set keeps the lost one's, so time goes on) */
  readonly originMs: number;
  /** frames the camera has presented, and the last of them handed out */
  private presented = 0;
  private handedOut = 0;
  private wake: (() => void) | null = null;
  private readonly track: MediaStreamTrack | undefined;
  private readonly onEnded = (): void => {
    this.lost = true;
    this.wake?.();
  };
  /**
   * Counts presented frames all the time, not only while a frame is awaited:
   * when inference takes longer than a frame period, the next frame is already
   * there and is analysed at once instead of waiting for the one after it
   * (that wait cost a third of the analysed fps).
   */
  private readonly onPresented = (): void => {
    if (this.closed) return;
    this.presented++;
    this.wake?.();
    this.watch();
  };

  constructor(
    private readonly video: HTMLVideoElement,
    readonly stream: MediaStream,
    originMs?: number,
  ) {
    this.originMs = originMs ?? performance.now();
    this.track = stream.getVideoTracks()[0];
    this.track?.addEventListener('ended', this.onEnded);
    this.watch();
  }

  private watch(): void {
    if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(this.onPresented);
    else requestAnimationFrame(this.onPresented);
  }

  static async open(video: HTMLVideoElement, deviceId?: string): Promise<CameraSource> {
    return CameraSource.attach(video, await openCameraStream(deviceId));
  }

  /**
   * Shows an open camera stream in `video` and reads frames from it; with
   * `originMs` (a camera resumed mid-set), its frame times go on from that origin.
   */
  static async attach(video: HTMLVideoElement, stream: MediaStream, originMs?: number): Promise<CameraSource> {
    video.removeAttribute('src');
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    return new CameraSource(video, stream, originMs);
  }

  get deviceId(): string | undefined {
    return this.track?.getSettings().deviceId;
  }

  private take(): SourceFrame | null {
    if (this.closed) return null;
    if (this.lost || this.track?.readyState === 'ended') throw new SourceError('camera-lost', 'the camera track ended');
    this.handedOut = this.presented;
    return { image: this.video, timestampMs: performance.now() - this.originMs };
  }

  next(): Promise<SourceFrame | null> {
    if (this.closed || this.lost || this.presented > this.handedOut) {
      try {
        return Promise.resolve(this.take());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return new Promise((resolve, reject) => {
      this.wake = () => {
        this.wake = null;
        try {
          resolve(this.take());
        } catch (err) {
          reject(err);
        }
      };
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
