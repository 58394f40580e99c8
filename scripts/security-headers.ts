/**
 * The HTTP headers that lock FormCoach down, in one place: `vite` (dev) and
 * `vite preview` send them (vite.config.ts), and the build ships them twice,
 * as a `<meta http-equiv="Content-Security-Policy">` in every HTML page
 * (for any static host) and as a `_headers` file (Netlify / Cloudflare Pages
 * syntax) for hosts that read one.
 *
 * The policy: everything from the app's own origin and nothing from any
 * other; no inline script and no eval; WebAssembly compiled from our own
 * wasm files ('wasm-unsafe-eval': the tfjs wasm backend); pictures and video
 * from blob: URLs the page itself makes (recordings, a chosen video file)
 * and data: images.
 */
import type { Plugin } from 'vite';

export type HeaderMode = 'dev' | 'production';

type Directives = { readonly [name: string]: readonly string[] };

const PRODUCTION_CSP = {
  'default-src': ["'self'"],
  // the tfjs wasm backend compiles its .wasm files: 'wasm-unsafe-eval' allows that and nothing else (no eval, no inline script)
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  // recordings and frames drawn to blob: URLs; data: for tiny generated images
  'img-src': ["'self'", 'data:', 'blob:'],
  // a recording played back, a chosen video file analysed: both are blob: URLs of this page
  'media-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Directives;

/**
 * Vite's dev server adds what hot reload needs: the Svelte plugin and Vite's
 * error overlay inject `<style>` elements. The build extracts all CSS to files,
 * so production needs no such exception.
 */
const DEV_EXTRA: Directives = {
  'style-src': ["'unsafe-inline'"],
};

/** Directives a `<meta>` policy cannot carry (the browser ignores them there, with a console warning). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function cspDirectives(mode: HeaderMode): Directives {
  if (mode === 'production') return PRODUCTION_CSP;
  const merged: { [name: string]: readonly string[] } = { ...PRODUCTION_CSP };
  for (const [name, sources] of Object.entries(DEV_EXTRA)) merged[name] = [...(merged[name] ?? []), ...sources];
  return merged;
}

export function serializeCsp(directives: Directives, options: { forMeta?: boolean } = {}): string {
  return Object.entries(directives)
    .filter(([name]) => !(options.forMeta && HEADER_ONLY.has(name)))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Powerful features: the camera for this origin only, everything else off.
 * The recording has no sound track and nothing listens, so no microphone.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'display-capture=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'payment=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

/** The response headers of every page and file of the app. */
export function securityHeaders(mode: HeaderMode): { readonly [header: string]: string } {
  return {
    'Content-Security-Policy': serializeCsp(cspDirectives(mode)),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** `_headers` (Netlify, Cloudflare Pages): every path gets the production headers. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders('production')).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

/**
 * Ships the policy with the build: a CSP `<meta>` in every page's head before
 * anything it governs, and `_headers` beside index.html.
 */
export function shipSecurityHeaders(): Plugin {
  return {
    name: 'formcoach-security-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // right after <meta charset> (which must come first): the policy then governs every script and style after it
      handler: (html, context) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error(`${context.filename}: no <meta charset> to put the Content-Security-Policy after`);
        const content = serializeCsp(cspDirectives('production'), { forMeta: true });
        return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
