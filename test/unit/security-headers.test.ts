import { describe, it, expect } from 'vitest';
import { cspDirectives, headersFile, PERMISSIONS_POLICY, securityHeaders, serializeCsp } from '../../scripts/security-headers.ts';

/** Every source of every directive: 'self', 'none' and the other keywords, or a scheme of this page's own making. */
const LOCAL_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", 'data:', 'blob:']);

describe('the security headers', () => {
  it('allow no inline script, no eval and no other origin in production', () => {
    const csp = cspDirectives('production');
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['worker-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    for (const [name, sources] of Object.entries(csp)) {
      for (const source of sources) expect(LOCAL_SOURCES.has(source), `${name} ${source}`).toBe(true);
    }
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'");
  });

  it("differ in dev only by the inline styles Vite's hot reload injects", () => {
    const dev = cspDirectives('dev');
    const production = cspDirectives('production');
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect({ ...dev, 'style-src': production['style-src'] }).toEqual(production);
  });

  it('leave out of the <meta> policy what only a header can carry', () => {
    const meta = serializeCsp(cspDirectives('production'), { forMeta: true });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(securityHeaders('production')['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('let only this origin use the camera, and nothing use the microphone', () => {
    expect(PERMISSIONS_POLICY).toContain('camera=(self)');
    expect(PERMISSIONS_POLICY).toContain('microphone=()');
  });

  it('write a _headers file that gives every path the production headers', () => {
    const lines = headersFile().split('\n');
    expect(lines[0]).toBe('/*');
    for (const [name, value] of Object.entries(securityHeaders('production'))) expect(lines).toContain(`  ${name}: ${value}`);
  });
});
