/**
 * devcontainer.json as a launch: linked to its image, Dockerfile or Compose
 * service, and to the features and images that already grant SYS_PTRACE.
 */
import type { Node as JNode, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue, printParseErrorCode, parseFileTree } from '../parse/jsonc-lib.js';
import { posix } from 'node:path';
import { analyzeCommands, analyzeWords, type ToolUse, type Word } from './commands.js';
import type { DfStage } from '../parse/dockerfile.js';
import type { Linker } from './link.js';
import { followContext } from './scripts.js';
import { splitShell } from '../parse/shell.js';
import { hasCapability } from './caps.js';
import { relativeTo, type ImageFacts, type Project } from './project.js';
import type { ComposeService } from './compose.js';
import { composeLaunch, parseShortPort } from './compose.js';
import { isEngineStorage, type Launch, type PortMapping } from './launch.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';

/** Features that add SYS_PTRACE in their own metadata. */
const GRANTING_FEATURES = [/^ghcr\.io\/devcontainers\/features\/go(:|$)/, /\/ptrace-doctor\/delve(:|$)/, /^ghcr\.io\/devcontainers\/features\/rust(:|$)/];
/**
 * Images whose devcontainer.metadata label adds SYS_PTRACE: the devcontainers Go and Rust images (through
 * their Go and Rust features), the C++ image (`"capAdd": ["SYS_PTRACE"]` in its own devcontainer.json) and
 * the universal image (which carries the Go feature).
 */
const GRANTING_IMAGES = [/^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/(go|rust|cpp|universal)(:|@|$)/];
const GO_FEATURE = /^ghcr\.io\/devcontainers\/features\/go(:|$)/;
/**
 * Registry features other than the official ones that install delve by their id: nikaro's `go-pkg-delve`
 * (its install.sh runs `go install …/cmd/dlv`), a `delve` or `dlv` feature of any collection. Their metadata
 * is not read, so no grant is assumed (ptrace-doctor's own `delve` feature is in GRANTING_FEATURES).
 */
const DELVE_FEATURE = /\/(?:go-pkg-)?(?:delve|dlv)(?::[^/]*)?$/;
/** A registry feature that installs Go by its id (`ghcr.io/nikaro/features/go`, `…/golang`): a Go dev container. */
const OTHER_GO_FEATURE = /^[a-z0-9.-]+\.[a-z]{2,}\/[^:]*\/(?:go|golang)(?::[^/]*)?$/;
/** Features that run a Docker engine inside the dev container (their own metadata sets privileged). */
const DIND_FEATURE = /(^|\/)docker-in-docker(:|@|$)/;
const GO_IMAGES = [/^(docker\.io\/)?(library\/)?golang(:|@|$)/, /^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/go(:|$)/];

export interface DevcontainerDoc {
  file: SourceFile;
  root: JNode;
}

/**
 * A local feature (`"./dlv": {}` under `features`): its devcontainer-feature.json,
 * whose capAdd, securityOpt and privileged the devcontainer CLI adds to the
 * container (image-, Dockerfile- and Compose-based alike), and what its
 * install.sh installs at build time.
 */
export interface LocalFeature {
  /** The `features` key that names it. */
  key: Valued<string>;
  doc: DevcontainerDoc;
  capAdd: Valued<string>[];
  securityOpt: Valued<string>[];
  privileged?: Valued<boolean>;
  /** A Docker-in-Docker feature (its id, name or entrypoint says so): privileged for dockerd, not for a debugger. */
  dind: boolean;
  /** Debuggers its install.sh installs (`go install …dlv@…`, `apt-get install gdb`). */
  tools: ToolUse[];
}

function strAt(root: JNode, file: SourceFile, path: (string | number)[]): Valued<string> | undefined {
  const n = findNodeAtLocation(root, path);
  if (!n || n.type !== 'string') return undefined;
  return { value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } };
}

function strings(root: JNode, file: SourceFile, path: (string | number)[]): Valued<string>[] {
  const n = findNodeAtLocation(root, path);
  if (!n) return [];
  if (n.type === 'string') return [{ value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } }];
  if (n.type !== 'array') return [];
  return (n.children ?? []).filter((c) => c.type === 'string').map((c) => ({ value: String(c.value), span: { file, start: c.offset, end: c.offset + c.length } }));
}

export function parseDevcontainer(project: Project, file: SourceFile): DevcontainerDoc | undefined {
  const errors: ParseError[] = [];
  const root = parseFileTree(file, errors);
  if (errors.length > 0 || !root || root.type !== 'object') {
    const off = errors[0]?.offset ?? 0;
    project.problem({ path: file.path, reason: errors.length > 0 ? `could not be parsed as JSON with comments (${printParseErrorCode(errors[0]!.error)})` : 'is not a JSON object', span: { file, start: off, end: off } });
    return undefined;
  }
  return { file, root };
}

/** Repository paths of the Compose files a dev container names (`dockerComposeFile`). */
export function composeFilesOf(doc: DevcontainerDoc): string[] {
  return strings(doc.root, doc.file, ['dockerComposeFile']).map((c) => relativeTo(doc.file.path, c.value)).filter((p): p is string => !!p);
}

/** runArgs entries that set capabilities, seccomp or privileged (joined `--flag value` pairs). */
export function runArgOptions(args: Valued<string>[]): { capAdd: Valued<string>[]; capDrop: Valued<string>[]; securityOpt: Valued<string>[]; privileged?: Valued<boolean>; user?: Valued<string>; all: Valued<string>[] } {
  const capAdd: Valued<string>[] = [];
  const capDrop: Valued<string>[] = [];
  const securityOpt: Valued<string>[] = [];
  const all: Valued<string>[] = [];
  let privileged: Valued<boolean> | undefined;
  let user: Valued<string> | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^(--cap-add|--cap-drop|--security-opt|--user|-u)(?:=(.*))?$/.exec(a.value);
    if (m) {
      const val = m[2] !== undefined ? { value: m[2], span: a.span } : args[i + 1];
      if (m[2] === undefined) i++;
      if (!val) continue;
      // Only what PTD004 can move into devcontainer.json properties.
      if (m[1] === '--cap-add' || m[1] === '--security-opt') {
        all.push(a);
        if (m[2] === undefined) all.push(val);
      }
      if (m[1] === '--cap-add') capAdd.push(...val.value.split(',').map((v) => ({ value: v, span: val.span })));
      else if (m[1] === '--cap-drop') capDrop.push(...val.value.split(',').map((v) => ({ value: v, span: val.span })));
      else if (m[1] === '--security-opt') securityOpt.push(val);
      else user = val;
      continue;
    }
    if (a.value === '--privileged' || a.value === '--privileged=true') {
      privileged = { value: true, span: a.span };
      all.push(a);
    }
  }
  return { capAdd, capDrop, securityOpt, ...(privileged ? { privileged } : {}), ...(user ? { user } : {}), all };
}

/** A Dockerfile stage chain that copies Go in from a golang image or stage (`COPY --from=golang:1.22 /usr/local/go …`). */
function copiesGo(stage: DfStage | undefined): Valued<string> | undefined {
  for (let s = stage; s; s = s.parent) {
    for (const c of s.copies) {
      if (c.from && /(^|\/)golang(:|@|$)/.test(c.from) && c.sources.some((x) => /(^|\/)go(\/|$)|\/usr\/local\/go/.test(x))) return { value: c.from, span: c.span };
    }
  }
  return undefined;
}

/** The string commands of a lifecycle property (a string, an exec-form array, or an object of named commands). */
function lifecycleCommands(root: JNode, file: SourceFile, key: string): Array<{ words: Word[] } | { shell: Valued<string> }> {
  const n = findNodeAtLocation(root, [key]);
  if (!n) return [];
  const values = n.type === 'object' ? (n.children ?? []).map((p) => p.children?.[1]).filter((x): x is JNode => !!x) : [n];
  const out: Array<{ words: Word[] } | { shell: Valued<string> }> = [];
  for (const v of values) {
    if (v.type === 'string') out.push({ shell: { value: String(v.value), span: { file, start: v.offset, end: v.offset + v.length } } });
    else if (v.type === 'array') {
      const words: Word[] = (v.children ?? []).filter((c) => c.type === 'string').map((c) => ({ value: String(c.value), start: c.offset, end: c.offset + c.length, quoted: true, map: jsonMap(file, c) }));
      if (words.length > 0) out.push({ words });
    }
  }
  return out;
}

/** Source offsets of a JSON string's characters: 1:1 without escapes, else its start. */
function jsonMap(file: SourceFile, n: JNode): number[] {
  const value = String(n.value);
  const raw = file.text.slice(n.offset + 1, n.offset + n.length - 1);
  return raw === value ? Array.from({ length: value.length }, (_, k) => n.offset + 1 + k) : Array.from({ length: value.length }, () => n.offset);
}

/**
 * The local features a dev container names: keys that are paths (`./x`, `../x`)
 * relative to the devcontainer.json's directory, each a directory with a
 * devcontainer-feature.json (containers.dev, "Locally stored Features"). A
 * feature published to a registry is not read (its metadata is not in the
 * repository); only GRANTING_FEATURES are known.
 */
export function localFeatures(project: Project, doc: DevcontainerDoc): LocalFeature[] {
  const { file, root } = doc;
  const features = findNodeAtLocation(root, ['features']);
  const out: LocalFeature[] = [];
  for (const prop of features?.type === 'object' ? (features.children ?? []) : []) {
    const key = prop.children?.[0];
    if (!key || typeof key.value !== 'string' || !/^\.\.?\//.test(key.value)) continue;
    const dir = relativeTo(file.path, key.value.replace(/\/+$/, ''));
    if (dir === undefined) continue;
    const path = dir === '.' || dir === '' ? 'devcontainer-feature.json' : `${dir}/devcontainer-feature.json`;
    const f = project.file(path, 'devcontainer', { quiet: true });
    if (!f) continue;
    const errors: ParseError[] = [];
    const froot = parseFileTree(f, errors);
    if (errors.length > 0 || !froot || froot.type !== 'object') continue;
    // Its findings point into it: suppressions, fixes and the report read it as a project file.
    project.add(f);
    const fdoc: DevcontainerDoc = { file: f, root: froot };
    const privNode = findNodeAtLocation(froot, ['privileged']);
    const privileged = privNode?.type === 'boolean' && getNodeValue(privNode) === true ? { value: true, span: { file: f, start: privNode.offset, end: privNode.offset + privNode.length } } : undefined;
    const tools: ToolUse[] = [];
    const install = project.file(dir === '.' || dir === '' ? 'install.sh' : `${dir}/install.sh`, 'shell', { quiet: true });
    if (install) tools.push(...analyzeCommands(install, splitShell(install.text)).tools.filter((t) => t.use === 'install'));
    const said = [key.value, strAt(froot, f, ['id'])?.value ?? '', strAt(froot, f, ['name'])?.value ?? '', strAt(froot, f, ['entrypoint'])?.value ?? ''].join(' ');
    out.push({
      key: { value: key.value, span: { file, start: key.offset, end: key.offset + key.length } },
      dind: /docker-in-docker|\bdind\b|docker-init/i.test(said),
      doc: fdoc,
      capAdd: strings(froot, f, ['capAdd']),
      securityOpt: strings(froot, f, ['securityOpt']),
      ...(privileged ? { privileged } : {}),
      tools,
    });
  }
  return out;
}

export function devcontainerLaunch(project: Project, doc: DevcontainerDoc, services: ComposeService[], claimed: Set<ComposeService>, linker: Linker): Launch {
  const { file, root } = doc;
  const name = strAt(root, file, ['name'])?.value ?? file.path;
  const image = strAt(root, file, ['image']);
  const dockerfileRef = strAt(root, file, ['build', 'dockerfile']) ?? strAt(root, file, ['dockerFile']);
  const context = strAt(root, file, ['build', 'context'])?.value ?? strAt(root, file, ['context'])?.value ?? '.';
  const target = strAt(root, file, ['build', 'target'])?.value;
  const composeFiles = strings(root, file, ['dockerComposeFile']);
  const serviceName = strAt(root, file, ['service']);
  const runArgs = strings(root, file, ['runArgs']);
  const ra = runArgOptions(runArgs);

  let facts: ImageFacts | undefined;
  let base: Launch | undefined;
  let linkNotes: Related[] | undefined;
  if (composeFiles.length > 0 && serviceName) {
    const paths = composeFilesOf(doc);
    const svc = services.find((s) => s.name === serviceName.value && s.layers.some((l) => paths.includes(l.y.file.path)));
    // buildModel has read the Compose files the dev container names, discovered or not.
    if (svc) {
      claimed.add(svc);
      base = composeLaunch(project, svc, linker, { always: true });
    }
  } else if (dockerfileRef) {
    const p = dockerfileRef.value.startsWith('/') ? undefined : relativeTo(file.path, dockerfileRef.value);
    const ctx = relativeTo(file.path, context);
    // Always read: its image (FROM golang, Go copied in) is what makes a Go dev container.
    if (p) facts = linker.build({ dockerfile: p, ...(ctx !== undefined ? { context: ctx === '.' ? '' : ctx } : {}), ...(target ? { target } : {}) }, [file], { always: true });
  } else if (image) {
    const linked = linker.image(image.value, [file]);
    if (linked) {
      facts = linked.facts;
      linkNotes = linked.related;
    }
  }

  const features = findNodeAtLocation(root, ['features']);
  let grantedBy: Valued<string> | undefined;
  let goFeature: Valued<string> | undefined;
  let nestedEngine: Valued<string> | undefined = base?.nestedEngine;
  const featureTools: ToolUse[] = [];
  for (const prop of features?.type === 'object' ? (features.children ?? []) : []) {
    const key = prop.children?.[0];
    if (!key) continue;
    const id = String(key.value);
    const v = { value: id, span: { file, start: key.offset, end: key.offset + key.length } };
    if (GRANTING_FEATURES.some((r) => r.test(id))) grantedBy ??= v;
    if (GO_FEATURE.test(id)) goFeature = v;
    else if (!id.startsWith('.') && OTHER_GO_FEATURE.test(id)) goFeature ??= v;
    if (!id.startsWith('.') && DELVE_FEATURE.test(id) && !GRANTING_FEATURES.some((r) => r.test(id))) featureTools.push({ tool: 'dlv', use: 'install', span: v.span, words: [] });
    if (DIND_FEATURE.test(id)) {
      nestedEngine ??= v;
      // The feature runs the container privileged (its metadata sets "privileged": true, as dockerd needs):
      // every capability, SYS_PTRACE with them.
      grantedBy ??= v;
    }
  }
  // A mount at the engine's storage ("source=dind-var-lib-docker,target=/var/lib/docker,type=volume").
  const mountsNode = findNodeAtLocation(root, ['mounts']);
  for (const m of mountsNode?.type === 'array' ? (mountsNode.children ?? []) : []) {
    const target =
      m.type === 'string' ? /(?:^|,)\s*(?:target|dst|destination)=([^,]*)/.exec(String(m.value))?.[1] : m.type === 'object' ? (findNodeAtLocation(m, ['target'])?.value as unknown) : undefined;
    if (typeof target === 'string' && isEngineStorage(target)) nestedEngine ??= { value: target, span: { file, start: m.offset, end: m.offset + m.length } };
  }
  const imageRef = image ?? facts?.stage.image ?? base?.image;
  if (!grantedBy && imageRef && GRANTING_IMAGES.some((r) => r.test(imageRef.value))) grantedBy = imageRef;
  // Also the base image of a Dockerfile stage chain: the dev container's own build, or the one its
  // Compose service builds (the CLI reads the built image's metadata label for Compose too).
  const chainStage = facts?.stage ?? base?.stage;
  if (!grantedBy && chainStage) {
    for (let s: DfStage | undefined = chainStage; s; s = s.parent) {
      if (GRANTING_IMAGES.some((r) => r.test(s!.image.value))) { grantedBy = s.image; break; }
    }
  }

  const extensions = strings(root, file, ['customizations', 'vscode', 'extensions']);
  const goExt = extensions.find((e) => e.value.toLowerCase() === 'golang.go');
  let goDevcontainer: Valued<string> | undefined = goFeature ?? goExt;
  if (!goDevcontainer) {
    const imgs: Valued<string>[] = [];
    if (imageRef) imgs.push(imageRef);
    for (let s: DfStage | undefined = chainStage; s; s = s.parent) imgs.push(s.image);
    goDevcontainer = imgs.find((i) => GO_IMAGES.some((r) => r.test(i.value))) ?? copiesGo(facts?.stage ?? base?.stage);
  }

  // Commands the devcontainer runs.
  const tools = [...(base?.tools ?? facts?.tools ?? []), ...featureTools];
  const builds = [...(base?.builds ?? facts?.builds ?? [])];
  // They run in the workspace folder, where the repository is mounted; the scripts they name are followed.
  const wsFolder = strAt(root, file, ['workspaceFolder'])?.value ?? '/workspaces/project';
  const dcDir = posix.dirname(file.path);
  // devcontainer.json is in .devcontainer/ (or at the root, as .devcontainer.json): the repository root is the workspace.
  const repoRoot = dcDir === '.devcontainer' || dcDir === '.' ? '' : dcDir.endsWith('/.devcontainer') ? dcDir.slice(0, -'/.devcontainer'.length) : '';
  const follow = followContext(project, { mounts: [{ container: wsFolder.replace(/\/$/, '') || '/', repo: [repoRoot] }, ...(facts?.mounts ?? [])], workdir: wsFolder });
  for (const key of ['onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand']) {
    for (const c of lifecycleCommands(root, file, key)) {
      let f;
      if ('words' in c) f = analyzeWords(file, c.words, undefined, follow);
      else {
        // JSON string offsets are 1:1 when there are no escapes.
        const raw = file.text.slice(c.shell.span.start + 1, c.shell.span.end - 1);
        if (raw !== c.shell.value) continue;
        f = analyzeCommands(file, splitShell(c.shell.value, { base: c.shell.span.start + 1 }), undefined, follow);
      }
      tools.push(...f.tools);
      builds.push(...f.builds);
    }
  }

  // Local features: the CLI merges their capAdd, securityOpt and privileged into the container's.
  const local = localFeatures(project, doc);
  for (const lf of local) tools.push(...lf.tools);
  const capAdd = [...(base?.capAdd ?? []), ...strings(root, file, ['capAdd']), ...local.flatMap((lf) => lf.capAdd)];
  const capDrop = [...(base?.capDrop ?? [])];
  const securityOpt = [...(base?.securityOpt ?? []), ...strings(root, file, ['securityOpt']), ...local.flatMap((lf) => lf.securityOpt)];
  const privNode = findNodeAtLocation(root, ['privileged']);
  let privileged: Valued<boolean> | undefined = base?.privileged;
  if (privNode && privNode.type === 'boolean') privileged = { value: getNodeValue(privNode) === true, span: { file, start: privNode.offset, end: privNode.offset + privNode.length } };
  let privilegedFor: Valued<string> | undefined;
  if (privileged?.value !== true) {
    const lf = local.find((x) => x.privileged);
    if (lf) {
      privileged = lf.privileged;
      if (lf.dind) privilegedFor = lf.key;
    }
  }
  const onCompose = composeFiles.length > 0;
  if (!onCompose) {
    capAdd.push(...ra.capAdd);
    capDrop.push(...ra.capDrop);
    securityOpt.push(...ra.securityOpt);
    if (ra.privileged && !privileged) privileged = ra.privileged;
  }
  // appPort: numbers are published as 127.0.0.1:N:N by the devcontainer CLI, strings as written (docker run -p).
  const appPorts: PortMapping[] = [];
  const forwardPorts: Valued<string>[] = [];
  const portNodes = (key: string): JNode[] => {
    const n = findNodeAtLocation(root, [key]);
    if (!n) return [];
    return n.type === 'array' ? (n.children ?? []) : [n];
  };
  for (const n of portNodes('appPort')) {
    const span = { file, start: n.offset, end: n.offset + n.length };
    if (n.type === 'number') appPorts.push({ hostIp: '127.0.0.1', hostPort: String(n.value), containerPort: String(n.value), protocol: 'tcp', span, kind: 'publish' });
    else if (n.type === 'string') {
      const pm = parseShortPort(String(n.value), span);
      if (pm) appPorts.push(pm);
    }
  }
  // runArgs -p/--publish (image- and Dockerfile-based dev containers only).
  for (let i = 0; i < runArgs.length; i++) {
    const a = runArgs[i]!;
    const m = /^(-p|--publish)(?:=(.*))?$/.exec(a.value);
    if (!m) continue;
    const val = m[2] !== undefined ? { value: m[2], span: a.span } : runArgs[++i];
    const pm = val ? parseShortPort(val.value, val.span) : undefined;
    if (pm) appPorts.push(pm);
  }
  for (const n of portNodes('forwardPorts')) {
    if (n.type === 'number' || n.type === 'string') forwardPorts.push({ value: String(n.value), span: { file, start: n.offset, end: n.offset + n.length } });
  }
  const user = strAt(root, file, ['remoteUser']) ?? strAt(root, file, ['containerUser']) ?? (!onCompose ? ra.user : undefined) ?? base?.user ?? facts?.stage.user;
  const nameNode = findNodeAtLocation(root, ['name']);
  const anchor: Span = nameNode ? { file, start: nameNode.parent?.offset ?? nameNode.offset, end: nameNode.offset + nameNode.length } : { file, start: root.offset, end: root.offset + 1 };
  const launch: Launch = {
    id: `devcontainer:${file.path}`,
    kind: 'devcontainer',
    name,
    anchor,
    file,
    ...(imageRef ? { image: imageRef } : {}),
    ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : base?.dockerfile ? { dockerfile: base.dockerfile, ...(base.stage ? { stage: base.stage } : {}) } : {}),
    ...(user ? { user } : {}),
    capAdd,
    capDrop,
    ...(privileged ? { privileged } : {}),
    ...(privilegedFor ? { privilegedFor } : {}),
    securityOpt,
    ...(grantedBy ? { grantedBy } : {}),
    hasPtrace: false,
    tools,
    builds,
    ports: [...(base?.ports ?? []), ...(onCompose ? [] : appPorts)],
    ...(forwardPorts.length > 0 ? { forwardPorts } : {}),
    ...(base?.sharedNetwork ? { sharedNetwork: base.sharedNetwork } : {}),
    ...(base?.hostNetwork ? { hostNetwork: base.hostNetwork } : {}),
    ...(goDevcontainer ? { goDevcontainer } : {}),
    ...(onCompose && ra.all.length > 0 ? { ignoredRunArgs: ra.all } : {}),
    ...(linkNotes ?? base?.linkNotes ? { linkNotes: linkNotes ?? base!.linkNotes! } : {}),
    ...(base?.sharedPid ? { sharedPid: base.sharedPid } : {}),
    ...(nestedEngine ? { nestedEngine } : {}),
    ...((facts ?? base)?.fileCapPtrace ? { fileCapPtrace: (facts ?? base)!.fileCapPtrace! } : {}),
    source: { kind: 'devcontainer', doc, ...(base?.source.kind === 'compose' ? { compose: base.source } : {}), ...(local.length > 0 ? { features: local.map((lf) => lf.doc) } : {}) },
  };
  launch.hasPtrace = grantedBy !== undefined || hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true);
  return launch;
}
