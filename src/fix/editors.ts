/**
 * LaunchEditor implementations, one per format. Each builds text edits in the
 * file's own syntax; makeFix applies them, re-parses the result and turns it
 * into whole-line edits (what a suggestion replaces).
 */
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isSeq } from '../parse/yaml-lib.js';
import type { FormattingOptions, Node as JNode } from 'jsonc-parser';
import { modify, applyEdits as applyJsonEdits, findNodeAtLocation } from '../parse/jsonc-lib.js';
import { wholeLineEdits } from './text.js';
import { appendItem, parseJsonc, removeAt, setProperty } from './jsonc-edit.js';
import { addScalarPair, addSeqPair, ensureSeqItem, mapIndent, ownPair, removePair, removeSeqItem, seqIndent } from './yaml-edit.js';
import { eol, lineEndWithBreak, lineStart, positionAt } from '../source.js';
import { ParseError, deref, getPair } from '../parse/yaml.js';
import { isScalar } from '../parse/yaml-lib.js';
import { mergeSources, splitPortSpec } from '../model/compose.js';
import type { Fix, SourceFile, TextEdit, Valued } from '../types.js';
import type { CommandFlag, Launch, PortMapping, WorkflowOptions, WorkflowSource } from '../model/launch.js';
import type { ComposeService, ServiceLayer } from '../model/compose.js';
import type { YamlFile } from '../parse/yaml.js';
import { hasCapability } from '../model/caps.js';
import { devspaceEditor } from './devspace-edit.js';

/** Format-specific edits for a launch; each returns undefined when it cannot edit safely. */
export interface LaunchEditor {
  /** Grant a capability in this launch's own file and syntax. */
  addCapability(cap: string): Fix | undefined;
  /**
   * Remove a security option entry (e.g. seccomp=unconfined) and grant the capability instead; with no `cap`,
   * only remove it (privileged grants the capability, and PTD003's fix replaces privileged with it).
   */
  replaceSecurityOpt(opt: Valued<string>, cap: string | undefined): Fix | undefined;
  /** Remove `privileged` and grant the capability instead. */
  replacePrivileged(cap: string): Fix | undefined;
  /** Publish a container port on 127.0.0.1 (PTD008). */
  publishPort?(port: string): Fix | undefined;
  /** Rewrite a published port to bind 127.0.0.1 on the host (PTD007). */
  bindPortToLoopback?(port: PortMapping): Fix | undefined;
}

const NO_EDITS: LaunchEditor = {
  addCapability: () => undefined,
  replaceSecurityOpt: () => undefined,
  replacePrivileged: () => undefined,
};

const editors = new WeakMap<Launch, LaunchEditor>();

/** The editor of a launch's own file, built from the locations the launch carries. */
export function editorFor(l: Launch): LaunchEditor {
  let e = editors.get(l);
  if (!e) {
    e = withinAliasBudget(buildEditor(l));
    editors.set(l, e);
  }
  return e;
}

/**
 * The editor with every method giving no fix, instead of throwing, when the file's alias budget runs out
 * while the edit is worked out (a file whose anchors fan out to the cap: the finding stands, without a
 * fix; the model already reported the file if it ran out there).
 */
function withinAliasBudget(e: LaunchEditor): LaunchEditor {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(e)) {
    out[k] = typeof f !== 'function' ? f : (...a: unknown[]) => {
      try {
        return (f as (...x: unknown[]) => unknown).apply(e, a);
      } catch (err) {
        if (err instanceof ParseError) return undefined;
        throw err;
      }
    };
  }
  return out as unknown as LaunchEditor;
}

function buildEditor(l: Launch): LaunchEditor {
  const src = l.source;
  switch (src.kind) {
    case 'compose':
      return composeEditor(src.service, src.main, src.anchors);
    case 'kubernetes':
      return src.rendered ? NO_EDITS : kubernetesEditor({ y: src.y, container: src.container, name: src.name });
    case 'run': {
      const line = runLineEditor({ file: src.file, insertAt: src.insertAt, flags: src.flags });
      if (!src.compose) return line;
      // `docker compose run`: what the Compose file writes is edited there; what is missing goes on the line.
      const svc = composeEditor(src.compose.service, src.compose.main, src.compose.anchors);
      const inLine = (f: SourceFile): boolean => f === src.file;
      return {
        ...line,
        replaceSecurityOpt: (opt, cap) => (inLine(opt.span.file) ? line.replaceSecurityOpt(opt, cap) : svc.replaceSecurityOpt(opt, cap)),
        replacePrivileged: (cap) => (l.privileged && !inLine(l.privileged.span.file) ? svc.replacePrivileged(cap) : line.replacePrivileged(cap)),
        bindPortToLoopback: (port) => (inLine(port.span.file) ? line.bindPortToLoopback?.(port) : svc.bindPortToLoopback?.(port)),
      };
    }
    case 'kubectl-debug':
      return kubectlDebugEditor(src.file, src.insertAt, src.flags);
    case 'workflow':
      return workflowContainerEditor(src);
    case 'devspace':
      return devspaceEditor(src);
    case 'devcontainer': {
      const file = src.doc.file;
      const granted = (cap: string): boolean => l.grantedBy !== undefined || hasCapability(cap, l.capAdd, l.capDrop, false);
      const own = devcontainerEditor({ file, root: src.doc.root, grantedWithoutPrivileged: granted });
      // Settings that a local feature sets are edited in its devcontainer-feature.json (the same keys).
      const featureEd = (f: SourceFile): LaunchEditor | undefined => {
        const doc = src.features?.find((d) => d.file === f);
        return doc ? devcontainerEditor({ file: doc.file, root: doc.root, grantedWithoutPrivileged: granted }) : undefined;
      };
      const composeEd = src.compose ? composeEditor(src.compose.service, src.compose.main, src.compose.anchors) : undefined;
      if (!composeEd && !src.features) return own;
      return {
        ...own,
        replaceSecurityOpt: (opt, cap) => (opt.span.file === file ? own.replaceSecurityOpt(opt, cap) : (featureEd(opt.span.file) ?? composeEd)?.replaceSecurityOpt(opt, cap)),
        replacePrivileged: (cap) => (l.privileged && l.privileged.span.file !== file ? (featureEd(l.privileged.span.file) ?? composeEd)?.replacePrivileged(cap) : own.replacePrivileged(cap)),
        ...(composeEd?.bindPortToLoopback ? { bindPortToLoopback: composeEd.bindPortToLoopback } : {}),
      };
    }
    default:
      return NO_EDITS;
  }
}

/**
 * Apply edits per file and return them as whole-line edits (what a suggestion
 * replaces). The edited files are not re-parsed here: the engine validates
 * each file once with all the fixes of the scan applied (fix/settle.ts), and
 * drops a fix that breaks its file before anything is offered.
 */
export function makeFix(description: string, edits: TextEdit[] | undefined, files: SourceFile[]): Fix | undefined {
  if (!edits || edits.length === 0) return undefined;
  const byPath = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const list = byPath.get(e.path);
    if (list) list.push(e);
    else byPath.set(e.path, [e]);
  }
  const out: TextEdit[] = [];
  for (const [path, es] of byPath) {
    const file = files.find((f) => f.path === path);
    if (!file) return undefined;
    try {
      out.push(...wholeLineEdits(file, es));
    } catch {
      return undefined;
    }
  }
  return out.length > 0 ? { description, edits: out, files: files.filter((f) => byPath.has(f.path)), raw: edits } : undefined;
}

/** Replace a whole pair's lines with `key:\n  - item` at the same indentation. */
function replacePairWithSeq(layer: { y: YamlFile; map: YAMLMap }, oldKey: string, newKey: string, item: string): TextEdit[] | undefined {
  const file = layer.y.file;
  const pair = ownPair(layer.map, oldKey);
  const k = pair?.key as Node | null;
  if (!pair || !k?.range || layer.map.flow) return undefined;
  const rm = removePair(layer.y, layer.map, pair);
  if (!rm || rm.length !== 1) return undefined;
  const indent = file.text.slice(lineStart(file, positionAt(file, k.range[0]).line), k.range[0]);
  if (indent.trim() !== '') return undefined;
  const nl = eol(file);
  const text = `${indent}${newKey}:${nl}${indent}${' '.repeat(seqIndent(layer.y))}- ${item}${nl}`;
  return [{ ...rm[0]!, text }];
}

// ---------- Compose ----------

/** Where a service's key comes from: a layer's own pair, or a pair an anchor supplies through `<<`. */
interface KeySource {
  y: YamlFile;
  map: YAMLMap;
  pair: Pair;
  /** The layer whose map has (or merges) it. */
  layer: ServiceLayer;
  /** Set when the pair is an anchor's (a merge source), not the layer's own. */
  anchor?: YAMLMap;
}

function keySource(svc: ComposeService, key: string): KeySource | undefined {
  for (let i = svc.layers.length - 1; i >= 0; i--) {
    const l = svc.layers[i]!;
    const own = ownPair(l.map, key);
    if (own) return { y: l.y, map: l.map, pair: own, layer: l };
    if (!getPair(l.y, l.map, key)) continue;
    for (const m of mergeSources(l.y, l.map)) {
      const p = ownPair(m, key);
      if (p) return { y: l.y, map: m, pair: p, layer: l, anchor: m };
    }
    return undefined;
  }
  return undefined;
}

/** One fix that makes the changes of several (their edits as the editors made them, applied together). */
export function combineFixes(description: string, fixes: Array<Fix | undefined>): Fix | undefined {
  const parts = fixes.filter((f): f is Fix => !!f && !!f.raw);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { ...parts[0]!, description };
  const files = [...new Map(parts.flatMap((f) => f.files ?? []).map((f) => [f.path, f])).values()];
  return makeFix(description, parts.flatMap((f) => f.raw!), files);
}

function scalarItems(y: YamlFile, pair: Pair): Node[] {
  const v = deref(y, pair.value);
  return v && isSeq(v) ? ((v as YAMLSeq).items as Node[]) : [];
}

/**
 * The Compose editor. A setting an anchor supplies (`<<: *debug`) is edited
 * in the anchor when every service that merges it is a debugging container
 * (`anchors` says, from the model), else overridden in the service itself:
 * an own key replaces a merged one whole, so the override copies what the
 * anchor gave and changes only what the fix changes.
 */
export function composeEditor(svc: ComposeService, main: ServiceLayer, anchors?: ReadonlyMap<YAMLMap, boolean>): LaunchEditor {
  const files = (): SourceFile[] => svc.layers.map((l) => l.y.file);
  const editable = (src: KeySource): boolean => !src.anchor || anchors?.get(src.anchor) === true;
  const copyOf = (y: YamlFile, pair: Pair, drop?: Node): string[] =>
    scalarItems(y, pair).filter((n) => n !== drop).map((n) => (n.range ? y.file.text.slice(n.range[0], n.range[1]) : String((n as Scalar).value)));
  /** Edits that put cap in the service's effective cap_add. */
  // New settings go into the debug override when the base file is one production shares.
  const target = svc.debugLayer ?? main;
  const addEdits = (cap: string): TextEdit[] | undefined => {
    const src = keySource(svc, 'cap_add');
    if (!src) return ensureSeqItem(target.y, target.map, ['cap_add'], cap);
    if (scalarItems(src.y, src.pair).some((n) => isScalar(n) && String((n as Scalar).value).toUpperCase().replace(/^CAP_/, '') === cap)) return [];
    if (editable(src)) return ensureSeqItem(src.y, src.map, ['cap_add'], cap);
    // The anchor is shared with services that do not debug: the service gets its own list.
    return addSeqPair(src.layer.y, src.layer.map, 'cap_add', [...copyOf(src.y, src.pair), cap]);
  };
  const hasCapKey = (): boolean => svc.layers.some((l) => getPair(l.y, l.map, 'cap_add'));
  return {
    addCapability(cap) {
      const where = svc.debugLayer && !keySource(svc, 'cap_add') ? ` in ${svc.debugLayer.y.file.path} (the override with the debug settings; ${svc.file.path} is the base file production runs too)` : '';
      return makeFix(`Add ${cap} to cap_add of service "${svc.name}"${where}`, addEdits(cap), files());
    },
    replaceSecurityOpt(opt, cap) {
      const src = keySource(svc, 'security_opt');
      if (!src || src.y.file !== opt.span.file || !isSeq(deref(src.y, src.pair.value))) return undefined;
      const seq = deref(src.y, src.pair.value) as YAMLSeq;
      const node = seq.items.find((i) => (i as Node | null)?.range?.[0] === opt.span.start) as Node | undefined;
      if (!node) return undefined;
      if (cap === undefined) {
        const desc = `Remove "${opt.value}" from service "${svc.name}"`;
        if (!editable(src)) {
          const rest = addSeqPair(src.layer.y, src.layer.map, 'security_opt', copyOf(src.y, src.pair, node));
          return rest ? makeFix(`${desc} (the anchor is shared with other services, so the service overrides it)`, rest, files()) : undefined;
        }
        const rm = seq.items.length === 1 ? removePair(src.y, src.map, src.pair) : removeSeqItem(src.y, src.map, 'security_opt', node);
        return rm ? makeFix(desc, rm, files()) : undefined;
      }
      const desc = `Replace "${opt.value}" with cap_add: [${cap}] in service "${svc.name}"`;
      if (!editable(src)) {
        // Shared anchor: the service overrides the list without it, and gets the capability.
        const rest = addSeqPair(src.layer.y, src.layer.map, 'security_opt', copyOf(src.y, src.pair, node));
        const add = addEdits(cap);
        if (!rest || !add) return undefined;
        return makeFix(`${desc} (the anchor is shared with other services, so the service overrides it)`, [...rest, ...add], files());
      }
      const layer = { y: src.y, map: src.map };
      if (seq.items.length === 1 && !hasCapKey()) return makeFix(desc, replacePairWithSeq(layer, 'security_opt', 'cap_add', cap), files());
      const rm = removeSeqItem(src.y, src.map, 'security_opt', node);
      const add = addEdits(cap);
      if (!rm || !add) return undefined;
      return makeFix(desc, [...rm, ...add], files());
    },
    replacePrivileged(cap) {
      const src = keySource(svc, 'privileged');
      if (!src) return undefined;
      const desc = `Replace privileged: true with cap_add: [${cap}] in service "${svc.name}"`;
      if (!editable(src)) {
        const off = addScalarPair(src.layer.y, src.layer.map, 'privileged', 'false');
        const add = addEdits(cap);
        if (!off || !add) return undefined;
        return makeFix(`${desc} (the anchor is shared with other services, so the service overrides it)`, [...off, ...add], files());
      }
      const layer = { y: src.y, map: src.map };
      if (!hasCapKey()) return makeFix(desc, replacePairWithSeq(layer, 'privileged', 'cap_add', cap), files());
      const rm = removePair(src.y, src.map, src.pair);
      const add = addEdits(cap);
      if (!rm || !add) return undefined;
      return makeFix(desc, [...rm, ...add], files());
    },
    publishPort(port) {
      const l = [...svc.layers].reverse().find((x) => ownPair(x.map, 'ports')) ?? main;
      return makeFix(`Publish port ${port} on 127.0.0.1 for service "${svc.name}"`, ensureSeqItem(l.y, l.map, ['ports'], `"127.0.0.1:${port}:${port}"`), files());
    },
    bindPortToLoopback(port: PortMapping) {
      const file = port.span.file;
      const raw = file.text.slice(port.span.start, port.span.end);
      const m = /^(["']?)(.*?)(["']?)$/s.exec(raw);
      if (!m || raw.includes('\n')) return undefined;
      const hostPort = port.hostPort || port.containerPort;
      let value = `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}`;
      if (m[2]!.includes('$')) {
        // Written with variables: keep them, only the host address changes (never a value from .env).
        const parts = splitPortSpec(m[2]!);
        if (parts.length === 1) value = `127.0.0.1:${parts[0]}:${parts[0]}`;
        else if (parts.length === 2) value = `127.0.0.1:${parts[0]}:${parts[1]}`;
        else if (parts.length === 3 && parts[0]!.includes('$')) value = `127.0.0.1:${parts[1]}:${parts[2]}`;
        else return undefined;
      }
      const q = m[1] || '"';
      return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: `${q}${value}${q}` }], files());
    },
  };
}

// ---------- Kubernetes ----------

export interface K8sContainerRef {
  y: YamlFile;
  container: YAMLMap;
  name: string;
}

export function kubernetesEditor(ref: K8sContainerRef): LaunchEditor {
  const file = ref.y.file;
  const add = (cap: string): TextEdit[] | undefined => ensureSeqItem(ref.y, ref.container, ['securityContext', 'capabilities', 'add'], cap);
  const sc = (): YAMLMap | undefined => {
    const p = ownPair(ref.container, 'securityContext');
    return p && (p.value as YAMLMap | null)?.items ? (p.value as YAMLMap) : undefined;
  };
  return {
    addCapability(cap) {
      return makeFix(`Add ${cap} to securityContext.capabilities.add of container "${ref.name}"`, add(cap), [file]);
    },
    replaceSecurityOpt(opt, cap) {
      // seccompProfile: {type: Unconfined} → remove the seccompProfile and add the capability.
      const s = sc();
      const p = s ? ownPair(s, 'seccompProfile') : undefined;
      if (!s || !p) return undefined;
      const rm = removePair(ref.y, s, p);
      if (cap === undefined) return rm ? makeFix(`Remove seccompProfile Unconfined from container "${ref.name}"`, rm, [file]) : undefined;
      const a = add(cap);
      if (!rm || !a) return undefined;
      void opt;
      return makeFix(`Replace seccompProfile Unconfined with the ${cap} capability in container "${ref.name}"`, [...rm, ...a], [file]);
    },
    replacePrivileged(cap) {
      const s = sc();
      const p = s ? ownPair(s, 'privileged') : undefined;
      if (!s || !p) return undefined;
      const rm = removePair(ref.y, s, p);
      const a = add(cap);
      if (!rm || !a) return undefined;
      // Removing the only key would leave an empty map; removePair then adding keeps it valid.
      return makeFix(`Replace privileged: true with the ${cap} capability in container "${ref.name}"`, [...rm, ...a], [file]);
    },
  };
}

// ---------- devcontainer.json ----------

export function formattingOf(text: string): FormattingOptions {
  const m = /\n([ \t]+)"/.exec(text);
  const indent = m?.[1] ?? '\t';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

export interface DevcontainerRef {
  file: SourceFile;
  root: JNode;
  /** Is the capability already granted by something other than privileged (capAdd, runArgs, a feature or image)? */
  grantedWithoutPrivileged?: (cap: string) => boolean;
}

/** Remove the entry at path, or add/append a value, keeping the file's layout. */
function jsonModify(text: string, path: (string | number)[], value: unknown, isArrayInsertion = false): string {
  if (value === undefined) return removeAt(text, path);
  const last = path[path.length - 1];
  if (isArrayInsertion && typeof last === 'number') return appendItem(text, path.slice(0, -1), JSON.stringify(value));
  if (typeof last === 'string' && path.length === 1) return setProperty(text, last, JSON.stringify(value));
  return applyJsonEdits(text, modify(text, path, value, { formattingOptions: formattingOf(text), isArrayInsertion }));
}

/** Edits for a devcontainer.json, as a new text; undefined when the shape is unexpected. */
function devcontainerAddCap(text: string, root: JNode, cap: string): string | undefined {
  const arr = findNodeAtLocation(root, ['capAdd']);
  if (arr) {
    if (arr.type !== 'array') return undefined;
    if ((arr.children ?? []).some((c) => typeof c.value === 'string' && c.value.toUpperCase().replace(/^CAP_/, '') === cap)) return text;
    return jsonModify(text, ['capAdd', arr.children?.length ?? 0], cap, true);
  }
  return jsonModify(text, ['capAdd'], [cap]);
}

export function devcontainerEditor(ref: DevcontainerRef): LaunchEditor {
  const { file } = ref;
  const fix = (description: string, after: string | undefined): Fix | undefined => {
    if (after === undefined || after === file.text) return undefined;
    return makeFix(description, [{ path: file.path, start: 0, end: file.text.length, text: after }], [file]);
  };
  /** Indexes of runArgs entries that make up the option at span (one or two entries). */
  const runArgsIndexes = (span: { start: number }): number[] | undefined => {
    const runArgs = findNodeAtLocation(ref.root, ['runArgs']);
    const kids = runArgs?.children ?? [];
    const i = kids.findIndex((c) => c.offset <= span.start && span.start < c.offset + c.length);
    if (i < 0) return undefined;
    const v = String(kids[i]!.value);
    if (/^--(cap-add|security-opt|privileged)/.test(v) && (v.includes('=') || v === '--privileged')) return [i];
    if (/^--(cap-add|security-opt)$/.test(v)) return [i, i + 1];
    const prev = kids[i - 1];
    if (prev && /^--(cap-add|security-opt)$/.test(String(prev.value))) return [i - 1, i];
    return [i];
  };
  const removeRunArgs = (text: string, idx: number[]): string => {
    let t = text;
    for (const i of [...idx].sort((a, b) => b - a)) t = jsonModify(t, ['runArgs', i], undefined);
    return t;
  };
  const withCap = (text: string, cap: string): string | undefined => {
    if (ref.grantedWithoutPrivileged?.(cap)) return text;
    // Re-read the tree after earlier edits.
    const root = parseJsonc(text);
    return root ? devcontainerAddCap(text, root, cap) : undefined;
  };
  return {
    addCapability(cap) {
      return fix(`Add "capAdd": ["${cap}"] to ${file.path}`, devcontainerAddCap(file.text, ref.root, cap));
    },
    replaceSecurityOpt(opt: Valued<string>, cap) {
      let t = file.text;
      const so = findNodeAtLocation(ref.root, ['securityOpt']);
      const i = (so?.children ?? []).findIndex((c) => c.offset === opt.span.start);
      if (i >= 0) t = (so!.children!.length === 1) ? jsonModify(t, ['securityOpt'], undefined) : jsonModify(t, ['securityOpt', i], undefined);
      else {
        const idx = runArgsIndexes(opt.span);
        if (!idx) return undefined;
        t = removeRunArgs(t, idx);
      }
      if (cap === undefined) return fix(`Remove "${opt.value}"`, t);
      return fix(ref.grantedWithoutPrivileged?.(cap) ? `Remove "${opt.value}" (${cap} is already granted)` : `Replace "${opt.value}" with "capAdd": ["${cap}"]`, withCap(t, cap));
    },
    replacePrivileged(cap) {
      let t = file.text;
      if (findNodeAtLocation(ref.root, ['privileged'])) t = jsonModify(t, ['privileged'], undefined);
      else {
        const runArgs = findNodeAtLocation(ref.root, ['runArgs']);
        const i = (runArgs?.children ?? []).findIndex((c) => c.value === '--privileged' || c.value === '--privileged=true');
        if (i < 0) return undefined;
        t = removeRunArgs(t, [i]);
      }
      return fix(ref.grantedWithoutPrivileged?.(cap) ? `Remove privileged (${cap} is already granted)` : `Replace privileged with "capAdd": ["${cap}"]`, withCap(t, cap));
    },
    publishPort(port) {
      const fp = findNodeAtLocation(ref.root, ['forwardPorts']);
      const n = Number(port);
      const value = Number.isFinite(n) ? n : port;
      const after = fp ? jsonModify(file.text, ['forwardPorts', fp.children?.length ?? 0], value, true) : jsonModify(file.text, ['forwardPorts'], [value]);
      return fix(`Forward port ${port} in ${file.path}`, after);
    },
    bindPortToLoopback(port: PortMapping) {
      // appPort / runArgs entries that are exactly the port spec: rewrite the string.
      if (port.span.file !== file) return undefined;
      const raw = file.text.slice(port.span.start, port.span.end);
      let current: unknown;
      try { current = JSON.parse(raw); } catch { return undefined; }
      if (typeof current !== 'string' || !/^[^-]/.test(current)) return undefined;
      const hostPort = port.hostPort || port.containerPort;
      const value = `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}`;
      return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: JSON.stringify(value) }], [file]);
    },
  };
}

/**
 * Move runArgs entries (ignored when the dev container runs on Compose) into
 * capAdd / securityOpt / privileged, which do apply there.
 */
export function devcontainerMoveRunArgs(file: SourceFile, root: JNode, moved: Valued<string>[], caps: string[], secOpts: string[], privileged: boolean): Fix | undefined {
  const runArgs = findNodeAtLocation(root, ['runArgs']);
  const kids = runArgs?.children ?? [];
  const idx = new Set<number>();
  for (const m of moved) {
    const i = kids.findIndex((c) => c.offset === m.span.start);
    if (i < 0) continue;
    idx.add(i);
    const v = String(kids[i]!.value);
    if (/^--(cap-add|cap-drop|security-opt|user)$/.test(v) || v === '-u') idx.add(i + 1);
  }
  let t = file.text;
  if (idx.size >= kids.length) t = jsonModify(t, ['runArgs'], undefined);
  else for (const i of [...idx].sort((a, b) => b - a)) t = jsonModify(t, ['runArgs', i], undefined);
  for (const c of caps) {
    const r = parseJsonc(t);
    if (!r) return undefined;
    t = devcontainerAddCap(t, r, c) ?? t;
  }
  for (const s of secOpts) {
    const r = parseJsonc(t);
    const so = r ? findNodeAtLocation(r, ['securityOpt']) : undefined;
    if (so && (so.children ?? []).some((c) => c.value === s)) continue;
    t = so ? jsonModify(t, ['securityOpt', so.children?.length ?? 0], s, true) : jsonModify(t, ['securityOpt'], [s]);
  }
  if (privileged) t = jsonModify(t, ['privileged'], true);
  if (t === file.text) return undefined;
  return makeFix('Move these settings out of runArgs into properties that apply with Docker Compose', [{ path: file.path, start: 0, end: file.text.length, text: t }], [file]);
}

// ---------- docker/podman run lines ----------

export interface RunLineRef {
  file: SourceFile;
  /** Offset just after the `run` (or `create`) word. */
  insertAt: number;
  /** Spans of flags (with their separate values) for removal. */
  flags: Array<{ name: string; value: string; start: number; end: number }>;
}

function removeRange(file: SourceFile, start: number, end: number): TextEdit {
  // Also remove the whitespace before the flag (keep line continuations intact).
  let s = start;
  while (s > 0 && (file.text[s - 1] === ' ' || file.text[s - 1] === '\t')) s--;
  if (s > 0 && file.text[s - 1] === '\n') {
    // The flag starts its own continued line: remove the whole line instead.
    const ls = lineStart(file, positionAt(file, start).line);
    return { path: file.path, start: ls, end: lineEndWithBreak(file, end), text: '' };
  }
  return { path: file.path, start: s, end, text: '' };
}

export function runLineEditor(ref: RunLineRef): LaunchEditor {
  const { file } = ref;
  // Edits only where the file's text is the command as it was read: a command assembled from several strings
  // (a tasks.json `args` list, a package.json script with escapes) has its words at the quote they came from,
  // and an edit there would change the file's syntax, not the command.
  const atRunWord = file.text.slice(Math.max(0, ref.insertAt - 3), ref.insertAt) === 'run' || file.text.slice(Math.max(0, ref.insertAt - 6), ref.insertAt) === 'create';
  const written = (f: { name: string; start: number; end: number }): boolean => file.text.slice(f.start, f.end).startsWith(f.name);
  const addEdit = (cap: string): TextEdit => ({ path: file.path, start: ref.insertAt, end: ref.insertAt, text: ` --cap-add=${cap}` });
  const hasCap = (cap: string): boolean => ref.flags.some((f) => f.name === '--cap-add' && f.value.toUpperCase().replace(/^CAP_/, '') === cap);
  return {
    addCapability(cap) {
      if (!atRunWord) return undefined;
      return makeFix(`Add --cap-add=${cap} to the run command`, [addEdit(cap)], [file]);
    },
    replaceSecurityOpt(opt, cap) {
      const f = ref.flags.find((x) => x.name === '--security-opt' && x.start <= opt.span.start && opt.span.start < x.end);
      if (!f || !written(f) || (cap !== undefined && !atRunWord && !hasCap(cap))) return undefined;
      const edits = [removeRange(file, f.start, f.end)];
      if (cap === undefined) return makeFix(`Remove --security-opt ${opt.value}`, edits, [file]);
      if (!hasCap(cap)) edits.push(addEdit(cap));
      return makeFix(`Replace --security-opt ${opt.value} with --cap-add=${cap}`, edits, [file]);
    },
    replacePrivileged(cap) {
      const f = ref.flags.find((x) => x.name === '--privileged');
      if (!f || !written(f) || (!atRunWord && !hasCap(cap))) return undefined;
      const edits = [removeRange(file, f.start, f.end)];
      if (!hasCap(cap)) edits.push(addEdit(cap));
      return makeFix(`Replace --privileged with --cap-add=${cap}`, edits, [file]);
    },
    publishPort(port) {
      if (!atRunWord) return undefined;
      return makeFix(`Publish port ${port} on 127.0.0.1`, [{ path: file.path, start: ref.insertAt, end: ref.insertAt, text: ` -p 127.0.0.1:${port}:${port}` }], [file]);
    },
    bindPortToLoopback(port) {
      const hostPort = port.hostPort || port.containerPort;
      if (port.span.file !== file || !file.text.slice(port.span.start, port.span.end).includes(String(port.containerPort))) return undefined;
      return makeFix(`Publish port ${port.containerPort} on 127.0.0.1 only`, [{ path: file.path, start: port.span.start, end: port.span.end, text: `127.0.0.1:${hostPort}:${port.containerPort}${port.protocol !== 'tcp' ? `/${port.protocol}` : ''}` }], [file]);
    },
  };
}

// ---------- kubectl debug ----------

/** SYS_PTRACE for a `kubectl debug` container is its profile: `--profile=general` (replacing another profile). */
export function kubectlDebugEditor(file: SourceFile, insertAt: number, flags: Array<{ name: string; value: string; start: number; end: number; valueStart?: number }>): LaunchEditor {
  return {
    addCapability(cap) {
      if (cap !== 'SYS_PTRACE') return undefined;
      const profile = flags.find((f) => f.name === '--profile');
      if (profile) {
        const s = profile.valueStart ?? profile.start;
        if (file.text.slice(s, profile.end) !== profile.value) return undefined;
        return makeFix(`Use --profile=general (it adds SYS_PTRACE to the debug container)`, [{ path: file.path, start: s, end: profile.end, text: 'general' }], [file]);
      }
      return makeFix(`Add --profile=general (it adds SYS_PTRACE to the debug container)`, [{ path: file.path, start: insertAt, end: insertAt, text: ' --profile=general' }], [file]);
    },
    replaceSecurityOpt: () => undefined,
    replacePrivileged: () => undefined,
  };
}

// ---------- GitHub Actions job and service containers ----------

/**
 * The `options:` text of a workflow container with flags removed and one
 * added, as one edit of the text from its first word to the end of its last
 * (one edit, so that removing a flag and adding another never overlap). A
 * removed flag takes the blanks before it; one alone on its line of a block
 * scalar takes the line; the first takes the blanks after it.
 */
function optionsText(file: SourceFile, o: WorkflowOptions, remove: CommandFlag[], add: string | undefined): string | undefined {
  if (o.start === undefined || o.end === undefined) return undefined;
  const base = o.start;
  let t = file.text.slice(o.start, o.end);
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  for (const f of [...remove].sort((a, b) => b.start - a.start)) {
    let s = f.start - base;
    let e = f.end - base;
    if (s < 0 || e > t.length) return undefined;
    let before = s;
    while (before > 0 && blank(t[before - 1])) before--;
    if (before === 0) {
      while (e < t.length && (blank(t[e]) || t[e] === '\n' || t[e] === '\r')) e++;
      s = 0;
    } else if (t[before - 1] === '\n') {
      let after = e;
      while (after < t.length && blank(t[after])) after++;
      if (after === t.length || t[after] === '\n' || t[after] === '\r') {
        // Alone on its line: the line goes, with the break before it.
        s = before - 1;
        if (s > 0 && t[s - 1] === '\r') s--;
        e = after;
      } else e = after;
    } else s = before;
    t = t.slice(0, s) + t.slice(e);
  }
  if (add !== undefined) t = t === '' ? add : `${t} ${add}`;
  return t;
}

/** `container: IMAGE` written as a map with the image and `options: FLAG`, at the file's own indentation. */
function imageToMap(src: WorkflowSource, flag: string): TextEdit[] | undefined {
  const file = src.y.file;
  const k = src.pair.key as Node | null;
  const v = src.pair.value as Scalar | null;
  if (!k?.range || !v?.range || !isScalar(v) || !['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'].includes(String(v.type))) return undefined;
  const keyLine = positionAt(file, k.range[0]).line;
  if (positionAt(file, v.range[1]).line !== keyLine) return undefined;
  const indent = file.text.slice(lineStart(file, keyLine), k.range[0]);
  if (indent.trim() !== '' && !/^\s*-\s*$/.test(indent)) return undefined;
  const nl = eol(file);
  const pad = ' '.repeat(indent.length + mapIndent(src.y));
  const raw = file.text.slice(v.range[0], v.range[1]);
  // From just after the colon: the value moves under the key.
  const colon = file.text.lastIndexOf(':', v.range[0]);
  if (colon < k.range[1] - 1) return undefined;
  return [{ path: file.path, start: colon + 1, end: v.range[1], text: `${nl}${pad}image: ${raw}${nl}${pad}options: ${flag}` }];
}

export function workflowContainerEditor(src: WorkflowSource): LaunchEditor {
  const file = src.y.file;
  const o = src.options;
  const what = src.role === 'service' ? `service container "${src.service}" of job "${src.job}"` : `the container of job "${src.job}"`;
  const hasCap = (cap: string): boolean => (o?.flags ?? []).some((f) => f.name === '--cap-add' && f.value.split(',').some((v) => v.toUpperCase().replace(/^CAP_/, '') === cap || v.toUpperCase() === 'ALL'));
  const edit = (remove: CommandFlag[], add: string | undefined): TextEdit[] | undefined => {
    if (!o) {
      // No options yet: a new `options:` pair with the flag.
      if (remove.length > 0 || add === undefined) return undefined;
      if (src.map) return addScalarPair(src.y, src.map, 'options', add);
      return imageToMap(src, add);
    }
    const t = optionsText(file, o, remove, add);
    if (t === undefined) return undefined;
    if (t === '' && src.map) {
      // Nothing left: the pair goes rather than an empty `options:`.
      const pair = ownPair(src.map, 'options');
      return pair ? removePair(src.y, src.map, pair) : undefined;
    }
    return [{ path: file.path, start: o.start!, end: o.end!, text: t }];
  };
  return {
    addCapability(cap) {
      if (hasCap(cap)) return undefined;
      return makeFix(`Add --cap-add=${cap} to the options: of ${what}`, edit([], `--cap-add=${cap}`), [file]);
    },
    replaceSecurityOpt(opt, cap) {
      const f = o?.flags.find((x) => x.name === '--security-opt' && x.start <= opt.span.start && opt.span.start < x.end);
      if (!f) return undefined;
      const add = cap !== undefined && !hasCap(cap) ? `--cap-add=${cap}` : undefined;
      const desc = cap === undefined ? `Remove --security-opt ${opt.value} from the options: of ${what}` : `Replace --security-opt ${opt.value} with --cap-add=${cap} in the options: of ${what}`;
      return makeFix(desc, edit([f], add), [file]);
    },
    replacePrivileged(cap) {
      const f = o?.flags.find((x) => x.name === '--privileged');
      if (!f) return undefined;
      return makeFix(`Replace --privileged with --cap-add=${cap} in the options: of ${what}`, edit([f], hasCap(cap) ? undefined : `--cap-add=${cap}`), [file]);
    },
  };
}
