/**
 * Where a file's comments are and which block each line starts, read from
 * the file's own structure: YAML through the `yaml` parser (comments from its
 * concrete syntax tree, blocks from the Document's node ranges), JSON with
 * comments through jsonc-parser, Dockerfiles through dockerfile-ast (a FROM
 * starts a stage that runs to the next FROM), shell through the project's
 * shell splitter, Makefiles and justfiles by their line grammar (a target or
 * recipe header and the recipe lines under it).
 *
 * The suppression engine (directives.ts) uses it: a comment on the line above
 * a block covers the whole block.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { Document } from 'yaml';
import { splitShell } from '../parse/shell.js';
import { isPair, isSeq, visit, yamlComments } from '../parse/yaml-lib.js';
import { jsoncComments, parseTree } from '../parse/jsonc-lib.js';
import { positionAt } from '../source.js';
import type { SourceFile } from '../types.js';

export interface Range {
  start: number;
  end: number;
}

export interface Structure {
  /** Every comment, in source order (offsets of the comment marker to the end of the comment). */
  comments: Range[];
  /** The end offset of the block whose first line is `line` (1-based), if one starts there. */
  blockEnd(line: number): number | undefined;
}

/** justfile, .justfile, Justfile, *.just: just's own names for its files. */
export function isJustfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base === 'justfile' || base === '.justfile' || base.endsWith('.just');
}

/** The structure of a file as its format defines it; `yamlDocs` are the project's parse of a YAML file (parsed here when absent). */
export function structureOf(file: SourceFile, yamlDocs?: Document[]): Structure {
  if (file.kind === 'justfile' || isJustfile(file.path)) return justfileStructure(file);
  switch (file.kind) {
    case 'compose':
    case 'kubernetes':
    case 'workflow':
    case 'taskfile':
    case 'gitlab-ci':
    case 'skaffold':
    case 'okteto':
    case 'devspace':
      return yamlStructure(file, yamlDocs);
    case 'devcontainer':
    case 'vscode-launch':
    case 'vscode-tasks':
    case 'seccomp':
    case 'package-json':
      return jsoncStructure(file);
    case 'markdown':
      // Markdown is read only for the build commands in its code blocks; a `#` line is a heading, not a comment.
      return { comments: [], blockEnd: () => undefined };
    case 'dockerfile':
      return dockerfileStructure(file);
    case 'makefile':
      return makefileStructure(file);
    case 'shell':
      return shellStructure(file);
    default:
      return byExtension(file);
  }
}

/**
 * A kind of file this module does not know yet (the model learns new ones):
 * YAML and JSON by their extension, anything else as `#`-comment lines, each
 * covering the line below (no blocks). Add the kind above to give it blocks.
 */
function byExtension(file: SourceFile): Structure {
  const lower = file.path.toLowerCase();
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return yamlStructure(file, undefined);
  if (lower.endsWith('.json')) return jsoncStructure(file);
  const comments: Range[] = [];
  const total = lineCount(file);
  for (let l = 1; l <= total; l++) {
    const ln = lineAt(file, l);
    const at = ln.text.search(/\S/);
    if (at >= 0 && ln.text[at] === '#') comments.push({ start: ln.start + at, end: ln.end });
  }
  return { comments, blockEnd: () => undefined };
}

/** Per line, the furthest end of a block that starts on it. */
class LineBlocks {
  private readonly ends = new Map<number, number>();
  constructor(private readonly file: SourceFile) {}
  add(start: number, end: number): void {
    if (!(end > start)) return;
    const line = positionAt(this.file, start).line;
    if ((this.ends.get(line) ?? -1) < end) this.ends.set(line, end);
  }
  get(line: number): number | undefined {
    return this.ends.get(line);
  }
}

// ---------------------------------------------------------------------------
// YAML: a key covers its value, a list item the whole item.

function yamlStructure(file: SourceFile, docs: Document[] | undefined): Structure {
  const comments = yamlComments(file.text);
  let blocks: LineBlocks | undefined;
  const build = (): LineBlocks => {
    const b = new LineBlocks(file);
    for (const doc of docs ?? []) {
      visit(doc, {
        Pair: (_k, pair) => {
          if (!isPair(pair)) return;
          const k = (pair.key as { range?: [number, number, number] } | null)?.range;
          const v = (pair.value as { range?: [number, number, number] } | null)?.range;
          const start = k?.[0] ?? v?.[0];
          const end = v?.[1] ?? k?.[1];
          if (start !== undefined && end !== undefined) b.add(start, end);
        },
        Seq: (_k, seq) => {
          if (!isSeq(seq)) return;
          for (const item of seq.items) {
            const r = (item as { range?: [number, number, number] } | null)?.range;
            if (r) b.add(r[0], r[1]);
          }
        },
      });
    }
    return b;
  };
  return { comments, blockEnd: (line) => (blocks ??= build()).get(line) };
}

// ---------------------------------------------------------------------------
// JSON with comments: a property covers its value, an array element itself.

interface JNode { type: string; offset: number; length: number; children?: JNode[] }

function jsoncStructure(file: SourceFile): Structure {
  const comments = jsoncComments(file.text);
  let blocks: LineBlocks | undefined;
  const build = (): LineBlocks => {
    const b = new LineBlocks(file);
    const root = parseTree(file.text, [], { allowTrailingComma: true, disallowComments: false }) as JNode | undefined;
    const stack: Array<{ n: JNode; depth: number; parent?: string }> = root ? [{ n: root, depth: 0 }] : [];
    while (stack.length > 0) {
      const { n, depth, parent } = stack.pop()!;
      if (depth > 256) continue;
      if (n.type === 'property' || parent === 'array') b.add(n.offset, n.offset + n.length);
      for (const c of n.children ?? []) stack.push({ n: c, depth: depth + 1, parent: n.type });
    }
    return b;
  };
  return { comments, blockEnd: (line) => (blocks ??= build()).get(line) };
}

// ---------------------------------------------------------------------------
// Dockerfile: FROM starts a stage that runs to the next FROM; any other
// instruction covers its continuation lines.

type LspPos = { line: number; character: number };

function dockerfileStructure(file: SourceFile): Structure {
  const df = DockerfileParser.parse(file.text);
  const off = (p: LspPos): number => (file.lineStarts[p.line] ?? file.text.length) + p.character;
  const seen = new Set<number>();
  const comments: Range[] = [];
  const push = (r: Range): void => {
    if (seen.has(r.start)) return;
    seen.add(r.start);
    comments.push(r);
  };
  for (const c of df.getComments()) {
    const r = c.getRange();
    push({ start: off(r.start), end: off(r.end) });
  }
  const instructions = df.getInstructions().map((ins) => {
    const r = ins.getRange();
    return { keyword: ins.getKeyword().toUpperCase(), start: off(r.start), end: off(r.end), argsAt: ins.getArgumentsRange() ? off(ins.getArgumentsRange()!.start) : off(r.end) };
  });
  // A shell comment after a shell-form command (`RUN go install …@latest # why`) is a comment too.
  for (const ins of instructions) {
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(ins.keyword) || file.text[ins.argsAt] === '[') continue;
    splitShell(file.text.slice(ins.argsAt, ins.end), { base: ins.argsAt, onComment: (start, end) => push({ start, end }) });
  }
  comments.sort((a, b) => a.start - b.start);
  const b = new LineBlocks(file);
  const froms = instructions.filter((i) => i.keyword === 'FROM');
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const next = froms.find((f) => f.start > ins.start);
      const stageEnd = next ? lastContentBefore(file, next.start) : file.text.length;
      b.add(ins.start, Math.max(ins.end, stageEnd));
    } else b.add(ins.start, ins.end);
  }
  return { comments, blockEnd: (line) => b.get(line) };
}

/** The end of the content before `offset`, skipping back over blank lines and comment lines. */
function lastContentBefore(file: SourceFile, offset: number): number {
  let line = positionAt(file, offset).line - 1;
  while (line >= 1) {
    const t = lineAt(file, line);
    if (t.text.trim() !== '' && !t.text.trimStart().startsWith('#')) return t.end;
    line--;
  }
  return 0;
}

function lineAt(file: SourceFile, line: number): { start: number; end: number; text: string } {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  let end = file.lineStarts[line] ?? file.text.length;
  while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r')) end--;
  return { start, end, text: file.text.slice(start, end) };
}

function lineCount(file: SourceFile): number {
  const n = file.lineStarts.length;
  return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}

// ---------------------------------------------------------------------------
// Shell scripts: a command covers its continuation lines.

function shellStructure(file: SourceFile): Structure {
  const comments: Range[] = [];
  const b = new LineBlocks(file);
  for (const c of splitShell(file.text, { onComment: (start, end) => comments.push({ start, end }) })) b.add(c.start, c.end);
  return { comments, blockEnd: (line) => b.get(line) };
}

// ---------------------------------------------------------------------------
// Makefiles: a target covers its recipe; a recipe line its continuations.

const MAKE_DIRECTIVES = new Set(['ifeq', 'ifneq', 'ifdef', 'ifndef', 'else', 'endif', 'define', 'endef', 'include', '-include', 'sinclude', 'override', 'export', 'unexport', 'vpath', 'undefine', 'private']);

/** Logical lines: physical lines joined by a trailing backslash. */
function logicalLines(file: SourceFile): Array<{ first: number; last: number; start: number; end: number; text: string }> {
  const out: Array<{ first: number; last: number; start: number; end: number; text: string }> = [];
  const total = lineCount(file);
  for (let l = 1; l <= total; l++) {
    const first = l;
    let cur = lineAt(file, l);
    const start = cur.start;
    while (cur.text.endsWith('\\') && l < total) cur = lineAt(file, ++l);
    out.push({ first, last: l, start, end: cur.end, text: file.text.slice(start, cur.end) });
  }
  return out;
}

/** Is this (non-recipe) logical line a rule header `targets: prerequisites`? */
export function isMakeRule(text: string): boolean {
  const t = text.trimStart();
  if (t === '' || t.startsWith('#')) return false;
  const first = /^[^\s:=]+/.exec(t)?.[0] ?? '';
  if (MAKE_DIRECTIVES.has(first)) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '#') return false;
    if (c === '$' && (t[i + 1] === '(' || t[i + 1] === '{')) { depth++; i++; continue; }
    if (depth > 0) {
      if (c === ')' || c === '}') depth--;
      continue;
    }
    if (c === '=') return false; // A = b:c, A ?= …, A += …
    if (c === ':') return !(t[i + 1] === '=' || (t[i + 1] === ':' && t[i + 2] === '='));
  }
  return false;
}

/** Offset of a make comment (`#` not escaped with a backslash) in a line that is not a recipe line. */
function makeCommentAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === '#') return i;
  }
  return -1;
}

function makefileStructure(file: SourceFile): Structure {
  const comments: Range[] = [];
  const b = new LineBlocks(file);
  let rule: { start: number; end: number } | undefined;
  const close = (): void => {
    if (rule) b.add(rule.start, rule.end);
    rule = undefined;
  };
  for (const ll of logicalLines(file)) {
    if (ll.text.startsWith('\t') && rule) {
      splitShell(ll.text.slice(1), { base: ll.start + 1, make: true, onComment: (start, end) => comments.push({ start, end }) });
      b.add(ll.start, ll.end);
      rule.end = ll.end;
      continue;
    }
    const blank = ll.text.trim() === '';
    const at = makeCommentAt(ll.text);
    if (at >= 0) comments.push({ start: ll.start + at, end: ll.end });
    // Blank lines and comment lines do not end a recipe.
    if (blank || (at >= 0 && ll.text.slice(0, at).trim() === '')) continue;
    close();
    if (isMakeRule(ll.text)) rule = { start: ll.start, end: ll.end };
    else b.add(ll.start, ll.end);
  }
  close();
  return { comments, blockEnd: (line) => b.get(line) };
}

// ---------------------------------------------------------------------------
// justfiles: a recipe header (after its [attribute] lines) covers the
// indented body under it.

const JUST_STATEMENTS = /^(set|alias|export|import|mod)(\s|$|\?)/;

/** Is this unindented line a recipe header `name params: dependencies`? */
export function isJustRecipe(text: string): boolean {
  if (text === '' || /^\s/.test(text) || text.startsWith('#') || text.startsWith('[') || JUST_STATEMENTS.test(text)) return false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#') return false;
    else if (c === ':') return text[i + 1] !== '=';
  }
  return false;
}

function justfileStructure(file: SourceFile): Structure {
  const comments: Range[] = [];
  const b = new LineBlocks(file);
  const total = lineCount(file);
  const attrStart: number[] = [];
  for (let l = 1; l <= total; l++) {
    const ln = lineAt(file, l);
    const t = ln.text;
    if (t.trim() === '') continue;
    if (/^\s/.test(t)) {
      // A body line outside a recipe (stray indentation): its shell comment is still a comment.
      splitShell(t, { base: ln.start, onComment: (start, end) => comments.push({ start, end }) });
      continue;
    }
    if (t.startsWith('#')) {
      comments.push({ start: ln.start, end: ln.end });
      continue;
    }
    if (t.startsWith('[')) {
      attrStart.push(ln.start);
      continue;
    }
    if (isJustRecipe(t)) {
      let end = ln.end;
      let k = l + 1;
      for (; k <= total; k++) {
        const body = lineAt(file, k);
        if (body.text.trim() === '') continue;
        if (!/^\s/.test(body.text)) break;
        splitShell(body.text, { base: body.start, onComment: (start, e) => comments.push({ start, end: e }) });
        end = body.end;
      }
      b.add(ln.start, end);
      // The attribute lines above the header belong to the recipe: a comment above them covers it.
      for (const a of attrStart) b.add(a, end);
      attrStart.length = 0;
      l = k - 1;
      continue;
    }
    attrStart.length = 0;
    // A trailing comment on a setting or assignment.
    const hash = hashOutsideQuotes(t);
    if (hash >= 0) comments.push({ start: ln.start + hash, end: ln.end });
    b.add(ln.start, ln.end);
  }
  comments.sort((x, y) => x.start - y.start);
  return { comments, blockEnd: (line) => b.get(line) };
}

function hashOutsideQuotes(t: string): number {
  let quote = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#') return i;
  }
  return -1;
}
