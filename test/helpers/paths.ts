/** Where the repository, its build and the shared fixtures are. */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** the production build: dist/, or FORMCOACH_DIST (parallel work builds into folders of its own) */
export const DIST = process.env.FORMCOACH_DIST ? resolve(process.env.FORMCOACH_DIST) : resolve(REPO, 'dist');
/** ../shared/fixtures beside the checkout, or FORMCOACH_FIXTURES */
export const FIXTURES = process.env.FORMCOACH_FIXTURES ?? resolve(REPO, '..', 'shared', 'fixtures');
/** scratch space for converted clips, screenshots and tracks (gitignored) */
export const SCRATCH = resolve(REPO, 'test-results');
