/**
 * How the repository itself installs its Helm charts: the values files and `--set` values that a
 * `helm install|upgrade|template` line (scripts, Makefiles and the other command files), a Tiltfile's
 * `helm('chart', values=[…], set=[…])` or a Skaffold `deploy.helm.releases[]` entry (`valuesFiles`, `setValues`,
 * `setValueTemplates` without templates) gives a chart of the repository. Helm renders a chart with its
 * values.yaml, then each values file in order merged over it (maps key by key, anything else replaced, `null`
 * removes the key), then each `--set` in order: the chart as one of these installs renders it is what that
 * install runs — a `debug.enabled=true` turns the chart's debug mode on.
 *
 * Nothing is executed; values are read as literals only (a word with a variable the file does not set, a
 * `--set` with a list index, `--set-file` and `--set-json` give no value), and the work is bounded: 64 installs
 * per project, 8 values files and 64 `--set` entries each.
 */
import { posix } from 'node:path';
import { commandFileOf } from './cmdfiles.js';
import type { Project } from './project.js';
import { repoJoin } from './scripts.js';
import type { TVal } from './gotemplate.js';
import { starlarkCalls, type StarValue } from '../parse/starlark.js';
import type { Word } from '../parse/shell.js';
import { get, getPath, isMapNode, items, nodeSpan, str, type YNode } from '../parse/yaml.js';
import type { SourceFile, Span } from '../types.js';

export interface ValuesOverride {
  /** The chart's directory ('' for the root). */
  chart: string;
  /** Where the install is written: the command, the `helm(…)` call, the release. */
  span: Span;
  /** The install as a short text for messages (`helm upgrade … -f chart/values-debug.yaml --set debug=true`). */
  how: string;
  /** The values files and `--set` values in the order Helm merges them over values.yaml. */
  layers: TVal[];
}

const MAX_INSTALLS = 64;
const MAX_FILES = 8;
const MAX_SETS = 64;

const COMMAND_KINDS = new Set(['shell', 'makefile', 'justfile', 'taskfile', 'package-json', 'gitlab-ci', 'workflow', 'vscode-tasks']);
/** helm's global flags and install/upgrade/template flags that take a value (helm v3 pkg/cmd). */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '--kube-context', '--kubeconfig', '--registry-config', '--repository-config', '--repository-cache', '--kube-apiserver',
  '--kube-as-user', '--kube-as-group', '--kube-token', '--kube-ca-file', '--kube-tls-server-name', '--burst-limit', '--qps', '--content-cache',
  '-f', '--values', '--set', '--set-string', '--set-file', '--set-json', '--set-literal', '--version', '--repo', '--username', '--password',
  '--ca-file', '--cert-file', '--key-file', '--keyring', '--timeout', '--description', '--post-renderer', '--post-renderer-args', '-o', '--output',
  '-a', '--api-versions', '--kube-version', '-s', '--show-only', '--output-dir', '--name-template', '-l', '--labels', '--history-max',
]);
const VERBS = new Set(['install', 'upgrade', 'template']);

const memo = new WeakMap<Project, Map<string, ValuesOverride[]>>();

function isMap(v: TVal): v is { [k: string]: TVal } {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Helm's merge of a values layer over what is below it: maps key by key, `null` removes a key, anything else replaces. */
export function mergeValues(base: TVal, over: TVal): TVal {
  if (!isMap(over)) return over;
  const out: { [k: string]: TVal } = isMap(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = isMap(v) && isMap(out[k]) ? mergeValues(out[k], v) : v;
  }
  return out;
}

/** Split on a separator that is not escaped and not inside `{…}` (Helm's strvals). */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) { cur += ch + text[i + 1]!; i++; continue; }
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function typed(v: string, asString: boolean): TVal {
  const s = v.replace(/\\(.)/g, '$1');
  if (asString) return s;
  if (/^true$/i.test(s)) return true;
  if (/^false$/i.test(s)) return false;
  if (/^null$/i.test(s)) return null;
  if (/^(0|-?[1-9][0-9]{0,15})$/.test(s)) return Number(s);
  return s;
}

/**
 * `a.b=c,d=e` as Helm's `--set` reads it, into a values map; undefined when an entry is one this reader does not
 * take (a list index `a[0]=x`, a key or value left with a variable or a template in it).
 */
export function parseSet(text: string, asString = false): { [k: string]: TVal } | undefined {
  const out: { [k: string]: TVal } = {};
  for (const entry of splitTop(text, ',').slice(0, MAX_SETS)) {
    if (entry === '') continue;
    const eq = entry.search(/(?<!\\)=/);
    if (eq <= 0) return undefined;
    const key = entry.slice(0, eq);
    const raw = entry.slice(eq + 1);
    if (/[[\]$`]|\{\{/.test(key) || /\$|`|\{\{/.test(raw)) return undefined;
    const path = key.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, '.'));
    if (path.some((k) => k === '')) return undefined;
    const list = /^\{(.*)\}$/s.exec(raw);
    const value: TVal = list ? splitTop(list[1]!, ',').map((x) => typed(x, asString)) : typed(raw, asString);
    // Set in place (a `null` stays, to remove the key when the layer is merged over the values).
    let at = out as { [k: string]: TVal };
    for (let i = 0; i < path.length - 1; i++) {
      const next = at[path[i]!];
      at = (at[path[i]!] = isMap(next) ? next : {}) as { [k: string]: TVal };
    }
    at[path[path.length - 1]!] = value;
  }
  return out as { [k: string]: TVal };
}

function chartRootOf(project: Project, dir: string, written: string): string | undefined {
  const w = written.replace(/\/+$/, '') || '.';
  for (const base of [dir, '']) {
    const rel = repoJoin(base, w);
    if (rel === undefined) continue;
    if (project.exists(rel === '' ? 'Chart.yaml' : `${rel}/Chart.yaml`, 'kubernetes')) return rel;
  }
  return undefined;
}

function valuesOf(project: Project, dir: string, written: string, chart: string): TVal | undefined {
  for (const base of [dir, '', chart]) {
    const rel = repoJoin(base, written);
    if (rel === undefined) continue;
    const f = project.file(rel, 'kubernetes', { quiet: true });
    if (!f) continue;
    try {
      const v = project.yaml(f, { quiet: true })?.docs[0]?.toJS({ maxAliasCount: 100 }) as TVal;
      return isMap(v) ? v : {};
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function short(parts: string[]): string {
  const t = parts.join(' ');
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/** `helm install|upgrade|template … CHART -f x --set a=b` lines of a command file. */
function commandInstalls(project: Project, file: SourceFile, out: ValuesOverride[]): void {
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const cf = commandFileOf(project, file);
  for (const c of cf.commands) {
    const words = c.words;
    let k = 0;
    while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'sudo' || words[k]!.value === 'exec')) k++;
    const head = words[k]?.value ?? '';
    if (head.slice(head.lastIndexOf('/') + 1) !== 'helm') continue;
    const ex = (w: Word): string => cf.expandFor(c, w.value);
    let i = k + 1;
    const flags: Array<{ name: string; value: string }> = [];
    const positional: string[] = [];
    let verb: string | undefined;
    for (; i < words.length; i++) {
      const v = words[i]!.value;
      if (v.startsWith('-')) {
        const eq = v.indexOf('=');
        if (eq > 0) flags.push({ name: v.slice(0, eq), value: cf.expandFor(c, v.slice(eq + 1)) });
        else if (VALUE_FLAGS.has(v) && words[i + 1]) flags.push({ name: v, value: ex(words[++i]!) });
        else flags.push({ name: v, value: '' });
        continue;
      }
      if (verb === undefined) {
        verb = v;
        if (!VERBS.has(v)) break;
        continue;
      }
      positional.push(ex(words[i]!));
    }
    if (!verb || !VERBS.has(verb)) continue;
    const generated = flags.some((f) => f.name === '-g' || f.name === '--generate-name');
    const chartWord = verb === 'upgrade' ? positional[1] : generated || positional.length === 1 ? positional[0] : positional[1];
    if (!chartWord || chartWord.includes('$')) continue;
    const chart = chartRootOf(project, dir, chartWord);
    if (chart === undefined) continue;
    const layers: TVal[] = [];
    const how = [`helm ${verb} …`];
    let ok = true;
    for (const f of flags) {
      if (f.name === '-f' || f.name === '--values') {
        for (const p of f.value.split(',').slice(0, MAX_FILES)) {
          const v = p.includes('$') ? undefined : valuesOf(project, dir, p, chart);
          if (v === undefined) { ok = false; break; }
          layers.push(v);
          how.push(`-f ${p}`);
        }
      } else if (f.name === '--set' || f.name === '--set-string') {
        const v = parseSet(f.value, f.name === '--set-string');
        if (v === undefined) { ok = false; break; }
        layers.push(v);
        how.push(`${f.name} ${f.value}`);
      }
      if (!ok) break;
    }
    // An install whose values cannot all be read is not rendered (no guess at what it turns on).
    if (!ok || layers.length === 0) continue;
    out.push({ chart, span: { file, start: words[k]!.start, end: words[words.length - 1]!.end }, how: short(how), layers });
  }
}

function starStrings(v: StarValue | undefined): StarValue[] | undefined {
  if (!v) return [];
  if (v.items) return v.items.some((x) => x.unknown) ? undefined : v.items;
  return v.unknown || v.raw === undefined ? undefined : [v];
}

/** A Tiltfile's `helm('chart', values=[…], set=[…])`. */
function tiltInstalls(project: Project, file: SourceFile, out: ValuesOverride[]): void {
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  for (const call of starlarkCalls(file.text, new Set(['helm']))) {
    const path = call.args[0] ?? call.kwargs.get('paths');
    if (!path?.value) continue;
    const chart = chartRootOf(project, dir, path.value);
    if (chart === undefined) continue;
    const files = starStrings(call.kwargs.get('values'));
    const sets = starStrings(call.kwargs.get('set'));
    if (!files || !sets || files.length + sets.length === 0) continue;
    const layers: TVal[] = [];
    const how = [`helm('${path.value}'`];
    let ok = true;
    for (const f of files.slice(0, MAX_FILES)) {
      const v = valuesOf(project, dir, f.value, chart);
      if (v === undefined) { ok = false; break; }
      layers.push(v);
    }
    if (files.length > 0) how.push(`values=[${files.map((f) => `'${f.value}'`).join(', ')}]`);
    // Tilt passes each set= entry as its own --set, after the values files.
    for (const s of sets.slice(0, MAX_SETS)) {
      const v = parseSet(s.value);
      if (v === undefined) { ok = false; break; }
      layers.push(v);
    }
    if (sets.length > 0) how.push(`set=[${sets.map((s) => `'${s.value}'`).join(', ')}]`);
    if (!ok) continue;
    out.push({ chart, span: { file, start: call.start, end: path.end }, how: short([how.join(', ') + ')']), layers });
  }
}

/** A Skaffold config's `deploy.helm.releases[]` (and its profiles', and v4's `manifests.helm.releases[]`). */
function skaffoldInstalls(project: Project, file: SourceFile, out: ValuesOverride[]): void {
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const y = project.yaml(file, { quiet: true });
  if (!y) return;
  for (const doc of y.docs) {
    const root = doc.contents as YNode;
    const configs: YNode[] = [root, ...items(y, get(y, root, 'profiles'))];
    for (const cfg of configs) {
      for (const path of [['deploy', 'helm', 'releases'], ['manifests', 'helm', 'releases']]) {
        for (const r of items(y, getPath(y, cfg, path))) {
          if (!isMapNode(r)) continue;
          const chartNode = get(y, r, 'chartPath');
          const chartPath = str(chartNode);
          if (chartPath === undefined) continue;
          const chart = chartRootOf(project, dir, chartPath);
          if (chart === undefined) continue;
          let js: TVal;
          try {
            js = r.toJS(doc, { maxAliasCount: 100 }) as TVal;
          } catch {
            continue;
          }
          if (!isMap(js)) continue;
          const layers: TVal[] = [];
          let ok = true;
          const files = Array.isArray(js.valuesFiles) ? js.valuesFiles : [];
          for (const p of files.slice(0, MAX_FILES)) {
            const v = typeof p === 'string' && !p.includes('{{') ? valuesOf(project, dir, p, chart) : undefined;
            if (v === undefined) { ok = false; break; }
            layers.push(v);
          }
          // setValues: `a.b: v` (dotted keys, or nested maps); setValueTemplates only without a template.
          for (const key of ['setValues', 'setValueTemplates'] as const) {
            const sv = js[key];
            if (!isMap(sv)) continue;
            for (const [k, v] of Object.entries(sv).slice(0, MAX_SETS)) {
              if (typeof v === 'string' && v.includes('{{')) { if (key === 'setValues') ok = false; continue; }
              const layer = isMap(v) ? (parseSet(`${k}=x`) ? k.split('.').reduceRight<TVal>((acc, part) => ({ [part]: acc }), v) : undefined) : parseSet(`${k}=${String(v)}`);
              if (!layer) { ok = false; break; }
              layers.push(layer);
            }
          }
          if (!ok || layers.length === 0) continue;
          const name = typeof js.name === 'string' ? js.name : chartPath;
          out.push({ chart, span: nodeSpan(file, chartNode), how: `the Skaffold release "${name}"`, layers });
        }
      }
    }
  }
}

/** The installs of each chart of the repository, read once per project. */
function allInstalls(project: Project): Map<string, ValuesOverride[]> {
  const hit = memo.get(project);
  if (hit) return hit;
  const list: ValuesOverride[] = [];
  for (const f of project.files) {
    if (list.length >= MAX_INSTALLS) break;
    if (!f.text.includes('helm')) continue;
    if (COMMAND_KINDS.has(f.kind)) commandInstalls(project, f, list);
    else if (f.kind === 'tiltfile') tiltInstalls(project, f, list);
    else if (f.kind === 'skaffold') skaffoldInstalls(project, f, list);
  }
  const out = new Map<string, ValuesOverride[]>();
  for (const o of list.slice(0, MAX_INSTALLS)) out.set(o.chart, [...(out.get(o.chart) ?? []), o]);
  memo.set(project, out);
  return out;
}

/** The repository's own installs of the chart at this directory, in file order. */
export function chartOverrides(project: Project, chartRoot: string): ValuesOverride[] {
  return allInstalls(project).get(chartRoot) ?? [];
}
