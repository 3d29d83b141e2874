/**
 * Round 9e: debuggers beyond Go and the files that wire them.
 * - gdbserver is gdb's remote stub: it ptraces the program it starts (`gdbserver :1234 ./app`) or
 *   attaches to (`gdbserver --attach :1234 PID`), and its package installs a debugger.
 * - py-spy attaches with `--pid`, and starts the program itself after `--`.
 * - The devcontainers C++ and universal images grant SYS_PTRACE in their metadata, as the Go and Rust ones do.
 * - docker/build-push-action steps of a workflow build images that Compose files, `docker run` lines and
 *   Kubernetes manifests run (tags, docker/metadata-action images, context, file, target).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { parse as parseJsonc } from 'jsonc-parser';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { toLocation } from '../../src/source.js';
import { analyzeCommands } from '../../src/model/commands.js';
import { splitShell } from '../../src/parse/shell.js';
import { tempRepo } from '../helpers/repo.js';
import type { SourceFile } from '../../src/types.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function run(files: Record<string, string>) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${toLocation(f.span).path}:${toLocation(f.span).startLine}:${f.severity}`).sort();
  return { r, found, root };
}

function tools(line: string) {
  const file = { path: 'x.sh', text: line, kind: 'shell' } as unknown as SourceFile;
  return analyzeCommands(file, splitShell(line)).tools.map((t) => `${t.tool}:${t.use}:${t.mode ?? ''}`);
}

describe('gdbserver and py-spy as commands', () => {
  it('gdbserver COMM PROG launches, --attach attaches, --multi launches; all are gdb', () => {
    expect(tools('gdbserver :1234 /usr/local/bin/app')).toEqual(['gdb:run:launch']);
    expect(tools('gdbserver 0.0.0.0:5005 /app/agent --flag')).toEqual(['gdb:run:launch']);
    expect(tools('gdbserver --attach :2345 $(pidof app)')).toEqual(['gdb:run:attach']);
    expect(tools('gdbserver --once --attach localhost:1 42')).toEqual(['gdb:run:attach']);
    expect(tools('gdbserver --multi :2345')).toEqual(['gdb:run:launch']);
    expect(tools('exec /usr/bin/gdbserver :1234 ./app')).toEqual(['gdb:run:launch']);
  });

  it('the gdbserver package installs gdb; versions, look-alikes and other servers are no debugger', () => {
    expect(tools('apt-get install -y gdbserver')).toEqual(['gdb:install:']);
    expect(tools('apk add gdb gdbserver')).toEqual(['gdb:install:', 'gdb:install:']);
    expect(tools('gdbserver --version')).toEqual([]);
    expect(tools('JLinkGDBServer -device STM32 -port 2331')).toEqual([]);
    expect(tools('openocd -c "gdb_port 3333"')).toEqual([]);
    // LLVM's lldb-server in its gdbserver mode is lldb (round 10c), not gdb.
    expect(tools('lldb-server gdbserver :1234 ./app')).toEqual(['lldb:run:launch']);
    expect(tools('echo gdbserver :1234 ./app')).toEqual([]);
    // A package named like an Object property is no tool.
    expect(tools('apt-get install -y constructor toString')).toEqual([]);
  });

  it('py-spy with --pid attaches; py-spy record -- python app.py starts the program', () => {
    expect(tools('py-spy record --pid 1 -o /tmp/p.svg')).toEqual(['py-spy:run:attach']);
    expect(tools('py-spy dump -p 7')).toEqual(['py-spy:run:attach']);
    expect(tools('py-spy record -o profile.svg -- python app.py')).toEqual(['py-spy:run:launch']);
    expect(tools('py-spy top --pid 12 -- extra')).toEqual(['py-spy:run:attach']);
  });
});

describe('gdbserver in containers', () => {
  it('a Compose service whose image runs gdbserver without SYS_PTRACE: PTD001 (note) at the service, named gdbserver', async () => {
    const c = await run({
      'Dockerfile': 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y gdbserver\nCOPY app /usr/local/bin/app\nCMD ["gdbserver", ":1234", "/usr/local/bin/app"]\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports:\n      - "1234:1234"\n',
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2:note']);
    const f = c.r.findings[0]!;
    expect(f.short ?? '').toContain('runs gdbserver');
    expect(f.message).not.toMatch(/delve API/);
    // The fix adds the capability and the file still parses.
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'docker-compose.yml')!.after;
    expect(parse(after).services.app.cap_add).toEqual(['SYS_PTRACE']);
    expect(out.after.findings.map((x) => x.ruleId)).toEqual([]);
  });

  it('gdbserver --attach as a non-root user with SYS_PTRACE: PTD005 says how to start the program under gdbserver', async () => {
    const c = await run({
      'Dockerfile': 'FROM debian:12\nRUN apt-get update && apt-get install -y gdbserver\nUSER app\n',
      'docker-compose.yml': 'services:\n  dbg:\n    build: .\n    cap_add: [SYS_PTRACE]\n    command: ["sh", "-c", "gdbserver --attach :2345 $(pidof server)"]\n',
    });
    expect(c.found).toEqual(['PTD005@docker-compose.yml:5:warning']);
    expect(c.r.findings[0]!.message).toContain('gdbserver :PORT /path/to/program');
  });

  it('a lone Dockerfile debug stage that launches gdbserver: nothing (no runtime, no attach)', async () => {
    const c = await run({
      'Dockerfile': 'FROM debian:12 AS release\nCOPY app /usr/bin/app\nENTRYPOINT ["/usr/bin/app"]\n\nFROM release AS debug\nRUN apt-get install -qq gdbserver\nEXPOSE 1234\nENTRYPOINT ["gdbserver", ":1234", "/usr/bin/app"]\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a published gdbserver port is not the delve API: no PTD007 on 1234:1234 or 2345:2345', async () => {
    const c = await run({
      'Dockerfile': 'FROM debian:12\nRUN apt-get update && apt-get install -y gdb gdbserver\nEXPOSE 2345\n',
      'docker-compose.yml': 'services:\n  dev:\n    build: .\n    cap_add: [SYS_PTRACE]\n    ports:\n      - "2345:2345"\n    command: gdbserver :2345 ./build/app\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('dev container images that grant SYS_PTRACE', () => {
  const dc = (image: string, extra = '') => ({
    '.devcontainer/devcontainer.json': `{\n  "name": "C++",\n  "build": { "dockerfile": "Dockerfile" }${extra}\n}\n`,
    '.devcontainer/Dockerfile': `FROM ${image}\nRUN apt-get update && apt-get install -y --no-install-recommends gdb valgrind\n`,
  });

  it('a Dockerfile FROM the devcontainers C++ image that installs gdb: nothing (the image metadata adds SYS_PTRACE)', async () => {
    expect((await run(dc('mcr.microsoft.com/devcontainers/cpp:1-debian-12'))).found).toEqual([]);
    expect((await run(dc('mcr.microsoft.com/vscode/devcontainers/cpp:0-bullseye'))).found).toEqual([]);
    expect((await run(dc('mcr.microsoft.com/devcontainers/universal:2-linux'))).found).toEqual([]);
  });

  it('"image": the C++ image with a postCreateCommand that installs strace: nothing', async () => {
    const c = await run({ '.devcontainer/devcontainer.json': '{\n  "name": "C++",\n  "image": "mcr.microsoft.com/devcontainers/cpp:ubuntu-24.04",\n  "postCreateCommand": "sudo apt-get install -y strace"\n}\n' });
    expect(c.found).toEqual([]);
  });

  it('the base image, or an image merely named like cpp, still needs the capability: PTD001, and the fix parses', async () => {
    for (const image of ['mcr.microsoft.com/devcontainers/base:ubuntu', 'mcr.microsoft.com/devcontainers/cpp-tools:1', 'ghcr.io/acme/devcontainers/cpp:1']) {
      const c = await run(dc(image));
      expect(c.found).toEqual(['PTD001@.devcontainer/devcontainer.json:2:note']);
      const out = await applyFixes({ root: c.root, write: false });
      const after = out.changed.find((x) => x.path === '.devcontainer/devcontainer.json')!.after;
      expect(parseJsonc(after).capAdd).toEqual(['SYS_PTRACE']);
    }
  });

  it('seccomp=unconfined in runArgs on the C++ image is still reported (the user\'s own workaround)', async () => {
    const c = await run(dc('mcr.microsoft.com/devcontainers/cpp:1', ',\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"]'));
    expect(c.found).toEqual(['PTD002@.devcontainer/devcontainer.json:4:warning']);
  });
});

describe('docker/build-push-action builds', () => {
  const DF = 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y gdb gdbserver qemu\nEXPOSE 22 7777\n';
  const wf = (withs: string, uses = 'docker/build-push-action@v5', pre = '') =>
    `on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${pre}      - name: Build and push\n        uses: ${uses}\n        with:\n${withs}`;
  const compose = (image: string) => `services:\n  dev:\n    image: ${image}\n    security_opt:\n      - seccomp:unconfined\n    privileged: true\n`;

  it('tags: NAME:TAG with file and context links the Compose image to the Dockerfile: PTD002 and PTD003', async () => {
    const c = await run({
      'Dockerfile': DF,
      '.github/workflows/publish.yml': wf('          context: .\n          file: ./Dockerfile\n          push: true\n          tags: acme/os-lab:v1\n'),
      'docker-compose.yml': compose('acme/os-lab:v1'),
    });
    expect(c.found).toEqual(['PTD002@docker-compose.yml:5:warning', 'PTD003@docker-compose.yml:6:warning']);
    const f = c.r.findings.find((x) => x.ruleId === 'PTD003')!;
    expect((f.related ?? []).some((r) => toLocation(r.span).path === 'Dockerfile')).toBe(true);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'docker-compose.yml')!.after;
    expect(parse(after).services.dev.cap_add).toEqual(['SYS_PTRACE']);
  });

  it('a multi-line tags list, a context directory and no file (its Dockerfile), env. expressions, a target', async () => {
    const c = await run({
      'docker/debug/Dockerfile': 'FROM debian:12 AS base\nFROM base AS debug\nRUN apt-get install -y strace\n',
      '.github/workflows/publish.yml':
        'env:\n  IMAGE: ghcr.io/acme/tool\n' + wf('          context: docker/debug\n          target: debug\n          tags: |\n            ${{ env.IMAGE }}:latest\n            ${{ env.IMAGE }}:${{ github.sha }}\n'),
      'docker-compose.yml': compose('ghcr.io/acme/tool'),
    });
    expect(c.found).toEqual(['PTD002@docker-compose.yml:5:warning', 'PTD003@docker-compose.yml:6:warning']);
  });

  it('tags from a docker/metadata-action step: each of its images, linked by name', async () => {
    const pre = '      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: |\n            acme/os-lab\n          tags: type=ref,event=branch\n';
    const c = await run({
      'Dockerfile': DF,
      '.github/workflows/publish.yml': wf('          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n', 'docker/build-push-action@v6', pre),
      'docker-compose.yml': compose('acme/os-lab:main'),
    });
    expect(c.found).toEqual(['PTD002@docker-compose.yml:5:warning', 'PTD003@docker-compose.yml:6:warning']);
  });

  it('v1: repository + tags', async () => {
    const c = await run({
      'Dockerfile': DF,
      '.github/workflows/publish.yml': wf('          repository: acme/os-lab\n          tags: v1,latest\n', 'docker/build-push-action@v1'),
      'docker-compose.yml': compose('acme/os-lab:v1'),
    });
    expect(c.found).toEqual(['PTD002@docker-compose.yml:5:warning', 'PTD003@docker-compose.yml:6:warning']);
  });

  it('production images stay silent: a build of a Dockerfile with no debugger, another name, a URL context, a secret name', async () => {
    const prod = 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n';
    const files = {
      'Dockerfile': prod,
      'debug/Dockerfile': DF,
      '.github/workflows/publish.yml':
        wf('          tags: acme/web:v1\n') +
        '      - uses: docker/build-push-action@v5\n        with:\n          context: https://github.com/acme/x.git#main\n          tags: acme/remote:v1\n' +
        '      - uses: docker/build-push-action@v5\n        with:\n          context: debug\n          tags: ${{ secrets.USER }}/lab:v1\n',
      'docker-compose.yml': compose('acme/web:v1') + '  other:\n    image: acme/remote:v1\n    privileged: true\n  lab:\n    image: someone/lab:v1\n    privileged: true\n',
    };
    expect((await run(files)).found).toEqual([]);
  });

  it('context: "{{defaultContext}}:DIR" is that directory of the checked-out commit, and file is read in it', async () => {
    const c = await run({
      'lab/Containerfile.debug': DF,
      '.github/workflows/publish.yml': wf('          context: "{{defaultContext}}:lab"\n          file: Containerfile.debug\n          tags: acme/os-lab:v1\n'),
      'docker-compose.yml': compose('acme/os-lab:v1'),
    });
    expect(c.found).toEqual(['PTD002@docker-compose.yml:5:warning', 'PTD003@docker-compose.yml:6:warning']);
  });

  it('a context or file out of the repository gives no build', async () => {
    const c = await run({
      'Dockerfile': DF,
      '.github/workflows/publish.yml': wf('          context: ..\n          tags: acme/os-lab:v1\n'),
      'docker-compose.yml': compose('acme/os-lab:v1'),
    });
    expect(c.found).toEqual([]);
  });
});
