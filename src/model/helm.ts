/**
 * The image a Helm chart's template names, read from the chart's values:
 * `image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"`
 * in `<chart>/templates/*.yaml` (a template that is valid YAML) becomes the
 * repository and tag of `<chart>/values.yaml` (and `appVersion` of
 * Chart.yaml). Only `.Values.a.b`, `.Chart.AppVersion`/`.Chart.Name` and
 * `| default X` are resolved; anything else leaves the reference unresolved.
 */
import { posix } from 'node:path';
import { get, str, type YNode } from '../parse/yaml.js';
import type { Project } from './project.js';

const chartCache = new WeakMap<Project, Map<string, { values: YNode; chart: YNode; y: Parameters<typeof get>[0] | undefined; cy: Parameters<typeof get>[0] | undefined } | undefined>>();

function chartOf(project: Project, templatePath: string) {
  let cache = chartCache.get(project);
  if (!cache) chartCache.set(project, (cache = new Map()));
  // <chart>/templates/x.yaml (or a sub-directory of templates/).
  const parts = templatePath.split('/');
  const t = parts.lastIndexOf('templates');
  if (t < 0) return undefined;
  const root = parts.slice(0, t).join('/');
  if (cache.has(root)) return cache.get(root);
  const at = (n: string): string => (root ? `${root}/${n}` : n);
  const chartFile = project.file(at('Chart.yaml'), 'kubernetes', { quiet: true });
  const valuesFile = chartFile ? project.file(at('values.yaml'), 'kubernetes', { quiet: true }) : undefined;
  const cy = chartFile ? project.yaml(chartFile) : undefined;
  const y = valuesFile ? project.yaml(valuesFile) : undefined;
  const out = chartFile ? { values: y?.docs[0]?.contents as YNode, chart: cy?.docs[0]?.contents as YNode, y, cy } : undefined;
  cache.set(root, out);
  return out;
}

/** The image reference with the chart's values substituted; undefined when something stays a template. */
export function helmImage(project: Project, templatePath: string, raw: string): string | undefined {
  if (!raw.includes('{{')) return raw;
  const chart = chartOf(project, posix.normalize(templatePath));
  if (!chart) return undefined;
  const lookup = (expr: string): string | undefined => {
    const e = expr.trim();
    let m = /^\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(e);
    if (m && chart.y) {
      let n: YNode = chart.values;
      for (const k of m[1]!.slice(1).split('.')) n = get(chart.y, n, k);
      return str(n);
    }
    m = /^\.Chart\.(AppVersion|Name|Version)$/.exec(e);
    if (m && chart.cy) return str(get(chart.cy, chart.chart, m[1] === 'AppVersion' ? 'appVersion' : m[1]!.toLowerCase()));
    m = /^"([^"]*)"$/.exec(e);
    if (m) return m[1];
    return undefined;
  };
  let unresolved = false;
  const out = raw.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, body: string) => {
    const pipes = body.split('|').map((p) => p.trim());
    let v = lookup(pipes[0]!);
    for (const p of pipes.slice(1)) {
      const d = /^default\s+(.+)$/.exec(p);
      if (d && (v === undefined || v === '')) v = lookup(d[1]!);
      else if (!d) { unresolved = true; return ''; }
    }
    if (v === undefined || v === '') { unresolved = true; return ''; }
    return v;
  });
  return unresolved ? undefined : out;
}

/** Keys under which rendered content can grant a capability. */
const CAP_KEYS = new Set(['securityContext', 'capabilities', 'add']);

/**
 * Whether a Helm template renders, into the container that spans start..end (offsets of the file as written),
 * content that can set its capabilities and that the model cannot see: a line of its own that renders values
 * or named templates (`{{- toYaml . | nindent 12 }}`, `{{ include "chart.container" . }}`) at the container's
 * own level or under `securityContext`/`capabilities`, or such a key whose value is one
 * (`securityContext: {{- toYaml .Values.securityContext | nindent 12 }}`). Rendered `resources`, labels or env
 * cannot, and `{{- if … }}`/`{{- end }}` only choose among lines that are there.
 */
export function rendersHiddenCaps(text: string, start: number, end: number): boolean {
  if (!text.includes('{{')) return false;
  const first = text.lastIndexOf('\n', start) + 1;
  const lines: Array<{ at: number; line: string }> = [];
  for (let at = first; at < end; ) {
    const nl = text.indexOf('\n', at);
    lines.push({ at, line: text.slice(at, nl < 0 ? text.length : nl) });
    if (nl < 0) break;
    at = nl + 1;
  }
  const indent = (l: string): number => l.length - l.trimStart().length;
  const keyOf = (l: string): string => l.trim().replace(/^-\s+/, '').split(':')[0]!.trim();
  const RENDERS = /\{\{-?\s*(toYaml|include|tpl|template)\b/;
  for (let k = 0; k < lines.length; k++) {
    const { line } = lines[k]!;
    const i = line.indexOf('{{');
    if (i < 0 || !RENDERS.test(line.slice(i))) continue;
    const before = line.slice(0, i).trim();
    if (before.endsWith(':')) {
      if (CAP_KEYS.has(keyOf(before))) return true;
      continue;
    }
    if (before !== '') continue;
    // The key this line renders under: the nearest line above it that is less indented and is YAML.
    let parent: string | undefined;
    let parentIsContainer = false;
    for (let j = k - 1; j >= 0; j--) {
      const up = lines[j]!.line;
      const t = up.trim();
      if (t === '' || t.startsWith('{{') || t.startsWith('#') || indent(up) >= indent(line)) continue;
      parent = keyOf(up);
      parentIsContainer = j === 0;
      break;
    }
    if (parent === undefined || parentIsContainer || CAP_KEYS.has(parent)) return true;
  }
  return false;
}
