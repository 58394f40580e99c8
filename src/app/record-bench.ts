/**
 * Recording benchmark page, driven by scripts/bench-record.ts in headless
 * Chromium with a fake camera (served by the Vite dev server; not part of the
 * production build). Records `seconds` of the camera with the annotated
 * overlay through one encoder and hands the file back:
 *   ?encoder=webcodecs-vp8|webcodecs-vp9|webcodecs-avc   the app's path (LiveRecorder: packets in IndexedDB, muxed at stop)
 *   ?encoder=mediarecorder-webm|mediarecorder-mp4        MediaRecorder on canvas.captureStream()
 *   &remux=1   (MediaRecorder) also remux its file with mediabunny (duration and seek index, no re-encoding)
 *   &seconds=N &sampleEveryS=S   JS heap samples while recording (the memory check)
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, Output, WebMOutputFormat, Mp4OutputFormat } from 'mediabunny';
import { AnnotatedFrameCompositor, recordingSizeOf, type OverlayState } from '../record/annotated-frame.ts';
import { bitrateFor, LiveRecorder } from '../record/live-recorder.ts';
import { RecordingStore, type RecordingCodec } from '../record/recording-db.ts';

interface BenchResult {
  encoder: string;
  recordedMs: number;
  framesDrawn: number;
  mimeType: string;
  /** the file, base64 (small: seconds of 360p) */
  fileBase64: string;
  remuxedBase64?: string;
  heapSamples: { atS: number; usedJsHeapBytes: number; pendingKept: number }[];
  error?: string;
}

declare global {
  interface Window {
    recordBench?: BenchResult | { error: string };
  }
}

/** Chromium's JS heap figure (precise with --enable-precise-memory-info); NaN elsewhere. */
function usedHeap(): number {
  const memory: unknown = 'memory' in performance ? performance.memory : undefined;
  return typeof memory === 'object' && memory !== null && 'usedJSHeapSize' in memory && typeof memory.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : Number.NaN;
}

const CODECS = { 'webcodecs-vp8': 'vp8', 'webcodecs-vp9': 'vp9', 'webcodecs-avc': 'avc' } as const satisfies Record<string, RecordingCodec>;
const isWebCodecsEncoder = (name: string): name is keyof typeof CODECS => name in CODECS;

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function overlay(elapsedMs: number, w: number, h: number): OverlayState {
  return {
    exerciseName: 'Superman',
    repsLabel: 'Reps',
    reps: Math.floor(elapsedMs / 3000),
    targetReps: 8,
    holdLabel: 'Hold',
    holdS: (elapsedMs / 1000) % 3,
    targetHoldS: 2,
    cueText: Math.floor(elapsedMs / 4000) % 2 === 0 ? 'Lift arms and legs together' : null,
    elapsedMs,
    keyAngle: null,
    keyAngleText: null,
    frame: { timestampMs: elapsedMs, imageWidth: w, imageHeight: h, score: 0.9, keypoints: [{ name: 'left_hip', x: w / 2, y: h / 2, score: 0.9 }] },
    mirror: true,
  };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const encoder = params.get('encoder') ?? 'webcodecs-vp8';
  const seconds = Number(params.get('seconds') ?? 10);
  const sampleEveryS = Number(params.get('sampleEveryS') ?? 0);
  const video = document.querySelector('video');
  if (!video) throw new Error('no video element');
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 } } });
  await video.play();
  const { width, height } = recordingSizeOf(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const compositor = new AnnotatedFrameCompositor(ctx);
  const heapSamples: BenchResult['heapSamples'] = [];

  let onFrame: (tMs: number) => void = () => undefined;
  let finishRecording: () => Promise<{ blob: Blob; mimeType: string }> = () => Promise.reject(new Error('no encoder'));
  let recorder: LiveRecorder | null = null;
  let store: RecordingStore | null = null;
  const sessionId = `bench-${Date.now()}`;

  if (isWebCodecsEncoder(encoder)) {
    const codec = CODECS[encoder];
    store = await RecordingStore.open();
    const live = await LiveRecorder.start({ sessionId, what: 'bench', startedAtMs: Date.now(), width, height, store, codecs: [codec] });
    recorder = live;
    onFrame = (tMs) => live.addFrame(canvas, tMs);
    finishRecording = async () => {
      const muxed = await live.stop();
      return { blob: muxed.blob, mimeType: muxed.mimeType };
    };
  } else {
    const mimeType = encoder === 'mediarecorder-mp4' ? 'video/mp4;codecs=avc1' : 'video/webm;codecs=vp8';
    const stream = canvas.captureStream(0);
    const track = stream.getVideoTracks()[0];
    if (!(track instanceof CanvasCaptureMediaStreamTrack)) throw new Error('no canvas track');
    const chunks: Blob[] = [];
    const mr = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: bitrateFor(width, height) });
    mr.ondataavailable = (e) => chunks.push(e.data);
    // the same target bitrate as the app's encoder; one-second slices: what a crash-safe MediaRecorder path would store
    mr.start(1000);
    onFrame = () => track.requestFrame();
    finishRecording = () =>
      new Promise((resolve) => {
        mr.onstop = () => resolve({ blob: new Blob(chunks, { type: mimeType }), mimeType });
        mr.stop();
      });
  }

  const startMs = performance.now();
  let framesDrawn = 0;
  let nextSampleS = 0;
  await new Promise<void>((done) => {
    const step = (): void => {
      const t = performance.now() - startMs;
      compositor.draw(video, overlay(t, width, height));
      onFrame(t);
      framesDrawn++;
      if (sampleEveryS > 0 && t / 1000 >= nextSampleS) {
        heapSamples.push({ atS: Math.round(t / 1000), usedJsHeapBytes: usedHeap(), pendingKept: recorder?.inMemory ? 1 : 0 });
        nextSampleS += sampleEveryS;
      }
      if (t >= seconds * 1000) done();
      else video.requestVideoFrameCallback(step);
    };
    video.requestVideoFrameCallback(step);
  });
  const file = await finishRecording();
  const result: BenchResult = { encoder, recordedMs: recorder?.recordedMs ?? seconds * 1000, framesDrawn, mimeType: file.mimeType, fileBase64: await base64Of(file.blob), heapSamples };
  if (params.get('remux') === '1') {
    const input = new Input({ source: new BlobSource(file.blob), formats: ALL_FORMATS });
    const target = new BufferTarget();
    const output = new Output({ format: file.mimeType.startsWith('video/mp4') ? new Mp4OutputFormat() : new WebMOutputFormat(), target });
    const conversion = await Conversion.init({ input, output });
    await conversion.execute();
    if (target.buffer) result.remuxedBase64 = await base64Of(new Blob([target.buffer]));
  }
  if (store) {
    await store.delete(sessionId);
    store.close();
  }
  window.recordBench = result;
}

main().catch((err: unknown) => {
  window.recordBench = { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
});
