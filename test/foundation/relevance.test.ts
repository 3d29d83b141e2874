/**
 * The relevance filter (src/model/relevance.ts) may skip parsing a file only
 * when the file cannot change a finding. Checked three ways: unit tests of
 * the link tests, hand-made repositories where a file without any debugger
 * word is what links a launch to its debugger, and whole repositories (the
 * fixtures, the container-suite fixtures, generated monorepos) scanned with
 * and without the filter.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { Relevance, composePartner, delveInstallsAllPinned, isHot, mayBuild, mayNameDelveModule } from '../../src/model/relevance.js';
import { makeSourceFile } from '../../src/source.js';
import type { FileKind } from '../../src/types.js';
import { FIXTURES, ROOT, tempRepo } from '../helpers/repo.js';
// @ts-expect-error plain JavaScript module without types
import { generate } from '../../bench/generate.mjs';

const sf = (path: string, text: string, kind: FileKind = 'compose') => makeSourceFile(path, `/x/${path}`, kind, text);

/** Findings as comparable strings; PTD900 notes kept apart. */
async function both(root: string): Promise<{ filtered: string[]; everything: string[]; parsedLess: string[] }> {
  const key = (f: { ruleId: string; span: { file: { path: string }; start: number }; fingerprint: string; fix?: unknown }) => `${f.span.file.path}@${f.span.start} ${f.ruleId} ${f.fingerprint} ${f.fix ? 'fix' : ''}`;
  const a = await scan({ root });
  const b = await scan({ root, readEverything: true });
  const filtered = a.findings.filter((f) => f.ruleId !== 'PTD900').map(key);
  const everything = b.findings.filter((f) => f.ruleId !== 'PTD900').map(key);
  const notesA = new Set(a.findings.filter((f) => f.ruleId === 'PTD900').map(key));
  const parsedLess = b.findings.filter((f) => f.ruleId === 'PTD900' && !notesA.has(key(f))).map(key);
  return { filtered, everything, parsedLess };
}

describe('link tests', () => {
  it('knows the debugger words in any letter case, and nothing else', () => {
    for (const t of ['CMD ["dlv", "exec"]', 'RUN apk add GDB', 'cap_add: [SYS_PTRACE]', 'go install github.com/go-delve/delve/cmd/dlv', 'py-spy dump', 'ltrace -p 1', 'STRACE']) expect(isHot(sf('a.yml', t)), t).toBe(true);
    for (const t of ['services:\n  web:\n    build: .\n', 'FROM golang:1.22\nRUN go build ./...\n', 'privileged: true']) expect(isHot(sf('b.yml', t)), t).toBe(false);
  });

  it('a build may reach a Dockerfile by naming it, its directory, or by . and .. alone', () => {
    expect(mayBuild(sf('svc/compose.yml', 'build: .'), 'svc/Dockerfile')).toBe(true);
    expect(mayBuild(sf('svc/a/compose.yml', 'build: ../..'), 'Dockerfile')).toBe(true);
    expect(mayBuild(sf('svc/a/compose.yml', 'build: ..'), 'svc/Dockerfile')).toBe(true);
    expect(mayBuild(sf('deploy/compose.yml', 'build: ../api'), 'api/Dockerfile')).toBe(true);
    expect(mayBuild(sf('compose.yml', 'build: {context: x/../api}'), 'api/Dockerfile')).toBe(true);
    expect(mayBuild(sf('compose.yml', 'dockerfile: docker/Dockerfile.debug'), 'docker/Dockerfile.debug')).toBe(true);
    // Not named, not reachable with . and ..
    expect(mayBuild(sf('deploy/compose.yml', 'build: ../web'), 'api/Dockerfile')).toBe(false);
    expect(mayBuild(sf('compose.yml', 'build: .'), 'Dockerfile.debug')).toBe(false);
    expect(mayBuild(sf('svc/compose.yml', 'build: .'), 'svc/sub/Dockerfile')).toBe(false);
  });

  it('a Dockerfile may go-install delve only when the module path is spelled, give or take quotes, escapes and continuations', () => {
    for (const t of [
      'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
      'RUN go install "github.com/go-delve/delve/cmd/"dlv@v1.22.0',
      "RUN go get 'github.com/derekparker/delve/cmd/dlv'",
      'RUN go install github.com/go-delve/delve/cm\\\nd/dlv@latest',
      'RUN go install github.com/go-delve/delve/cmd/\\dlv',
      '# escape=`\nRUN go install github.com/go-delve/delve/cmd`\r\n/dlv',
    ]) expect(mayNameDelveModule(t), t).toBe(true);
    for (const t of ['CMD ["dlv", "exec", "/app"]', 'RUN apt-get install -y delve', 'COPY --from=build /go/bin/dlv /dlv', 'RUN go install github.com/go-delve/delve/cmd/$TOOL']) expect(mayNameDelveModule(t), t).toBe(false);
  });

  it('a Dockerfile whose every delve install is a pinned go install of the current module cannot be reported by PTD011 or PTD012', () => {
    for (const t of [
      'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\n',
      'RUN go install "github.com/go-delve/delve/cmd/dlv@v1.22.1"',
      'RUN set -e; \\\n    go install github.com/go-delve/delve/cmd/dlv@v1.25.2 \\\n && go build ./...',
      'RUN <<EOF\ngo install github.com/go-delve/delve/cmd/dlv@v1.24.0\nEOF',
      'RUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nRUN (go install github.com/go-delve/delve/cmd/dlv@v1.22.1)',
      'FROM golang:1.22\nCMD ["dlv", "exec", "/app"]\n',
    ]) expect(delveInstallsAllPinned(t), t).toBe(true);
    for (const t of [
      'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
      'RUN go install github.com/go-delve/delve/cmd/dlv',
      'RUN go install github.com/go-delve/delve/cmd/dlv@master',
      'RUN go install github.com/go-delve/delve/cmd/dlv@"latest"',
      // A build argument's default may be latest (ARG DLV_VERSION=latest): the file is parsed.
      'RUN apt-get update && go install github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}',
      'RUN go install github.com/go-delve/delve/cmd/dlv \\\n  @v1.25.2',
      'RUN go get github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN go get -u github.com/go-delve/delve/cmd/dlv',
      'RUN go install github.com/derekparker/delve/cmd/dlv@v1.25.2',
      'RUN go get install github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN sudo go get go install github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN go install -v github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN CGO_ENABLED=0 go install github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN ["go", "install", "github.com/go-delve/delve/cmd/dlv@v1.25.2"]',
      'run go install github.com/go-delve/delve/cmd/dlv@v1.25.2',
      'RUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2 && go install github.com/go-delve/delve/cmd/dlv@latest',
      `RUN x=${'y'.repeat(60)}\\\n go install github.com/go-delve/delve/cmd/dlv@v1.25.2`,
    ]) expect(delveInstallsAllPinned(t), t).toBe(false);
  });

  it('a file asked about before an image name is known is asked again for the new names only, and stays hot once found', () => {
    const script = sf('scripts/debug.sh', 'dlv exec /app --headless\n', 'shell');
    const runner = sf('scripts/run.sh', 'exec ./debug.sh\n', 'shell');
    const copying = sf('api/Dockerfile', 'FROM golang\nCOPY scripts/run.sh /run.sh\n', 'dockerfile');
    const plain = sf('web/Dockerfile', 'FROM nginx\n', 'dockerfile');
    const compose = sf('compose.yaml', 'services:\n  api:\n    image: acme/api-debug\n');
    const other = sf('deploy/compose.yaml', 'services:\n  web:\n    image: acme/web\n');
    const r = new Relevance([script, runner, copying, plain, compose, other]);
    // run.sh leads to debug.sh, and the Dockerfile that copies run.sh is as good as hot.
    expect(r.dockerfileMayMatter(copying)).toBe(true);
    expect(r.dockerfileMayMatter(plain)).toBe(false);
    expect(r.composeFiles(new Set()).map((f) => f.path)).toEqual([]);
    r.addImageNames(['acme/api-debug']);
    expect(r.composeFiles(new Set()).map((f) => f.path)).toEqual(['compose.yaml']);
    r.addImageNames(['registry.example/acme/web']);
    expect(r.composeFiles(new Set()).map((f) => f.path)).toEqual(['compose.yaml', 'deploy/compose.yaml']);
    expect(r.dockerfileMayMatter(plain)).toBe(false);
  });

  it('pairs a Compose file with its override', () => {
    expect(composePartner('a/docker-compose.yml')).toBe('a/docker-compose.override.yml');
    expect(composePartner('a/docker-compose.override.yml')).toBe('a/docker-compose.yml');
    expect(composePartner('compose.override.yaml')).toBe('compose.yaml');
  });
});

describe('a file without a debugger word that links a launch to one is still read', () => {
  const cases: Array<{ name: string; files: Record<string, string>; expect: Array<[string, string]> }> = [
    {
      name: 'Compose builds a Dockerfile that runs dlv (same directory)',
      files: { 'svc/docker-compose.yml': 'services:\n  api:\n    build: .\n', 'svc/Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n' },
      expect: [['PTD001', 'svc/docker-compose.yml']],
    },
    {
      name: 'Compose builds it from another directory, by a non-default name',
      files: { 'deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ../api\n      dockerfile: Dockerfile.debug\n', 'api/Dockerfile.debug': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n' },
      expect: [['PTD001', 'deploy/compose.yaml']],
    },
    {
      name: 'Compose builds a Dockerfile-dev (a dashed name is discovered too)',
      files: { 'docker-compose.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile-dev\n', 'Dockerfile-dev': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n' },
      expect: [['PTD001', 'docker-compose.yml']],
    },
    {
      name: 'Compose builds a Dockerfile whose name discovery does not know (dockerfile: Watcherfile)',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Watcherfile\n    security_opt:\n      - seccomp:unconfined\n', Watcherfile: 'FROM golang:1.16\nRUN go get github.com/go-delve/delve/cmd/dlv\nCMD modd\n' },
      expect: [['PTD011', 'Watcherfile'], ['PTD002', 'docker-compose.yml']],
    },
    {
      name: "the only debugger word is in nodemon.json, which the image's CMD runs nodemon with",
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    volumes: [".:/app"]\n', Dockerfile: 'FROM golang:1.22\nRUN npm install -g nodemon\nWORKDIR /app\nCMD ["nodemon"]\n', 'nodemon.json': '{ "exec": "dlv debug --headless --listen=:2345 ." }\n' },
      expect: [['PTD001', 'compose.yaml'], ['PTD008', 'nodemon.json']],
    },
    {
      name: 'the only debugger word is in modd.conf',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    volumes: [".:/src"]\n    ports: ["2345:2345"]\n', Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCMD ["modd"]\n', 'modd.conf': '**/*.go {\n  daemon: dlv debug --headless --listen=:2345 .\n}\n' },
      expect: [['PTD001', 'compose.yaml'], ['PTD007', 'compose.yaml']],
    },
    {
      name: 'Compose builds the repository root Dockerfile from a sub-directory',
      files: { 'deploy/dev/compose.yml': 'services:\n  api:\n    build: ../..\n', Dockerfile: 'FROM golang:1.22\nCMD ["strace", "-p", "1"]\n' },
      expect: [['PTD001', 'deploy/dev/compose.yml']],
    },
    {
      name: 'a cold base file and a hot override',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    image: api\n    privileged: true\n',
        'docker-compose.override.yml': 'services:\n  api:\n    command: dlv attach 1\n',
      },
      expect: [['PTD003', 'docker-compose.yml']],
    },
    {
      name: 'a cold override of a hot base file',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    image: api\n    command: dlv attach 1\n',
        'docker-compose.override.yml': 'services:\n  api:\n    security_opt: [seccomp=unconfined]\n',
      },
      expect: [['PTD002', 'docker-compose.override.yml']],
    },
    {
      name: 'a cold file extends a service of a hot one',
      files: {
        'base/common.yml': 'services:\n  dbg:\n    image: api\n    command: dlv attach 1\n',
        'app/docker-compose.yml': 'services:\n  api:\n    extends:\n      file: ../base/common.yml\n      service: dbg\n',
      },
      expect: [['PTD001', 'app/docker-compose.yml']],
    },
    {
      name: 'a Makefile builds and runs an image whose Dockerfile runs dlv',
      files: {
        Makefile: 'run:\n\tdocker build -t app -f build/Dockerfile.dev .\n\tdocker run --rm app\n',
        'build/Dockerfile.dev': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n',
      },
      expect: [['PTD001', 'Makefile']],
    },
    {
      name: 'a cold Service exposes a hot Deployment\'s delve port',
      files: {
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    metadata:\n      labels: {app: api-debug}\n    spec:\n      containers:\n        - name: api\n          image: api\n          securityContext: {capabilities: {add: [SYS_PTRACE]}}\n          command: [dlv, exec, /app, --headless, --listen=:2345]\n          ports: [{containerPort: 2345}]\n',
        'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  type: NodePort\n  selector: {app: api-debug}\n  ports:\n    - port: 2345\n      targetPort: 2345\n',
      },
      expect: [['PTD007', 'k8s/svc.yaml']],
    },
    {
      name: 'a dev container on a cold Compose file whose Dockerfile installs delve',
      files: {
        '.devcontainer/devcontainer.json': '{ "dockerComposeFile": "compose.yml", "service": "dev", "workspaceFolder": "/w" }\n',
        '.devcontainer/compose.yml': 'services:\n  dev:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
        '.devcontainer/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n',
      },
      expect: [['PTD001', '.devcontainer/devcontainer.json']],
    },
    {
      name: 'a Dockerfile that go-installs delve with the module path split by quotes and a line continuation',
      files: { Dockerfile: 'FROM golang:1.22\nRUN go install "github.com/go-delve/"delve/cm\\\nd/dlv@latest\n' },
      expect: [['PTD012', 'Dockerfile']],
    },
    {
      name: 'a cold Compose file and a cold Dockerfile with a hot override: the Dockerfile\'s stripped build matters',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build: .\n',
        'docker-compose.override.yml': 'services:\n  api:\n    command: dlv exec /app --headless --listen=:2345\n    cap_add: [SYS_PTRACE]\n',
        Dockerfile: 'FROM golang:1.22\nRUN go build -ldflags="-s -w" -o /app .\n',
      },
      expect: [['PTD009', 'Dockerfile']],
    },
    {
      name: 'a Makefile runs dlv on an image whose cold Dockerfile strips the binary',
      files: {
        Makefile: 'debug:\n\tdocker build -t app -f build/Dockerfile.dev .\n\tdocker run --rm --cap-add SYS_PTRACE app dlv exec /app\n',
        'build/Dockerfile.dev': 'FROM golang:1.22\nRUN go build -ldflags="-s -w" -o /app .\n',
      },
      expect: [['PTD009', 'build/Dockerfile.dev']],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const root = tempRepo(c.files);
      try {
        const r = await both(root);
        expect(r.filtered).toEqual(r.everything);
        for (const [rule, path] of c.expect) expect(r.filtered.some((k) => k.startsWith(`${path}@`) && k.includes(` ${rule} `)), `${rule} on ${path}\n${r.filtered.join('\n')}`).toBe(true);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('a Dockerfile is parsed only for a launch that may matter', () => {
  it('in a Compose file without a debugger word, a service whose Dockerfile has none gets no Dockerfile facts', async () => {
    const root = tempRepo({
      // No debugger word: read because it builds dbg/Dockerfile, which has one.
      // `web` and its Dockerfile have none; its launch cannot matter.
      'docker-compose.yml': 'services:\n  dbg:\n    build: ./dbg\n  web:\n    build: ./web\n  tools:\n    build: ./tools\n',
      'dbg/Dockerfile': 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["dlv", "exec", "/app"]\n',
      'web/Dockerfile': 'FROM nginx\nEXPOSE 80\n',
      'tools/Dockerfile': 'FROM debian\nRUN apt-get install -y strace\n',
    });
    try {
      const dockerfiles = (r: Awaited<ReturnType<typeof scan>>) => Object.fromEntries(r.launches.map((l) => [l.name, l.dockerfile?.file.path]));
      expect(dockerfiles(await scan({ root }))).toEqual({ dbg: 'dbg/Dockerfile', web: undefined, tools: 'tools/Dockerfile' });
      expect(dockerfiles(await scan({ root, readEverything: true }))).toEqual({ dbg: 'dbg/Dockerfile', web: 'web/Dockerfile', tools: 'tools/Dockerfile' });
      const r = await both(root);
      expect(r.filtered).toEqual(r.everything);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a Dockerfile is parsed for delve installs only when one may be reported', () => {
  it('a Dockerfile with only pinned installs gives nothing; go get, the old path and an unpinned one next to a pinned one are still reported', async () => {
    const root = tempRepo({
      'pinned/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\n',
      'mixed/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nFROM golang:1.21 AS two\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n',
      'get/Dockerfile': 'FROM golang:1.22\nRUN go get install github.com/go-delve/delve/cmd/dlv@v1.25.2\n',
      'old/Dockerfile': 'FROM golang:1.17\nRUN go get -u github.com/derekparker/delve/cmd/dlv\n',
    });
    try {
      const key = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => `${f.ruleId} ${f.span.file.path}`).sort();
      const paths = ['pinned/Dockerfile', 'mixed/Dockerfile', 'get/Dockerfile', 'old/Dockerfile'];
      const filtered = key(await scan({ root, paths }));
      expect(filtered).toEqual(key(await scan({ root, paths, readEverything: true })));
      expect(filtered).toEqual(['PTD011 get/Dockerfile', 'PTD011 old/Dockerfile', 'PTD012 mixed/Dockerfile']);
      const r = await both(root);
      expect(r.filtered).toEqual(r.everything);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a scan of sub-paths: what a file links to may lie outside them', () => {
  it('a Compose file, a Makefile and an extends whose debugger is outside the scanned paths', async () => {
    const root = tempRepo({
      'deploy/docker-compose.yml': 'services:\n  api:\n    build: ../api\n',
      'api/Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n',
      'app/docker-compose.yml': 'services:\n  web:\n    extends:\n      file: ../base/common.yml\n      service: dbg\n',
      'base/common.yml': 'services:\n  dbg:\n    image: x\n    command: strace -p 1\n',
      'tools/Makefile': 'run:\n\tdocker build -t app ../api\n\tdocker run --rm app\n',
    });
    try {
      const paths = ['deploy/docker-compose.yml', 'app', 'tools/Makefile'];
      const key = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => `${f.ruleId} ${f.span.file.path}`).sort();
      const filtered = key(await scan({ root, paths }));
      expect(filtered).toEqual(key(await scan({ root, paths, readEverything: true })));
      expect(filtered).toEqual(['PTD001 app/docker-compose.yml', 'PTD001 deploy/docker-compose.yml', 'PTD001 tools/Makefile']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a scan of a dev container alone reads the Compose files it names', () => {
  it('finds on devcontainer.json what the whole scan finds there, with the Compose file and the Dockerfile outside the scanned paths', async () => {
    const root = tempRepo({
      '.devcontainer/devcontainer.json': '{ "dockerComposeFile": ["../dev/compose.yml"], "service": "api" }\n',
      'dev/compose.yml': 'services:\n  api:\n    build: ../api\n',
      'api/Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "exec", "/app"]\n',
    });
    try {
      const on = (r: Awaited<ReturnType<typeof scan>>, path: string) => r.findings.filter((f) => f.span.file.path === path).map((f) => f.ruleId);
      const whole = on(await scan({ root }), '.devcontainer/devcontainer.json');
      expect(whole).toContain('PTD001');
      expect(on(await scan({ root, paths: ['.devcontainer/devcontainer.json'] }), '.devcontainer/devcontainer.json')).toEqual(whole);
      expect(on(await scan({ root, paths: ['.devcontainer'] }), '.devcontainer/devcontainer.json')).toEqual(whole);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** The files a scan gave a PTD900 note, with the relevance filter and with everything read. */
async function unreadable(root: string): Promise<{ filtered: string[]; everything: string[] }> {
  const paths = (r: Awaited<ReturnType<typeof scan>>) => r.findings.filter((f) => f.ruleId === 'PTD900').map((f) => f.span.file.path).sort();
  return { filtered: paths(await scan({ root })), everything: paths(await scan({ root, readEverything: true })) };
}

describe('files that cannot matter are not parsed', () => {
  it('a broken manifest without a debugger word gets no PTD900 note; one with a debugger word does', async () => {
    const root = tempRepo({
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n',
      'k8s/broken-debug.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\nspec: {containers: [{name: c, command: [dlv]}]}\n',
      'docker-compose.yml': 'services:\n  a:\n    image: [unclosed\n',
    });
    const notes = await unreadable(root);
    expect(notes.filtered).toEqual(['k8s/broken-debug.yaml']);
    expect(notes.everything).toEqual(['docker-compose.yml', 'k8s/broken-debug.yaml', 'k8s/broken.yaml']);
  });
});

describe('files read only for a possible link are read quietly', () => {
  it('a broken manifest that only names a debug image, or may hold a Service for a debug pod, gets no PTD900 note', async () => {
    const root = tempRepo({
      'Dockerfile.debug': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCMD ["dlv", "exec", "/app"]\n',
      'Makefile': 'debug-image:\n\tdocker build -f Dockerfile.debug -t acme/api-debug .\n',
      'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api-debug}\nspec:\n  containers:\n    - name: api\n      image: acme/api-debug\n      securityContext: {capabilities: {add: [SYS_PTRACE]}}\n',
      // A chart's files/ template that names the image (and a Service) and is no YAML as it stands.
      'charts/x/files/gateway.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gw\n  labels: {{ toJson .Labels }}\nspec:\n  selector: {app: api-debug, x: {{ if .A }}\n    - b\n  }}\n',
      'charts/x/files/other.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec: {image: acme/api-debug, x: [\n',
    });
    const notes = await unreadable(root);
    expect(notes.filtered).toEqual([]);
    // With everything read, they are read aloud as before.
    expect(notes.everything).toEqual(['charts/x/files/gateway.yaml', 'charts/x/files/other.yaml']);
  });
});

describe('whole repositories: the same findings with and without the filter', () => {
  const dirsUnder = (d: string) => readdirSync(d).map((n) => join(d, n)).filter((p) => statSync(p).isDirectory());
  const repos = [...dirsUnder(join(FIXTURES, 'foundation')), ...dirsUnder(join(FIXTURES, 'rules')), ...dirsUnder(join(ROOT, 'test', 'containers', 'fixtures')), join(ROOT, 'examples', 'seed')];
  it.each(repos.map((r) => [r.slice(ROOT.length + 1), r]))('%s', async (_name, root) => {
    const r = await both(root);
    expect(r.filtered).toEqual(r.everything);
  });

  const work = mkdtempSync(join(tmpdir(), 'ptd-rel-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);
  it.each([1, 2, 3])('generated monorepo, seed %i', async (seed) => {
    const { dir } = generate(join(work, `repo-${seed}`), { files: 3000, services: 60, seed });
    const r = await both(dir);
    expect(r.everything.length).toBeGreaterThan(20);
    expect(r.filtered).toEqual(r.everything);
    expect(r.parsedLess).toEqual([]);
  }, 60_000);
});
