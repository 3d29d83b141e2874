import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { at, findingsOf, fixAll } from './helpers.js';
import { parseListen } from '../../src/rules/ptd006.js';

describe('PTD006 delve-listens-on-loopback', () => {
  it('finds --listen=127.0.0.1 in a Compose override whose port is published', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD006');
    expect(f.map(at)).toEqual(['docker-compose.override.yml:9']);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('127.0.0.1:2345');
    expect(f[0]!.message).toContain('--listen=:2345');
    expect(f[0]!.fix?.edits).toHaveLength(1);
  });

  it('stays quiet on the host network, with kubectl port-forward only, and on correct configs', async () => {
    expect(await findingsOf('host-network', 'PTD006')).toEqual([]);
    // jobs-debug listens on 127.0.0.1 with no Service: port-forward reaches the pod's loopback.
    expect(await findingsOf('k8s-exposed', 'PTD006')).toEqual([]);
    expect(await findingsOf('makefile-debug', 'PTD006')).toEqual([]);
    expect(await findingsOf('production', 'PTD006')).toEqual([]);
  });

  it('fix: --listen=:2345, the override still parses with its comments, and the rule is gone', async () => {
    const out = await fixAll('compose-shared-build');
    const text = out.text('docker-compose.override.yml');
    expect(text).toContain('"--listen=:2345"');
    expect(text).toContain('# Local development: run the API under delve');
    expect(text).toContain('# dlv waits for the editor to connect');
    expect(parseAllDocuments(text).every((d) => d.errors.length === 0)).toBe(true);
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD006')).toEqual([]);
  });

  it('parses listen addresses', () => {
    expect(parseListen('127.0.0.1:2345')).toEqual({ host: '127.0.0.1', port: '2345' });
    expect(parseListen(':2345')).toEqual({ host: '', port: '2345' });
    expect(parseListen('[::1]:40000')).toEqual({ host: '::1', port: '40000' });
    expect(parseListen('localhost:${PORT}')).toEqual({ host: 'localhost' });
  });
});

describe('PTD006 in Kubernetes', () => {
  it('reports 127.0.0.1 when a Service targets the debugger port, with an in-place fix', async () => {
    const { scan } = await import('../../src/engine.js');
    const { fixture } = await import('./helpers.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${fixture('k8s-exposed')}/api-debug.yaml`, 'utf8').replace('"--listen=:2345"', '"--listen=127.0.0.1:2345"');
    const r = await scan({ root: fixture('k8s-exposed'), overlay: new Map([['api-debug.yaml', text]]) });
    const f = r.findings.filter((x) => x.ruleId === 'PTD006');
    expect(f.map(at)).toEqual(['api-debug.yaml:19']);
    expect(f[0]!.message).toContain('Service "api-debug"');
    expect(f[0]!.fix?.edits[0]!.text).toContain('"--listen=:2345"');
  });
});
