/**
 * The image a Helm chart's template names, read from the chart's values:
 * `image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"`
 * in `<chart>/templates/*.yaml` (a template that is valid YAML) becomes the
 * repository and tag of `<chart>/values.yaml` (and `appVersion` of
 * Chart.yaml). Only `.Values.a.b`, `.Chart.AppVersion`/`.Chart.Name` and
 * `| default X` are resolved; anything else leaves the reference unresolved.
 */
import { posix } from 'node:path';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar, parseAllDocuments } from '../parse/yaml-lib.js';
import { getPath, nodeSpan, type YamlFile, type YNode } from '../parse/yaml.js';
import { chartData, conditionRegions, definesOf, renderText, type Region, type TNode, type TVal } from './gotemplate.js';
import { chartOverrides, mergeValues, type ValuesOverride } from './helmvalues.js';
import type { Project } from './project.js';
import { isHot } from './relevance.js';
import type { SourceFile, Span } from '../types.js';

export interface Chart {
  /** The chart's directory ('' for a chart at the root). */
  root: string;
  /** `.Values`, `.Chart` (Name, Version, AppVersion) as the templates see them; `.Release` and the rest are unknown. */
  data: TVal;
  /** Named templates of `templates/*.tpl` ({{ define "chart.image" }}). */
  defines: Map<string, TNode[]>;
  values?: YamlFile;
  valuesFile?: SourceFile;
  /** A .tpl file of the chart mentions a debugger word. */
  hotHelpers: boolean;
}

const chartCache = new WeakMap<Project, Map<string, Chart | undefined>>();
/** A chart's helpers are a few files; more than this many .tpl files (or bytes) are not read. */
const MAX_TPL_FILES = 32;

function jsOf(y: YamlFile | undefined): TVal {
  try {
    return (y?.docs[0]?.toJS({ maxAliasCount: 100 }) ?? {}) as TVal;
  } catch {
    return {};
  }
}

/** The chart whose templates/ holds this file, read once: values.yaml, Chart.yaml and the .tpl helpers. */
export function chartOf(project: Project, templatePath: string): Chart | undefined {
  let cache = chartCache.get(project);
  if (!cache) chartCache.set(project, (cache = new Map()));
  // <chart>/templates/x.yaml (or a sub-directory of templates/).
  const parts = posix.normalize(templatePath).split('/');
  const t = parts.lastIndexOf('templates');
  if (t < 0) return undefined;
  const root = parts.slice(0, t).join('/');
  if (cache.has(root)) return cache.get(root);
  const at = (n: string): string => (root ? `${root}/${n}` : n);
  const chartFile = project.file(at('Chart.yaml'), 'kubernetes', { quiet: true });
  let out: Chart | undefined;
  if (chartFile) {
    const valuesFile = project.file(at('values.yaml'), 'kubernetes', { quiet: true });
    const values = valuesFile ? project.yaml(valuesFile, { quiet: true }) : undefined;
    const meta = jsOf(project.yaml(chartFile, { quiet: true }));
    const m = (meta && typeof meta === 'object' && !Array.isArray(meta) ? meta : {}) as Record<string, TVal>;
    const defines = new Map<string, TNode[]>();
    let hotHelpers = false;
    for (const name of project.ws.filesIn(at('templates')).filter((n) => n.endsWith('.tpl')).slice(0, MAX_TPL_FILES)) {
      const r = project.ws.read(at(`templates/${name}`), 'kubernetes');
      if (!r.ok || !r.file.text.includes('define')) continue;
      if (isHot(r.file)) hotHelpers = true;
      for (const [k, v] of definesOf(r.file.text)) if (!defines.has(k)) defines.set(k, v);
    }
    out = {
      root,
      data: chartData(jsOf(values), { Name: m.name, Version: m.version, AppVersion: m.appVersion }),
      defines,
      hotHelpers,
      ...(values ? { values } : {}),
      ...(valuesFile ? { valuesFile } : {}),
    };
  }
  cache.set(root, out);
  return out;
}

/** A short template (an `image:`, a Service `type:`, a port) rendered with the chart's default values; undefined when not certain. */
export function helmValue(project: Project, templatePath: string, raw: string, data?: TVal): string | undefined {
  if (!raw.includes('{{')) return raw;
  const chart = chartOf(project, templatePath);
  if (!chart) return undefined;
  const out = renderText(raw, data ?? chart.data, chart.defines)?.trim();
  if (out === undefined || out === '') return undefined;
  // `{{ include "x.image" . | quote }}` in a plain scalar: the quotes are YAML's.
  const q = /^"([^"]*)"$|^'([^']*)'$/.exec(out);
  return q ? (q[1] ?? q[2]!) : out;
}

/** The image reference with the chart's values substituted; undefined when something stays a template. */
export function helmImage(project: Project, templatePath: string, raw: string, data?: TVal): string | undefined {
  const v = helmValue(project, templatePath, raw, data);
  // A name with blanks or braces left in it is no image reference.
  return v !== undefined && !/\s|\{\{|\}\}/.test(v) ? v : undefined;
}

/** Where `.Values.a.b` is set in the chart's values.yaml, for a template that is exactly `{{ .Values.a.b }}`. */
export function valuesSpan(project: Project, templatePath: string, raw: string): Span | undefined {
  const m = /^\{\{-?\s*\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\s*-?\}\}$/.exec(raw.trim());
  const chart = m ? chartOf(project, templatePath) : undefined;
  if (!m || !chart?.values || !chart.valuesFile) return undefined;
  const n: YNode = getPath(chart.values, chart.values.docs[0]?.contents as YNode, m[1]!.slice(1).split('.'));
  return n ? nodeSpan(chart.valuesFile, n) : undefined;
}

const regionCache = new WeakMap<SourceFile, Region[]>();
const templated = new WeakMap<SourceFile, boolean>();

/**
 * Whether the file holds a template action (`{{`), found once per file: it is asked for every container of a
 * manifest, and a search of a 1 MiB manifest without one per container was most of its scan.
 */
export function isTemplated(file: SourceFile): boolean {
  let t = templated.get(file);
  if (t === undefined) templated.set(file, (t = file.text.includes('{{')));
  return t;
}
const dataRegionCache = new WeakMap<object, WeakMap<SourceFile, Region[]>>();

/**
 * The `{{ if … }}` branches of a chart's template that do not render with the chart's default values
 * (a debug mode that is off: `{{- if .Values.chaosDlv.enable }}` with `enable: false`) and hold the offset.
 * The innermost such branch comes first.
 */
export function offRegions(project: Project, file: SourceFile, offset: number, data?: TVal): Region[] {
  if (!isTemplated(file)) return [];
  if (data !== undefined && data !== null && typeof data === 'object') {
    // An install's values: the file's branches decided once per install (the data object is the install's own).
    let perData = dataRegionCache.get(data);
    if (!perData) dataRegionCache.set(data, (perData = new WeakMap()));
    let rs = perData.get(file);
    if (!rs) {
      const chart = chartOf(project, file.path);
      rs = chart ? conditionRegions(file.text, data, chart.defines).filter((r) => r.on === false) : [];
      perData.set(file, rs);
    }
    return rs.filter((r) => r.start <= offset && offset < r.end).sort((a, b) => b.start - a.start);
  }
  let regions = regionCache.get(file);
  if (!regions) {
    const chart = chartOf(project, file.path);
    regions = chart ? conditionRegions(file.text, chart.data, chart.defines).filter((r) => r.on === false) : [];
    regionCache.set(file, regions);
  }
  return regions.filter((r) => r.start <= offset && offset < r.end).sort((a, b) => b.start - a.start);
}

/** `--set a.b=true` for a condition that is one value (`.Values.a.b`, `not .Values.a.b`); undefined for others. */
export function setFlag(cond: string): string | undefined {
  const m = /^(not\s+)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(cond.trim());
  return m ? `--set ${m[2]!.slice(1)}=${m[1] ? 'false' : 'true'}` : undefined;
}

/** Keys under which rendered content can grant a capability. */
const CAP_KEYS = new Set(['securityContext', 'capabilities', 'add']);

/**
 * Whether a Helm template renders, into the container that spans start..end (offsets of the file as written),
 * content that can set its capabilities and that the model cannot see: a line of its own that renders values
 * or named templates (`{{- toYaml . | nindent 12 }}`, `{{ include "chart.container" . }}`) at the container's
 * own level or under `securityContext`/`capabilities`, or such a key whose value is one
 * (`securityContext: {{- toYaml .Values.securityContext | nindent 12 }}`). Rendered `resources`, labels or env
 * cannot, and `{{- if … }}`/`{{- end }}` only choose among lines that are there. An action `skip` names (one the model
 * read from the values, or one in a branch they do not render) hides nothing.
 */
export function rendersHiddenCaps(text: string, start: number, end: number, skip?: (at: number) => boolean): boolean {
  const first = text.lastIndexOf('\n', start) + 1;
  // Only the container's own lines are read: a test of the whole file would be made once per container.
  if (!text.slice(first, end).includes('{{')) return false;
  const lines: Array<{ at: number; line: string }> = [];
  for (let at = first; at < end; ) {
    const nl = text.indexOf('\n', at);
    lines.push({ at, line: text.slice(at, nl < 0 ? text.length : nl) });
    if (nl < 0) break;
    at = nl + 1;
  }
  const indent = (l: string): number => l.length - l.trimStart().length;
  // Where an action's output lands: `| indent N` / `| nindent N` puts it N columns in (a column-0 action of an older chart).
  const lands = (l: string): number => Math.max(indent(l), Number(/\|\s*n?indent\s+(\d+)/.exec(l)?.[1] ?? 0));
  const keyOf = (l: string): string => l.trim().replace(/^-\s+/, '').split(':')[0]!.trim();
  const RENDERS = /\{\{-?\s*(toYaml|include|tpl|template)\b/;
  for (let k = 0; k < lines.length; k++) {
    const { line, at } = lines[k]!;
    const i = line.indexOf('{{');
    if (i < 0 || !RENDERS.test(line.slice(i))) continue;
    // An action the model rendered from values (a `securityContext` written by `toYaml`), or one in a branch the values leave off.
    if (skip?.(at + i)) continue;
    const before = line.slice(0, i).trim();
    if (before.endsWith(':')) {
      if (CAP_KEYS.has(keyOf(before))) return true;
      continue;
    }
    if (before !== '') continue;
    // Right below a key with no value of its own (`args:` then `{{- include "x.args" . | nindent 8 }}`, at the
    // key's indentation or deeper): the action renders that key's value.
    let k0 = k - 1;
    while (k0 >= 0 && (lines[k0]!.line.trim() === '' || lines[k0]!.line.trim().startsWith('{{') || lines[k0]!.line.trim().startsWith('#'))) k0--;
    const above = k0 >= 0 ? lines[k0]!.line : undefined;
    if (above !== undefined && /^\s*(?:-\s+)?[A-Za-z0-9_.-]+:\s*$/.test(above) && indent(above) <= lands(line)) {
      if (CAP_KEYS.has(keyOf(above))) return true;
      continue;
    }
    // The key this line renders under: the nearest line above it that is less indented and is YAML.
    let parent: string | undefined;
    let parentIsContainer = false;
    for (let j = k - 1; j >= 0; j--) {
      const up = lines[j]!.line;
      const t = up.trim();
      if (t === '' || t.startsWith('{{') || t.startsWith('#') || indent(up) >= lands(line)) continue;
      parent = keyOf(up);
      parentIsContainer = j === 0;
      break;
    }
    if (parent === undefined || parentIsContainer || CAP_KEYS.has(parent)) return true;
  }
  return false;
}

/** A copy of the chart's data with `.Values.<path>` set to v (the values object copied along the path only). */
function withValue(data: TVal, path: string[], v: TVal): TVal {
  const set = (o: TVal, k: number): TVal => {
    const base = o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, TVal>) : {};
    return { ...base, [path[k]!]: k === path.length - 1 ? v : set(base[path[k]!], k + 1) };
  };
  return { ...(data as Record<string, TVal>), Values: set((data as Record<string, TVal>).Values, 0) };
}

function valueAt(data: TVal, path: string[]): TVal {
  let o: TVal = (data as Record<string, TVal>).Values;
  for (const k of path) o = o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, TVal>)[k] : undefined;
  return o;
}

/** What a template's list renders (per item offset) with the chart's default values, and with its debug mode on. */
export interface HelmVariant {
  /** Whether each offset renders. */
  keep: boolean[];
  /** The branch, off by default, that turning the mode on renders (undefined: the default values' render). */
  region?: Region;
  /** The `--set a.b=v` that turns it on. */
  set?: string;
}

/**
 * The items of a template's list (a container's `command:` and `args:`, by offset) as the chart renders them.
 * With the default values, an item inside an `{{ if }}` branch they leave off is not rendered. When an item
 * that is off holds a debugger (`debug(i)`), the list is what the chart renders in that debug mode: one value
 * of the branch's condition flipped (`debug.enabled: false` → true), so that its `{{ else }}` siblings and the
 * other branches on the same value (`{{ if eq .Values.debug.enabled false }} - /operator {{ else }} - /dlv`,
 * then `{{ if eq .Values.debug.enabled true }}` for dlv's flags) switch with it. Undefined when the file is no
 * chart template or none of the items sits in a branch the default values leave off.
 */
export function helmListVariant(project: Project, file: SourceFile, offsets: number[], debug: (i: number) => boolean, data?: TVal): HelmVariant | undefined {
  if (offsets.length === 0 || !isTemplated(file)) return undefined;
  const chart = chartOf(project, file.path);
  if (!chart) return undefined;
  const base = data ?? chart.data;
  const all = conditionRegions(file.text, base, chart.defines);
  const offIn = (rs: Region[], at: number): Region | undefined =>
    rs.filter((r) => r.on === false && r.start <= at && at < r.end).sort((a, b) => b.start - a.start)[0];
  if (!offsets.some((at) => offIn(all, at))) return undefined;
  let debugOff = false;
  for (let i = 0; i < offsets.length; i++) {
    const region = debug(i) ? offIn(all, offsets[i]!) : undefined;
    if (!region) continue;
    debugOff = true;
    // Values the branch's condition reads, each set in turn to what turns it on (a boolean flipped, an unset
    // value true, a string one of the condition's literals: `eq .Values.mode "debug"`) until the branch renders.
    const paths = [...new Set([...region.cond.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g)].map((m) => m[1]!.slice(1)))].slice(0, 8);
    const literals = [...region.cond.matchAll(/"([^"\\]{1,64})"/g)].map((m) => m[1]!).slice(0, 8);
    for (const p of paths) {
      const path = p.split('.');
      const cur = valueAt(base, path);
      const tries: TVal[] = typeof cur === 'boolean' ? [!cur] : cur === undefined || cur === null || cur === '' ? [true, ...literals] : typeof cur === 'string' ? literals : [];
      for (const v of tries) {
        const turned = conditionRegions(file.text, withValue(base, path, v), chart.defines);
        if (offIn(turned, offsets[i]!)) continue;
        return { keep: offsets.map((at) => !offIn(turned, at)), region, set: `--set ${p}=${String(v)}` };
      }
    }
  }
  // A debugger in a branch no single value turns on: every item is kept (as an unknown branch is).
  return debugOff ? undefined : { keep: offsets.map((at) => !offIn(all, at)) };
}

/** The `.Values` paths the `if`/`with` conditions of these nodes (and of the named templates they include) read. */
function conditionPaths(nodes: TNode[], defines: Map<string, TNode[]>, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  const add = (cond: string | undefined): void => {
    for (const m of (cond ?? '').matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g)) out.add(m[1]!.slice(1));
    for (const m of (cond ?? '').matchAll(/\binclude\s+"([^"]+)"/g)) walkDefine(m[1]!);
  };
  const walkDefine = (name: string): void => {
    if (seen.has(name) || seen.size > 16) return;
    seen.add(name);
    const body = defines.get(name);
    if (body) conditionPaths(body, defines, out, seen);
  };
  for (const n of nodes) {
    if (n.kind === 'if' || n.kind === 'with') for (const b of n.branches) { add(b.cond); conditionPaths(b.body, defines, out, seen); }
    else if (n.kind === 'range') conditionPaths(n.body, defines, out, seen);
    else if (n.kind === 'template') walkDefine(n.name);
  }
  return out;
}

/** A list rendered from a named template or from values, as the chart renders it (and in its debug mode). */
export interface HelmRenderedList {
  items: string[];
  /** The `--set a.b=v` that renders these items, when the default values render no debugger and it does. */
  set?: string;
  /** That value, for the container's other list (its command turned on, its args are rendered the same way). */
  flip?: { path: string[]; value: TVal };
}

/**
 * The items of a container's `args:`/`command:` that a template action renders whole: `{{- include "x.args" . | nindent 12 }}`
 * (or `template`) of a named template of the chart's .tpl files, or `{{- toYaml .Values.x.args | nindent 12 }}`. Rendered with
 * the chart's default values and read as a YAML list; when that holds no debugger (`debug(items)` is false) and one value
 * the named template's conditions read, turned on, renders one, those items are what the chart's debug mode runs.
 * Undefined when the action is another one or something in it is unknown.
 */
export function helmRenderedList(project: Project, templatePath: string, action: string, debug: (items: string[]) => boolean, flip?: { path: string[]; value: TVal }, data?: TVal): HelmRenderedList | undefined {
  const found = chartOf(project, templatePath);
  if (!found) return undefined;
  const chart: Chart = data === undefined ? found : { ...found, data };
  const inc = /^\{\{-?\s*(?:include|template)\s+"([^"]+)"\s+(?:\.|\$)\s*(?:\|\s*n?indent\s+\d+\s*)?-?\}\}$/.exec(action.trim());
  const vals = /^\{\{-?\s*toYaml\s+\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\s*(?:\|\s*n?indent\s+\d+\s*)?-?\}\}$/.exec(action.trim());
  const listOf = (v: TVal): string[] | undefined =>
    Array.isArray(v) && v.length <= 256 && v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') ? v.map(String) : undefined;
  if (vals) return ((items) => (items ? { items } : undefined))(listOf(valueAt(chart.data, vals[1]!.slice(1).split('.'))));
  if (!inc) return undefined;
  const render = (data: TVal): string[] | undefined => {
    // A list of arguments: an item that prints something not known (`$(POD_NAMESPACE)/{{ include "x.configName" . }}`
    // of a name from .Release) is a placeholder word, the list stays one (its conditions must be known).
    const text = renderText(`{{ include "${inc[1]!}" . }}`, data, chart.defines, { lenient: true });
    if (text === undefined) return undefined;
    if (text.trim() === '') return [];
    try {
      const docs = parseAllDocuments(text, { uniqueKeys: false });
      const doc = Array.isArray(docs) ? docs[0] : docs;
      return doc && doc.errors.length === 0 ? listOf(doc.toJS({ maxAliasCount: 10 }) as TVal) : undefined;
    } catch {
      return undefined;
    }
  };
  if (flip) {
    const turned = render(withValue(chart.data, flip.path, flip.value));
    if (turned) return { items: turned, set: `--set ${flip.path.join('.')}=${String(flip.value)}`, flip };
  }
  const items = render(chart.data);
  if (items === undefined) return undefined;
  if (debug(items)) return { items };
  for (const p of [...conditionPaths(chart.defines.get(inc[1]!) ?? [], chart.defines)].slice(0, 8)) {
    const path = p.split('.');
    const cur = valueAt(chart.data, path);
    const v: TVal = typeof cur === 'boolean' ? !cur : cur === undefined || cur === null || cur === '' ? true : undefined;
    if (v === undefined) continue;
    const turned = render(withValue(chart.data, path, v));
    if (turned && debug(turned)) return { items: turned, set: `--set ${p}=${String(v)}`, flip: { path, value: v } };
  }
  return { items };
}

/** Whether a .tpl file of the chart that holds this template mentions a debugger (its named templates may run one). */
export function chartHelpersMentionDebugger(project: Project, templatePath: string): boolean {
  const chart = chartOf(project, templatePath);
  return !!chart && chart.hotHelpers;
}

/**
 * The pair of `key` in a template's map that renders with the chart's default values: a key written in
 * both branches of an `{{ if }} … {{ else }} … {{ end }}` (`image:` from a fully qualified name, else from
 * repository and tag) reads as a duplicate key, and the first is not always the one rendered.
 */
export function renderedPair(project: Project, file: SourceFile, map: YAMLMap, key: string, data?: TVal): Pair | undefined {
  const pairs = (map.items as Pair[]).filter((p) => isScalar(p.key) && String((p.key as Scalar).value) === key);
  if (pairs.length < 2) return undefined;
  // A branch that holds the whole map (a DaemonSet rendered only for `kind: daemonset`) chooses no pair of it.
  const at = map.range?.[0] ?? 0;
  return pairs.find((p) => offRegions(project, file, (p.key as Scalar).range?.[0] ?? 0, data).every((r) => r.start <= at && at < r.end));
}

/** A repository install of a chart (helmvalues.ts) and the data its templates see with it. */
export interface ChartInstall {
  override: ValuesOverride;
  data: TVal;
}

const installCache = new WeakMap<Chart, ChartInstall[]>();
/** At most this many installs of one chart are rendered. */
const MAX_CHART_INSTALLS = 8;

/** The repository's installs of the chart that holds this template, each with values.yaml and its layers merged as Helm does. */
export function chartInstalls(project: Project, templatePath: string): ChartInstall[] {
  const chart = chartOf(project, templatePath);
  if (!chart) return [];
  let hit = installCache.get(chart);
  if (hit) return hit;
  const base = chart.data as Record<string, TVal>;
  hit = chartOverrides(project, chart.root).slice(0, MAX_CHART_INSTALLS).map((override) => ({
    override,
    data: { ...base, Values: override.layers.reduce<TVal>((acc, layer) => mergeValues(acc, layer), base.Values) },
  }));
  installCache.set(chart, hit);
  return hit;
}

/**
 * What an action that renders a map whole gives with these values: `{{- toYaml .Values.x | nindent 12 }}`, or
 * `{{- toYaml . | nindent 12 }}` inside `{{- with .Values.x }}` (the innermost `with` around the offset).
 * Undefined when the action is another one, the values do not set the key, or the value is not a map (`null` is an
 * empty map).
 */
export function helmRenderedMap(project: Project, file: SourceFile, action: string, at: number, data?: TVal): { [k: string]: TVal } | undefined {
  const chart = chartOf(project, file.path);
  if (!chart) return undefined;
  const m = /^\{\{-?\s*toYaml\s+(\.Values(?:\.[A-Za-z_][A-Za-z0-9_-]*)+|\.)\s*(?:\|\s*n?indent\s+\d+\s*)?-?\}\}$/.exec(action.trim());
  if (!m) return undefined;
  let path: string | undefined = m[1] === '.' ? undefined : m[1]!;
  if (path === undefined) {
    const withs = conditionRegions(file.text, data ?? chart.data, chart.defines)
      .filter((r) => r.start <= at && at < r.end && /^\{\{-?\s*with\b/.test(file.text.slice(r.at, r.at + 12)))
      .sort((a, b) => b.start - a.start);
    const cond = withs[0]?.cond.trim();
    if (!cond || !/^\.Values(?:\.[A-Za-z_][A-Za-z0-9_-]*)+$/.test(cond)) return undefined;
    path = cond;
  }
  const v = valueAt(data ?? chart.data, path.slice('.Values.'.length).split('.'));
  // A key the values do not set at all is left to whoever installs the chart: unknown, not empty.
  if (v === undefined) return undefined;
  if (v === null) return {};
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as { [k: string]: TVal }) : undefined;
}

/**
 * Whether the `{{ include "x" . }}` (or `template`) action at this offset renders nothing that can set a container's
 * capabilities: the chart's named template, rendered with these values (a value it does not know printed as a
 * placeholder), names no `securityContext`, `capabilities` or `privileged` (`{{- include "x.volumeMounts" . | indent 8 }}`).
 */
export function includeRendersNoCaps(project: Project, file: SourceFile, at: number, data?: TVal): boolean {
  const close = file.text.indexOf('}}', at);
  if (close < 0 || close - at > 512) return false;
  const m = /^\{\{-?\s*(?:include|template)\s+"([^"]+)"\s+(?:\.|\$)\s*(?:\|\s*n?indent\s+\d+\s*)?-?$/.exec(file.text.slice(at, close));
  const chart = m ? chartOf(project, file.path) : undefined;
  if (!m || !chart || !chart.defines.has(m[1]!)) return false;
  const text = renderText(`{{ include "${m[1]!}" . }}`, data ?? chart.data, chart.defines, { lenient: true });
  return text !== undefined && !/\b(securityContext|capabilities|privileged)\b/.test(text);
}
