/**
 * Local devcontainer features (`"./dlv": {}` under `features`): the devcontainer CLI merges the capAdd,
 * securityOpt and privileged of their devcontainer-feature.json into the container, image-, Dockerfile- and
 * Compose-based alike. A local feature that turns seccomp off or runs privileged is the same workaround as
 * runArgs, reported where it is written; one that grants SYS_PTRACE is the narrow fix; what its install.sh
 * installs is what the container has. Fixes edit the feature's file and must re-parse.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { applyFixes } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { scanBrief, tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function repo(files: Record<string, string>): string {
  const r = tempRepo(files);
  roots.push(r);
  return r;
}

const GO_DC = (features: string) => `{\n  "name": "api",\n  "image": "golang:1.22",\n  "features": {\n${features}\n  }\n}\n`;
const FEATURE = (extra: string) => `{\n  "id": "debug",\n  "version": "1.0.0",\n  "name": "debug tools"${extra}\n}\n`;

describe('local devcontainer features', () => {
  it('seccomp=unconfined and privileged set by a local feature are reported in its devcontainer-feature.json', async () => {
    const root = repo({
      '.devcontainer/devcontainer.json': GO_DC('    "./debug": {}'),
      '.devcontainer/debug/devcontainer-feature.json': FEATURE(',\n  "securityOpt": ["seccomp=unconfined"],\n  "privileged": true'),
    });
    const b = await scanBrief(root);
    expect(b.map((x) => `${x.rule} ${x.path}:${x.line}`).sort()).toEqual([
      'PTD002 .devcontainer/debug/devcontainer-feature.json:5',
      'PTD003 .devcontainer/debug/devcontainer-feature.json:6',
    ]);
    expect(b.every((x) => x.fixable)).toBe(true);
    const out = await applyFixes({ root, write: false });
    const after = out.changed.find((c) => c.path === '.devcontainer/debug/devcontainer-feature.json')?.after;
    expect(after).toBeDefined();
    expect(validate('devcontainer', after!)).toBeUndefined();
    expect(JSON.parse(after!)).toEqual({ id: 'debug', version: '1.0.0', name: 'debug tools', capAdd: ['SYS_PTRACE'] });
    expect(out.after.findings.filter((f) => ['PTD001', 'PTD002', 'PTD003'].includes(f.ruleId))).toEqual([]);
  });

  it('a local feature that grants SYS_PTRACE next to seccomp=unconfined: PTD002, and its fix keeps the capability', async () => {
    const root = repo({
      '.devcontainer/devcontainer.json': GO_DC('    "./features/ptrace": {}'),
      '.devcontainer/features/ptrace/devcontainer-feature.json': FEATURE(',\n  "capAdd": ["SYS_PTRACE"],\n  "securityOpt": ["seccomp=unconfined"]'),
    });
    expect((await scanBrief(root)).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD002 .devcontainer/features/ptrace/devcontainer-feature.json:6']);
    const out = await applyFixes({ root, write: false });
    const after = out.changed.find((c) => c.path.endsWith('devcontainer-feature.json'))?.after ?? '';
    expect(validate('devcontainer', after)).toBeUndefined();
    expect(JSON.parse(after).capAdd).toEqual(['SYS_PTRACE']);
    expect(JSON.parse(after).securityOpt).toBeUndefined();
  });

  it('a local feature granting SYS_PTRACE stops PTD001 on a Go dev container', async () => {
    const without = repo({ '.devcontainer/devcontainer.json': GO_DC('    "./tools": {}'), '.devcontainer/tools/devcontainer-feature.json': FEATURE('') });
    expect((await scanBrief(without)).map((x) => x.rule)).toEqual(['PTD001']);
    const withCap = repo({ '.devcontainer/devcontainer.json': GO_DC('    "./tools": {}'), '.devcontainer/tools/devcontainer-feature.json': FEATURE(',\n  "capAdd": ["SYS_PTRACE"]') });
    expect(await scanBrief(withCap)).toEqual([]);
  });

  it('what its install.sh installs makes the container a debugging one (gdb on a base image)', async () => {
    const root = repo({
      '.devcontainer/devcontainer.json': '{\n  "name": "c",\n  "image": "mcr.microsoft.com/devcontainers/base:bookworm",\n  "features": { "./gdb": {} },\n  "runArgs": ["--security-opt", "seccomp=unconfined"]\n}\n',
      '.devcontainer/gdb/devcontainer-feature.json': FEATURE(''),
      '.devcontainer/gdb/install.sh': '#!/bin/sh\nset -e\napt-get update && apt-get install -y gdb\n',
    });
    expect((await scanBrief(root)).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD002 .devcontainer/devcontainer.json:5']);
  });

  it('a Compose-based dev container gets the feature settings too (the CLI adds them to its override)', async () => {
    const root = repo({
      '.devcontainer/devcontainer.json': '{\n  "name": "c",\n  "dockerComposeFile": "compose.yaml",\n  "service": "dev",\n  "features": { "./dbg": {} }\n}\n',
      '.devcontainer/compose.yaml': 'services:\n  dev:\n    image: golang:1.22\n    command: sleep infinity\n',
      '.devcontainer/dbg/devcontainer-feature.json': FEATURE(',\n  "securityOpt": ["seccomp=unconfined"]'),
      '.devcontainer/dbg/install.sh': '#!/bin/sh\ngo install github.com/go-delve/delve/cmd/dlv@v1.22.1\n',
    });
    expect((await scanBrief(root)).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD002 .devcontainer/dbg/devcontainer-feature.json:5']);
  });

  it('nothing on a dev container that is no debugging one, on registry features, or on an unused feature directory', async () => {
    // A Python dev container whose local feature turns seccomp off for a browser: no debugger anywhere.
    const py = repo({
      '.devcontainer/devcontainer.json': '{\n  "name": "py",\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "features": { "./chrome": {}, "ghcr.io/devcontainers/features/node:1": {} }\n}\n',
      '.devcontainer/chrome/devcontainer-feature.json': FEATURE(',\n  "securityOpt": ["seccomp=unconfined"]'),
      '.devcontainer/chrome/install.sh': '#!/bin/sh\napt-get install -y chromium\n',
    });
    expect(await scanBrief(py)).toEqual([]);
    // A feature directory no devcontainer.json names is not applied to anything.
    const unused = repo({
      '.devcontainer/devcontainer.json': GO_DC('    "ghcr.io/devcontainers/features/go:1": {}'),
      '.devcontainer/old/devcontainer-feature.json': FEATURE(',\n  "privileged": true'),
    });
    expect(await scanBrief(unused)).toEqual([]);
    // A path out of the repository is not read.
    const outside = repo({ '.devcontainer/devcontainer.json': GO_DC('    "../../x": {},\n    "ghcr.io/devcontainers/features/go:1": {}') });
    expect(await scanBrief(outside)).toEqual([]);
  });
});

describe('a Compose-based dev container whose service builds FROM an image that grants SYS_PTRACE', () => {
  it('mcr.microsoft.com/devcontainers/go in the Dockerfile the service builds: its metadata label grants it, no PTD001', async () => {
    const files = {
      '.devcontainer/devcontainer.json': '{\n  "name": "Go & db",\n  "dockerComposeFile": "docker-compose.yml",\n  "service": "app",\n  "customizations": { "vscode": { "extensions": ["golang.go"] } }\n}\n',
      '.devcontainer/docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    command: sleep infinity\n',
    };
    expect(await scanBrief(repo({ ...files, '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/go:1-1.23-bookworm\n' }))).toEqual([]);
    // The same on a plain Go image still lacks the capability.
    expect((await scanBrief(repo({ ...files, '.devcontainer/Dockerfile': 'FROM golang:1.23-bookworm\n' }))).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD001 .devcontainer/devcontainer.json:2']);
  });
});

describe('a Compose-based dev container on a Go image its service builds', () => {
  it('is a Go dev container without the Go extension: PTD001 at its name', async () => {
    const r = repo({
      '.devcontainer/devcontainer.json': '{\n  "name": "api",\n  "dockerComposeFile": "compose.yml",\n  "service": "dev"\n}\n',
      '.devcontainer/compose.yml': 'services:\n  dev:\n    build: .\n    command: sleep infinity\n',
      '.devcontainer/Dockerfile': 'FROM golang:1.23\nRUN apt-get update\n',
    });
    expect((await scanBrief(r)).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD001 .devcontainer/devcontainer.json:2']);
  });
  it('nothing on a Node image', async () => {
    const r = repo({
      '.devcontainer/devcontainer.json': '{\n  "name": "web",\n  "dockerComposeFile": "compose.yml",\n  "service": "dev"\n}\n',
      '.devcontainer/compose.yml': 'services:\n  dev:\n    build: .\n    command: sleep infinity\n',
      '.devcontainer/Dockerfile': 'FROM node:22\n',
    });
    expect(await scanBrief(r)).toEqual([]);
  });
});

describe('a local Docker-in-Docker feature runs privileged for dockerd', () => {
  it('no PTD003 on a Go dev container whose local docker-in-docker feature is privileged; it still grants the capability', async () => {
    const dind = '{\n  "id": "docker-in-docker",\n  "version": "2.5.0",\n  "name": "Docker (Docker-in-Docker)",\n  "entrypoint": "/usr/local/share/docker-init.sh",\n  "privileged": true\n}\n';
    const dc = (features: string) => `{\n  "build": { "dockerfile": "./Dockerfile" },\n  "features": {\n${features}\n  },\n  "customizations": { "vscode": { "extensions": ["golang.go"] } }\n}\n`;
    const base = { '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\n', '.devcontainer/local-features/docker-in-docker/devcontainer-feature.json': dind };
    expect(await scanBrief(repo({ ...base, '.devcontainer/devcontainer.json': dc('    "./local-features/docker-in-docker": { "version": "latest" }') }))).toEqual([]);
    // A privileged local feature that is no Docker-in-Docker one is the workaround.
    const other = repo({ ...base, '.devcontainer/local-features/tools/devcontainer-feature.json': '{\n  "id": "tools",\n  "privileged": true\n}\n', '.devcontainer/devcontainer.json': dc('    "./local-features/tools": {}') });
    expect((await scanBrief(other)).map((x) => `${x.rule} ${x.path}:${x.line}`)).toEqual(['PTD003 .devcontainer/local-features/tools/devcontainer-feature.json:3']);
  });
});
