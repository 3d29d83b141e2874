/**
 * DevSpace configs (devspace.yaml): each development container is a launch.
 *
 * `devspace dev` finds the pod of a deployment (`imageSelector`: the container running that image, or
 * `labelSelector` + `container`), copies its pod spec, applies the dev config's `patches` (JSON-patch style ops
 * on the pod: `spec.containers[0].securityContext`, `spec.containers.name=api.command`), replaces the image with
 * `devImage`, the entrypoint with `command`/`args`, and starts its dev services: `sync` (local folders into the
 * container, read like bind mounts), `ports` (`"2345"`, `"2346:2345"`: port-forwards from the developer's
 * localhost, tunnelled like `kubectl port-forward`, so nothing is published) and `terminal.command` (run with a
 * shell in the container, usually `./devspace_start.sh`, after which the developer runs dlv by hand).
 *
 * Schema v2beta1 (DevSpace 6): `dev.<name>` maps, `images.<name>` builds, `vars`. Schemas v1beta* (DevSpace 5):
 * `dev.replacePods[]` (imageSelector/labelSelector, `replaceImage`, `patches`) with `dev.ports[]`,
 * `dev.terminal` and `dev.sync[]` choosing their container by the same selector.
 *
 * The launch is of kind `kubernetes` (its settings are a container's securityContext); its capabilities are
 * those of the deployed container the dev config selects (a Kubernetes launch of the repository, or a
 * `component-chart` container of `deployments`), changed by the dev config's patches.
 */
import { posix } from 'node:path';
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar } from '../parse/yaml-lib.js';
import { bool, deref, get, getPath, isMapNode, isSeqNode, items, keyOf, nodeSpan, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { splitWord } from '../parse/shell.js';
import { analyzeCommands, analyzeWords, type CommandFacts } from './commands.js';
import { hasCapability } from './caps.js';
import { bindMount, followContext, repoJoin, type Mount } from './scripts.js';
import { imageKey, parseImageRef, type ImageBuildSpec } from './images.js';
import type { Linker, BuildRef } from './link.js';
import type { ImageFacts, Project } from './project.js';
import type { Launch } from './launch.js';
import type { K8sModel } from './kubernetes.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';

/** delve's default port. */
const DELVE_PORT = '2345';
/** DevSpace's own dev images for Go (`devspace init`): Go with dlv installed (loft-sh/devspace-containers go/Dockerfile). */
const GO_DEV_IMAGE = /^(ghcr\.io\/loft-sh\/devspace-containers\/go|(docker\.io\/)?loftsh\/go)(:|@|$)/;
const MAX_VARS = 256;

/** Where a new securityContext grant goes in the selected container, as far as the config and the linked manifest say. */
export type DevspaceCapsLevel = 'container' | 'securityContext' | 'capabilities' | 'add';

function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** `vars`: a map (v2beta1: `NAME: value` or `NAME: {value|default: …}`) or a list (v1beta: `{name, value|default}`). */
function varsOf(y: YamlFile, root: YNode): Map<string, string> {
  const out = new Map<string, string>();
  const vars = deref(y, get(y, root, 'vars'));
  const valueOf = (n: YNode): string | undefined => {
    const d = deref(y, n);
    if (isScalar(d)) return str(d);
    if (isMapNode(d)) return str(get(y, d, 'value')) ?? str(get(y, d, 'default'));
    return undefined;
  };
  if (isMapNode(vars)) {
    for (const p of vars.items as Pair[]) {
      const k = keyOf(p);
      const v = valueOf(p.value as YNode);
      if (k !== undefined && v !== undefined && out.size < MAX_VARS) out.set(k, v);
    }
  } else if (isSeqNode(vars)) {
    for (const it of items(y, vars)) {
      const k = str(get(y, it, 'name'));
      const v = valueOf(it);
      if (k !== undefined && v !== undefined && out.size < MAX_VARS) out.set(k, v);
    }
  }
  return out;
}

/** `${NAME}` / `$NAME` of the config's own vars (one pass: a value is not expanded again). */
function expand(s: string, vars: ReadonlyMap<string, string>): string {
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a: string | undefined, b: string | undefined) => vars.get((a ?? b)!) ?? m);
}

interface DevspaceImage {
  key: string;
  image: Valued<string>;
  build: BuildRef;
}

/** `images.<name>`: `image`, `dockerfile` (default ./Dockerfile) and `context` (default ./), both relative to the config; `target` (v1beta: `build.docker.options.target`). */
function imagesOf(y: YamlFile, root: YNode, vars: ReadonlyMap<string, string>): DevspaceImage[] {
  const out: DevspaceImage[] = [];
  const imgs = deref(y, get(y, root, 'images'));
  if (!isMapNode(imgs)) return out;
  const dir = dirOf(y.file.path);
  for (const p of imgs.items as Pair[]) {
    const key = keyOf(p);
    const m = deref(y, p.value);
    if (key === undefined || !isMapNode(m)) continue;
    const imageNode = get(y, m, 'image');
    const image = str(imageNode);
    if (!image || !imageNode) continue;
    // Other builders (custom commands, kaniko in the cluster with a remote context) still use the Dockerfile; a custom command may not.
    if (get(y, m, 'custom') !== undefined || get(y, getPath(y, m, ['build']), 'custom') !== undefined) continue;
    const context = repoJoin(dir, expand(str(get(y, m, 'context')) ?? '.', vars));
    const dockerfile = repoJoin(dir, expand(str(get(y, m, 'dockerfile')) ?? './Dockerfile', vars));
    if (context === undefined || dockerfile === undefined) continue;
    const target = str(get(y, m, 'target')) ?? str(getPath(y, m, ['build', 'docker', 'options', 'target'])) ?? str(getPath(y, m, ['build', 'buildKit', 'options', 'target']));
    out.push({ key, image: { value: expand(image, vars), span: nodeSpan(y.file, imageNode as Node) }, build: { context, dockerfile, ...(target ? { target: expand(target, vars) } : {}) } });
  }
  return out;
}

/** The image builds of a DevSpace config, for the image index (a manifest naming the image links to its Dockerfile). */
export function devspaceBuilds(project: Project, file: SourceFile): ImageBuildSpec[] {
  const y = project.yaml(file);
  const root = deref(y!, y?.docs[0]?.contents);
  if (!y || !isMapNode(root)) return [];
  const vars = varsOf(y, root);
  return imagesOf(y, root, vars).map((i) => ({
    file,
    span: i.image.span,
    tags: [i.image],
    ...(i.build.dockerfile !== undefined ? { dockerfile: i.build.dockerfile } : {}),
    ...(i.build.context !== undefined ? { context: i.build.context } : {}),
    ...(i.build.target ? { target: i.build.target } : {}),
    how: 'devspace' as const,
  }));
}

function repoKey(image: string): string | undefined {
  const r = parseImageRef(image);
  return r && !r.variableName ? imageKey(r) : undefined;
}

/** `image(app)` / `image(app):tag(app)` helpers and names of `images.*.image` resolve to that image. */
function resolveSelector(sel: string, vars: ReadonlyMap<string, string>, images: readonly DevspaceImage[]): { name: string; build?: DevspaceImage } {
  const e = expand(sel.trim(), vars);
  const helper = /^image\(([^)]+)\)(:tag\([^)]*\))?$/.exec(e);
  if (helper) {
    const b = images.find((i) => i.key === helper[1]!.trim());
    return b ? { name: b.image.value, build: b } : { name: e };
  }
  const k = repoKey(e);
  const b = k ? images.find((i) => repoKey(i.image.value) === k) : undefined;
  return { name: e, ...(b ? { build: b } : {}) };
}

/** What a dev config's patches do to the selected container's security settings and command. */
interface PatchFacts {
  capAdd: Valued<string>[];
  privileged?: Valued<boolean>;
  user?: Valued<string>;
  /** A patch removes the container's securityContext (or its capabilities). */
  removesCaps?: boolean;
  command?: YNode;
  args?: YNode;
  /** The deepest level of the container's securityContext that the patches create. */
  level?: DevspaceCapsLevel;
}

const LEVELS: DevspaceCapsLevel[] = ['container', 'securityContext', 'capabilities', 'add'];
const deeper = (a: DevspaceCapsLevel | undefined, b: DevspaceCapsLevel): DevspaceCapsLevel => (a === undefined || LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a);

/** Whether a patch path names a container the dev config works on: `spec.containers[0]`, `spec.containers.name=x`, `/spec/containers/0`. */
function containerPath(path: string, container: string | undefined): string | undefined {
  const m = /^\$?\.?\/?spec[./]containers(?:\[(\d+|\*)?\]|[./](\d+|\*)|\.name=([^.]+)|\[\?\(@\.name\s*==\s*'([^']+)'\)\])(.*)$/.exec(path.trim());
  if (!m) return undefined;
  const name = m[3] ?? m[4];
  if (name !== undefined && container !== undefined && name !== container) return undefined;
  return (m[5] ?? '').replace(/\//g, '.').replace(/^\./, '');
}

function readPatches(y: YamlFile, dev: YNode, container: string | undefined): PatchFacts {
  const out: PatchFacts = { capAdd: [] };
  const file = y.file;
  const capsFrom = (n: YNode): void => {
    for (const it of items(y, n)) {
      const v = str(it);
      if (v !== undefined && it) out.capAdd.push({ value: v, span: nodeSpan(file, it as Node) });
    }
    const v = deref(y, n);
    if (isScalar(v) && str(v)) out.capAdd.push({ value: str(v)!, span: nodeSpan(file, v) });
  };
  const scFrom = (sc: YNode): void => {
    if (!isMapNode(deref(y, sc))) return;
    out.level = deeper(out.level, 'securityContext');
    const caps = get(y, sc, 'capabilities');
    if (caps !== undefined) out.level = deeper(out.level, 'capabilities');
    const add = get(y, caps, 'add');
    if (add !== undefined) {
      out.level = deeper(out.level, 'add');
      capsFrom(add);
    }
    const priv = get(y, sc, 'privileged');
    if (priv && bool(priv) !== undefined) out.privileged = { value: bool(priv)!, span: nodeSpan(file, priv) };
    const ru = get(y, sc, 'runAsUser');
    if (ru && str(ru) !== undefined) out.user = { value: str(ru)!, span: nodeSpan(file, ru) };
  };
  for (const p of items(y, get(y, dev, 'patches'))) {
    const op = str(get(y, p, 'op'));
    const path = str(get(y, p, 'path'));
    if (!op || path === undefined) continue;
    const rest = containerPath(path, container);
    if (rest === undefined) continue;
    const value = get(y, p, 'value');
    if (op === 'remove') {
      if (rest === 'securityContext' || rest === 'securityContext.capabilities') out.removesCaps = true;
      continue;
    }
    if (op !== 'add' && op !== 'replace') continue;
    if (rest === '') scFrom(get(y, value, 'securityContext'));
    else if (rest === 'securityContext') scFrom(value);
    else if (rest === 'securityContext.capabilities') {
      out.level = deeper(out.level, 'capabilities');
      const add = get(y, value, 'add');
      if (add !== undefined) {
        out.level = deeper(out.level, 'add');
        capsFrom(add);
      }
    }
    else if (rest === 'securityContext.capabilities.add' || /^securityContext\.capabilities\.add(\[\d+\]|\.\d+|\.-)$/.test(rest)) { out.level = deeper(out.level, 'add'); capsFrom(value); }
    else if (rest === 'securityContext.privileged' && bool(value) !== undefined) out.privileged = { value: bool(value)!, span: nodeSpan(file, value as Node) };
    else if (rest === 'securityContext.runAsUser' && str(value) !== undefined) out.user = { value: str(value)!, span: nodeSpan(file, value as Node) };
    else if (rest === 'command') out.command = value;
    else if (rest === 'args') out.args = value;
  }
  return out;
}

/** A dev config's sync folders as bind mounts: `path: local:remote`, `path: ./` (the working directory), v1beta `localSubPath` + `containerPath`. */
function syncMounts(y: YamlFile, syncs: readonly YNode[], workdir: string): Mount[] {
  const dir = dirOf(y.file.path);
  const out: Mount[] = [];
  for (const s of syncs) {
    let local: string;
    let remote: string;
    const path = str(get(y, s, 'path'));
    if (path !== undefined) {
      const i = path.indexOf(':');
      local = (i >= 0 ? path.slice(0, i) : path).trim() || '.';
      remote = (i >= 0 ? path.slice(i + 1) : '.').trim() || '.';
    } else {
      if (!isMapNode(deref(y, s))) continue;
      local = str(get(y, s, 'localSubPath')) ?? '.';
      remote = str(get(y, s, 'containerPath')) ?? '.';
    }
    if (!remote.startsWith('/')) remote = posix.join(workdir, remote);
    const m = bindMount(/^[.~/$]/.test(local) ? local : `./${local}`, remote, [dir]);
    if (m) out.push(m);
  }
  return out;
}

/** A port forwarded from a variable named for delve (`${DLV_PORT}`, `$DELVE_PORT`): the debugger's port, whatever its number. */
const DELVE_VAR = /^\$\{?[A-Za-z0-9_]*(DLV|DELVE)[A-Za-z0-9_]*\}?$/i;

/** The container port of a port mapping (`"2345"`, `"2346:2345"`, `${DLV_PORT}`, v1beta `{port, remotePort}`), the config's vars expanded. */
function remotePorts(y: YamlFile, list: readonly YNode[], vars: ReadonlyMap<string, string>): Array<Valued<string> & { delveVar: boolean }> {
  const out: Array<Valued<string> & { delveVar: boolean }> = [];
  for (const it of list) {
    const raw = str(get(y, it, 'remotePort')) ?? (str(get(y, it, 'port')) !== undefined ? str(get(y, it, 'port'))!.split(':').pop()!.trim() : undefined);
    if (raw === undefined || !it) continue;
    const v = expand(raw, vars);
    if (/^\d+$/.test(v) || DELVE_VAR.test(raw)) out.push({ value: v, span: nodeSpan(y.file, it as Node), delveVar: DELVE_VAR.test(raw) });
  }
  return out;
}

/** A Go project as far as the dev container goes: a Go image, or a go.mod beside the config, above it or in a synced folder. */
function isGoProject(project: Project, dir: string, mounts: readonly Mount[], image: string): boolean {
  if (/(^|\/)golang([:@-]|$)/.test(image) || GO_DEV_IMAGE.test(image)) return true;
  const dirs = new Set<string>(mounts.flatMap((m) => m.repo));
  for (let d = dir; ; d = dirOf(d)) {
    dirs.add(d);
    if (d === '') break;
  }
  return [...dirs].some((d) => project.exists(d === '' ? 'go.mod' : `${d}/go.mod`, 'shell'));
}

/** A command given as an exec list (`command: [dlv, …]`) or one shell string (`terminal.command: ./start.sh`). */
function commandFacts(y: YamlFile, n: YNode, follow: ReturnType<typeof followContext>, out: CommandFacts): void {
  const file = y.file;
  const d = deref(y, n);
  if (isScalar(d)) {
    const w = scalarWord(file, d as Scalar);
    if (w.value.trim()) analyzeCommands(file, splitWord(w), out, follow);
    return;
  }
  const words = items(y, d).filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(file, s));
  if (words.length > 0) analyzeWords(file, words, out, follow);
}

/** The deployed container a dev config selects, for its capabilities. */
interface Selected {
  name?: string;
  capAdd: Valued<string>[];
  capDrop: Valued<string>[];
  privileged?: Valued<boolean>;
  user?: Valued<string>;
  level: DevspaceCapsLevel;
  grant?: string;
}

/** Level of an existing securityContext map. */
function levelOf(y: YamlFile, c: YNode): DevspaceCapsLevel {
  const sc = get(y, c, 'securityContext');
  if (!isMapNode(deref(y, sc))) return 'container';
  const caps = get(y, sc, 'capabilities');
  if (!isMapNode(deref(y, caps))) return 'securityContext';
  return get(y, caps, 'add') !== undefined ? 'add' : 'capabilities';
}

function seqValues(y: YamlFile, n: YNode): Valued<string>[] {
  return items(y, n).filter((i): i is Node => !!i && isScalar(i)).map((i) => ({ value: String((i as Scalar).value), span: nodeSpan(y.file, i) }));
}

/** component-chart containers of the config's helm deployments (`componentChart: true`, or the chart `component-chart`). */
function componentContainers(y: YamlFile, root: YNode, vars: ReadonlyMap<string, string>): Array<{ image?: string; name?: string; map: YAMLMap }> {
  const out: Array<{ image?: string; name?: string; map: YAMLMap }> = [];
  const deps = deref(y, get(y, root, 'deployments'));
  const list = isMapNode(deps) ? (deps.items as Pair[]).map((p) => p.value as YNode) : items(y, deps);
  for (const d of list) {
    const helm = get(y, d, 'helm');
    const chart = str(getPath(y, helm, ['chart', 'name']));
    if (bool(get(y, helm, 'componentChart')) !== true && !(chart && /(^|\/)component-chart$/.test(chart))) continue;
    for (const c of items(y, getPath(y, helm, ['values', 'containers']))) {
      const m = deref(y, c);
      if (!isMapNode(m)) continue;
      const image = str(get(y, m, 'image'));
      const name = str(get(y, m, 'name'));
      out.push({ ...(image ? { image: expand(image, vars) } : {}), ...(name ? { name } : {}), map: m });
    }
  }
  return out;
}

function selectContainer(y: YamlFile, root: YNode, vars: ReadonlyMap<string, string>, kubernetes: K8sModel, selector: string | undefined, labels: ReadonlyMap<string, string>, container: string | undefined): Selected | undefined {
  const key = selector ? repoKey(selector) : undefined;
  // A component-chart container of this config.
  for (const c of componentContainers(y, root, vars)) {
    const byImage = key !== undefined && c.image !== undefined && repoKey(c.image) === key;
    if (!byImage && !(container !== undefined && c.name === container)) continue;
    const sc = get(y, c.map, 'securityContext');
    const priv = get(y, sc, 'privileged');
    const ru = get(y, sc, 'runAsUser');
    return {
      ...(c.name ? { name: c.name } : {}),
      capAdd: seqValues(y, getPath(y, sc, ['capabilities', 'add'])),
      capDrop: seqValues(y, getPath(y, sc, ['capabilities', 'drop'])),
      ...(priv && bool(priv) !== undefined ? { privileged: { value: bool(priv)!, span: nodeSpan(y.file, priv) } } : {}),
      ...(ru && str(ru) !== undefined ? { user: { value: str(ru)!, span: nodeSpan(y.file, ru) } } : {}),
      level: levelOf(y, c.map),
      grant: 'the component-chart values of this config',
    };
  }
  // A Kubernetes container of the repository: by image, else by the pod's labels and the container's name.
  for (const k of kubernetes.launches) {
    if (k.source.kind !== 'kubernetes') continue;
    const cname = k.source.name;
    const byImage = key !== undefined && k.image !== undefined && repoKey(k.image.value) === key && (container === undefined || container === cname);
    let byLabels = false;
    if (!byImage && labels.size > 0) {
      const podLabels = kubernetes.labels.get(k.id);
      byLabels = !!podLabels && [...labels].every(([lk, lv]) => podLabels.get(lk) === lv) && (container === undefined || container === cname);
    }
    if (!byImage && !byLabels) continue;
    return {
      name: cname,
      capAdd: k.capAdd,
      capDrop: k.capDrop,
      ...(k.privileged ? { privileged: k.privileged } : {}),
      ...(k.user ? { user: k.user } : {}),
      level: levelOf(k.source.y, k.source.container),
      grant: `${k.name.split(' ')[0]} in ${k.file.path}`,
    };
  }
  return undefined;
}

interface DevTarget {
  name: string;
  anchor: Span;
  /** The map that holds `patches` (the dev config, or the v1beta replacePods item). */
  pod: YAMLMap;
  /** The map of the container's own settings (the dev config, one of its `containers`, or the replacePods item). */
  c: YAMLMap;
  imageSelector?: string;
  labels: Map<string, string>;
  container?: string;
  devImage?: YNode;
  command?: YNode;
  args?: YNode;
  terminal?: YNode;
  ports: YNode[];
  syncs: YNode[];
  workdir?: string;
}

function labelMap(y: YamlFile, n: YNode): Map<string, string> {
  const out = new Map<string, string>();
  const m = deref(y, n);
  if (isMapNode(m)) for (const p of m.items as Pair[]) {
    const k = keyOf(p);
    const v = str(p.value as YNode);
    if (k !== undefined && v !== undefined) out.set(k, v);
  }
  return out;
}

/** The dev containers of a config: v2beta1 `dev.<name>` (and its `containers.<name>`), v1beta `dev.replacePods[]`. */
function devTargets(y: YamlFile, root: YNode): DevTarget[] {
  const dev = deref(y, get(y, root, 'dev'));
  if (!isMapNode(dev)) return [];
  const file = y.file;
  const out: DevTarget[] = [];
  const version = str(get(y, root, 'version')) ?? '';
  const v1 = /^v1/.test(version) || get(y, dev, 'replacePods') !== undefined || isSeqNode(deref(y, get(y, dev, 'ports'))) || isSeqNode(deref(y, get(y, dev, 'sync')));
  if (!v1) {
    for (const p of dev.items as Pair[]) {
      const name = keyOf(p);
      const m = deref(y, p.value);
      if (name === undefined || !isMapNode(m)) continue;
      const base = {
        pod: m,
        labels: labelMap(y, get(y, m, 'labelSelector')),
        ...(str(get(y, m, 'imageSelector')) ? { imageSelector: str(get(y, m, 'imageSelector'))! } : {}),
        ports: items(y, get(y, m, 'ports')),
      };
      const containers = deref(y, get(y, m, 'containers'));
      const own = (c: YAMLMap, cname: string | undefined, anchor: Span, label: string): DevTarget => ({
        ...base,
        name: label,
        anchor,
        c,
        ...(cname ?? str(get(y, c, 'container')) ? { container: (cname ?? str(get(y, c, 'container')))! } : {}),
        ...(get(y, c, 'devImage') !== undefined ? { devImage: get(y, c, 'devImage') } : {}),
        ...(get(y, c, 'command') !== undefined ? { command: get(y, c, 'command') } : {}),
        ...(get(y, c, 'args') !== undefined ? { args: get(y, c, 'args') } : {}),
        ...(get(y, c, 'terminal') !== undefined ? { terminal: get(y, getPath(y, c, ['terminal']), 'command') } : {}),
        syncs: items(y, get(y, c, 'sync')),
        ...(str(get(y, c, 'workingDir')) ? { workdir: str(get(y, c, 'workingDir'))! } : {}),
      });
      if (isMapNode(containers) && containers.items.length > 0) {
        for (const cp of containers.items as Pair[]) {
          const cname = keyOf(cp);
          const cm = deref(y, cp.value);
          if (cname === undefined || !isMapNode(cm)) continue;
          out.push(own(cm, str(get(y, cm, 'container')) ?? cname, nodeSpan(file, cp.key as Node), `${name}/${cname}`));
        }
      } else out.push(own(m, undefined, nodeSpan(file, p.key as Node), name));
    }
    return out;
  }
  // v1beta: replacePods entries; ports, terminal and sync entries name their container by the same selector.
  const sameSel = (n: YNode, sel: string | undefined, labels: ReadonlyMap<string, string>): boolean => {
    const s = str(get(y, n, 'imageSelector')) ?? str(get(y, n, 'imageName'));
    if (sel !== undefined && s !== undefined) return s === sel;
    const l = labelMap(y, get(y, n, 'labelSelector'));
    return l.size > 0 && [...l].every(([k, v]) => labels.get(k) === v);
  };
  const terminal = get(y, dev, 'terminal');
  for (const it of items(y, get(y, dev, 'replacePods'))) {
    const m = deref(y, it);
    if (!isMapNode(m) || m.items.length === 0) continue;
    const sel = str(get(y, m, 'imageSelector')) ?? str(get(y, m, 'imageName'));
    const labels = labelMap(y, get(y, m, 'labelSelector'));
    const cname = str(get(y, m, 'containerName'));
    const ports = items(y, get(y, dev, 'ports')).filter((p) => sameSel(p, sel, labels)).flatMap((p) => items(y, get(y, p, 'forward')));
    out.push({
      name: sel ?? [...labels].map(([k, v]) => `${k}=${v}`).join(','),
      anchor: nodeSpan(file, (m.items[0] as Pair).key as Node),
      pod: m,
      c: m,
      ...(sel ? { imageSelector: sel } : {}),
      labels,
      ...(cname ? { container: cname } : {}),
      ...(get(y, m, 'replaceImage') !== undefined ? { devImage: get(y, m, 'replaceImage') } : {}),
      ...(terminal !== undefined && sameSel(terminal, sel, labels) ? { terminal: get(y, terminal, 'command') } : {}),
      ports,
      syncs: items(y, get(y, dev, 'sync')).filter((s) => sameSel(s, sel, labels)),
    });
  }
  return out;
}

/** The launches of these DevSpace configs. */
export function devspaceLaunches(project: Project, files: readonly SourceFile[], linker: Linker, kubernetes: K8sModel): Launch[] {
  const out: Launch[] = [];
  for (const file of files) {
    const y = project.yaml(file);
    if (!y) continue;
    const root = deref(y, y.docs[0]?.contents);
    if (!isMapNode(root)) continue;
    const dir = dirOf(file.path);
    const vars = varsOf(y, root);
    const images = imagesOf(y, root, vars);
    for (const t of devTargets(y, root)) {
      const sel = t.imageSelector !== undefined ? resolveSelector(t.imageSelector, vars, images) : undefined;
      const devImage = str(t.devImage) !== undefined ? expand(str(t.devImage)!, vars) : undefined;
      let facts: ImageFacts | undefined;
      let linkNotes: Related[] | undefined;
      const byName = (name: string): void => {
        const linked = linker.image(name, [file]);
        if (linked) {
          facts = linked.facts;
          linkNotes = linked.related;
        }
      };
      if (devImage) {
        const b = resolveSelector(devImage, vars, images).build;
        if (b) facts = linker.build(b.build, [file]);
        else byName(devImage);
      } else if (sel?.build) facts = linker.build(sel.build.build, [file]);
      else if (sel) byName(sel.name);
      const selected = selectContainer(y, root, vars, kubernetes, sel?.name, t.labels, t.container);
      const container = t.container ?? selected?.name;
      const patches = readPatches(y, t.pod, container);
      const workdir = t.workdir ?? facts?.stage.workdir ?? '/';
      const mounts = syncMounts(y, t.syncs, workdir);
      const follow = followContext(project, { mounts: [...mounts, ...(facts?.mounts ?? [])], workdir, ...(facts ? { vars: facts.stage.vars } : {}) });
      const run: CommandFacts = { tools: [], builds: [] };
      const cmd = t.command ?? patches.command;
      const args = t.args ?? patches.args;
      if (cmd !== undefined || args !== undefined) {
        const words = [...items(y, cmd), ...items(y, args)].filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(file, s));
        if (words.length > 0) analyzeWords(file, words, run, follow);
      }
      if (t.terminal !== undefined) commandFacts(y, t.terminal, follow, run);
      // Capabilities: the selected container's, unless a patch removes them, plus what the patches add.
      const keep = selected && !patches.removesCaps;
      const capAdd = [...(keep ? selected.capAdd : []), ...patches.capAdd];
      const capDrop = keep ? selected.capDrop : [];
      const privileged = patches.privileged ?? (keep ? selected.privileged : undefined);
      const user = patches.user ?? selected?.user ?? facts?.stage.user;
      const imageName = devImage ?? sel?.name;
      const listens = new Set(run.tools.map((x) => x.dlv?.listen?.value.replace(/^.*:/, '')).filter((p): p is string => !!p));
      let debugForward: Valued<string> | undefined;
      for (const p of remotePorts(y, t.ports, vars)) {
        if (listens.has(p.value) || ((p.value === DELVE_PORT || p.delveVar) && isGoProject(project, dir, mounts, imageName ?? ''))) { debugForward = { value: p.value, span: p.span }; break; }
      }
      const level: DevspaceCapsLevel = patches.removesCaps ? (patches.level ?? 'container') : deeper(selected?.level ?? 'container', patches.level ?? 'container');
      const hasPtrace = hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
      const launch: Launch = {
        id: `devspace:${file.path}#${t.name}`,
        kind: 'kubernetes',
        name: `DevSpace dev container "${t.name}"`,
        anchor: t.anchor,
        file,
        ...(imageName ? { image: { value: imageName, span: nodeSpan(file, (t.devImage ?? get(y, t.pod, 'imageSelector') ?? null) as Node | null, t.anchor.start) } } : facts ? { image: facts.stage.image } : {}),
        ...(user ? { user } : {}),
        capAdd,
        capDrop,
        ...(privileged ? { privileged } : {}),
        securityOpt: [],
        hasPtrace,
        ...(hasPtrace && selected?.grant && !patches.capAdd.length && !patches.privileged ? { grantedBy: { value: selected.grant, span: (selected.capAdd[0] ?? selected.privileged ?? { span: t.anchor }).span } } : {}),
        // The image's debugger counts whatever the command: the developer runs it in the dev container's terminal.
        tools: [...(facts?.tools ?? []), ...run.tools],
        builds: [...(facts?.builds ?? []), ...run.builds],
        ports: [],
        ...(debugForward ? { debugForward } : {}),
        ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
        ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
        ...(linkNotes ? { linkNotes } : {}),
        source: { kind: 'devspace', y, pod: t.pod, name: t.name, ...(container ? { container } : {}), level },
      };
      out.push(launch);
    }
  }
  return out;
}
