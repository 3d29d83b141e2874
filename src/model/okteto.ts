/**
 * Okteto manifests (okteto.yml, okteto.yaml): each development container of `dev:` (manifest v2), or the
 * whole file when it is one (manifest v1: `name:`, `image:`, `command:` at the top), is a launch.
 *
 * `okteto up` swaps the Deployment named like the dev entry for a development container in the cluster:
 * the entry's `image` (a name, a `{context, dockerfile, target}` build, or `${OKTETO_BUILD_X_IMAGE}` of the
 * manifest's `build.x`), its `command` (a list, one word, or a string with spaces, which Okteto runs with
 * `sh -c`), its `sync` folders (`./:/usr/src/app`, read like bind mounts) and its `securityContext`
 * (`capabilities.add/drop`, `privileged`, `runAsUser`), which Okteto adds to the Deployment's container's
 * own. The developer then runs the debugger in that container's shell and reaches it through a `forward`
 * (`2345:2345`: a local port to the container's port, tunnelled like `kubectl port-forward`, so nothing is
 * published). A forward to delve's port is the evidence a dev container is debugged in (Okteto's own Go
 * sample forwards 2345 and adds SYS_PTRACE for it). The launch is of kind `kubernetes`: its settings are
 * a container's securityContext, and fixes edit them with the Kubernetes editor.
 */
import { posix } from 'node:path';
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar } from '../parse/yaml-lib.js';
import { bool, deref, get, getPair, getPath, isMapNode, items, keyOf, nodeSpan, pairSpan, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { splitWord } from '../parse/shell.js';
import { analyzeCommands, analyzeWords, type CommandFacts } from './commands.js';
import { hasCapability } from './caps.js';
import { bindMount, followContext, repoJoin, type Mount } from './scripts.js';
import type { Linker, BuildRef } from './link.js';
import type { ImageFacts, Project } from './project.js';
import type { Launch } from './launch.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';

/** delve's default port (`dlv --listen=:2345`, the port of Okteto's Go sample and of most debug setups). */
const DELVE_PORT = '2345';

function seqStrings(y: YamlFile, n: YNode): Valued<string>[] {
  return items(y, n).filter((i): i is Node => !!i && isScalar(i)).map((i) => ({ value: String((i as Scalar).value), span: nodeSpan(y.file, i) }));
}

interface DevEntry {
  name: string;
  map: YAMLMap;
  anchor: Span;
  /** A `services:` item of a dev container: the dev entry it belongs to. */
  of?: string;
}

/**
 * The secondary containers of a dev container, `dev.<name>.services` (each `{name, image, command, sync,
 * workdir}`, put in development mode with it): Okteto refuses `securityContext`, `forward` and `reverse`
 * there, so a service keeps its Deployment's securityContext and is reached through no tunnel of its own.
 */
function serviceEntries(y: YamlFile, dev: string, map: YAMLMap): DevEntry[] {
  const out: DevEntry[] = [];
  for (const it of items(y, get(y, map, 'services'))) {
    const m = deref(y, it);
    if (!isMapNode(m)) continue;
    const namePair = getPair(y, m, 'name');
    const name = str(get(y, m, 'name'));
    if (!namePair || name === undefined) continue;
    out.push({ name, map: m, anchor: pairSpan(y.file, namePair), of: dev });
  }
  return out;
}

/** The development containers of a manifest: `dev.<name>` entries (and their `services`), or the v1 manifest itself. */
function devEntries(y: YamlFile): DevEntry[] {
  const root = deref(y, y.docs[0]?.contents);
  if (!isMapNode(root)) return [];
  const dev = deref(y, get(y, root, 'dev'));
  if (isMapNode(dev)) {
    const out: DevEntry[] = [];
    for (const p of dev.items as Pair[]) {
      const name = keyOf(p);
      const map = deref(y, p.value);
      if (name === undefined || !isMapNode(map)) continue;
      out.push({ name, map, anchor: nodeSpan(y.file, p.key as Node) }, ...serviceEntries(y, name, map));
    }
    return out;
  }
  // Manifest v1: the dev container's fields at the top (no `dev:`, `deploy:` alone is a pipeline).
  const namePair = getPair(y, root, 'name');
  const name = str(get(y, root, 'name'));
  if (!namePair || name === undefined) return [];
  if (!['image', 'command', 'sync', 'forward', 'securityContext'].some((k) => get(y, root, k) !== undefined)) return [];
  return [{ name, map: root, anchor: pairSpan(y.file, namePair) }, ...serviceEntries(y, name, root)];
}

/** The build a dev container's image names: its own `{context, dockerfile, target}`, or `${OKTETO_BUILD_X_IMAGE}` of `build.x`. */
function buildOf(project: Project, y: YamlFile, image: YNode): BuildRef | undefined {
  const dir = posix.dirname(y.file.path) === '.' ? '' : posix.dirname(y.file.path);
  const fromMap = (m: YAMLMap): BuildRef | undefined => {
    const context = repoJoin(dir, str(get(y, m, 'context')) ?? '.');
    if (context === undefined) return undefined;
    const df = str(get(y, m, 'dockerfile'));
    const target = str(get(y, m, 'target'));
    let dockerfile: string | undefined;
    if (df !== undefined) {
      // Relative to the context, else to the manifest's directory (Okteto takes the first that exists).
      const tries = [repoJoin(context, df), repoJoin(dir, df)].filter((p): p is string => p !== undefined);
      dockerfile = tries.find((p) => project.exists(p, 'dockerfile')) ?? tries[0];
      if (dockerfile === undefined) return undefined;
    }
    return { context, ...(dockerfile !== undefined ? { dockerfile } : {}), ...(target ? { target } : {}) };
  };
  const m = deref(y, image);
  if (isMapNode(m)) return fromMap(m);
  const ref = /^\$\{?OKTETO_BUILD_([A-Z0-9_]+)_IMAGE\}?$/.exec(str(m) ?? '');
  if (!ref) return undefined;
  const root = deref(y, y.docs[0]?.contents);
  const builds = deref(y, get(y, root, 'build'));
  if (!isMapNode(builds)) return undefined;
  for (const p of builds.items as Pair[]) {
    const k = keyOf(p);
    const v = deref(y, p.value);
    if (k !== undefined && k.toUpperCase().replace(/-/g, '_') === ref[1] && isMapNode(v)) return fromMap(v);
  }
  return undefined;
}

/** A `command:`: a list (exec), one word, or a string with spaces, which Okteto runs as `sh -c STRING`. */
function commandFacts(y: YamlFile, n: YNode, follow: ReturnType<typeof followContext>): CommandFacts | undefined {
  const file = y.file;
  if (isScalar(n)) {
    const w = scalarWord(file, n as Scalar);
    if (!w.value.trim()) return undefined;
    return analyzeCommands(file, splitWord(w), undefined, follow);
  }
  const words = items(y, n).filter((i): i is Scalar => !!i && isScalar(i)).map((s) => scalarWord(file, s));
  return words.length > 0 ? analyzeWords(file, words, undefined, follow) : undefined;
}

/** The container port of a `forward` entry (`local:remote`, `local:service:remote`, `{localPort, remotePort}`); a service's port is not this container's. */
function forwardedPort(y: YamlFile, it: YNode): string | undefined {
  if (isScalar(it)) {
    const parts = String((it as Scalar).value ?? '').trim().split(':');
    return parts.length === 2 ? parts[1] : undefined;
  }
  if (isMapNode(it)) {
    if (str(get(y, it, 'name')) || str(get(y, it, 'labels'))) return undefined;
    return str(get(y, it, 'remotePort'));
  }
  return undefined;
}

/**
 * A Go project as far as the dev container goes: a Go image (golang, okteto/golang), or a go.mod in a
 * folder it syncs, in the manifest's directory or above it.
 */
function isGoProject(project: Project, dir: string, mounts: readonly Mount[], image: string): boolean {
  if (/(^|\/)golang([:@-]|$)/.test(image)) return true;
  const dirs = new Set<string>(mounts.flatMap((m) => m.repo));
  for (let d = dir; ; d = posix.dirname(d) === '.' ? '' : posix.dirname(d)) {
    dirs.add(d);
    if (d === '') break;
  }
  return [...dirs].some((d) => project.exists(d === '' ? 'go.mod' : `${d}/go.mod`, 'shell'));
}

/** The launches of these Okteto manifests. */
export function oktetoLaunches(project: Project, files: readonly SourceFile[], linker: Linker): Launch[] {
  const out: Launch[] = [];
  for (const file of files) {
    const y = project.yaml(file);
    if (!y) continue;
    const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
    for (const dev of devEntries(y)) {
      const c = dev.map;
      const imageNode = get(y, c, 'image');
      const build = imageNode !== undefined ? buildOf(project, y, imageNode) : undefined;
      let facts: ImageFacts | undefined;
      let linkNotes: Related[] | undefined;
      const imageName = str(imageNode);
      if (build) facts = linker.build(build, [file]);
      else if (imageName) {
        const linked = linker.image(imageName, [file]);
        if (linked) {
          facts = linked.facts;
          linkNotes = linked.related;
        }
      }
      const mounts: Mount[] = [];
      for (const s of items(y, get(y, c, 'sync'))) {
        const v = str(s);
        if (v === undefined) continue;
        const i = v.indexOf(':');
        // Okteto's local side is always a path relative to the manifest (`web:/src` is the folder web).
        const local = v.slice(0, i).trim();
        const m = i > 0 ? bindMount(/^[.~/$]/.test(local) ? local : `./${local}`, v.slice(i + 1), [dir]) : undefined;
        if (m) mounts.push(m);
      }
      const workdir = str(get(y, c, 'workdir')) ?? facts?.stage.workdir ?? '/';
      const follow = followContext(project, { mounts: [...mounts, ...(facts?.mounts ?? [])], workdir, ...(facts ? { vars: facts.stage.vars } : {}) });
      const cmdNode = get(y, c, 'command');
      const run = cmdNode !== undefined ? commandFacts(y, cmdNode, follow) : undefined;
      // A service has no securityContext or forward of its own (Okteto rejects them): its Deployment's apply.
      const sc = dev.of === undefined ? get(y, c, 'securityContext') : undefined;
      const capAdd = seqStrings(y, getPath(y, sc, ['capabilities', 'add']));
      const capDrop = seqStrings(y, getPath(y, sc, ['capabilities', 'drop']));
      const privNode = get(y, sc, 'privileged');
      const privileged = privNode && bool(privNode) !== undefined ? { value: bool(privNode)!, span: nodeSpan(file, privNode) } : undefined;
      const runAs = get(y, sc, 'runAsUser');
      const nonRoot = get(y, sc, 'runAsNonRoot');
      // The debugger's port, forwarded to the developer's machine: delve's default, or the port of a dlv --listen the command runs.
      const listens = new Set((run?.tools ?? []).map((t) => t.dlv?.listen?.value.replace(/^.*:/, '')).filter((p): p is string => !!p));
      let debugForward: Valued<string> | undefined;
      for (const it of dev.of === undefined ? items(y, get(y, c, 'forward')) : []) {
        const port = forwardedPort(y, it);
        // Port 2345 is delve's only in a Go project (another program may serve on it); a dlv --listen port is the debugger's anywhere.
        if (port !== undefined && (listens.has(port) || (port === DELVE_PORT && isGoProject(project, dir, mounts, imageName ?? '')))) { debugForward = { value: port, span: nodeSpan(file, it) }; break; }
      }
      const launch: Launch = {
        id: dev.of === undefined ? `okteto:${file.path}#${dev.name}` : `okteto:${file.path}#${dev.of}/services/${dev.name}`,
        kind: 'kubernetes',
        name: dev.of === undefined ? `Okteto dev container "${dev.name}"` : `Okteto service "${dev.name}" of dev container "${dev.of}"`,
        anchor: dev.anchor,
        file,
        ...(imageName ? { image: { value: imageName, span: nodeSpan(file, imageNode) } } : facts ? { image: facts.stage.image } : {}),
        ...(runAs && str(runAs) !== undefined ? { user: { value: str(runAs)!, span: nodeSpan(file, runAs) } } : bool(nonRoot) === true ? { user: { value: 'non-root (runAsNonRoot)', span: nodeSpan(file, nonRoot) } } : facts?.stage.user ? { user: facts.stage.user } : {}),
        capAdd,
        capDrop,
        ...(privileged ? { privileged } : {}),
        securityOpt: [],
        hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
        // The image's debugger counts whatever the command: the developer runs it in the dev container's shell.
        tools: [...(facts?.tools ?? []), ...(run?.tools ?? [])],
        builds: [...(facts?.builds ?? []), ...(run?.builds ?? [])],
        ports: [],
        ...(debugForward ? { debugForward } : {}),
        ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
        ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
        ...(linkNotes ? { linkNotes } : {}),
        // A service's capabilities are its Deployment's: nothing in the manifest can be edited to grant them.
        source: dev.of === undefined ? { kind: 'kubernetes', y, container: c, name: dev.name } : { kind: 'okteto-service', name: dev.name },
      };
      out.push(launch);
    }
  }
  return out;
}

/**
 * Okteto adds the dev container's capabilities to those of the Deployment's container it replaces: a
 * Deployment of the repository named like the dev entry whose container gets SYS_PTRACE grants it.
 */
export function grantFromDeployments(okteto: Launch[], kubernetes: readonly Launch[]): void {
  for (const l of okteto) {
    if (l.hasPtrace || (l.source.kind !== 'kubernetes' && l.source.kind !== 'okteto-service')) continue;
    const name = l.source.name;
    const k = kubernetes.find((x) => x.hasPtrace && /^(Deployment|StatefulSet)\//.test(x.name) && x.name.split(' ')[0]!.split('/')[1] === name);
    if (!k) continue;
    const grant = k.capAdd.find((c) => /SYS_PTRACE|^ALL$/i.test(c.value)) ?? k.privileged;
    if (grant) l.grantedBy = { value: `the ${k.name.split(' ')[0]} of the repository`, span: grant.span };
    l.hasPtrace = true;
  }
}
