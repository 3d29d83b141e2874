import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Workspace } from '../../src/discover/index.js';
import { Project } from '../../src/model/project.js';
import { commandFileOf, type CommandFile } from '../../src/model/cmdfiles.js';
import { makeSourceFile } from '../../src/source.js';
import type { FileKind } from '../../src/types.js';
import type { SimpleCommand, Word } from '../../src/parse/shell.js';
import { tempRepo } from '../helpers/repo.js';

function load(path: string, kind: FileKind, text: string): { c: CommandFile; project: Project } {
  const root = tempRepo({ [path]: text });
  const file = makeSourceFile(path, join(root, path), kind, text);
  const project = new Project(new Workspace(root), [file], []);
  return { c: commandFileOf(project, file), project };
}

const values = (c: CommandFile): string[][] => c.commands.map((cmd) => cmd.words.map((w) => w.value));
const source = (c: CommandFile, w: Word): string => c.file.text.slice(w.start, w.end);
/** The command holding a word with this value. */
const commandWith = (c: CommandFile, value: string): SimpleCommand => {
  const cmd = c.commands.find((x) => x.words.some((w) => w.value === value));
  if (!cmd) throw new Error(`no command with ${value}: ${JSON.stringify(values(c))}`);
  return cmd;
};
const word = (c: CommandFile, value: string): Word => commandWith(c, value).words.find((w) => w.value === value)!;

/** Every character of every word maps to the source character it came from, inside the word's range. */
function expectExactMaps(c: CommandFile): void {
  for (const cmd of c.commands) {
    for (const w of cmd.words) {
      expect(w.start, w.value).toBeGreaterThanOrEqual(0);
      expect(w.end, w.value).toBeLessThanOrEqual(c.file.text.length);
      expect(w.map).toHaveLength(w.value.length);
      for (let k = 0; k < w.value.length; k++) {
        const at = w.map[k]!;
        expect(at >= w.start && at < w.end, `${w.value}[${k}] inside ${w.start}-${w.end}`).toBe(true);
        expect(c.file.text[at], `${w.value}[${k}]`).toBe(w.value[k]);
      }
    }
  }
}

describe('commandFileOf: shell scripts', () => {
  const text = [
    '#!/bin/sh',
    'set -e',
    'IMAGE=myapp:dev',
    'export PORT=2345 HOST="0.0.0.0"',
    'readonly MODE=debug',
    'IMAGE=other',
    'if [ -n "$1" ]; then PORT=$1; fi',
    'LOG=1 docker run --rm -p "${PORT}:${PORT}" "$IMAGE" dlv exec /app --listen=:${PORT:-4000}',
    'echo ${MISSING:-fallback} $UNKNOWN ${SELF}',
    'SELF=${SELF:-self-default}',
    '',
  ].join('\n');

  it('finds the commands with exact offsets', () => {
    const { c } = load('scripts/debug.sh', 'shell', text);
    expect(values(c)).toContainEqual(['LOG=1', 'docker', 'run', '--rm', '-p', '${PORT}:${PORT}', '$IMAGE', 'dlv', 'exec', '/app', '--listen=:${PORT:-4000}']);
    expect(source(c, word(c, '${PORT}:${PORT}'))).toBe('"${PORT}:${PORT}"');
    expect(source(c, word(c, '$IMAGE'))).toBe('"$IMAGE"');
    expect(source(c, word(c, 'docker'))).toBe('docker');
    expectExactMaps(c);
  });

  it('reads NAME=value, export and readonly definitions; the first definition wins', () => {
    const { c } = load('debug.sh', 'shell', text);
    expect(Object.fromEntries(c.vars)).toEqual({ IMAGE: 'myapp:dev', PORT: '2345', HOST: '0.0.0.0', MODE: 'debug', SELF: '${SELF:-self-default}' });
    // LOG=1 before a command sets it for that command only.
    expect(c.vars.has('LOG')).toBe(false);
  });

  it('expands $X, ${X} and ${X:-default}; unknown references stay as written', () => {
    const { c } = load('debug.sh', 'shell', text);
    expect(c.expand('${PORT}:${PORT}')).toBe('2345:2345');
    expect(c.expand('$IMAGE')).toBe('myapp:dev');
    expect(c.expand('--listen=:${PORT:-4000}')).toBe('--listen=:2345');
    expect(c.expand('${MISSING:-fallback} $UNKNOWN ${UNKNOWN} ${X#y}')).toBe('fallback $UNKNOWN ${UNKNOWN} ${X#y}');
    // A variable is not expanded inside itself: its default applies.
    expect(c.expand('${SELF}')).toBe('self-default');
    expect(c.expand('$(IMAGE)')).toBe('$(IMAGE)');
  });
});

describe('commandFileOf: Makefiles', () => {
  const text = [
    'IMAGE ?= registry.local/app',
    'TAG := dev',
    'FULL = $(IMAGE):$(TAG)',
    'FLAGS = -gcflags=all="-N -l" # a comment',
    'FLAGS += -v',
    'export DLV_PORT ?= 2345',
    'SRCS = a.go \\',
    '\tb.go',
    'ifdef CI',
    'TAG := ci',
    'else',
    'TAG := local',
    'endif',
    'define RUN_DLV',
    'dlv exec --headless',
    'endef',
    'HASH = \\#1',
    'NOW != date',
    '',
    '.PHONY: debug',
    'debug: IMAGE = target-specific',
    'debug: build',
    '\t@docker run --rm -p $(DLV_PORT):$(DLV_PORT) $(FULL) \\',
    '\t  dlv exec /app',
    '\t-echo $$HOME "$${USER}"',
    '',
  ].join('\n');

  it('takes recipe lines (prefixes, continuations, $$) with exact offsets, not variable continuations', () => {
    const { c } = load('Makefile', 'makefile', text);
    expect(values(c)).toEqual([
      ['docker', 'run', '--rm', '-p', '$(DLV_PORT):$(DLV_PORT)', '$(FULL)', 'dlv', 'exec', '/app'],
      ['echo', '$HOME', '${USER}'],
    ]);
    expect(source(c, word(c, '$HOME'))).toBe('$$HOME');
    expect(source(c, word(c, '${USER}'))).toBe('"$${USER}"');
    expect(source(c, word(c, '$(FULL)'))).toBe('$(FULL)');
    expect(source(c, word(c, 'docker'))).toBe('docker');
    expectExactMaps(c);
  });

  it('reads variables the way make does', () => {
    const { c } = load('Makefile', 'makefile', text);
    expect(Object.fromEntries(c.vars)).toEqual({
      IMAGE: 'registry.local/app',
      TAG: 'dev', // ifdef/else: only a name not yet defined is set
      FULL: '$(IMAGE):$(TAG)',
      FLAGS: '-gcflags=all="-N -l" -v',
      DLV_PORT: '2345',
      SRCS: 'a.go b.go',
      RUN_DLV: 'dlv exec --headless',
      HASH: '#1',
    });
  });

  it('expands $(X) and ${X} recursively, $$ to $', () => {
    const { c } = load('Makefile', 'makefile', text);
    expect(c.expand('$(FULL)')).toBe('registry.local/app:dev');
    expect(c.expand('$(DLV_PORT):${DLV_PORT}')).toBe('2345:2345');
    expect(c.expand('$$HOME $(shell date) $(UNKNOWN)')).toBe('$HOME $(shell date) $(UNKNOWN)');
  });

  it('?= keeps the first, = and := replace, conditionals set only what is undefined', () => {
    const { c } = load('Makefile', 'makefile', 'A ?= 1\nA ?= 2\nB = 1\nB := 2\nifeq ($(X),y)\nC = in-if\nB = in-if\nendif\nD = x\nD += y\n');
    expect(Object.fromEntries(c.vars)).toEqual({ A: '1', B: '2', C: 'in-if', D: 'x y' });
  });

  it('handles CRLF recipes continued over several lines', () => {
    const { c } = load('Makefile', 'makefile', 'run:\r\n\tdocker run \\\r\n\t  --rm \\\r\n\t  img\r\n');
    expect(values(c)).toEqual([['docker', 'run', '--rm', 'img']]);
    expectExactMaps(c);
  });
});

describe('commandFileOf: GitHub workflows', () => {
  const text = [
    'name: ci',
    'env:',
    '  IMAGE: app:ci',
    'jobs:',
    '  debug:',
    '    runs-on: ubuntu-latest',
    '    env:',
    '      PORT: "2345"',
    '    steps:',
    '      - run: docker run -p $PORT:$PORT ${{ env.IMAGE }} dlv version',
    '      - shell: pwsh',
    '        run: Write-Host hi',
    '      - shell: bash -l {0}',
    '        run: |',
    '          echo one',
    '          dlv exec ./app',
    '',
  ].join('\n');

  it('takes run: blocks with exact offsets, skipping other shells', () => {
    const { c } = load('.github/workflows/ci.yml', 'workflow', text);
    expect(values(c)).toEqual([
      ['docker', 'run', '-p', '$PORT:$PORT', '${{ env.IMAGE }}', 'dlv', 'version'],
      ['echo', 'one'],
      ['dlv', 'exec', './app'],
    ]);
    expect(source(c, word(c, '${{ env.IMAGE }}'))).toBe('${{ env.IMAGE }}');
    expect(source(c, word(c, './app'))).toBe('./app');
    expectExactMaps(c);
  });

  it('maps block, folded plain and quoted scalars indented past 8 columns exactly', () => {
    const deep = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: docker run',
      '          --rm --cap-add=SYS_PTRACE img',
      '      - run: "dlv exec \\"./my app\\" --headless"',
      '      - run: |-',
      '              dlv attach 1',
      '',
      '              strace -p 2',
      '',
    ].join('\n');
    const { c } = load('.github/workflows/deep.yml', 'workflow', deep);
    expect(values(c)).toEqual([
      ['docker', 'run', '--rm', '--cap-add=SYS_PTRACE', 'img'],
      ['dlv', 'exec', './my app', '--headless'],
      ['dlv', 'attach', '1'],
      ['strace', '-p', '2'],
    ]);
    expect(source(c, word(c, '--cap-add=SYS_PTRACE'))).toBe('--cap-add=SYS_PTRACE');
    expect(source(c, word(c, 'strace'))).toBe('strace');
    expect(source(c, word(c, '--headless'))).toBe('--headless');
    for (const cmd of c.commands) for (const w of cmd.words) if (!w.quoted) expect(source(c, w)).toBe(w.value);
  });

  it('reads env: at the top level and per job or step', () => {
    const { c } = load('.github/workflows/ci.yml', 'workflow', text);
    expect(Object.fromEntries(c.vars)).toEqual({ IMAGE: 'app:ci', PORT: '2345' });
    const run = commandWith(c, 'docker');
    expect(c.expandFor(run, '$PORT:$PORT ${{ env.IMAGE }}')).toBe('2345:2345 app:ci');
    expect(c.varsFor(commandWith(c, 'one')).get('PORT')).toBe('2345');
  });
});

describe('commandFileOf: justfiles', () => {
  const text = [
    'set shell := ["bash", "-uc"]',
    'image := "registry.local/app"',
    "tag := 'dev'",
    'full := image + ":" + tag',
    'export DLV_PORT := "2345"',
    'version := `git describe`',
    'alias d := debug',
    '',
    '# run it under the debugger',
    'debug port="4000": build',
    '    @docker run --rm -p {{ port }}:{{port}} {{full}} \\',
    '      dlv exec /app --listen=:$DLV_PORT',
    '    -echo {{{{literal}}',
    '',
    '    @-echo after-blank $image',
    '',
    '[private]',
    '[script("bash")]',
    'scripted:',
    '    echo from-script {{image}}',
    '',
    'shebang:',
    '  #!/usr/bin/env bash',
    '  set -eu',
    '  dlv attach $(pgrep app)',
    '',
    'py:',
    '  #!/usr/bin/env python3',
    '  print("no")',
    '',
    'set-up:',
    '  echo set-up',
    '',
  ].join('\n');

  it('takes recipe lines (@ and - prefixes, continuations) and sh/bash scripts, with exact offsets', () => {
    const { c } = load('justfile', 'justfile', text);
    expect(values(c)).toEqual([
      ['docker', 'run', '--rm', '-p', '{{port}}:{{port}}', '{{full}}', 'dlv', 'exec', '/app', '--listen=:$DLV_PORT'],
      ['echo', '{{{{literal}}'],
      ['echo', 'after-blank', '$image'],
      ['echo', 'from-script', '{{image}}'],
      ['set', '-eu'],
      ['dlv', 'attach', '$(pgrep app)'],
      ['echo', 'set-up'],
    ]);
    // {{ port }} stays one word, whose range is the interpolation as written.
    expect(source(c, word(c, '{{port}}:{{port}}'))).toBe('{{ port }}:{{port}}');
    expect(source(c, word(c, 'docker'))).toBe('docker');
    expectExactMaps(c);
  });

  it('reads name := value (strings unquoted, + concatenated); settings and aliases are not variables', () => {
    const { c } = load('justfile', 'justfile', text);
    expect(c.vars.get('image')).toBe('registry.local/app');
    expect(c.vars.get('tag')).toBe('dev');
    expect(c.vars.get('DLV_PORT')).toBe('2345');
    expect(c.vars.get('version')).toBe('`git describe`');
    expect(c.vars.has('shell')).toBe(false);
    expect(c.vars.has('d')).toBe(false);
  });

  it('expands {{var}} and {{ var }}, $NAME only for exported variables, parameter defaults in their recipe', () => {
    const { c } = load('justfile', 'justfile', text);
    expect(c.expand('{{full}}')).toBe('registry.local/app:dev');
    expect(c.expand('{{ full }}')).toBe('registry.local/app:dev');
    expect(c.expand('--listen=:$DLV_PORT')).toBe('--listen=:2345');
    expect(c.expand('$image')).toBe('$image'); // not exported: the shell does not see it
    expect(c.expand('{{{{literal}}')).toBe('{{literal}}');
    expect(c.expand('{{ os() }} {{unknown}}')).toBe('{{ os() }} {{unknown}}');
    const debug = commandWith(c, 'docker');
    expect(c.expandFor(debug, '{{port}}:{{port}}')).toBe('4000:4000');
    expect(c.varsFor(commandWith(c, 'from-script')).has('port')).toBe(false);
  });

  it('set export puts every variable in the environment', () => {
    const { c } = load('justfile', 'justfile', 'set export\nport := "2345"\nrun:\n    dlv --listen=:$port\n');
    expect(c.expand('--listen=:$port')).toBe('--listen=:2345');
  });
});

describe('commandFileOf: Taskfiles', () => {
  const text = [
    "version: '3'",
    'vars:',
    '  IMAGE: registry.local/app',
    '  TAG: dev',
    "  FULL: '{{.IMAGE}}:{{.TAG}}'",
    '  GIT_SHA:',
    '    sh: git rev-parse HEAD',
    'env:',
    '  DLV_PORT: 2345',
    'tasks:',
    '  debug:',
    '    vars:',
    '      TAG: debug',
    '    cmds:',
    '      - docker run --rm -p $DLV_PORT:2345 {{.FULL}} dlv exec /app',
    '      - cmd: echo {{ .TAG }}',
    '      - task: build',
    '      - defer: echo done',
    '  build: go build -gcflags=all="-N -l" ./...',
    '  list:',
    '    - echo a',
    '  one:',
    '    cmd: "echo \\"quoted\\" one"',
    '',
  ].join('\n');

  it('takes cmds (strings, cmd: maps, defer:), shorthand tasks, with exact offsets', () => {
    const { c } = load('Taskfile.yml', 'taskfile', text);
    expect(values(c)).toEqual([
      ['docker', 'run', '--rm', '-p', '$DLV_PORT:2345', '{{.FULL}}', 'dlv', 'exec', '/app'],
      ['echo', '{{.TAG}}'],
      ['echo', 'done'],
      ['go', 'build', '-gcflags=all=-N -l', './...'],
      ['echo', 'a'],
      ['echo', 'quoted', 'one'],
    ]);
    expect(source(c, word(c, '{{.TAG}}'))).toBe('{{ .TAG }}');
    expect(source(c, word(c, '-gcflags=all=-N -l'))).toBe('-gcflags=all="-N -l"');
    expect(source(c, word(c, '{{.FULL}}'))).toBe('{{.FULL}}');
    expectExactMaps(c);
  });

  it('reads vars (sh: left unresolved) and env, and expands {{.X}} with a task scope', () => {
    const { c } = load('Taskfile.yml', 'taskfile', text);
    expect(c.vars.get('IMAGE')).toBe('registry.local/app');
    expect(c.vars.get('TAG')).toBe('dev');
    expect(c.vars.get('DLV_PORT')).toBe('2345');
    expect(c.vars.has('GIT_SHA')).toBe(false);
    expect(c.expand('{{.FULL}}')).toBe('registry.local/app:dev');
    expect(c.expand('{{ .FULL }} {{.GIT_SHA}} {{.CLI_ARGS}}')).toBe('registry.local/app:dev {{.GIT_SHA}} {{.CLI_ARGS}}');
    expect(c.expand('-p $DLV_PORT:2345 $IMAGE')).toBe('-p 2345:2345 $IMAGE'); // env names only for the shell
    expect(c.expandFor(commandWith(c, '{{.TAG}}'), '{{.TAG}}')).toBe('debug');
    expect(c.expandFor(commandWith(c, 'a'), '{{.TAG}}')).toBe('dev');
  });
});

describe('commandFileOf: package.json', () => {
  const text = [
    '{',
    '  "name": "x",',
    '  "scripts": {',
    '    "debug": "docker run --rm -p 2345:2345 app dlv exec /app",',
    '    "quoted": "echo \\"hi there\\" && dlv version",',
    '    "n": 5',
    '  },',
    '  "config": { "scripts": { "no": "echo not-a-script" } }',
    '}',
    '',
  ].join('\n');

  it('takes each scripts string; exact offsets without escapes', () => {
    const { c } = load('web/package.json', 'package-json', text);
    expect(values(c)).toEqual([
      ['docker', 'run', '--rm', '-p', '2345:2345', 'app', 'dlv', 'exec', '/app'],
      ['echo', 'hi there'],
      ['dlv', 'version'],
    ]);
    expect(source(c, word(c, '2345:2345'))).toBe('2345:2345');
    expect(source(c, word(c, 'docker'))).toBe('docker');
  });

  it('a string with escapes: every word points at the string\'s opening quote', () => {
    const { c } = load('package.json', 'package-json', text);
    const quote = text.indexOf('"echo');
    const escaped = c.commands.slice(1).flatMap((cmd) => cmd.words);
    expect(escaped.map((w) => w.value)).toEqual(['echo', 'hi there', 'dlv', 'version']);
    for (const w of escaped) {
      const v = w.value;
      expect(w.start, v).toBe(quote);
      expect(source(c, w), v).toBe('"');
      expect(w.map.every((m) => m === quote)).toBe(true);
    }
    expect(c.vars.size).toBe(0);
  });
});

describe('commandFileOf: GitLab CI', () => {
  const text = [
    'variables:',
    '  IMAGE: registry.local/app',
    '  PORT:',
    '    value: "2345"',
    '    description: the port',
    'default:',
    '  before_script:',
    '    - echo default-before',
    'before_script: echo top-before',
    '.template: &tpl',
    '  script:',
    '    - echo from-template',
    'debug:',
    '  <<: *tpl',
    '  variables:',
    '    MODE: debug',
    '  script:',
    '    - docker run --rm -p $PORT:$PORT $IMAGE dlv exec /app',
    '    - - echo nested',
    '    - !reference [.template, script]',
    '  after_script: echo after $MODE',
    '  hooks:',
    '    pre_get_sources_script: echo hook',
    'stages: [build]',
    'include:',
    '  - local: .gitlab/ci/x.yml',
    'image: golang:1.22',
    '',
  ].join('\n');

  it('takes script, before_script, after_script (strings, lists, nested lists) with exact offsets', () => {
    const { c } = load('.gitlab-ci.yml', 'gitlab-ci', text);
    expect(values(c)).toEqual([
      ['echo', 'top-before'],
      ['echo', 'default-before'],
      ['echo', 'from-template'],
      ['docker', 'run', '--rm', '-p', '$PORT:$PORT', '$IMAGE', 'dlv', 'exec', '/app'],
      ['echo', 'nested'],
      ['echo', 'after', '$MODE'],
      ['echo', 'hook'],
    ]);
    expect(source(c, word(c, '$PORT:$PORT'))).toBe('$PORT:$PORT');
    expectExactMaps(c);
  });

  it('reads variables (scalars and {value: …}) at the top level and per job', () => {
    const { c } = load('.gitlab-ci.yml', 'gitlab-ci', text);
    expect(c.vars.get('IMAGE')).toBe('registry.local/app');
    expect(c.vars.get('PORT')).toBe('2345');
    expect(c.expand('-p $PORT:$PORT ${IMAGE}')).toBe('-p 2345:2345 registry.local/app');
    expect(c.expandFor(commandWith(c, 'after'), 'after $MODE')).toBe('after debug');
    expect(c.varsFor(commandWith(c, 'top-before')).has('MODE')).toBe(false);
  });

  it('reads a file with a spec: header document', () => {
    const { c } = load('.gitlab/ci/build.yml', 'gitlab-ci', 'spec:\n  inputs:\n    x:\n---\nbuild:\n  script: go build ./...\n');
    expect(values(c)).toEqual([['go', 'build', './...']]);
  });
});

describe('commandFileOf: bounds and memoisation', () => {
  it('is memoised per project and file; kinds without commands give none', () => {
    const { c, project } = load('x.sh', 'shell', 'echo hi\n');
    expect(commandFileOf(project, c.file)).toBe(c);
    expect(load('docker-bake.hcl', 'bake', 'target "x" {}\n').c.commands).toEqual([]);
    expect(load('Dockerfile', 'dockerfile', 'FROM x\nRUN echo hi\n').c.commands).toEqual([]);
  });

  it('expansion stays bounded on exponential and self-referencing definitions', () => {
    const lines = ['V0 = x'];
    for (let k = 1; k <= 40; k++) lines.push(`V${k} = $(V${k - 1})$(V${k - 1})$(V${k - 1})`);
    lines.push('SELF = a$(SELF)b', 'P = $(Q)', 'Q = $(P)');
    const { c } = load('Makefile', 'makefile', lines.join('\n') + '\n');
    const t = Date.now();
    const out = c.expand('$(V40)');
    expect(Date.now() - t).toBeLessThan(2000);
    expect(out.length).toBeLessThan(200_000);
    expect(c.expand('$(SELF)')).toBe('a$(SELF)b');
    expect(c.expand('$(P)')).toBe('$(P)');
  });

  it('deeply nested YAML and unterminated templates do not throw', () => {
    const deep = `job:\n  script:\n${Array.from({ length: 50 }, (_, k) => `${'  '.repeat(k + 2)}- `).join('\n')}echo deep\n`;
    expect(() => load('.gitlab-ci.yml', 'gitlab-ci', deep)).not.toThrow();
    const { c } = load('justfile', 'justfile', `run:\n    echo ${'{{ '.repeat(5000)}\n`);
    expect(c.commands).toHaveLength(1);
    expect(c.expand('{{ x')).toBe('{{ x');
  });

  it('an unparsable YAML file gives no commands and a problem', () => {
    const { c, project } = load('Taskfile.yml', 'taskfile', 'tasks: [\n');
    expect(c.commands).toEqual([]);
    expect(project.problems.map((p) => p.path)).toEqual(['Taskfile.yml']);
  });
});

describe('shell names with a few values: loop variables and one-line arrays', () => {
  it('a loop over an array, through an assignment: one combination per value', () => {
    const { c } = load('run.sh', 'shell', '#!/bin/bash\nDISTROS=("debian" "alpine")\nfor d in "${DISTROS[@]}"; do\n  DISTRO="${d}"\n  docker build -t app-"${DISTRO}" -f "${DISTRO}".Dockerfile .\ndone\n');
    expect(c.multi.get('d')).toEqual(['debian', 'alpine']);
    expect(c.variants(['app-${DISTRO}', '${DISTRO}.Dockerfile']).map((m) => [...m])).toEqual([[['d', 'debian']], [['d', 'alpine']]]);
    expect(c.variants(['app-${OTHER}'])).toEqual([]);
  });
  it('literal loop words; two names multiply, capped at MAX_VARIANTS', () => {
    const { c } = load('b.sh', 'shell', 'for svc in api worker; do\n  for arch in amd64 arm64; do docker build -t acme/$svc:$arch .; done\ndone\nfor n in 1 2 3 4 5; do :; done\nfor m in a b; do :; done\n');
    expect(c.variants(['acme/$svc:$arch'])).toHaveLength(4);
    expect(c.variants(['$n-$m-$svc'])).toEqual([]);
  });
  it('an array over several lines, and an unquoted list variable of literal words', () => {
    const { c } = load('d.sh', 'shell', '#!/bin/bash\nSERVICES=(\n  "api"   # the HTTP API\n  "worker"\n)\nfor s in "${SERVICES[@]}"; do :; done\nLIST="cart pay"\nfor t in ${LIST}; do :; done\nfor u in "$LIST"; do :; done\n');
    expect(c.multi.get('s')).toEqual(['api', 'worker']);
    expect(c.multi.get('t')).toEqual(['cart', 'pay']);
    expect(c.multi.has('u')).toBe(false);
  });
  it('no values from a glob, a command substitution, an unknown variable, or a name the script sets once', () => {
    const { c } = load('c.sh', 'shell', 'for f in *.yaml; do :; done\nfor t in $(ls); do :; done\nfor u in $LIST; do :; done\nIMG=acme/api\nfor IMG in a b; do :; done\nARR=($(find .))\n');
    expect([...c.multi.keys()]).toEqual([]);
  });
});
