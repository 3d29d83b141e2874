/**
 * Image builds declared by bake files (src/model/bake.ts) and skaffold.yaml
 * (src/model/skaffold.ts), read from temporary repositories through a
 * Project built the way engine.ts scan() builds one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/discover/index.js';
import { bakeBuilds } from '../../src/model/bake.js';
import type { ImageBuildSpec } from '../../src/model/images.js';
import { Project } from '../../src/model/project.js';
import { skaffoldBuilds } from '../../src/model/skaffold.js';
import { loadJsonc } from '../../src/parse/jsonc-lib.js';
import { loadYaml } from '../../src/parse/yaml-lib.js';
import type { FileKind, SourceFile, Span } from '../../src/types.js';
import { makeSourceFile } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

/** Files are read with the kind discovery gives them. */
const kindOf = (p: string): FileKind => (/skaffold[^/]*\.ya?ml$/.test(p) ? 'skaffold' : 'bake');

beforeAll(async () => {
  await loadYaml();
  await loadJsonc();
});

function repo(files: Record<string, string>): { project: Project; file: (p: string) => SourceFile } {
  const ws = new Workspace(tempRepo(files));
  const project = new Project(ws, [], []);
  return {
    project,
    file: (p) => {
      const f = project.file(p, kindOf(p));
      if (!f) throw new Error(`cannot read ${p}`);
      return f;
    },
  };
}

const text = (s: Span): string => s.file.text.slice(s.start, s.end);

/** A spec as plain data: paths, stage, tags with the source text of each, the label. */
function plain(s: ImageBuildSpec): Record<string, unknown> {
  return {
    at: text(s.span),
    tags: s.tags.map((t) => `${t.value} @ ${text(t.span)}`),
    dockerfile: s.dockerfile,
    context: s.context,
    target: s.target,
    ...(s.inline ? { inline: s.inline.value } : {}),
  };
}

function bake(files: Record<string, string>, path: string): { specs: ImageBuildSpec[]; project: Project } {
  const r = repo(files);
  return { specs: bakeBuilds(r.project, r.file(path)), project: r.project };
}

describe('bake (HCL)', () => {
  it('reads tags, Dockerfile, context and stage as repository-relative paths, with the spans of the label and tags', () => {
    const { specs } = bake(
      {
        'deploy/docker-bake.hcl': `
target "api" {
  context    = "../services/api"
  dockerfile = "build/Dockerfile.debug"
  target     = "debug"
  tags       = ["acme/api:debug", "ghcr.io/acme/api:debug"]
}
`,
      },
      'deploy/docker-bake.hcl',
    );
    expect(specs.map(plain)).toEqual([
      {
        at: '"api"',
        tags: ['acme/api:debug @ "acme/api:debug"', 'ghcr.io/acme/api:debug @ "ghcr.io/acme/api:debug"'],
        dockerfile: 'services/api/build/Dockerfile.debug',
        context: 'services/api',
        target: 'debug',
      },
    ]);
    expect(specs[0]!.how).toBe('bake');
    expect(specs[0]!.file.path).toBe('deploy/docker-bake.hcl');
  });

  it('defaults the context to the bake file directory and the Dockerfile to Dockerfile in it', () => {
    const { specs } = bake({ 'docker-bake.hcl': 'target "a" {}\ntarget "b" {\n  dockerfile = ""\n  context = "cwd://sub"\n}\n', 'svc/docker-bake.hcl': 'target "c" {\n  dockerfile = "cwd://Dockerfile.c"\n  context = "x"\n}\n' }, 'docker-bake.hcl');
    expect(specs.map((s) => [text(s.span), s.context, s.dockerfile, s.tags.length])).toEqual([
      ['"a"', '.', 'Dockerfile', 0],
      ['"b"', 'sub', 'sub/Dockerfile', 0],
    ]);
    const r = repo({ 'svc/docker-bake.hcl': 'target "c" {\n  dockerfile = "cwd://Dockerfile.c"\n  context = "x"\n}\n' });
    // A cwd:// Dockerfile is relative to the working directory (the bake file's), not to the context.
    expect(bakeBuilds(r.project, r.file('svc/docker-bake.hcl')).map((s) => [s.context, s.dockerfile])).toEqual([['svc/x', 'svc/Dockerfile.c']]);
  });

  it('interpolates variables: defaults, nested once or more, top-level attributes, bare references; unknown ones stay as written', () => {
    const { specs } = bake(
      {
        'docker-bake.hcl': `
variable "REGISTRY" { default = "ghcr.io/\${ORG}" }
variable "ORG" { default = "acme" }
variable "TAG" { default = "dev" }
variable "FROM_ENV" {}
variable "CTX" { default = "services/api" }
variable "STAGE" { default = "debug" }
TAG = "override"

target "api" {
  context = CTX
  dockerfile = "\${STAGE}.Dockerfile"
  target = "\${STAGE}-\${NOPE}"
  tags = [
    "\${REGISTRY}/api:\${TAG}",
    "api:\${FROM_ENV}",
    "api:\${ lower(TAG) }",
    "$\${NOT_A_VAR}",
    upper("x"),
  ]
}
`,
      },
      'docker-bake.hcl',
    );
    expect(specs.map(plain)).toEqual([
      {
        at: '"api"',
        tags: ['ghcr.io/acme/api:override @ "${REGISTRY}/api:${TAG}"', 'api:${FROM_ENV} @ "api:${FROM_ENV}"', 'api:${ lower(TAG) } @ "api:${ lower(TAG) }"', '${NOT_A_VAR} @ "$${NOT_A_VAR}"'],
        dockerfile: 'services/api/debug.Dockerfile',
        context: 'services/api',
        target: 'debug-${NOPE}',
      },
    ]);
  });

  it('leaves a context or Dockerfile with an unknown variable undefined, and survives variable cycles and blow-ups', () => {
    const { specs } = bake(
      {
        'docker-bake.hcl': `
variable "A" { default = "\${B}" }
variable "B" { default = "\${A}" }
variable "X0" { default = "xx" }
${Array.from({ length: 20 }, (_, i) => `variable "X${i + 1}" { default = "\${X${i}}\${X${i}}" }`).join('\n')}
target "cyc" {
  context = "\${A}"
  tags = ["a:\${A}", "big:\${X20}"]
}
target "unknown-df" {
  dockerfile = "\${WHO}/Dockerfile"
}
`,
      },
      'docker-bake.hcl',
    );
    const [cyc, df] = specs;
    expect(cyc!.context).toBeUndefined();
    expect(cyc!.dockerfile).toBeUndefined();
    expect(cyc!.tags[0]!.value).toMatch(/^a:\$\{[AB]\}$/);
    expect(cyc!.tags[1]!.value.length).toBeLessThanOrEqual(4096 + 10);
    expect([df!.context, df!.dockerfile]).toEqual([undefined, undefined]);
  });

  it('merges inherited targets first, in order, then the own attributes; tags replace; cycles and missing parents are harmless', () => {
    const { specs } = bake(
      {
        'docker-bake.hcl': `
target "_common" {
  context = "app"
  dockerfile = "Dockerfile.base"
  tags = ["base:latest"]
}
target "_debug" {
  dockerfile = "Dockerfile.debug"
  target = "debug"
}
target "api-debug" {
  inherits = ["_common", "_debug", "not-in-this-file"]
  tags = ["api:debug"]
}
target "api" {
  inherits = ["_common"]
  target = "prod"
}
target "grandchild" {
  inherits = ["api-debug"]
  context = "other"
}
target "loop-a" {
  inherits = ["loop-b"]
  tags = ["a"]
}
target "loop-b" {
  inherits = ["loop-a"]
  dockerfile = "B.Dockerfile"
}
`,
      },
      'docker-bake.hcl',
    );
    const by = new Map(specs.map((s) => [text(s.span), s]));
    expect(plain(by.get('"api-debug"')!)).toEqual({ at: '"api-debug"', tags: ['api:debug @ "api:debug"'], dockerfile: 'app/Dockerfile.debug', context: 'app', target: 'debug' });
    expect(plain(by.get('"api"')!)).toEqual({ at: '"api"', tags: ['base:latest @ "base:latest"'], dockerfile: 'app/Dockerfile.base', context: 'app', target: 'prod' });
    expect(plain(by.get('"grandchild"')!)).toEqual({ at: '"grandchild"', tags: ['api:debug @ "api:debug"'], dockerfile: 'other/Dockerfile.debug', context: 'other', target: 'debug' });
    expect(by.get('"loop-a"')).toMatchObject({ dockerfile: 'B.Dockerfile' });
    expect(by.get('"loop-a"')!.tags.map((t) => t.value)).toEqual(['a']);
    expect(by.get('"loop-b"')).toMatchObject({ dockerfile: 'B.Dockerfile' });
  });

  it('merges blocks of one target in order, later attributes winning', () => {
    const { specs } = bake({ 'docker-bake.hcl': 'target "app" {\n  dockerfile = "x"\n  tags = ["a"]\n}\ntarget "app" {\n  dockerfile = "y"\n}\n' }, 'docker-bake.hcl');
    expect(specs.map((s) => [text(s.span), s.dockerfile, s.tags.map((t) => t.value)])).toEqual([['"app"', 'y', ['a']]]);
  });

  it('leaves paths that leave the repository, absolute paths and remote contexts undefined', () => {
    const { specs } = bake(
      {
        'ci/docker-bake.hcl': `
target "up" { context = "../.." }
target "df-up" { dockerfile = "../../../Dockerfile" }
target "abs" { context = "/src" }
target "abs-df" { dockerfile = "/etc/Dockerfile" }
target "git" { context = "https://github.com/acme/api.git#main" }
target "ssh" { context = "git@github.com:acme/api.git" }
target "inside" { context = ".." }
`,
      },
      'ci/docker-bake.hcl',
    );
    expect(specs.map((s) => [text(s.span), s.context, s.dockerfile])).toEqual([
      ['"up"', undefined, undefined],
      ['"df-up"', undefined, undefined],
      ['"abs"', undefined, undefined],
      ['"abs-df"', undefined, undefined],
      ['"git"', undefined, undefined],
      ['"ssh"', undefined, undefined],
      ['"inside"', '.', 'Dockerfile'],
    ]);
  });

  it('reads dockerfile-inline (a heredoc) instead of a Dockerfile', () => {
    const hcl = 'variable "DLV" { default = "v1.22.0" }\ntarget "dbg" {\n  dockerfile = "ignored"\n  dockerfile-inline = <<EOT\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@${DLV}\nEOT\n}\n';
    const { specs } = bake({ 'docker-bake.hcl': hcl }, 'docker-bake.hcl');
    const s = specs[0]!;
    expect(s.inline?.value).toBe('FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.0\n');
    expect(text(s.inline!.span).startsWith('<<EOT\nFROM golang')).toBe(true);
    expect(s.dockerfile).toBeUndefined();
    expect(s.context).toBe('.');
  });

  it('reports a file that does not parse, with the offset, and returns no builds', () => {
    const broken = 'target "a" {\n  tags = ["x",\n}\n';
    const { specs, project } = bake({ 'docker-bake.hcl': broken }, 'docker-bake.hcl');
    expect(specs).toEqual([]);
    expect(project.problems).toHaveLength(1);
    const p = project.problems[0]!;
    expect(p.path).toBe('docker-bake.hcl');
    expect(p.reason).toMatch(/^could not be parsed as HCL: /);
    expect(p.span!.start).toBe(broken.indexOf('}'));
  });

  it('reads a file with another name alone', () => {
    const { specs } = bake({ 'bake/ci.hcl': 'target "ci" {\n  context = ".."\n  tags = ["ci"]\n}\n', 'bake/docker-bake.hcl': 'target "other" {}\n' }, 'bake/ci.hcl');
    expect(specs.map((s) => [text(s.span), s.context, s.dockerfile])).toEqual([['"ci"', '.', 'Dockerfile']]);
  });
});

describe('bake (the default files of a directory, merged)', () => {
  const files = {
    'docker-bake.hcl': 'variable "TAG" { default = "dev" }\ntarget "api" {\n  context = "api"\n  tags = ["acme/api:${TAG}"]\n}\n',
    'docker-bake.override.hcl': 'TAG = "local"\ntarget "api" {\n  target = "debug"\n}\ntarget "extra" {\n  inherits = ["api"]\n  tags = ["extra"]\n}\n',
  };

  it('merges docker-bake.override.hcl into docker-bake.hcl, and the override alone yields nothing', () => {
    const r = repo(files);
    const specs = bakeBuilds(r.project, r.file('docker-bake.hcl'));
    expect(specs.map((s) => [s.file.path, text(s.span), s.context, s.dockerfile, s.target, s.tags.map((t) => `${t.value} @ ${t.span.file.path}`)])).toEqual([
      ['docker-bake.hcl', '"api"', 'api', 'api/Dockerfile', 'debug', ['acme/api:local @ docker-bake.hcl']],
      ['docker-bake.override.hcl', '"extra"', 'api', 'api/Dockerfile', 'debug', ['extra @ docker-bake.override.hcl']],
    ]);
    expect(bakeBuilds(r.project, r.file('docker-bake.override.hcl'))).toEqual([]);
  });

  it('returns no builds of the set when one of its files does not parse, and reports that file', () => {
    const r = repo({ ...files, 'docker-bake.override.hcl': 'target "api" {\n' });
    expect(bakeBuilds(r.project, r.file('docker-bake.hcl'))).toEqual([]);
    expect(r.project.problems.map((p) => [p.path, p.reason.startsWith('could not be parsed as HCL: ')])).toEqual([['docker-bake.override.hcl', true]]);
  });

  it('puts docker-bake.json first when both forms are present', () => {
    const r = repo({ 'docker-bake.json': '{"target": {"web": {"context": "web"}}}', 'docker-bake.hcl': 'target "web" {\n  tags = ["web"]\n}\n' });
    expect(bakeBuilds(r.project, r.file('docker-bake.hcl'))).toEqual([]);
    const specs = bakeBuilds(r.project, r.file('docker-bake.json'));
    expect(specs.map((s) => [s.file.path, s.context, s.tags.map((t) => t.value)])).toEqual([['docker-bake.json', 'web', ['web']]]);
  });
});

describe('bake (JSON)', () => {
  it('reads targets, variables and inherits, with the spans of the name and each tag string', () => {
    const json = `{
  // comments and trailing commas are accepted, as jsonc-parser reads them
  "variable": { "TAG": { "default": "latest" }, "REPO": [{ "default": "acme/\${NAME}" }], "NAME": { "default": "web" } },
  "group": { "default": { "targets": ["webapp"] } },
  "target": {
    "base": { "context": "src", "dockerfile": "Dockerfile.dev" },
    "webapp": { "inherits": ["base"], "target": "debug", "tags": ["\${REPO}:\${TAG}", "web:local"], },
    "inline": { "dockerfile-inline": "FROM alpine\\nRUN apk add gdb\\n" }
  }
}`;
    const { specs } = bake({ 'docker-bake.json': json }, 'docker-bake.json');
    expect(specs.map(plain)).toEqual([
      { at: '"base"', tags: [], dockerfile: 'src/Dockerfile.dev', context: 'src', target: undefined },
      { at: '"webapp"', tags: ['acme/web:latest @ "${REPO}:${TAG}"', 'web:local @ "web:local"'], dockerfile: 'src/Dockerfile.dev', context: 'src', target: 'debug' },
      { at: '"inline"', tags: [], dockerfile: undefined, context: '.', target: undefined, inline: 'FROM alpine\nRUN apk add gdb\n' },
    ]);
  });

  it('reports JSON that does not parse, a broken template in a string, and hostile nesting', () => {
    for (const [json, reason] of [
      ['{"target": {"a": {"tags": ["x" "y"]}}}', /^could not be parsed as JSON: /],
      ['{"target": {"a": {"tags": ["${x"]}}}', /^could not be parsed as HCL: .*not closed/],
    ] as const) {
      const { specs, project } = bake({ 'docker-bake.json': json }, 'docker-bake.json');
      expect(specs).toEqual([]);
      expect(project.problems.map((p) => p.reason)).toEqual([expect.stringMatching(reason)]);
    }
    // Nesting that would overflow jsonc-parser's stack: refused by the builder itself too, whoever read the file.
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = repo({ 'x.txt': '' });
    expect(bakeBuilds(r.project, makeSourceFile('docker-bake.json', '/x/docker-bake.json', 'bake', deep))).toEqual([]);
    expect(r.project.problems.map((p) => p.reason)).toEqual(['is nested more than 256 levels deep']);
  });
});

describe('skaffold', () => {
  function skaffold(files: Record<string, string>, path = 'skaffold.yaml'): { specs: ImageBuildSpec[]; project: Project } {
    const r = repo(files);
    return { specs: skaffoldBuilds(r.project, r.file(path)), project: r.project };
  }

  it('reads build.artifacts and every profile, in every document, with defaults and repository-relative paths', () => {
    const { specs } = skaffold(
      {
        'deploy/skaffold.yaml': `apiVersion: skaffold/v4beta11
kind: Config
metadata: { name: api }
build:
  artifacts:
    - image: acme/api
      context: ../services/api
      docker:
        dockerfile: build/Dockerfile
        target: prod
    - image: acme/worker
      context: ../worker
    - image: acme/jib
      jib: {}
    - image: acme/kaniko
      kaniko:
        dockerfile: Dockerfile.kaniko
profiles:
  - name: debug
    build:
      artifacts:
        - image: acme/api
          context: ../services/api
          docker:
            dockerfile: build/Dockerfile
            target: debug
  - name: no-build
---
apiVersion: skaffold/v4beta11
kind: Config
metadata: { name: tools }
build:
  artifacts:
    - image: acme/tools
---
apiVersion: v1
kind: ConfigMap
build:
  artifacts:
    - image: not/skaffold
`,
      },
      'deploy/skaffold.yaml',
    );
    expect(specs.map(plain)).toEqual([
      { at: 'acme/api', tags: ['acme/api @ acme/api'], dockerfile: 'services/api/build/Dockerfile', context: 'services/api', target: 'prod' },
      { at: 'acme/worker', tags: ['acme/worker @ acme/worker'], dockerfile: 'worker/Dockerfile', context: 'worker', target: undefined },
      { at: 'acme/kaniko', tags: ['acme/kaniko @ acme/kaniko'], dockerfile: 'deploy/Dockerfile.kaniko', context: 'deploy', target: undefined },
      { at: 'acme/api', tags: ['acme/api @ acme/api'], dockerfile: 'services/api/build/Dockerfile', context: 'services/api', target: 'debug' },
      { at: 'acme/tools', tags: ['acme/tools @ acme/tools'], dockerfile: 'deploy/Dockerfile', context: 'deploy', target: undefined },
    ]);
    expect(specs.every((s) => s.how === 'skaffold' && s.file.path === 'deploy/skaffold.yaml')).toBe(true);
  });

  it('follows YAML aliases through the yaml helpers', () => {
    const { specs } = skaffold({
      'skaffold.yaml': `apiVersion: skaffold/v4beta11
kind: Config
build:
  artifacts: &arts
    - image: "acme/app"
      docker: &dbg { dockerfile: Dockerfile.debug, target: debug }
profiles:
  - name: same
    build:
      artifacts: *arts
  - name: other
    build:
      artifacts:
        - image: acme/other
          context: other
          docker: *dbg
`,
    });
    expect(specs.map((s) => [text(s.span), s.dockerfile, s.target])).toEqual([
      ['"acme/app"', 'Dockerfile.debug', 'debug'],
      ['"acme/app"', 'Dockerfile.debug', 'debug'],
      ['acme/other', 'other/Dockerfile.debug', 'debug'],
    ]);
  });

  it('leaves paths outside the repository undefined and skips artifacts without an image', () => {
    const { specs } = skaffold({
      'skaffold.yaml': `apiVersion: skaffold/v4beta11
kind: Config
build:
  artifacts:
    - image: up
      context: ../elsewhere
    - image: df-up
      docker: { dockerfile: ../../Dockerfile }
    - image: abs
      context: /src
    - context: no-image
`,
    });
    expect(specs.map((s) => [text(s.span), s.context, s.dockerfile])).toEqual([
      ['up', undefined, undefined],
      ['df-up', undefined, undefined],
      ['abs', undefined, undefined],
    ]);
  });

  it('reports YAML that does not parse and returns no builds', () => {
    const { specs, project } = skaffold({ 'skaffold.yaml': 'build:\n  artifacts:\n    - image: [unclosed\n' });
    expect(specs).toEqual([]);
    expect(project.problems.map((p) => [p.path, p.reason.startsWith('could not be parsed as YAML: ')])).toEqual([['skaffold.yaml', true]]);
  });
});
