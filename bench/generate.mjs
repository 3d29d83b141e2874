// Deterministic generator of a Go monorepo with container configuration, as
// a git repository (init + add + commit), so that the scan takes the
// product's real path: `git ls-files`.
//
// The same (files, services, seed, flavour) always gives byte-identical
// content; a finished repository is reused on the next run (marker file
// beside it, never inside it, so it does not show up as untracked).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const GENERATOR_VERSION = 4;

/** mulberry32: small, fast, good enough for picking templates. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
  };
}

const WORDS = ['order', 'user', 'cart', 'ledger', 'billing', 'search', 'index', 'auth', 'token', 'session', 'invoice', 'report', 'metric', 'event', 'queue', 'worker', 'cache', 'store', 'gateway', 'notify', 'email', 'profile', 'catalog', 'price', 'stock', 'ship', 'route', 'geo', 'audit', 'export'];
const GO_VERSIONS = ['1.21', '1.22', '1.23', '1.24'];
const DLV_VERSIONS = ['v1.22.1', 'v1.23.1', 'v1.24.0', 'v1.25.2'];

function goFile(r, pkg, n) {
  const funcs = r.int(2, 9);
  let s = `// Code for package ${pkg}, file ${n}.\npackage ${pkg}\n\nimport (\n\t"context"\n\t"fmt"\n\t"strings"\n)\n\n`;
  for (let i = 0; i < funcs; i++) {
    const w = r.pick(WORDS);
    s += `// ${w[0].toUpperCase()}${w.slice(1)}${i} handles the ${w} step ${i}.\nfunc ${w[0].toUpperCase()}${w.slice(1)}${n}x${i}(ctx context.Context, in []string) (string, error) {\n`;
    s += `\tif err := ctx.Err(); err != nil {\n\t\treturn "", fmt.Errorf("${w}: %w", err)\n\t}\n`;
    const lines = r.int(1, 6);
    for (let j = 0; j < lines; j++) s += `\tin = append(in, strings.ToUpper("${r.pick(WORDS)}-${j}"))\n`;
    s += `\treturn strings.Join(in, ","), nil\n}\n\n`;
  }
  return s;
}

function goTestFile(r, pkg, n) {
  return `package ${pkg}\n\nimport "testing"\n\nfunc TestCase${n}(t *testing.T) {\n\tif got := ${r.int(1, 9)} + ${r.int(1, 9)}; got < 0 {\n\t\tt.Fatalf("got %d", got)\n\t}\n}\n`;
}

function prodDockerfile(r, name, { stripped = true } = {}) {
  const go = r.pick(GO_VERSIONS);
  return `# syntax=docker/dockerfile:1
FROM golang:${go} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build ${stripped ? '-ldflags "-s -w" ' : ''}-o /out/${name} ./services/${name}/cmd/${name}

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/${name} /${name}
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/${name}"]
`;
}

/** Debug images: a realistic spread of right and wrong. */
function debugDockerfile(r, name) {
  const go = r.pick(GO_VERSIONS);
  const variant = r.int(0, 5);
  const install = [
    `RUN go install github.com/go-delve/delve/cmd/dlv@${r.pick(DLV_VERSIONS)}`,
    'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
    'RUN go get github.com/derekparker/delve/cmd/dlv',
    `RUN go install github.com/go-delve/delve/cmd/dlv@${r.pick(DLV_VERSIONS)}`,
    'RUN go get -u github.com/go-delve/delve/cmd/dlv',
    `RUN go install github.com/go-delve/delve/cmd/dlv@${r.pick(DLV_VERSIONS)}`,
  ][variant];
  const flags = variant === 3 ? '-ldflags "-s -w"' : variant === 4 ? '' : '-gcflags="all=-N -l"';
  const listen = variant === 5 ? '127.0.0.1:2345' : ':2345';
  const user = variant === 2 ? 'USER 1000\n' : '';
  return `FROM golang:${go} AS build
WORKDIR /src
COPY . .
${install}
RUN go build ${flags} -o /out/${name} ./services/${name}/cmd/${name}

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends strace ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /go/bin/dlv /usr/local/bin/dlv
COPY --from=build /out/${name} /usr/local/bin/${name}
${user}EXPOSE 8080 2345
CMD ["dlv", "exec", "/usr/local/bin/${name}", "--headless", "--listen=${listen}", "--api-version=2", "--accept-multiclient"]
`;
}

function compose(r, name, debug) {
  let s = `# Local stack for ${name}.\nservices:\n  ${name}:\n    build:\n      context: ../..\n      dockerfile: services/${name}/Dockerfile\n    ports:\n      - "8080:8080"\n    environment:\n      - LOG_LEVEL=debug\n    depends_on:\n      - db\n`;
  if (debug) {
    const v = r.int(0, 4);
    s += `  ${name}-debug:\n    build:\n      context: ../..\n      dockerfile: services/${name}/Dockerfile.debug\n`;
    s += ['    ports:\n      - "2345:2345"\n', '    ports:\n      - "127.0.0.1:2345:2345"\n    cap_add:\n      - SYS_PTRACE\n', '    ports:\n      - "2345:2345"\n    security_opt:\n      - seccomp:unconfined\n', '    privileged: true\n    ports:\n      - "127.0.0.1:2345:2345"\n', '    cap_add: [SYS_PTRACE]\n    cap_drop: [ALL]\n'][v];
  }
  s += `  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n`;
  return s;
}

function composeOverride(name) {
  return `services:\n  ${name}:\n    environment:\n      - FEATURE_FLAGS=all\n    volumes:\n      - ./testdata:/testdata:ro\n`;
}

function k8sDeployment(r, name) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${r.int(2, 6)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.${r.int(0, 40)}.${r.int(0, 9)}
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
`;
}

function k8sService(name) {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
}

function k8sDebug(r, name) {
  const cap = r.chance(0.5) ? '          securityContext:\n            capabilities:\n              add: ["SYS_PTRACE"]\n' : '';
  const svcType = r.pick(['ClusterIP', 'NodePort', 'ClusterIP']);
  return `# Debug deployment: dlv serves on 2345.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-debug
spec:
  selector:
    matchLabels:
      app: ${name}-debug
  template:
    metadata:
      labels:
        app: ${name}-debug
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:debug
          command: ["/usr/local/bin/dlv"]
          args: ["exec", "/usr/local/bin/${name}", "--headless", "--listen=:2345", "--api-version=2"]
${cap}          ports:
            - name: dlv
              containerPort: 2345
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}-debug
spec:
  type: ${svcType}
  selector:
    app: ${name}-debug
  ports:
    - name: dlv
      port: 2345
      targetPort: dlv
`;
}

function configMap(name) {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  LOG_LEVEL: info\n  FEATURES: "a,b,c"\n`;
}

function appConfig(r, name) {
  let s = `# Runtime configuration of ${name}.\nserver:\n  addr: ":8080"\n  read_timeout: 5s\nstorage:\n  dsn: postgres://db/${name}\nfeatures:\n`;
  for (let i = 0; i < r.int(3, 20); i++) s += `  ${r.pick(WORDS)}_${i}: ${r.chance(0.5)}\n`;
  return s;
}

/** A large non-container YAML (API description): must be read to be classified. */
function openapi(r, name) {
  let s = `openapi: 3.0.3\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n`;
  const n = r.int(20, 120);
  for (let i = 0; i < n; i++) {
    const w = r.pick(WORDS);
    s += `  /v1/${w}/${i}:\n    get:\n      summary: Get ${w} ${i}\n      operationId: get_${w}_${i}\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/${w}"\n`;
  }
  return s;
}

function makefile(r, name, debug) {
  let s = `SERVICE := ${name}\nIMAGE ?= registry.example.com/$(SERVICE)\n\n.PHONY: build test run${debug ? ' debug' : ''}\n\nbuild:\n\tgo build -o bin/$(SERVICE) ./cmd/$(SERVICE)\n\ntest:\n\tgo test ./...\n\nrun:\n\tdocker build -t $(IMAGE) -f Dockerfile ../..\n\tdocker run --rm -p 8080:8080 $(IMAGE)\n`;
  if (debug) {
    const flag = r.pick(['--cap-add=SYS_PTRACE', '--security-opt seccomp=unconfined', '--privileged', '']);
    s += `\n# Debug image: connect your editor to localhost:2345.\ndebug:\n\tdocker build -t $(IMAGE)-debug -f Dockerfile.debug ../..\n\tdocker run --rm -it ${flag} \\\n\t\t-p 2345:2345 \\\n\t\t$(IMAGE)-debug\n`;
  }
  return s;
}

function devcontainer(r, name) {
  const v = r.int(0, 3);
  const body = [
    `  "image": "mcr.microsoft.com/devcontainers/go:1-${r.pick(GO_VERSIONS)}-bookworm",\n  "capAdd": ["SYS_PTRACE"],\n  "securityOpt": ["seccomp=unconfined"]`,
    `  "image": "mcr.microsoft.com/devcontainers/go:1-${r.pick(GO_VERSIONS)}-bookworm"`,
    `  "build": { "dockerfile": "Dockerfile" },\n  "runArgs": ["--cap-add=SYS_PTRACE"]`,
    `  "dockerComposeFile": ["../docker-compose.yml"],\n  "service": "${name}",\n  "workspaceFolder": "/workspace",\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"]`,
  ][v];
  return { v, text: `// Dev container for ${name}.\n{\n  "name": "${name}",\n${body},\n  "customizations": {\n    "vscode": {\n      "extensions": ["golang.go"]\n    }\n  }\n}\n` };
}

function devcontainerDockerfile(r) {
  return `FROM mcr.microsoft.com/devcontainers/go:1-${r.pick(GO_VERSIONS)}-bookworm\nRUN go install github.com/go-delve/delve/cmd/dlv@${r.pick(DLV_VERSIONS)}\n`;
}

function script(r, name, debug) {
  if (debug && r.chance(0.5)) return `#!/usr/bin/env bash\nset -euo pipefail\n# Start ${name} under strace.\ndocker run --rm -it --cap-add SYS_PTRACE registry.example.com/${name}:debug strace -f /usr/local/bin/${name}\n`;
  return `#!/usr/bin/env bash\nset -euo pipefail\ncd "$(dirname "$0")/.."\ngo vet ./...\ngo test -race ./...\necho "${name}: ok"\n`;
}

const WORKFLOW = `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: "1.23"
      - run: go test ./...
`;

/**
 * The plan of a repository: every path with a function that makes its text.
 * `services` scales the container configuration; `files` is the total.
 * `clean: true` gives a repository with production config only (no findings).
 */
export function plan({ files, services, seed, clean = false }) {
  const r = prng(seed);
  const out = [];
  const add = (path, text) => out.push([path, text]);
  add('go.mod', 'module example.com/monorepo\n\ngo 1.23\n');
  add('go.sum', '');
  add('README.md', '# Monorepo\n\nGenerated by bench/generate.mjs.\n');
  add('.gitignore', 'bin/\n*.out\n');
  add('.github/workflows/ci.yml', WORKFLOW);
  add('.github/workflows/release.yml', WORKFLOW.replace('name: ci', 'name: release'));
  add('.golangci.yml', 'linters:\n  enable:\n    - govet\n    - staticcheck\n');
  const svcNames = [];
  for (let i = 0; i < services; i++) {
    const name = `${WORDS[i % WORDS.length]}-${String(i).padStart(4, '0')}`;
    svcNames.push(name);
    const d = `services/${name}`;
    // About a third of the services have some debug setup.
    const debug = !clean && r.chance(0.35);
    add(`${d}/Dockerfile`, prodDockerfile(r, name));
    if (debug) add(`${d}/Dockerfile.debug`, debugDockerfile(r, name));
    if (r.chance(0.5) || debug) add(`${d}/docker-compose.yml`, compose(r, name, debug));
    if (r.chance(0.15)) add(`${d}/docker-compose.override.yml`, composeOverride(name));
    add(`${d}/deploy/deployment.yaml`, k8sDeployment(r, name));
    add(`${d}/deploy/service.yaml`, k8sService(name));
    add(`${d}/deploy/configmap.yaml`, configMap(name));
    if (debug && r.chance(0.4)) add(`${d}/deploy/debug.yaml`, k8sDebug(r, name));
    add(`${d}/Makefile`, makefile(r, name, debug && r.chance(0.6)));
    add(`${d}/config.yaml`, appConfig(r, name));
    if (r.chance(0.3)) add(`${d}/api/openapi.yaml`, openapi(r, name));
    if (r.chance(0.5)) add(`${d}/scripts/check.sh`, script(r, name, debug));
    if (!clean && r.chance(0.25)) {
      const dc = devcontainer(r, name);
      add(`${d}/.devcontainer/devcontainer.json`, dc.text);
      if (dc.v === 2) add(`${d}/.devcontainer/Dockerfile`, devcontainerDockerfile(r));
    }
    if (!clean && debug && r.chance(0.3)) add(`${d}/.vscode/launch.json`, `{\n  "version": "0.2.0",\n  "configurations": [\n    { "name": "Attach", "type": "go", "request": "attach", "mode": "remote", "port": 2345, "host": "127.0.0.1" }\n  ]\n}\n`);
    add(`${d}/cmd/${name}/main.go`, `package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("${name}")\n}\n`);
  }
  // Fill up to the total with Go code and the usual companions, spread over
  // services and shared libraries.
  // Packages hold about ten files each, as in real Go code.
  let n = 0;
  const libs = Math.max(4, Math.round(files / 400));
  while (out.length < files) {
    const inSvc = svcNames.length > 0 && r.chance(0.6);
    const b = inSvc ? r.int(0, svcNames.length - 1) : r.int(0, libs - 1);
    const base = inSvc ? `services/${svcNames[b]}/internal` : `libs/lib${String(b).padStart(3, '0')}`;
    const pkg = WORDS[(b * 7 + r.int(0, 5)) % WORDS.length];
    const kind = r.next();
    if (kind < 0.72) add(`${base}/${pkg}/file${n}.go`, goFile(r, pkg, n));
    else if (kind < 0.9) add(`${base}/${pkg}/file${n}_test.go`, goTestFile(r, pkg, n));
    else if (kind < 0.95) add(`${base}/${pkg}/testdata/case${n}.json`, `{"case": ${n}, "input": "${r.pick(WORDS)}", "want": ${r.int(0, 999)}}\n`);
    else if (kind < 0.98) add(`${base}/${pkg}/NOTES${n}.md`, `# ${pkg}\n\nNotes ${n}.\n`);
    else add(`${base}/${pkg}/proto/m${n}.proto`, `syntax = "proto3";\npackage ${pkg};\nmessage M${n} { string id = 1; int64 at = 2; }\n`);
    n++;
  }
  return out;
}

function git(cwd, args) {
  execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z', GIT_CONFIG_NOSYSTEM: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Make (or reuse) the repository; returns its directory and the plan's paths. */
export function generate(dir, opts) {
  const key = JSON.stringify({ v: GENERATOR_VERSION, ...opts });
  const marker = `${dir}.done`;
  const entries = plan(opts);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === key && existsSync(join(dir, '.git'))) return { dir, paths: entries.map((e) => e[0]), reused: true };
  rmSync(dir, { recursive: true, force: true });
  rmSync(marker, { force: true });
  const made = new Set();
  for (const [p, text] of entries) {
    const abs = join(dir, p);
    const parent = dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, text);
  }
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'generated monorepo']);
  writeFileSync(marker, key);
  return { dir, paths: entries.map((e) => e[0]), reused: false };
}
