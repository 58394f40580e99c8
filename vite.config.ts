import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { securityHeaders, shipSecurityHeaders } from './scripts/security-headers.ts';
import { offlineApp } from './scripts/service-worker-plugin.ts';

const repo = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** end-to-end tests whose length is time passing, not work (scripts/test.mjs runs them beside the unit tests) */
const LONG_E2E = ['test/e2e/soak.test.ts', 'test/e2e/faults-live-set.test.ts'];
/**
 * end-to-end tests of video files and stored sessions only: every frame of a
 * file is analysed however busy the machine is, so they may share it
 * (scripts/test.mjs runs them after the unit tests, beside the long ones)
 */
const FILE_E2E = ['test/e2e/file-vs-cli.test.ts', 'test/e2e/annotated-export.test.ts', 'test/e2e/import-export.test.ts', 'test/e2e/report.test.ts'];

export default defineConfig({
  root: repo('./src/app'),
  publicDir: repo('./public'),
  base: './',
  plugins: [svelte(), shipSecurityHeaders(), offlineApp()],
  resolve: {
    alias: {
      // pose-detection imports these for runtimes FormCoach does not use (the
      // MediaPipe solution runtime, WebGPU): small shims keep them out of the bundle.
      '@mediapipe/pose': repo('./src/shims/mediapipe-pose.ts'),
      '@tensorflow/tfjs-backend-webgpu': repo('./src/shims/tfjs-backend-webgpu.ts'),
    },
  },
  build: {
    // FORMCOACH_DIST: another output folder (test/helpers/paths.ts reads the same variable)
    outDir: process.env.FORMCOACH_DIST ?? repo('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        main: repo('./src/app/index.html'),
        bench: repo('./src/app/bench.html'),
      },
    },
  },
  server: { fs: { allow: [repo('.')] }, headers: securityHeaders('dev') },
  preview: { headers: securityHeaders('production') },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: repo('.'),
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['src/**/*.svelte.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // state classes written with Svelte runes (*.svelte.ts): compiled by the Svelte plugin
        extends: true,
        test: {
          name: 'components',
          root: repo('.'),
          include: ['src/app/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          root: repo('.'),
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          root: repo('.'),
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...LONG_E2E, ...FILE_E2E, '**/node_modules/**'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-files',
          root: repo('.'),
          include: [...FILE_E2E],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        // browser tests that mostly wait for time to pass (a 3-minute soak, a tab
        // hidden for a minute): `npm test` runs them beside the unit tests
        test: {
          name: 'e2e-long',
          root: repo('.'),
          include: [...LONG_E2E],
          environment: 'node',
          testTimeout: 420_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
