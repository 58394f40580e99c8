/**
 * Which tfjs backend runs the model. `auto` takes WebGL only where the GPU is
 * real: in a VM or headless Chromium WebGL is emulated on the CPU
 * (SwiftShader, llvmpipe), where it is several times slower than wasm.
 */
export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

export function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}

/** Renderer strings of CPU rasterisers that pretend to be a GPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|lavapipe|basic render driver|microsoft basic/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * The backend to use for `choice`, given the WebGL renderer string (null when
 * WebGL is not available at all).
 */
export function resolveBackend(choice: BackendChoice, webglRenderer: string | null): BackendName {
  if (choice !== 'auto') return choice;
  if (webglRenderer === null || isSoftwareRenderer(webglRenderer)) return 'wasm';
  return 'webgl';
}

/** The WebGL renderer string of this browser, or null without WebGL (and in Node). */
export function probeWebglRenderer(): string | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
