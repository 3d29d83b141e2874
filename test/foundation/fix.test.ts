import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, writeAtomic } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { classifyByName, classifyYaml } from '../../src/discover/index.js';
import { copyFixture, tempRepo } from '../helpers/repo.js';
import type { FileKind } from '../../src/types.js';

const VARIANTS = ['seccomp-unconfined', 'privileged', 'cap-drop-all', 'devcontainer-dockerfile', 'devcontainer-compose', 'k8s', 'makefile', 'attach-compose', 'override'];

function commentLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('#') || l.startsWith('//') || / #\s/.test(l) === true && !l.startsWith('-'));
}

function kindOf(path: string, text: string): FileKind {
  const k = classifyByName(path);
  return (k === 'yaml' ? classifyYaml(text) : k) ?? 'shell';
}

describe('--fix on the seed variants', () => {
  it.each(VARIANTS)('%s: valid files, comments intact, no PTD001–PTD004 left', async (name) => {
    const root = copyFixture(`foundation/${name}`);
    const out = await applyFixes({ root, write: true });
    expect(out.changed.length).toBeGreaterThan(0);
    for (const c of out.changed) {
      const onDisk = readFileSync(join(root, c.path), 'utf8');
      expect(onDisk).toBe(c.after);
      expect(validate(kindOf(c.path, onDisk), onDisk)).toBeUndefined();
      // Every comment that was not on a removed line survives.
      for (const line of commentLines(c.before)) {
        if (/seccomp|privileged|runArgs|do nothing on Compose/i.test(line)) continue;
        expect(onDisk).toContain(line);
      }
    }
    expect(out.after.findings.filter((f) => /^PTD00[1-4]$/.test(f.ruleId))).toEqual([]);
    // A second run changes nothing.
    const again = await applyFixes({ root, write: true });
    expect(again.changed).toEqual([]);
  });

  it('the seed: cap_add is added to the service in block style with its comment kept', async () => {
    const root = copyFixture('../../examples/seed');
    await applyFixes({ root, write: true, ignore: ['PTD007', 'PTD008', 'PTD010', 'PTD011', 'PTD012'] });
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).toContain('      - "2345:2345" # delve\'s API\n');
    expect(text).toMatch(/ {2}app:\n[\s\S]* {4}cap_add:\n {6}- SYS_PTRACE\n\n {2}db:/);
  });

  it('extends an existing flow or block cap_add list instead of adding a second key', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  a:\n    image: x\n    cap_add: [NET_ADMIN]\n    command: dlv attach 1\n  b:\n    image: x\n    cap_add:\n      - "NET_ADMIN"\n    command: strace -p 1\n',
    });
    const out = await applyFixes({ root, write: false });
    expect(out.changed[0]!.after).toBe('services:\n  a:\n    image: x\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n    command: dlv attach 1\n  b:\n    image: x\n    cap_add:\n      - "NET_ADMIN"\n      - "SYS_PTRACE"\n    command: strace -p 1\n');
  });

  it('follows the file\'s indentation (4 spaces, unindented dashes) and CRLF line ends', async () => {
    const root = tempRepo({ 'compose.yml': 'services:\r\n    dbg:\r\n        image: x\r\n        volumes:\r\n        - ./a:/a\r\n        command: strace -p 1\r\n' });
    const out = await applyFixes({ root, write: false });
    expect(out.changed[0]!.after).toBe('services:\r\n    dbg:\r\n        image: x\r\n        volumes:\r\n        - ./a:/a\r\n        command: strace -p 1\r\n        cap_add:\r\n        - SYS_PTRACE\r\n');
  });

  it('edits a value shared through a YAML anchor only when every service that merges it debugs; else overrides it in the service', async () => {
    const only = tempRepo({ 'compose.yml': 'x-base: &base\n  cap_add: [NET_ADMIN]\nservices:\n  dbg:\n    <<: *base\n    image: x\n    command: strace -p 1\n' });
    let out = await applyFixes({ root: only, write: false });
    expect(out.changed[0]!.after).toBe('x-base: &base\n  cap_add: [NET_ADMIN, SYS_PTRACE]\nservices:\n  dbg:\n    <<: *base\n    image: x\n    command: strace -p 1\n');
    expect(out.after.findings).toEqual([]);
    const shared = tempRepo({ 'compose.yml': 'x-base: &base\n  cap_add: [NET_ADMIN]\nservices:\n  web:\n    <<: *base\n    image: nginx\n  dbg:\n    <<: *base\n    image: x\n    command: strace -p 1\n' });
    out = await applyFixes({ root: shared, write: false });
    expect(out.changed[0]!.after).toBe('x-base: &base\n  cap_add: [NET_ADMIN]\nservices:\n  web:\n    <<: *base\n    image: nginx\n  dbg:\n    <<: *base\n    image: x\n    command: strace -p 1\n    cap_add:\n      - NET_ADMIN\n      - SYS_PTRACE\n');
    expect(out.after.findings).toEqual([]);
  });

  it('does not write a symbolic link or a file that changed meanwhile, and keeps the mode', () => {
    const root = tempRepo({ 'a.yml': 'old\n', 'b.yml': 'old\n' });
    chmodSync(join(root, 'a.yml'), 0o640);
    expect(writeAtomic(join(root, 'a.yml'), 'old\n', 'new\n')).toBeUndefined();
    expect(readFileSync(join(root, 'a.yml'), 'utf8')).toBe('new\n');
    expect(statSync(join(root, 'a.yml')).mode & 0o777).toBe(0o640);
    symlinkSync(join(root, 'b.yml'), join(root, 'link.yml'));
    expect(writeAtomic(join(root, 'link.yml'), 'old\n', 'new\n')).toMatch(/symbolic link/);
    writeFileSync(join(root, 'b.yml'), 'changed\n');
    expect(writeAtomic(join(root, 'b.yml'), 'old\n', 'new\n')).toMatch(/changed on disk/);
    expect(readFileSync(join(root, 'b.yml'), 'utf8')).toBe('changed\n');
  });

  it('never touches a file that failed to parse', async () => {
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  a:\n    image: x\n    command: strace -p 1\n    bad: [\n' });
    const out = await applyFixes({ root, write: true });
    expect(out.changed).toEqual([]);
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toContain('bad: [');
  });
});

describe('devcontainer runArgs workarounds', () => {
  it('seccomp=unconfined in runArgs is removed, and the capability is not added twice', async () => {
    const root = tempRepo({ '.devcontainer/devcontainer.json': '{\n  "name": "Go",\n  "image": "golang:1.22",\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"]\n}\n' });
    const out = await applyFixes({ root, write: false });
    expect(out.changed[0]!.after).toBe('{\n  "name": "Go",\n  "image": "golang:1.22",\n  "runArgs": ["--cap-add=SYS_PTRACE"]\n}\n');
    expect(out.fixed[0]!.fix!.description).toBe('Remove "seccomp=unconfined" (SYS_PTRACE is already granted)');
  });

  it('--privileged in runArgs becomes capAdd', async () => {
    const root = tempRepo({ '.devcontainer/devcontainer.json': '{\n\t"image": "golang:1.22",\n\t// for dlv\n\t"runArgs": ["--privileged"]\n}\n' });
    const out = await applyFixes({ root, write: false });
    expect(out.changed[0]!.after).toBe('{\n\t"image": "golang:1.22",\n\t// for dlv\n\t"runArgs": [],\n\t"capAdd": ["SYS_PTRACE"]\n}\n');
  });
});
