/**
 * Stand-in for `@tensorflow/tfjs-backend-webgpu`, which pose-detection imports
 * only to test `backend() instanceof WebGPUBackend` on PoseNet's GPU path.
 * FormCoach never registers WebGPU, so the test is always false and the
 * backend (about a megabyte) stays out of the bundle.
 */
export class WebGPUBackend {}
export const webgpu_util = {};
