import { describe, expect, it } from 'vitest';
import { parse } from 'jsonc-parser';
import { at, findingsOf, fixAll } from './helpers.js';

describe('PTD008 delve-port-unpublished', () => {
  it('finds a dev container whose headless dlv port is neither forwarded nor published', async () => {
    const f = await findingsOf('devcontainer-attach', 'PTD008');
    expect(f.map(at)).toEqual(['.devcontainer/devcontainer.json:8']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('forwardPorts');
  });

  it('stays quiet when the port is published, on host or shared networks, and in Kubernetes (port-forward)', async () => {
    expect(await findingsOf('host-network', 'PTD008')).toEqual([]);
    expect(await findingsOf('k8s-exposed', 'PTD008')).toEqual([]);
    expect(await findingsOf('compose-shared-build', 'PTD008')).toEqual([]);
    expect(await findingsOf('seccomp-profile', 'PTD008')).toEqual([]);
    expect(await findingsOf('production', 'PTD008')).toEqual([]);
  });

  it('fix: adds forwardPorts, keeps the comments, and the file still parses', async () => {
    const out = await fixAll('devcontainer-attach');
    const text = out.text('.devcontainer/devcontainer.json');
    expect(text).toContain('// Start the API under the debugger');
    expect(text).toContain('"forwardPorts": [2345]');
    const errors: unknown[] = [];
    parse(text, errors as never, { allowTrailingComma: true });
    expect(errors).toEqual([]);
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD008')).toEqual([]);
  });
});

describe('PTD008 on Compose overrides and run lines', () => {
  it('finds the override that starts headless dlv without publishing its port, and a docker run line without -p', async () => {
    const f = await findingsOf('compose-unpublished', 'PTD008');
    expect(f.map(at).sort()).toEqual(['docker-compose.override.yml:5', 'scripts/debug-worker.sh:5']);
  });

  it('fix: publishes on 127.0.0.1 in the ports list and on the run line', async () => {
    const out = await fixAll('compose-unpublished');
    const base = out.text('docker-compose.yml');
    expect(base).toContain('      - "127.0.0.1:8081:8081" # metrics\n      - "127.0.0.1:40000:40000"\n');
    expect(out.text('scripts/debug-worker.sh')).toContain('docker run -p 127.0.0.1:40000:40000 --rm');
    expect(out.text('scripts/debug-worker.sh')).toContain('# One-off debugging session');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD008')).toEqual([]);
  });
});
