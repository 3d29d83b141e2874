import { describe, expect, it } from 'vitest';
import { at, findingsOf, fixAll } from './helpers.js';

describe('PTD011 delve-install-broken', () => {
  it('finds go get -u in a Go 1.21 builder and picks the release for Go 1.21', async () => {
    const f = await findingsOf('makefile-debug', 'PTD011');
    expect(f.map(at)).toEqual(['Dockerfile.debug:6']);
    expect(f[0]!.message).toContain('no longer supported outside a module');
    expect(f[0]!.message).toContain('@v1.24.0');
    expect(f[0]!.message).toContain('Go 1.21');
  });

  it('finds the old derekparker path on Go 1.12 and says Go must be upgraded', async () => {
    const f = await findingsOf('legacy-go', 'PTD011');
    expect(f.map(at)).toEqual(['Dockerfile:5']);
    expect(f[0]!.message).toContain('module declares its path as');
    expect(f[0]!.message).toContain('v1.20.2');
    expect(f[0]!.message).toMatch(/Fix: upgrade the image's Go \(`golang:1\.12`, Dockerfile:2\) to 1\.18 or newer/);
    // No install line alone works on Go 1.12: no fix is offered (#19 item 7).
    expect(f[0]!.fix).toBeUndefined();
  });

  it('stays quiet on go install with a version', async () => {
    expect(await findingsOf('compose-nonroot-attach', 'PTD011')).toEqual([]);
    expect(await findingsOf('devcontainer-attach', 'PTD011')).toEqual([]);
    expect(await findingsOf('production', 'PTD011')).toEqual([]);
  });

  it('fix: go install github.com/go-delve/delve/cmd/dlv@VERSION without -u; comments kept; nothing left to report', async () => {
    const out = await fixAll('makefile-debug');
    const df = out.text('Dockerfile.debug');
    expect(df).toContain('RUN go install github.com/go-delve/delve/cmd/dlv@v1.24.0\n');
    expect(df).toContain('# Debugger');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD011' || f.ruleId === 'PTD012')).toEqual([]);
    const legacy = await fixAll('legacy-go');
    expect(legacy.changed).toEqual([]);
    expect(legacy.after.findings.filter((f) => f.ruleId === 'PTD011')).toHaveLength(1);
  });
});
