import { describe, expect, it } from 'vitest';
import { en, format, type MessageKey } from '../core/i18n/messages.ts';
import { ModelFileError } from '../pose/model-files.ts';
import { FIX_MODELS_COMMAND } from '../pose/models.ts';
import { SourceError, type SourceProblem } from '../pose/sources/source-error.ts';
import { EstimatorStartError, toAppError } from './errors.ts';

describe('toAppError', () => {
  it.each<[SourceProblem, MessageKey]>([
    ['no-camera', 'error.noCamera'],
    ['camera-denied', 'error.cameraDenied'],
    ['camera-in-use', 'error.cameraInUse'],
    ['camera-lost', 'error.cameraLost'],
    ['camera-unsupported', 'error.cameraUnsupported'],
  ])('explains the camera problem %s with %s and offers a video file instead', (problem, key) => {
    expect(toAppError(new SourceError(problem, 'detail'))).toEqual({ key, params: { detail: 'detail' }, offerFile: true, code: problem });
  });

  it('explains an unplayable video file with its detail, without offering a video file', () => {
    const app = toAppError(new SourceError('video-file', 'MEDIA_ERR_DECODE'));
    expect(app).toEqual({ key: 'error.videoFile', params: { detail: 'MEDIA_ERR_DECODE' }, offerFile: false, code: 'video-file' });
    expect(format('en', app.key, app.params)).toContain('MEDIA_ERR_DECODE');
  });

  it.each(['missing', 'corrupt'] as const)('explains a %s model file with the file and the command that fixes it', (problem) => {
    const app = toAppError(new ModelFileError('movenet-lightning.bin', problem, 'detail'));
    expect(app.key).toBe('error.modelFile');
    expect(app.params.file).toBe('movenet-lightning.bin');
    expect(app.params.command).toBe('npm run models');
    expect(app.params.command).toBe(FIX_MODELS_COMMAND);
    expect(app.problemKey).toBe(`error.modelFile.${problem}`);
    expect(app.problemKey !== undefined && app.problemKey in en).toBe(true);
    expect(app.offerFile).toBe(false);
    expect(app.code).toBe(`model-${problem}`);
  });

  it('explains a backend that failed to start, naming the backend and the cause', () => {
    const app = toAppError(new EstimatorStartError('webgl', new Error('WebGL context lost')));
    expect(app).toEqual({ key: 'error.backend', params: { backend: 'webgl', detail: 'WebGL context lost' }, offerFile: false, code: 'backend' });
    const text = format('en', app.key, app.params);
    expect(text).toContain('webgl');
    expect(text).toContain('WebGL context lost');
  });

  it('explains a backend that failed with a thrown non-Error', () => {
    const app = toAppError(new EstimatorStartError('wasm', 'out of memory'));
    expect(app.key).toBe('error.backend');
    expect(app.params).toEqual({ backend: 'wasm', detail: 'out of memory' });
  });

  it('explains a start that failed on a model file as a model file problem, not a backend one', () => {
    const app = toAppError(new EstimatorStartError('wasm', new ModelFileError('blazepose-detector.json', 'corrupt', 'checksum')));
    expect(app.key).toBe('error.modelFile');
    expect(app.params.file).toBe('blazepose-detector.json');
    expect(app.params.command).toBe('npm run models');
    expect(app.code).toBe('model-corrupt');
  });

  it.each([new Error('boom'), 'boom'])('explains anything else as unknown, with its message (%j)', (err) => {
    expect(toAppError(err)).toEqual({ key: 'error.unknown', params: { detail: 'boom' }, offerFile: false, code: 'unknown' });
  });
});

describe('EstimatorStartError', () => {
  it('keeps the backend and the cause', () => {
    const cause = new Error('x');
    const err = new EstimatorStartError('cpu', cause);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('EstimatorStartError');
    expect(err.backend).toBe('cpu');
    expect(err.cause).toBe(cause);
    expect(err.message).toContain('cpu');
  });
});
