/**
 * `docker buildx bake` files as image builds: each `target` block (HCL) or
 * `target` object (JSON) is one ImageBuildSpec with its tags, Dockerfile,
 * context and stage, `inherits` and `${VAR}` interpolation resolved.
 *
 * How bake resolves these, read in docker/buildx at 461836b (bake/bake.go,
 * bake/hclparser, docs/bake-reference.md), and where this model differs:
 * - Files: with no `-f`, bake reads every one of compose.yaml…, then
 *   docker-bake.json, docker-bake.hcl, docker-bake.override.json,
 *   docker-bake.override.hcl found in the working directory and merges them
 *   in that order (bake.go defaultFilenames): a later file's target
 *   attributes override an earlier one's, variables are shared. So the bake
 *   files of one directory are read together here: the first of them present
 *   produces the specs of the merged set, the others none (an override file
 *   alone would otherwise yield a target with the default context and
 *   Dockerfile that bake never builds). Compose files in that set are left to
 *   the Compose model. A file with another name is read alone (a `-f` file).
 * - `context` is relative to the working directory bake runs in, not to the
 *   bake file (docs/bake-reference.md, target.context; relative to the file
 *   only with BUILDX_BAKE_FILE_RELATIVE_PATHS=1). The default file names are
 *   only found in the working directory, so for them the two agree; here it
 *   is always the file's directory. `cwd://` is stripped (the same directory).
 * - `dockerfile` is relative to the context (bake.go toBuildOpt joins it onto
 *   the context path) unless it starts with `cwd://` (then relative to the
 *   working directory) or is absolute; an empty one is `Dockerfile`
 *   (ResolveTarget). A remote context (a URL, git@…) builds nothing from the
 *   repository: both are left undefined.
 * - `dockerfile-inline` wins over `dockerfile` when both are set (the build
 *   reads the inline text); the spec then has `inline` and no dockerfile.
 * - `inherits`: the inherited targets are merged in order, then the target's
 *   own attributes (bake.go `target`); `tags` replace, never append (Merge).
 *   A cycle is cut where it closes (bake's visited map does the same).
 * - Variables: `variable "X" { default = … }` and top-level attributes
 *   (`X = "…"`, which override a variable's default: hcl_test.go
 *   TestHCLMultiFileAttrs). Bake lets the environment override both; a scan
 *   cannot know the environment, so defaults are used. A variable declared
 *   without a default is "" in bake unless the environment sets it; here it is
 *   unknown and `${X}` is left as written (the environment is what usually
 *   sets it, and "" would invent an image name). A tag or target with an
 *   unknown `${…}` keeps it as written; a context or Dockerfile path with one
 *   is undefined (no such path exists in the repository).
 * - Not modelled: matrix targets and `name` (their tags interpolate matrix
 *   values, left as written), user `function` blocks and calls (a tag that is
 *   not a string template is skipped), `--set` overrides, groups.
 */
import { posix } from 'node:path';
import { MAX_JSON_DEPTH, jsonDepth } from '../discover/index.js';
import { HclError, hclAttributes, hclBlocks, parseHcl, parseTemplate, unparen, type HclBody, type HclExpression, type HclTemplatePart } from '../parse/hcl.js';
import { parseFileTree, printParseErrorCode } from '../parse/jsonc-lib.js';
import type { SourceFile, Span, Valued } from '../types.js';
import type { ImageBuildSpec } from './images.js';
import { relativeTo, type Project } from './project.js';
import type { Node as JsonNode, ParseError as JsonParseError } from 'jsonc-parser';

/** The default bake files of a directory, in the order bake merges them (bake.go defaultFilenames, after the Compose names). */
export const BAKE_FILE_NAMES = ['docker-bake.json', 'docker-bake.hcl', 'docker-bake.override.json', 'docker-bake.override.hcl'] as const;

/** One piece of a string value: literal text, a variable reference, or something kept as written. */
type Seg = { text: string } | { name: string; raw: string } | { raw: string };

/** A string-valued attribute: its pieces (undefined: an expression this model cannot evaluate) and where it is. */
interface Str {
  segs?: Seg[];
  span: Span;
}

interface Attrs {
  context?: Str;
  dockerfile?: Str;
  inline?: Str;
  target?: Str;
  /** undefined items: elements that are not strings. */
  tags?: { items: Str[] };
  inherits?: Str[];
}

interface TargetDef {
  name: string;
  label: Span;
  /** One layer per block (or JSON object) defining the target, in merge order. */
  layers: Attrs[];
}

interface BakeDefs {
  /** Variable name → default (undefined: declared without one). */
  vars: Map<string, Str | undefined>;
  /** Top-level attributes, which take precedence over variable defaults. */
  attrs: Map<string, Str>;
  targets: Map<string, TargetDef>;
}

const NAME_RE = /^\s*([\p{ID_Start}_][\p{ID_Continue}-]*)\s*$/u;
const MAX_EXPANSION = 4096;
const MAX_VAR_DEPTH = 16;
const MAX_INHERIT_DEPTH = 64;

function segsOf(parts: HclTemplatePart[], source: string): Seg[] {
  return parts.map((p): Seg => {
    if (p.kind === 'literal') return { text: p.value };
    const raw = source.slice(p.start, p.end);
    const m = p.kind === 'interpolation' ? NAME_RE.exec(p.expr) : null;
    return m ? { name: m[1]!, raw } : { raw };
  });
}

// ---------------------------------------------------------------------------
// HCL

function hclStr(file: SourceFile, e: HclExpression): Str | undefined {
  const x = unparen(e);
  const span = { file, start: e.start, end: e.end };
  switch (x.type) {
    case 'template':
      return { segs: segsOf(x.parts, file.text), span };
    case 'number':
      return { segs: [{ text: x.raw }], span };
    case 'bool':
      return { segs: [{ text: String(x.value) }], span };
    case 'null':
      return undefined; // an attribute set to null is unset
    case 'traversal':
      return x.steps.length === 0 ? { segs: [{ name: x.root, raw: '${' + x.root + '}' }], span } : { span };
    default:
      return { span };
  }
}

function hclAttrs(file: SourceFile, body: HclBody): Attrs {
  const a = hclAttributes(body);
  const out: Attrs = {};
  const one = (key: string): Str | undefined => {
    const at = a.get(key);
    return at ? hclStr(file, at.expr) : undefined;
  };
  const context = one('context');
  const dockerfile = one('dockerfile');
  const inline = one('dockerfile-inline');
  const target = one('target');
  if (context) out.context = context;
  if (dockerfile) out.dockerfile = dockerfile;
  if (inline) out.inline = inline;
  if (target) out.target = target;
  const tags = a.get('tags');
  if (tags && unparen(tags.expr).type !== 'null') {
    const t = unparen(tags.expr);
    out.tags = { items: t.type === 'tuple' ? t.items.map((i) => hclStr(file, i)).filter((s): s is Str => s !== undefined) : [] };
  }
  const inh = a.get('inherits');
  if (inh) {
    const t = unparen(inh.expr);
    out.inherits = t.type === 'tuple' ? t.items.map((i) => hclStr(file, i)).filter((s): s is Str => s !== undefined) : [];
  }
  return out;
}

function readHcl(file: SourceFile, defs: BakeDefs): void {
  const body = parseHcl(file.text);
  for (const it of body.items) {
    if (it.type === 'attribute') {
      const s = hclStr(file, it.expr);
      if (s) defs.attrs.set(it.name, s);
    }
  }
  for (const b of hclBlocks(body, 'variable')) {
    const name = b.labels[0]?.value;
    if (name === undefined) continue;
    // A later declaration without a default keeps an earlier one's.
    const d = hclAttributes(b.body).get('default');
    if (d || !defs.vars.has(name)) defs.vars.set(name, d ? hclStr(file, d.expr) : undefined);
  }
  for (const b of hclBlocks(body, 'target')) {
    const label = b.labels[0];
    if (!label) continue;
    addTarget(defs, label.value, { file, start: label.start, end: label.end }, hclAttrs(file, b.body));
  }
}

function addTarget(defs: BakeDefs, name: string, label: Span, attrs: Attrs): void {
  const t = defs.targets.get(name);
  if (t) t.layers.push(attrs);
  else defs.targets.set(name, { name, label, layers: [attrs] });
}

// ---------------------------------------------------------------------------
// JSON (the HCL JSON profile: strings are templates)

function jsonSpan(file: SourceFile, n: JsonNode): Span {
  return { file, start: n.offset, end: n.offset + n.length };
}

function jsonStr(file: SourceFile, n: JsonNode | undefined): Str | undefined {
  if (!n || n.type === 'null') return undefined;
  const span = jsonSpan(file, n);
  if (n.type === 'string') {
    const v = String(n.value);
    let parts: HclTemplatePart[];
    try {
      parts = parseTemplate(v);
    } catch (e) {
      // The offset is into the string's value; the string itself is where to look.
      if (e instanceof HclError) throw new HclError(`${e.message} (in a JSON string)`, n.offset);
      throw e;
    }
    return { segs: segsOf(parts, v), span };
  }
  if (n.type === 'number' || n.type === 'boolean') return { segs: [{ text: String(n.value) }], span };
  return { span };
}

function jsonProps(n: JsonNode | undefined): Array<{ key: JsonNode; value: JsonNode }> {
  if (!n || n.type !== 'object') return [];
  const out: Array<{ key: JsonNode; value: JsonNode }> = [];
  for (const p of n.children ?? []) {
    const [key, value] = p.children ?? [];
    if (key && value) out.push({ key, value });
  }
  return out;
}

function jsonGet(n: JsonNode | undefined, key: string): JsonNode | undefined {
  let found: JsonNode | undefined;
  for (const p of jsonProps(n)) if (p.key.value === key) found = p.value; // the last one wins, as in JSON.parse
  return found;
}

/** A block in the JSON profile: an object, or an array of objects (one per block). */
function jsonBlocks(n: JsonNode): JsonNode[] {
  if (n.type === 'object') return [n];
  if (n.type === 'array') return (n.children ?? []).filter((c) => c.type === 'object');
  return [];
}

function jsonAttrs(file: SourceFile, o: JsonNode): Attrs {
  const out: Attrs = {};
  const context = jsonStr(file, jsonGet(o, 'context'));
  const dockerfile = jsonStr(file, jsonGet(o, 'dockerfile'));
  const inline = jsonStr(file, jsonGet(o, 'dockerfile-inline'));
  const target = jsonStr(file, jsonGet(o, 'target'));
  if (context) out.context = context;
  if (dockerfile) out.dockerfile = dockerfile;
  if (inline) out.inline = inline;
  if (target) out.target = target;
  const tags = jsonGet(o, 'tags');
  if (tags && tags.type !== 'null') out.tags = { items: tags.type === 'array' ? (tags.children ?? []).map((c) => jsonStr(file, c)).filter((s): s is Str => s !== undefined) : [] };
  const inh = jsonGet(o, 'inherits');
  if (inh) out.inherits = inh.type === 'array' ? (inh.children ?? []).map((c) => jsonStr(file, c)).filter((s): s is Str => s !== undefined) : [];
  return out;
}

const JSON_BLOCK_TYPES = new Set(['target', 'group', 'variable', 'function']);

function readJson(project: Project, file: SourceFile, defs: BakeDefs): boolean {
  if (jsonDepth(file.text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    project.problem({ path: file.path, reason: `is nested more than ${MAX_JSON_DEPTH} levels deep`, span: { file, start: 0, end: 0 } });
    return false;
  }
  const errors: JsonParseError[] = [];
  const root = parseFileTree(file, errors);
  const err = errors[0];
  if (err || !root) {
    const off = err?.offset ?? 0;
    project.problem({ path: file.path, reason: `could not be parsed as JSON: ${err ? printParseErrorCode(err.error) : 'no value'}`, span: { file, start: off, end: off } });
    return false;
  }
  for (const { key, value } of jsonProps(root)) {
    const k = String(key.value);
    if (!JSON_BLOCK_TYPES.has(k)) {
      const s = jsonStr(file, value);
      if (s) defs.attrs.set(k, s);
    }
  }
  const vars = jsonGet(root, 'variable');
  for (const { key, value } of jsonProps(vars)) {
    for (const b of jsonBlocks(value)) {
      const d = jsonGet(b, 'default');
      const name = String(key.value);
      if (d || !defs.vars.has(name)) defs.vars.set(name, d ? jsonStr(file, d) : undefined);
    }
  }
  for (const { key, value } of jsonProps(jsonGet(root, 'target'))) {
    for (const b of jsonBlocks(value)) addTarget(defs, String(key.value), jsonSpan(file, key), jsonAttrs(file, b));
  }
  return true;
}

// ---------------------------------------------------------------------------
// Evaluation

interface Expanded {
  value: string;
  /** Every reference was resolved. */
  complete: boolean;
}

class Vars {
  private readonly memo = new Map<string, Expanded | null>();
  constructor(private readonly defs: BakeDefs) {}

  /** A variable's value, or undefined when unknown (undeclared, no default, a cycle, too deep or too long). */
  private value(name: string, depth: number): Expanded | undefined {
    const m = this.memo.get(name);
    if (m !== undefined) return m ?? undefined;
    if (depth > MAX_VAR_DEPTH) return undefined;
    const src = this.defs.attrs.get(name) ?? this.defs.vars.get(name);
    if (!src?.segs) return undefined;
    this.memo.set(name, null); // in progress: a reference back to it is unknown
    const v = this.expandSegs(src.segs, depth + 1);
    const out = v.value.length > MAX_EXPANSION ? undefined : v;
    this.memo.set(name, out ?? null);
    return out;
  }

  private expandSegs(segs: Seg[], depth: number): Expanded {
    let value = '';
    let complete = true;
    for (const s of segs) {
      if ('text' in s) value += s.text;
      else if ('name' in s) {
        const v = this.value(s.name, depth);
        if (v) {
          value += v.value;
          complete &&= v.complete;
        } else {
          value += s.raw;
          complete = false;
        }
      } else {
        value += s.raw;
        complete = false;
      }
      if (value.length > MAX_EXPANSION) return { value: value.slice(0, MAX_EXPANSION), complete: false };
    }
    return { value, complete };
  }

  expand(s: Str): Expanded | undefined {
    return s.segs ? this.expandSegs(s.segs, 0) : undefined;
  }
}

function mergeAttrs(into: Attrs, from: Attrs): void {
  if (from.context) into.context = from.context;
  if (from.dockerfile) into.dockerfile = from.dockerfile;
  if (from.inline) into.inline = from.inline;
  if (from.target) into.target = from.target;
  if (from.tags) into.tags = from.tags;
}

/** A target's attributes with what it inherits merged in first. */
function resolveTarget(defs: BakeDefs, vars: Vars, name: string, visiting: Set<string>, memo: Map<string, Attrs>): Attrs {
  const hit = memo.get(name);
  if (hit) return hit;
  const def = defs.targets.get(name);
  if (!def || visiting.has(name) || visiting.size >= MAX_INHERIT_DEPTH) return {};
  visiting.add(name);
  // The target's layers first, so that its (merged) inherits list is known.
  const own: Attrs = {};
  let inherits: Str[] = [];
  for (const l of def.layers) {
    mergeAttrs(own, l);
    if (l.inherits) inherits = l.inherits;
  }
  const out: Attrs = {};
  for (const i of inherits) {
    const parent = vars.expand(i);
    if (parent?.complete) mergeAttrs(out, resolveTarget(defs, vars, parent.value, visiting, memo));
  }
  mergeAttrs(out, own);
  visiting.delete(name);
  memo.set(name, out);
  return out;
}

const REMOTE_RE = /^[A-Za-z][A-Za-z0-9+.-]+:|^git@|^github\.com\//;

/** Repository-relative context and Dockerfile paths of a target (see the notes at the top). */
function buildPaths(file: SourceFile, vars: Vars, a: Attrs): { context?: string; dockerfile?: string } {
  const ctx = a.context ? vars.expand(a.context) : { value: '.', complete: true };
  if (!ctx?.complete) return {};
  let local = ctx.value.startsWith('cwd://') ? ctx.value.slice('cwd://'.length) : ctx.value;
  if (local === '') local = '.';
  if (REMOTE_RE.test(local) || local.startsWith('/')) return {};
  const context = relativeTo(file.path, local);
  if (context === undefined) return {};
  if (a.inline) return { context };
  const df = a.dockerfile ? vars.expand(a.dockerfile) : { value: 'Dockerfile', complete: true };
  if (!df?.complete) return {};
  const d = df.value === '' ? 'Dockerfile' : df.value;
  let dockerfile: string | undefined;
  if (d.startsWith('cwd://')) dockerfile = relativeTo(file.path, d.slice('cwd://'.length));
  else if (!d.startsWith('/') && !REMOTE_RE.test(d)) dockerfile = relativeTo(file.path, local, d);
  // Without its Dockerfile the context says nothing a consumer could use (and must not be taken for `<context>/Dockerfile`).
  return dockerfile === undefined ? {} : { context, dockerfile };
}

function specs(defs: BakeDefs): ImageBuildSpec[] {
  const vars = new Vars(defs);
  const memo = new Map<string, Attrs>();
  const out: ImageBuildSpec[] = [];
  for (const def of defs.targets.values()) {
    const a = resolveTarget(defs, vars, def.name, new Set(), memo);
    const file = def.label.file;
    const tags: Valued<string>[] = [];
    for (const t of a.tags?.items ?? []) {
      const v = vars.expand(t);
      if (v && v.value !== '') tags.push({ value: v.value, span: t.span });
    }
    const target = a.target ? vars.expand(a.target) : undefined;
    const inline = a.inline ? vars.expand(a.inline) : undefined;
    const paths = buildPaths(file, vars, a);
    out.push({
      file,
      span: def.label,
      tags,
      ...(paths.dockerfile !== undefined ? { dockerfile: paths.dockerfile } : {}),
      ...(paths.context !== undefined ? { context: paths.context } : {}),
      ...(target && target.value !== '' ? { target: target.value } : {}),
      ...(inline && a.inline ? { inline: { value: inline.value, span: a.inline.span } } : {}),
      how: 'bake',
    });
  }
  return out;
}

/** The bake files read with this one (see the notes at the top): itself alone, or the default set of its directory; [] when another file of the set produces them. */
function bakeSet(project: Project, file: SourceFile): SourceFile[] | undefined {
  const base = posix.basename(file.path);
  if (!(BAKE_FILE_NAMES as readonly string[]).includes(base)) return [file];
  const dir = posix.dirname(file.path);
  const set: SourceFile[] = [];
  for (const name of BAKE_FILE_NAMES) {
    const p = dir === '.' ? name : `${dir}/${name}`;
    if (p === file.path) set.push(file);
    else {
      const f = project.file(p, file.kind);
      if (f) set.push(f);
    }
  }
  return set[0] === file ? set : undefined;
}

/**
 * The image builds a bake file declares, one per target. For a default-named
 * file the whole default set of its directory is merged, and only its first
 * file returns them (the others return []). A file that does not parse is a
 * problem (PTD900), and then no build of the set is returned: bake refuses
 * to run.
 */
export function bakeBuilds(project: Project, file: SourceFile): ImageBuildSpec[] {
  const set = bakeSet(project, file);
  if (!set) return [];
  const defs: BakeDefs = { vars: new Map(), attrs: new Map(), targets: new Map() };
  for (const f of set) {
    try {
      if (f.path.toLowerCase().endsWith('.json')) {
        if (!readJson(project, f, defs)) return [];
      } else readHcl(f, defs);
    } catch (e) {
      if (!(e instanceof HclError)) throw e;
      project.problem({ path: f.path, reason: `could not be parsed as HCL: ${e.message}`, span: { file: f, start: e.offset, end: e.offset } });
      return [];
    }
  }
  return specs(defs);
}
