/**
 * PTD002 next to privileged (the commonest real pair: `privileged: true` and `seccomp:unconfined` on one debug
 * service). Privileged grants the capability and turns seccomp off by itself, so PTD002's fix only removes the
 * option, and PTD003's replaces privileged with SYS_PTRACE: two fixes that apply together in one pass, each right
 * on its own. Elsewhere PTD002's fix replaces the option with the capability.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { tempRepo } from '../helpers/repo.js';
import type { FileKind } from '../../src/types.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function check(path: string, kind: FileKind, text: string) {
  const root = tempRepo({ [path]: text });
  roots.push(root);
  const r = await scan({ root });
  const ptd002 = r.findings.filter((f) => f.ruleId === 'PTD002');
  const out = await applyFixes({ root, write: false });
  const after = out.changed.find((c) => c.path === path)?.after ?? text;
  expect(validate(kind, after), `${path} parses after the fix`).toBeUndefined();
  return { ptd002, ptd003: r.findings.filter((f) => f.ruleId === 'PTD003'), after, left: out.after.findings.filter((f) => f.fix).map((f) => f.ruleId) };
}

describe('PTD002 seccomp-unconfined next to privileged', () => {
  it('Compose: the fix removes the option only; with PTD003 the service ends with cap_add: [SYS_PTRACE] alone', async () => {
    const c = await check('compose.yaml', 'compose', 'services:\n  dbg:\n    image: acme/api:debug\n    privileged: true\n    security_opt:\n      - seccomp:unconfined\n    command: dlv attach 1 --headless --listen=:2345\n    ports: ["127.0.0.1:2345:2345"]\n');
    expect(c.ptd002).toHaveLength(1);
    const edits = c.ptd002[0]!.fix?.edits ?? [];
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.map((e) => e.text).join('')).not.toContain('cap_add');
    // Said without naming another rule by its id: the user reads what to do, not our catalogue.
    expect(c.ptd002[0]!.message).toContain('replace privileged with the SYS_PTRACE capability too');
    expect(c.ptd002[0]!.message).not.toMatch(/PTD\d{3}/);
    expect(c.ptd002[0]!.fixHint).not.toMatch(/PTD\d{3}/);
    expect(c.ptd003[0]!.fix).toBeDefined();
    expect(c.after).toBe('services:\n  dbg:\n    image: acme/api:debug\n    cap_add:\n      - SYS_PTRACE\n    command: dlv attach 1 --headless --listen=:2345\n    ports: ["127.0.0.1:2345:2345"]\n');
    expect(c.left).toEqual([]);
  });

  it('docker run: --security-opt goes, --privileged becomes --cap-add=SYS_PTRACE', async () => {
    const c = await check('debug.sh', 'shell' as FileKind, '#!/bin/sh\ndocker run --rm --privileged --security-opt seccomp=unconfined -p 127.0.0.1:2345:2345 acme/api dlv attach 1 --headless --listen=:2345\n');
    expect(c.ptd002).toHaveLength(1);
    // One line: PTD003's fix makes PTD002's change too (whole-line edits), and the capability is added once.
    expect(c.ptd002[0]!.fix).toBeUndefined();
    expect(c.ptd002[0]!.related.map((r) => r.message).join(' ')).toMatch(/Fixed together with PTD003/);
    expect(c.ptd003[0]!.fix?.description).toMatch(/Replace --privileged with --cap-add=SYS_PTRACE; and remove --security-opt seccomp=unconfined/);
    expect(c.after).toContain('--cap-add=SYS_PTRACE');
    expect(c.after).not.toContain('seccomp');
    expect(c.after).not.toContain('--privileged');
    expect(c.after.match(/--cap-add/g)).toHaveLength(1);
  });

  it('Kubernetes: seccompProfile Unconfined goes, privileged becomes the capability', async () => {
    const c = await check('k8s/pod.yaml', 'kubernetes', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dbg\nspec:\n  containers:\n    - name: dbg\n      image: acme/api:debug\n      command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n      securityContext:\n        privileged: true\n        seccompProfile:\n          type: Unconfined\n');
    expect(c.ptd002).toHaveLength(1);
    expect(c.ptd002[0]!.fix?.edits.map((e) => e.text).join('')).not.toContain('SYS_PTRACE');
    expect(c.after).toContain('- SYS_PTRACE');
    expect(c.after).not.toContain('Unconfined');
    expect(c.after).not.toContain('privileged');
  });

  it('without privileged the fix still replaces the option with the capability', async () => {
    const c = await check('compose.yaml', 'compose', 'services:\n  dbg:\n    image: acme/api:debug\n    security_opt:\n      - seccomp:unconfined\n    command: dlv attach 1 --headless --listen=:2345\n    ports: ["127.0.0.1:2345:2345"]\n');
    expect(c.ptd002[0]!.fix?.edits.map((e) => e.text).join('')).toContain('SYS_PTRACE');
    expect(c.after).toContain('cap_add:\n      - SYS_PTRACE');
    expect(c.after).not.toContain('seccomp');
  });
});
