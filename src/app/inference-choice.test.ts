import { describe, expect, it } from 'vitest';
import { inferenceThread, wasmThreadsWanted } from './inference-choice.ts';

describe('where the pose model runs', () => {
  it('runs in the pose worker by default', () => {
    expect(inferenceThread('', true)).toBe('worker');
    expect(inferenceThread('?view=lab', true)).toBe('worker');
  });

  it('runs on the main thread when the query asks for it', () => {
    expect(inferenceThread('?view=lab&inference=main', true)).toBe('main');
  });

  it('runs on the main thread where the browser has no workers', () => {
    expect(inferenceThread('', false)).toBe('main');
  });
});

describe('threaded wasm in the worker', () => {
  it('is wanted only where the page is cross-origin isolated', () => {
    expect(wasmThreadsWanted('', true)).toBe(true);
    expect(wasmThreadsWanted('', false)).toBe(false);
  });

  it('is turned off by threads=0', () => {
    expect(wasmThreadsWanted('?threads=0', true)).toBe(false);
  });
});
