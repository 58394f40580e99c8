import { describe, expect, it } from 'vitest';
import { workerCount } from './batch.ts';

describe('workerCount', () => {
  it('runs one worker per core', () => {
    expect(workerCount(18, undefined, 4)).toBe(4);
  });

  it('runs no more workers than clips', () => {
    expect(workerCount(2, undefined, 16)).toBe(2);
    expect(workerCount(3, 8, 16)).toBe(3);
  });

  it('takes --jobs over the core count, up or down', () => {
    expect(workerCount(18, 1, 4)).toBe(1);
    expect(workerCount(18, 6, 2)).toBe(6);
  });
});
