/**
 * Round 10a: scripts, run lines and Makefiles that went silent.
 * - Commands a script puts together as data: `args=(docker run …)` + `"${args[@]}"`, `set -- docker run …` + `exec "$@"`.
 * - Variables of a sourced file (`. ./hack/env.sh`, `source "$(dirname "$0")/vars.sh"`) and of a Makefile's `include`.
 * - `docker compose run [flags] SERVICE CMD…`: the service as the line runs it.
 * - A Make variable naming the engine: `$(CONTAINER_TOOL) build -t ${IMG}` / `$(CONTAINER_TOOL) run`.
 * Each with what must not be found.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { validate } from '../src/fix/validate.js';
import { toLocation } from '../src/source.js';
import { splitShell } from '../src/parse/shell.js';
import { assembledCommands } from '../src/model/cmdfiles.js';
import { tempRepo } from './helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function run(files: Record<string, string>) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}`).sort();
  return { r, root, found };
}

const DEBUG_IMAGE = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nWORKDIR /src\nCOPY . .\n';
const words = (text: string): string[][] => assembledCommands(splitShell(text), text).map((c) => c.words.map((w) => w.value));

describe('commands a script puts together (cmdfiles.ts assembledCommands)', () => {
  it('an array and its appends, run by "${args[@]}", are one command whose words stay where they are written', () => {
    const text = 'args=(docker run --rm\n  -p 2345:2345)\nargs+=(img dlv debug)\n"${args[@]}"\n';
    const cmds = assembledCommands(splitShell(text), text);
    expect(cmds.map((c) => c.words.map((w) => w.value))).toEqual([['docker', 'run', '--rm', '-p', '2345:2345', 'img', 'dlv', 'debug']]);
    const img = cmds[0]!.words[5]!;
    expect(text.slice(img.start, img.end)).toBe('img');
  });

  it('an array inside a run line is spliced in; a known empty one leaves the image in its place', () => {
    expect(words('caps=(--cap-add=SYS_PTRACE)\ndocker run "${caps[@]}" img\n')).toEqual([['docker', 'run', '--cap-add=SYS_PTRACE', 'img']]);
    expect(words('ARGS=()\ndocker run -p 1:1 "${ARGS[@]}" img\n')).toEqual([['docker', 'run', '-p', '1:1', 'img']]);
    // The script's own arguments are not known: the line stays as written.
    expect(words('ARGS=()\ndocker run "${ARGS[@]}" img "$@"\n')).toEqual([['docker', 'run', '${ARGS[@]}', 'img', '$@']]);
  });

  it('set -- and set -- "$@" … build the positional parameters that exec "$@" runs', () => {
    expect(words('set -- docker run img\nset -- "$@" dlv exec /app\nexec "$@"\n').at(-1)).toEqual(['docker', 'run', 'img', 'dlv', 'exec', '/app']);
  });

  it('not statically known: an append under if, a definition in a function, the script\'s own "$@": nothing is assembled', () => {
    const cond = words('args=(docker run img)\nif [ -n "$X" ]; then\n  args+=(dlv debug)\nfi\n"${args[@]}"\n');
    expect(cond.some((w) => w[0] === 'docker')).toBe(false);
    const fn = words('f() {\n  args=(docker run img dlv debug)\n}\n"${args[@]}"\n');
    expect(fn.some((w) => w[0] === 'docker')).toBe(false);
    expect(words('set -- "$@" docker run img\nexec "$@"\n').some((w) => w[0] === 'docker')).toBe(false);
  });

  it("an array's items are no command of their own", () => {
    expect(words('cmd=(docker run --rm img dlv debug --headless --listen=:2345)\necho done\n')).toEqual([['echo', 'done']]);
  });
});

describe('scripts that run what they put together', () => {
  it('args=(docker run …) + "${args[@]}": PTD007 on the array item, the fix edits the array and re-parses', async () => {
    const script = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'args=(docker run --rm -p 2345:2345)',
      'args+=(acme/app-debug:dev dlv debug --headless --listen=:2345 ./cmd/app)',
      '"${args[@]}"',
      '',
    ].join('\n');
    const c = await run({ 'scripts/debug.sh': script, 'Dockerfile.debug': DEBUG_IMAGE, 'build.sh': '#!/bin/sh\ndocker build -t acme/app-debug:dev -f Dockerfile.debug .\n' });
    expect(c.found).toEqual(['PTD001@scripts/debug.sh:3', 'PTD007@scripts/debug.sh:3']);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'scripts/debug.sh')!.after;
    expect(after).toContain('args=(docker run --cap-add=SYS_PTRACE --rm -p 127.0.0.1:2345:2345)');
    expect(validate('shell', after)).toBeUndefined();
    expect(out.after.findings).toEqual([]);
  });

  it('set -- docker run … ; exec "$@" (a wrapper that adds flags before it runs)', async () => {
    const c = await run({ 'run.sh': '#!/bin/sh\nset -- docker run --rm -p 127.0.0.1:4000:4000 acme/app-debug:dev\nset -- "$@" dlv exec --headless --listen=:4000 /app\nexec "$@"\n', 'Dockerfile': DEBUG_IMAGE, 'Makefile': 'image:\n\tdocker build -t acme/app-debug:dev .\n' });
    expect(c.found).toEqual(['PTD001@run.sh:2']);
  });

  it('silent: the array is filled under a condition, or never run', async () => {
    const c = await run({
      'a.sh': '#!/bin/bash\nargs=(docker run --rm -p 2345:2345 acme/app-debug:dev)\nif [ "$DEBUG" = 1 ]; then\n  args+=(dlv debug --headless --listen=:2345)\nfi\n"${args[@]}"\n',
      'b.sh': '#!/bin/bash\n# documentation of the debug command\nhelp=(docker run --rm -p 2345:2345 acme/app-debug:dev dlv debug --headless --listen=:2345)\necho "${help[*]}"\n',
      'Dockerfile': 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('variables of sourced files and Make includes (cmdfiles.ts sourcedVars, includedVars)', () => {
  const dockerfile = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nUSER 1000\nCMD ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n';
  it('. ./hack/env.sh gives the image a run line runs: the run line links to its build', async () => {
    const c = await run({
      'hack/env.sh': 'IMAGE=acme/attacher:1\nPORT=2345\n',
      'hack/debug.sh': '#!/bin/sh\n. ./hack/env.sh\ndocker run --rm --cap-add=SYS_PTRACE -p 127.0.0.1:$PORT:2345 $IMAGE\n',
      'hack/build.sh': '#!/bin/sh\nsource "$(dirname "$0")/env.sh"\ndocker build -t "$IMAGE" -f debug/Dockerfile debug\n',
      'debug/Dockerfile': dockerfile,
    });
    // The image's user attaches: SYS_PTRACE from the run line does not reach it.
    expect(c.found).toContain('PTD005@debug/Dockerfile:4');
    expect(c.r.launches.find((l) => l.kind === 'run')?.dockerfile?.file.path).toBe('debug/Dockerfile');
  });

  it('a directory variable (DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)") and a chain of sources are followed', async () => {
    const c = await run({
      'scripts/vars.sh': '. "${BASH_SOURCE%/*}/more.sh"\n',
      'scripts/more.sh': 'IMAGE=acme/attacher:1\n',
      'scripts/debug.sh': '#!/bin/bash\nDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nsource "$DIR/vars.sh"\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'Makefile': 'build:\n\tdocker build -t acme/attacher:1 -f debug/Dockerfile debug\n',
      'debug/Dockerfile': dockerfile,
    });
    expect(c.r.launches.find((l) => l.kind === 'run')?.dockerfile?.file.path).toBe('debug/Dockerfile');
  });

  it('the directory of the resolved script path: DIR=$(dirname $(realpath $0)) and $(dirname "$(readlink -f "$0")")', async () => {
    const c = await run({
      'hack/vars.sh': 'IMAGE=acme/attacher:1\n',
      'hack/a.sh': '#!/bin/bash\nDIR=$(dirname $(realpath $0))\n. $DIR/vars.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'hack/b.sh': '#!/bin/bash\nsource "$(dirname "$(readlink -f "$0")")/vars.sh"\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'Makefile': 'build:\n\tdocker build -t acme/attacher:1 -f debug/Dockerfile debug\n',
      'debug/Dockerfile': dockerfile,
    });
    for (const p of ['hack/a.sh', 'hack/b.sh']) expect(c.r.launches.find((l) => l.kind === 'run' && l.file.path === p)?.dockerfile?.file.path).toBe('debug/Dockerfile');
  });

  it('$0 in a sourced file is the script that was run: its directory, not the sourced file\'s', async () => {
    const c = await run({
      'lib/env.sh': '. "$(dirname "$0")/image.sh"\n',
      'lib/image.sh': 'IMAGE=acme/wrong:1\n',
      'image.sh': 'IMAGE=acme/attacher:1\n',
      'debug.sh': '#!/bin/sh\n. ./lib/env.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'Makefile': 'build:\n\tdocker build -t acme/attacher:1 -f debug/Dockerfile debug\n',
      'debug/Dockerfile': dockerfile,
    });
    expect(c.r.launches.find((l) => l.kind === 'run')?.image?.value).toBe('$IMAGE');
    expect(c.r.launches.find((l) => l.kind === 'run')?.dockerfile?.file.path).toBe('debug/Dockerfile');
  });

  it('a cycle of sources ends; a file outside the repository, a .env file and a path from a variable it cannot know are not read', async () => {
    const c = await run({
      'a.sh': '#!/bin/sh\n. ./b.sh\nX=1\n',
      'b.sh': '#!/bin/sh\n. ./a.sh\nIMAGE=acme/attacher:1\n',
      '.env': 'IMAGE=acme/attacher:1\n',
      'c.sh': '#!/bin/sh\n. ../outside.sh\n. ./.env\n. "$CONF"/vars.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'd.sh': '#!/bin/sh\n. ./a.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n',
      'Makefile': 'build:\n\tdocker build -t acme/attacher:1 -f debug/Dockerfile debug\n',
      'debug/Dockerfile': dockerfile,
    });
    const runs = c.r.launches.filter((l) => l.kind === 'run');
    expect(runs.find((l) => l.file.path === 'c.sh')?.dockerfile).toBeUndefined();
    // d.sh sources a.sh, which sources b.sh (which sources a.sh back: read once).
    expect(runs.find((l) => l.file.path === 'd.sh')?.dockerfile?.file.path).toBe('debug/Dockerfile');
  });

  it('include versions: a Makefile tags its build with the included variables', async () => {
    const c = await run({
      versions: 'DLV_VERSION=1.22.1\nREV=3\n',
      Makefile: 'include versions\nIMG = ghcr.io/acme/dlv-attach\nimage:\n\tdocker build --tag $(IMG):$(DLV_VERSION)-$(REV) image/\n',
      'attach.sh': '#!/bin/sh\n. ./versions\ndocker run --rm --privileged --pid=container:$1 -p 127.0.0.1:4000:4000 ghcr.io/acme/dlv-attach:$DLV_VERSION-$REV\n',
      'image/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCMD ["dlv", "attach", "1", "--headless", "--listen=:4000"]\n',
    });
    expect(c.found).toEqual(['PTD003@attach.sh:3']);
    // Linked exactly (1.22.1-3 is built), not by name only.
    const l = c.r.launches.find((x) => x.kind === 'run')!;
    expect(l.linkNotes?.some((n) => n.message.includes('ghcr.io/acme/dlv-attach:1.22.1-3'))).toBe(true);
  });
});

describe('a Make variable naming the engine (runlines.ts headWords)', () => {
  const makefile = (tool: string) => `${tool}IMG ?= example.com/app-debug:dev\n\ndocker-build-debug:\n\t$(CONTAINER_TOOL) build -t \${IMG} -f Dockerfile.debug .\n\ndebug-run:\n\t$(CONTAINER_TOOL) run --rm -p 2345:2345 \${IMG}\n`;
  const dockerfile = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY . /src\nWORKDIR /src\nCMD ["dlv", "debug", "--headless", "--listen=:2345", "./cmd/app"]\n';

  it('CONTAINER_TOOL ?= docker: the run line is a launch of the image the build line tags; the fix re-parses', async () => {
    const c = await run({ Makefile: makefile('CONTAINER_TOOL ?= docker\n'), 'Dockerfile.debug': dockerfile });
    expect(c.found).toEqual(['PTD001@Makefile:8', 'PTD007@Makefile:8']);
    const l = c.r.launches.find((x) => x.kind === 'run')!;
    expect(l.name).toBe('docker run ${IMG} (line 8)');
    expect(l.dockerfile?.file.path).toBe('Dockerfile.debug');
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'Makefile')!.after;
    expect(after).toContain('\t$(CONTAINER_TOOL) run --cap-add=SYS_PTRACE --rm -p 127.0.0.1:2345:2345 ${IMG}');
    expect(validate('makefile', after)).toBeUndefined();
  });

  it('podman, and `DOCKER := sudo docker`', async () => {
    const c = await run({ Makefile: makefile('CONTAINER_TOOL := podman\n'), 'Dockerfile.debug': dockerfile });
    expect(c.r.launches.find((x) => x.kind === 'run')?.name).toBe('podman run ${IMG} (line 8)');
    const d = await run({ Makefile: 'DOCKER := sudo docker\nrun:\n\t$(DOCKER) run --rm -p 2345:2345 acme/dbg dlv debug --headless --listen=:2345\n' });
    expect(d.found).toEqual(['PTD001@Makefile:3', 'PTD007@Makefile:3']);
  });

  it('silent: an engine variable the Makefile never sets, or one set to something else', async () => {
    const c = await run({ Makefile: makefile(''), 'Dockerfile.debug': dockerfile });
    expect(c.r.launches.filter((x) => x.kind === 'run')).toEqual([]);
    const d = await run({ Makefile: makefile('CONTAINER_TOOL ?= ./hack/run-in-vm.sh\n'), 'Dockerfile.debug': dockerfile });
    expect(d.r.launches.filter((x) => x.kind === 'run')).toEqual([]);
  });
});

describe('docker compose run (runlines.ts composeRunLaunches)', () => {
  const compose = 'services:\n  app:\n    build: .\n    volumes:\n      - .:/src\n    working_dir: /src\n    ports:\n      - "127.0.0.1:8080:8080"\n';
  const plainImage = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nWORKDIR /src\nCMD ["go", "run", "./cmd/app"]\n';

  it("the line's command runs dlv in the service: its own launch; without --service-ports nothing is published (PTD008)", async () => {
    const c = await run({
      'docker-compose.yml': compose,
      Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCMD ["go", "run", "./cmd/app"]\n',
      Makefile: 'debug:\n\tdocker compose run --rm app go run github.com/go-delve/delve/cmd/dlv@v1.22.1 debug --headless --listen=:2345 ./cmd/app\n',
    });
    expect(c.found).toEqual(['PTD001@Makefile:2', 'PTD008@Makefile:2']);
    const l = c.r.launches.find((x) => x.id.startsWith('compose-run:'))!;
    expect(l.name).toBe('docker compose run app (line 2)');
    expect(l.linkNotes?.some((n) => n.span.file.path === 'docker-compose.yml')).toBe(true);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'Makefile')!.after;
    expect(after).toContain('docker compose run --cap-add=SYS_PTRACE');
    expect(after).toContain('-p 127.0.0.1:2345:2345');
    expect(validate('makefile', after)).toBeUndefined();
    // The service itself runs no debugger: its `up` is left as it is.
    expect(out.changed.find((x) => x.path === 'docker-compose.yml')).toBeUndefined();
  });

  it('--service-ports publishes the service ports; -p and --cap-add on the line count; --entrypoint is split into words', async () => {
    const c = await run({
      'docker-compose.yml': compose.replace('"127.0.0.1:8080:8080"', '"2345:2345"'),
      Dockerfile: plainImage,
      'run.sh': '#!/bin/sh\ndocker-compose run --rm --service-ports --cap-add SYS_PTRACE app dlv debug --headless --listen=:2345 ./cmd/app\ndocker compose run --rm -p 127.0.0.1:2346:2346 --cap-add=SYS_PTRACE --entrypoint "dlv debug --headless --listen=127.0.0.1:2346" app\n',
    });
    // The service installs dlv and publishes 2345 on every interface: both launches read that line (the service a
    // warning, the line that runs dlv headless there an error), so it is one finding at the more severe of the two,
    // naming the other launch, with one change to the port; the service's PTD001 is at its key, not repeated at the
    // line that runs it; the second line listens on loopback.
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD006@run.sh:3', 'PTD007@docker-compose.yml:8']);
    const ptd007 = c.r.findings.filter((f) => f.ruleId === 'PTD007');
    expect(ptd007.map((f) => f.severity)).toEqual(['error']);
    expect(ptd007[0]!.related.some((x) => /^The same holds for .*, which uses these same lines\.$/.test(x.message))).toBe(true);
    const out = await applyFixes({ root: c.root, write: false });
    const y = out.changed.find((x) => x.path === 'docker-compose.yml')!.after;
    expect(y).toContain('"127.0.0.1:2345:2345"');
    expect(validate('compose', y)).toBeUndefined();
  });

  it('DOCKER_COMPOSE ?= docker compose: $(DOCKER_COMPOSE) run is a compose run line', async () => {
    const c = await run({
      'docker-compose.yml': compose,
      Dockerfile: plainImage,
      Makefile: 'DOCKER_COMPOSE ?= docker compose\ndebug:\n\t$(DOCKER_COMPOSE) run --rm --service-ports app dlv debug --headless --listen=:2345 ./cmd/app\n',
    });
    expect(c.r.launches.find((x) => x.id.startsWith('compose-run:'))?.name).toBe('docker compose run app (line 3)');
    // The service installs dlv: its key has the PTD001; the line's dlv port is not among the service's ports.
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD008@Makefile:3']);
  });

  it('silent: a shell, the service\'s own command, a variable service, a service of no Compose file', async () => {
    const c = await run({
      'docker-compose.yml': compose,
      Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCMD ["go", "run", "./cmd/app"]\n',
      Makefile: [
        'SERVICE ?=',
        'shell:',
        '\tdocker compose run --rm app bash',
        'up:',
        '\tdocker compose run --rm --service-ports app',
        'debug:',
        '\tdocker compose run --rm $(SERVICE) dlv debug --headless --listen=:2345 .',
        'other:',
        '\tdocker compose run --rm worker dlv debug --headless --listen=:2345 .',
        '',
      ].join('\n'),
    });
    expect(c.found).toEqual([]);
    expect(c.r.launches.filter((x) => x.id.startsWith('compose-run:'))).toEqual([]);
  });
});

describe('round 10a: bounds and scripts a container runs', () => {
  it("`function f {` bodies are conditional too; a Makefile include cycle and `-include .env` end quietly", async () => {
    expect(words('function f {\n  args=(docker run img dlv debug)\n}\n"${args[@]}"\n').some((w) => w[0] === 'docker')).toBe(false);
    const c = await run({
      Makefile: 'include a.mk\n-include .env\nimage:\n\tdocker build -t $(IMG) -f Dockerfile.debug .\n',
      'a.mk': 'include Makefile\nIMG ?= acme/dbg:1\n',
      '.env': 'IMG=acme/secret-name:1\n',
      'Dockerfile.debug': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\n',
      'run.sh': '#!/bin/sh\ndocker run --rm -p 2345:2345 acme/dbg:1 dlv debug --headless --listen=:2345 .\n',
    });
    expect(c.found).toEqual(['PTD001@run.sh:2', 'PTD007@run.sh:2']);
    expect(c.r.launches.find((l) => l.kind === 'run')?.dockerfile?.file.path).toBe('Dockerfile.debug');
  });

  it("an entrypoint script's `set -- dlv …` + `exec \"$@\"` is what the container runs", async () => {
    const c = await run({
      Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\n',
      'entry.sh': '#!/bin/sh\nset -- dlv exec /app --headless --listen=127.0.0.1:2345\nexec "$@"\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    cap_add: [SYS_PTRACE]\n    ports:\n      - "127.0.0.1:2345:2345"\n',
    });
    expect(c.found).toEqual(['PTD006@entry.sh:2']);
  });
});

describe('round 10a: array-built run lines of production services (corpus 031)', () => {
  it('a monitoring agent started from an array with SYS_PTRACE, a web server with --privileged: launches, no finding', async () => {
    const c = await run({
      'container/agent/Dockerfile': 'FROM netdata/netdata\nRUN usermod -u 1200 netdata\n',
      'container/agent/build': '#!/bin/bash\ndocker build -t example/agent .\n',
      'container/agent/run': '#!/bin/bash\ncmd=(\n\tdocker run -d\n\t-p 19999:19999\n\t-v /proc:/host/proc:ro\n\t--cap-add SYS_PTRACE\n\t--security-opt apparmor=unconfined\n\texample/agent\n)\n"${cmd[@]}"\n',
      'container/web/start': '#!/bin/bash\ncmd=(\n\tdocker run\n\t--privileged=true\n\t-p 3080:80\n\texample/web\n)\n"${cmd[@]}"\n',
    });
    expect(c.found).toEqual([]);
    const agent = c.r.launches.find((l) => l.kind === 'run' && l.image?.value === 'example/agent');
    expect(agent?.hasPtrace).toBe(true);
    expect(agent?.anchor.file.path).toBe('container/agent/run');
  });
});

describe('round 10a: hostile scripts stay bounded', () => {
  it('thousands of unclosed arrays and appends: linear, and an array past 512 words is not assembled', () => {
    const unclosed = 'a=(docker run x\n'.repeat(20_000) + '"${a[@]}"\n';
    const t0 = Date.now();
    const cmds = assembledCommands(splitShell(unclosed), unclosed);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(cmds.length).toBeGreaterThan(0);
    const appends = 'args=(docker run img)\n' + 'args+=(-e X=1)\n'.repeat(600) + '"${args[@]}"\n';
    expect(words(appends).some((w) => w[0] === 'docker')).toBe(false);
    expect(words('args=(docker run img)\n' + 'args+=(-e X=1)\n'.repeat(100) + '"${args[@]}"\n').some((w) => w[0] === 'docker')).toBe(true);
  });

  it('a sourced file read once for many scripts, and a chain longer than four files stops', async () => {
    const files: Record<string, string> = { 'lib/common.sh': 'IMAGE=acme/attacher:1\n', Makefile: 'build:\n\tdocker build -t acme/attacher:1 -f debug/Dockerfile debug\n', 'debug/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCMD ["dlv", "attach", "1"]\n' };
    for (let i = 0; i < 50; i++) files[`s${i}.sh`] = '#!/bin/sh\n. ./lib/common.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n';
    // c1 → c2 → … → c6: the image set in c6 is five files down.
    for (let i = 1; i <= 5; i++) files[`chain/c${i}.sh`] = `. "$(dirname "\${BASH_SOURCE[0]}")/c${i + 1}.sh"\n`;
    files['chain/c6.sh'] = 'IMAGE=acme/attacher:1\n';
    files['deep.sh'] = '#!/bin/sh\n. ./chain/c1.sh\ndocker run --rm --cap-add=SYS_PTRACE $IMAGE\n';
    const c = await run(files);
    const runs = c.r.launches.filter((l) => l.kind === 'run');
    expect(runs.filter((l) => l.dockerfile?.file.path === 'debug/Dockerfile').length).toBe(50);
    expect(runs.find((l) => l.file.path === 'deep.sh')?.dockerfile).toBeUndefined();
  });
});
