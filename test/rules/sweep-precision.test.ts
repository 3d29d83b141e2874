/**
 * Precision on large production repositories (a sweep of 61 public Go projects): setups that are not a
 * debugger's workaround, or already give it the capability, get no finding.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../../src/engine.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function found(files: Record<string, string>): Promise<string[]> {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  return r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}`).sort();
}

describe('a dev container with the Docker-in-Docker feature', () => {
  it('runs privileged (the feature forces it), so a Go dev container has SYS_PTRACE: no PTD001', async () => {
    expect(await found({
      '.devcontainer/devcontainer.json': '{\n  "name": "op",\n  "image": "golang:1.24",\n  "features": {\n    "ghcr.io/devcontainers/features/docker-in-docker:2": {},\n    "ghcr.io/devcontainers/features/git:1": {}\n  },\n  "runArgs": ["--network=host"]\n}\n',
    })).toEqual([]);
  });

  it('without it the same Go dev container still gets PTD001', async () => {
    expect(await found({
      '.devcontainer/devcontainer.json': '{\n  "name": "op",\n  "image": "golang:1.24",\n  "features": {\n    "ghcr.io/devcontainers/features/docker-outside-of-docker:1": {},\n    "ghcr.io/devcontainers/features/git:1": {}\n  }\n}\n',
    })).toEqual(['PTD001@.devcontainer/devcontainer.json:2']);
  });
});

describe('kubectl debug with a command of its own', () => {
  it('that runs no debugger (a signal to dump state) is not a debugging container, even next to the target\'s processes', async () => {
    expect(await found({
      'hack/dump.sh': '#!/bin/bash\nkubectl debug -n "$NS" "$POD" --image="${DEBUG_IMAGE}" --target=manager --profile=restricted -it -- sh -c \'kill -USR2 1\'\n',
    })).toEqual([]);
  });

  it('that runs a debugger, or an interactive shell to run one in, still is', async () => {
    expect(await found({
      'hack/attach.sh': '#!/bin/bash\nkubectl debug -n "$NS" "$POD" --image=busybox --target=manager -it -- sh\nkubectl debug -n "$NS" "$POD" --image=busybox --target=manager -it -- strace -p 1\n',
    })).toEqual(['PTD001@hack/attach.sh:2', 'PTD001@hack/attach.sh:3']);
  });
});

describe('an eBPF agent in Compose', () => {
  const svc = (extra: string): string => `services:\n  alloy:\n    image: alloy-integration-tests\n    command: run /etc/alloy/config.alloy\n    privileged: true\n    pid: "host"\n    cap_add:\n      - SYS_ADMIN\n      - SYS_PTRACE\n${extra}`;
  it('known by an OTEL_EBPF_/BEYLA_ environment name (map or list) or its image: privileged for BPF, no PTD003', async () => {
    expect(await found({ 'docker-compose.yaml': svc('    environment:\n      OTEL_EBPF_JAVAAGENT_ATTACH_TIMEOUT: 30s\n') })).toEqual([]);
    expect(await found({ 'docker-compose.yaml': svc('    environment:\n      - BEYLA_OPEN_PORT=8080\n') })).toEqual([]);
    expect(await found({ 'docker-compose.yaml': 'services:\n  beyla:\n    image: grafana/beyla:1.9\n    privileged: true\n    pid: host\n    cap_add: [SYS_PTRACE]\n' })).toEqual([]);
  });
  it('the same service without those signs is still reported', async () => {
    expect(await found({ 'docker-compose.yaml': svc('    environment:\n      LOG_LEVEL: debug\n') })).toEqual(['PTD003@docker-compose.yaml:5']);
  });
});

describe('reflex written without --', () => {
  it('a reflex.conf line `-r REGEX -s bash /start.sh` runs the script after its options: its dlv --listen port is the published one', async () => {
    expect(await found({
      'docker/app/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/cespare/reflex@v0.3.1 && go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY docker/app/reflex.conf /reflex.conf\nCOPY docker/app/start.sh /start.sh\nWORKDIR /app\nCMD ["reflex", "-c", "/reflex.conf"]\n',
      'docker/app/reflex.conf': "-r '\\.go$' -s bash /start.sh\n",
      'docker/app/start.sh': '#!/bin/bash\ncd /app\ndlv debug --headless --listen=:40000 --api-version=2 --accept-multiclient ./cmd/app\n',
      'docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/app/Dockerfile\n    ports:\n      - "40000:40000"\n    volumes:\n      - .:/app\n',
    })).toEqual(['PTD001@docker-compose.yml:2', 'PTD007@docker-compose.yml:7']);
  });

  it('options only (`reflex -c FILE`, `reflex -r x -s`) run nothing of their own', async () => {
    expect(await found({ 'scripts/watch.sh': '#!/bin/sh\nreflex -r \'\\.go$\' -s\nreflex -c reflex.conf\n', 'reflex.conf': "-g '*.md' -- echo changed\n" })).toEqual([]);
  });
});
