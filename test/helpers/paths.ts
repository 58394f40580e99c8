/** Where the repository, its build and the shared fixtures are. */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = resolve(REPO, 'dist');
/** ../shared/fixtures beside the checkout, or FORMCOACH_FIXTURES */
export const FIXTURES = process.env.FORMCOACH_FIXTURES ?? resolve(REPO, '..', 'shared', 'fixtures');
/** scratch space for converted clips, screenshots and tracks (gitignored) */
export const SCRATCH = resolve(REPO, 'test-results');
