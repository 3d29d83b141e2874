import { describe, expect, it } from 'vitest';
import { at, findingsOf, fixAll } from './helpers.js';
import { disablesOptimizations } from '../../src/rules/ptd010.js';

describe('PTD010 debug-binary-optimized', () => {
  it('notes exec and attach targets built without -N -l', async () => {
    expect((await findingsOf('makefile-debug', 'PTD010')).map(at)).toEqual(['Dockerfile.debug:4']);
    const a = await findingsOf('compose-nonroot-attach', 'PTD010');
    expect(a.map(at)).toEqual(['Dockerfile:4']);
    expect(a[0]!.severity).toBe('note');
    expect(a[0]!.message).toContain('optimized away');
  });

  it('never reports dlv debug / dlv test, nor binaries built with -gcflags=all=-N -l', async () => {
    expect(await findingsOf('seccomp-profile', 'PTD010')).toEqual([]);
    expect(await findingsOf('devcontainer-attach', 'PTD010')).toEqual([]);
    expect(await findingsOf('legacy-go', 'PTD010')).toEqual([]);
    expect(await findingsOf('production', 'PTD010')).toEqual([]);
  });

  it('offers no edit of a build shared with the release stage', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD010');
    expect(f.map(at)).toEqual(['Dockerfile:10']);
    expect(f[0]!.fix).toBeUndefined();
  });

  it('fix: adds -gcflags="all=-N -l" after go build and the note is gone', async () => {
    const out = await fixAll('compose-nonroot-attach');
    expect(out.text('Dockerfile')).toContain('RUN go build -gcflags="all=-N -l" -o /out/api ./cmd/api');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD010')).toEqual([]);
  });

  it('accepts the equivalent spellings', () => {
    expect(disablesOptimizations(['all=-N -l'])).toBe(true);
    expect(disablesOptimizations(['-N -l'])).toBe(true);
    expect(disablesOptimizations(['all=-l -N'])).toBe(true);
    expect(disablesOptimizations(['all=-N'])).toBe(false);
    expect(disablesOptimizations([])).toBe(false);
  });
});
