/**
 * `.vscode/tasks.json`: the `docker run` a launch.json preLaunchTask starts before attaching, in a shell task's
 * `command` (a string, an array joined by spaces, or `command` + `args`), the linux/osx/windows variants, and the
 * Docker extension's `docker-build` / `docker-run` tasks. Fixes edit a command written in one JSON string; what
 * VS Code assembles from several strings or properties gets findings without an automatic fix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';
import { scan } from '../../src/engine.js';
import { classifyByName } from '../../src/discover/index.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function found(files: Record<string, string>) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  return { r, found: r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}`).sort() };
}

const tasks = (...t: string[]): string => `{\n  // Tasks for the debug container.\n  "version": "2.0.0",\n  "tasks": [\n${t.join(',\n')}\n  ]\n}\n`;
const DEBUG_DOCKERFILE = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY . /src\nRUN cd /src && go build -gcflags="all=-N -l" -o /app/web .\nCMD ["dlv", "exec", "/app/web", "--headless", "--listen=:2345", "--api-version=2"]\n';

describe('.vscode/tasks.json', () => {
  it('is read only at .vscode/tasks.json', () => {
    expect(classifyByName('.vscode/tasks.json')).toBe('vscode-tasks');
    expect(classifyByName('app/.vscode/tasks.json')).toBe('vscode-tasks');
    expect(classifyByName('tasks.json')).toBeUndefined();
    expect(classifyByName('config/tasks.json')).toBeUndefined();
  });

  it('a shell task\'s docker run line: findings on its words, one fix that edits the string in place and leaves valid JSON', async () => {
    const c = await found({
      '.vscode/tasks.json': tasks(
        '    {\n      "label": "debug container",\n      "type": "shell",\n      "command": "docker run --rm -d -p 2345:2345 --security-opt seccomp=unconfined acme/api dlv exec /app/api --headless --listen=:2345 --api-version=2",\n      "problemMatcher": [],\n    }',
        '    { "label": "build", "type": "shell", "command": "go build ./..." }',
      ),
    });
    expect(c.found).toEqual(['PTD002@.vscode/tasks.json:8', 'PTD007@.vscode/tasks.json:8']);
    const after = c.r.settled.results.get('.vscode/tasks.json')?.after;
    expect(after).toBeDefined();
    const errors: ParseError[] = [];
    const j = parse(after!, errors, { allowTrailingComma: true }) as { tasks: Array<{ command: string }> };
    expect(errors).toEqual([]);
    expect(j.tasks[0]!.command).toBe('docker run --cap-add=SYS_PTRACE --rm -d -p 127.0.0.1:2345:2345 acme/api dlv exec /app/api --headless --listen=:2345 --api-version=2');
    expect(after).toContain('// Tasks for the debug container.');
  });

  it('command + args, a command array and a linux variant: findings where VS Code takes the words from, no automatic fix', async () => {
    const c = await found({
      '.vscode/tasks.json': tasks(
        '    {\n      "label": "attach",\n      "type": "shell",\n      "command": "docker",\n      "args": ["run", "--rm", "-p", "40000:40000", "acme/svc", "dlv", "attach", "1", "--headless", "--listen=:40000"]\n    }',
        '    {\n      "label": "trace",\n      "command": [\n        "docker run --rm acme/svc",\n        "strace -f -p 1"\n      ]\n    }',
        '    {\n      "label": "gdb",\n      "windows": { "command": "echo no" },\n      "linux": { "command": "docker run --rm -it acme/native gdb -p 1" }\n    }',
      ),
    });
    expect(c.found).toEqual(['PTD001@.vscode/tasks.json:8', 'PTD001@.vscode/tasks.json:14', 'PTD001@.vscode/tasks.json:21', 'PTD007@.vscode/tasks.json:9'].sort());
    const byLine = (n: number) => c.r.findings.find((f) => toLocation(f.span).startLine === n && f.ruleId === 'PTD001')!;
    // Words assembled from several strings: no edit inside one of them (VS Code would pass it as one argument).
    expect(byLine(8).fix).toBeUndefined();
    expect(byLine(14).fix).toBeUndefined();
    // A variant's own command line in one string is edited in place.
    expect(byLine(21).fix?.edits[0]?.text).toContain('"linux": { "command": "docker run --cap-add=SYS_PTRACE --rm -it acme/native gdb -p 1" }');
    // A finding whose fix another would have made falls back to its own advice when that fix is dropped.
    const ptd007 = c.r.findings.find((f) => f.ruleId === 'PTD007')!;
    expect(ptd007.related.some((r) => r.message.startsWith('Fixed together with'))).toBe(false);
  });

  it('docker-build and docker-run tasks: the image is linked to its Dockerfile by tag, the run options are read', async () => {
    const c = await found({
      '.vscode/tasks.json': tasks(
        '    {\n      "type": "docker-build",\n      "label": "docker-build: debug",\n      "dockerBuild": { "tag": "acme/web:debug", "dockerfile": "${workspaceFolder}/Dockerfile.debug", "context": "${workspaceFolder}" }\n    }',
        '    {\n      "type": "docker-run",\n      "label": "docker-run: debug",\n      "dependsOn": ["docker-build: debug"],\n      "dockerRun": {\n        "image": "acme/web:debug",\n        "ports": [{ "containerPort": 2345, "hostPort": 2345 }],\n        "customOptions": "--security-opt=seccomp:unconfined"\n      }\n    }',
      ),
      'Dockerfile.debug': DEBUG_DOCKERFILE,
    });
    expect(c.found).toEqual(['PTD002@.vscode/tasks.json:17', 'PTD007@.vscode/tasks.json:16']);
    // The fix would have to add an option VS Code assembles: none is offered, the advice is given in words.
    for (const f of c.r.findings) {
      expect(f.fix).toBeUndefined();
      expect(f.fixHint).toBeTruthy();
    }
    expect(c.r.settled.results.size).toBe(0);
  });

  it('nothing for tasks that run no debugger, a docker-run of an image without one, or a correct debug run', async () => {
    const c = await found({
      '.vscode/tasks.json': tasks(
        '    { "label": "up", "type": "shell", "command": "docker compose up --build" }',
        '    { "label": "db", "type": "shell", "command": "docker run --rm -d -p 5432:5432 postgres:16" }',
        '    { "label": "ok", "type": "shell", "command": "docker run --rm --cap-add=SYS_PTRACE -p 127.0.0.1:2345:2345 acme/api dlv exec /app/api --headless --listen=:2345 --api-version=2" }',
        '    { "type": "docker-run", "label": "web", "dockerRun": { "image": "nginx:1.27", "ports": [{ "containerPort": 80, "hostPort": 8080 }], "customOptions": "--security-opt seccomp=unconfined" } }',
        '    { "label": "comment", "type": "shell", "command": "echo dlv attach is not used here" }',
      ),
      'Dockerfile': 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n',
    });
    expect(c.found).toEqual([]);
  });
});
