/**
 * Round 9d: real Go debug setups the model missed.
 * - A Makefile's COMPONENT given several values by the commands that start its template targets.
 * - Tiltfile entrypoints built in Starlark (a list variable joined with `+`, a function returning a list,
 *   `.format`, a name rebound under a debug switch), dockerfile_contents, a Tilt entrypoint replacing an
 *   app container's own command.
 * - A Helm key written in both branches of an if/else.
 * - Okteto `dev.<name>.services`.
 * Each with what must not be found.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { validate } from '../src/fix/validate.js';
import { toLocation } from '../src/source.js';
import { starlarkCalls } from '../src/parse/starlark.js';
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

const values = (v: { value: string; items?: { value: string }[] } | undefined): unknown => (v?.items ? v.items.map((i) => i.value) : v?.value);

describe('Starlark constant expressions (parse/starlark.ts)', () => {
  it('joins lists and strings with +, reads names bound at the top level and .format / % of strings', () => {
    const text = [
      "DLV = ['/dlv', '--listen=:2345', '--headless']",
      "base = '''FROM golang\\n'''",
      "cmd = 'go build -o /opt/{app} ./cmd/{app}'",
      "port = '%s:%s' % ('2345', '2345')",
      "docker_build('a', '.', entrypoint=DLV + ['exec', '/opt/a'], dockerfile_contents=base + 'RUN ' + cmd.format(app='a'), only=[port])",
      '',
    ].join('\n');
    const [c] = starlarkCalls(text, new Set(['docker_build']));
    expect(values(c!.kwargs.get('entrypoint'))).toEqual(['/dlv', '--listen=:2345', '--headless', 'exec', '/opt/a']);
    const contents = c!.kwargs.get('dockerfile_contents')!;
    expect(contents.value).toBe('FROM golang\nRUN go build -o /opt/a ./cmd/a');
    // A string made by + starts with the literal it was built from (read in place as the base Dockerfile).
    expect(contents.head?.value).toBe('FROM golang\n');
    expect(values(c!.kwargs.get('only'))).toEqual(['2345:2345']);
    // Each list item keeps the place of its own literal.
    const items = c!.kwargs.get('entrypoint')!.items!;
    expect(text.slice(items[1]!.start, items[1]!.end)).toBe("'--listen=:2345'");
  });

  it("calls the file's own functions: parameters, defaults, a local binding, one return", () => {
    const text = [
      "flags = '--headless --listen=:7000'",
      'def dlv_entrypoint(name, extra = "--continue"):',
      "    line = 'exec dlv exec /app/{name} {flags} {extra}'.format(name = name, flags = flags, extra = extra)",
      "    return ['sh', '-c', line]",
      '',
      "docker_build('svc', '.', entrypoint = dlv_entrypoint('cart'))",
      '',
    ].join('\n');
    const [c] = starlarkCalls(text, new Set(['docker_build']));
    expect(values(c!.kwargs.get('entrypoint'))).toEqual(['sh', '-c', 'exec dlv exec /app/cart --headless --listen=:7000 --continue']);
  });

  it('a name rebound under a condition takes the last binding before its use', () => {
    const text = "ep = ['/manager']\nif cfg.get('debug'):\n    ep = ['/dlv', 'exec', '/manager']\ndocker_build('m', '.', entrypoint = ep)\n";
    const [c] = starlarkCalls(text, new Set(['docker_build']));
    expect(values(c!.kwargs.get('entrypoint'))).toEqual(['/dlv', 'exec', '/manager']);
  });

  it('gives no value for what it cannot know: loops, conditions, other calls, several returns, a loop variable inside a string', () => {
    const text = [
      'def pick(x):',
      '    if x:',
      "        return ['a']",
      "    return ['b']",
      "docker_build('a', '.', entrypoint = [p for p in ps])",
      "docker_build('b', '.', entrypoint = ['x'] if y else ['z'])",
      "docker_build('c', '.', entrypoint = local('echo x'))",
      "docker_build('d', '.', entrypoint = pick(1))",
      'for name in names:',
      "    docker_build(name, '.', entrypoint = ['/bin/' + name, '--flag'])",
      '',
    ].join('\n');
    const calls = starlarkCalls(text, new Set(['docker_build']));
    expect(calls.slice(0, 4).map((c) => c.kwargs.get('entrypoint'))).toEqual([undefined, undefined, undefined, undefined]);
    // An item whose value is unknown stays in its place (as its source text, marked unknown); the known ones are kept.
    const last = calls[4]!.kwargs.get('entrypoint')!;
    expect(last.items!.map((i) => [i.value, !!i.unknown])).toEqual([["'/bin/' + name", true], ['--flag', false]]);
  });

  it('reads every call of a file with many builds (each argument has its own budget)', () => {
    const lines = ["DLV = ['/dlv', '--headless', '--listen=:2345', 'exec']"];
    for (let i = 0; i < 2000; i++) lines.push(`docker_build('img${i}', '.', entrypoint = DLV + ['/bin/app${i}'])`);
    const t0 = Date.now();
    const calls = starlarkCalls(lines.join('\n'), new Set(['docker_build']));
    expect(calls).toHaveLength(2000);
    expect(values(calls[1999]!.kwargs.get('entrypoint'))).toEqual(['/dlv', '--headless', '--listen=:2345', 'exec', '/bin/app1999']);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('stays bounded on a binding that refers to itself and on deep recursion', () => {
    const text = "a = a + ['x']\ndef f(n):\n    return f(n)\ndocker_build('r', '.', entrypoint = a, dockerfile = f(1))\n";
    const [c] = starlarkCalls(text, new Set(['docker_build']));
    expect(c!.kwargs.get('entrypoint')).toBeUndefined();
    expect(c!.kwargs.get('dockerfile')).toBeUndefined();
  });
});

const DEPLOY = (container: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ctl\nspec:\n  template:\n    spec:\n${container}`;

describe('Tiltfile entrypoints built in Starlark (model/tilt.ts)', () => {
  it('a list variable joined with the binary replaces the container command: PTD001 on the app container, not its init container', async () => {
    const c = await run({
      Tiltfile: "DLV = ['/dlv', '--listen=:2345', '--headless', 'exec']\ndocker_build_with_restart('acme/ctl', '.', dockerfile = 'Dockerfile.tilt', entrypoint = DLV + ['/manager', '--'])\nk8s_yaml('k8s/ctl.yaml')\n",
      'Dockerfile.tilt': 'FROM alpine\nCOPY dlv /dlv\nCOPY bin/manager /manager\n',
      'k8s/ctl.yaml': DEPLOY('      initContainers:\n        - name: copy\n          image: acme/ctl\n          command: [/bin/cp, /manager, /shared/]\n      containers:\n        - name: manager\n          image: acme/ctl\n          command: [/manager]\n          args: [--leader-elect]\n'),
    });
    expect(c.found).toEqual(['PTD001@k8s/ctl.yaml:13']);
    expect(c.r.findings[0]!.related?.some((r) => r.span.file.path === 'Tiltfile')).toBe(true);
    // The fix grants the capability in the manifest's app container, and the manifest still parses.
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'k8s/ctl.yaml')!.after;
    expect(validate('kubernetes', after)).toBeUndefined();
    expect(after).toMatch(/name: manager[\s\S]*SYS_PTRACE/);
    expect(out.after.findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('a function returning sh -c with a formatted dlv line counts as the entrypoint', async () => {
    const c = await run({
      Tiltfile: "flags = '--headless --listen=:7000'\ndef ep(name):\n    return ['sh', '-c', 'exec dlv exec /app/{name} {flags}'.format(name = name, flags = flags)]\ndocker_build_with_restart('acme/cart', '.', dockerfile = 'Dockerfile.dev', entrypoint = ep('cart'))\nk8s_yaml('k8s/cart.yaml')\n",
      'Dockerfile.dev': 'FROM alpine\nCOPY dlv /usr/local/bin/dlv\n',
      'k8s/cart.yaml': DEPLOY('      containers:\n        - name: cart\n          image: acme/cart\n'),
    });
    expect(c.found).toEqual(['PTD001@k8s/cart.yaml:9']);
  });

  it('dockerfile_contents is the Dockerfile (a literal read in place); the context Dockerfile is not linked instead', async () => {
    const c = await run({
      Tiltfile: "base = '''\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\n'''\ndocker_build('acme/api', '.', dockerfile_contents = base + 'RUN go build -o /api .', entrypoint = ['/go/bin/dlv', 'exec', '/api'])\nk8s_yaml('k8s/api.yaml')\n",
      // The production Dockerfile of the context: its CMD is no debugger and it must not be what the build uses.
      Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["/api"]\n',
      'k8s/api.yaml': DEPLOY('      containers:\n        - name: api\n          image: acme/api\n'),
    });
    // The pinned install of the inline Dockerfile is fine; the context's @latest is its own file's note.
    expect(c.found).toEqual(['PTD001@k8s/api.yaml:9', 'PTD012@Dockerfile:2']);
  });

  it("an unpinned install in dockerfile_contents is reported in the Tiltfile, and its fix edits the Tiltfile's own text", async () => {
    const tiltfile = "base = '''\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n'''\ndocker_build('acme/api', '.', dockerfile_contents = base + 'RUN go build -o /api .', entrypoint = ['/go/bin/dlv', 'exec', '/api'])\nk8s_yaml('k8s/api.yaml')\n";
    const c = await run({ Tiltfile: tiltfile, 'k8s/api.yaml': DEPLOY('      containers:\n        - name: api\n          image: acme/api\n') });
    expect(c.found).toEqual(['PTD001@k8s/api.yaml:9', 'PTD012@Tiltfile:3']);
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'Tiltfile')!.after;
    const pinned = /dlv@(v\d+\.\d+\.\d+)/.exec(after)![1]!;
    expect(after).toBe(tiltfile.replace('dlv@latest', `dlv@${pinned}`));
    expect(after).not.toContain('@latest');
  });

  it('no debugger in the Starlark-built entrypoint: nothing, whatever the names', async () => {
    const c = await run({
      Tiltfile: "BASE = ['/manager']\ndocker_build_with_restart('acme/ctl', '.', dockerfile = 'Dockerfile.tilt', entrypoint = BASE + ['--debug-log'])\nk8s_yaml('k8s/ctl.yaml')\n",
      'Dockerfile.tilt': 'FROM alpine\nCOPY bin/manager /manager\n',
      'k8s/ctl.yaml': DEPLOY('      containers:\n        - name: manager\n          image: acme/ctl\n          command: [/manager]\n'),
    });
    expect(c.found).toEqual([]);
  });
});

describe('a Makefile variable given several values (model/runlines.ts)', () => {
  const MAKE = [
    '.PHONY: image image-debug',
    'image:',
    '\tdocker build -t acme/$(COMPONENT) -f ./cmd/$(COMPONENT)/Dockerfile .',
    'image-debug:',
    '\tdocker build -t acme/$(COMPONENT)-debug -f ./cmd/$(COMPONENT)/Dockerfile.debug .',
    'server-debug:',
    '\tCOMPONENT=server $(MAKE) image-debug',
    'cli:',
    '\tCOMPONENT=cli $(MAKE) image',
    '',
  ].join('\n');

  it('each value is one build: the debug image run by Compose links to its Dockerfile', async () => {
    const c = await run({
      Makefile: MAKE,
      'cmd/server/Dockerfile.debug': 'FROM alpine\nCOPY dlv /dlv\nENTRYPOINT ["/dlv", "--listen=:2345", "--headless", "exec", "/server"]\n',
      'cmd/cli/Dockerfile': 'FROM alpine\nENTRYPOINT ["/cli"]\n',
      'compose.yaml': 'services:\n  server:\n    image: acme/server-debug\n    ports:\n      - "127.0.0.1:2345:2345"\n  cli:\n    image: acme/cli\n',
    });
    expect(c.found).toEqual(['PTD001@compose.yaml:2']);
  });

  it('a production image built from the same template is no debugging container', async () => {
    const c = await run({
      Makefile: MAKE,
      'cmd/server/Dockerfile': 'FROM alpine\nENTRYPOINT ["/server"]\n',
      'cmd/cli/Dockerfile': 'FROM alpine\nENTRYPOINT ["/cli"]\n',
      'compose.yaml': 'services:\n  cli:\n    image: acme/cli\n    command: ["--help"]\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('a Helm key written in both branches of an if/else (model/helm.ts renderedPair)', () => {
  const chart = (fqin: string): Record<string, string> => ({
    'Tiltfile': "docker_build_with_restart('ghcr.io/acme/ctl', '.', dockerfile = 'tilt.debug.dockerfile', entrypoint = ['/dlv', '--headless', '--listen=:30000', 'exec', '/manager', '--'])\nk8s_yaml(helm('deploy'))\n",
    'tilt.debug.dockerfile': 'FROM golang:1.25\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY bin/manager /manager\n',
    'deploy/Chart.yaml': 'apiVersion: v2\nname: ctl\nversion: 0.1.0\nappVersion: "1.0.0"\n',
    'deploy/values.yaml': `image:\n  repository: ghcr.io/acme/ctl\n  fullyQualifiedImageName: "${fqin}"\n`,
    'deploy/templates/deployment.yaml': DEPLOY('      containers:\n      - name: manager\n        {{- if .Values.image.fullyQualifiedImageName }}\n        image: "{{ .Values.image.fullyQualifiedImageName }}"\n        {{- else }}\n        image: "{{ .Values.image.repository }}:{{ .Chart.AppVersion }}"\n        {{- end }}\n        command: [/manager]\n'),
  });

  it('the else branch the default values render names the Tilt-built image', async () => {
    const c = await run(chart(''));
    expect(c.found).toEqual(['PTD001@deploy/templates/deployment.yaml:9']);
  });

  it('the if branch, when the values set it to another image, does not link', async () => {
    const c = await run(chart('registry.example.com/other/ctl:2'));
    expect(c.found).toEqual([]);
  });
});

describe('Okteto dev.<name>.services (model/okteto.ts)', () => {
  const MANIFEST = (service: string): string => `dev:\n  api:\n    image: golang:1.22\n    command: bash\n    sync:\n      - .:/usr/src/app\n    securityContext:\n      capabilities:\n        add: [SYS_PTRACE]\n    services:\n${service}`;

  it('a service that runs dlv without a grant: PTD001 at its name, with no edit to okteto.yml (Okteto refuses securityContext there)', async () => {
    const files = { 'okteto.yml': MANIFEST('      - name: worker\n        image: golang:1.22\n        command: ["dlv", "debug", "./cmd/worker", "--headless", "--listen=:2345"]\n        sync:\n          - .:/usr/src/app\n') };
    const c = await run(files);
    expect(c.found).toEqual(['PTD001@okteto.yml:11']);
    const f = c.r.findings[0]!;
    expect(f.message).toContain('Okteto service "worker" of dev container "api"');
    expect(f.message).toContain('Deployment "worker"');
    expect(f.fix).toBeUndefined();
    const out = await applyFixes({ root: c.root, write: false });
    expect(out.changed).toEqual([]);
    expect(validate('okteto', files['okteto.yml'])).toBeUndefined();
  });

  it("a service's script is read through its own sync", async () => {
    const c = await run({
      'okteto.yml': MANIFEST('      - name: worker\n        image: golang:1.22\n        command: bash /src/debug.sh\n        sync:\n          - worker:/src\n'),
      'worker/debug.sh': '#!/bin/sh\nexec dlv debug --headless --listen=:2345 .\n',
    });
    expect(c.found).toEqual(['PTD001@okteto.yml:11']);
  });

  it("a Deployment of the repository named like the service grants it; the main dev container's grant does not", async () => {
    const c = await run({
      'okteto.yml': MANIFEST('      - name: worker\n        command: ["dlv", "debug", "--headless", "--listen=:2345"]\n'),
      'k8s/worker.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: golang:1.22\n          securityContext:\n            capabilities:\n              add: [SYS_PTRACE]\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a service that runs no debugger is nothing; a forward or securityContext written on a service is not read', async () => {
    const c = await run({
      'okteto.yml': 'dev:\n  api:\n    image: node:20\n    command: bash\n    services:\n      - name: worker\n        image: node:20\n        command: ["yarn", "start"]\n        forward:\n          - 2345:2345\n        securityContext:\n          privileged: true\n',
      'go.mod': 'module x\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('an air config under another name, copied to .air.toml (engine.ts loads the TOML parser)', () => {
  it('is read, not an internal error', async () => {
    const c = await run({
      'Dockerfile.dev': 'FROM cosmtrek/air:latest\nWORKDIR /src\nCOPY ./config/air.dev.toml /src/.air.toml\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCMD [ "air" ]\n',
      'config/air.dev.toml': '[build]\ncmd = "go build -gcflags=\'all=-N -l\' -o /app ."\nbin = "/app"\nfull_bin = "dlv exec --headless --listen :4000 /app"\n',
      'compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n    ports:\n      - 127.0.0.1:4000:4000\n',
    });
    expect(c.found).toEqual(['PTD001@compose.yml:2']);
  });

  it('a Dockerfile that only mentions air in prose and copies a TOML file: nothing', async () => {
    const c = await run({
      Dockerfile: '# fresh air\nFROM alpine\nCOPY config.toml /etc/app/config.toml\nCMD ["/app"]\n',
    });
    expect(c.found).toEqual([]);
  });
});

describe('docker compose exec SERVICE running a debugger (model/runlines.ts composeExecTools)', () => {
  const COMPOSE = 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:2345:2345"\n  worker:\n    build: ./worker\n    ports:\n      - "127.0.0.1:2346:2345"\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n';
  const GO = 'FROM golang:1.24\nCOPY . .\nRUN go build -gcflags="all=-N -l" -o /app .\nCMD ["/app"]\n';

  it('a named service runs what the exec runs: PTD001 (attach) on it only; the fix adds cap_add and the file still parses', async () => {
    const c = await run({
      Makefile: 'debug-api:\n\tdocker compose exec api dlv attach 1 --headless --listen=:2345\n',
      'compose.yaml': COMPOSE,
      'api/Dockerfile': GO,
      'worker/Dockerfile': GO,
    });
    expect(c.found).toEqual(['PTD001@compose.yaml:2']);
    expect(c.r.findings[0]!.severity).toBe('error');
    const out = await applyFixes({ root: c.root, write: false });
    const after = out.changed.find((x) => x.path === 'compose.yaml')!.after;
    expect(validate('compose', after)).toBeUndefined();
    expect(after).toMatch(/api:[\s\S]*cap_add:[\s\S]*SYS_PTRACE[\s\S]*worker:/);
  });

  it('a service named by a variable: each service that publishes the port the exec\'d dlv listens on, its script copied in with compose cp', async () => {
    const c = await run({
      'scripts/attach.sh': '#!/bin/sh\ndlv attach "$(pgrep app)" --headless --listen=:2345 --api-version=2\n',
      'Makefile': 'SERVICE ?=\ndebug:\n\tdocker-compose cp ./scripts/attach.sh $(SERVICE):/tmp/attach.sh\n\tdocker-compose exec -T $(SERVICE) sh /tmp/attach.sh\n',
      'docker-compose.yml': COMPOSE,
      'api/Dockerfile': GO,
      'worker/Dockerfile': GO,
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:6']);
  });

  it('-f names the Compose file; a command that runs no debugger, or a service that publishes no debugger port, is nothing', async () => {
    const c = await run({
      Makefile: 'shell:\n\tdocker compose exec api sh\ndebug:\n\tdocker compose -f deploy/dev.yml exec -u root api dlv attach 1 --headless --listen=:2345\nlogs:\n\tdocker compose exec $(SVC) dlv attach 1 --headless --listen=:9999\n',
      'compose.yaml': COMPOSE,
      'deploy/dev.yml': 'services:\n  api:\n    image: golang:1.24\n    cap_add: [SYS_PTRACE]\n    ports:\n      - "127.0.0.1:2345:2345"\n',
      'api/Dockerfile': GO,
      'worker/Dockerfile': GO,
    });
    // deploy/dev.yml's api has the capability; compose.yaml's services are not where the -f exec runs, and no
    // service publishes 9999.
    expect(c.found).toEqual([]);
  });
});
