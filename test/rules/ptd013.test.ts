import { describe, expect, it } from 'vitest';
import { parse } from 'jsonc-parser';
import { at, findingsOf, fixAll } from './helpers.js';

function json(text: string): unknown {
  const errors: unknown[] = [];
  const v = parse(text, errors as never, { disallowComments: true });
  expect(errors).toEqual([]);
  return v;
}

describe('PTD013 seccomp-profile-blocks-ptrace', () => {
  it('finds default-deny, cap-gated and explicit-deny profiles, on Compose and docker run', async () => {
    const f = await findingsOf('seccomp-profile', 'PTD013');
    expect(f.map(at).sort()).toEqual(['docker-compose.yml:12', 'docker-compose.yml:23', 'docker-compose.yml:31', 'scripts/debug.sh:6']);
    const byLine = new Map(f.map((x) => [at(x), x]));
    expect(byLine.get('docker-compose.yml:12')!.message).toContain('defaultAction');
    expect(byLine.get('docker-compose.yml:23')!.message).toContain('includes.caps');
    expect(byLine.get('docker-compose.yml:23')!.fix?.edits.every((e) => e.path === 'docker-compose.yml')).toBe(true);
    expect(byLine.get('docker-compose.yml:31')!.message).toContain('SCMP_ACT_ERRNO');
    expect(byLine.get('docker-compose.yml:31')!.message).toContain('adding a capability does not help');
  });

  it('stays quiet on a profile that allows ptrace (minKernel 4.8) and on services without a debugger', async () => {
    const f = await findingsOf('seccomp-profile', 'PTD013');
    expect(f.some((x) => x.launch?.endsWith('#cron') || x.launch?.endsWith('#web'))).toBe(false);
    expect(await findingsOf('production', 'PTD013')).toEqual([]);
  });

  it('fix: allow ptrace in the profile, or add the capability the profile gates it on; re-scan is clean', async () => {
    const out = await fixAll('seccomp-profile');
    const strict = json(out.text('seccomp/strict.json')) as { syscalls: Array<{ names: string[]; action: string }> };
    expect(strict.syscalls.some((r) => r.names.includes('ptrace') && r.action === 'SCMP_ACT_ALLOW')).toBe(true);
    const deny = json(out.text('seccomp/deny-ptrace.json')) as { syscalls: Array<{ names: string[] }> };
    expect(deny.syscalls[0]!.names).toEqual(['process_vm_readv', 'process_vm_writev']);
    expect(out.text('seccomp/docker-1.12.json')).toBe(await import('node:fs').then((fs) => fs.readFileSync(`${out.root}/seccomp/docker-1.12.json`, 'utf8')));
    expect(out.text('docker-compose.yml')).toContain('# Hardened local stack.');
    expect(out.text('docker-compose.yml')).toMatch(/seccomp:seccomp\/docker-1\.12\.json\n[^]*?cap_add:\n\s+- SYS_PTRACE/);
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD013')).toEqual([]);
  });
});

describe('PTD013 with an unreadable profile', () => {
  it('reports the profile as unreadable (PTD900) and does not guess', async () => {
    const { scan } = await import('../../src/engine.js');
    const { fixture } = await import('./helpers.js');
    const r = await scan({ root: fixture('seccomp-profile'), overlay: new Map([['seccomp/strict.json', '{ "defaultAction": ']]) });
    expect(r.findings.some((f) => f.ruleId === 'PTD900' && f.span.file.path === 'seccomp/strict.json')).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'PTD013').map((f) => f.launch)).not.toContain('compose:docker-compose.yml#api');
  });
});

describe('PTD013: a profile that denies ptrace only until SYS_PTRACE is granted', () => {
  it('is one finding whose fix adds the capability (PTD001 stays quiet), and the fix resolves it', async () => {
    const { tempRepo } = await import('../helpers/repo.js');
    const { scan } = await import('../../src/engine.js');
    const { applyFixes } = await import('../../src/fix/apply.js');
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  api:\n    image: example/debug\n    command: ["dlv", "debug", "./cmd/api"]\n    security_opt:\n      - seccomp:./old.json\n',
      'old.json': '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [\n    { "names": ["ptrace"], "action": "SCMP_ACT_ERRNO", "excludes": { "caps": ["CAP_SYS_PTRACE"] } }\n  ]\n}\n',
    });
    const r = await scan({ root });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PTD013']);
    expect(r.findings[0]!.message).toMatch(/lacks SYS_PTRACE/);
    expect(r.findings[0]!.fix!.edits[0]!.path).toBe('docker-compose.yml');
    const out = await applyFixes({ root, write: false });
    expect(out.changed.map((c) => c.path)).toEqual(['docker-compose.yml']);
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD013' || f.ruleId === 'PTD001')).toEqual([]);
  });
});
