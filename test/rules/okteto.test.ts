/**
 * Okteto manifests: each `dev.<name>` entry (or a v1 manifest's top level) is a development container that
 * `okteto up` runs in place of a Deployment's. Its securityContext is a container's; a `forward` of
 * delve's port, a command running dlv, or an image that installs it make it a debugging container.
 * Fixes edit the manifest's securityContext and must leave it parsing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function run(files: Record<string, string>, manifest = 'okteto.yml') {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}:${f.severity}`).sort();
  const out = await applyFixes({ root, write: false });
  const after = out.changed.find((c) => c.path === manifest)?.after ?? files[manifest]!;
  return { r, found, after, left: out.after.findings.map((f) => f.ruleId) };
}

const GO_DEV = (extra: string): string => `dev:\n  api:\n    image: golang:1.22\n    command: bash\n    sync:\n      - .:/usr/src/app\n${extra}`;

describe('Okteto dev containers: what is found', () => {
  it('a forward of delve\'s port without SYS_PTRACE: PTD001 note at the dev key; the fix adds securityContext and keeps comments', async () => {
    const c = await run({ 'okteto.yml': GO_DEV('    # debugger\n    forward:\n      - 2345:2345\n') });
    expect(c.found).toEqual(['PTD001@okteto.yml:2:note']);
    expect(c.r.findings[0]!.message).toContain('Okteto dev container "api"');
    expect(validate('okteto', c.after)).toBeUndefined();
    expect(c.after).toContain('# debugger');
    expect(parse(c.after).dev.api.securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
    expect(c.left).toEqual([]);
  });

  it('a forward to another local port (2353:2345) counts; a v1 manifest is anchored at its name', async () => {
    const c = await run({ 'okteto.yml': 'name: api\nimage: golang:1.22\ncommand: ["bash"]\nforward:\n  - 8080:8080\n  - 2353:2345\n' });
    expect(c.found).toEqual(['PTD001@okteto.yml:1:note']);
    expect(validate('okteto', c.after)).toBeUndefined();
    expect(parse(c.after).securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });

  it('a command that attaches with dlv: PTD001 error', async () => {
    const c = await run({ 'okteto.yml': 'dev:\n  worker:\n    image: golang:1.22\n    command: ["sh", "-c", "go build -gcflags=all=-N\\\\ -l -o /tmp/w . && (/tmp/w &) && dlv attach $(pgrep w) --headless --listen=:2345"]\n' });
    expect(c.found).toContain('PTD001@okteto.yml:2:error');
  });

  it('a string command with spaces is run with sh -c: its script is read through sync', async () => {
    const c = await run({ 'dev/okteto.yaml': 'dev:\n  api:\n    image: golang:1.22\n    command: bash /src/scripts/debug.sh\n    sync:\n      - ..:/src\n', 'scripts/debug.sh': '#!/bin/sh\ndlv debug --headless --listen=:2345 ./cmd/api\n' }, 'dev/okteto.yaml');
    expect(c.found).toEqual(['PTD001@dev/okteto.yaml:2:note']);
    expect(c.r.findings[0]!.related?.some((r) => r.span.file.path === 'scripts/debug.sh')).toBe(true);
  });

  it('an image built by the manifest\'s build section that installs dlv (${OKTETO_BUILD_API_IMAGE}), dockerfile relative to the manifest', async () => {
    const c = await run({
      'okteto.yml': 'build:\n  api-dev:\n    context: api\n    dockerfile: api/dev.Dockerfile\ndev:\n  api:\n    image: ${OKTETO_BUILD_API_DEV_IMAGE}\n    command: bash\n',
      'api/dev.Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1\n',
    });
    expect(c.found).toEqual(['PTD001@okteto.yml:6:note']);
  });

  it('privileged in the dev container\'s securityContext: PTD003 at the value (and no PTD001: privileged grants it)', async () => {
    const c = await run({ 'okteto.yml': GO_DEV('    securityContext:\n      privileged: true\n    forward:\n      - 2345:2345\n') });
    expect(c.found).toEqual(['PTD003@okteto.yml:8:warning']);
    expect(validate('okteto', c.after)).toBeUndefined();
  });

  it('a sync folder named without ./ (web:/src) is the manifest\'s directory web', async () => {
    const c = await run({ 'okteto.yml': 'dev:\n  web:\n    image: golang:1.22\n    command: ["/src/debug.sh"]\n    sync:\n      - web:/src\n', 'web/debug.sh': '#!/bin/sh\nexec dlv debug --headless --listen=:2345 .\n' });
    expect(c.found).toEqual(['PTD001@okteto.yml:2:note']);
  });
});

describe('Okteto dev containers: what must not be found', () => {
  it('SYS_PTRACE added with the forward (Okteto\'s Go sample)', async () => {
    const c = await run({ 'okteto.yml': GO_DEV('    securityContext:\n      capabilities:\n        add:\n          - SYS_PTRACE\n    forward:\n      - 8080:8080\n      - 2345:2345\n') });
    expect(c.found).toEqual([]);
  });

  it('SYS_PTRACE with a non-root runAsUser when nothing attaches (dlv debug from the shell)', async () => {
    const c = await run({ 'okteto.yml': 'name: fn\nimage: golang:1.22\ncommand: [bash]\nsecurityContext:\n  runAsUser: 12000\n  capabilities:\n    add:\n      - SYS_PTRACE\nforward:\n  - 2345:2345\n' });
    expect(c.found).toEqual([]);
  });

  it('a dev container with no debugger evidence, privileged for something else (a FUSE file system)', async () => {
    const c = await run({ 'okteto.yaml': 'dev:\n  fs:\n    image: okteto.dev/fs:latest\n    command: ["/workspace/bin/hotreload.sh"]\n    sync:\n      - ./:/workspace\n    securityContext:\n      privileged: true\n', 'bin/hotreload.sh': '#!/bin/bash\nair --build.cmd "go build -o /tmp/fs ./cmd/fs" --build.bin /tmp/fs\n' }, 'okteto.yaml');
    expect(c.found).toEqual([]);
  });

  it('a forward of other ports, or of 2345 on a named service (not this container)', async () => {
    const c = await run({ 'okteto.yml': GO_DEV('    forward:\n      - 8080:8080\n      - 2345:db:2345\n') });
    expect(c.found).toEqual([]);
  });

  it('a forward of 2345 in a project that is not Go (no Go image, no go.mod): another program\'s port', async () => {
    const c = await run({ 'okteto.yml': 'dev:\n  downloader:\n    image: node:20\n    command: npm start\n    forward:\n      - 2345:2345\n', 'package.json': '{"name": "x"}\n' });
    expect(c.found).toEqual([]);
  });

  it('the same forward in a Go project (go.mod at the root, the manifest in dev/) is delve\'s', async () => {
    const c = await run({ 'dev/okteto.yml': 'dev:\n  api:\n    image: ghcr.io/example/devbox:1\n    command: bash\n    forward:\n      - 2345:2345\n', 'go.mod': 'module example.com/api\n' }, 'dev/okteto.yml');
    expect(c.found).toEqual(['PTD001@dev/okteto.yml:2:note']);
  });

  it('a ptrace-doctor-ignore comment above the dev key suppresses the finding', async () => {
    const c = await run({ 'okteto.yml': 'dev:\n  # ptrace-doctor-ignore PTD001 the cluster policy forbids added capabilities\n  api:\n    image: golang:1.22\n    command: bash\n    forward:\n      - 2345:2345\n' });
    expect(c.found).toEqual([]);
    expect(c.r.suppressed.map((f) => f.ruleId)).toEqual(['PTD001']);
  });

  it('a pipeline-only manifest and commented-out dev containers', async () => {
    const c = await run({ 'okteto.yml': 'deploy:\n  - kubectl apply -f k8s.yml\n#dev:\n#  api:\n#    forward:\n#      - 2345:2345\n' });
    expect(c.found).toEqual([]);
  });

  it('the Deployment the dev container replaces already grants SYS_PTRACE (Okteto adds to its capabilities)', async () => {
    const c = await run({
      'okteto.yml': GO_DEV('    forward:\n      - 2345:2345\n'),
      'k8s/dev.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: golang:1.22\n          securityContext:\n            capabilities:\n              add: [SYS_PTRACE]\n',
    });
    expect(c.found).toEqual([]);
  });
});
