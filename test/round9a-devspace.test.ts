/**
 * DevSpace configs (devspace.yaml): each dev container (`dev.<name>` of schema v2beta1, `dev.replacePods[]` of
 * v1beta*) is a launch. Its debugger is in its command, its terminal's script, its dev image or the image the
 * selector picks; a port-forward of delve's port in a Go project is evidence too. Port-forwards are no published
 * port. Fixes add a `patches` op and must leave the config parsing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { validate } from '../src/fix/validate.js';
import { toLocation } from '../src/source.js';
import { classifyByName } from '../src/discover/index.js';
import { tempRepo } from './helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function run(files: Record<string, string>, config = 'devspace.yaml') {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}:${f.severity}`).sort();
  const out = await applyFixes({ root, write: false });
  const after = out.changed.find((c) => c.path === config)?.after ?? files[config]!;
  return { r, found, after, left: out.after.findings.map((f) => f.ruleId) };
}

const GO_MOD = 'module example.com/api\n\ngo 1.22\n';

describe('DevSpace dev containers: what is found', () => {
  it('discovers devspace.yaml and devspace.yml by name', () => {
    expect(classifyByName('devspace.yaml')).toBe('devspace');
    expect(classifyByName('svc/devspace.yml')).toBe('devspace');
  });

  it('a Go dev image with a port-forward of 2345: PTD001 note at the dev key; the fix adds a patches op and keeps comments', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\nname: api\ndev:\n  api:\n    imageSelector: example/api\n    # Go tooling\n    devImage: ghcr.io/loft-sh/devspace-containers/go:1.22-alpine\n    sync:\n      - path: ./\n    ports:\n      - port: "2345"\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:4:note']);
    expect(c.r.findings[0]!.message).toContain('DevSpace dev container "api"');
    expect(validate('devspace', c.after)).toBeUndefined();
    expect(c.after).toContain('# Go tooling');
    expect(parse(c.after).dev.api.patches).toEqual([{ op: 'add', path: 'spec.containers[0].securityContext', value: { capabilities: { add: ['SYS_PTRACE'] } } }]);
    expect(c.left).not.toContain('PTD001');
  });

  it('a command running headless dlv on 127.0.0.1: PTD001 only (a port-forward reaches the pod\'s loopback; nothing is published)', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    container: api\n    command: ["dlv", "debug", "--headless", "--listen=127.0.0.1:2345", "./cmd/api"]\n    ports:\n      - port: "2345"\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:3:note']);
    expect(parse(c.after).dev.api.patches[0].path).toBe('spec.containers.name=api.securityContext');
  });

  it('a terminal script synced into the container that attaches: PTD001 error', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  app:\n    labelSelector:\n      app: api\n    devImage: golang:1.22\n    workingDir: /app\n    sync:\n      - path: ./:/app\n    terminal:\n      command: ./devspace_start.sh\n',
      'devspace_start.sh': '#!/bin/sh\n/app/server &\ndlv attach $! --headless --listen=:2345\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:3:error']);
  });

  it('an imageSelector naming an image the config builds links its Dockerfile: PTD001 and the unpinned install', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\nvars:\n  IMAGE: example/api\nimages:\n  api:\n    image: ${IMAGE}\n    dockerfile: ./build/Dockerfile.dev\ndev:\n  api:\n    imageSelector: ${IMAGE}\n',
      'build/Dockerfile.dev': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["sleep", "infinity"]\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:9:note', 'PTD012@build/Dockerfile.dev:2:note']);
  });

  it('an existing patches list: the op is appended at the deepest securityContext level the patches create', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    command: ["dlv", "exec", "/app/api"]\n    patches:\n      - op: add\n        path: spec.containers[0].securityContext\n        value:\n          capabilities:\n            add: [NET_ADMIN]\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:3:note']);
    expect(validate('devspace', c.after)).toBeUndefined();
    expect(parse(c.after).dev.api.patches[1]).toEqual({ op: 'add', path: 'spec.containers[0].securityContext.capabilities.add', value: ['SYS_PTRACE'] });
  });

  it('v1beta replacePods with the Go dev image and a forward of 2345 by the same selector: PTD001 at the replacePods entry', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v1beta11\nvars:\n- name: IMAGE\n  value: example/api\ndev:\n  ports:\n  - imageSelector: ${IMAGE}\n    forward:\n    - port: 2345\n  replacePods:\n  - imageSelector: ${IMAGE}\n    replaceImage: loftsh/go:latest\n    patches:\n    - op: replace\n      path: spec.containers[0].command\n      value: [sleep]\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:11:note']);
    expect(validate('devspace', c.after)).toBeUndefined();
    expect(parse(c.after).dev.replacePods[0].patches).toHaveLength(2);
  });

  it('a forward of a port variable named for delve (${DLV_PORT}) in a Go project: PTD001; a patch that removed the securityContext comes first', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\nvars:\n  DLV_PORT:\n    source: env\n    default: 42097\ndev:\n  app:\n    labelSelector:\n      app: api\n    ports:\n      - port: ${DLV_PORT}\n    patches:\n      - op: remove\n        path: spec.containers[0].securityContext\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:7:note']);
    expect(c.r.findings[0]!.message).toContain('42097');
    expect(parse(c.after).dev.app.patches[1]).toEqual({ op: 'add', path: 'spec.containers[0].securityContext', value: { capabilities: { add: ['SYS_PTRACE'] } } });
  });

  it('a patch on every container (spec.containers[].securityContext) that grants SYS_PTRACE counts', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    command: ["dlv", "exec", "/app/api"]\n    patches:\n      - op: add\n        path: spec.containers[].securityContext.capabilities.add\n        value: [SYS_PTRACE]\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a flow-style patches list gets no automatic fix; the message still says where DevSpace applies the grant', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    command: ["dlv", "exec", "/app/api"]\n    patches: []\n',
    });
    expect(c.found).toEqual(['PTD001@devspace.yaml:3:note']);
    expect(c.r.findings[0]!.fix).toBeUndefined();
    expect(c.r.findings[0]!.message).toContain("dev config's `patches`");
  });

  it('privileged through a patch on a debugging dev container: PTD003, no automatic fix', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    command: ["dlv", "debug"]\n    patches:\n      - op: add\n        path: spec.containers[0].securityContext\n        value:\n          privileged: true\n',
    });
    expect(c.found).toEqual(['PTD003@devspace.yaml:10:warning']);
  });
});

describe('DevSpace dev containers: what must not be found', () => {
  it('a Node dev container forwarding the inspector port', async () => {
    const c = await run({
      'package.json': '{"name":"web"}\n',
      'devspace.yaml': 'version: v2beta1\ndev:\n  web:\n    imageSelector: example/web\n    devImage: ghcr.io/loft-sh/devspace-containers/javascript:18-alpine\n    command: ["npm", "run", "dev"]\n    ports:\n      - port: "9229"\n      - port: "3000"\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a Go dev container that forwards only its HTTP port', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    devImage: golang:1.22\n    command: ["go", "run", "./cmd/api"]\n    ports:\n      - port: "8080"\n',
    });
    expect(c.found).toEqual([]);
  });

  it('port 2345 in a project that is not Go', async () => {
    const c = await run({
      'requirements.txt': 'flask\n',
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    devImage: python:3.12\n    ports:\n      - port: "2345"\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a patch that grants SYS_PTRACE', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    command: ["dlv", "debug", "--headless", "--listen=:2345"]\n    ports:\n      - port: "2345"\n    patches:\n      - op: add\n        path: spec.containers.name=api.securityContext\n        value:\n          capabilities:\n            add: ["SYS_PTRACE"]\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a component-chart container that gets SYS_PTRACE in its values', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\ndeployments:\n  api:\n    helm:\n      chart:\n        name: component-chart\n        repo: https://charts.devspace.sh\n      values:\n        containers:\n          - image: example/api\n            securityContext:\n              capabilities:\n                add: [SYS_PTRACE]\ndev:\n  api:\n    imageSelector: example/api\n    devImage: golang:1.22\n    ports:\n      - port: "2345"\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a port variable not named for delve is no evidence', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\nvars:\n  HTTP_PORT: 8080\ndev:\n  api:\n    imageSelector: example/api\n    ports:\n      - port: ${HTTP_PORT}\n',
    });
    expect(c.found).toEqual([]);
  });

  it('dlv only in a comment', async () => {
    const c = await run({
      'devspace.yaml': 'version: v2beta1\ndev:\n  api:\n    imageSelector: example/api\n    # command: ["dlv", "debug"]\n    command: ["/app/api"]\n',
    });
    expect(c.found).toEqual([]);
  });

  it('ptrace-doctor-ignore above the dev key', async () => {
    const c = await run({
      'go.mod': GO_MOD,
      'devspace.yaml': 'version: v2beta1\ndev:\n  # ptrace-doctor-ignore PTD001\n  api:\n    imageSelector: example/api\n    devImage: golang:1.22\n    ports:\n      - port: "2345"\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('DevSpace configs: the edited file is re-parsed', () => {
  it('validate() accepts a config and rejects a broken one', () => {
    expect(validate('devspace', 'version: v2beta1\ndev:\n  api:\n    patches:\n      - op: add\n        path: spec.containers[0].securityContext\n        value: {}\n')).toBeUndefined();
    expect(validate('devspace', 'dev:\n  api:\n    ports: [2345\n')).toBeDefined();
  });
});
