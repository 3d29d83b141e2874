/**
 * Round 10c: a sweep of public Compose, devcontainer, Dockerfile and CI files.
 * - lldb is a debugger like gdb: `lldb -p PID` attaches, `lldb PROG` launches, `lldb -c CORE` reads a core;
 *   `lldb-server platform --listen …` (knylbyte/tuliprox's debug entrypoint, robinbryce/findindi) and
 *   `lldb-server gdbserver` serve a remote lldb; the `lldb` / `lldb-18` packages install it.
 * - `su [-] USER [-s SHELL] -c '…'` runs its command string as USER (mkvlrn/arch-devcontainer's Go feature
 *   installs dlv@latest inside `su - dev -s /bin/zsh -c '…'`).
 * - Registry features other than the official Go one that install delve (nikaro/features' `go-pkg-delve`,
 *   which its Go tools feature installs) or Go make a debugging, or a Go, dev container; their metadata is
 *   not read, so they grant nothing.
 * - A Compose file kept in a subfolder whose build paths are written from the project root (tuliprox's
 *   docker/debug/docker-compose.debug-override.yml: `context: .`, `dockerfile: docker/Dockerfile`) builds
 *   the root's Dockerfile, as Compose resolves an override's paths from the first file's folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { toLocation } from '../src/source.js';
import { analyzeCommands } from '../src/model/commands.js';
import { splitShell } from '../src/parse/shell.js';
import { tempRepo } from './helpers/repo.js';
import type { SourceFile } from '../src/types.js';

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

describe('lldb as a command', () => {
  it('attaches with -p / --attach-pid / -n / --attach-name / -w, reads a core with -c, else launches', () => {
    expect(tools('lldb -p 42')).toEqual(['lldb:run:attach']);
    expect(tools('lldb --attach-pid=$(pidof app)')).toEqual(['lldb:run:attach']);
    expect(tools('lldb -n app -w')).toEqual(['lldb:run:attach']);
    expect(tools('lldb --attach-name server')).toEqual(['lldb:run:attach']);
    expect(tools('lldb -c /tmp/core ./app')).toEqual(['lldb:run:post-mortem']);
    expect(tools('lldb --core=/tmp/core')).toEqual(['lldb:run:post-mortem']);
    expect(tools('lldb ./target/debug/app')).toEqual(['lldb:run:launch']);
    expect(tools('lldb -o run -- ./app --flag')).toEqual(['lldb:run:launch']);
    // A value of -o / -s is no attach flag.
    expect(tools('lldb -s cmds.txt -o "b main" ./app')).toEqual(['lldb:run:launch']);
    // Versioned names of apt.llvm.org and Debian, and an absolute path.
    expect(tools('/usr/bin/lldb-4.0 ./app')).toEqual(['lldb:run:launch']);
    expect(tools('exec lldb-18 -p 1')).toEqual(['lldb:run:attach']);
  });

  it('lldb-server: platform and gdbserver COMM PROG launch, gdbserver --attach attaches', () => {
    expect(tools('/usr/bin/lldb-server platform --listen "*:3000" --server --min-gdbserver-port 10600 --max-gdbserver-port 10700')).toEqual(['lldb:run:launch']);
    expect(tools('lldb-server-19 platform --server --listen *:3039')).toEqual(['lldb:run:launch']);
    expect(tools('lldb-server gdbserver 0.0.0.0:1234 ./app')).toEqual(['lldb:run:launch']);
    expect(tools('lldb-server gdbserver :1234 --attach 42')).toEqual(['lldb:run:attach']);
  });

  it('the lldb and lldb-NN packages install it; libraries, bindings, adapters, versions and words are no debugger', () => {
    expect(tools('apt-get install -y lldb')).toEqual(['lldb:install:']);
    expect(tools('apt-get install -y clang-18 lldb-18 python3-lldb-18')).toEqual(['lldb:install:']);
    expect(tools('apk add --no-cache build-base lldb gdb')).toEqual(['lldb:install:', 'gdb:install:']);
    expect(tools('dnf install -y lldb')).toEqual(['lldb:install:']);
    expect(tools('apt-get install -y liblldb-dev python3-lldb lld clang')).toEqual([]);
    expect(tools('apt-get install -y rust-lldb')).toEqual([]);
    expect(tools('pip install lldb')).toEqual([]);
    expect(tools('lldb --version')).toEqual([]);
    expect(tools('lldb-server version')).toEqual([]);
    expect(tools('lldb-mi --interpreter')).toEqual([]);
    expect(tools('lldb-dap --port 4711')).toEqual([]);
    expect(tools('lldbinit ./app')).toEqual([]);
    expect(tools('echo lldb -p 1')).toEqual([]);
  });
});

describe('lldb in containers', () => {
  const entry = '#!/bin/sh\n/usr/bin/lldb-server platform --listen "*:10586" --server &\nexec /app/server\n';
  const dockerfile = 'FROM rust:alpine\nRUN apk add --no-cache lldb\nCOPY debug-entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n';

  it('a Compose service whose entrypoint script starts lldb-server without SYS_PTRACE: PTD001 at the service; the fix re-parses', async () => {
    const c = await run({
      'Dockerfile': dockerfile,
      'debug-entrypoint.sh': entry,
      'docker-compose.yml': 'services:\n  server:\n    build: .\n    ports:\n      - "127.0.0.1:10586:10586"\n',
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2:note']);
    const f = c.r.findings[0]!;
    expect(f.message).toContain('lldb-server platform');
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'docker-compose.yml')!.after;
    expect(parse(after).services.server.cap_add).toEqual(['SYS_PTRACE']);
    expect(parse(after).services.server.ports).toEqual(['127.0.0.1:10586:10586']);
    expect(out.after.findings.map((x) => x.ruleId)).toEqual([]);
  });

  it('with cap_add SYS_PTRACE nothing fires; privileged instead is PTD003', async () => {
    const ok = await run({
      'Dockerfile': dockerfile,
      'debug-entrypoint.sh': entry,
      'docker-compose.yml': 'services:\n  server:\n    build: .\n    cap_add:\n      - SYS_PTRACE\n',
    });
    expect(ok.found).toEqual([]);
    const priv = await run({
      'Dockerfile': dockerfile,
      'debug-entrypoint.sh': entry,
      'docker-compose.yml': 'services:\n  server:\n    build: .\n    privileged: true\n    user: root\n',
    });
    expect(priv.found).toEqual(['PTD003@docker-compose.yml:4:warning']);
  });

  it('lldb -p attaching in a docker run line without the capability is an error', async () => {
    const c = await run({ 'debug.sh': '#!/bin/sh\ndocker run --rm -it --pid=container:app ubuntu-tools lldb -p 1\n' });
    expect(c.found).toEqual(['PTD001@debug.sh:2:error']);
  });

  it('look-alikes: a build image with lldb libraries only, an lldb core reader, a lone Dockerfile that serves lldb', async () => {
    const libs = await run({
      'Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y clang lld liblldb-dev python3-lldb-18\nCMD ["make"]\n',
      'docker-compose.yml': 'services:\n  build:\n    build: .\n',
    });
    expect(libs.found).toEqual([]);
    const core = await run({ 'crash.sh': '#!/bin/sh\ndocker run --rm -v $PWD:/w swift:6.0 lldb -c /w/core /w/app -o bt -b\n' });
    expect(core.found).toEqual([]);
    const lone = await run({ 'Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y lldb\nEXPOSE 3000\nCMD ["lldb-server", "platform", "--listen", "*:3000", "--server"]\n' });
    expect(lone.found).toEqual([]);
  });
});

describe('a Compose file in a subfolder with paths from the project root', () => {
  const debugDockerfile = 'FROM golang:1.24 AS debug\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY . /src\nCMD ["/go/bin/dlv", "debug", "/src", "--headless", "--listen=:2345"]\n\nFROM alpine:3.20 AS release\nCMD ["/app"]\n';

  it('builds the root Dockerfile when nothing exists beside the file: its debugger is the service\'s', async () => {
    const c = await run({
      'docker/Dockerfile': debugDockerfile,
      'docker-compose.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n      target: release\n',
      'docker/debug/docker-compose.debug-override.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n      target: debug\n    ports:\n      - "127.0.0.1:2345:2345"\n    privileged: true\n',
    });
    expect(c.found).toEqual(['PTD003@docker/debug/docker-compose.debug-override.yml:9:warning']);
  });

  it('a Dockerfile beside the file wins, and an absolute or variable dockerfile is never looked up at the root', async () => {
    const local = await run({
      'Dockerfile': debugDockerfile.replace(' AS debug', ''),
      'deploy/Dockerfile': 'FROM alpine:3.20\nCMD ["/app"]\n',
      'deploy/docker-compose.yml': 'services:\n  api:\n    build: .\n    privileged: true\n',
    });
    expect(local.found).toEqual([]);
    const absolute = await run({
      'Dockerfile': debugDockerfile.replace(' AS debug', ''),
      'deploy/docker-compose.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: /srv/Dockerfile\n    privileged: true\n',
    });
    expect(absolute.found).toEqual([]);
    const variable = await run({
      'Dockerfile': debugDockerfile.replace(' AS debug', ''),
      'deploy/docker-compose.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: ${DOCKERFILE}\n    privileged: true\n',
    });
    expect(variable.found).toEqual([]);
  });

  it('a subfolder Compose file whose build exists nowhere links nothing', async () => {
    const c = await run({
      'Dockerfile': debugDockerfile.replace(' AS debug', ''),
      'deploy/docker-compose.yml': 'services:\n  api:\n    build:\n      context: ./api\n    privileged: true\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('su -c runs its command string', () => {
  it('reads the command string of su, as the user it names (root when none)', () => {
    const file = { path: 'install.sh', text: '', kind: 'shell' } as unknown as SourceFile;
    const uses = (line: string) => analyzeCommands({ ...file, text: line }, splitShell(line)).tools.map((t) => `${t.tool}:${t.use}:${t.mode ?? ''}:${t.asRoot ?? ''}`);
    expect(uses("su - dev -s /bin/zsh -c '\n  go install golang.org/x/tools/gopls@latest\n  go install github.com/go-delve/delve/cmd/dlv@latest\n'")).toEqual(['dlv:install::']);
    expect(uses('su -c "strace -p 1"')).toEqual(['strace:run:attach:true']);
    expect(uses('su app --command="dlv attach 1"')).toEqual(['dlv:run:attach:false']);
    expect(uses('su -l root -c "gdb -p 7"')).toEqual(['gdb:run:attach:true']);
    // Look-alikes: no command string, a command that only prints, a package install of something else.
    expect(uses('su - dev')).toEqual([]);
    expect(uses('su dev -c "echo go install github.com/go-delve/delve/cmd/dlv@latest"')).toEqual([]);
    expect(uses('su dev -c "yay -S --needed --noconfirm go"')).toEqual([]);
  });

  it('a feature install.sh that installs dlv@latest through su: PTD012 at the install line', async () => {
    const c = await run({
      'features/go/devcontainer-feature.json': '{ "id": "go", "version": "1.0.0" }\n',
      'features/go/install.sh': "#!/bin/bash\nset -e\nsu - dev -s /bin/zsh -c '\n  go install golang.org/x/tools/gopls@latest\n  go install github.com/go-delve/delve/cmd/dlv@latest\n'\n",
    });
    expect(c.found).toEqual(['PTD012@features/go/install.sh:5:note']);
  });
});

describe('registry features that install delve or Go', () => {
  const dc = (features: string) => ({
    '.devcontainer/devcontainer.json': `{\n  "name": "dev",\n  "image": "mcr.microsoft.com/devcontainers/base:bookworm",\n  "features": {\n${features}\n  }\n}\n`,
  });

  it('a delve feature of another collection, or another Go feature: PTD001 at the name; the fix re-parses', async () => {
    const c = await run(dc('    "ghcr.io/nikaro/features/go": {},\n    "ghcr.io/nikaro/features/go-pkg-delve:1": {}'));
    expect(c.found.map((f) => f.replace(/:[a-z]+$/, ''))).toEqual(['PTD001@.devcontainer/devcontainer.json:2']);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === '.devcontainer/devcontainer.json')!.after;
    expect(JSON.parse(after).capAdd).toEqual(['SYS_PTRACE']);
    expect(out.after.findings.map((x) => x.ruleId)).toEqual([]);
    const goOnly = await run(dc('    "ghcr.io/acme/features/golang:2": {}'));
    expect(goOnly.found.map((f) => f.replace(/:[a-z]+$/, ''))).toEqual(['PTD001@.devcontainer/devcontainer.json:2']);
  });

  it('look-alikes: the official Go feature and ptrace-doctor\'s delve feature grant; other tools named like go are no Go', async () => {
    expect((await run(dc('    "ghcr.io/devcontainers/features/go:1": {},\n    "ghcr.io/nikaro/features/go-pkg-delve:1": {}'))).found).toEqual([]);
    expect((await run(dc('    "ghcr.io/ptrace-doctor/ptrace-doctor/delve:1": {}'))).found).toEqual([]);
    expect((await run(dc('    "ghcr.io/acme/features/go-task:1": {},\n    "ghcr.io/acme/features/golangci-lint:1": {},\n    "ghcr.io/acme/features/delve-notes:1": {}'))).found).toEqual([]);
    expect((await run(dc('    "ghcr.io/devcontainers/features/node:1": {}'))).found).toEqual([]);
  });
});

describe('lldb in the Kubernetes family (after the sweep: the debugger image names and the chart debug-branch words)', () => {
  it('a kubectl debug copy whose image is an lldb-server image attaches a debugger (PTD001 as an error); a tag that merely starts with lldb does not make one', async () => {
    const root = tempRepo({
      'hack/debug.sh': '#!/bin/sh\nkubectl debug "$POD" -it --copy-to=app-dbg --share-processes --image=acme/lldb-server:18\n',
      'hack/other.sh': '#!/bin/sh\nkubectl debug "$POD" -it --copy-to=app-dbg --share-processes --image=acme/tools:lldbx\n',
    });
    const r = await scan({ root });
    const by = new Map(r.findings.filter((f) => f.ruleId === 'PTD001').map((f) => [f.span.file.path, f.severity]));
    expect(by.get('hack/debug.sh')).toBe('error');
    expect(by.get('hack/other.sh')).not.toBe('error');
  });
});
