/**
 * YAML through the `yaml` Document API: comments and source ranges kept,
 * aliases resolved one node at a time with a hard cap (no alias bombs).
 */
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit } from './yaml-lib.js';
import type { SourceFile, Span } from '../types.js';
import type { Word } from './shell.js';
import { FIRST_PARSE_CALLS, clock, count, parsedFile, spent } from '../timing.js';

export interface YamlFile {
  file: SourceFile;
  docs: Document[];
  /** Alias resolutions left before the file is treated as hostile. */
  budget: { aliases: number };
  /** Alias → the node it names, filled on first use (see deref). */
  aliasTargets?: Map<Alias, YNode>;
}

export class ParseError extends Error {
  /** The file, when the error is found after parsing (alias budget exhausted while building the model). */
  file?: SourceFile;
  constructor(message: string, readonly offset: number, file?: SourceFile) {
    super(message);
    if (file) this.file = file;
  }
}

const MAX_ALIAS_RESOLUTIONS = 10000;
const DEEP = 'it is nested too deeply (thousands of levels)';
/** A 1 MiB manifest bundle (an operator's install.yaml) holds a few thousand documents; beyond that is not config. */
const MAX_DOCS = 10_000;

/** What stands for a template's `{{` and `}}` in the text that is parsed (as many UTF-16 units: offsets stay). */
const OPEN = '\u27e6\u27e6';
const CLOSE = '\u27e7\u27e7';
/**
 * What stands for the characters inside an action that YAML would read as its own (`"` and `'` end a quoted
 * scalar, `: ` starts a mapping, ` #` a comment): `"--hosts={{ join "," .Values.hosts }}"` is one scalar once
 * rendered, and is one here. One UTF-16 unit each; given back by retemplate.
 */
const INNER: Record<string, string> = { '"': '\u27ea', "'": '\u27eb', ':': '\u27ec', '#': '\u27ed' };
const OUTER: Record<string, string> = Object.fromEntries(Object.entries(INNER).map(([k, v]) => [v, k]));
const PLACEHOLDERS = /[\u27e6\u27e7\u27ea-\u27ed]/;

/**
 * A Helm (Go) template as YAML with the same offsets: a line that holds only template actions
 * (`{{- if .Values.debug }}`, `{{ include "labels" . | nindent 4 }}`, also an action written over several lines,
 * `{{- if (and\n  .Values.a\n  .Values.b) }}`) becomes a comment, and every other `{{ … }}` becomes `⟦⟦ … ⟧⟧`
 * with its quotes, colons and hashes set aside, which YAML reads as plain text (`name: {{ .Release.Name }}-api`
 * is otherwise a flow mapping). Values read back through str() get their braces again. Text without `{{` is
 * returned as is.
 */
export function untemplate(text: string): string {
  if (!text.includes('{{') || PLACEHOLDERS.test(text)) return text;
  const out = text.split('');
  const lineStart = (at: number): number => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number): number => { const n = text.indexOf('\n', at); return n < 0 ? text.length : n; };
  // Every action's [start, end) (end after its `}}`). One that is not closed, or that opens in a YAML
  // comment (`# use {{ .Values.x }} …`), ends with its line: a stray `{{` takes no other line with it.
  const actions: Array<[number, number]> = [];
  for (let i = text.indexOf('{{'); i >= 0; ) {
    const close = text.indexOf('}}', i + 2);
    const eol = lineEnd(i);
    let end = close < 0 ? eol : close + 2;
    if (end > eol && /(^|[ \t])#/.test(text.slice(lineStart(i), i))) end = eol;
    actions.push([i, end]);
    i = text.indexOf('{{', end);
  }
  for (let k = 0; k < actions.length; ) {
    // A run of actions with nothing but blanks around them, from the start of a line to the end of one: comments.
    const first = actions[k]!;
    const ls = lineStart(first[0]);
    let j = k;
    if (text.slice(ls, first[0]).trim() === '') {
      while (true) {
        const endLine = lineEnd(actions[j]![1]);
        const next = actions[j + 1];
        if (next && next[0] < endLine && text.slice(actions[j]![1], next[0]).trim() === '') { j++; continue; }
        if (text.slice(actions[j]![1], endLine).trim() === '') {
          // Each line the run covers starts with a comment sign where its text starts.
          for (let at = ls; at < endLine; at = lineEnd(at) + 1) {
            const e = lineEnd(at);
            let c = at;
            while (c < e && (text[c] === ' ' || text[c] === '\t')) c++;
            if (c < e) out[c] = '#';
          }
          k = j + 1;
          j = -1;
        }
        break;
      }
      if (j < 0) continue;
    }
    // An inline action: braces and the characters YAML would read set aside.
    const [s, e] = first;
    out[s] = out[s + 1] = '\u27e6';
    if (e - s >= 4 && text.startsWith('}}', e - 2)) out[e - 2] = out[e - 1] = '\u27e7';
    for (let c = s + 2; c < e - 2; c++) {
      const r = INNER[text[c]!];
      if (r) out[c] = r;
    }
    k++;
  }
  return out.join('');
}

/** A scalar's value with a template's braces (and what untemplate set aside inside them) given back. */
function retemplate(v: string): string {
  if (!PLACEHOLDERS.test(v)) return v;
  return v.split(OPEN).join('{{').split(CLOSE).join('}}').replace(/[\u27ea-\u27ed]/g, (c) => OUTER[c]!);
}

/** A chart's template (`<chart>/templates/…`), which is YAML only once its actions are set aside. */
function isTemplatePath(path: string): boolean {
  return path.startsWith('templates/') || path.includes('/templates/');
}

export function parseYaml(file: SourceFile): YamlFile {
  count(`YAML parses (${file.kind})`);
  parsedFile('yaml', file.path);
  const t = clock();
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    const text = file.kind === 'kubernetes' && isTemplatePath(file.path) ? untemplate(file.text) : file.text;
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
    // `command: "--a x \⏎    --b y"`: a double-quoted scalar whose escaped line breaks go on at the key's
    // own indentation, which YAML 1.2 refuses and Compose (go-yaml) reads. Read again with each escaped line
    // break as spaces (same length: offsets stay), which is the same words.
    const first = (Array.isArray(docs) ? docs : [docs]).find((d) => d.errors.length > 0)?.errors[0];
    if (first && /^Missing closing "quote/.test(first.message) && /\\\r?\n/.test(text)) {
      const again = parseAllDocuments(text.replace(/\\(\r?\n)/g, (_m, nl: string) => ' '.repeat(1 + nl.length)), { prettyErrors: false, uniqueKeys: false, strict: false });
      if ((Array.isArray(again) ? again : [again]).every((d) => d.errors.length === 0)) docs = again;
    }
  } catch (e) {
    // The parser's composer recurses once per nesting level: thousands of `[` overflow the stack.
    if (e instanceof RangeError) throw new ParseError(DEEP, 0);
    throw e;
  } finally {
    spent(FIRST_PARSE_CALLS, t);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > MAX_DOCS) throw new ParseError(`more than ${MAX_DOCS} YAML documents`, 0);
  for (const d of list) {
    const err = d.errors[0];
    if (err) throw new ParseError(/call stack/i.test(err.message) ? DEEP : err.message.split('\n')[0]!, err.pos[0]);
  }
  return { file, docs: list as Document[], budget: { aliases: MAX_ALIAS_RESOLUTIONS } };
}

export type YNode = Node | null | undefined;

/**
 * Every alias of the file mapped to the node it names: the last node with that
 * anchor before the alias, in document order (what Alias.resolve finds). Built
 * once per file: Alias.resolve walks the whole document on every call, which
 * makes many aliases in a large file quadratic (minutes for 0.5 MB).
 */
function aliasTargets(y: YamlFile): Map<Alias, YNode> {
  if (y.aliasTargets) return y.aliasTargets;
  const targets = new Map<Alias, YNode>();
  for (const doc of y.docs) {
    const last = new Map<string, Node>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) targets.set(node, last.get(node.source));
        else if (node.anchor) last.set(node.anchor, node);
      },
    });
  }
  y.aliasTargets = targets;
  return targets;
}

export function deref(y: YamlFile, node: unknown): YNode {
  let n = node as YNode;
  for (let hops = 0; n && isAlias(n) && hops < 32; hops++) {
    if (--y.budget.aliases < 0) throw new ParseError('too many YAML alias expansions', n.range?.[0] ?? 0, y.file);
    n = aliasTargets(y).get(n);
  }
  return n && isAlias(n) ? undefined : n;
}

/** Direct and merged (`<<: *anchor`) pairs of a map, own pairs winning. */
export function pairs(y: YamlFile, node: YNode): Pair[] {
  const m = deref(y, node);
  if (!m || !isMap(m)) return [];
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const p of (m as YAMLMap).items) {
    const k = isScalar(p.key) ? String((p.key as Scalar).value) : undefined;
    if (k === '<<') {
      const v = deref(y, p.value);
      const sources = v && isSeq(v) ? (v as YAMLSeq).items : [v];
      for (const s of sources) merged.push(...pairs(y, s as YNode));
    } else own.push(p);
  }
  const seen = new Set(own.map((p) => keyOf(p)));
  return [...own, ...merged.filter((p) => !seen.has(keyOf(p)))];
}

export function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String((p.key as Scalar).value) : undefined;
}

export function getPair(y: YamlFile, node: YNode, key: string): Pair | undefined {
  // An own pair wins over merged ones, so merges are followed only when the map has none for the key.
  const m = deref(y, node);
  if (!m || !isMap(m)) return undefined;
  let merges = false;
  for (const p of (m as YAMLMap).items) {
    const k = keyOf(p);
    if (k === '<<') merges = true;
    else if (k === key) return p;
  }
  return merges ? pairs(y, m).find((p) => keyOf(p) === key) : undefined;
}

export function get(y: YamlFile, node: YNode, key: string): YNode {
  const p = getPair(y, node, key);
  return p ? deref(y, p.value) : undefined;
}

export function getPath(y: YamlFile, node: YNode, path: string[]): YNode {
  let n = node;
  for (const k of path) n = get(y, n, k);
  return n;
}

export function str(n: YNode): string | undefined {
  if (!n || !isScalar(n)) return undefined;
  const v = (n as Scalar).value;
  return v === null || v === undefined ? undefined : retemplate(String(v));
}

export function bool(n: YNode): boolean | undefined {
  if (!n || !isScalar(n)) return undefined;
  const v = (n as Scalar).value;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return /^(true|yes|on)$/i.test(v) ? true : /^(false|no|off)$/i.test(v) ? false : undefined;
  return undefined;
}

export function items(y: YamlFile, n: YNode): YNode[] {
  const s = deref(y, n);
  if (!s || !isSeq(s)) return [];
  return (s as YAMLSeq).items.map((i) => deref(y, i));
}

export function isMapNode(n: YNode): n is YAMLMap {
  return !!n && isMap(n);
}

export function isSeqNode(n: YNode): n is YAMLSeq {
  return !!n && isSeq(n);
}

export function isPairNode(n: unknown): n is Pair {
  return isPair(n);
}

export function nodeSpan(file: SourceFile, n: Node | null | undefined, fallback = 0): Span {
  const r = n?.range;
  if (!r) return { file, start: fallback, end: fallback };
  return { file, start: r[0], end: r[1] };
}

/** Span of a whole pair: key start to value end. */
export function pairSpan(file: SourceFile, p: Pair): Span {
  const k = (p.key as Node | null)?.range;
  const v = (p.value as Node | null)?.range;
  const start = k ? k[0] : v ? v[0] : 0;
  const end = v ? v[1] : k ? k[1] : start;
  return { file, start, end };
}

/**
 * Source offset of each character of a scalar's value, by aligning the value
 * with its source text (plain, quoted and block styles). Characters that come
 * from folding or escapes map to the nearest source character.
 */
function scalarWordNear(file: SourceFile, n: Scalar): Word {
  // A Helm template's action as written (untemplate keeps lengths, so the map is the same).
  const value = retemplate(String(n.value ?? ''));
  const [start, end] = n.range ?? [0, 0];
  const src = file.text.slice(start, end);
  const map: number[] = [];
  let j = 0;
  // Skip the block header (| or >, with indicators) or the opening quote.
  if (src.startsWith('|') || src.startsWith('>')) {
    const nl = src.indexOf('\n');
    j = nl >= 0 ? nl + 1 : src.length;
  } else if (src.startsWith('"') || src.startsWith("'")) j = 1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === ' ' || c === '\n' || c === '\t') {
      // Folding and indentation: consume source whitespace.
      const k = j;
      while (j < src.length && /\s/.test(src[j]!) && !(c !== '\n' && src[j] === c && j > k)) {
        if (src[j] === c) { j++; break; }
        j++;
      }
      map.push(start + Math.max(k, Math.min(j - 1, src.length - 1)));
      continue;
    }
    // Skip indentation and escapes until the character appears.
    let k = j;
    while (k < src.length && src[k] !== c && k - j < 8) k++;
    if (k < src.length && src[k] === c) j = k;
    map.push(start + Math.min(j, Math.max(0, src.length - 1)));
    j++;
  }
  // An exact copy: the pushes left room for more (the word may live as long as the model).
  return { value, start, end, quoted: n.type !== 'PLAIN', map: map.slice() };
}

/** How many non-blank characters of a word's value do not sit at their mapped source offset. */
function misplaced(text: string, w: Word): number {
  let bad = 0;
  for (let k = 0; k < w.value.length; k++) {
    const c = w.value[k]!;
    if (c !== ' ' && c !== '\n' && c !== '\t' && text[w.map[k]!] !== c) bad++;
  }
  return bad;
}

/**
 * Source offset of each character of a scalar's value (see scalarWordNear),
 * realigned when that map misses characters. scalarWordNear looks for each
 * character at most 8 source characters ahead, so a block scalar (or a
 * folded plain one) indented deeper than that — a workflow step's `run: |`
 * body sits at column 10 — maps its characters onto the indentation. Here
 * source blanks are skipped without a bound before each non-blank character
 * (indentation and folding are blanks), and the 8-character window is kept
 * only for escapes. The better of the two maps is used.
 */
export function scalarWord(file: SourceFile, n: Scalar): Word {
  const w = scalarWordNear(file, n);
  const text = file.text;
  const badBefore = misplaced(text, w);
  if (badBefore === 0) return w;
  const end = Math.min(w.end, text.length);
  let j = w.start;
  const src0 = text[j];
  if (src0 === '|' || src0 === '>') {
    const nl = text.indexOf('\n', j);
    j = nl < 0 || nl >= end ? end : nl + 1;
  } else if (src0 === '"' || src0 === "'") j++;
  const blank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
  const map: number[] = [];
  const last = Math.max(w.start, end - 1);
  for (let k = 0; k < w.value.length; k++) {
    const c = w.value[k]!;
    if (c === ' ' || c === '\n' || c === '\t') {
      if (c === '\n' && text[j] === '\r' && text[j + 1] === '\n') j++;
      map.push(Math.min(j, last));
      // An escape (\n, \t in double quotes) stands for this character: step over it.
      j += text[j] === '\\' && j + 1 < end ? 2 : 1;
      continue;
    }
    let b = j;
    while (b < end && blank(text[b])) b++;
    let m = b;
    while (m < end && text[m] !== c && m - b < 8) m++;
    j = m < end && text[m] === c ? m : b;
    map.push(Math.min(j, last));
    j++;
  }
  const aligned: Word = { ...w, map: map.slice() };
  return misplaced(text, aligned) < badBefore ? aligned : w;
}
