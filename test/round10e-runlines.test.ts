/**
 * Round 10e: run lines that went unread (robinbryce/findindi, mozey/go-docker-debug).
 * - `ssh [-t] [-o …] HOST /usr/local/bin/docker run …` and `ssh HOST "docker run …"`: the remote command is a run line.
 * - The engine and a sudo-like prefix named by variables: `$ESCALATE $DOCKER run` after `DOCKER=$(which docker)`, `ESCALATE=sudo`.
 * - `docker create [flags] IMAGE [CMD]` whose container the file starts (`docker start NAME`): a run line.
 * Each with what must not be found.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { validate } from '../src/fix/validate.js';
import { toLocation } from '../src/source.js';
import { splitShell } from '../src/parse/shell.js';
import { remoteCommands } from '../src/model/runlines.js';
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

const remote = (text: string): string[][] | undefined => remoteCommands(splitShell(text)[0]!)?.map((c) => c.words.map((w) => w.value));

describe('ssh HOST COMMAND… (runlines.ts remoteCommands)', () => {
  it('the words after the options and the host are the remote command; one quoted word is split again, offsets kept', () => {
    expect(remote('ssh -t root@localhost /usr/local/bin/docker run --rm img\n')).toEqual([['/usr/local/bin/docker', 'run', '--rm', 'img']]);
    expect(remote('ssh -o StrictHostKeyChecking=no -p 2222 -tt dev@box docker ps\n')).toEqual([['docker', 'ps']]);
    expect(remote('ssh -oBatchMode=yes -i ~/.ssh/k box docker ps\n')).toEqual([['docker', 'ps']]);
    const text = 'ssh box "cd /src && docker run --rm img"\n';
    const cmds = remoteCommands(splitShell(text)[0]!)!;
    expect(cmds.map((c) => c.words.map((w) => w.value))).toEqual([['cd', '/src'], ['docker', 'run', '--rm', 'img']]);
    const img = cmds[1]!.words[3]!;
    expect(text.slice(img.start, img.end)).toBe('img');
  });

  it('no remote command: a port forward (-N), a subsystem (-s), a host alone, or not ssh at all', () => {
    expect(remote('ssh -N -L 2345:localhost:2345 box\n')).toBeUndefined();
    expect(remote('ssh -s box sftp\n')).toBeUndefined();
    expect(remote('ssh -p 22 box\n')).toBeUndefined();
    expect(remote('scp box:/x .\n')).toBeUndefined();
  });

  it('ssh -t HOST /usr/local/bin/docker run …: a run line on that host, fixed where it is written', async () => {
    const script = '#!/bin/bash\n# start the debug server\nssh -t root@localhost /usr/local/bin/docker run --rm -it \\\n    -p 127.0.0.1:2345:2345 \\\n    acme/tools:dev \\\n    dlv debug --headless --listen=:2345 ./cmd/app\n';
    const c = await run({ 'debug.sh': script });
    expect(c.found).toEqual(['PTD001@debug.sh:3']);
    expect(c.r.launches.find((l) => l.kind === 'run')?.name).toBe('docker run acme/tools:dev (line 3)');
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'debug.sh')!.after;
    expect(after).toContain('ssh -t root@localhost /usr/local/bin/docker run --cap-add=SYS_PTRACE --rm -it \\\n');
    expect(validate('shell', after)).toBeUndefined();
    expect(out.after.findings).toEqual([]);
  });

  it('ssh HOST "docker run …" (one quoted argument): seccomp=unconfined replaced inside the quotes; the edited file re-parses to the fixed line', async () => {
    const script = '#!/bin/sh\nssh -o StrictHostKeyChecking=no dev@buildbox "cd /src && docker run --rm --security-opt seccomp=unconfined -p 127.0.0.1:4000:4000 acme/tools:dev dlv debug --headless --listen=:4000 ./cmd/app"\n';
    const c = await run({ 'remote-debug.sh': script });
    expect(c.found).toEqual(['PTD002@remote-debug.sh:2']);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'remote-debug.sh')!.after;
    expect(after).toContain('"cd /src && docker run --cap-add=SYS_PTRACE --rm -p 127.0.0.1:4000:4000 acme/tools:dev');
    expect(validate('shell', after)).toBeUndefined();
    const line = splitShell(after).find((x) => x.words[0]?.value === 'ssh')!;
    expect(remoteCommands(line)![1]!.words.map((w) => w.value).slice(0, 4)).toEqual(['docker', 'run', '--cap-add=SYS_PTRACE', '--rm']);
    expect(out.after.findings).toEqual([]);
  });

  it('silent: an ssh line that runs something else, a port forward, an unrelated image, an echo of a run line', async () => {
    const c = await run({
      'a.sh': '#!/bin/sh\nssh box dlv attach 1234\nssh box docker run --rm -p 8080:8080 nginx:1.25\nssh -N -L 2345:localhost:2345 box\n',
      'c.sh': '#!/bin/sh\nssh box "echo docker run --rm acme/tools dlv debug"\n',
    });
    expect(c.r.launches.filter((l) => l.kind === 'run').map((l) => l.name)).toEqual(['docker run nginx:1.25 (line 3)']);
    expect(c.found).toEqual([]);
  });
});

describe('the engine and a sudo-like prefix in variables (runlines.ts headWords, isPrefixWord)', () => {
  it('$ESCALATE $DOCKER run with DOCKER=$(which docker) and ESCALATE=$(which really) (else sudo): seccomp replaced', async () => {
    const script = '#!/bin/bash\nESCALATE=$(which really)\nif [ "" = "$ESCALATE" ]; then\n    ESCALATE="sudo"\nfi\nDOCKER=$(which docker)\n$ESCALATE $DOCKER run --rm -it \\\n    --security-opt seccomp:unconfined \\\n    acme/tools:dev \\\n    gdbserver :3000 build/tool\n';
    const c = await run({ 'gdb.sh': script });
    expect(c.found).toEqual(['PTD002@gdb.sh:8']);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'gdb.sh')!.after;
    expect(after).toContain('$ESCALATE $DOCKER run --cap-add=SYS_PTRACE --rm -it \\\n    acme/tools:dev');
    expect(validate('shell', after)).toBeUndefined();
    expect(out.after.findings).toEqual([]);
  });

  it('DOCKER=$(command -v podman), a quoted `which`, SUDO="sudo -E", and an empty prefix: each names the engine', async () => {
    const c = await run({
      'a.sh': '#!/bin/sh\nSUDO=\nENGINE=$(command -v podman)\n$SUDO $ENGINE run --privileged acme/tools dlv debug ./cmd\n',
      'b.sh': '#!/bin/sh\nDOCKER="`which docker`"\nSUDO="sudo -E"\n$SUDO "$DOCKER" run --privileged acme/tools dlv debug ./cmd\n',
      'Makefile': 'DOCKER := $(shell which docker 2>/dev/null)\ndebug:\n\t$(DOCKER) run --privileged acme/tools dlv debug ./cmd\n',
    });
    expect(c.found).toEqual(['PTD003@Makefile:3', 'PTD003@a.sh:4', 'PTD003@b.sh:4']);
    expect(c.r.launches.filter((l) => l.kind === 'run').map((l) => l.name).sort()).toEqual(['docker run acme/tools (line 3)', 'docker run acme/tools (line 4)', 'podman run acme/tools (line 4)']);
  });

  it('silent: a prefix that is not an escalation (echo), a variable the file does not set, a quoted empty word, an unknown lookup', async () => {
    const c = await run({
      'a.sh': '#!/bin/sh\nSAY=echo\n$SAY docker run --privileged acme/tools dlv debug ./cmd\n',
      'b.sh': '#!/bin/sh\n$WRAP docker run --privileged acme/tools dlv debug ./cmd\n',
      'c.sh': '#!/bin/sh\nPRE=\n"$PRE" docker run --privileged acme/tools dlv debug ./cmd\n',
      'd.sh': '#!/bin/sh\nDOCKER=$(find_engine)\n$DOCKER run --privileged acme/tools dlv debug ./cmd\nDOCKER2=$(which dlv)\n$DOCKER2 run --privileged acme/tools dlv debug ./cmd\n',
    });
    expect(c.r.launches.filter((l) => l.kind === 'run')).toEqual([]);
    expect(c.found).toEqual([]);
  });
});

describe('docker create … ; docker start NAME (runlines.ts runLineLaunches)', () => {
  const image = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY . /src\nWORKDIR /src\nCMD ["dlv", "debug", "--headless", "--listen=:2345", "./cmd/app"]\n';

  it('a created container the script starts is a run line: same findings, and the fix adds the capability after `create`', async () => {
    const script = '#!/usr/bin/env bash\nset -eu\nNAME=app-dbg\ndocker create --name "${NAME}" \\\n    -p 2345:2345 \\\n    acme/app-debug\ndocker start "${NAME}"\n';
    const c = await run({ 'scripts/container.sh': script, 'scripts/image.sh': '#!/bin/sh\ndocker build -t acme/app-debug -f Dockerfile.debug .\n', 'Dockerfile.debug': image });
    expect(c.found).toEqual(['PTD001@scripts/container.sh:4', 'PTD007@scripts/container.sh:5']);
    expect(c.r.launches.find((l) => l.kind === 'run')?.name).toBe('docker create acme/app-debug (line 4)');
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'scripts/container.sh')!.after;
    expect(after).toContain('docker create --cap-add=SYS_PTRACE --name "${NAME}" \\\n    -p 127.0.0.1:2345:2345 \\\n');
    expect(validate('shell', after)).toBeUndefined();
    expect(out.after.findings).toEqual([]);
  });

  it('podman container create with its own command, started by `podman start -a`', async () => {
    const c = await run({ 'run.sh': '#!/bin/sh\npodman container create --name t --security-opt seccomp=unconfined alpine:3.19 strace -f /bin/true\npodman start -a t\n' });
    expect(c.found).toEqual(['PTD002@run.sh:2']);
    expect(c.r.launches.find((l) => l.kind === 'run')?.name).toBe('podman create alpine:3.19 (line 2)');
  });

  it('silent: a created image without a debugger, a container created only to copy files out, other `create` verbs', async () => {
    const c = await run({
      // The file is read (it names dlv); only the container it starts is a launch, and nginx runs no debugger.
      'extract.sh': '#!/bin/sh\ndocker create --name web --privileged -p 8080:80 nginx:1.25\ndocker start web\ndocker create --name out acme/app-debug\ndocker cp out:/go/bin/dlv ./bin/dlv\ndocker rm out\n',
      'other.sh': '#!/bin/sh\n# dlv runs elsewhere\ndocker network create dbg\ndocker volume create cache\ndocker start dbg\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/app-debug -f Dockerfile.debug .\n',
      'Dockerfile.debug': image,
    });
    expect(c.r.launches.filter((l) => l.kind === 'run').map((l) => l.name)).toEqual(['docker create nginx:1.25 (line 2)']);
    expect(c.found.filter((f) => !f.startsWith('PTD012'))).toEqual([]);
  });
});
