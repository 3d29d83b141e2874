/**
 * Helm charts as they are written: named templates for images (`{{ template "x.image" . }}` from
 * templates/_helpers.tpl), values that decide whether a debug container is rendered, a Service type and
 * ports from values. What the reader resolves, and what it leaves unresolved (no link rather than a guess).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { validate } from '../../src/fix/validate.js';
import { applyFixes } from '../../src/fix/apply.js';
import { chartData, conditionRegions, definesOf, renderText, type TVal } from '../../src/model/gotemplate.js';
import { toLocation } from '../../src/source.js';
import { untemplate } from '../../src/parse/yaml.js';
import { parseAllDocuments } from 'yaml';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function repo(files: Record<string, string>): string {
  const r = tempRepo(files);
  roots.push(r);
  return r;
}
async function findingsOf(files: Record<string, string>) {
  return (await scan({ root: repo(files) })).findings;
}
async function found(files: Record<string, string>): Promise<string[]> {
  return (await findingsOf(files)).map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`);
}

const data = (values: TVal): TVal => chartData(values, { Name: 'api', Version: '0.1.0', AppVersion: '1.4.0' });

describe('the Go template reader', () => {
  const helpers =
    '{{/* image of the sidecar */}}\n{{- define "chaos-dlv.image" -}}\n{{ .Values.chaosDlv.image.registry | default .Values.images.registry }}/{{ .Values.chaosDlv.image.repository }}:{{ .Values.chaosDlv.image.tag | default .Chart.AppVersion }}\n{{- end -}}\n' +
    '{{- define "app.image" -}}\n{{- $registry := .Values.image.registry -}}\n{{- if $registry }}\n{{- printf "%s/%s:%s" $registry .Values.image.repository (.Values.image.tag | toString) -}}\n{{- else -}}\n{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | toString) -}}\n{{- end -}}\n{{- end -}}\n' +
    '{{- define "prefix" -}}\n{{if .Values.registry}}{{.Values.registry}}/{{end}}\n{{- end -}}\n' +
    '{{- define "loop" -}}{{ include "loop" . }}{{- end -}}\n';
  const defines = definesOf(helpers);

  it('resolves a define with default, printf, variables, if/else and a registry prefix', () => {
    const v = { images: { registry: 'ghcr.io' }, chaosDlv: { image: { repository: 'chaos-mesh/chaos-dlv' } }, image: { registry: '', repository: 'acme/api', tag: 7 }, registry: '' };
    expect(renderText('{{template "chaos-dlv.image" . }}', data(v), defines)).toBe('ghcr.io/chaos-mesh/chaos-dlv:1.4.0');
    expect(renderText('{{ include "app.image" . }}', data(v), defines)).toBe('acme/api:7');
    expect(renderText('{{ include "app.image" . }}', data({ ...v, image: { ...v.image, registry: 'quay.io' } }), defines)).toBe('quay.io/acme/api:7');
    expect(renderText('{{template "prefix" .}}{{ .Values.image.repository }}', data(v), defines)).toBe('acme/api');
    expect(renderText('{{template "prefix" .}}{{ .Values.image.repository }}', data({ ...v, registry: 'localhost:5000' }), defines)).toBe('localhost:5000/acme/api');
  });

  it('leaves unresolved what depends on something it does not know, and stops on loops', () => {
    const v = { image: { repository: 'acme/api' } };
    // .Release is not known; a missing value leaves a hole; an unknown function; a template that includes itself.
    expect(renderText('{{ .Release.Name }}-api', data(v), defines)).toBeUndefined();
    expect(renderText('{{ .Values.image.repository }}:{{ .Values.image.tag }}', data(v), defines)).toBeUndefined();
    expect(renderText('{{ .Values.image.repository | sha256sum }}', data(v), defines)).toBeUndefined();
    expect(renderText('{{ include "loop" . }}', data(v), defines)).toBeUndefined();
    expect(renderText('{{ include "missing" . }}', data(v), defines)).toBeUndefined();
    // A condition on something unknown decides nothing.
    expect(renderText('{{ if .Release.IsInstall }}a{{ else }}b{{ end }}', data(v), defines)).toBeUndefined();
    // Not a whole template.
    expect(renderText('{{ if .Values.x }}a', data(v), defines)).toBeUndefined();
  });

  it('finds the branches that the default values do not render', () => {
    const src = '{{- if .Values.debug.enabled }}\nA\n{{- else }}\nB\n{{- end }}\n{{ if .Values.on }}C{{ end }}\n{{ if .Capabilities.APIVersions }}D{{ end }}\n';
    const r = conditionRegions(src, data({ debug: { enabled: false }, on: true }), new Map());
    const text = (x: { start: number; end: number }): string => src.slice(x.start, x.end).trim();
    expect(r.filter((x) => x.on === false).map(text)).toEqual(['A']);
    expect(r.filter((x) => x.on === true).map(text)).toEqual(['B', 'C']);
    expect(r.filter((x) => x.on === undefined).map(text)).toEqual(['D']);
  });
});

describe('Helm charts in the scan', () => {
  const dlvImage = 'FROM golang:1.22 AS build\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nFROM debian:bookworm-slim\nCOPY --from=build /go/bin/dlv /dlv\nCMD ["/dlv", "attach", "1", "--listen=:8000", "--headless=true", "--api-version=2"]\n';
  const chart = (values: string, container: string, service = ''): Record<string, string> => ({
    'images/dlv/Dockerfile': dlvImage,
    Makefile: 'define IMAGE\nimage-$(1):\n\tdocker build -t ghcr.io/acme/$(1):latest $(2)\nendef\n$(eval $(call IMAGE,api-dlv,images/dlv))\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\nappVersion: "1.0"\n',
    'chart/values.yaml': values,
    'chart/templates/_helpers.tpl': '{{- define "dlv.image" -}}\n{{ .Values.images.registry }}/{{ .Values.dlv.repository }}:{{ .Values.dlv.tag | default "latest" }}\n{{- end -}}\n',
    'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n' + container + service,
  });
  const sidecar = (caps: boolean): string =>
    '        {{- if .Values.dlv.enable }}\n        - name: dlv\n          image: {{ template "dlv.image" . }}\n' + (caps ? '          securityContext:\n            capabilities:\n              add:\n              - SYS_PTRACE\n' : '') + '          ports:\n          - name: dlv\n            containerPort: {{ .Values.dlv.port }}\n        {{- end }}\n';
  const service = '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  type: {{ .Values.service.type }}\n  ports:\n  {{- if .Values.dlv.enable }}\n    - port: 8000\n      targetPort: dlv\n  {{- end }}\n';
  const values = (enable: boolean, type = 'NodePort'): string => `images:\n  registry: ghcr.io\nservice:\n  type: ${type}\ndlv:\n  enable: ${enable}\n  repository: acme/api-dlv\n  port: 8000\n`;

  it('a sidecar whose image is a named template links to its Dockerfile: the chart grants SYS_PTRACE, so only the NodePort is reported', async () => {
    const f = await findingsOf(chart(values(false), sidecar(true), service));
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD007 chart/templates/deployment.yaml:34']);
    // The debug mode is off by default: the finding says how it is turned on, and where the values make it a NodePort.
    const msgs = f[0]!.related.map((r) => r.message).join('\n');
    expect(msgs).toContain('--set dlv.enable=true');
    expect(msgs).toContain("values.yaml makes the Service a NodePort");
  });

  it('a ClusterIP Service from values, or no Service, says nothing; the debug mode turned on by default is reported without the note', async () => {
    expect(await found(chart(values(false, 'ClusterIP'), sidecar(true), service))).toEqual([]);
    expect(await found(chart(values(false), sidecar(true)))).toEqual([]);
    const on = await findingsOf(chart(values(true), sidecar(true), service));
    expect(on.map((x) => x.ruleId)).toEqual(['PTD007']);
    expect(on[0]!.related.map((r) => r.message).join('\n')).not.toContain('--set');
  });

  it('a sidecar in the off debug mode without SYS_PTRACE is still reported (the chart ships it), and its fix re-parses', async () => {
    const files = chart(values(false), sidecar(false));
    const f = await findingsOf(files);
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD001 chart/templates/deployment.yaml:13']);
    expect(f[0]!.related.map((r) => r.message).join('\n')).toContain('--set dlv.enable=true');
    const root = repo(files);
    const out = await applyFixes({ root, write: false });
    const text = out.changed.find((x) => x.path === 'chart/templates/deployment.yaml')?.after ?? '';
    expect(text).toContain('SYS_PTRACE');
    expect(text).toContain('{{- if .Values.dlv.enable }}');
    expect(validate('kubernetes', text)).toBeUndefined();
    expect(out.after.findings.map((x) => x.ruleId)).toEqual([]);
  });

  it('an image the named template cannot resolve is not linked (no guess)', async () => {
    const files = chart(values(false).replace('  registry: ghcr.io\n', ''), sidecar(false), service);
    // The registry is missing: the image has a hole, so the sidecar is no debugging container as far as the chart shows.
    expect((await found(files)).filter((x) => x.includes('chart/'))).toEqual([]);
  });
});

describe('templates read as YAML (untemplate)', () => {
  const parse = (t: string) => parseAllDocuments(untemplate(t), { prettyErrors: false, uniqueKeys: false, strict: false });
  const errors = (t: string) => parse(t).flatMap((d) => d.errors.map((e) => e.message.split('\n')[0]));

  it('keeps every offset, and is the text itself without actions', () => {
    const t = 'a: {{ .Values.a }}\n{{- if .Values.b }}\nb: "{{ join "," .Values.c }}"\n{{- end }}\n';
    expect(untemplate(t)).toHaveLength(t.length);
    expect(untemplate('a: 1\n')).toBe('a: 1\n');
  });

  it('an action that goes on over several lines is a comment on each of them', () => {
    const t =
      '{{- $dir := (.Capabilities.KubeVersion.GitVersion | contains "-gke") | ternary\n    "/home/kubernetes/bin"\n    "/opt/cni/bin"\n}}\n' +
      'kind: DaemonSet\napiVersion: apps/v1\nspec:\n  template:\n    spec:\n      containers:\n{{- if and\n  (ne .Values.a "false")\n  (.Values.b)\n}}\n        - name: cni\n          image: x\n{{- end }}\n';
    expect(errors(t)).toEqual([]);
    const js = parse(t)[0]!.toJS() as { kind: string; spec: { template: { spec: { containers: Array<{ name: string }> } } } };
    expect(js.kind).toBe('DaemonSet');
    expect(js.spec.template.spec.containers.map((c) => c.name)).toEqual(['cni']);
  });

  it('quotes inside an action do not end the quoted scalar around it, and come back in the value', () => {
    const t = 'args:\n  - "--hosts={{ join "," .Values.hosts }}"\n  - {{ or .Scheme "https" }}\n  - ["--registry", {{ .Registry }}, "--scheme", {{ or .Scheme "https" }}]\n';
    expect(errors(t)).toEqual([]);
    const js = parse(t)[0]!.toJS() as { args: unknown[] };
    expect(js.args[0]).toBe('--hosts=\u27e6\u27e6 join \u27ea,\u27ea .Values.hosts \u27e7\u27e7');
  });

  it('a stray or commented-out {{ takes no other line with it', () => {
    const t = '# use {{ .Values.x to set it\nkind: Pod\nmetadata:\n  name: a # {{ see\nspec: {}\n# }}\n';
    expect(errors(t)).toEqual([]);
    expect((parse(t)[0]!.toJS() as { kind: string; spec: unknown }).spec).toEqual({});
  });

  it('a chart whose debug container follows a multi-line action and a quoted join is read, and reported', async () => {
    const files = {
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'chart/values.yaml': 'hosts: [a, b]\n',
      'chart/templates/deployment.yaml':
        '{{- $x := .Values.hosts | default\n    "none"\n}}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: acme/api\n          command: ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n          args:\n            - "--hosts={{ join "," .Values.hosts }}"\n',
    };
    expect(await found(files)).toEqual(['PTD001 chart/templates/deployment.yaml:12']);
  });
});

describe('Helm templates read as YAML', () => {
  const parses = (t: string): boolean => parseAllDocuments(untemplate(t)).every((d) => d.errors.length === 0);

  it('keeps offsets and reads an action with quotes inside a quoted scalar, an action written over lines, `: ` and ` #` inside actions', () => {
    const t =
      'args:\n  - "--hosts={{ join "," .Values.hosts }}"\n  - \'{{ .Values.a | default \'x\' }}\'\n' +
      '{{- if (and\n      .Values.a\n      .Values.b) }}\n  - plain {{ printf "%s: %s" .a .b }} # {{ "#x" }}\n{{- end }}\n';
    expect(untemplate(t)).toHaveLength(t.length);
    expect(parses(t)).toBe(true);
    // Before: the inner quotes ended the scalar.
    expect(parseAllDocuments(t.replace('{{ join "," .Values.hosts }}', '⟦⟦ join "," .Values.hosts ⟧⟧')).some((d) => d.errors.length > 0)).toBe(true);
    expect(untemplate(t).split('\n').slice(3, 6).every((l) => l.trimStart().startsWith('#'))).toBe(true);
  });

  it('still refuses what is no YAML once its actions are set aside, and leaves text without actions alone', () => {
    expect(parses('a: [1, 2\nb: {{ .Values.x }}\n')).toBe(false);
    expect(untemplate('a: "b"\n')).toBe('a: "b"\n');
  });

  it('a chart whose debug args hold a quoted join is read: its dlv sidecar without SYS_PTRACE is reported, nothing unreadable', async () => {
    const files = {
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'chart/values.yaml': 'hosts: [a, b]\n',
      'chart/templates/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: acme/api:1\n' +
        '        command: ["/dlv", "--headless", "--listen=:40000", "exec", "/api", "--"]\n        args:\n        - "--hosts={{ join "," .Values.hosts }}"\n',
    };
    expect(await found(files)).toEqual(['PTD001 chart/templates/deploy.yaml:9']);
  });
});

describe('a Helm debug mode that switches command and args', () => {
  const chart = (caps: string, values = 'debug:\n  enabled: false\n  port: 40000\n'): Record<string, string> => ({
    'chart/Chart.yaml': 'apiVersion: v2\nname: op\nversion: 0.1.0\n',
    'chart/values.yaml': values,
    'chart/templates/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: op\nspec:\n  template:\n    spec:\n      containers:\n      - name: op\n        image: acme/op:1\n' + caps +
      '        command:\n{{- if eq .Values.debug.enabled false }}\n        - /operator\n{{- else }}\n        - /dlv\n{{- end }}\n        args:\n' +
      '{{- if eq .Values.debug.enabled true }}\n        - --listen=:{{ .Values.debug.port }}\n        - --headless=true\n        - exec\n        - /operator\n        - --\n{{- end }}\n        - --log-level=info\n',
  });
  const ptrace = '{{- if eq .Values.debug.enabled true }}\n        securityContext:\n          capabilities:\n            add: ["SYS_PTRACE"]\n{{- end }}\n';

  it('reads the container as the debug mode renders it (/dlv … exec /operator), reported with how the mode is turned on', async () => {
    const f = await findingsOf(chart(''));
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD001 chart/templates/deploy.yaml:9']);
    expect(f[0]!.message).toContain('/dlv --listen=:{{ .Values.debug.port }} --headless=true exec');
    expect(f[0]!.related.map((r) => r.message).join('\n')).toContain('--set debug.enabled=true');
  });

  it('says nothing when the debug mode grants SYS_PTRACE; a mode chosen by a string value is turned on the same way', async () => {
    expect(await found(chart(ptrace))).toEqual([]);
    // `eq .Values.mode "debug"` with `mode: release`: the mode is the condition's literal.
    const files = chart('', 'mode: release\ndebug:\n  port: 40000\n');
    files['chart/templates/deploy.yaml'] = files['chart/templates/deploy.yaml']!.replaceAll('eq .Values.debug.enabled false', 'ne .Values.mode "debug"').replaceAll('eq .Values.debug.enabled true', 'eq .Values.mode "debug"');
    const f = await findingsOf(files);
    expect(f.map((x) => x.ruleId)).toEqual(['PTD001']);
    expect(f[0]!.related.map((r) => r.message).join('\n')).toContain('--set mode=debug');
  });

  it('a command switched on a value that is not a debugger stays as the default values render it', async () => {
    const files = chart('');
    files['chart/templates/deploy.yaml'] = files['chart/templates/deploy.yaml']!.replace('        - /dlv\n', '        - /operator-v2\n').replace('--listen=:{{ .Values.debug.port }}\n        - --headless=true\n        - exec\n        - /operator\n        - --\n', '--verbose\n');
    expect(await found(files)).toEqual([]);
  });
});

describe('a container whose command and args a named template or the values render', () => {
  const helpers =
    '{{- define "api.command" -}}\n{{- if .Values.debug.enabled }}\n- /dlv\n{{- else }}\n- /api\n{{- end }}\n{{- end -}}\n' +
    '{{- define "api.args" -}}\n{{- if .Values.debug.enabled }}\n- --listen=:2345\n- --headless=true\n- exec\n- /api\n- --\n{{- end }}\n- --port=8080\n{{- end -}}\n';
  const chart = (values: string, container: string, tpl = helpers): Record<string, string> => ({
    'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
    'chart/values.yaml': values,
    'chart/templates/_helpers.tpl': tpl,
    'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: acme/api:1\n' + container,
  });
  const included = '        command:\n        {{- include "api.command" . | nindent 8 }}\n        args:\n        {{- include "api.args" . | nindent 8 }}\n';

  it('renders the named templates with the debug mode turned on when only then a debugger runs, and says how it is turned on', async () => {
    const f = await findingsOf(chart('debug:\n  enabled: false\n', included));
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD001 chart/templates/deploy.yaml:9']);
    expect(f[0]!.message).toContain('/dlv --listen=:2345 --headless=true exec');
    expect(f[0]!.related.map((r) => r.message).join('\n')).toContain('--set debug.enabled=true');
    // Turned on by default: reported without the note.
    const on = await findingsOf(chart('debug:\n  enabled: true\n', included));
    expect(on.map((x) => x.ruleId)).toEqual(['PTD001']);
    expect(on[0]!.related.map((r) => r.message).join('\n')).not.toContain('--set');
  });

  it('args from values (`{{- toYaml .Values.args | nindent 10 }}`) are read as the chart\'s values.yaml sets them', async () => {
    const c = '        command: ["/dlv"]\n        args: {{- toYaml .Values.args | nindent 10 }}\n';
    expect(await found(chart('args: [--headless, --listen=:2345, exec, /api]\n', c, ''))).toEqual(['PTD001 chart/templates/deploy.yaml:9']);
  });

  it('says nothing when no value renders a debugger, when the chart grants SYS_PTRACE, or when its securityContext is rendered', async () => {
    const plain = '{{- define "api.command" -}}\n- /api\n{{- end -}}\n{{- define "api.args" -}}\n{{- if .Values.verbose }}\n- --v=4\n{{- end }}\n- --port=8080\n{{- end -}}\n# gdb is not in this chart\n';
    expect(await found(chart('verbose: false\n', included, plain))).toEqual([]);
    const caps = '        securityContext:\n          capabilities:\n            add: [SYS_PTRACE]\n';
    expect(await found(chart('debug:\n  enabled: false\n', caps + included))).toEqual([]);
    const hidden = '        securityContext:\n        {{- include "api.security" . | nindent 10 }}\n';
    expect(await found(chart('debug:\n  enabled: false\n', hidden + included))).toEqual([]);
  });
});
