import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, scanBrief, tempRepo } from '../helpers/repo.js';
import { scan } from '../../src/engine.js';

const fx = (name: string): string => join(FIXTURES, 'foundation', name);

describe('PTD001–PTD004 on the seed and its variants', () => {
  it('seed: the Compose service built from the debug image lacks SYS_PTRACE', async () => {
    const found = await scanBrief(join(FIXTURES, '..', '..', 'examples', 'seed'));
    expect(found).toContainEqual({ rule: 'PTD001', severity: 'note', path: 'docker-compose.yml', line: 5, fixable: true });
    // The postgres service is production config: nothing about it.
    expect(found.filter((f) => f.line >= 12 && f.path === 'docker-compose.yml')).toEqual([]);
  });

  it.each([
    ['seccomp-unconfined', { rule: 'PTD002', severity: 'warning', path: 'docker-compose.yml', line: 5, fixable: true }],
    ['privileged', { rule: 'PTD003', severity: 'warning', path: 'compose.yaml', line: 6, fixable: true }],
    ['cap-drop-all', { rule: 'PTD001', severity: 'note', path: 'docker-compose.yml', line: 2, fixable: true }],
    ['devcontainer-dockerfile', { rule: 'PTD001', severity: 'note', path: '.devcontainer/devcontainer.json', line: 3, fixable: true }],
    ['devcontainer-compose', { rule: 'PTD004', severity: 'error', path: '.devcontainer/devcontainer.json', line: 7, fixable: true }],
    ['k8s', { rule: 'PTD001', severity: 'error', path: 'debug-deployment.yaml', line: 14, fixable: true }],
    ['makefile', { rule: 'PTD001', severity: 'error', path: 'Makefile', line: 6, fixable: true }],
    ['attach-compose', { rule: 'PTD001', severity: 'error', path: 'docker-compose.yml', line: 4, fixable: true }],
    ['override', { rule: 'PTD001', severity: 'note', path: 'docker-compose.yml', line: 2, fixable: true }],
  ])('%s', async (name, expected) => {
    const found = (await scanBrief(fx(name))).filter((f) => /^PTD00[1-4]$/.test(f.rule));
    expect(found).toEqual([expected]);
  });

  it('a realistic production-only repository yields no finding at all', async () => {
    expect(await scanBrief(fx('production'))).toEqual([]);
  });

  it('stays quiet where the capability is granted, by cap_add or a feature; ALL is the privileged workaround under another name (PTD003)', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  a:\n    image: x\n    cap_add: [sys_ptrace]\n    command: dlv attach 1\n  b:\n    image: x\n    cap_add: ["CAP_SYS_PTRACE"]\n    cap_drop: [ALL]\n    command: strace -p 1\n  c:\n    image: x\n    cap_add: [ALL]\n    command: gdb -p 1\n',
      '.devcontainer/devcontainer.json': '{ "image": "golang:1.22", "features": { "ghcr.io/devcontainers/features/go:1": {} } }',
      'k8s.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      command: [dlv, attach, "1"]\n      securityContext:\n        capabilities:\n          add: ["SYS_PTRACE"]\n',
      'run.sh': 'docker run --cap-add SYS_PTRACE img strace -p 1\npodman run --cap-add=ALL img dlv attach 1\n',
    });
    expect((await scanBrief(root)).filter((f) => f.rule !== 'PTD012')).toEqual([
      { rule: 'PTD003', severity: 'warning', path: 'docker-compose.yml', line: 13, fixable: true },
      { rule: 'PTD003', severity: 'warning', path: 'run.sh', line: 2, fixable: true },
    ]);
  });

  it('privileged mode for a Docker engine inside is not the debugger\'s workaround (PTD003); privileged without that still is', async () => {
    const dc = (extra: string) => `{\n  "name": "dev",\n  "image": "golang:1.22",\n  "customizations": { "vscode": { "extensions": ["golang.go"] } },\n${extra}\n  "runArgs": ["--cap-add=SYS_PTRACE", "--privileged"]\n}\n`;
    const root = tempRepo({
      // The docker-in-docker feature; a volume at the engine's storage (dapr's dev container).
      'a/.devcontainer/devcontainer.json': dc('  "features": { "ghcr.io/devcontainers/features/docker-in-docker:2": {} },'),
      'b/.devcontainer/devcontainer.json': dc('  "mounts": ["type=volume,source=dind-var-lib-docker,target=/var/lib/docker"],'),
      // Built from a stage chain whose ENTRYPOINT starts dockerd (moby's dev image); dlv comes from a delve stage.
      'c/Dockerfile': 'FROM golang:1.22 AS base\nCOPY --from=ghcr.io/go-delve/delve:v1.25.2 /dlv /usr/local/bin/dlv\nVOLUME /var/lib/docker\nENTRYPOINT ["hack/dind"]\nFROM base AS devcontainer\nCOPY . .\n',
      'c/.devcontainer/devcontainer.json': '{\n  "name": "c",\n  "build": { "context": "..", "dockerfile": "../Dockerfile", "target": "devcontainer" },\n  "runArgs": ["--privileged"],\n  "customizations": { "vscode": { "extensions": ["golang.go"] } }\n}\n',
      // Compose and docker run with the engine's storage on a volume.
      'compose.yaml': 'services:\n  dind:\n    image: acme/dev\n    privileged: true\n    command: dlv debug --headless --listen=:2345\n    ports: ["127.0.0.1:2345:2345"]\n    volumes:\n      - docker-data:/var/lib/docker\n  plain:\n    image: acme/dev\n    privileged: true\n    command: dlv debug --headless --listen=:2345\n    ports: ["127.0.0.1:2346:2345"]\n',
      'run.sh': 'docker run --privileged -v dind:/var/lib/docker acme/dev strace -p 1\ndocker run --privileged --mount type=volume,source=x,target=/var/lib/containerd acme/dev strace -p 1\ndocker run --privileged -v /var/lib/docker:/host-docker acme/dev strace -p 1\n',
      // No such evidence: still the workaround.
      'd/.devcontainer/devcontainer.json': dc('  "features": { "ghcr.io/devcontainers/features/docker-outside-of-docker:1": {} },'),
    });
    expect((await scanBrief(root)).filter((f) => f.rule === 'PTD003').map((f) => `${f.path}:${f.line}`)).toEqual(['compose.yaml:11', 'd/.devcontainer/devcontainer.json:6', 'run.sh:3']);
  });

  it('says where every capability was dropped as the file spells it (cap_drop, capabilities.drop, --cap-drop)', async () => {
    const root = tempRepo({
      'compose.yml': 'services:\n  a:\n    image: x\n    cap_drop: [ALL]\n    command: dlv attach 1\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      command: [dlv, attach, "1"]\n      securityContext:\n        capabilities:\n          drop: [ALL]\n',
      'run.sh': 'docker run --cap-drop=ALL x strace -p 1\n',
    });
    const r = await scan({ root });
    const msg = (path: string) => r.findings.find((f) => f.ruleId === 'PTD001' && f.span.file.path === path)!.message;
    expect(msg('compose.yml')).toContain('(`cap_drop: ALL` removed every capability)');
    expect(msg('pod.yaml')).toContain('(`capabilities.drop: [ALL]` removed every capability)');
    expect(msg('run.sh')).toContain('(`--cap-drop=ALL` removed every capability)');
  });

  it('drops SYS_PTRACE when cap_drop removes it, even with cap_add ALL', async () => {
    const root = tempRepo({ 'compose.yml': 'services:\n  a:\n    image: x\n    cap_add: [ALL]\n    cap_drop: [SYS_PTRACE]\n    command: dlv attach 1\n' });
    expect(await scanBrief(root)).toContainEqual(expect.objectContaining({ rule: 'PTD001', severity: 'error' }));
  });

  it('a ptrace-doctor-ignore comment suppresses the finding', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  # ptrace-doctor-ignore PTD001\n  dbg:\n    image: x\n    command: strace -p 1\n  other:\n    image: x\n    command: strace -p 1 # ptrace-doctor-ignore PTD003\n',
    });
    const found = await scanBrief(root);
    expect(found.map((f) => `${f.rule}:${f.line}`)).toEqual(['PTD001:6', 'PTD901:8']);
  });

  it('names the launch and the evidence in plain words', async () => {
    const { scan } = await import('../../src/engine.js');
    const r = await scan({ root: fx('attach-compose') });
    const f = r.findings[0]!;
    expect(f.message).toContain('Service "debugger" runs `strace -f -p 1`');
    expect(f.message).toContain('Could not attach to pid …: this could be caused by a kernel security setting');
    expect(f.message).toMatch(/Fix: add SYS_PTRACE to cap_add/);
    expect(f.related[0]!.message).toMatch(/strace/);
  });
});

describe('PTD900: what could not be read is said once', () => {
  it('reports malformed YAML, JSONC and skipped files with the parser message and line, and still scans the rest', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const root = tempRepo({
      // Files that mention a debugger are parsed (the others cannot matter; see relevance.test.ts).
      'docker-compose.yml': 'services:\n  a:\n    command: dlv attach 1\n    image: [unclosed\n',
      '.devcontainer/devcontainer.json': '{ "image": "golang:1.22", ',
      'Dockerfile.huge': 'FROM golang\nRUN apt-get install -y gdb\n' + big,
      // Too large, and naming no debugger: nothing in it can be a debugger setting.
      'Dockerfile.bundle': big,
      'k8s/ok.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      command: [strace, -p, "1"]\n',
    });
    const found = await scanBrief(root);
    const notes = found.filter((f) => f.rule === 'PTD900');
    expect(notes.map((n) => n.path).sort()).toEqual(['.devcontainer/devcontainer.json', 'Dockerfile.huge', 'docker-compose.yml']);
    expect(notes.find((n) => n.path === 'docker-compose.yml')!.line).toBeGreaterThanOrEqual(3);
    expect(found).toContainEqual(expect.objectContaining({ rule: 'PTD001', path: 'k8s/ok.yaml' }));
  });
});

describe('PTD001 for a non-root debugger', () => {
  it('says that the capability alone will not be enough', async () => {
    const { scan } = await import('../../src/engine.js');
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  dbg:\n    image: x\n    user: "1000"\n    command: dlv attach 1\n' });
    const f = (await scan({ root })).findings.find((x) => x.ruleId === 'PTD001')!;
    expect(f.message).toMatch(/as user "1000".*granting it to the container would not help.*only to processes running as root/s);
    expect(f.message).toMatch(/start the program under the debugger/);
    // A capability that would reach nobody is not offered.
    expect(f.fix).toBeUndefined();
  });
});
