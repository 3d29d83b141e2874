/**
 * Suppressions for the generic IaC scanners a repository also runs (issue #19
 * item 6). Those scanners flag every added capability, so the SYS_PTRACE that a
 * fix of ours grants would become a new finding of theirs; where the
 * repository shows that it runs one (its config or ignore file exists), the
 * fix also adds that tool's own suppression, with a reason, next to the grant.
 *
 * What each tool flags, and how it is told to skip a finding (docs/scanners.md
 * has the sources):
 *
 * | tool | file kinds | rule | suppression written here |
 * |---|---|---|---|
 * | checkov | Kubernetes | CKV_K8S_25 | `checkov.io/skipN: CKV_K8S_25=<reason>` in the resource's top-level `metadata.annotations` |
 * | trivy | Kubernetes | KSV-0022 (KSV022, AVD-KSV-0022) | its ignore file: `.trivyignore` lines, or a `.trivyignore.yaml` entry limited to the file |
 * | KICS | Compose, Kubernetes | ce76b7d0-…, 19ebaa28-… | `# kics-scan ignore-line <reason>` above the `cap_add:` / `add:` key (the line KICS reports) |
 * | compose-lint | Compose | CL-0027 | `.compose-lint.yml` `rules: CL-0027: exclude_services: {<service>: <reason>}` |
 *
 * Nothing is written for a file kind a tool does not scan (devcontainer.json,
 * `docker run` lines), for a Kubernetes ephemeral container (no tool checks
 * those), or where a suppression is already there. Scope differs by tool: a
 * `.trivyignore` line ignores KSV-0022 in every file, and KICS's ignore-line
 * ignores every KICS result on that line; the others are per resource/service.
 */
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq, parseAllDocuments } from '../parse/yaml-lib.js';
import { deref, keyOf, parseYaml, type YamlFile } from '../parse/yaml.js';
import { eol, lineContentEnd, lineStart, lineText, makeSourceFile, positionAt } from '../source.js';
import { mapIndent, seqIndent } from './yaml-edit.js';
import { applyEdits, lineEdits, lineHunks, splitLinesKeep } from './text.js';
import { validate } from './validate.js';
import { makeFix } from './editors.js';
import type { Project } from '../model/project.js';
import type { Fix, FileKind, SourceFile, TextEdit } from '../types.js';

export type Scanner = 'checkov' | 'trivy' | 'kics' | 'compose-lint';

/** Files (at the scanned root) whose presence shows that the repository runs the tool. */
export const SCANNER_FILES: Readonly<Record<Scanner, readonly string[]>> = {
  // checkov reads .checkov.yaml / .checkov.yml from the scanned directory (config_utils.py).
  checkov: ['.checkov.yaml', '.checkov.yml'],
  // trivy reads trivy.yaml and .trivyignore from where it runs; .trivyignore.yaml is passed with --ignorefile.
  trivy: ['trivy.yaml', '.trivyignore', '.trivyignore.yaml'],
  // `kics scan` picks up a kics.config at the scanned root.
  kics: ['kics.config'],
  // compose-lint reads only .compose-lint.yml from the working directory (config.py).
  'compose-lint': ['.compose-lint.yml'],
};

/** The reason written when the caller gives none (PTD001's: scannerReason('PTD001')). */
export const DEFAULT_REASON = 'SYS_PTRACE lets the debugger attach; debug-only container (added by ptrace-doctor PTD001)';

/**
 * The reason a rule's fix writes next to the grant: what the capability is for, what it replaces (`instead`:
 * "privileged mode"), and which rule added it. No `=` (checkov splits a skip on it) and one line.
 */
export function scannerReason(ruleId: string, instead?: string): string {
  return `SYS_PTRACE lets the debugger attach${instead ? `, instead of ${instead}` : ''}; debug-only container (added by ptrace-doctor ${ruleId})`;
}

export const CHECKOV_ID = 'CKV_K8S_25';
export const KICS_COMPOSE_ID = 'ce76b7d0-9e77-464d-b86f-c5c48e03e22d';
export const KICS_K8S_ID = '19ebaa28-fc86-4a58-bcfa-015c9e22fe40';
export const COMPOSE_LINT_ID = 'CL-0027';
/**
 * What trivy's ignore file is matched against: the check's ID and AVD ID, and
 * (newer trivy) its aliases. Up to trivy-checks v1 the ID is KSV022 and the AVD
 * ID AVD-KSV-0022; from v2 the ID is KSV-0022 with the old forms as aliases.
 * KSV-0022 plus AVD-KSV-0022 match either.
 */
export const TRIVY_IDS_WRITTEN = ['KSV-0022', 'AVD-KSV-0022'] as const;
const TRIVY_IDS_KNOWN = new Set(['KSV-0022', 'KSV022', 'AVD-KSV-0022', 'no-non-default-capabilities', 'kubernetes-no-non-default-capabilities']);
const CHECKOV_SKIP_PREFIXES = ['checkov.io/skip', 'bridgecrew.io/skip', 'cortex.io/skip'];

/**
 * Kinds the tool files are read as. No FileKind names a tool's config:
 * 'compose' is used for YAML only so that validate() parses it as YAML, 'env'
 * for plain text (validate() has nothing to check there).
 */
const YAML_TEXT: FileKind = 'compose';
const PLAIN_TEXT: FileKind = 'env';

const configured = new WeakMap<Project, Set<Scanner>>();

/** The scanners this repository runs, from the config/ignore files present (checked once per project). */
export function configuredScanners(project: Project): Set<Scanner> {
  let s = configured.get(project);
  if (!s) {
    s = new Set<Scanner>();
    for (const [tool, files] of Object.entries(SCANNER_FILES) as Array<[Scanner, readonly string[]]>) {
      if (files.some((f) => project.exists(f, f.endsWith('.yml') || f.endsWith('.yaml') ? YAML_TEXT : PLAIN_TEXT))) s.add(tool);
    }
    configured.set(project, s);
  }
  return s;
}

export interface ScannerSuppressions {
  /** Edits on `after`, for the file the grant goes into. */
  sameFile: TextEdit[];
  /** The tools' own files (as read) with their new text. Only files that exist are edited, never created. */
  otherFiles: Array<{ file: SourceFile; text: string }>;
  /** The reason as written (on one line). */
  reason: string;
  /** The tools a suppression was added for. */
  scanners: Scanner[];
}

/**
 * Extra edits so that a grant of SYS_PTRACE that our fix adds does not become a finding of those scanners:
 * `file` is the file the grant goes into, `after` its text with our fix applied, `grantOffset` the offset in
 * `after` of the grant's item (the `SYS_PTRACE` entry; several offsets when one fix adds several grants to the
 * file), `kind` the file's kind. Returns edits on `after` (for the same file) and, where a tool is suppressed
 * in its own file (trivy's ignore file, compose-lint's .compose-lint.yml), that file's new text, with the
 * reason as written. undefined when `after` does not parse or an offset is not an item of a `cap_add` /
 * `capabilities.add` list there. A tool whose suppression cannot be written safely (an odd shape, an edit
 * that would not parse) is left out; the others are still returned. Running it again on the result adds
 * nothing.
 */
export function scannerSuppressions(project: Project, file: SourceFile, after: string, grantOffset: number | readonly number[], kind: FileKind, reason: string): ScannerSuppressions | undefined {
  const why = oneLine(reason) || DEFAULT_REASON;
  const none: ScannerSuppressions = { sameFile: [], otherFiles: [], reason: why, scanners: [] };
  if (kind !== 'compose' && kind !== 'kubernetes') return none;
  const tools = configuredScanners(project);
  const relevant = ((kind === 'compose' ? ['kics', 'compose-lint'] : ['checkov', 'trivy', 'kics']) as Scanner[]).filter((t) => tools.has(t));
  if (relevant.length === 0) return none;
  const offsets = typeof grantOffset === 'number' ? [grantOffset] : [...grantOffset].sort((a, b) => a - b);
  const ctx: Context = { project, file, kind, reason: why, relevant, pending: new Map() };
  const scanners = new Set<Scanner>();
  let text = after;
  let edits: TextEdit[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const one = suppressOne(ctx, text, offsets[i]!);
    if (!one) return undefined;
    for (const t of one.scanners) scanners.add(t);
    if (one.edits.length === 0) continue;
    edits = one.edits;
    if (offsets.length === 1) break;
    // Later grants are found in the text with this one's suppressions: their offsets move by what was inserted before them.
    for (let j = i + 1; j < offsets.length; j++) {
      const o = offsets[j]!;
      offsets[j] = o + one.edits.reduce((n, e) => n + (e.end <= o ? e.text.length - (e.end - e.start) : 0), 0);
    }
    text = applyEdits(text, one.edits);
  }
  // Several grants: one edit that replaces the whole text (makeFix turns it into line edits).
  if (offsets.length > 1) edits = text === after ? [] : [{ path: file.path, start: 0, end: after.length, text }];
  return { sameFile: edits, otherFiles: [...ctx.pending.values()], reason: why, scanners: relevant.filter((t) => scanners.has(t)) };
}

interface Context {
  project: Project;
  file: SourceFile;
  kind: FileKind;
  reason: string;
  /** The configured tools that scan this kind of file. */
  relevant: Scanner[];
  /** The tools' own files as edited so far, by path. */
  pending: Map<string, { file: SourceFile; text: string }>;
}

/** Suppressions for one grant in `text`: edits on it, and the tools' files updated in ctx.pending. */
function suppressOne(ctx: Context, text: string, offset: number): { edits: TextEdit[]; scanners: Scanner[] } | undefined {
  const { file, kind, reason } = ctx;
  const src = makeSourceFile(file.path, file.abs, kind, text);
  let y: YamlFile;
  try {
    y = parseYaml(src);
  } catch {
    return undefined;
  }
  const at = locate(y, offset);
  if (!at) return undefined;
  const capPair = grantPair(at.steps, kind);
  if (!capPair) return undefined;
  const keys = at.steps.map((s) => (s.pair ? keyOf(s.pair) : undefined));
  const out: { edits: TextEdit[]; scanners: Scanner[] } = { edits: [], scanners: [] };
  if (kind === 'kubernetes' && keys.includes('ephemeralContainers')) return out;

  /** Add a tool's same-file edits only when the file, with them and every earlier one, still parses. */
  const addSame = (tool: Scanner, edits: TextEdit[]): void => {
    const all = [...out.edits, ...edits];
    let result: string;
    try {
      result = applyEdits(text, all);
    } catch {
      return;
    }
    if (validate(kind, result) !== undefined) return;
    out.edits = all;
    out.scanners.push(tool);
  };
  const addOther = (tool: Scanner, other: { file: SourceFile; text: string } | undefined, yaml: boolean): void => {
    if (!other || (yaml && validate(YAML_TEXT, other.text) !== undefined)) return;
    ctx.pending.set(other.file.path, other);
    out.scanners.push(tool);
  };

  for (const tool of ctx.relevant) {
    switch (tool) {
      case 'kics': {
        const e = kicsEdit(src, capPair.key as Node, kind === 'compose' ? KICS_COMPOSE_ID : KICS_K8S_ID, reason);
        if (e) addSame(tool, [e]);
        break;
      }
      case 'checkov': {
        const resource = resourceMap(at.steps);
        const e = resource ? checkovEdits(y, resource, reason) : undefined;
        if (e && e.length > 0) addSame(tool, e);
        break;
      }
      case 'trivy': {
        const t = trivyIgnore(ctx, file.path, reason);
        if (t) addOther(tool, t.other, t.yaml);
        break;
      }
      case 'compose-lint': {
        const services = composeServices(y, at.steps);
        if (services.length > 0) addOther(tool, composeLintConfig(ctx, services, reason), true);
        break;
      }
    }
  }
  return out;
}

/** The reason on one line, without characters that would end a comment or a scalar early. */
function oneLine(reason: string): string {
  return reason.replace(/[\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// ---------- where the grant is ----------

interface Step {
  map?: YAMLMap;
  pair?: Pair;
  seq?: YAMLSeq;
  index?: number;
}

function contains(n: Node | null | undefined, offset: number): boolean {
  const r = n?.range;
  return !!r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1);
}

/** The path from the document root to the scalar at offset. */
function locate(y: YamlFile, offset: number): { steps: Step[]; item: Scalar } | undefined {
  for (const doc of y.docs) {
    const steps: Step[] = [];
    let n = doc.contents as Node | null;
    for (let depth = 0; n && depth < 200; depth++) {
      if (isScalar(n)) {
        if (contains(n, offset)) return { steps, item: n as Scalar };
        break;
      }
      let next: Node | null = null;
      if (isMap(n)) {
        const map = n as YAMLMap;
        for (const p of map.items) {
          const v = p.value as Node | null;
          if (contains(v, offset)) {
            steps.push({ map, pair: p });
            next = v;
            break;
          }
        }
      } else if (isSeq(n)) {
        const seq = n as YAMLSeq;
        for (let i = 0; i < seq.items.length; i++) {
          const it = seq.items[i] as Node | null;
          if (contains(it, offset)) {
            steps.push({ seq, index: i });
            next = it;
            break;
          }
        }
      }
      n = next;
    }
  }
  return undefined;
}

/** The `cap_add:` (Compose) or `capabilities: add:` (Kubernetes) pair whose list holds the grant. */
function grantPair(steps: Step[], kind: FileKind): Pair | undefined {
  const last = steps[steps.length - 1];
  const pairStep = steps[steps.length - 2];
  if (!last?.seq || !pairStep?.pair) return undefined;
  const key = keyOf(pairStep.pair);
  if (kind === 'compose') return key === 'cap_add' ? pairStep.pair : undefined;
  const parent = steps[steps.length - 3]?.pair;
  return key === 'add' && parent && keyOf(parent) === 'capabilities' ? pairStep.pair : undefined;
}

/** The Kubernetes resource holding the grant: the innermost map with a `kind` (a List's item, or the document). */
function resourceMap(steps: Step[]): YAMLMap | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const m = steps[i]!.map;
    if (m && m.items.some((p) => keyOf(p) === 'kind')) return m;
  }
  return undefined;
}

/**
 * The Compose services that get the grant: the service whose `cap_add` it is,
 * or, for a `cap_add` in an anchor (`x-debug: &debug`), the services that merge
 * that anchor (`<<: *debug`) and have no `cap_add` of their own.
 */
function composeServices(y: YamlFile, steps: Step[]): string[] {
  const keys = steps.map((s) => (s.pair ? keyOf(s.pair) : undefined));
  if (steps.length === 4 && keys[0] === 'services' && keys[1] !== undefined && keys[2] === 'cap_add') return [keys[1]];
  const holder = steps[steps.length - 2]?.map;
  const root = steps[0]?.map;
  const services = root?.items.find((p) => keyOf(p) === 'services')?.value;
  if (!holder || !services || !isMap(services)) return [];
  const out: string[] = [];
  for (const p of (services as YAMLMap).items) {
    const name = keyOf(p);
    const svc = p.value;
    if (!name || !isMap(svc)) continue;
    const own = (svc as YAMLMap).items;
    if (own.some((q) => keyOf(q) === 'cap_add')) continue;
    const merge = own.find((q) => keyOf(q) === '<<');
    if (!merge) continue;
    const v = merge.value;
    const sources = isSeq(v) ? (v as YAMLSeq).items : [v];
    if (sources.some((s) => deref(y, s) === holder)) out.push(name);
  }
  return out;
}

// ---------- KICS ----------

/** Is this comment line a KICS `ignore-line` / `ignore-block` (for every query, or naming this one: `ignore-line=<id>`)? */
function kicsIgnores(line: string, queryId: string): boolean {
  const m = /^\s*(?:#|\/\/|;)+\s*kics-scan\s+ignore-(?:line|block)(=\S+)?/i.exec(line);
  return !!m && (!m[1] || m[1].toLowerCase().includes(queryId));
}

/**
 * `# kics-scan ignore-line <reason>` above the line KICS reports: the line of the
 * `cap_add:` / `add:` key (its searchKey ends there). KICS reads the comments
 * right above a node as its head comment; `ignore-line` ignores that node's
 * line. The command goes first in that comment block: KICS takes the first
 * `ignore-line` word when the block starts with the command, while a command
 * after other comment lines counts only when nothing follows it on its line.
 */
function kicsEdit(file: SourceFile, key: Node, queryId: string, reason: string): TextEdit | undefined {
  if (!key.range) return undefined;
  const keyLine = positionAt(file, key.range[0]).line;
  if (wholeFileIgnored(file)) return undefined;
  const indent = /^[ \t]*/.exec(lineText(file, keyLine))![0];
  // The comment lines right above the key (no blank line between) are its head comment: ours goes first.
  let top = keyLine;
  for (let l = keyLine - 1; l >= 1 && /^\s*#/.test(lineText(file, l)); l--) {
    const t = lineText(file, l);
    if (kicsIgnores(t, queryId)) return undefined; // already there
    top = l;
  }
  // The key line itself may carry a KICS command as a trailing comment (not a head comment: KICS ignores it there, but the author meant it).
  const own = lineText(file, keyLine);
  const hash = own.indexOf('#');
  if (hash >= 0 && kicsIgnores(own.slice(hash), queryId)) return undefined;
  const at = lineStart(file, top);
  return { path: file.path, start: at, end: at, text: `${indent}# kics-scan ignore-line ${reason}${eol(file)}` };
}

/** `# kics-scan ignore` (the whole file) in the comment lines that open it. */
function wholeFileIgnored(file: SourceFile): boolean {
  for (let l = 1; l <= file.lineStarts.length; l++) {
    const t = lineText(file, l).trim();
    if (t === '' || t === '---') continue;
    if (!t.startsWith('#')) return false;
    if (/kics-scan\s+ignore\s*$/i.test(t)) return true;
    if (/kics-scan\s+disable=/i.test(t) && (t.includes(KICS_COMPOSE_ID) || t.includes(KICS_K8S_ID))) return true;
  }
  return false;
}

// ---------- checkov ----------

/** Is a checkov skip of CKV_K8S_25 among these annotations? Any key containing a skip prefix, value `ID[=reason]`. */
function checkovSkipped(annotations: YAMLMap): boolean {
  return annotations.items.some((p) => {
    const k = keyOf(p);
    const v = isScalar(p.value) ? String((p.value as Scalar).value ?? '') : '';
    return !!k && CHECKOV_SKIP_PREFIXES.some((pre) => k.includes(pre)) && v.split('=')[0]!.trim() === CHECKOV_ID;
  });
}

function col(file: SourceFile, offset: number): number {
  return positionAt(file, offset).column - 1;
}

/** Back up over whitespace to the last meaningful character before offset. */
function lastContent(text: string, offset: number): number {
  let o = Math.min(offset, text.length);
  while (o > 0 && /\s/.test(text[o - 1]!)) o--;
  return Math.max(0, o - 1);
}

/** After a block map's last pair (its line's end) and the column of its keys. */
function endOfBlockMap(file: SourceFile, map: YAMLMap): { at: number; col: number } | undefined {
  const last = map.items[map.items.length - 1];
  const firstKey = map.items[0]?.key as Node | null;
  if (!last || !firstKey?.range) return undefined;
  const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  if (end === undefined) return undefined;
  return { at: lineContentEnd(file, lastContent(file.text, end)), col: col(file, firstKey.range[0]) };
}

/** Insert `entry` before a flow map's closing brace. */
function intoFlowMap(file: SourceFile, map: YAMLMap, entry: string): TextEdit | undefined {
  const r = map.range;
  if (!r) return undefined;
  let close = r[1] - 1;
  while (close > r[0] && file.text[close] !== '}') close--;
  if (file.text[close] !== '}') return undefined;
  const last = map.items[map.items.length - 1];
  if (!last) return { path: file.path, start: close, end: close, text: entry };
  const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  if (end === undefined) return undefined;
  const after = lastContent(file.text, end) + 1;
  return { path: file.path, start: after, end: after, text: `, ${entry}` };
}

/**
 * `checkov.io/skipN: "CKV_K8S_25=<reason>"` in the resource's own (top-level)
 * `metadata.annotations`, the only place checkov reads skips from for
 * Kubernetes; `annotations:` is added when missing. N is one more than the
 * highest `checkov.io/skipN` there. checkov splits the value on `=`, so the
 * reason has none.
 */
function checkovEdits(y: YamlFile, resource: YAMLMap, reason: string): TextEdit[] | undefined {
  const file = y.file;
  const nl = eol(file);
  const metaPair = resource.items.find((p) => keyOf(p) === 'metadata');
  const meta = metaPair?.value;
  if (!metaPair || !isMap(meta)) return undefined;
  const metadata = meta as YAMLMap;
  const annPair = metadata.items.find((p) => keyOf(p) === 'annotations');
  const ann = annPair?.value as Node | null | undefined;
  if (ann && !isMap(ann) && !(isScalar(ann) && ((ann as Scalar).value === null || (ann as Scalar).value === ''))) return undefined;
  const annotations = ann && isMap(ann) ? (ann as YAMLMap) : undefined;
  if (annotations && checkovSkipped(annotations)) return [];
  let n = 1;
  for (const p of annotations?.items ?? []) {
    const m = /^checkov\.io\/skip(\d+)$/.exec(keyOf(p) ?? '');
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  const value = JSON.stringify(`${CHECKOV_ID}=${reason.replace(/=/g, '-')}`);
  const entry = `checkov.io/skip${n}: ${value}`;
  const step = mapIndent(y);
  if (annotations) {
    if (annotations.flow) {
      const e = intoFlowMap(file, annotations, entry);
      return e ? [e] : undefined;
    }
    const p = endOfBlockMap(file, annotations);
    return p ? [{ path: file.path, start: p.at, end: p.at, text: `${nl}${' '.repeat(p.col)}${entry}` }] : undefined;
  }
  if (annPair) {
    // `annotations:` with no value: the entry goes under it.
    const k = annPair.key as Node | null;
    if (!k?.range || metadata.flow) return undefined;
    const at = lineContentEnd(file, k.range[1]);
    if (file.text.slice(k.range[1], at).includes('#')) return undefined;
    return [{ path: file.path, start: at, end: at, text: `${nl}${' '.repeat(col(file, k.range[0]) + step)}${entry}` }];
  }
  if (metadata.flow) {
    const e = intoFlowMap(file, metadata, `annotations: {${entry}}`);
    return e ? [e] : undefined;
  }
  const p = endOfBlockMap(file, metadata);
  if (!p) return undefined;
  return [{ path: file.path, start: p.at, end: p.at, text: `${nl}${' '.repeat(p.col)}annotations:${nl}${' '.repeat(p.col + step)}${entry}` }];
}

// ---------- the tools' own files (trivy, compose-lint) ----------

/**
 * A tool's file with its text: as edited by an earlier grant of this call, else as read; undefined when it
 * does not exist. A tool's file is only ever edited, never created: a fix edits files that are there (what
 * --fix writes, a suggestion, a SARIF fix), and a new file of a tool's would also change what the tool reads.
 */
function toolFile(ctx: Context, path: string, kind: FileKind): { file: SourceFile; text: string } | undefined {
  const p = ctx.pending.get(path);
  if (p) return p;
  const f = ctx.project.file(path, kind, { quiet: true });
  return f ? { file: f, text: f.text } : undefined;
}

/** The one YAML document of a tool's file (an empty or comment-only file gives a new one); undefined when it does not parse or holds several. */
function toolDoc(path: string, original: string | undefined): { doc: Document; y?: YamlFile } | undefined {
  const text = original ?? '';
  const stream = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const docs = (Array.isArray(stream) ? stream : [stream]) as Document[];
  if (docs.length === 0) {
    // Nothing but comments (kept above the new settings) or nothing at all.
    const doc = parseAllDocuments('{}')[0] as Document;
    doc.contents = doc.createNode({}) as never;
    const comment = (stream as { comment?: string | null }).comment;
    if (comment) doc.commentBefore = comment;
    return { doc };
  }
  if (docs.length !== 1 || docs[0]!.errors.length > 0) return undefined;
  const doc = docs[0]!;
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents as Scalar).value === null)) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) return undefined;
  blockIfEmpty(doc.contents as YAMLMap);
  return { doc, y: { file: makeSourceFile(path, path, YAML_TEXT, text), docs: [doc], budget: { aliases: 0 } } };
}

/** The document as text in the file's own indentation and line breaks. */
function docText(doc: Document, y: YamlFile | undefined, original: string | undefined): string {
  const s = doc.toString({ indent: y ? mapIndent(y) : 2, indentSeq: y ? seqIndent(y) > 0 : true, lineWidth: 0, flowCollectionPadding: y ? flowPadding(y) : true });
  return original?.includes('\r\n') ? s.replace(/\r?\n/g, '\r\n') : s;
}

/**
 * The edited document as the file's new text, with every line the edit does not change as the file has it:
 * the YAML library writes a whole document out again (one space before a trailing comment, its own quotes),
 * so its text of the document before the edit is diffed with its text after, and only those changed lines
 * are carried onto the file's own lines. The library's whole text when the file's lines cannot be matched
 * to it (or the result would not be the same document).
 */
function toolText(path: string, doc: Document, y: YamlFile | undefined, original: string): string {
  const modified = docText(doc, y, original);
  if (!y) return modified;
  const fresh = toolDoc(path, original);
  if (!fresh?.y) return modified;
  const baseline = docText(fresh.doc, fresh.y, original);
  if (baseline === original) return modified;
  const kept = ontoOwnLines(original, baseline, modified);
  return kept !== undefined && sameDocument(kept, modified) ? kept : modified;
}

/** The changes from `baseline` to `modified` applied to `original` (the same document, its lines written otherwise). */
function ontoOwnLines(original: string, baseline: string, modified: string): string | undefined {
  const o = splitLinesKeep(original);
  const b = splitLinesKeep(baseline);
  const m = splitLinesKeep(modified);
  const align = lineHunks(b, o);
  /**
   * The line boundary of `original` for a line boundary of `baseline` that no difference between the two
   * straddles; lines only the file has right there are kept before (`after`) or after the change.
   */
  const toOriginal = (k: number, after: boolean): number => {
    let d = 0;
    for (const h of align) {
      const extra = h.aStart === h.aEnd;
      if (extra ? h.aStart < k || (after && h.aStart === k) : h.aEnd <= k) d += h.bEnd - h.bStart - (h.aEnd - h.aStart);
    }
    return k + d;
  };
  const out: string[] = [];
  let at = 0;
  for (const c of lineHunks(b, m)) {
    // Widen the change over the lines the file writes otherwise than the library that it touches.
    let lo = c.aStart;
    let hi = c.aEnd;
    for (let moved = true; moved; ) {
      moved = false;
      for (const h of align) {
        if (h.aStart === h.aEnd) continue;
        const touches = lo === hi ? h.aStart < lo && lo < h.aEnd : h.aStart < hi && lo < h.aEnd;
        if (touches && (h.aStart < lo || h.aEnd > hi)) {
          lo = Math.min(lo, h.aStart);
          hi = Math.max(hi, h.aEnd);
          moved = true;
        }
      }
    }
    const oStart = toOriginal(lo, true);
    const oEnd = lo === hi ? oStart : toOriginal(hi, false);
    if (oStart < at || oEnd < oStart) return undefined;
    out.push(...o.slice(at, oStart), ...b.slice(lo, c.aStart), ...m.slice(c.bStart, c.bEnd), ...b.slice(c.aEnd, hi));
    at = oEnd;
  }
  out.push(...o.slice(at));
  return out.join('');
}

/** Do two texts hold the same YAML data (one document each)? */
function sameDocument(a: string, b: string): boolean {
  const data = (t: string): string | undefined => {
    const docs = parseAllDocuments(t, { prettyErrors: false, uniqueKeys: false });
    const list = (Array.isArray(docs) ? docs : [docs]) as Document[];
    if (list.length !== 1 || list[0]!.errors.length > 0) return undefined;
    return JSON.stringify(list[0]!.toJS({ maxAliasCount: 100 }));
  };
  const x = data(a);
  return x !== undefined && x === data(b);
}

/** Does the file write its flow collections with inner spaces (`{ a: 1 }`, yaml's default) or without (`{a: 1}`)? */
function flowPadding(y: YamlFile): boolean {
  const text = y.file.text;
  let found: boolean | undefined;
  const visit = (n: unknown, depth: number): void => {
    if (found !== undefined || depth > 50) return;
    if (isMap(n) || isSeq(n)) {
      const c = n as YAMLMap | YAMLSeq;
      if (c.flow && c.items.length > 0 && c.range) {
        found = /\s/.test(text[c.range[0] + 1] ?? ' ');
        return;
      }
      for (const it of c.items as unknown[]) {
        if (isMap(n)) visit((it as Pair).value, depth + 1);
        else visit(it, depth + 1);
      }
    }
  };
  for (const d of y.docs) visit(d.contents, 0);
  return found ?? true;
}

/** A map's own entry by key, as a map (created when missing); undefined when it is there but not a map. */
function childMap(doc: Document, parent: YAMLMap, key: string): YAMLMap | undefined {
  const p = parent.items.find((q) => keyOf(q) === key);
  if (!p) {
    const m = doc.createNode({}) as YAMLMap;
    parent.set(doc.createNode(key), m);
    return m;
  }
  if (p.value === null || (isScalar(p.value) && (p.value as Scalar).value === null)) {
    const m = doc.createNode({}) as YAMLMap;
    p.value = m;
    return m;
  }
  return isMap(p.value) ? blockIfEmpty(p.value as YAMLMap) : undefined;
}

/** An empty flow collection (`{}`, `[]`) that gets entries is written in block style, as a new one is. */
function blockIfEmpty<T extends YAMLMap | YAMLSeq>(c: T): T {
  if (c.items.length === 0) c.flow = false;
  return c;
}

/**
 * trivy: KSV-0022 in the ignore file trivy reads — `ignorefile:` of trivy.yaml,
 * else `.trivyignore` (trivy's default), else a `.trivyignore.yaml` the
 * repository passes with --ignorefile — when that file exists (it is never
 * created). A line of `.trivyignore` ignores the check everywhere; an entry of
 * `.trivyignore.yaml` is limited to the file (`paths`). trivy's Kubernetes
 * scanner reads no inline `trivy:ignore` comments (only its Terraform,
 * CloudFormation, Helm and Dockerfile scanners do), so none is written.
 */
function trivyIgnore(ctx: Context, grantPath: string, reason: string): { other: { file: SourceFile; text: string }; yaml: boolean } | undefined {
  const path = trivyIgnorePath(ctx.project);
  if (!path) return undefined;
  const yaml = /\.ya?ml$/.test(path);
  const f = toolFile(ctx, path, yaml ? YAML_TEXT : PLAIN_TEXT);
  if (!f) return undefined;
  if (!yaml) {
    const before = f.text;
    const present = before.split(/\r?\n/).some((l) => {
      const t = l.trim();
      return t !== '' && !t.startsWith('#') && TRIVY_IDS_KNOWN.has(t.split(/\s+/)[0]!);
    });
    if (present) return undefined;
    const nl = before.includes('\r\n') ? '\r\n' : '\n';
    const sep = before === '' ? '' : before.endsWith('\n') ? nl : nl + nl;
    const text = `${before}${sep}# ${reason} (${grantPath}; trivy applies a line of this file to every file)${nl}${TRIVY_IDS_WRITTEN.join(nl)}${nl}`;
    return { other: { file: f.file, text }, yaml };
  }
  const d = toolDoc(path, f.text);
  if (!d) return undefined;
  const root = d.doc.contents as YAMLMap;
  const p = root.items.find((q) => keyOf(q) === 'misconfigurations');
  let list: YAMLSeq;
  if (!p || p.value === null || (isScalar(p.value) && (p.value as Scalar).value === null)) {
    list = d.doc.createNode([]) as YAMLSeq;
    if (p) p.value = list;
    else root.set(d.doc.createNode('misconfigurations'), list);
  } else if (isSeq(p.value)) list = blockIfEmpty(p.value as YAMLSeq);
  else return undefined;
  // trivy matches `paths` as doublestar patterns: a path with a pattern character is written escaped.
  const pattern = globEscape(grantPath);
  const covered = list.items.some((it) => {
    if (!isMap(it)) return false;
    const m = it as YAMLMap;
    const id = m.get('id');
    if (typeof id !== 'string' || !TRIVY_IDS_KNOWN.has(id)) return false;
    const paths = m.get('paths');
    if (paths === undefined || paths === null) return true;
    return isSeq(paths) && (paths as YAMLSeq).items.some((x) => isScalar(x) && (String((x as Scalar).value) === pattern || String((x as Scalar).value) === grantPath));
  });
  if (covered) return undefined;
  for (const id of TRIVY_IDS_WRITTEN) list.add(d.doc.createNode({ id, paths: [pattern], statement: reason }));
  return { other: { file: f.file, text: toolText(path, d.doc, d.y, f.text) }, yaml };
}

/** A path as a doublestar pattern that matches only itself (`\\` escapes the next character). */
function globEscape(path: string): string {
  return path.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
}

/** Which ignore file trivy reads in this repository; undefined when trivy.yaml names one outside it. */
function trivyIgnorePath(project: Project): string | undefined {
  const cfg = project.file('trivy.yaml', YAML_TEXT, { quiet: true });
  if (cfg) {
    try {
      const y = parseYaml(makeSourceFile(cfg.path, cfg.abs, YAML_TEXT, cfg.text));
      const c = y.docs[0]?.contents;
      const v = c && isMap(c) ? (c as YAMLMap).get('ignorefile') : undefined;
      if (typeof v === 'string' && v.trim() !== '') {
        const norm = project.ws.normalize(v.trim());
        return norm ? norm : undefined;
      }
    } catch {
      // An unreadable trivy.yaml: trivy fails on it too; the default applies here.
    }
  }
  if (project.exists('.trivyignore', PLAIN_TEXT)) return '.trivyignore';
  if (project.exists('.trivyignore.yaml', YAML_TEXT)) return '.trivyignore.yaml';
  return '.trivyignore';
}

/**
 * compose-lint: `rules: CL-0027: exclude_services: {<service>: <reason>}` in
 * `.compose-lint.yml` (edited through the yaml Document API, so its comments
 * stay). A list-form `exclude_services` gets the name, with the reason as its
 * comment. Nothing when the rule is off (`enabled: false`) or the service is
 * already excluded. The file is only ever edited, never created: it is what
 * shows that compose-lint runs here.
 */
function composeLintConfig(ctx: Context, services: string[], reason: string): { file: SourceFile; text: string } | undefined {
  const f = toolFile(ctx, '.compose-lint.yml', YAML_TEXT);
  if (!f) return undefined;
  const d = toolDoc(f.file.path, f.text);
  if (!d) return undefined;
  const root = d.doc.contents as YAMLMap;
  const rules = childMap(d.doc, root, 'rules');
  if (!rules) return undefined;
  const existing = rules.items.find((q) => keyOf(q) === COMPOSE_LINT_ID)?.value;
  if (existing && isMap(existing) && (existing as YAMLMap).get('enabled') === false) return undefined;
  const rule = childMap(d.doc, rules, COMPOSE_LINT_ID);
  if (!rule) return undefined;
  const ex = rule.items.find((q) => keyOf(q) === 'exclude_services');
  let changed = false;
  if (ex && isSeq(ex.value)) {
    const seq = ex.value as YAMLSeq;
    for (const s of services) {
      if (seq.items.some((x) => isScalar(x) && String((x as Scalar).value) === s)) continue;
      const node = d.doc.createNode(s) as Scalar;
      node.comment = ` ${reason}`;
      seq.add(node);
      changed = true;
    }
  } else {
    const map = childMap(d.doc, rule, 'exclude_services');
    if (!map) return undefined;
    for (const s of services) {
      if (map.items.some((q) => keyOf(q) === s)) continue;
      map.set(d.doc.createNode(s), d.doc.createNode(reason));
      changed = true;
    }
  }
  return changed ? { file: f.file, text: toolText(f.file.path, d.doc, d.y, f.text) } : undefined;
}

// ---------- wiring: the fixes that grant SYS_PTRACE ----------

const TOOL_NAMES: Readonly<Record<Scanner, string>> = { checkov: 'checkov', trivy: 'trivy', kics: 'KICS', 'compose-lint': 'compose-lint' };

/**
 * `fix` (an editor's, with its own edits in `raw`) with the suppressions of the scanners this repository runs
 * added for each SYS_PTRACE grant it writes in a Compose file or a Kubernetes manifest: one fix, whose edits
 * may span the tools' own files (trivy's ignore file, .compose-lint.yml), so that what is previewed is what
 * --fix writes. The fix itself, unchanged, when the repository configures none of the tools, when the fix
 * writes no grant such a tool reads, or when every suppression is already there.
 */
export function withScannerSuppressions(project: Project, fix: Fix | undefined, reason: string): Fix | undefined {
  if (!fix?.raw || !fix.files || configuredScanners(project).size === 0) return fix;
  const files = fix.files;
  const edits: TextEdit[] = [];
  const toolEdits = new Map<string, { file: SourceFile; edits: TextEdit[] }>();
  const added = new Set<Scanner>();
  for (const path of [...new Set(fix.raw.map((e) => e.path))]) {
    const mine = fix.raw.filter((e) => e.path === path);
    const file = files.find((f) => f.path === path);
    const g = file && (file.kind === 'compose' || file.kind === 'kubernetes') ? grantsIn(file.text, mine) : undefined;
    const r = g ? scannerSuppressions(project, file!, g.after, g.offsets, file!.kind, reason) : undefined;
    if (!g || !r || r.scanners.length === 0) {
      edits.push(...mine);
      continue;
    }
    edits.push(...(r.sameFile.length > 0 ? onScannedText(file!, mine, g.after, r.sameFile) : mine));
    for (const o of r.otherFiles) {
      // One change of a tool's file per fix (a second grant file's would overlap it); never a file the fix edits itself.
      if (toolEdits.has(o.file.path) || files.some((f) => f.path === o.file.path)) continue;
      toolEdits.set(o.file.path, { file: o.file, edits: lineEdits(o.file.path, o.file.text, o.text) });
    }
    for (const t of r.scanners) added.add(t);
  }
  if (added.size === 0) return fix;
  const names = (Object.keys(TOOL_NAMES) as Scanner[]).filter((t) => added.has(t)).map((t) => TOOL_NAMES[t]);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const description = `${fix.description}; and suppress it, with a reason, in ${list} (${names.length === 1 ? 'it flags' : 'they flag'} every added capability)`;
  const all = [...edits, ...[...toolEdits.values()].flatMap((t) => t.edits)];
  return makeFix(description, all, [...files, ...[...toolEdits.values()].map((t) => t.file)]) ?? fix;
}

/** Where the SYS_PTRACE items the edits write are in the edited text (the last one of each edit's text). */
function grantsIn(text: string, edits: TextEdit[]): { after: string; offsets: number[] } | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const offsets: number[] = [];
  let shift = 0;
  for (const e of sorted) {
    const m = [...e.text.matchAll(/(?<![A-Za-z0-9_])(?:CAP_)?SYS_PTRACE(?![A-Za-z0-9_])/gi)].pop();
    if (m) offsets.push(e.start + shift + m.index);
    shift += e.text.length - (e.end - e.start);
  }
  if (offsets.length === 0) return undefined;
  try {
    return { after: applyEdits(text, sorted), offsets };
  } catch {
    return undefined;
  }
}

/**
 * Edits on the file as scanned that make both `raw` (the fix's own edits) and `extra` (insertions on the text
 * after them): an insertion that falls in (or at either end of) a raw edit's new text goes into that text, the
 * others move back by what the raw edits before them changed. So the fix keeps its own small edits (two fixes
 * on one line can still be merged, fix/settle.ts); the line edits between the two texts when that is not possible.
 */
function onScannedText(file: SourceFile, raw: TextEdit[], after: string, extra: TextEdit[]): TextEdit[] {
  const final = applyEdits(after, extra);
  const sorted = [...raw].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Array<{ edit: TextEdit; a: number; b: number; shiftAfter: number; inner: TextEdit[] }> = [];
  let shift = 0;
  for (const edit of sorted) {
    const a = edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
    spans.push({ edit, a, b: a + edit.text.length, shiftAfter: shift, inner: [] });
  }
  const outside: TextEdit[] = [];
  let ok = true;
  for (const x of extra) {
    if (x.start !== x.end) {
      ok = false;
      break;
    }
    const s = spans.find((sp) => sp.a <= x.start && x.start <= sp.b);
    if (s) {
      s.inner.push({ ...x, start: x.start - s.a, end: x.start - s.a });
      continue;
    }
    let d = 0;
    for (const sp of spans) if (sp.b < x.start) d = sp.shiftAfter;
    outside.push({ path: file.path, start: x.start - d, end: x.start - d, text: x.text });
  }
  if (ok) {
    const merged = [...spans.map((sp) => (sp.inner.length > 0 ? { ...sp.edit, text: applyEdits(sp.edit.text, sp.inner) } : sp.edit)), ...outside];
    try {
      if (applyEdits(file.text, merged) === final) return merged;
    } catch {
      // Fall through to the line edits.
    }
  }
  return lineEdits(file.path, file.text, final);
}
