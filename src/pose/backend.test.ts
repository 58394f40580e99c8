import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICES, isBackendChoice, isSoftwareRenderer, probeWebglRenderer, resolveBackend } from './backend.ts';

/** Renderer strings as browsers report them (WEBGL_debug_renderer_info). */
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const MS_BASIC = 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
const APPLE = 'Apple M1';
const INTEL = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';

describe('isSoftwareRenderer', () => {
  it.each([SWIFTSHADER, LLVMPIPE, MS_BASIC, 'Google SwiftShader'])('sees that %s rasterises on the CPU', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true);
  });

  it.each([NVIDIA, APPLE, INTEL])('takes %s for a real GPU', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(false);
  });

  it('ignores case', () => {
    expect(isSoftwareRenderer(LLVMPIPE.toUpperCase())).toBe(true);
  });
});

describe('resolveBackend', () => {
  it.each(['webgl', 'wasm', 'cpu'] as const)('keeps an explicit choice of %s whatever the renderer', (choice) => {
    for (const renderer of [NVIDIA, SWIFTSHADER, null]) {
      expect(resolveBackend(choice, renderer)).toBe(choice);
    }
  });

  it('picks WebGL automatically on a real GPU', () => {
    expect(resolveBackend('auto', NVIDIA)).toBe('webgl');
    expect(resolveBackend('auto', APPLE)).toBe('webgl');
  });

  it.each([SWIFTSHADER, LLVMPIPE, MS_BASIC])('picks wasm automatically on the software renderer %s', (renderer) => {
    expect(resolveBackend('auto', renderer)).toBe('wasm');
  });

  it('picks wasm automatically without WebGL (null renderer)', () => {
    expect(resolveBackend('auto', null)).toBe('wasm');
  });
});

describe('isBackendChoice', () => {
  it.each(BACKEND_CHOICES)('accepts %s', (choice) => {
    expect(isBackendChoice(choice)).toBe(true);
  });

  it.each(['webgpu', 'WebGL', '', 'gpu'])('rejects %j', (value) => {
    expect(isBackendChoice(value)).toBe(false);
  });
});

describe('probeWebglRenderer', () => {
  it('returns null in Node, where there is no document', () => {
    expect(typeof document).toBe('undefined');
    expect(probeWebglRenderer()).toBeNull();
  });
});
