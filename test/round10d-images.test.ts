/**
 * Round 10d: images built on images, and debugger images by name.
 * - A Dockerfile that starts FROM an image the repository builds (`docker build -t go-dd-base base/`, then
 *   `FROM go-dd-base`: mozey/go-docker-debug) inherits that image's installs, ENTRYPOINT/CMD, USER and ENV, as
 *   BuildKit takes the local image; a different literal tag is another image; A FROM B FROM A is a PTD900
 *   note, never a hang, and more than MAX_BASE_HOPS images down is not followed.
 * - A third-party debugger image run by a script or Compose (`docker run --privileged acme/lldb-server`:
 *   CSCIX65G/crosscompilation) is evidence by its name: the last component of its repository is a debugger's name.
 * - An image the repository builds only under a debug tag is not what a run of another tag runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { toLocation } from '../src/source.js';
import { debuggerImageTool } from '../src/model/launch.js';
import { tempRepo } from './helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function run(files: Record<string, string>) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${toLocation(f.span).path}:${toLocation(f.span).startLine}`).sort();
  return { r, found };
}

const BASE_DLV = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\n';

describe('FROM an image built in the repository', () => {
  it('inherits the base image installs: a docker run of the app image gets PTD001, with where the base is built', async () => {
    const { r, found } = await run({
      'base/Dockerfile': BASE_DLV,
      'app/Dockerfile': 'FROM acme/base\nCOPY . /src\nCMD ["/src/app"]\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/base -f base/Dockerfile .\ndocker build -t acme/app -f app/Dockerfile .\n',
      'run.sh': '#!/bin/sh\ndocker run -d -p 8080:8080 acme/app\n',
    });
    expect(found).toEqual(['PTD001@run.sh:2']);
    const f = r.findings[0]!;
    expect(f.related.some((x) => /FROM acme\/base/.test(x.message) && x.span.file.path === 'build.sh')).toBe(true);
    expect(f.related.some((x) => x.span.file.path === 'base/Dockerfile')).toBe(true);
  });

  it('the relevance filter reads a cold child of a hot base: the same findings as reading everything', async () => {
    const files = {
      'base/Dockerfile': BASE_DLV,
      'mid/Dockerfile': 'FROM acme/base\nRUN apt-get update\n',
      'app/Dockerfile': 'FROM acme/mid:1\nCOPY . /src\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/base base\ndocker build -t acme/mid:1 mid\ndocker build -t acme/app app\n',
      'compose.yaml': 'services:\n  app:\n    image: acme/app\n    ports: ["8080:8080"]\n',
    };
    const root = tempRepo(files);
    roots.push(root);
    const key = (fs: Awaited<ReturnType<typeof scan>>['findings']) => fs.map((f) => `${f.ruleId}@${toLocation(f.span).path}:${toLocation(f.span).startLine}`).sort();
    const filtered = key((await scan({ root })).findings);
    expect(filtered).toEqual(['PTD001@compose.yaml:2']);
    expect(key((await scan({ root, readEverything: true })).findings)).toEqual(filtered);
  });

  it('inherits ENTRYPOINT and USER: a non-root dlv attach of the base is PTD005 on the app run', async () => {
    const { found } = await run({
      'base/Dockerfile': `${BASE_DLV}USER 1000\nENTRYPOINT ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n`,
      'app/Dockerfile': 'FROM acme/base:dev\nCOPY app /app\n',
      Makefile: 'images:\n\tdocker build -t acme/base:dev base\n\tdocker build -t acme/app app\n',
      'run.sh': '#!/bin/sh\ndocker run --cap-add=SYS_PTRACE -p 127.0.0.1:2345:2345 acme/app\n',
    });
    expect(found).toEqual(['PTD005@base/Dockerfile:4']);
  });

  it("an ENTRYPOINT of the app's own drops the base's CMD (which ran dlv): nothing runs or installs a debugger", async () => {
    const { found } = await run({
      'base/Dockerfile': 'FROM debian:12\nCOPY dlv /usr/local/bin/dlv\nCMD ["dlv", "exec", "/app", "--headless", "--listen=127.0.0.1:2345"]\n',
      'app/Dockerfile': 'FROM acme/base\nENTRYPOINT ["/app"]\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/base base\ndocker build -t acme/app app\ndocker run -p 8080:8080 acme/app\n',
    });
    // The base's own launch (its CMD listens on loopback) is still read as a Dockerfile nobody else runs.
    expect(found).toEqual(['PTD006@base/Dockerfile:3']);
  });

  it('a different literal tag is another image (a registry pull): nothing is inherited', async () => {
    const { found } = await run({
      'base/Dockerfile': BASE_DLV,
      'app/Dockerfile': 'FROM acme/base:1.0\nCMD ["/app"]\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/base:2.0 base\ndocker build -t acme/app app\ndocker run -d acme/app\n',
    });
    expect(found).toEqual([]);
  });

  it('a base without a debugger adds nothing: production images built on a local base stay silent', async () => {
    const { found } = await run({
      'base/Dockerfile': 'FROM debian:12\nRUN apt-get update && apt-get install -y ca-certificates\nUSER 1000\n',
      'app/Dockerfile': 'FROM acme/base\nCOPY app /app\nCMD ["/app"]\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/base base\ndocker build -t acme/app app\ndocker run --privileged acme/app\n',
    });
    expect(found).toEqual([]);
  });

  it('A FROM B FROM A is a PTD900 note at the FROM that closes the loop, and the scan ends', async () => {
    const { r, found } = await run({
      'a/Dockerfile': 'FROM acme/b\nRUN apt-get install -y gdb\n',
      'b/Dockerfile': 'FROM acme/a\nRUN apt-get install -y strace\n',
      'build.sh': '#!/bin/sh\ndocker build -t acme/a a\ndocker build -t acme/b b\ndocker run acme/a\n',
    });
    expect(found.filter((x) => x.startsWith('PTD900'))).toHaveLength(1);
    expect(r.findings.find((f) => f.ruleId === 'PTD900')!.message).toMatch(/builds on this one/);
    // Both installs reach the run (a's own, and b's through FROM acme/b).
    expect(found).toContain('PTD001@build.sh:4');
  });

  it('a Dockerfile FROM the very name it is built as (a custom postgres:16) is no loop and no base', async () => {
    const { found } = await run({
      'db/Dockerfile': 'FROM postgres:16\nRUN apt-get update && apt-get install -y gdb\n',
      'compose.yaml': 'services:\n  db:\n    build: ./db\n    image: postgres:16\n    cap_add: [SYS_PTRACE]\n',
    });
    expect(found).toEqual([]);
  });

  it('a chain deeper than the hop limit is cut short with a PTD900 note', async () => {
    const files: Record<string, string> = { 'img0/Dockerfile': BASE_DLV };
    const builds: string[] = ['docker build -t acme/img0 img0'];
    for (let i = 1; i <= 11; i++) {
      files[`img${i}/Dockerfile`] = `FROM acme/img${i - 1}\nRUN true\n`;
      builds.push(`docker build -t acme/img${i} img${i}`);
    }
    files['build.sh'] = `#!/bin/sh\n${builds.join('\n')}\ndocker run acme/img11\n`;
    const { r } = await run(files);
    expect(r.findings.some((f) => f.ruleId === 'PTD900' && /more than 8 locally built images down/.test(f.message))).toBe(true);
  });
});

describe('debugger images by name', () => {
  it('names whose last component is a debugger count; look-alikes do not', () => {
    const yes: Array<[string, string]> = [['acme/lldb-server:amd64-latest', 'lldb'], ['ghcr.io/acme/delve', 'dlv'], ['acme/dlv:1.25', 'dlv'], ['quay.io/x/gdbserver', 'gdb'], ['x/go-delve', 'dlv'], ['x/lldb-server-18', 'lldb'], ['strace', 'strace'], ['x/gdb-server@sha256:abc', 'gdb']];
    for (const [image, tool] of yes) expect(debuggerImageTool(image), image).toBe(tool);
    for (const image of ['golang:1.22', 'acme/app-debug', 'busybox:debug', 'acme/strace-exporter', 'acme/tools:gdb', 'acme/debugger', '${REG}/dlv', 'gcr.io/distroless/base:debug', 'acme/delve-docs', 'mcr.microsoft.com/devcontainers/go', 'nicolaka/netshoot']) {
      expect(debuggerImageTool(image), image).toBeUndefined();
    }
  });

  it('docker run --privileged of a third-party lldb-server image is PTD003; of an app image, nothing', async () => {
    const { found } = await run({
      'debug.sh': '#!/bin/sh\ndocker run -d --privileged -p 9293:9293 acme/lldb-server:amd64-latest\ndocker run -d --privileged acme/app-debug\ndocker run --privileged golang:1.22 go test ./...\n',
    });
    expect(found).toEqual(['PTD003@debug.sh:2']);
  });

  it('a Compose service of a delve image without SYS_PTRACE is PTD001; a production service beside it is silent', async () => {
    const { found } = await run({
      'compose.yaml': 'services:\n  dlv:\n    image: acme/delve:1.25\n    pid: "service:api"\n  api:\n    image: acme/api:1.0\n    privileged: true\n',
    });
    expect(found).toEqual(['PTD001@compose.yaml:2']);
  });
});

describe('tags: a build only under a debug tag', () => {
  const files = (tag: string) => ({
    'Dockerfile.debug': `${BASE_DLV}CMD ["dlv", "debug", "--headless", "--listen=:2345"]\n`,
    'Makefile': 'debug-image:\n\tdocker build -t acme/banner:debug -f Dockerfile.debug .\n',
    'run.sh': `#!/bin/sh\ndocker run -d -p 127.0.0.1:2345:2345 acme/banner${tag}\n`,
  });

  it('docker run acme/banner:latest (or no tag) is not the debug build: nothing fires on the plain run', async () => {
    for (const tag of [':latest', '']) expect((await run(files(tag))).found.filter((x) => x.startsWith('PTD001@run.sh'))).toEqual([]);
  });

  it('docker run acme/banner:debug is the debug build: PTD001 on the run', async () => {
    expect((await run(files(':debug'))).found).toEqual(['PTD001@run.sh:2']);
  });
});
