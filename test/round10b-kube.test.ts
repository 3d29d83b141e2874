/**
 * Round 10b: Helm charts as the repository itself installs them. A container's securityContext rendered whole
 * from values (`{{- toYaml .Values.securityContext | nindent 12 }}`, the `helm create` scaffold, also inside
 * `{{- with .Values.securityContext }}`) is read from the values; the repository's own installs of a chart
 * (`helm upgrade … -f values-debug.yaml --set …` in a Makefile or script, a Tiltfile's `helm(…, values=, set=)`,
 * a Skaffold release's `valuesFiles`/`setValues`) render the debug mode they turn on; args that are delve's own
 * command line are a dlv entrypoint; a named template that renders no securityContext hides nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { toLocation } from '../src/source.js';
import { mergeValues, parseSet } from '../src/model/helmvalues.js';
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

const CHART = `apiVersion: v2
name: app
version: 0.1.0
appVersion: "1.0"
`;

/** A `helm create`-style Deployment: securityContext from values, dlv command inside the debug switch (or always). */
const DEPLOY = (debugGate: boolean, sc = `          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Chart.Name }}
spec:
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
${sc}${debugGate ? '          {{- if .Values.debug.enabled }}\n' : ''}          command: ["/dlv", "--listen=:2345", "--headless", "exec", "/app"]
${debugGate ? '          {{- end }}\n' : ''}`;

const VALUES = (sc = '{}', debug = 'false'): string => `image:
  repository: acme/app
  tag: ""
debug:
  enabled: ${debug}
securityContext: ${sc}
`;

describe('a securityContext rendered from values', () => {
  it('reads `toYaml .Values.securityContext` with the chart values: an empty one grants nothing (PTD001, no edit of the template)', async () => {
    const files = { 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('{}', 'true'), 'chart/templates/deployment.yaml': DEPLOY(false) };
    const { r, found } = await run(files);
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    // The grant belongs in the values: the template's rendered securityContext is not edited.
    expect(r.findings[0]!.fix).toBeUndefined();
    const root = tempRepo(files);
    roots.push(root);
    const out = await applyFixes({ root, write: false });
    expect(out.changed.find((c) => c.path === 'chart/templates/deployment.yaml')).toBeUndefined();
  });

  it('a values.yaml securityContext that adds SYS_PTRACE grants it', async () => {
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('\n  capabilities:\n    add: ["SYS_PTRACE"]', 'true'), 'chart/templates/deployment.yaml': DEPLOY(false) });
    expect(found).toEqual([]);
  });

  it('privileged from values is PTD003 at the rendering action; a runAsUser from values reaches PTD005', async () => {
    const priv = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('\n  privileged: true', 'true'), 'chart/templates/deployment.yaml': DEPLOY(false) });
    expect(priv.found).toEqual(['PTD003@chart/templates/deployment.yaml:12']);
    const attach = DEPLOY(false).replace('["/dlv", "--listen=:2345", "--headless", "exec", "/app"]', '["/dlv", "attach", "1", "--headless", "--listen=:2345"]');
    const user = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('\n  runAsUser: 1000\n  capabilities:\n    add: [SYS_PTRACE]', 'true'), 'chart/templates/deployment.yaml': attach });
    expect(user.found).toEqual(['PTD005@chart/templates/deployment.yaml:13']);
  });

  it('reads `{{- with .Values.securityContext }}` … `toYaml .`', async () => {
    const withSc = `          {{- with .Values.securityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const empty = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('{}', 'true'), 'chart/templates/deployment.yaml': DEPLOY(false, withSc) });
    expect(empty.found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    const granted = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('\n  capabilities:\n    add: [SYS_PTRACE]', 'true'), 'chart/templates/deployment.yaml': DEPLOY(false, withSc) });
    expect(granted.found).toEqual([]);
  });

  it('an if/else securityContext is read from the branch the values render, also in a workload rendered only for another kind; a column-0 `toYaml … | indent N` under `resources:` hides nothing', async () => {
    const tmpl = (kind: string): string => `{{- if eq .Values.kind "${kind}" }}
apiVersion: apps/v1
kind: ${kind === 'deployment' ? 'Deployment' : 'DaemonSet'}
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: example.org/app:1
        resources:
{{ toYaml .Values.resources | indent 10 }}
{{- if .Values.securityContext }}
        securityContext:
{{ toYaml .Values.securityContext | indent 10 }}
{{- else }}
        securityContext:
          capabilities:
            drop: [ALL]
{{- end }}
        command: ["/dlv", "exec", "/app", "--headless", "--listen=:2345"]
{{- end }}
`;
    const files = { 'chart/Chart.yaml': CHART, 'chart/values.yaml': 'kind: deployment\nresources: {}\nsecurityContext: {}\n', 'chart/templates/deployment.yaml': tmpl('deployment'), 'chart/templates/daemonset.yaml': tmpl('daemonset') };
    const { found } = await run(files);
    expect(found).toEqual(['PTD001@chart/templates/daemonset.yaml:10', 'PTD001@chart/templates/deployment.yaml:10']);
    // The values' own securityContext, when set, is the branch rendered.
    const granted = await run({ ...files, 'chart/values.yaml': 'kind: deployment\nresources: {}\nsecurityContext:\n  capabilities:\n    add: [SYS_PTRACE]\n' });
    expect(granted.found).toEqual([]);
  });

  it('a securityContext key the chart values do not set is left to the installer: unknown (no PTD001)', async () => {
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('{}', 'true').replace('securityContext: {}\n', ''), 'chart/templates/deployment.yaml': DEPLOY(false) });
    expect(found).toEqual([]);
  });

  it('a securityContext from a named template or another expression stays unknown (no PTD001)', async () => {
    const inc = `          {{- include "app.securityContext" . | nindent 10 }}
`;
    const helpers = '{{- define "app.securityContext" -}}\nsecurityContext:\n  capabilities:\n    add: [{{ .Values.cap }}]\n{{- end }}\n';
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('{}', 'true'), 'chart/templates/_helpers.tpl': helpers, 'chart/templates/deployment.yaml': DEPLOY(false, inc) });
    expect(found).toEqual([]);
  });

  it('a named template at the container level that renders no securityContext hides nothing', async () => {
    const mounts = `          {{- include "app.volumeMounts" . | nindent 10 }}
`;
    const helpers = '{{- define "app.volumeMounts" -}}\nvolumeMounts:\n  - name: data\n    mountPath: /data\n{{- end }}\n';
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('{}', 'true'), 'chart/templates/_helpers.tpl': helpers, 'chart/templates/deployment.yaml': DEPLOY(false, mounts) });
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
  });

  it('production: a chart with no debugger and a privileged securityContext from values is no finding', async () => {
    const prod = DEPLOY(false).replace('command: ["/dlv", "--listen=:2345", "--headless", "exec", "/app"]', 'command: ["/app", "serve"]');
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES('\n  privileged: true'), 'chart/templates/deployment.yaml': prod });
    expect(found).toEqual([]);
  });
});

describe("the repository's own installs of a chart", () => {
  const base = { 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES(), 'chart/templates/deployment.yaml': DEPLOY(true) };

  it('a Makefile `helm upgrade -f values-debug.yaml` that turns debug on and grants SYS_PTRACE: nothing to report', async () => {
    const { found } = await run({
      ...base,
      'chart/values-debug.yaml': 'debug:\n  enabled: true\nsecurityContext:\n  capabilities:\n    add: ["SYS_PTRACE"]\n',
      Makefile: 'debug:\n\thelm upgrade --install app ./chart -f chart/values-debug.yaml\n',
    });
    expect(found).toEqual([]);
  });

  it('an install that turns debug on without the grant: PTD001, with the install as a related location', async () => {
    const { r, found } = await run({ ...base, 'chart/values-debug.yaml': 'debug:\n  enabled: true\n', 'scripts/debug.sh': '#!/bin/sh\nhelm upgrade --install app chart --values chart/values-debug.yaml --wait\n' });
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    const related = r.findings[0]!.related ?? [];
    expect(related.some((x) => x.span.file.path === 'scripts/debug.sh' && x.message.includes('-f chart/values-debug.yaml'))).toBe(true);
    // The note at the `if` no longer offers a --set: the repository's install is what turns it on.
    expect(related.some((x) => x.message.includes('--set debug.enabled=true'))).toBe(false);
  });

  it('--set values are typed and applied after the values files', async () => {
    const { found } = await run({
      ...base,
      'chart/values-debug.yaml': 'debug:\n  enabled: true\nsecurityContext:\n  capabilities:\n    add: ["SYS_PTRACE"]\n',
      'deploy.sh': '#!/bin/sh\nhelm install app ./chart -f chart/values-debug.yaml --set securityContext.capabilities=null\n',
    });
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
  });

  it("a Tiltfile's helm(set=[…]) overrides values.yaml: privileged is PTD003", async () => {
    const { r, found } = await run({ ...base, Tiltfile: "k8s_yaml(helm('chart', name='app', set=['debug.enabled=true', 'securityContext.privileged=true']))\n" });
    expect(found).toEqual(['PTD003@chart/templates/deployment.yaml:12']);
    expect((r.findings[0]!.related ?? []).some((x) => x.span.file.path === 'Tiltfile')).toBe(true);
  });

  it("a Tiltfile's helm(values=[…]) reads the values file relative to the Tiltfile", async () => {
    const { found } = await run({ ...base, 'dev/values.yaml': 'debug:\n  enabled: true\nsecurityContext:\n  capabilities:\n    add: [SYS_PTRACE]\n', 'dev/Tiltfile': "k8s_yaml(helm('../chart', values=['values.yaml']))\n" });
    expect(found).toEqual([]);
  });

  it("Tilt's helm(set=['image.repository=…']) switches the chart to the debug image the Tiltfile builds (its Dockerfile runs dlv)", async () => {
    const files = {
      'chart/Chart.yaml': CHART,
      'chart/values.yaml': 'image:\n  repository: acme/app\n  tag: "1.0"\nsecurityContext: {}\n',
      'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n',
      'Dockerfile.debug': 'FROM golang:1.24\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY . /src\nRUN cd /src && go build -gcflags "all=-N -l" -o /app .\nCMD ["/go/bin/dlv", "--listen=:2345", "--headless=true", "--api-version=2", "exec", "/app"]\n',
      'Dockerfile': 'FROM golang:1.24\nCOPY . /src\nRUN cd /src && go build -o /app .\nCMD ["/app"]\n',
    };
    const debug = await run({ ...files, Tiltfile: "docker_build('acme/app-debug', '.', dockerfile='Dockerfile.debug')\nk8s_yaml(helm('chart', set=['image.repository=acme/app-debug', 'image.tag=dev']))\n" });
    expect(debug.found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    // An image switch to a build without a debugger is no debug mode.
    const plain = await run({ ...files, Tiltfile: "docker_build('acme/app-dev', '.')\nk8s_yaml(helm('chart', set=['image.repository=acme/app-dev']))\n" });
    expect(plain.found).toEqual([]);
  });

  it('a Skaffold release with valuesFiles and setValues', async () => {
    const skaffold = (extra: string): string => `apiVersion: skaffold/v2beta29
kind: Config
deploy:
  helm:
    releases:
      - name: app
        chartPath: chart
        valuesFiles:
          - chart/values-debug.yaml
${extra}`;
    const off = await run({ ...base, 'chart/values-debug.yaml': 'debug:\n  enabled: true\n', 'skaffold.yaml': skaffold('') });
    expect(off.found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    const granted = await run({ ...base, 'chart/values-debug.yaml': 'debug:\n  enabled: true\n', 'skaffold.yaml': skaffold('        setValues:\n          securityContext.privileged: true\n') });
    expect(granted.found).toEqual(['PTD003@chart/templates/deployment.yaml:12']);
  });

  it('look-alikes: a helm install of another chart, a values file nobody passes, a commented helm line', async () => {
    const { found } = await run({
      ...base,
      'chart/values-debug.yaml': 'debug:\n  enabled: true\nsecurityContext:\n  privileged: true\n',
      'other/Chart.yaml': CHART.replace('name: app', 'name: other'),
      'other/values.yaml': '{}\n',
      Makefile: 'deploy:\n\t# helm upgrade --install app ./chart -f chart/values-debug.yaml\n\thelm upgrade --install other ./other --set debug.enabled=true\n',
    });
    // The chart's debug mode is still reported as shipped (off by default), with its own values: no PTD003.
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
  });

  it('an install whose values cannot all be read (a variable file, a list index) renders nothing', async () => {
    const { found } = await run({
      ...base,
      'chart/values-debug.yaml': 'debug:\n  enabled: true\nsecurityContext:\n  privileged: true\n',
      'deploy.sh': '#!/bin/sh\nhelm upgrade --install app ./chart -f chart/values-debug.yaml --set "ports[0]=2345"\nhelm upgrade --install app ./chart -f "$VALUES"\n',
    });
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
  });
});

describe('a chart whose args are delve\'s command line', () => {
  const args = (list: string): string => DEPLOY(false).replace('          command: ["/dlv", "--listen=:2345", "--headless", "exec", "/app"]\n', `          args:\n{{- include "app.args" . | nindent 12 }}\n`).replace('{{- toYaml .Values.securityContext | nindent 12 }}', 'capabilities:\n              drop: [ALL]') + '' + list;

  it('args rendered by a named template in the debug mode (a name from .Release printed as a placeholder): dlv is the entrypoint', async () => {
    const helpers = `{{/* debug.enabled: the debug image's ENTRYPOINT is /dlv, these are its flags */}}
{{- define "app.args" -}}
{{- if .Values.debug.enabled }}
- --listen=:2345
- --headless=true
- --api-version=2
- exec
- ./app
- --
{{- end }}
- -config=$(POD_NAMESPACE)/{{ .Release.Name }}-config
{{- end }}
`;
    const { r, found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES(), 'chart/templates/_helpers.tpl': helpers, 'chart/templates/deployment.yaml': args('') });
    expect(found).toEqual(['PTD001@chart/templates/deployment.yaml:9']);
    expect((r.findings[0]!.related ?? []).some((x) => x.message.includes('This runs `dlv --listen=:2345 --headless=true'))).toBe(true);
  });

  it('args that only look alike (no --headless, or no dlv subcommand) are no debugger', async () => {
    const helpers = `{{- define "app.args" -}}
- --listen=:8080
- serve
- --api-version=2
{{- end }}
`;
    const { found } = await run({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': VALUES(), 'chart/templates/_helpers.tpl': helpers, 'chart/templates/deployment.yaml': args('') });
    expect(found).toEqual([]);
    const plain = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: example.org/web:1
      args: ["--listen=:8080", "--headless", "run"]
`;
    const p = await run({ 'k8s/pod.yaml': plain });
    expect(p.found).toEqual([]);
  });
});

describe('helm --set and values merging (helmvalues.ts)', () => {
  it('parses --set as Helm types it, --set-string as strings, lists in braces, escaped commas and dots', () => {
    expect(parseSet('a.b=true,c=1,d=01,e=null,f=x')).toEqual({ a: { b: true }, c: 1, d: '01', e: null, f: 'x' });
    expect(parseSet('a.b=true', true)).toEqual({ a: { b: 'true' } });
    expect(parseSet('list={a,b}')).toEqual({ list: ['a', 'b'] });
    expect(parseSet('name=a\\,b,k\\.x=1')).toEqual({ name: 'a,b', 'k.x': 1 });
    expect(parseSet('a[0]=x')).toBeUndefined();
    expect(parseSet('img=$TAG')).toBeUndefined();
    expect(parseSet('novalue')).toBeUndefined();
  });

  it('merges maps key by key; null removes; other values replace', () => {
    expect(mergeValues({ a: { b: 1, c: 2 }, d: [1], e: 1 }, { a: { b: 3 }, d: [2], e: null })).toEqual({ a: { b: 3, c: 2 }, d: [2] });
  });
});

describe('kubectl run (kubectl pkg/cmd/run)', () => {
  const script = (line: string): Record<string, string> => ({ 'scripts/debug.sh': `#!/bin/sh\nset -e\n${line}\n` });

  it('the words after -- run dlv in a pod of its own: PTD001 at the command', async () => {
    const { r, found } = await run(script('kubectl run svc-debug --image=acme/svc:debug --restart=Never -- dlv exec /svc --headless --listen=:2345 --api-version=2'));
    expect(found).toEqual(['PTD001@scripts/debug.sh:3']);
    // A pod reached by port-forward publishes nothing: no PTD008; no automatic fix of the command line.
    expect(r.findings[0]!.fix).toBeUndefined();
  });

  it('--overrides (a JSON merge patch) whose container adds SYS_PTRACE grants it; its command runs', async () => {
    const ok = await run(script(`kubectl run svc-attach --image=acme/svc:debug --overrides='{"spec":{"containers":[{"name":"svc-attach","image":"acme/svc:debug","command":["dlv","attach","1","--headless","--listen=:2345"],"securityContext":{"capabilities":{"add":["SYS_PTRACE"]}}}]}}'`));
    expect(ok.found).toEqual([]);
    const missing = await run(script(`kubectl run svc-attach --image=acme/svc:debug --overrides='{"spec":{"containers":[{"name":"svc-attach","image":"acme/svc:debug","command":["dlv","attach","1","--headless","--listen=:2345"]}]}}'`));
    expect(missing.found).toEqual(['PTD001@scripts/debug.sh:3']);
    expect(missing.r.findings[0]!.severity).toBe('error');
  });

  it('capabilities written at the pod level of --overrides grant nothing (a PodSecurityContext has no capabilities)', async () => {
    const { found } = await run(script(`kubectl run gdbs --image=acme/app:debug --restart=Never --overrides='{"spec":{"securityContext":{"capabilities":{"add":["SYS_PTRACE"]}}}}' -- strace -f -p 1`));
    expect(found).toEqual(['PTD001@scripts/debug.sh:3']);
  });

  it('--privileged on a debugger pod is PTD003 at the flag; a merge override that replaces the containers drops it', async () => {
    const priv = await run(script('kubectl run tracer --privileged --image=acme/app:debug -- strace -f -p 1'));
    expect(priv.found).toEqual(['PTD003@scripts/debug.sh:3']);
    const replaced = await run(script(`kubectl run tracer --privileged --image=acme/app:debug --overrides='{"spec":{"containers":[{"name":"tracer","image":"acme/app:debug","command":["strace","-f","-p","1"],"securityContext":{"privileged":true}}]}}'`));
    // The override's own privileged, at its place in the JSON.
    expect(replaced.found).toEqual(['PTD003@scripts/debug.sh:3']);
    const loc = toLocation(replaced.r.findings[0]!.span);
    expect(loc.startColumn).toBeGreaterThan(100);
  });

  it('a strategic override merges its container by name; a json override leaves the capabilities unknown', async () => {
    const strategic = await run(script(`kubectl run dbg --image=acme/app:debug --override-type=strategic --overrides='{"spec":{"containers":[{"name":"dbg","securityContext":{"capabilities":{"add":["SYS_PTRACE"]}}}]}}' -- dlv attach 1 --headless --listen=:2345`));
    expect(strategic.found).toEqual([]);
    const json = await run(script(`kubectl run dbg --image=acme/app:debug --override-type=json --overrides='[{"op":"add","path":"/spec/containers/0/securityContext","value":{}}]' -- dlv attach 1 --headless --listen=:2345`));
    expect(json.found).toEqual([]);
  });

  it('look-alikes: a privileged pod with no debugger (nsenter, termshark), a dlv in a comment, kubectl get', async () => {
    const { found } = await run({
      'scripts/node-shell.sh': `#!/bin/sh\nkubectl run nsenter --restart=Never -it --rm --image x --overrides '{"spec":{"hostPID":true,"containers":[{"name":"nsenter","image":"debian:12","command":["nsenter","--all","--target=1","--","su","-"],"securityContext":{"privileged":true}}]}}'\n`,
      'scripts/capture.sh': "#!/bin/sh\nkubectl run -it --rm --privileged --image=alpine cap -- /bin/ash -c 'apk add termshark && termshark'\n",
      'scripts/notes.sh': '#!/bin/sh\n# kubectl run dbg --image=x -- dlv attach 1\nkubectl get pods -o wide # dlv\n',
    });
    expect(found).toEqual([]);
  });
});

describe('kustomize patches targeted by labelSelector', () => {
  const base = (sc = ''): Record<string, string> => ({
    'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'k8s/base/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels:\n    app: api\n    tier: backend\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example.org/api:1.0\n          command: ["/api"]\n${sc}`,
    'k8s/debug/dlv.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: not-used\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          command: ["/dlv", "attach", "1", "--headless", "--listen=:2345"]\n',
  });
  const GRANT = '          securityContext:\n            capabilities:\n              add: [SYS_PTRACE]\n';
  const overlay = (target: string): string => `resources:\n  - ../base\npatches:\n  - path: dlv.yaml\n    target:\n${target}`;

  it("a patch whose target selects by the resource's labels renders over it: the base's grant holds (kind and labels, or labels alone)", async () => {
    for (const t of ['      labelSelector: "app=api,tier!=frontend"\n', '      kind: Deployment\n      labelSelector: app==api\n', '      labelSelector: tier\n']) {
      const { found } = await run({ ...base(GRANT), 'k8s/debug/kustomization.yaml': overlay(t) });
      expect(found).toEqual([]);
    }
    // Without the grant, the rendered container is reported where the patch writes it.
    const missing = await run({ ...base(), 'k8s/debug/kustomization.yaml': overlay('      labelSelector: app=api\n') });
    expect(missing.found).toEqual(['PTD001@k8s/debug/dlv.yaml:9']);
  });

  it('a selector that matches no resource, a set-based selector, or an annotationSelector is not followed: the patch file is read alone, as before', async () => {
    for (const t of ['      labelSelector: app=web\n', '      labelSelector: "app in (api,web)"\n', '      annotationSelector: debug=true\n', '      labelSelector: "!tier"\n']) {
      const { found } = await run({ ...base(GRANT), 'k8s/debug/kustomization.yaml': overlay(t) });
      expect(found).toEqual(['PTD001@k8s/debug/dlv.yaml:9']);
    }
  });
});
