/**
 * Compose services as launches: base file + override merged the way Compose
 * does, `extends` followed, `build:` linked to its Dockerfile and target stage.
 */
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar, isSeq } from '../parse/yaml-lib.js';
import { splitShell } from '../parse/shell.js';
import { bool, deref, get, getPair, isMapNode, items, keyOf, nodeSpan, pairs, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { posix } from 'node:path';
import { analyzeCommands, analyzeWords } from './commands.js';
import { hasCapability } from './caps.js';
import { imageTools, relativeTo, runFacts, type CommandLike, type ImageFacts, type Project } from './project.js';
import { EBPF_AGENT_ENV, EBPF_AGENT_IMAGE, isEngineStorage, isTracingFs, type ComposeSource, type Launch, type PortMapping } from './launch.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';
import { composePartner, composeVariantBases, isComposeOverride } from './relevance.js';
import type { BuildRef, Linker } from './link.js';
import type { ImageBuildSpec } from './images.js';
import { composeEnv, interpolate } from './env.js';
import { bindMount, followContext, type Mount } from './scripts.js';

/** One service definition in one file. */
export interface ServiceLayer {
  y: YamlFile;
  map: YAMLMap;
  keySpan: Span;
}

export interface ComposeService {
  name: string;
  /** Lowest precedence first. */
  layers: ServiceLayer[];
  file: SourceFile;
  /**
   * Where a fix adds settings when the service is a base file's service with
   * a debug override or variant layered on it: that layer, so that the file
   * production also uses stays as it is.
   */
  debugLayer?: ServiceLayer;
}

const servicesCache = new WeakMap<YamlFile, Map<string, { map: YAMLMap; keySpan: Span }>>();

/** The services of a Compose file by name, read once per parsed file (every service's `extends` asks). */
function servicesOf(y: YamlFile): Map<string, { map: YAMLMap; keySpan: Span }> {
  let cached = servicesCache.get(y);
  if (!cached) servicesCache.set(y, (cached = readServices(y)));
  return cached;
}

function readServices(y: YamlFile): Map<string, { map: YAMLMap; keySpan: Span }> {
  const out = new Map<string, { map: YAMLMap; keySpan: Span }>();
  const doc = y.docs[0];
  if (!doc) return out;
  const services = get(y, doc.contents as YNode, 'services');
  for (const p of pairs(y, services)) {
    const name = keyOf(p);
    const v = deref(y, p.value);
    if (name && isMapNode(v)) out.set(name, { map: v, keySpan: nodeSpan(y.file, p.key as Node) });
  }
  return out;
}

/** Layers for a service including what it `extends`, base first. */
function withExtends(project: Project, y: YamlFile, name: string, depth = 0): ServiceLayer[] {
  const svc = servicesOf(y).get(name);
  if (!svc) return [];
  const own: ServiceLayer = { y, map: svc.map, keySpan: svc.keySpan };
  if (depth > 8) return [own];
  const ext = get(y, svc.map, 'extends');
  let baseName: string | undefined;
  let baseFile: YamlFile | undefined = y;
  if (ext && isScalar(ext)) baseName = str(ext);
  else if (isMapNode(ext)) {
    baseName = str(get(y, ext, 'service'));
    const f = str(get(y, ext, 'file'));
    if (f) {
      const p = relativeTo(y.file.path, f);
      const sf = p ? project.file(p, 'compose') : undefined;
      baseFile = sf ? project.yaml(sf) : undefined;
    }
  }
  if (!baseName || !baseFile || (baseFile === y && baseName === name)) return [own];
  return [...withExtends(project, baseFile, baseName, depth + 1), own];
}

/**
 * The maps a map merges with `<<` (an alias, or a list of them), in the
 * order their keys win, and what those merge in turn (a few levels).
 */
export function mergeSources(y: YamlFile, map: YAMLMap, depth = 0): YAMLMap[] {
  const out: YAMLMap[] = [];
  if (depth > 4) return out;
  for (const p of map.items) {
    if (keyOf(p) !== '<<') continue;
    const v = deref(y, p.value);
    const list = v && isSeq(v) ? (v as unknown as { items: unknown[] }).items.map((i) => deref(y, i)) : [v];
    for (const m of list) {
      if (!isMapNode(m) || out.includes(m)) continue;
      out.push(m, ...mergeSources(y, m, depth + 1).filter((x) => !out.includes(x)));
    }
  }
  return out;
}

/**
 * Mark, on each Compose launch's source, the anchors its service merges and
 * whether every service that merges the same anchor is a debugging container:
 * only then may a fix edit the anchor (fix/editors.ts composeEditor).
 */
export function markSharedAnchors(launches: Launch[], isDebugging: (l: Launch) => boolean): void {
  const users = new Map<YAMLMap, Launch[]>();
  const sources = (l: Launch): ComposeSource | undefined => (l.source.kind === 'compose' ? l.source : l.source.kind === 'devcontainer' ? l.source.compose : undefined);
  for (const l of launches) {
    const src = sources(l);
    if (!src) continue;
    for (const layer of src.service.layers) for (const m of mergeSources(layer.y, layer.map)) users.set(m, [...(users.get(m) ?? []), l]);
  }
  for (const l of launches) {
    const src = sources(l);
    if (!src) continue;
    const mine = new Map<YAMLMap, boolean>();
    for (const layer of src.service.layers) for (const m of mergeSources(layer.y, layer.map)) mine.set(m, (users.get(m) ?? []).every(isDebugging));
    if (mine.size > 0) src.anchors = mine;
  }
}

/** The services of these Compose files (see Relevance.composeFiles for which are read). */
export function composeServices(project: Project, composeFiles: SourceFile[]): ComposeService[] {
  const consumed = new Set<string>();
  const byPath = new Map(composeFiles.map((f) => [f.path, f]));
  const out: ComposeService[] = [];
  for (const f of composeFiles) {
    if (isComposeOverride(f.path)) continue;
    const y = project.yaml(f);
    if (!y) continue;
    const ovPath = composePartner(f.path);
    const ovFile = ovPath ? byPath.get(ovPath) : undefined;
    const ov = ovFile ? project.yaml(ovFile) : undefined;
    if (ovFile) consumed.add(ovFile.path);
    const names = new Set([...servicesOf(y).keys(), ...(ov ? servicesOf(ov).keys() : [])]);
    // A debug variant (compose.debug.yaml) whose service neither builds nor names an image completes the base file's.
    const bases = composeVariantBases(f.path).map((p) => byPath.get(p)).filter((b): b is SourceFile => !!b);
    const base = bases[0] ? project.yaml(bases[0]) : undefined;
    const baseServices = base ? servicesOf(base) : undefined;
    for (const name of names) {
      const own = [...withExtends(project, y, name), ...(ov ? withExtends(project, ov, name) : [])];
      const partial = own.every((l) => !getPair(l.y, l.map, 'image') && !getPair(l.y, l.map, 'build'));
      const under = base && baseServices?.has(name) && partial ? withExtends(project, base, name) : [];
      const layers = [...under, ...own];
      if (layers.length === 0) continue;
      const ovLayer = ov ? own.find((l) => l.y === ov) : undefined;
      out.push({ name, layers, file: f, ...(ovLayer && own.some((l) => l.y === y) ? { debugLayer: ovLayer } : {}) });
    }
  }
  for (const f of composeFiles) {
    if (!isComposeOverride(f.path) || consumed.has(f.path)) continue;
    const y = project.yaml(f);
    if (!y) continue;
    for (const name of servicesOf(y).keys()) out.push({ name, layers: withExtends(project, y, name), file: f });
  }
  return out;
}

/** The last layer's value for a key. */
function scalarOf(svc: ComposeService, key: string): { node: YNode; layer: ServiceLayer; pair: Pair } | undefined {
  for (let i = svc.layers.length - 1; i >= 0; i--) {
    const l = svc.layers[i]!;
    const p = getPair(l.y, l.map, key);
    if (p) return { node: deref(l.y, p.value), layer: l, pair: p };
  }
  return undefined;
}

/** All layers' sequence items for a key (Compose merges these). */
function seqOf(svc: ComposeService, key: string): Array<Valued<string> & { node: Node; layer: ServiceLayer }> {
  const out: Array<Valued<string> & { node: Node; layer: ServiceLayer }> = [];
  for (const l of svc.layers) {
    for (const it of items(l.y, get(l.y, l.map, key))) {
      const v = str(it);
      if (v !== undefined && it) out.push({ value: v, span: nodeSpan(l.y.file, it), node: it, layer: l });
    }
  }
  return out;
}

/** A Compose command/entrypoint value (string or list) as a command. */
export function yamlCommand(y: YamlFile, n: YNode): CommandLike | undefined {
  const file = y.file;
  if (!n) return undefined;
  if (isScalar(n)) {
    const w = scalarWord(file, n as Scalar);
    if (!w.value) return undefined;
    // Compose splits a string command into words (no shell runs it): exec form, appended to an ENTRYPOINT.
    const cmds = splitShell(w.value, { map: w.map });
    return { form: 'exec', words: cmds.flatMap((c) => c.words), span: nodeSpan(file, n), facts: analyzeCommands(file, cmds) };
  }
  if (isSeq(n)) {
    const words = items(y, n).filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(file, s));
    if (words.length === 0) return undefined;
    return { form: 'exec', words, span: nodeSpan(file, n), facts: analyzeWords(file, words) };
  }
  return undefined;
}

/** Split a port spec at its colons, leaving `${VAR:-a:b}` and `[::1]` whole. */
export function splitPortSpec(value: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let brace = 0;
  let bracket = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '$' && value[i + 1] === '{') brace++;
    else if (c === '}' && brace > 0) brace--;
    else if (c === '[') bracket++;
    else if (c === ']' && bracket > 0) bracket--;
    if (c === ':' && brace === 0 && bracket === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

/**
 * A short port spec (`[IP:][HOST:]CONTAINER[/proto]`, Compose and `docker run -p`).
 * `env` interpolates variables as Compose does (Compose: its `.env`; a
 * variable that is unset is empty, so an unset host IP binds every interface).
 */
export function parseShortPort(value: string, span: Span, env?: (v: string) => string): PortMapping | undefined {
  // Interpolated first: a variable may hold more than one part (${DEBUG:-127.0.0.1:3456}:2345).
  const raw = (env ? env(value) : value).trim();
  let body = raw;
  let proto = 'tcp';
  const slash = body.lastIndexOf('/');
  if (slash > body.lastIndexOf('}') && /^\w+$/.test(body.slice(slash + 1))) {
    proto = body.slice(slash + 1);
    body = body.slice(0, slash);
  }
  const parts = splitPortSpec(body);
  if (parts.length > 3 || parts.length === 0) return undefined;
  const x = (v: string): string => v.trim();
  const container = x(parts[parts.length - 1]!);
  if (!container || container.includes(':')) return undefined;
  const host = parts.length >= 2 ? x(parts[parts.length - 2]!) : '';
  const ip = parts.length === 3 ? x(parts[0]!).replace(/^\[|\]$/g, '') : '';
  return { hostIp: ip, hostPort: host, containerPort: container, protocol: proto, span, kind: 'publish' };
}

/** The build a service declares (`build:` string or map), with paths resolved from the file that declares it. */
export function composeBuild(project: Project, svc: ComposeService): (BuildRef & { span: Span; file: SourceFile }) | undefined {
  const build = scalarOf(svc, 'build');
  if (!build) return undefined;
  const y = build.layer.y;
  let context = '.';
  let dockerfile: string | undefined;
  let target: string | undefined;
  let inline: Valued<string> | undefined;
  if (isScalar(build.node)) context = str(build.node) ?? '.';
  else if (isMapNode(build.node)) {
    context = str(get(y, build.node, 'context')) ?? '.';
    dockerfile = str(get(y, build.node, 'dockerfile'));
    target = str(get(y, build.node, 'target'));
    const inl = get(y, build.node, 'dockerfile_inline');
    const v = str(inl);
    if (inl && v !== undefined) inline = { value: v, span: nodeSpan(y.file, inl) };
  }
  const env = composeEnv(project, y.file.path);
  context = interpolate(context, env);
  const fromVariable = dockerfile?.includes('$') === true;
  if (dockerfile !== undefined) dockerfile = interpolate(dockerfile, env);
  // `dockerfile: ${DOCKERFILE}` with the variable unset is empty, and Compose builds the context's default
  // Dockerfile (never the context folder itself as a file).
  if (dockerfile === '') dockerfile = undefined;
  if (target !== undefined) target = interpolate(target, env);
  const span = nodeSpan(y.file, build.node);
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@') || context.includes('$')) return { span, file: y.file, ...(target ? { target } : {}) };
  const resolve = (from: string): { ctxDir: string; df: string | undefined } | undefined => {
    const ctx = relativeTo(from, context);
    if (ctx === undefined) return undefined;
    const ctxDir = ctx === '.' ? '' : ctx;
    const df = dockerfile === undefined || dockerfile.startsWith('/') || dockerfile.includes('$') ? undefined : relativeTo(`${ctxDir || '.'}/x`, dockerfile);
    return { ctxDir, df };
  };
  let paths = resolve(y.file.path);
  // Compose resolves an override's paths from the project directory, the folder of the first `-f` file: an
  // override kept in a subfolder (`docker/debug/docker-compose.debug-override.yml`, run as `-f docker-compose.yml
  // -f docker/debug/…`, or copied to the root as its HOWTO says) with `context: .` and `dockerfile:
  // docker/Dockerfile` names a Dockerfile of the root. Read so only when nothing exists beside the file.
  const named = !fromVariable && (dockerfile === undefined || paths?.df !== undefined);
  if (named && y.file.path.includes('/') && !(paths && buildExists(project, paths))) {
    const fromRoot = resolve('docker-compose.yml');
    if (fromRoot && buildExists(project, fromRoot)) paths = fromRoot;
  }
  if (paths === undefined) return { span, file: y.file };
  const { ctxDir, df } = paths;
  return { span, file: y.file, context: ctxDir, ...(df !== undefined ? { dockerfile: df } : {}), ...(target ? { target } : {}), ...(inline ? { inline } : {}) };
}

/** Does the Dockerfile of a build exist: the one it names, else `Dockerfile` / `dockerfile` in its context? */
function buildExists(project: Project, p: { ctxDir: string; df: string | undefined }): boolean {
  if (p.df !== undefined) return project.exists(p.df, 'dockerfile');
  return ['Dockerfile', 'dockerfile'].some((n) => project.exists(p.ctxDir ? `${p.ctxDir}/${n}` : n, 'dockerfile'));
}

/** The image name of a service, interpolated from the `.env` beside its file. */
function imageOf(project: Project, svc: ComposeService): Valued<string> | undefined {
  const image = scalarOf(svc, 'image');
  const v = image ? str(image.node) : undefined;
  if (!image || !v) return undefined;
  return { value: interpolate(v, composeEnv(project, image.layer.y.file.path)), span: nodeSpan(image.layer.y.file, image.node) };
}

/** What the Compose services build and name (`image:` beside `build:`): entries of the image index. */
export function composeBuildSpecs(project: Project, services: ComposeService[]): ImageBuildSpec[] {
  const out: ImageBuildSpec[] = [];
  for (const svc of services) {
    const b = composeBuild(project, svc);
    const image = imageOf(project, svc);
    if (!b || !image) continue;
    out.push({ file: b.file, span: b.span, tags: [image], how: 'compose', ...(b.context !== undefined ? { context: b.context } : {}), ...(b.dockerfile !== undefined ? { dockerfile: b.dockerfile } : {}), ...(b.target ? { target: b.target } : {}), ...(b.inline ? { inline: b.inline } : {}) });
  }
  return out;
}

/** The first of a service's `volumes` (short or long form, any type) whose target passes the test. */
function volumeAt(svc: ComposeService, test: (target: string) => boolean): Valued<string> | undefined {
  for (const l of svc.layers) {
    for (const it of items(l.y, get(l.y, l.map, 'volumes'))) {
      if (!it) continue;
      const target = isScalar(it) ? splitPortSpec(String((it as Scalar).value ?? ''))[1] : isMapNode(it) ? str(get(l.y, it, 'target')) : undefined;
      if (target !== undefined && test(target)) return { value: target, span: nodeSpan(l.y.file, it) };
    }
  }
  return undefined;
}

/**
 * Where a service shows it is an eBPF instrumentation agent (EBPF_AGENT_IMAGE, EBPF_AGENT_ENV): its image, or a
 * name of its `environment` (a map, or `NAME=value` items): Launch.ebpfAgent.
 */
function ebpfAgent(svc: ComposeService, image: string | undefined): Valued<string> | undefined {
  for (const l of svc.layers) {
    const img = getPair(l.y, l.map, 'image');
    if (image !== undefined && img && EBPF_AGENT_IMAGE.test(image)) return { value: `eBPF instrumentation agent (${image})`, span: nodeSpan(l.y.file, img.value as YNode) };
    const env = get(l.y, l.map, 'environment');
    if (isMapNode(env)) {
      for (const p of pairs(l.y, env)) {
        const k = keyOf(p);
        if (k !== undefined && EBPF_AGENT_ENV.test(k)) return { value: `eBPF instrumentation agent (${k})`, span: nodeSpan(l.y.file, p.key as YNode) };
      }
      continue;
    }
    for (const it of items(l.y, env)) {
      const k = str(it)?.split('=')[0]?.trim();
      if (k && EBPF_AGENT_ENV.test(k)) return { value: `eBPF instrumentation agent (${k})`, span: nodeSpan(l.y.file, it) };
    }
  }
  return undefined;
}

/** Bind mounts of a service's `volumes` (short `./src:/app[:ro]` and long `{type: bind, source, target}`). */
function bindMounts(project: Project, svc: ComposeService): Mount[] {
  const out: Mount[] = [];
  for (const l of svc.layers) {
    const dir = posix.dirname(l.y.file.path);
    const base = [dir === '.' ? '' : dir];
    for (const it of items(l.y, get(l.y, l.map, 'volumes'))) {
      if (!it) continue;
      let source: string | undefined;
      let target: string | undefined;
      if (isScalar(it)) {
        const parts = splitPortSpec(String((it as Scalar).value ?? ''));
        if (parts.length >= 2) [source, target] = [parts[0], parts[1]];
      } else if (isMapNode(it) && (str(get(l.y, it, 'type')) ?? 'bind') === 'bind') {
        source = str(get(l.y, it, 'source'));
        target = str(get(l.y, it, 'target'));
      }
      if (source === undefined || target === undefined) continue;
      const m = bindMount(interpolate(source, composeEnv(project, l.y.file.path)), target, base);
      if (m) out.push(m);
    }
  }
  // Later layers (overrides) first.
  return out.reverse();
}

/**
 * The launch of a service: its own settings merged across layers, linked to
 * the Dockerfile it builds (`build:`), or, when it only names an image, to the
 * build of that image elsewhere in the repository (the linker's image index).
 * The scripts its command runs are followed through its bind mounts and the
 * image's COPYs. With the linker's relevance filter, a Dockerfile is parsed
 * only when the launch may matter (Relevance.launchMayMatter), or `always` (a dev
 * container's service: its image decides whether it is a Go dev container and
 * whether the image's metadata grants SYS_PTRACE).
 */
export function composeLaunch(project: Project, svc: ComposeService, linker: Linker, opts: { always?: boolean; command?: CommandLike; entrypoint?: CommandLike } = {}): Launch {
  const main = svc.layers.find((l) => l.y.file === svc.file) ?? svc.layers[svc.layers.length - 1]!;
  const file = main.y.file;
  const ownFiles = svc.layers.map((l) => l.y.file);
  const image = imageOf(project, svc);
  const build = composeBuild(project, svc);
  const nestedEngine = volumeAt(svc, isEngineStorage);
  let facts: ImageFacts | undefined;
  let linkNotes: Related[] | undefined;
  if (build) facts = build.context !== undefined || build.inline ? linker.build(build, ownFiles, opts) : undefined;
  else if (image) {
    const linked = linker.image(image.value, ownFiles);
    if (linked) {
      facts = linked.facts;
      linkNotes = linked.related;
    }
  }
  const commandV = scalarOf(svc, 'command');
  const entryV = scalarOf(svc, 'entrypoint');
  // `docker compose run [--entrypoint E] SERVICE CMD…` replaces the service's command and entrypoint (runlines.ts).
  const command = opts.command ?? (commandV ? yamlCommand(commandV.layer.y, commandV.node) : undefined);
  const entrypoint = opts.entrypoint ?? (entryV ? yamlCommand(entryV.layer.y, entryV.node) : undefined);
  const wd = scalarOf(svc, 'working_dir');
  const workdir = (wd && str(wd.node)) || facts?.stage.workdir || '/';
  // An image not built here under this name: the script its command names, where a Dockerfile of the repository puts it.
  const named = (entrypoint ?? command)?.words[0]?.value;
  const copied = !facts && image && named?.startsWith('/') ? linker.copiedTo(named) : [];
  const follow = followContext(project, { mounts: [...bindMounts(project, svc), ...(facts?.mounts ?? copied)], workdir, ...(facts ? { vars: facts.stage.vars } : {}) });
  // Compose's entrypoint resets the image's CMD.
  const run = runFacts(entrypoint ?? facts?.stage.entrypoint, command ?? (entrypoint ? undefined : facts?.stage.cmd), follow);
  const userV = scalarOf(svc, 'user');
  const user = userV && str(userV.node) !== undefined ? { value: str(userV.node)!, span: nodeSpan(userV.layer.y.file, userV.node) } : facts?.stage.user;
  const privV = scalarOf(svc, 'privileged');
  const privileged = privV && bool(privV.node) !== undefined ? { value: bool(privV.node)!, span: nodeSpan(privV.layer.y.file, privV.node) } : undefined;
  const capAdd = seqOf(svc, 'cap_add');
  const capDrop = seqOf(svc, 'cap_drop');
  const securityOpt = seqOf(svc, 'security_opt');
  const ports: PortMapping[] = [];
  for (const l of svc.layers) {
    const env = composeEnv(project, l.y.file.path);
    const ip = (v: string): string => interpolate(v, env);
    for (const it of items(l.y, get(l.y, l.map, 'ports'))) {
      if (!it) continue;
      const sp = nodeSpan(l.y.file, it);
      if (isScalar(it)) {
        const pm = parseShortPort(String((it as Scalar).value), sp, ip);
        if (pm) ports.push(pm);
      } else if (isMapNode(it)) {
        const target = str(get(l.y, it, 'target'));
        if (target) ports.push({ hostIp: ip(str(get(l.y, it, 'host_ip')) ?? ''), hostPort: ip(str(get(l.y, it, 'published')) ?? ''), containerPort: ip(target), protocol: str(get(l.y, it, 'protocol')) ?? 'tcp', span: sp, kind: 'publish' });
      }
    }
  }
  const net = scalarOf(svc, 'network_mode');
  const hostNetwork = net && str(net.node) === 'host' ? nodeSpan(net.layer.y.file, net.node) : undefined;
  const netMode = net ? str(net.node) : undefined;
  const sharedNetwork = net && netMode && /^(service|container):/.test(netMode) ? { value: netMode, span: nodeSpan(net.layer.y.file, net.node) } : undefined;
  const pidV = scalarOf(svc, 'pid');
  const pidMode = pidV ? str(pidV.node) : undefined;
  const sharedPid = pidV && pidMode && /^(service|container):./.test(pidMode) ? { value: pidMode, span: nodeSpan(pidV.layer.y.file, pidV.node) } : undefined;
  // Compose interpolates `command:` too: a dlv --listen=:${DEBUG_PORT} written there has the port its .env gives.
  const ownPaths = new Set(svc.layers.map((l) => l.y.file.path));
  for (const t of run.tools) {
    const lv = t.dlv?.listen;
    if (!lv || !lv.value.includes('$') || !ownPaths.has(lv.span.file.path)) continue;
    const v = interpolate(lv.value, composeEnv(project, lv.span.file.path));
    if (!v.includes('$')) t.dlv!.listenResolved = v;
  }
  const tracingMount = volumeAt(svc, isTracingFs);
  const agent = ebpfAgent(svc, image?.value);
  const launch: Launch = {
    id: `compose:${file.path}#${svc.name}`,
    kind: 'compose',
    name: svc.name,
    anchor: main.keySpan,
    file,
    ...(image ? { image } : facts ? { image: facts.stage.image } : {}),
    ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
    ...(user ? { user } : {}),
    capAdd,
    capDrop,
    ...(privileged ? { privileged } : {}),
    securityOpt,
    hasPtrace: false,
    tools: [...imageTools(facts, !!(command || entrypoint), run, follow), ...run.tools],
    builds: [...(facts?.builds ?? []), ...run.builds],
    ports,
    ...(hostNetwork ? { hostNetwork } : {}),
    ...(sharedNetwork ? { sharedNetwork } : {}),
    ...(sharedPid ? { sharedPid } : {}),
    ...(tracingMount ? { tracingMount } : {}),
    ...(agent ? { ebpfAgent: agent } : {}),
    ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
    ...(linkNotes ? { linkNotes } : {}),
    ...(nestedEngine ? { nestedEngine } : {}),
    source: { kind: 'compose', service: svc, main },
  };
  launch.hasPtrace = hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
  return launch;
}

/**
 * The files a Compose file `include:`s (a path, a list of paths, or maps with
 * `path:`), relative to its directory: read as Compose files wherever they are.
 */
export function composeIncludes(project: Project, y: YamlFile): string[] {
  const doc = y.docs[0];
  if (!doc) return [];
  const inc = get(y, doc.contents as YNode, 'include');
  const out: string[] = [];
  const take = (n: YNode): void => {
    const v = str(n);
    if (v === undefined) return;
    const p = relativeTo(y.file.path, interpolate(v, composeEnv(project, y.file.path)));
    if (p !== undefined && !p.includes('$')) out.push(p);
  };
  if (isScalar(inc)) take(inc);
  for (const it of items(y, inc)) {
    if (isMapNode(it)) {
      const path = get(y, it, 'path');
      if (isSeq(path)) for (const x of items(y, path)) take(x);
      else take(path);
    } else take(it);
  }
  return out;
}
