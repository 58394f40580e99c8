/**
 * A small seeded random source for the synthetic tracks, so a test that
 * fails fails the same way every run. mulberry32 (Tommy Ettinger's 32-bit
 * generator: tiny, fast, good enough for test noise, not for cryptography)
 * plus Box-Muller for Gaussian samples.
 */

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  uniform(min: number, max: number): number;
  /** integer in [min, max], both ends included */
  int(min: number, max: number): number;
  /** Gaussian with mean 0 and the given standard deviation */
  gaussian(sigma: number): number;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  // Box-Muller yields samples in pairs; keep the second for the next call
  let spare: number | undefined;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    gaussian(sigma) {
      if (spare !== undefined) {
        const value = spare * sigma;
        spare = undefined;
        return value;
      }
      // 1 - next() is in (0, 1]: log(0) cannot happen
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle) * sigma;
    },
  };
}

/**
 * An independent stream per purpose (noise, drops, swaps, ...): adding swaps to
 * a track must not change its noise, so tests can compare a corrupted track
 * with the clean one made from the same seed. FNV-1a hashes the purpose.
 */
export function randomStream(seed: number, purpose: string): Random {
  let hash = 0x811c9dc5;
  for (let i = 0; i < purpose.length; i++) {
    hash ^= purpose.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32((hash ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}
