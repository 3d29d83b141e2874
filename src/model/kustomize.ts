/**
 * The manifests a kustomization renders: its `resources` (files, or
 * directories with a kustomization of their own), the old `bases`, and the
 * patch files (`patchesStrategicMerge`, `patches[].path`). Read so that a
 * Skaffold config's deploy step (kustomize paths) says which manifests run
 * the images it builds. Bounded: 8 levels, every directory once, inside the
 * repository (remote resources are left out).
 */
import { posix } from 'node:path';
import type { Scalar, YAMLMap } from 'yaml';
import { isScalar } from '../parse/yaml-lib.js';
import { bool, get, getPath, isMapNode, isSeqNode, items, nodeSpan, parseYaml, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { makeSourceFile } from '../source.js';
import type { Related, SourceFile, Valued } from '../types.js';
import { hasCapability } from './caps.js';
import { analyzeWords } from './commands.js';
import { kubernetesLaunches, POD_PATHS, type K8sModel } from './kubernetes.js';
import type { Launch } from './launch.js';
import type { Linker } from './link.js';
import type { Project } from './project.js';
import { repoJoin } from './scripts.js';

const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizeManifests(project: Project, dir: string, out = new Set<string>(), seen = new Set<string>(), depth = 0): Set<string> {
  if (depth > 8 || seen.has(dir)) return out;
  seen.add(dir);
  for (const n of NAMES) {
    const p = repoJoin(dir, n);
    const f = p !== undefined ? project.file(p, 'kubernetes', { quiet: true }) : undefined;
    if (!f) continue;
    const y = project.yaml(f);
    const root = y?.docs[0]?.contents;
    if (!y || !root) return out;
    const refs: string[] = [];
    for (const key of ['resources', 'bases', 'patchesStrategicMerge', 'components']) for (const it of items(y, get(y, root, key))) { const v = str(it); if (v) refs.push(v); }
    for (const it of items(y, get(y, root, 'patches'))) { const v = str(get(y, it, 'path')); if (v) refs.push(v); }
    for (const r of refs) {
      if (/^[a-z]+:\/\//i.test(r) || r.startsWith('git@') || r.startsWith('/')) continue;
      const q = repoJoin(dir, r);
      if (q === undefined) continue;
      if (/\.ya?ml$/i.test(q) && project.exists(q, 'kubernetes')) out.add(q);
      else kustomizeManifests(project, q, out, seen, depth + 1);
    }
    return out;
  }
  return out;
}

/** A glob of Skaffold's `manifests` (`k8s/*.yaml`, `deploy/**`) as a test on repository paths. */
export function globTest(glob: string): (path: string) => boolean {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const rx = new RegExp(`^${re}$`);
  return (p) => rx.test(p);
}

/** Repository paths of the files a list of Skaffold manifest globs names, relative to the config's directory. */
export function globbedManifests(project: Project, baseDir: string, globs: string[]): Set<string> {
  const out = new Set<string>();
  for (const g of globs) {
    const full = repoJoin(baseDir, g);
    if (full === undefined) continue;
    if (!/[*?]/.test(full)) { out.add(full); continue; }
    const t = globTest(full);
    for (const f of project.files) if (f.kind === 'kubernetes' && t(f.path)) out.add(f.path);
  }
  return out;
}

/*
 * Overlays: what `kustomize build DIR` renders for the containers its patches touch. A debug overlay replaces a
 * container's command with headless dlv, or adds SYS_PTRACE, over a base that runs the plain binary: the container
 * that runs is the base's merged with the patch, and findings belong where the patch writes the debug.
 *
 * Semantics, as kustomize and the Kubernetes API define them (kustomize api/filters/patchstrategicmerge and
 * patchjson6902; k8s.io/api core/v1 patch tags):
 * - a strategic-merge patch (`patchesStrategicMerge:`, or `patches:` whose content is a map) is matched to a
 *   resource by kind and metadata.name (or its `target:`); `containers` and `initContainers` merge by `name`;
 *   `ports` merge by `containerPort`; a container's `command`, `args` and `securityContext.capabilities.add/drop`
 *   are plain lists, which the patch's list replaces; `securityContext` itself merges key by key;
 * - a JSON 6902 patch (`patchesJson6902:`, or `patches:` whose content is a list of ops) applies `add`,
 *   `replace` and `remove` at RFC 6901 paths into the target (`/spec/template/spec/containers/0/args`,
 *   `…/securityContext/capabilities/add/-`), on the resource its `target:` names.
 * Patches are applied over what `resources:`/`bases:`/`components:` render, directories followed through their
 * own kustomizations (so an overlay of an overlay sees the first overlay's patches). The base alone is left as it
 * is. Inline patches (`patch: |-` blocks) are read where they are written in the kustomization. Bounded like the
 * rest: 8 levels, every directory rendered once, 256 patches per scan.
 */

interface Workload {
  kind: string;
  name: string;
  /** Container name → its launch as rendered so far. */
  containers: Map<string, Launch>;
  /** The names in `containers` and `initContainers`, in order (JSON patch paths index them). */
  order: Record<string, string[]>;
}

type Rendered = Map<string, Workload>;

interface Ctx {
  project: Project;
  linker: Linker;
  model: K8sModel;
  rendered: Map<string, Rendered>;
  ownLaunches: Map<string, Launch[]>;
  budget: number;
}

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;
/** Container fields and pod fields whose change can change a finding. */
const CONTAINER_KEYS = new Set(['command', 'args', 'securityContext', 'image', 'ports']);
const POD_KEYS = new Set(['hostNetwork', 'shareProcessNamespace', 'securityContext']);

/** Apply every kustomization's patches to the containers they touch, in the model. */
export function kustomizeOverlays(project: Project, linker: Linker, model: K8sModel): void {
  const files = project.files.filter((f) => f.kind === 'kubernetes' && KUSTOMIZATION.test(f.path));
  if (files.length === 0) return;
  const ctx: Ctx = { project, linker, model, rendered: new Map(), ownLaunches: new Map(), budget: 256 };
  for (const f of files) render(ctx, posix.dirname(f.path) === '.' ? '' : posix.dirname(f.path), 0);
}

function kustomizationIn(project: Project, dir: string): SourceFile | undefined {
  for (const n of NAMES) {
    const p = repoJoin(dir, n);
    const f = p !== undefined ? project.file(p, 'kubernetes', { quiet: true }) : undefined;
    if (f) return f;
  }
  return undefined;
}

/** The launches of one manifest file's containers (the model's when it read the file, else read quietly). */
function launchesOf(ctx: Ctx, f: SourceFile, y?: YamlFile): Launch[] {
  const key = y ? `${f.path}@${y.docs[0]?.contents?.range?.[0] ?? 0}` : f.path;
  let ls = ctx.ownLaunches.get(key);
  if (!ls) {
    ls = y ? [] : ctx.model.launches.filter((l) => l.kind === 'kubernetes' && l.source.kind === 'kubernetes' && l.file.path === f.path);
    if (ls.length === 0) {
      const tmp: K8sModel = { launches: [], services: [], labels: new Map() };
      kubernetesLaunches(ctx.project, [f], ctx.linker, tmp, { quiet: true, ...(y ? { yaml: y } : {}) });
      ls = tmp.launches;
      for (const [k, v] of tmp.labels) if (!ctx.model.labels.has(k)) ctx.model.labels.set(k, v);
    }
    ctx.ownLaunches.set(key, ls);
  }
  return ls;
}

/** The workloads of a manifest file, with their containers' launches. */
function workloadsOf(ctx: Ctx, f: SourceFile, y: YamlFile | undefined = ctx.project.yaml(f, { quiet: true }), own?: YamlFile): Workload[] {
  if (!y) return [];
  const launches = launchesOf(ctx, f, own);
  const out: Workload[] = [];
  for (const doc of y.docs) {
    const root = doc.contents as YNode;
    const kind = str(get(y, root, 'kind'));
    const podPath = kind ? POD_PATHS[kind] : undefined;
    if (!kind || !podPath) continue;
    const pod = getPath(y, root, podPath);
    const w: Workload = { kind, name: str(getPath(y, root, ['metadata', 'name'])) ?? '', containers: new Map(), order: {} };
    for (const list of ['containers', 'initContainers']) {
      w.order[list] = [];
      for (const c of items(y, get(y, pod, list))) {
        const name = str(get(y, c, 'name'));
        if (!name || !isMapNode(c)) continue;
        w.order[list]!.push(name);
        const l = launches.find((x) => x.source.kind === 'kubernetes' && x.source.container === c);
        if (l) w.containers.set(name, l);
      }
    }
    out.push(w);
  }
  return out;
}

function add(out: Rendered, w: Workload): void {
  out.set(`${w.kind}/${w.name}`, w);
}

/** What a kustomization directory renders (its resources with its patches applied). */
function render(ctx: Ctx, dir: string, depth: number): Rendered {
  const done = ctx.rendered.get(dir);
  if (done) return done;
  const out: Rendered = new Map();
  ctx.rendered.set(dir, out);
  if (depth > 8) return out;
  const kf = kustomizationIn(ctx.project, dir);
  const y = kf ? ctx.project.yaml(kf, { quiet: true }) : undefined;
  const root = y?.docs[0]?.contents as YNode;
  if (!kf || !y || !isMapNode(root)) return out;
  for (const key of ['resources', 'bases', 'components']) {
    for (const it of items(y, get(y, root, key))) {
      const r = str(it);
      if (!r || /^[a-z]+:\/\//i.test(r) || r.startsWith('git@') || r.startsWith('/')) continue;
      const q = repoJoin(dir, r);
      if (q === undefined) continue;
      if (/\.ya?ml$/i.test(q)) {
        const f = ctx.project.file(q, 'kubernetes', { quiet: true });
        if (f) for (const w of workloadsOf(ctx, f)) add(out, w);
      } else for (const w of render(ctx, q, depth + 1).values()) add(out, w);
    }
  }
  const patches: Array<{ node: YNode; target?: YNode }> = [];
  for (const it of items(y, get(y, root, 'patchesStrategicMerge'))) patches.push({ node: it });
  for (const key of ['patchesJson6902', 'patches']) {
    for (const it of items(y, get(y, root, key))) {
      if (!isMapNode(it)) continue;
      const p = get(y, it, 'path') ?? get(y, it, 'patch');
      if (p) patches.push({ node: p, target: get(y, it, 'target') });
    }
  }
  for (const p of patches) {
    if (--ctx.budget < 0) break;
    const text = str(p.node);
    if (text === undefined) continue;
    let pf: SourceFile | undefined;
    let py: YamlFile | undefined;
    let inline = false;
    if (p.node && isScalar(p.node) && (p.node as Scalar).type === 'BLOCK_LITERAL') {
      pf = inlineFile(kf, p.node as Scalar);
      try {
        py = pf ? parseYaml(pf) : undefined;
      } catch {
        py = undefined;
      }
      inline = true;
    } else if (!text.includes('\n')) {
      const q = repoJoin(dir, text);
      pf = q !== undefined ? ctx.project.file(q, 'kubernetes', { quiet: true }) : undefined;
      py = pf ? ctx.project.yaml(pf, { quiet: true }) : undefined;
    }
    if (!pf || !py) continue;
    const target = targetOf(y, p.target);
    for (const doc of py.docs) {
      const content = doc.contents as YNode;
      if (isSeqNode(content)) {
        if (target) applyJson(ctx, out, kf, dir, py, content, target);
      } else if (isMapNode(content)) applyMerge(ctx, out, py, content, target, inline ? py : undefined);
    }
  }
  return out;
}

interface Target { kind?: RegExp; name?: RegExp }

function anchored(v: string): RegExp {
  try {
    return new RegExp(`^(?:${v})$`);
  } catch {
    return new RegExp(`^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}

/** A patch's `target:` (kind and name are regular expressions in kustomize); undefined when it selects by labels only. */
function targetOf(y: YamlFile, n: YNode): Target | undefined {
  if (!isMapNode(n)) return undefined;
  const kind = str(get(y, n, 'kind'));
  const name = str(get(y, n, 'name'));
  if (name === undefined) return undefined;
  return { ...(kind ? { kind: anchored(kind) } : {}), name: anchored(name) };
}

function matching(out: Rendered, t: Target): Workload[] {
  return [...out.values()].filter((w) => (!t.kind || t.kind.test(w.kind)) && (!t.name || t.name.test(w.name)));
}

/** A copy of a workload whose container map can be changed without changing what its base renders. */
function own(out: Rendered, w: Workload): Workload {
  const copy: Workload = { ...w, containers: new Map(w.containers) };
  add(out, copy);
  return copy;
}

/**
 * A kustomization's `patch: |-` block as a file of its own: the kustomization's text with everything outside the
 * block's lines blanked (line breaks kept), so offsets, lines and columns are the kustomization's, and an edit of
 * the patch is an edit of the kustomization (the block's lines stay more indented than its key).
 */
function inlineFile(kf: SourceFile, n: Scalar): SourceFile | undefined {
  const r = n.range;
  if (!r) return undefined;
  const nl = kf.text.indexOf('\n', r[0]);
  if (nl < 0 || nl >= r[1]) return undefined;
  const from = nl + 1;
  const text = kf.text.slice(0, from).replace(/[^\n]/g, ' ') + kf.text.slice(from, r[1]) + kf.text.slice(r[1]).replace(/[^\n]/g, ' ');
  return makeSourceFile(kf.path, kf.abs, 'kubernetes', text);
}

/** The keys of a map node. */
function keys(_y: YamlFile, n: YNode): Set<string> {
  const out = new Set<string>();
  if (isMapNode(n)) for (const p of n.items) { const k = str(p.key as YNode); if (k) out.add(k); }
  return out;
}

/** Apply a strategic-merge patch document to the workloads it targets. */
function applyMerge(ctx: Ctx, out: Rendered, py: YamlFile, content: YAMLMap, target: Target | undefined, inlineY: YamlFile | undefined): void {
  const kind = str(get(py, content, 'kind'));
  const name = str(getPath(py, content, ['metadata', 'name']));
  const podPath = kind ? POD_PATHS[kind] : undefined;
  if (!kind || !podPath) return;
  const pod = getPath(py, content, podPath);
  const podKeys = keys(py, pod);
  const podTouched = [...podKeys].some((k) => POD_KEYS.has(k));
  const ws = matching(out, target ?? { kind: anchored(kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), name: anchored((name ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  if (ws.length === 0) return;
  const patchLaunches = launchesOf(ctx, py.file, inlineY);
  for (const base of ws) {
    const w = own(out, base);
    for (const list of ['containers', 'initContainers']) {
      for (const c of items(py, get(py, pod, list))) {
        const cname = str(get(py, c, 'name'));
        if (!cname || !isMapNode(c)) continue;
        const p = patchLaunches.find((l) => l.source.kind === 'kubernetes' && l.source.container === c);
        if (!p) continue;
        const b = w.containers.get(cname);
        const ck = keys(py, c);
        if (!b) {
          // A container the patch adds (a debug sidecar): it runs as the patch writes it.
          w.containers.set(cname, p);
          if (inlineY) push(ctx, p, `${p.id}@${p.anchor.start}`);
          continue;
        }
        if (![...ck].some((k) => CONTAINER_KEYS.has(k)) && !podTouched) continue;
        const m = merged(ctx, b, p, py, c, pod, ck, podKeys);
        w.containers.set(cname, m);
        // Reported where the patch writes the debug; a patch that brings none leaves the findings to the base.
        if (bringsDebug(p)) push(ctx, m, inlineY ? `${p.id}@${p.anchor.start}` : p.id);
      }
    }
  }
}

/** Does a patch's own part show a debugger: one it runs or installs, a SYS_PTRACE grant, or a workaround for one? */
function bringsDebug(p: Launch): boolean {
  return p.tools.length > 0 || p.capAdd.some((c) => /^(CAP_)?SYS_PTRACE$/i.test(c.value.trim())) || p.privileged?.value === true || p.securityOpt.length > 0 || p.sharedPid !== undefined;
}

/** Put a rendered launch into the model in place of the patch's own (a patch alone renders nothing), or add it. */
function push(ctx: Ctx, l: Launch, id: string): void {
  const oldId = l.id;
  l.id = id;
  const i = ctx.model.launches.findIndex((x) => x.id === id || x.id === oldId && x.file === l.file && x.anchor.start === l.anchor.start);
  if (i >= 0) ctx.model.launches[i] = l;
  else ctx.model.launches.push(l);
  const labels = ctx.model.labels.get(oldId);
  if (labels) ctx.model.labels.set(id, labels);
}

function baseNote(b: Launch): Related {
  return { span: b.anchor, message: `kustomize applies this patch to the container defined here (${b.name}): the container that runs is the two merged.` };
}

/** The launch of a base container with a strategic-merge patch's container merged over it. */
function merged(ctx: Ctx, b: Launch, p: Launch, py: YamlFile, c: YAMLMap, pod: YNode, ck: Set<string>, podKeys: Set<string>): Launch {
  const sc = get(py, c, 'securityContext');
  const scKeys = keys(py, sc);
  const capKeys = keys(py, get(py, sc, 'capabilities'));
  const podSc = keys(py, get(py, pod, 'securityContext'));
  const capAdd = capKeys.has('add') ? p.capAdd : b.capAdd;
  const capDrop = capKeys.has('drop') ? p.capDrop : b.capDrop;
  const privileged = scKeys.has('privileged') ? p.privileged : b.privileged;
  const ownUser = scKeys.has('runAsUser') || scKeys.has('runAsNonRoot') || podSc.has('runAsUser') || podSc.has('runAsNonRoot');
  const user = ownUser ? p.user : b.user ?? p.user;
  const seccomp = scKeys.has('seccompProfile') || podSc.has('seccompProfile');
  const cmd = ck.has('command') || ck.has('args');
  const img = ck.has('image');
  const baseHasCommand = b.source.kind === 'kubernetes' && keys(py, b.source.container).has('command');
  // The patch's command (with the image's installs when the patch keeps the base's image); the base's otherwise.
  const tools = !cmd ? (img ? p.tools : b.tools) : [...p.tools, ...(img ? [] : ck.has('command') || !baseHasCommand ? b.tools.filter((t) => t.use === 'install') : b.tools)];
  const builds = !cmd && !img ? b.builds : [...p.builds, ...(img ? [] : b.builds.filter((x) => !p.builds.includes(x)))];
  const ports = [...p.ports, ...b.ports.filter((x) => !p.ports.some((q) => q.containerPort === x.containerPort))];
  const l: Launch = {
    ...b,
    id: p.id,
    name: p.name,
    anchor: p.anchor,
    file: p.file,
    ...(img ? { image: p.image } : {}),
    ...(user ? { user } : {}),
    capAdd,
    capDrop,
    ...(privileged ? { privileged } : {}),
    securityOpt: seccomp ? p.securityOpt : b.securityOpt,
    hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
    ...(p.capsUnknown || b.capsUnknown ? { capsUnknown: true } : {}),
    tools,
    builds,
    ports,
    ...(podKeys.has('hostNetwork') ? (p.hostNetwork ? { hostNetwork: p.hostNetwork } : {}) : b.hostNetwork ? { hostNetwork: b.hostNetwork } : {}),
    ...(podKeys.has('shareProcessNamespace') ? (p.processNamespaceShared ? { processNamespaceShared: p.processNamespaceShared } : {}) : b.processNamespaceShared ? { processNamespaceShared: b.processNamespaceShared } : {}),
    ...(p.tracingMount ?? b.tracingMount ? { tracingMount: (p.tracingMount ?? b.tracingMount)! } : {}),
    linkNotes: [...(p.linkNotes ?? []), ...(img ? [] : b.linkNotes ?? []), baseNote(b)],
    source: p.source,
  };
  if (!user) delete l.user;
  if (!privileged) delete l.privileged;
  if (!podKeys.has('hostNetwork') && !b.hostNetwork) delete l.hostNetwork;
  if (img) {
    if (p.dockerfile) { l.dockerfile = p.dockerfile; l.stage = p.stage!; } else { delete l.dockerfile; delete l.stage; }
  }
  void ctx;
  return l;
}

/** An RFC 6901 pointer's tokens. */
function pointer(path: string): string[] {
  return path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function scalars(y: YamlFile, n: YNode): Scalar[] {
  return items(y, n).filter((i): i is Scalar => !!i && isScalar(i));
}

function valued(file: SourceFile, s: Scalar): Valued<string> {
  return { value: String(s.value), span: nodeSpan(file, s) };
}

/** Apply a JSON 6902 patch (a list of ops) to the workloads its target names. */
function applyJson(ctx: Ctx, out: Rendered, kf: SourceFile, dir: string, py: YamlFile, ops: YNode, target: Target): void {
  const file = py.file;
  for (const base of matching(out, target)) {
    const podPath = POD_PATHS[base.kind];
    if (!podPath) continue;
    let w: Workload | undefined;
    const changed = new Map<string, Launch>();
    // The containers the patch brings a debugger, a SYS_PTRACE grant or privileged mode to (reported there).
    const debugOps = new Set<string>();
    for (const op of items(py, ops)) {
      const verb = str(get(py, op, 'op'));
      const pathNode = get(py, op, 'path');
      const path = str(pathNode);
      const value = get(py, op, 'value');
      if (!verb || !path || !pathNode || (verb !== 'add' && verb !== 'replace' && verb !== 'remove')) continue;
      const t = pointer(path);
      if (podPath.some((k, i) => t[i] !== k)) continue;
      const rest = t.slice(podPath.length);
      const list = rest[0];
      if ((list !== 'containers' && list !== 'initContainers') || !/^\d+$/.test(rest[1] ?? '')) continue;
      const cname = base.order[list]?.[Number(rest[1])];
      const field = rest.slice(2);
      if (!cname || !CONTAINER_KEYS.has(field[0] ?? '')) continue;
      w ??= own(out, base);
      const b = w.containers.get(cname);
      if (!b) continue;
      let m = changed.get(cname);
      if (!m) {
        m = {
          ...b,
          id: `kustomize:${kf.path}#${base.kind}/${base.name}/${cname}`,
          name: `${base.kind}/${base.name} container ${cname} (as the kustomization in ${dir || '.'} renders it)`,
          anchor: nodeSpan(file, pathNode),
          file,
          capAdd: [...b.capAdd],
          capDrop: [...b.capDrop],
          tools: [...b.tools],
          linkNotes: [...(b.linkNotes ?? []), baseNote(b)],
          source: { kind: 'json-patch', file },
        };
        changed.set(cname, m);
      }
      const remove = verb === 'remove';
      const [f0, f1, f2, f3] = field;
      if ((f0 === 'command' || f0 === 'args') && f1 === undefined) {
        const words = remove ? [] : scalars(py, value).map((s) => scalarWord(file, s));
        const facts = words.length > 0 ? analyzeWords(file, words) : { tools: [], builds: [] };
        const baseHasCommand = b.source.kind === 'kubernetes' && keys(py, b.source.container).has('command');
        const kept = f0 === 'command' || !baseHasCommand ? b.tools.filter((x) => x.use === 'install') : b.tools;
        m.tools = [...facts.tools, ...kept];
        m.builds = [...facts.builds, ...b.builds];
        if (facts.tools.length > 0) m.anchor = nodeSpan(file, pathNode);
      } else if ((f0 === 'command' || f0 === 'args') && f2 === undefined && value && isScalar(value) && !remove) {
        const facts = analyzeWords(file, [scalarWord(file, value as Scalar)]);
        m.tools = [...m.tools, ...facts.tools];
      } else if (f0 === 'securityContext') {
        const capsOf = (n: YNode, key: 'add' | 'drop'): Valued<string>[] => scalars(py, get(py, n, key)).map((s) => valued(file, s));
        if (f1 === undefined) {
          m.capAdd = remove ? [] : capsOf(get(py, value, 'capabilities'), 'add');
          m.capDrop = remove ? [] : capsOf(get(py, value, 'capabilities'), 'drop');
          const pv = get(py, value, 'privileged');
          if (!remove && pv && bool(pv) !== undefined) m.privileged = { value: bool(pv)!, span: nodeSpan(file, pv) };
          else delete m.privileged;
        } else if (f1 === 'capabilities' && f2 === undefined) {
          m.capAdd = remove ? [] : capsOf(value, 'add');
          m.capDrop = remove ? [] : capsOf(value, 'drop');
        } else if (f1 === 'capabilities' && (f2 === 'add' || f2 === 'drop')) {
          const key = f2 === 'add' ? 'capAdd' : 'capDrop';
          if (f3 === undefined) m[key] = remove ? [] : scalars(py, value).map((s) => valued(file, s));
          else if (!remove && value && isScalar(value)) m[key] = [...m[key], valued(file, value as Scalar)];
          else if (remove && /^\d+$/.test(f3)) m[key] = m[key].filter((_, i) => i !== Number(f3));
        } else if (f1 === 'privileged') {
          if (!remove && value && bool(value) !== undefined) m.privileged = { value: bool(value)!, span: nodeSpan(file, value) };
          else delete m.privileged;
        } else if (f1 === 'runAsUser' && !remove && value && isScalar(value)) m.user = valued(file, value as Scalar);
      } else if (f0 === 'image' && !remove && value && isScalar(value)) m.image = valued(file, value as Scalar);
      m.hasPtrace = hasCapability('SYS_PTRACE', m.capAdd, m.capDrop, m.privileged?.value === true);
      if (m.tools.some((x) => x.span.file === file) || m.capAdd.some((x) => x.span.file === file && /^(CAP_)?SYS_PTRACE$/i.test(x.value.trim())) || (m.privileged?.value === true && m.privileged.span.file === file)) debugOps.add(cname);
    }
    for (const [cname, m] of changed) {
      w!.containers.set(cname, m);
      if (debugOps.has(cname)) push(ctx, m, m.id);
    }
  }
}
