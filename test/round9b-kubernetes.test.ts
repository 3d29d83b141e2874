/**
 * Round 9b: Kubernetes as repositories write it. Kustomize overlays render their patches over the base
 * (strategic merge by container name, JSON 6902 ops, inline `patch: |-` blocks, namePrefix, images:,
 * `kustomize edit set image` before `kustomize build`), findings go where the overlay writes the debug, and
 * the base alone stays as it is. eBPF instrumentation agents are privileged for BPF, not for a debugger.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { validate } from '../src/fix/validate.js';
import { toLocation } from '../src/source.js';
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
  return { r, found, root };
}

async function fixed(files: Record<string, string>, path: string) {
  const root = tempRepo(files);
  roots.push(root);
  const out = await applyFixes({ root, write: false });
  return { after: out.changed.find((c) => c.path === path)?.after, left: out.after.findings.map((f) => `${f.ruleId}@${f.span.file.path}`) };
}

const BASE = (sc: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: example.org/api:1.0
          command: ["/api"]
${sc}${extra}`;

const DROP_ALL = `          securityContext:
            capabilities:
              drop: [ALL]
`;
const PTRACE = `          securityContext:
            capabilities:
              add: [SYS_PTRACE]
`;

const DLV_PATCH = (sc = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          command: ["/dlv", "--listen=:2345", "--headless", "--api-version=2", "exec", "/api"]
${sc}`;

const KUST = (body: string): string => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
${body}`;

describe('kustomize strategic-merge patches', () => {
  it('a debug patch over a base that grants SYS_PTRACE: the rendered container has it, nothing is reported', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(PTRACE),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'overlays/debug/kustomization.yaml': KUST('resources:\n  - ../../base\npatches:\n  - path: dlv.yaml\n'),
      'overlays/debug/dlv.yaml': DLV_PATCH(),
    });
    expect(c.found).toEqual([]);
  });

  it('a debug patch over a base that drops ALL: PTD001 in the patch, related to the drop in the base', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'overlays/debug/kustomization.yaml': KUST('resources:\n  - ../../base\npatchesStrategicMerge:\n  - dlv.yaml\n'),
      'overlays/debug/dlv.yaml': DLV_PATCH(),
    });
    expect(c.found).toEqual(['PTD001@overlays/debug/dlv.yaml:9']);
    const rel = c.r.findings[0]!.related.map((x) => `${x.span.file.path}:${toLocation(x.span).startLine}`);
    expect(rel).toContain('base/deployment.yaml:20');
    expect(rel).toContain('base/deployment.yaml:15');
  });

  it('capabilities merge key by key: the patch adds SYS_PTRACE, the base keeps its drop of ALL; it has SYS_PTRACE', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'overlays/debug/kustomization.yaml': KUST('resources:\n  - ../../base\npatchesStrategicMerge:\n  - dlv.yaml\n'),
      'overlays/debug/dlv.yaml': DLV_PATCH('          securityContext:\n            capabilities:\n              add: [SYS_PTRACE]\n'),
    });
    expect(c.found).toEqual([]);
  });

  it('the base alone stays as it is: a base that runs dlv without SYS_PTRACE is reported there, an overlay that adds it is not', async () => {
    const base = BASE('').replace('command: ["/api"]', 'command: ["/dlv", "exec", "/api"]');
    const c = await run({
      'base/deployment.yaml': base,
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'overlays/debug/kustomization.yaml': KUST('resources:\n  - ../../base\npatches:\n  - path: caps.yaml\n'),
      'overlays/debug/caps.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n${PTRACE}`,
    });
    expect(c.found).toEqual(['PTD001@base/deployment.yaml:15']);
  });

  it('a patch that brings no debugger (probes, resources) over a debugging base adds no finding of its own', async () => {
    const base = BASE('').replace('command: ["/api"]', 'command: ["/dlv", "exec", "/api"]');
    const c = await run({
      'base/deployment.yaml': base,
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'overlays/dev/kustomization.yaml': KUST('resources:\n  - ../../base\npatches:\n  - path: limits.yaml\n'),
      'overlays/dev/limits.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          securityContext:\n            runAsUser: 1000\n`,
    });
    expect(c.found).toEqual(['PTD001@base/deployment.yaml:15']);
  });

  it('a patch names the resource by the name a namePrefix gave it, or by its first name', async () => {
    for (const name of ['team-api', 'api']) {
      const c = await run({
        'base/deployment.yaml': BASE(DROP_ALL),
        'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
        'default/kustomization.yaml': KUST('namePrefix: team-\nresources:\n  - ../base\n'),
        'debug/kustomization.yaml': KUST('resources:\n  - ../default\npatches:\n  - path: dlv.yaml\n'),
        'debug/dlv.yaml': DLV_PATCH().replace('name: api\nspec', `name: ${name}\nspec`),
      });
      expect(c.found).toEqual(['PTD001@debug/dlv.yaml:9']);
      expect(c.r.findings[0]!.related.some((x) => x.span.file.path === 'base/deployment.yaml')).toBe(true);
    }
  });

  it('a patch of another Deployment (kind and name must match) does not merge: the patch stands alone', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(PTRACE),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST('resources:\n  - ../base\npatches:\n  - path: dlv.yaml\n'),
      'debug/dlv.yaml': DLV_PATCH().replace('name: api\nspec', 'name: worker\nspec'),
    });
    // The patch applies to nothing here; as before, its own container is read as written.
    expect(c.found).toEqual(['PTD001@debug/dlv.yaml:9']);
  });

  it('the fix adds SYS_PTRACE in the patch (which merges over the base) and the patch still parses', async () => {
    const files = {
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST('resources:\n  - ../base\npatches:\n  - path: dlv.yaml\n'),
      'debug/dlv.yaml': DLV_PATCH(),
    };
    const f = await fixed(files, 'debug/dlv.yaml');
    expect(f.after).toBeDefined();
    expect(validate('kubernetes', f.after!)).toBeUndefined();
    expect(parse(f.after!).spec.template.spec.containers[0].securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
    expect(f.left.filter((x) => x.startsWith('PTD001'))).toEqual([]);
  });
});

describe('kustomize inline and JSON 6902 patches', () => {
  it('an inline strategic-merge patch that runs dlv: PTD001 at its container line in the kustomization; the fix keeps the kustomization valid', async () => {
    const kust = KUST(`resources:
  - ../base
patches:
  - target:
      kind: Deployment
      name: api
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                command: ["/dlv", "--listen=:2345", "--headless", "exec", "/api"]
`);
    const files = { 'base/deployment.yaml': BASE(DROP_ALL), 'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'), 'debug/kustomization.yaml': kust };
    const c = await run(files);
    expect(c.found).toEqual(['PTD001@debug/kustomization.yaml:18']);
    const f = await fixed(files, 'debug/kustomization.yaml');
    expect(f.after).toBeDefined();
    expect(validate('kubernetes', f.after!)).toBeUndefined();
    const inner = parse(parse(f.after!).patches[0].patch);
    expect(inner.spec.template.spec.containers[0].securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });

  it('a JSON 6902 op that replaces the command with dlv: PTD001 at the op path, no automatic fix', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST(`resources:
  - ../base
patchesJson6902:
  - target:
      group: apps
      version: v1
      kind: Deployment
      name: api
    path: dlv-patch.yaml
`),
      'debug/dlv-patch.yaml': `- op: replace
  path: /spec/template/spec/containers/0/command
  value:
    - /dlv
    - --listen=:2345
    - --headless
    - exec
    - /api
`,
    });
    expect(c.found).toEqual(['PTD001@debug/dlv-patch.yaml:2']);
    expect(c.r.findings[0]!.fix).toBeUndefined();
  });

  it('JSON 6902 ops that also add SYS_PTRACE (capabilities/add/-), or make it privileged, are read', async () => {
    const ops = (extra: string) => `- op: replace
  path: /spec/template/spec/containers/0/command
  value: ["/dlv", "exec", "/api"]
${extra}`;
    const mk = (extra: string) => ({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST(`resources:\n  - ../base\npatches:\n  - target:\n      kind: Deployment\n      name: api\n    patch: |-\n${ops(extra).split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}`),
    });
    expect((await run(mk('- op: add\n  path: /spec/template/spec/containers/0/securityContext/capabilities/add\n  value: [SYS_PTRACE]\n'))).found).toEqual([]);
    expect((await run(mk('- op: add\n  path: /spec/template/spec/containers/0/securityContext/privileged\n  value: true\n'))).found).toEqual(['PTD003@debug/kustomization.yaml:15']);
    // A remove of the base's securityContext (its drop of ALL) leaves default capabilities: still no SYS_PTRACE.
    expect((await run(mk('- op: remove\n  path: /spec/template/spec/containers/0/securityContext\n'))).found).toEqual(['PTD001@debug/kustomization.yaml:11']);
  });

  it('JSON 6902 ops that only touch what cannot matter (env, probes) or another container index add nothing', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST(`resources:\n  - ../base\npatches:\n  - target:\n      kind: Deployment\n      name: api\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/env\n        value: [{name: DEBUG, value: "1"}]\n      - op: replace\n        path: /spec/template/spec/containers/3/command\n        value: ["/dlv", "exec", "/x"]\n`),
    });
    expect(c.found).toEqual([]);
  });

  it('a label-only target is not followed (no guess)', async () => {
    const c = await run({
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST(`resources:\n  - ../base\npatches:\n  - target:\n      labelSelector: app=api\n    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/command\n        value: ["/dlv", "exec", "/api"]\n`),
    });
    expect(c.found).toEqual([]);
  });
});

describe('kustomize images', () => {
  const DEBUG_DOCKERFILE = 'FROM golang:1.24 AS build\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.0\nRUN go build -gcflags="all=-N -l" -o /app .\nFROM debian:12\nCOPY --from=build /go/bin/dlv /app /\nENTRYPOINT ["/dlv", "exec", "/app", "--headless", "--listen=:2345"]\n';

  it('images: newName retargets the container to a debug image whose ENTRYPOINT runs dlv: reported at the images entry', async () => {
    const c = await run({
      'Makefile': 'debug-image:\n\tdocker build -t example.org/api-debug:dev -f Dockerfile.debug .\n',
      'Dockerfile.debug': DEBUG_DOCKERFILE,
      'base/deployment.yaml': BASE(DROP_ALL).replace('          command: ["/api"]\n', ''),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST('resources:\n  - ../base\nimages:\n  - name: example.org/api\n    newName: example.org/api-debug\n    newTag: dev\n'),
    });
    expect(c.found).toEqual(['PTD001@debug/kustomization.yaml:7']);
  });

  it('an images: entry for another name, or a base that keeps its command, changes nothing', async () => {
    const c = await run({
      'Makefile': 'debug-image:\n\tdocker build -t example.org/api-debug:dev -f Dockerfile.debug .\n',
      'Dockerfile.debug': DEBUG_DOCKERFILE,
      'base/deployment.yaml': BASE(DROP_ALL),
      'base/kustomization.yaml': KUST('resources:\n  - deployment.yaml\n'),
      'debug/kustomization.yaml': KUST('resources:\n  - ../base\nimages:\n  - name: example.org/api\n    newName: example.org/api-debug\n    newTag: dev\n'),
      'other/kustomization.yaml': KUST('resources:\n  - ../base\nimages:\n  - name: example.org/web\n    newName: example.org/api-debug\n'),
    });
    // The base's own command (/api) replaces the debug image's ENTRYPOINT: no debugger runs.
    expect(c.found).toEqual([]);
  });

  it('`kustomize edit set image` before `kustomize build DIR` in a Makefile sets the image of that build only', async () => {
    const files = {
      'Makefile': [
        'IMG ?= example.org/api:1.0',
        'DEBUG_IMG ?= example.org/api-debug:dev',
        'debug-image:',
        '\tdocker build -t ${DEBUG_IMG} -f Dockerfile.debug .',
        'deploy:',
        '\tcd config/manager && kustomize edit set image controller=${IMG}',
        '\tkustomize build config/default | kubectl apply -f -',
        'deploy-debug:',
        '\tcd config/manager && kustomize edit set image controller=${DEBUG_IMG}',
        '\tkustomize build config/debug | kubectl apply -f -',
        '',
      ].join('\n'),
      'Dockerfile.debug': DEBUG_DOCKERFILE,
      'config/manager/manager.yaml': BASE(DROP_ALL).replace('example.org/api:1.0', 'controller:latest'),
      'config/manager/kustomization.yaml': KUST('resources:\n  - manager.yaml\n'),
      'config/default/kustomization.yaml': KUST('resources:\n  - ../manager\n'),
      'config/debug/kustomization.yaml': KUST('resources:\n  - ../default\npatches:\n  - path: manager.yaml\n    target:\n      kind: Deployment\n'),
      'config/debug/manager.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          command: []\n',
    };
    const c = await run(files);
    expect(c.found).toEqual(['PTD001@config/debug/manager.yaml:9']);
    const f = await fixed(files, 'config/debug/manager.yaml');
    expect(f.after).toBeDefined();
    expect(validate('kubernetes', f.after!)).toBeUndefined();
    expect(parseAllDocuments(f.after!)[0]!.toJS().spec.template.spec.containers[0].securityContext.capabilities.add).toEqual(['SYS_PTRACE']);
  });
});

describe('eBPF instrumentation agents', () => {
  const POD = (agent: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      shareProcessNamespace: true
      containers:
        - name: shop
          image: example.org/shop:1
${agent}`;

  it('the OTel Go auto-instrumentation sidecar (by image, or by OTEL_GO_AUTO_TARGET_EXE), Beyla and OBI are privileged for BPF: nothing is reported', async () => {
    const agents = [
      '        - name: instr\n          image: otel-go-instrumentation\n          securityContext:\n            privileged: true\n            runAsUser: 0\n',
      '        - name: instr\n          image: ghcr.io/open-telemetry/opentelemetry-go-instrumentation/autoinstrumentation-go:v0.21.0\n          securityContext:\n            privileged: true\n',
      '        - name: instr\n          image: example.org/agent:2\n          env:\n            - name: OTEL_GO_AUTO_TARGET_EXE\n              value: /usr/bin/shop\n          securityContext:\n            privileged: true\n',
      '        - name: beyla\n          image: grafana/beyla:2.1\n          securityContext:\n            privileged: true\n',
      '        - name: obi\n          image: otel/ebpf-instrument:main\n          securityContext:\n            privileged: true\n',
    ];
    for (const a of agents) expect((await run({ 'k8s/shop.yaml': POD(a) })).found).toEqual([]);
  });

  it('a privileged sidecar that is no agent, or an agent image that runs a debugger, is still reported', async () => {
    expect((await run({ 'k8s/shop.yaml': POD('        - name: tools\n          image: example.org/toolbox:1\n          securityContext:\n            privileged: true\n') })).found).toEqual(['PTD003@k8s/shop.yaml:21']);
    expect((await run({ 'k8s/shop.yaml': POD('        - name: instr\n          image: otel-go-instrumentation\n          command: ["strace", "-p", "1"]\n          securityContext:\n            privileged: true\n') })).found).toEqual(['PTD003@k8s/shop.yaml:22']);
  });
});

describe('kubectl exec of a debugger into a container of the repository', () => {
  const DEPLOY = (sc = '', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: example.org/api:1.0
${sc}${extra}`;

  it('`kubectl exec deploy/api -- dlv attach 1`: PTD001 on the Deployment\'s container, related to the exec line', async () => {
    const c = await run({ 'k8s/api.yaml': DEPLOY(), 'scripts/debug.sh': '#!/bin/sh\nkubectl -n shop exec -it deploy/api -- dlv attach 1 --headless --listen=:2345 --api-version=2\n' });
    expect(c.found).toEqual(['PTD001@k8s/api.yaml:15']);
    const f = c.r.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.related.some((x) => x.span.file.path === 'scripts/debug.sh')).toBe(true);
    expect(f.fix).toBeDefined();
  });

  it('a pod found by label (`$(kubectl get pods -l app=api -o name)`), and `-c` naming the container', async () => {
    const two = DEPLOY('', '        - name: sidecar\n          image: example.org/proxy:1\n');
    const c = await run({ 'k8s/api.yaml': two, 'Makefile': 'attach:\n\tkubectl exec -it $$(kubectl get pods -l app=api -o name) -c sidecar -- strace -p 1\n' });
    expect(c.found).toEqual(['PTD001@k8s/api.yaml:17']);
  });

  it('the container already has SYS_PTRACE: nothing; a non-root runAsUser: PTD005 at the attach', async () => {
    expect((await run({ 'k8s/api.yaml': DEPLOY(PTRACE), 'scripts/debug.sh': '#!/bin/sh\nkubectl exec deploy/api -- dlv attach 1\n' })).found).toEqual([]);
    const c = await run({ 'k8s/api.yaml': DEPLOY(`${PTRACE}            runAsUser: 1000\n`), 'scripts/debug.sh': '#!/bin/sh\nkubectl exec deploy/api -- dlv attach 1\n' });
    expect(c.found).toEqual(['PTD005@scripts/debug.sh:2']);
  });

  it('an exec into a workload the repository does not hold, a variable pod, a shell or a core file: nothing', async () => {
    for (const line of ['kubectl exec deploy/other -- dlv attach 1', 'kubectl exec "$POD" -- dlv attach 1', 'kubectl exec -it deploy/api -- sh', 'kubectl exec deploy/api -- gdb /app core']) {
      expect((await run({ 'k8s/api.yaml': DEPLOY(), 'scripts/debug.sh': `#!/bin/sh\n${line}\n` })).found).toEqual([]);
    }
  });
});

describe('kubectl debug in a repository with no other YAML', () => {
  it('a `--custom` YAML profile that adds SYS_PTRACE is read (the YAML parser is loaded for it): no finding, no internal error', async () => {
    const c = await run({
      'hack/ptrace.yaml': 'securityContext:\n  capabilities:\n    add: ["SYS_PTRACE"]\n',
      'hack/debug.sh': '#!/bin/sh\nkubectl debug -it "$POD" --image=ghcr.io/go-delve/delve:v1.25.0 --target=app --custom=hack/ptrace.yaml -- dlv attach 1\n',
    });
    expect(c.found).toEqual([]);
  });

  it('a `--custom` profile without the capability, and `--copy-to` with strace, are still reported', async () => {
    const c = await run({
      'hack/net.yaml': 'securityContext:\n  capabilities:\n    add: ["NET_ADMIN"]\n',
      'hack/debug.sh': '#!/bin/sh\nkubectl debug -it "$POD" --image=ghcr.io/go-delve/delve:v1.25.0 --target=app --custom=hack/net.yaml -- dlv attach 1\nkubectl debug "$POD" -it --copy-to=app-debug --image=example.org/tools:1 --share-processes -- strace -p 1\n',
    });
    expect(c.found).toEqual(['PTD001@hack/debug.sh:2', 'PTD001@hack/debug.sh:3']);
  });
});
