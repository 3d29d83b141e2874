import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { at, findingsOf, fixAll } from './helpers.js';

describe('PTD007 delve-api-exposed', () => {
  it('finds "2345:2345" in a Compose override (all host interfaces)', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD007');
    expect(f.map(at)).toEqual(['docker-compose.override.yml:11']);
    expect(f[0]!.message).toContain('no authentication');
    expect(f[0]!.message).toContain('127.0.0.1:2345:2345');
  });

  it('finds -p 2345:2345 on a Makefile docker run line linked to its Dockerfile', async () => {
    const f = await findingsOf('makefile-debug', 'PTD007');
    expect(f.map(at)).toEqual(['Makefile:15']);
  });

  it('finds a wildcard listen address on the host network', async () => {
    const f = await findingsOf('host-network', 'PTD007');
    expect(f.map(at)).toEqual(['docker-compose.yml:7']);
    expect(f[0]!.message).toContain('--listen=127.0.0.1:2345');
  });

  it('finds a NodePort Service targeting the named dlv port and a hostPort, recommending kubectl port-forward', async () => {
    const f = await findingsOf('k8s-exposed', 'PTD007');
    expect(f.map(at).sort()).toEqual(['api-debug.yaml:41', 'worker-debug.yaml:16']);
    for (const x of f) {
      expect(x.message).toContain('kubectl port-forward');
      expect(x.fix).toBeUndefined();
    }
    // The Service's http port (8080) is not the debugger's.
    expect(f.some((x) => x.message.includes('port 8080 of'))).toBe(false);
  });

  it('stays quiet on production services (published ports, NodePort, hostPort without a debugger)', async () => {
    expect(await findingsOf('production', 'PTD007')).toEqual([]);
    expect(await findingsOf('compose-nonroot-attach', 'PTD007')).toEqual([]);
    expect((await findingsOf('k8s-exposed', 'PTD007')).some((x) => x.span.file.path === 'web.yaml')).toBe(false);
  });

  it('fix: bind 127.0.0.1 on the host side (Compose keeps quotes and the trailing comment; Makefile keeps continuations)', async () => {
    const c = await fixAll('compose-shared-build');
    const ov = c.text('docker-compose.override.yml');
    expect(ov).toContain('- "127.0.0.1:2345:2345" # delve');
    expect(parseAllDocuments(ov).every((d) => d.errors.length === 0)).toBe(true);
    expect(c.after.findings.filter((f) => f.ruleId === 'PTD007')).toEqual([]);
    const m = await fixAll('makefile-debug');
    expect(m.text('Makefile')).toContain('\t\t-p 127.0.0.1:2345:2345 \\\n');
    expect(m.after.findings.filter((f) => f.ruleId === 'PTD007')).toEqual([]);
    const h = await fixAll('host-network');
    expect(h.text('docker-compose.yml')).toContain('--listen=127.0.0.1:2345 --api-version=2');
    expect(h.text('docker-compose.yml')).toContain('# Loopback on the host network is the right choice');
    expect(h.after.findings.filter((f) => f.ruleId === 'PTD007' || f.ruleId === 'PTD006')).toEqual([]);
  });
});
