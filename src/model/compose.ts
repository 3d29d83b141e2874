/**
 * Compose services as launches: base file + override merged the way Compose
 * does, `extends` followed, `build:` linked to its Dockerfile and target stage.
 */
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar, isSeq } from '../parse/yaml-lib.js';
import { splitShell } from '../parse/shell.js';
import { bool, deref, get, getPair, isMapNode, items, keyOf, nodeSpan, pairs, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { analyzeCommands, analyzeWords } from './commands.js';
import { hasCapability } from './caps.js';
import { imageFacts, relativeTo, runFacts, type CommandLike, type Project } from './project.js';
import type { Launch, PortMapping } from './launch.js';
import type { SourceFile, Span, Valued } from '../types.js';
import { composePartner, isComposeOverride, type Relevance } from './relevance.js';

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
}

function servicesOf(y: YamlFile): Map<string, { map: YAMLMap; keySpan: Span }> {
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
    for (const name of names) {
      const layers = [...withExtends(project, y, name), ...(ov ? withExtends(project, ov, name) : [])];
      if (layers.length > 0) out.push({ name, layers, file: f });
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
    const cmds = splitShell(w.value, { map: w.map });
    return { form: 'shell', words: cmds.flatMap((c) => c.words), span: nodeSpan(file, n), facts: analyzeCommands(file, cmds) };
  }
  if (isSeq(n)) {
    const words = items(y, n).filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(file, s));
    if (words.length === 0) return undefined;
    return { form: 'exec', words, span: nodeSpan(file, n), facts: analyzeWords(file, words) };
  }
  return undefined;
}

const PORT_RE = /^(?:(\[[^\]]*\]|[^:]*):)??(?:([^:]*):)?([^:/]+)(?:\/(\w+))?$/;

export function parseShortPort(value: string, span: Span): PortMapping | undefined {
  const m = PORT_RE.exec(value.trim());
  if (!m) return undefined;
  const [, ip, host, container, proto] = m;
  return { hostIp: (ip ?? '').replace(/^\[|\]$/g, ''), hostPort: host ?? '', containerPort: container!, protocol: proto ?? 'tcp', span, kind: 'publish' };
}

/**
 * The launch of a service. With `relevance`, the Dockerfile it builds is
 * parsed only when the launch may matter (Relevance.launchMayMatter): a
 * service without a debugger word in its files or its Dockerfile gets a
 * launch without the Dockerfile's facts, on which no rule reports.
 */
export function composeLaunch(project: Project, svc: ComposeService, relevance?: Relevance): Launch {
  const main = svc.layers.find((l) => l.y.file === svc.file) ?? svc.layers[svc.layers.length - 1]!;
  const file = main.y.file;
  const image = scalarOf(svc, 'image');
  const build = scalarOf(svc, 'build');
  let facts;
  if (build) {
    const y = build.layer.y;
    let context = '.';
    let dockerfile = 'Dockerfile';
    let target: string | undefined;
    if (isScalar(build.node)) context = str(build.node) ?? '.';
    else if (isMapNode(build.node)) {
      context = str(get(y, build.node, 'context')) ?? '.';
      dockerfile = str(get(y, build.node, 'dockerfile')) ?? 'Dockerfile';
      target = str(get(y, build.node, 'target'));
    }
    if (!/^[a-z]+:\/\//i.test(context) && !context.startsWith('git@')) {
      const p = dockerfile.startsWith('/') ? undefined : relativeTo(y.file.path, context, dockerfile);
      const wanted = p !== undefined && (!relevance || relevance.launchMayMatter(svc.layers.map((l) => l.y.file), () => project.file(p, 'dockerfile')));
      const doc = p && wanted ? project.dockerfile(p) : undefined;
      facts = doc ? imageFacts(doc, target) : undefined;
    }
  }
  const commandV = scalarOf(svc, 'command');
  const entryV = scalarOf(svc, 'entrypoint');
  const command = commandV ? yamlCommand(commandV.layer.y, commandV.node) : undefined;
  const entrypoint = entryV ? yamlCommand(entryV.layer.y, entryV.node) : undefined;
  // Compose's entrypoint resets the image's CMD.
  const run = runFacts(entrypoint ?? facts?.stage.entrypoint, command ?? (entrypoint ? undefined : facts?.stage.cmd));
  const userV = scalarOf(svc, 'user');
  const user = userV && str(userV.node) !== undefined ? { value: str(userV.node)!, span: nodeSpan(userV.layer.y.file, userV.node) } : facts?.stage.user;
  const privV = scalarOf(svc, 'privileged');
  const privileged = privV && bool(privV.node) !== undefined ? { value: bool(privV.node)!, span: nodeSpan(privV.layer.y.file, privV.node) } : undefined;
  const capAdd = seqOf(svc, 'cap_add');
  const capDrop = seqOf(svc, 'cap_drop');
  const securityOpt = seqOf(svc, 'security_opt');
  const ports: PortMapping[] = [];
  for (const l of svc.layers) {
    for (const it of items(l.y, get(l.y, l.map, 'ports'))) {
      if (!it) continue;
      const sp = nodeSpan(l.y.file, it);
      if (isScalar(it)) {
        const pm = parseShortPort(String((it as Scalar).value), sp);
        if (pm) ports.push(pm);
      } else if (isMapNode(it)) {
        const target = str(get(l.y, it, 'target'));
        if (target) ports.push({ hostIp: str(get(l.y, it, 'host_ip')) ?? '', hostPort: str(get(l.y, it, 'published')) ?? '', containerPort: target, protocol: str(get(l.y, it, 'protocol')) ?? 'tcp', span: sp, kind: 'publish' });
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
  const launch: Launch = {
    id: `compose:${file.path}#${svc.name}`,
    kind: 'compose',
    name: svc.name,
    anchor: main.keySpan,
    file,
    ...(image && str(image.node) ? { image: { value: str(image.node)!, span: nodeSpan(image.layer.y.file, image.node) } } : facts ? { image: facts.stage.image } : {}),
    ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
    ...(user ? { user } : {}),
    capAdd,
    capDrop,
    ...(privileged ? { privileged } : {}),
    securityOpt,
    hasPtrace: false,
    tools: [...(facts?.tools ?? []), ...run.tools],
    builds: [...(facts?.builds ?? []), ...run.builds],
    ports,
    ...(hostNetwork ? { hostNetwork } : {}),
    ...(sharedNetwork ? { sharedNetwork } : {}),
    ...(sharedPid ? { sharedPid } : {}),
    ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
    source: { kind: 'compose', service: svc, main },
  };
  launch.hasPtrace = hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
  return launch;
}

export function composeLaunches(project: Project, composeFiles: SourceFile[], relevance?: Relevance): { launches: Launch[]; services: ComposeService[] } {
  const services = composeServices(project, composeFiles);
  return { launches: services.map((s) => composeLaunch(project, s, relevance)), services };
}

