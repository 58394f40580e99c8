/** Committed keypoint tracks of the fixture clips and photos (test/data/tracks, made by `npm run extract-tracks`). */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, extname, join } from 'node:path';
import { validateTrack, type KeypointTrack } from '../../src/core/track.ts';
import { REPO } from './paths.ts';

export const TRACKS_DIR = join(REPO, 'test', 'data', 'tracks');

export function trackPath(fixtureFile: string, model: string): string {
  return join(TRACKS_DIR, `${basename(fixtureFile, extname(fixtureFile))}.${model}.json.gz`);
}

export function hasTrack(fixtureFile: string, model: string): boolean {
  return existsSync(trackPath(fixtureFile, model));
}

export function loadTrack(fixtureFile: string, model: string): KeypointTrack {
  const result = validateTrack(JSON.parse(gunzipSync(readFileSync(trackPath(fixtureFile, model))).toString('utf8')));
  if (!result.ok) throw new Error(`${trackPath(fixtureFile, model)}: ${result.error}`);
  return result.track;
}
