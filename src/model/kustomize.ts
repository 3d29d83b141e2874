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
import type { Word } from '../parse/shell.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';
import { hasCapability } from './caps.js';
import { commandFileOf } from './cmdfiles.js';
import { analyzeWords, type CommandFacts } from './commands.js';
import { kubernetesLaunches, POD_PATHS, type K8sModel } from './kubernetes.js';
import type { Launch } from './launch.js';
import type { Linker } from './link.js';
import { imageTools, runFacts, type CommandLike, type Project } from './project.js';
import { followContext, repoJoin } from './scripts.js';

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
 * that runs is the base's merged with the patch, and findings belong where the overlay writes the debug.
 *
 * Semantics, as kustomize and the Kubernetes API define them (kustomize api/filters/patchstrategicmerge,
 * patchjson6902 and imagetag; k8s.io/api core/v1 patch tags; the kubelet's command/args rules):
 * - a strategic-merge patch (`patchesStrategicMerge:`, or `patches:` whose content is a map) applies to the
 *   resource of its kind and metadata.name, or to every one its `target:` selects (kind and name are regular
 *   expressions; a name matches the resource's current name or any earlier one, before a namePrefix/nameSuffix;
 *   a `labelSelector` of equality terms matches the resource's own metadata.labels);
 *   `containers` and `initContainers` merge by `name`, `ports` by `containerPort`; `command`, `args` and
 *   `securityContext.capabilities.add/drop` are plain lists, which the patch's list replaces; `securityContext`
 *   and `capabilities` merge key by key;
 * - a JSON 6902 patch (`patchesJson6902:`, or `patches:` whose content is a list of ops) applies `add`, `replace`
 *   and `remove` at RFC 6901 paths of the target (`/spec/template/spec/containers/0/args`,
 *   `…/securityContext/capabilities/add/-`), containers addressed by their index;
 * - `images:` (name, newName, newTag, digest) retargets the containers whose image has that name, after the
 *   patches; so does `kustomize edit set image NAME=IMAGE` in a Makefile or script, for the `kustomize build DIR`
 *   (or `kubectl apply -k DIR`) that follows it there (kubebuilder's `deploy` targets);
 * - an empty `command: []` or `args: []` is no command (the image's ENTRYPOINT, or its CMD, runs).
 * Patches are applied over what `resources:`/`bases:`/`components:` render, directories followed through their
 * own kustomizations (an overlay of an overlay sees the first overlay's patches). The base alone is left as it is.
 * Inline patches (`patch: |-` blocks) are read where they are written in the kustomization. Bounded like the rest:
 * 8 levels, every directory rendered once, 256 patches per scan.
 */

interface Words {
  file: SourceFile;
  words: Word[];
  span: Span;
}

/** A container as rendered so far. */
interface Box {
  l: Launch;
  command?: Words;
  args?: Words;
  /** The launch's own user setting (runAsUser / runAsNonRoot), not the image's USER. */
  ownUser?: Valued<string>;
  workdir?: string;
  /** The image names it had before an `images:` transform renamed it. */
  repos?: string[];
  /** Its launch is reported where an overlay's patch writes the container (not in the base). */
  patched?: boolean;
}

interface Workload {
  kind: string;
  name: string;
  /** Every name it had on the way up (namePrefix/nameSuffix): a patch matches any of them, as kustomize's do. */
  names: string[];
  /** Container name → the container as rendered so far. */
  containers: Map<string, Box>;
  /** The names in `containers` and `initContainers`, in order (JSON patch paths index them). */
  order: Record<string, string[]>;
  /** The resource's own `metadata.labels` (what a patch's `target.labelSelector` selects by). */
  labels?: Map<string, string>;
}

type Rendered = Map<string, Workload>;

interface ImageEdit {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  span: Span;
}

interface Ctx {
  project: Project;
  linker: Linker;
  model: K8sModel;
  rendered: Map<string, Rendered>;
  ownLaunches: Map<string, Launch[]>;
  /** `kustomize edit set image` of command files, by the directory the following build renders. */
  edits: Map<string, ImageEdit[]>;
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
  const ctx: Ctx = { project, linker, model, rendered: new Map(), ownLaunches: new Map(), edits: imageEdits(project), budget: 256 };
  for (const f of files) {
    const dir = dirOf(f.path);
    const out = render(ctx, dir, 0);
    // `kustomize edit set image` before `kustomize build DIR`: the images of DIR's build, whichever kustomization below it names them.
    const edits = ctx.edits.get(dir);
    if (!edits) continue;
    const level: Level = { kf: f, dir, files: new Set([f.path]), changed: new Map(), imageAt: new Map() };
    applyImages(ctx, new Map(out), level, edits, true);
    report(ctx, level);
  }
}

function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

function baseName(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}

/** `NAME=NEW[:TAG|@DIGEST]` or `NAME:TAG` of `kustomize edit set image`. */
function parseImageArg(v: string, span: Span): ImageEdit | undefined {
  const eq = v.indexOf('=');
  const split = (ref: string): { name: string; tag?: string; digest?: string } => {
    const at = ref.indexOf('@');
    if (at >= 0) return { name: ref.slice(0, at), digest: ref.slice(at + 1) };
    const colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? { name: ref.slice(0, colon), tag: ref.slice(colon + 1) } : { name: ref };
  };
  if (eq > 0) {
    const r = split(v.slice(eq + 1));
    if (!r.name) return undefined;
    return { name: v.slice(0, eq), newName: r.name, ...(r.tag ? { newTag: r.tag } : {}), ...(r.digest ? { digest: r.digest } : {}), span };
  }
  const r = split(v);
  return r.tag || r.digest ? { name: r.name, ...(r.tag ? { newTag: r.tag } : {}), ...(r.digest ? { digest: r.digest } : {}), span } : undefined;
}

/** A command file (Makefile, script, …) that runs `kustomize edit set image`. */
export function setsKustomizeImage(f: SourceFile): boolean {
  return f.kind !== 'kubernetes' && f.kind !== 'compose' && f.kind !== 'dockerfile' && f.kind !== 'devcontainer' && f.text.includes('edit set image');
}

/** The `kustomize edit set image …` of the command files, each for the `kustomize build DIR` that follows it. */
function imageEdits(project: Project): Map<string, ImageEdit[]> {
  const out = new Map<string, ImageEdit[]>();
  for (const f of project.files) {
    if (!setsKustomizeImage(f)) continue;
    const cf = commandFileOf(project, f);
    let pending: ImageEdit[] = [];
    let cwd = dirOf(f.path);
    for (const c of cf.commands) {
      const ws = c.words.map((w) => cf.expand(w.value));
      if (ws[0] === 'cd' && ws[1] !== undefined) {
        const d = c.sep === '&&' || c.sep === ';' ? repoJoin(dirOf(f.path), ws[1]) : undefined;
        cwd = d ?? dirOf(f.path);
        continue;
      }
      const head = baseName(ws[0] ?? '');
      if (head === 'kustomize' && ws[1] === 'edit' && ws[2] === 'set' && ws[3] === 'image') {
        for (let i = 4; i < ws.length; i++) {
          const e = parseImageArg(ws[i]!, { file: f, start: c.words[i]!.start, end: c.words[i]!.end });
          if (e) pending.push(e);
        }
      } else if (pending.length > 0) {
        let dir: string | undefined;
        if (head === 'kustomize' && ws[1] === 'build') dir = ws[2] ?? '.';
        else if (head === 'kubectl' && ws[1] === 'kustomize') dir = ws[2] ?? '.';
        else if (head === 'kubectl') {
          const k = ws.findIndex((w) => w === '-k' || w === '--kustomize');
          if (k > 0) dir = ws[k + 1];
          else dir = ws.find((w) => w.startsWith('--kustomize='))?.slice('--kustomize='.length);
        }
        const d = dir !== undefined ? repoJoin(dirOf(f.path), dir) : undefined;
        if (d !== undefined) {
          out.set(d, [...(out.get(d) ?? []), ...pending]);
          pending = [];
        }
      }
      if (c.sep !== '&&' && c.sep !== ';' && c.sep !== '|') cwd = dirOf(f.path);
    }
    void cwd;
  }
  return out;
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

function words(y: YamlFile, n: YNode): Words | undefined {
  if (!n || !isSeqNode(n)) return undefined;
  return { file: y.file, words: items(y, n).filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(y.file, s)), span: nodeSpan(y.file, n) };
}

/** A container of a manifest as a box: its launch and the words it was made from. */
function boxOf(l: Launch): Box {
  if (l.source.kind !== 'kubernetes') return { l };
  const { y, container: c } = l.source;
  const command = words(y, get(y, c, 'command'));
  const args = words(y, get(y, c, 'args'));
  const wd = str(get(y, c, 'workingDir'));
  return { l, ...(command ? { command } : {}), ...(args ? { args } : {}), ...(l.user && l.user.span.file === l.file ? { ownUser: l.user } : {}), ...(wd ? { workdir: wd } : {}) };
}

/** The workloads of a manifest file, with their containers. */
function workloadsOf(ctx: Ctx, f: SourceFile, y: YamlFile | undefined = ctx.project.yaml(f, { quiet: true })): Workload[] {
  if (!y) return [];
  const launches = launchesOf(ctx, f);
  const out: Workload[] = [];
  for (const doc of y.docs) {
    const root = doc.contents as YNode;
    const kind = str(get(y, root, 'kind'));
    const podPath = kind ? POD_PATHS[kind] : undefined;
    if (!kind || !podPath) continue;
    const pod = getPath(y, root, podPath);
    const name = str(getPath(y, root, ['metadata', 'name'])) ?? '';
    const labels = new Map<string, string>();
    const ln = getPath(y, root, ['metadata', 'labels']);
    if (isMapNode(ln)) for (const p of ln.items) { const k = str(p.key as YNode); const v = str(p.value as YNode); if (k !== undefined && v !== undefined) labels.set(k, v); }
    const w: Workload = { kind, name, names: [name], containers: new Map(), order: {}, labels };
    for (const list of ['containers', 'initContainers']) {
      w.order[list] = [];
      for (const c of items(y, get(y, pod, list))) {
        const cname = str(get(y, c, 'name'));
        if (!cname || !isMapNode(c)) continue;
        w.order[list]!.push(cname);
        const l = launches.find((x) => x.source.kind === 'kubernetes' && x.source.container === c);
        if (l) w.containers.set(cname, boxOf(l));
      }
    }
    out.push(w);
  }
  return out;
}

function add(out: Rendered, w: Workload): void {
  out.set(`${w.kind}/${w.name}`, w);
}

/** What changed at one kustomization: the boxes and where the change is written. */
interface Level {
  kf: SourceFile;
  dir: string;
  /** Files written at this level (the kustomization, its patch files). */
  files: Set<string>;
  /** Boxes changed here, with the box they replaced. */
  changed: Map<Box, Box>;
  /** Where an image change was written, per box. */
  imageAt: Map<Box, Span>;
}

/** What a kustomization directory renders (its resources with its patches and images applied). */
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
  // namePrefix / nameSuffix rename what this level renders (patches above match the new names and the old).
  const prefix = str(get(y, root, 'namePrefix')) ?? '';
  const suffix = str(get(y, root, 'nameSuffix')) ?? '';
  if (prefix || suffix) {
    for (const [k, w] of [...out]) {
      out.delete(k);
      const name = `${prefix}${w.name}${suffix}`;
      add(out, { ...w, name, names: [...w.names, name] });
    }
  }
  const level: Level = { kf, dir, files: new Set([kf.path]), changed: new Map(), imageAt: new Map() };
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
      const blank = inlineFile(kf, p.node as Scalar);
      try {
        // Parsed from the blanked text, read against the kustomization itself (same offsets): spans, words and
        // fixes are the kustomization's, and an edit lands inside the block.
        py = blank ? { ...parseYaml(blank), file: kf } : undefined;
      } catch {
        py = undefined;
      }
      pf = py ? kf : undefined;
      inline = true;
    } else if (!text.includes('\n')) {
      const q = repoJoin(dir, text);
      pf = q !== undefined ? ctx.project.file(q, 'kubernetes', { quiet: true }) : undefined;
      py = pf ? ctx.project.yaml(pf, { quiet: true }) : undefined;
    }
    if (!pf || !py) continue;
    level.files.add(pf.path);
    const target = targetOf(y, p.target);
    for (const doc of py.docs) {
      const content = doc.contents as YNode;
      if (isSeqNode(content)) {
        if (target) applyJson(ctx, out, level, py, content, target);
      } else if (isMapNode(content)) applyMerge(ctx, out, level, py, content, target, inline);
    }
  }
  // images:, after the patches.
  const edits: ImageEdit[] = [];
  for (const it of items(y, get(y, root, 'images'))) {
    const name = str(get(y, it, 'name'));
    if (!name || !isMapNode(it)) continue;
    const newName = str(get(y, it, 'newName'));
    const newTag = str(get(y, it, 'newTag'));
    const digest = str(get(y, it, 'digest'));
    if (!newName && !newTag && !digest) continue;
    edits.push({ name, ...(newName ? { newName } : {}), ...(newTag ? { newTag } : {}), ...(digest ? { digest } : {}), span: nodeSpan(kf, get(y, it, 'newName') ?? get(y, it, 'newTag') ?? get(y, it, 'digest') ?? it) });
  }
  if (edits.length > 0) applyImages(ctx, out, level, edits, false);
  report(ctx, level);
  return out;
}

/** The repository and tag of an image reference (`registry/repo:tag@digest`). */
function imageParts(ref: string): { repo: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  return { repo: hasTag ? rest.slice(0, colon) : rest, ...(hasTag ? { tag: rest.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

/**
 * Retarget the images an edit names: an `images:` entry matches the image as rendered so far; a command file's
 * `kustomize edit set image` edits the kustomization below, so it matches any name the image had on the way.
 */
function applyImages(ctx: Ctx, out: Rendered, level: Level, edits: ImageEdit[], anyName: boolean): void {
  for (const [key, w0] of [...out]) {
    let w: Workload | undefined;
    for (const [cname, box] of w0.containers) {
      const ref = box.l.image?.value;
      if (!ref) continue;
      const parts = imageParts(ref);
      const e = edits.find((x) => x.name === parts.repo || (anyName && (box.repos ?? []).includes(x.name)));
      if (!e) continue;
      const next = `${e.newName ?? parts.repo}${e.digest ? `@${e.digest}` : e.newTag ? `:${e.newTag}` : parts.tag ? `:${parts.tag}` : ''}${!e.digest && !e.newTag && parts.digest ? `@${parts.digest}` : ''}`;
      if (next === ref) continue;
      w ??= own(out, w0, key);
      const nb = change(level, box, { ...box, l: { ...box.l, image: { value: next, span: e.span } }, repos: [...(box.repos ?? []), parts.repo] });
      refacts(ctx, nb);
      level.imageAt.set(nb, e.span);
      w.containers.set(cname, nb);
    }
  }
}

/** Record a box changed at this level (keeping the box it replaced first). */
function change(level: Level, from: Box, to: Box): Box {
  const orig = level.changed.get(from) ?? from;
  level.changed.delete(from);
  level.changed.set(to, orig);
  const at = level.imageAt.get(from);
  if (at) { level.imageAt.delete(from); level.imageAt.set(to, at); }
  return to;
}

/** Does a launch show a debugger: one it runs or installs, a SYS_PTRACE grant, or a workaround for one? */
function debugs(l: Launch): boolean {
  return l.tools.length > 0 || l.capAdd.some((c) => /^(CAP_)?SYS_PTRACE$/i.test(c.value.trim())) || l.privileged?.value === true || l.securityOpt.length > 0 || l.sharedPid !== undefined;
}

/**
 * Put the containers this level makes debug into the model, where the level writes the debug: the patch's own
 * launch (a patch alone renders nothing) is replaced by the container as it renders; a container whose debugger
 * comes from an image this level sets is reported at that setting. A level that brings no debugger (a patch of
 * resources or probes over a base that already debugs) leaves the findings to the base.
 */
function report(ctx: Ctx, level: Level): void {
  const mine = (s: Span | undefined): boolean => s !== undefined && level.files.has(s.file.path);
  for (const [box, orig] of level.changed) {
    const l = box.l;
    if (!debugs(l)) continue;
    const brought = l.tools.some((t) => mine(t.span)) || l.capAdd.some((c) => mine(c.span) && /^(CAP_)?SYS_PTRACE$/i.test(c.value.trim())) || (l.privileged?.value === true && mine(l.privileged.span)) || l.securityOpt.some((o) => mine(o.span)) || (level.imageAt.has(box) && !debugs(orig.l));
    if (!brought) continue;
    if (!box.patched && !mine(l.anchor)) {
      // A container of a base, debugging through an image this level sets: reported at the setting (no fix here).
      const at = level.imageAt.get(box) ?? l.anchor;
      l.id = `kustomize:${level.kf.path}#${l.name}`;
      l.anchor = at;
      l.file = at.file;
      l.source = { kind: 'kustomize', file: at.file };
    }
    const i = ctx.model.launches.findIndex((x) => x.id === l.id);
    if (i >= 0) ctx.model.launches[i] = l;
    else ctx.model.launches.push(l);
    const labels = ctx.model.labels.get(orig.l.id);
    if (labels && !ctx.model.labels.has(l.id)) ctx.model.labels.set(l.id, labels);
  }
}

/** A container's facts from its image, command and args, as the kubelet runs them (kubernetes.ts does the same per file). */
function refacts(ctx: Ctx, box: Box): void {
  const l = box.l;
  const name = l.image?.value;
  const linked = name ? ctx.linker.image(name, [l.file]) : undefined;
  const img = linked?.facts;
  const cmd = box.command?.words ?? [];
  const args = box.args?.words ?? [];
  const named = cmd[0]?.value;
  const mounts = img?.mounts ?? (named?.startsWith('/') ? ctx.linker.copiedTo(named) : []);
  const follow = followContext(ctx.project, { mounts, workdir: box.workdir ?? img?.stage.workdir ?? '/' });
  const like = (w: Words): CommandLike => ({ form: 'exec', words: w.words, span: w.span, facts: analyzeWords(w.file, w.words) });
  let facts: CommandFacts;
  if (cmd.length > 0) {
    // Words of two files: the later file's words keep their places (the command alone, or the base's command before the patch's args).
    if (args.length === 0 || box.args!.file === box.command!.file) facts = analyzeWords(box.command!.file, [...cmd, ...args], undefined, follow);
    else if (box.args!.file === l.file) facts = runFacts(like(box.command!), like(box.args!), follow);
    else facts = analyzeWords(box.command!.file, cmd, undefined, follow);
  } else if (args.length > 0) {
    const entry = linked?.entrypoint ?? img?.stage.entrypoint;
    facts = entry && entry.form === 'exec' ? runFacts(entry, like(box.args!), follow) : analyzeWords(box.args!.file, args, undefined, follow);
  } else facts = img ? (linked?.entrypoint ? runFacts(linked.entrypoint, undefined, follow) : runFacts(img.stage.entrypoint, img.stage.cmd, follow)) : { tools: [], builds: [] };
  if (img) facts = { tools: [...imageTools(img, cmd.length > 0 || args.length > 0, facts, follow, linked?.entrypoint), ...facts.tools], builds: [...img.builds, ...facts.builds] };
  l.tools = facts.tools;
  l.builds = facts.builds;
  if (img) { l.dockerfile = img.dockerfile; l.stage = img.stage; } else { delete l.dockerfile; delete l.stage; }
  if (img?.fileCapPtrace) l.fileCapPtrace = img.fileCapPtrace;
  else delete l.fileCapPtrace;
  const user = box.ownUser ?? img?.stage.user;
  if (user) l.user = user;
  else delete l.user;
  l.linkNotes = [...(linked?.related ?? []), ...(l.linkNotes ?? []).filter((n) => BASE_NOTES.has(n))];
}

interface Target { kind?: RegExp; name?: RegExp; labels?: Array<{ key: string; op: '=' | '!=' | 'exists' | '!exists'; value?: string }> }

/**
 * A `labelSelector` as kustomize reads it (apimachinery's label selector syntax): equality terms `k=v`, `k==v`,
 * `k!=v`, `k`, `!k`, joined by commas; undefined for set-based terms (`k in (a,b)`) and anything else.
 */
function labelTerms(sel: string): Target['labels'] | undefined {
  const out: NonNullable<Target['labels']> = [];
  for (const raw of sel.split(',')) {
    const t = raw.trim();
    if (t === '') continue;
    const m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(t);
    if (m) { out.push({ key: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! }); continue; }
    const e = /^(!?)([A-Za-z0-9_./-]+)$/.exec(t);
    if (e) { out.push({ key: e[2]!, op: e[1] ? '!exists' : 'exists' }); continue; }
    return undefined;
  }
  return out.length > 0 ? out : undefined;
}

function anchored(v: string): RegExp {
  try {
    return new RegExp(`^(?:${v})$`);
  } catch {
    return new RegExp(`^${literal(v)}$`);
  }
}

function literal(v: string): string {
  return v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A patch's `target:` (kind and name are regular expressions in kustomize; a kind alone selects every resource of it). */
function targetOf(y: YamlFile, n: YNode): Target | undefined {
  if (!isMapNode(n)) return undefined;
  const kind = str(get(y, n, 'kind'));
  const name = str(get(y, n, 'name'));
  // labelSelector: the resource's own labels (a label kustomize's `labels:`/`commonLabels:` add is not modelled,
  // so such a patch is not followed; neither is an annotationSelector).
  const sel = str(get(y, n, 'labelSelector'));
  const labels = sel !== undefined ? labelTerms(sel) : undefined;
  if (sel !== undefined && !labels) return undefined;
  if (get(y, n, 'annotationSelector')) return undefined;
  if (name === undefined && kind === undefined && !labels) return undefined;
  return { ...(kind ? { kind: anchored(kind) } : {}), ...(name !== undefined ? { name: anchored(name) } : {}), ...(labels ? { labels } : {}) };
}

function matching(out: Rendered, t: Target): Array<[string, Workload]> {
  const labelled = (w: Workload): boolean =>
    (t.labels ?? []).every((term) => {
      const v = w.labels?.get(term.key);
      return term.op === 'exists' ? v !== undefined : term.op === '!exists' ? v === undefined : term.op === '=' ? v === term.value : v !== term.value;
    });
  return [...out].filter(([, w]) => (!t.kind || t.kind.test(w.kind)) && (!t.name || w.names.some((n) => t.name!.test(n))) && labelled(w));
}

/** A copy of a workload whose container map can be changed without changing what its base renders. */
function own(out: Rendered, w: Workload, key: string): Workload {
  const copy: Workload = { ...w, containers: new Map(w.containers) };
  out.set(key, copy);
  return copy;
}

/**
 * A kustomization's `patch: |-` block as text to parse: the kustomization's text with everything outside the
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
function keys(n: YNode): Set<string> {
  const out = new Set<string>();
  if (isMapNode(n)) for (const p of n.items) { const k = str(p.key as YNode); if (k) out.add(k); }
  return out;
}

/** Apply a strategic-merge patch document to the workloads it targets. */
function applyMerge(ctx: Ctx, out: Rendered, level: Level, py: YamlFile, content: YAMLMap, target: Target | undefined, inline: boolean): void {
  const kind = str(get(py, content, 'kind'));
  const name = str(getPath(py, content, ['metadata', 'name']));
  const podPath = kind ? POD_PATHS[kind] : undefined;
  if (!kind || !podPath) return;
  const pod = getPath(py, content, podPath);
  const podKeys = keys(pod);
  const podTouched = [...podKeys].some((k) => POD_KEYS.has(k));
  const ws = matching(out, target ?? { kind: anchored(literal(kind)), name: anchored(literal(name ?? '')) });
  if (ws.length === 0) return;
  const patchLaunches = launchesOf(ctx, py.file, inline ? py : undefined);
  for (const [key, base] of ws) {
    const w = own(out, base, key);
    for (const list of ['containers', 'initContainers']) {
      for (const c of items(py, get(py, pod, list))) {
        const cname = str(get(py, c, 'name'));
        if (!cname || !isMapNode(c)) continue;
        const p0 = patchLaunches.find((l) => l.source.kind === 'kubernetes' && l.source.container === c);
        if (!p0) continue;
        // Two overlays (or two inline patches) may apply the same patch container: one launch for each place it is written.
        const p: Launch = inline ? { ...p0, id: `kustomize:${level.kf.path}:${p0.anchor.start}#${p0.name}` } : p0;
        const b = w.containers.get(cname);
        const ck = keys(c);
        if (!b) {
          // A container the patch adds (a debug sidecar): it runs as the patch writes it.
          const nb: Box = { ...boxOf(p), l: { ...p }, patched: true };
          w.containers.set(cname, change(level, boxOf(p0), nb));
          continue;
        }
        if (![...ck].some((k) => CONTAINER_KEYS.has(k)) && !podTouched) continue;
        const nb = merged(b, p, py, c, pod, ck, podKeys);
        refacts(ctx, nb);
        w.containers.set(cname, change(level, b, nb));
      }
    }
  }
}

/** The notes baseNote made: a rendered container keeps its own and drops its base's (they are told apart by identity). */
const BASE_NOTES = new WeakSet<Related>();

function baseNote(b: Launch): Related {
  const n = { span: b.anchor, message: `kustomize applies the overlay to the container defined here (${b.name}): the container that runs is the two merged.` };
  BASE_NOTES.add(n);
  return n;
}

/** A base container with a strategic-merge patch's container merged over it. */
function merged(bb: Box, p: Launch, py: YamlFile, c: YAMLMap, pod: YNode, ck: Set<string>, podKeys: Set<string>): Box {
  const b = bb.l;
  const sc = get(py, c, 'securityContext');
  const scKeys = keys(sc);
  const capKeys = keys(get(py, sc, 'capabilities'));
  const podSc = keys(get(py, pod, 'securityContext'));
  const capAdd = capKeys.has('add') ? p.capAdd : b.capAdd;
  const capDrop = capKeys.has('drop') ? p.capDrop : b.capDrop;
  const privileged = scKeys.has('privileged') ? p.privileged : b.privileged;
  const ownUser = scKeys.has('runAsUser') || scKeys.has('runAsNonRoot') || podSc.has('runAsUser') || podSc.has('runAsNonRoot') ? p.user : bb.ownUser;
  const seccomp = scKeys.has('seccompProfile') || podSc.has('seccompProfile');
  const pw = boxOf(p);
  const ports = [...p.ports, ...b.ports.filter((x) => !p.ports.some((q) => q.containerPort === x.containerPort))];
  const l: Launch = {
    ...b,
    id: p.id,
    name: p.name,
    anchor: p.anchor,
    file: p.file,
    ...(ck.has('image') && p.image ? { image: p.image } : {}),
    capAdd,
    capDrop,
    securityOpt: seccomp ? p.securityOpt : b.securityOpt,
    hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
    ...(p.capsUnknown || b.capsUnknown ? { capsUnknown: true } : {}),
    ports,
    linkNotes: [...(b.linkNotes ?? []).filter((n) => !BASE_NOTES.has(n)), baseNote(b)],
    source: p.source,
  };
  if (privileged) l.privileged = privileged;
  else delete l.privileged;
  if (podKeys.has('hostNetwork')) { if (p.hostNetwork) l.hostNetwork = p.hostNetwork; else delete l.hostNetwork; }
  if (podKeys.has('shareProcessNamespace')) { if (p.processNamespaceShared) l.processNamespaceShared = p.processNamespaceShared; else delete l.processNamespaceShared; }
  if (p.tracingMount) l.tracingMount = p.tracingMount;
  if (p.ebpfAgent) l.ebpfAgent = p.ebpfAgent;
  if (p.sharedPid) l.sharedPid = p.sharedPid;
  // An empty list is no command (or no args): the image's ENTRYPOINT (or CMD) runs.
  const command = ck.has('command') ? (pw.command && pw.command.words.length > 0 ? pw.command : undefined) : bb.command;
  const args = ck.has('args') ? (pw.args && pw.args.words.length > 0 ? pw.args : undefined) : bb.args;
  const wd = str(get(py, c, 'workingDir')) ?? bb.workdir;
  return { l, ...(command ? { command } : {}), ...(args ? { args } : {}), ...(ownUser ? { ownUser } : {}), ...(wd ? { workdir: wd } : {}), ...(bb.repos ? { repos: bb.repos } : {}), patched: true };
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
function applyJson(ctx: Ctx, out: Rendered, level: Level, py: YamlFile, ops: YNode, target: Target): void {
  const file = py.file;
  for (const [key, base] of matching(out, target)) {
    const podPath = POD_PATHS[base.kind];
    if (!podPath) continue;
    let w: Workload | undefined;
    const changed = new Map<string, Box>();
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
      w ??= own(out, base, key);
      const b = w.containers.get(cname);
      if (!b) continue;
      let box = changed.get(cname);
      if (!box) {
        const l: Launch = {
          ...b.l,
          id: `kustomize:${level.kf.path}#${base.kind}/${base.name}/${cname}`,
          name: `${base.kind}/${base.name} container ${cname}`,
          anchor: nodeSpan(file, pathNode),
          file,
          capAdd: [...b.l.capAdd],
          capDrop: [...b.l.capDrop],
          linkNotes: [...(b.l.linkNotes ?? []).filter((n) => !BASE_NOTES.has(n)), baseNote(b.l)],
          source: { kind: 'kustomize', file },
        };
        box = { ...b, l, patched: true };
        changed.set(cname, box);
        w.containers.set(cname, change(level, b, box));
      }
      const m = box.l;
      const remove = verb === 'remove';
      const [f0, f1, f2, f3] = field;
      if ((f0 === 'command' || f0 === 'args') && f1 === undefined) {
        const ws = remove ? undefined : words(py, value);
        const set = ws && ws.words.length > 0 ? ws : undefined;
        if (f0 === 'command') { if (set) box.command = set; else delete box.command; } else if (set) box.args = set; else delete box.args;
        if (set && analyzeWords(file, set.words).tools.length > 0) m.anchor = nodeSpan(file, pathNode);
      } else if ((f0 === 'command' || f0 === 'args') && f2 === undefined && value && isScalar(value) && !remove) {
        const cur = box[f0];
        const wd = scalarWord(file, value as Scalar);
        // An item added to the list: its words are the patch's from here on (the place the list is reported at).
        box[f0] = { file, words: [...(cur?.words ?? []).map((x) => (cur!.file === file ? x : { ...x, start: wd.start, end: wd.start, map: x.map.map(() => wd.start) })), wd], span: nodeSpan(file, value) };
      } else if (f0 === 'securityContext') {
        const capsOf = (n: YNode, k: 'add' | 'drop'): Valued<string>[] => scalars(py, get(py, n, k)).map((s) => valued(file, s));
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
          const k = f2 === 'add' ? 'capAdd' : 'capDrop';
          if (f3 === undefined) m[k] = remove ? [] : scalars(py, value).map((s) => valued(file, s));
          else if (!remove && value && isScalar(value)) m[k] = [...m[k], valued(file, value as Scalar)];
          else if (remove && /^\d+$/.test(f3)) m[k] = m[k].filter((_, i) => i !== Number(f3));
        } else if (f1 === 'privileged') {
          if (!remove && value && bool(value) !== undefined) m.privileged = { value: bool(value)!, span: nodeSpan(file, value) };
          else delete m.privileged;
        } else if (f1 === 'runAsUser' && !remove && value && isScalar(value)) box.ownUser = valued(file, value as Scalar);
      } else if (f0 === 'image' && !remove && value && isScalar(value)) m.image = valued(file, value as Scalar);
      m.hasPtrace = hasCapability('SYS_PTRACE', m.capAdd, m.capDrop, m.privileged?.value === true);
    }
    for (const box of changed.values()) refacts(ctx, box);
  }
}
