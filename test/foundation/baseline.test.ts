/**
 * --write-baseline / --baseline: a baseline written today hides today's
 * findings tomorrow even after lines move, new findings still show and fail
 * the run, and SARIF marks each result new or unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { sarifValidator } from '../helpers/schemas.js';
import { tempRepo } from '../helpers/repo.js';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const COMPOSE = 'services:\n  api:\n    image: x\n    command: dlv attach 1\n  worker:\n    image: y\n    command: strace -p 1\n';

describe('baselines', () => {
  it('hide the findings they hold, even after the lines move; new ones are reported and fail the run', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n' });
    expect((await run(root)).code).toBe(1);
    const w = await run(root, '--write-baseline', 'ptrace-doctor-baseline.json');
    expect(w.code).toBe(0);
    expect(w.out).toBe('');
    expect(w.err).toMatch(/wrote 3 findings to ptrace-doctor-baseline\.json/);
    const written = JSON.parse(readFileSync(join(root, 'ptrace-doctor-baseline.json'), 'utf8'));
    expect(written).toMatchObject({ version: 1, tool: 'ptrace-doctor' });
    expect(written.findings.map((e: { ruleId: string; path: string; line: number }) => `${e.ruleId} ${e.path}:${e.line}`)).toEqual(['PTD001 docker-compose.yml:2', 'PTD001 docker-compose.yml:5', 'PTD012 svc/Dockerfile:2']);

    const clean = await run(root, '--baseline', 'ptrace-doctor-baseline.json', '--no-color');
    expect(clean.code).toBe(0);
    expect(clean.out).toBe('No debugger problems found (3 in the baseline).\n');

    // Lines move (a comment block on top, the services swapped), a new debugging service arrives.
    writeFileSync(join(root, 'docker-compose.yml'), '# Local development.\n# See docs/dev.md.\n\nservices:\n  worker:\n    image: y\n    command: strace -p 1\n  api:\n    image: x\n    command: dlv attach 1\n  profiler:\n    image: z\n    command: gdb -p 1\n');
    writeFileSync(join(root, 'svc/Dockerfile'), 'FROM golang:1.22\n\n# tools\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n');
    const after = await run(root, '--baseline', 'ptrace-doctor-baseline.json', '--format', 'json');
    expect(after.code).toBe(1);
    const j = JSON.parse(after.out);
    expect(j.findings.map((f: { ruleId: string; location: { startLine: number } }) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['PTD001:11']);
    expect(j.counts).toMatchObject({ total: 1, baseline: 3 });

    const sarif = JSON.parse((await run(root, '--baseline', 'ptrace-doctor-baseline.json', '--format', 'sarif')).out);
    const v = sarifValidator();
    expect(v(sarif), JSON.stringify(v.errors)).toBe(true);
    const states = (sarif.runs[0].results as Array<{ ruleId: string; baselineState: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>).map((r) => `${r.ruleId}:${r.locations[0]!.physicalLocation.region.startLine} ${r.baselineState}`);
    expect(states.sort()).toEqual(['PTD001:11 new', 'PTD001:5 unchanged', 'PTD001:8 unchanged', 'PTD012:4 unchanged']);
    // Without --baseline, SARIF has no baselineState at all.
    expect(JSON.stringify(JSON.parse((await run(root, '--format', 'sarif')).out))).not.toContain('baselineState');
  });

  it('a missing, foreign or broken baseline is a usage error in words', async () => {
    const root = tempRepo({ 'a.json': '{"version": 1, "findings": []}', 'b.json': '{"tool": "ptrace-doctor", "version": 1, "findings": [{"ruleId": 1}]}', 'c.json': '[1,2' });
    expect((await run(root, '--baseline', 'nope.json')).err).toMatch(/nope\.json: no such file \(write one with --write-baseline nope\.json\)/);
    expect((await run(root, '--baseline', 'a.json')).err).toMatch(/is not a ptrace-doctor baseline/);
    expect((await run(root, '--baseline', 'b.json')).err).toMatch(/findings\[0\] needs "ruleId" and "fingerprint" strings/);
    const broken = await run(root, '--baseline', 'c.json');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/c\.json is not JSON/);
  });
});
