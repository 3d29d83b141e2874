import { describe, expect, it } from 'vitest';
import { at, findingsOf, fixAll } from './helpers.js';

describe('PTD012 delve-version-unpinned', () => {
  it('finds @latest and chooses the release for the Go of the stage that builds it (FROM golang:${GO_VERSION})', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD012');
    expect(f.map(at)).toEqual(['Dockerfile:13']);
    expect(f[0]!.severity).toBe('note');
    expect(f[0]!.message).toContain('`@v1.25.2`');
    expect(f[0]!.message).toContain('Go 1.22');
  });

  it('stays quiet on pinned installs and where no dlv is installed', async () => {
    expect(await findingsOf('compose-nonroot-attach', 'PTD012')).toEqual([]);
    expect(await findingsOf('devcontainer-attach', 'PTD012')).toEqual([]);
    expect(await findingsOf('production', 'PTD012')).toEqual([]);
    // go get is PTD011's, not PTD012's.
    expect(await findingsOf('makefile-debug', 'PTD012')).toEqual([]);
  });

  it('fix: pins the version in place', async () => {
    const out = await fixAll('compose-shared-build');
    expect(out.text('Dockerfile')).toContain('RUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\n');
    expect(out.text('Dockerfile')).toContain('# Release build: small binary.');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD012')).toEqual([]);
  });
});
