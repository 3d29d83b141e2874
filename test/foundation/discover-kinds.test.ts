import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, classifyByName, classifyYaml, discover, mayBeScript, shebangShell, SHEBANG_PEEK_BYTES } from '../../src/discover/index.js';
import { validate } from '../../src/fix/validate.js';
import { LEADS_TO_YAML } from '../../src/parse/yaml-lib.js';
import { tempRepo } from '../helpers/repo.js';

describe('classifyByName: task runners, CI and build configs', () => {
  const cases: Record<string, string | undefined> = {
    // just: justfile and .justfile in any letter case, modules name.just / name/mod.just
    'justfile': 'justfile',
    'Justfile': 'justfile',
    '.justfile': 'justfile',
    'JUSTFILE': 'justfile',
    'sub/JustFile': 'justfile',
    'tools/build.just': 'justfile',
    'infra/mod.just': 'justfile',
    'justfile.bak': undefined,
    'my-justfile': undefined,
    'justfiles/README.md': 'markdown',
    // go-task: exactly its eight default names
    'Taskfile.yml': 'taskfile',
    'taskfile.yml': 'taskfile',
    'Taskfile.yaml': 'taskfile',
    'taskfile.yaml': 'taskfile',
    'Taskfile.dist.yml': 'taskfile',
    'taskfile.dist.yml': 'taskfile',
    'Taskfile.dist.yaml': 'taskfile',
    'svc/taskfile.dist.yaml': 'taskfile',
    'TASKFILE.yml': 'yaml',
    'mytaskfile.yml': 'yaml',
    'Taskfile.yml.bak': undefined,
    'taskfile.json': undefined,
    // package.json, any directory
    'package.json': 'package-json',
    'web/app/package.json': 'package-json',
    'package-lock.json': undefined,
    'Package.json': undefined,
    'package.json5': undefined,
    // GitLab CI
    '.gitlab-ci.yml': 'gitlab-ci',
    '.gitlab-ci.yaml': 'gitlab-ci',
    'templates/Go.gitlab-ci.yml': 'gitlab-ci',
    '.gitlab/ci/build.yml': 'gitlab-ci',
    '.gitlab/ci/jobs/test.yaml': 'gitlab-ci',
    'svc/.gitlab/ci/deploy.yml': 'gitlab-ci',
    '.gitlab/ci/docker-compose.yml': 'compose',
    '.gitlab/issue_templates/bug.md': undefined,
    'gitlab/ci/x.yml': 'yaml',
    'x.gitlab/ci/y.yml': 'yaml',
    '.gitlab-ci.yml.orig': undefined,
    // docker buildx bake
    'docker-bake.hcl': 'bake',
    'docker-bake.override.hcl': 'bake',
    'docker-bake.json': 'bake',
    'build/docker-bake.override.json': 'bake',
    'docker-bake.yml': 'yaml',
    'my-docker-bake.hcl': undefined,
    'docker-bake.hcl.bak': undefined,
    // Skaffold
    'skaffold.yaml': 'skaffold',
    'deploy/skaffold.yml': 'skaffold',
    'skaffold-dev.yaml': 'yaml',
    'skaffold.json': undefined,
    // air
    '.air.toml': 'air',
    'air.toml': 'air',
    'cmd/api/.air.conf': 'air',
    'air.conf': undefined,
    'hair.toml': undefined,
    '.air.yaml': 'yaml',
    // Source-code extensions are turned away first: only Dockerfile.<ext> / Containerfile.<ext> still name a Dockerfile.
    'cmd/api/main.go': undefined,
    'api/v1/service.proto': undefined,
    'build/Dockerfile.go': 'dockerfile',
    'CONTAINERFILE.txt': 'dockerfile',
    'docker/dockerfile.tmpl': 'dockerfile',
    'api-Dockerfile.go': undefined,
    'DockerfileDebug.go': undefined,
    'docker_test.go': undefined,
    'README.txt': undefined,
    // unchanged
    '.github/workflows/ci.yml': 'workflow',
    'docker-compose.yml': 'compose',
    'bin/dev': undefined,
  };
  for (const [path, kind] of Object.entries(cases)) {
    it(`${path} → ${kind ?? 'nothing'}`, () => expect(classifyByName(path)).toBe(kind));
  }

  it('classifies the workload kinds of operators that hold a pod template (Argo Rollout, Crossplane runtime config) as Kubernetes', () => {
    expect(classifyYaml('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {}\n')).toBe('kubernetes');
    expect(classifyYaml('apiVersion: pkg.crossplane.io/v1beta1\nkind: DeploymentRuntimeConfig\nspec: {}\n')).toBe('kubernetes');
    expect(classifyYaml('apiVersion: pkg.crossplane.io/v1\nkind: Function\nspec: {}\n')).toBeUndefined();
  });

  it('classifies a Skaffold config or an included Taskfile under another name by its content', () => {
    expect(classifyYaml('apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts: []\n')).toBe('skaffold');
    expect(classifyYaml("version: '3'\n\ntasks:\n  build:\n    cmds: [go build]\n")).toBe('taskfile');
    expect(classifyYaml('version: 3\ntasks: # all of them\n  a: echo\n')).toBe('taskfile');
    // Look-alikes: an Ansible play (tasks: nested), a Kubernetes kind, no version.
    expect(classifyYaml('- hosts: all\n  tasks:\n    - shell: echo\n')).toBeUndefined();
    expect(classifyYaml('tasks:\n  a: echo\n')).toBeUndefined();
    expect(classifyYaml('apiVersion: v1\nkind: Config\n')).toBeUndefined();
    expect(classifyYaml("version: '3'\nservices:\n  a: {}\ntasks:\n  b: x\n")).toBe('compose');
  });

  it('the YAML kinds lead to YAML; JSON and the others do not', () => {
    for (const k of ['taskfile', 'gitlab-ci', 'skaffold'] as const) expect(LEADS_TO_YAML.has(k), k).toBe(true);
    for (const k of ['justfile', 'package-json', 'bake', 'air'] as const) expect(LEADS_TO_YAML.has(k), k).toBe(false);
  });
});

describe('extensionless scripts: the shebang peek', () => {
  it('names worth opening', () => {
    for (const p of ['bin/dev', 'scripts/entrypoint', 'docker/run-debug', 'x/build_all']) expect(mayBeScript(p), p).toBe(true);
    for (const p of ['LICENSE', 'docs/README', 'CODEOWNERS', 'AUTHORS', 'NOTICE', 'VERSION', 'a/Licence', 'Procfile', 'x.txt', '.envrc', 'run.py', 'dir/']) expect(mayBeScript(p), p).toBe(false);
  });

  it('shebangShell names sh, bash, dash, ash, zsh and ksh only', () => {
    const yes: Record<string, string> = {
      '#!/bin/sh\necho': 'sh',
      '#!/usr/bin/env bash\n': 'bash',
      '#!/bin/bash -e\n': 'bash',
      '#! /bin/dash\n': 'dash',
      '#!/sbin/ash': 'ash',
      '#!/usr/bin/env -S bash -eu\n': 'bash',
      '#!/usr/bin/env LC_ALL=C zsh\n': 'zsh',
      '#!/bin/ksh\r\n': 'ksh',
    };
    for (const [head, sh] of Object.entries(yes)) expect(shebangShell(head), head).toBe(sh);
    for (const head of ['#!/usr/bin/env python3\n', '#!/usr/bin/perl -w\n', '#!/bin/shx\n', '# !/bin/sh\n', 'echo hi\n', '', '\ufeff#!/bin/sh\n', '#!/usr/bin/env\n', '\u007fELF\u0002\u0001']) {
      expect(shebangShell(head), JSON.stringify(head)).toBeUndefined();
    }
  });

  it('discovers extensionless shell scripts by their first line; other files are not read', () => {
    const root = tempRepo({
      'bin/dev': '#!/usr/bin/env bash\ndocker run --rm app dlv version\n',
      'bin/tool': '#!/usr/bin/env python3\nprint(1)\n',
      'bin/notes': 'docker run --rm app\n',
      'LICENSE': '#!/bin/sh\nnot a script\n',
      'scripts/entry': '#!/bin/sh -e\nexec dlv exec /app\n',
      'node_modules/x/bin/cli': '#!/bin/sh\necho\n',
    });
    const d = discover(new Workspace(root));
    expect(d.files.filter((f) => f.kind === 'shell').map((f) => f.path).sort()).toEqual(['bin/dev', 'scripts/entry']);
    expect(d.files.find((f) => f.path === 'bin/dev')!.text).toContain('dlv version');
    expect(d.skipped).toEqual([]);
  });

  it('a 2 MiB extensionless script is classified from its head, then skipped by the size cap', () => {
    const root = tempRepo({});
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts/big'), '#!/bin/bash\n' + 'echo padding line\n'.repeat((2 * 1024 * 1024) / 18) + 'exec dlv exec /app\n');
    const ws = new Workspace(root);
    const head = ws.head('scripts/big');
    expect(head!.length).toBeLessThanOrEqual(SHEBANG_PEEK_BYTES);
    expect(head!.startsWith('#!/bin/bash\n')).toBe(true);
    const d = discover(ws);
    expect(d.files).toEqual([]);
    expect(d.skipped).toHaveLength(1);
    expect(d.skipped[0]!.path).toBe('scripts/big');
    expect(d.skipped[0]!.reason).toMatch(/larger than 1 MiB/);
  });

  it('a file over the size cap, or binary, that names no debugger is skipped without a note', () => {
    const root = tempRepo({});
    mkdirSync(join(root, 'manifests'));
    // An operator's install bundle: 2 MiB of CRDs, privileged and seccomp words but no debugger.
    writeFileSync(join(root, 'manifests/install.yaml'), 'apiVersion: v1\nkind: ConfigMap\n' + '# privileged: true seccomp\n'.repeat((2 * 1024 * 1024) / 26));
    // A CRD bundle whose embedded PodSpec schema spells hostPID: and shareProcessNamespace.
    writeFileSync(join(root, 'manifests/crds.yaml'), 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n' + '  hostPID:\n    type: boolean\n  shareProcessNamespace:\n    type: boolean\n'.repeat((2 * 1024 * 1024) / 70));
    writeFileSync(join(root, 'manifests/utf-16.yaml'), Buffer.from('\ufeffkind: Pod\n', 'utf16le'));
    // The word across the 1 MiB chunk boundary is still found.
    const big = Buffer.alloc(1024 * 1024 + 64, 0x23);
    big.write('\nDlV', 1024 * 1024 - 2, 'latin1');
    writeFileSync(join(root, 'manifests/debug.yaml'), Buffer.concat([Buffer.from('kind: Pod\n'), big]));
    writeFileSync(join(root, 'Dockerfile.bin'), Buffer.from([0x46, 0x52, 0, 0x73, 0x74, 0x72, 0x61, 0x63, 0x65]));
    const d = discover(new Workspace(root));
    expect(d.skipped.map((s) => s.path).sort()).toEqual(['Dockerfile.bin', 'manifests/debug.yaml']);
  });

  it('never follows a symbolic link out of the root to peek, and follows one inside it', () => {
    const outside = tempRepo({ 'evil': '#!/bin/sh\necho outside\n', 'dir/run': '#!/bin/sh\necho outside\n' });
    const root = tempRepo({ 'real/run': '#!/bin/sh\necho inside\n' });
    symlinkSync(join(outside, 'evil'), join(root, 'evil'));
    symlinkSync(join(outside, 'dir'), join(root, 'outdir'));
    symlinkSync('real/run', join(root, 'inlink'));
    const ws = new Workspace(root);
    expect(ws.head('evil')).toBeUndefined();
    expect(ws.head('outdir/run')).toBeUndefined();
    expect(ws.head('../' + 'x')).toBeUndefined();
    expect(ws.head('inlink')).toMatch(/^#!\/bin\/sh/);
    const d = discover(ws);
    expect(d.files.map((f) => f.path).sort()).toEqual(['inlink', 'real/run']);
    expect(d.files.every((f) => !f.text.includes('outside'))).toBe(true);
  });

  it('a FIFO does not hang the peek', () => {
    const root = tempRepo({ 'bin/ok': '#!/bin/sh\necho\n' });
    execFileSync('mkfifo', [join(root, 'bin/pipe')]);
    const ws = new Workspace(root);
    const t = Date.now();
    expect(ws.head('bin/pipe')).toBeUndefined();
    const d = discover(ws);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(d.files.map((f) => f.path)).toEqual(['bin/ok']);
  });

  it('reads the overlay (a --fix dry run) instead of the disk', () => {
    const root = tempRepo({ 'bin/dev': 'echo\n' });
    const ws = new Workspace(root, new Map([['bin/dev', '#!/bin/sh\necho overlay\n']]));
    expect(ws.head('bin/dev')).toMatch(/^#!\/bin\/sh/);
    expect(discover(ws).files.map((f) => [f.path, f.kind])).toEqual([['bin/dev', 'shell']]);
  });
});

describe('discover: the new kinds', () => {
  it('reads each with its kind; node_modules is not walked', () => {
    const root = tempRepo({
      'justfile': 'run:\n    echo\n',
      'Taskfile.yml': "version: '3'\ntasks: {}\n",
      'taskfiles/docker.yml': "version: '3'\ntasks:\n  a: echo\n",
      'web/package.json': '{"scripts":{}}\n',
      'node_modules/dep/package.json': '{}\n',
      '.gitlab-ci.yml': 'job:\n  script: echo\n',
      '.gitlab/ci/more.yml': 'other:\n  script: echo\n',
      'docker-bake.hcl': 'target "x" {}\n',
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\n',
      'k8s/skaffold-dev.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\n',
      '.air.toml': '[build]\ncmd = "go build"\n',
    });
    const kinds = Object.fromEntries(discover(new Workspace(root)).files.map((f) => [f.path, f.kind]));
    expect(kinds).toEqual({
      'justfile': 'justfile',
      'Taskfile.yml': 'taskfile',
      'taskfiles/docker.yml': 'taskfile',
      'web/package.json': 'package-json',
      '.gitlab-ci.yml': 'gitlab-ci',
      '.gitlab/ci/more.yml': 'gitlab-ci',
      'docker-bake.hcl': 'bake',
      'skaffold.yaml': 'skaffold',
      'k8s/skaffold-dev.yaml': 'skaffold',
      '.air.toml': 'air',
    });
  });

  it('caps the nesting of package.json and docker-bake.json, not of docker-bake.hcl', () => {
    const deep = `{"a":${'['.repeat(300)}${']'.repeat(300)}}`;
    const root = tempRepo({ 'package.json': deep, 'docker-bake.json': deep, 'docker-bake.hcl': `x = ${'['.repeat(300)}${']'.repeat(300)}\n` });
    const ws = new Workspace(root);
    for (const [p, kind] of [['package.json', 'package-json'], ['docker-bake.json', 'bake']] as const) {
      const r = ws.read(p, kind);
      expect(r.ok ? 'read' : r.skip.reason, p).toMatch(/nested more than 256 levels/);
    }
    expect(ws.read('docker-bake.hcl', 'bake').ok).toBe(true);
  });
});

describe('validate: the new kinds', () => {
  it('taskfile, gitlab-ci and skaffold are YAML, duplicate keys included', () => {
    for (const k of ['taskfile', 'gitlab-ci', 'skaffold'] as const) {
      expect(validate(k, 'tasks:\n  a: echo\n'), k).toBeUndefined();
      expect(validate(k, 'a: [\n'), k).toBeTypeOf('string');
      expect(validate(k, 'a: 1\na: 2\n'), k).toMatch(/unique/);
    }
  });

  it('package.json and docker-bake.json are strict JSON', () => {
    expect(validate('package-json', '{"scripts": {"a": "b"}}\n')).toBeUndefined();
    expect(validate('package-json', '{"scripts": {"a": "b",}}\n')).toMatch(/JSON error/);
    expect(validate('package-json', '{"a": 1 // no\n}\n')).toMatch(/JSON error/);
    expect(validate('package-json', '{"a": \n')).toMatch(/JSON error/);
    expect(validate('bake', ' \n {"target": {"x": {"context": "."}}}\n')).toBeUndefined();
    expect(validate('bake', '{"target": {"x": }}\n')).toMatch(/JSON error/);
  });

  it('bake HCL, justfiles and air configs have no validator', () => {
    expect(validate('bake', 'target "x" {\n  context = "."\n')).toBeUndefined();
    expect(validate('bake', '')).toBeUndefined();
    expect(validate('justfile', 'this is {{ not valid\n')).toBeUndefined();
    expect(validate('air', '[build\ncmd = \n')).toBeUndefined();
  });
});
