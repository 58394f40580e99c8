import { describe, it, expect } from 'vitest';
import { setupChecks, setupReady } from './setup-checks.ts';

const states = (...args: Parameters<typeof setupChecks>) => setupChecks(...args).map((c) => c.state);

describe('setupChecks', () => {
  it('has everything to do before any frame is analysed', () => {
    expect(states(false, [], 'unknown')).toEqual(['todo', 'todo', 'todo', 'todo']);
  });
  it('is all green for a person in a side view in the start position', () => {
    const checks = setupChecks(true, [], 'side');
    expect(checks.map((c) => c.state)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(setupReady(checks)).toBe(true);
  });
  it('accepts an oblique view with a warning, and is still ready', () => {
    const checks = setupChecks(true, [], 'oblique');
    expect(checks[2]?.state).toBe('warn');
    expect(setupReady(checks)).toBe(true);
  });
  it('is not ready in a frontal view', () => {
    expect(setupReady(setupChecks(true, ['front-view'], 'front'))).toBe(false);
  });
  it('asks for the start position while the person is not in it', () => {
    expect(states(true, ['not-in-start-position'], 'side')).toEqual(['ok', 'ok', 'ok', 'todo']);
    expect(states(true, ['wrong-posture'], 'side')).toEqual(['ok', 'ok', 'ok', 'todo']);
  });
  it('asks for the whole body when a required joint is out of frame', () => {
    expect(states(true, ['not-whole-body'], 'side')).toEqual(['ok', 'todo', 'ok', 'todo']);
  });
  it('has nothing done when nobody is in view', () => {
    expect(states(true, ['no-person'], 'side')).toEqual(['todo', 'todo', 'todo', 'todo']);
  });
});
