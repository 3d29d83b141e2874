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
