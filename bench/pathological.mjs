// Generated worst cases under the size caps (issue #21): one repository per
// input, each a single file just under 1 MiB (MAX_FILE_BYTES) or at the count
// the issue names, made so that as much of it as possible is work for the
// scan — every service, container or line a debugging launch with findings
// and fixes. Deterministic: the same version always writes the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PATHOLOGICAL_VERSION = 2;
const CAP = 1024 * 1024 - 1024;

/** Repeat `unit(i)` while the text stays under the cap (or up to `count`). */
function fill(head, unit, { count = Infinity, cap = CAP } = {}) {
  let s = head;
  for (let i = 0; i < count; i++) {
    const u = unit(i);
    if (s.length + u.length > cap) break;
    s += u;
  }
  return s;
}

/** The inputs: id, what it is, and its files. */
export const INPUTS = [
  {
    id: 'compose-1mib',
    what: '1 MiB Compose file: thousands of services running dlv attach without SYS_PTRACE, dlv on 127.0.0.1',
    files: () => ({
      'docker-compose.yml': fill('services:\n', (i) => `  svc${i}:\n    image: acme/svc${i}:debug\n    command: ["dlv", "attach", "1", "--headless", "--listen=127.0.0.1:${2000 + (i % 50000)}"]\n    ports:\n      - "${2000 + (i % 50000)}:${2000 + (i % 50000)}"\n`),
    }),
  },
  {
    id: 'compose-held-back',
    what: '1 MiB Compose file: every service both privileged and seccomp:unconfined (fixes that overlap and are folded)',
    files: () => ({
      'docker-compose.yml': fill('services:\n', (i) => `  svc${i}:\n    image: acme/svc${i}:debug\n    privileged: true\n    security_opt:\n      - seccomp:unconfined\n    command: dlv exec /app --headless --listen=:2345\n`),
    }),
  },
  {
    id: 'k8s-1mib',
    what: '1 MiB multi-document Kubernetes manifest: Deployments whose container runs dlv, no SYS_PTRACE',
    files: () => ({
      'k8s/debug.yaml': fill('', (i) => `${i ? '---\n' : ''}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api${i}-debug\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: acme/api${i}:debug\n          command: ["dlv", "attach", "1", "--headless", "--listen=127.0.0.1:2345"]\n          ports:\n            - containerPort: 2345\n`),
    }),
  },
  {
    id: 'dockerfile-10k',
    what: 'Dockerfile with 10 000 instructions (RUN, ENV, COPY), a stripped build and a dlv CMD',
    files: () => ({
      Dockerfile: fill('FROM golang:1.22 AS build\nWORKDIR /src\n', (i) => [`RUN echo step ${i} && go version\n`, `ENV V${i}=value-${i}\n`, `COPY f${i}.go ./\n`, `RUN go build -ldflags "-s -w" -o /out/app${i} ./cmd/app\n`][i % 4], { count: 9996 })
        + 'FROM golang:1.22\nCOPY --from=build /out/app1 /app\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app", "--headless", "--listen=127.0.0.1:2345"]\n',
    }),
  },
  {
    id: 'makefile-10k',
    what: 'Makefile with 10 000 `docker run` lines attaching dlv without SYS_PTRACE',
    files: () => ({
      Makefile: fill('.PHONY: debug\n', (i) => `${i % 20 === 0 ? `debug${i}:\n` : ''}\tdocker run --rm -p ${2000 + (i % 50000)}:2345 acme/app${i} dlv attach 1 --headless --listen=:2345\n`, { count: 10000 }),
    }),
  },
  {
    id: 'yaml-deep',
    what: 'Compose file nested 5 000 levels deep in flow and block style (within the parser caps)',
    files: () => {
      const n = 5000;
      let block = 'services:\n  app:\n    image: acme/app\n    command: dlv attach 1\n    labels:\n';
      let ind = '      ';
      for (let i = 0; i < 200; i++) {
        block += `${ind}k${i}:\n`;
        ind += '  ';
      }
      block += `${ind}leaf: 1\n`;
      block += `x-deep: ${'['.repeat(n)}1${']'.repeat(n)}\n`;
      return { 'docker-compose.yml': block };
    },
  },
  {
    id: 'yaml-aliases',
    what: 'Compose file whose anchors fan out to the alias cap (each level 10 aliases of the one before)',
    files: () => {
      let s = 'x-a0: &a0 {cap_add: [NET_ADMIN], command: "dlv attach 1"}\n';
      for (let i = 1; i < 9; i++) s += `x-a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
      s += 'services:\n';
      for (let i = 0; i < 500; i++) s += `  svc${i}:\n    <<: *a0\n    image: acme/svc${i}\n    labels:\n      deep: *a8\n`;
      return { 'docker-compose.yml': s };
    },
  },
];

/** Writes input `spec` as a git repository in `dir` (reused when its marker matches). */
export function generateInput(dir, spec) {
  const marker = `${dir}.done`;
  const stamp = `${PATHOLOGICAL_VERSION} ${spec.id}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp && existsSync(dir)) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = spec.files();
  let bytes = 0;
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
    bytes += Buffer.byteLength(text);
  }
  const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'input');
  writeFileSync(marker, stamp);
  return { dir, reused: false, bytes };
}
