/**
 * HCL2 native syntax, the subset `docker buildx bake` files use, parsed by a
 * tokenizer and a recursive-descent parser written from the hclsyntax
 * specification (github.com/hashicorp/hcl, hclsyntax/spec.md). Every node
 * keeps its source range: `start`/`end` are UTF-16 offsets into the text,
 * `end` exclusive, so `text.slice(node.start, node.end)` is the node's source.
 *
 * What is modelled: bodies of attributes (`name = expr`) and blocks
 * (`type "label" ident { body }`, one-line blocks too); expressions: quoted
 * templates (literal parts unescaped, interpolations and directives kept as
 * raw text), heredocs (`<<EOF`, `<<-EOF`), numbers, `true`/`false`/`null`,
 * tuples, objects, traversals (`var.x`, `target.foo.tags`, `a[0]`) and
 * function calls. Operations, conditionals, `for` expressions and splats are
 * parsed (so that a file using them parses) and kept as opaque expressions
 * with their raw text.
 *
 * Hostile input: the tokenizer and the parser are linear in the text; nesting
 * (blocks, brackets, parentheses, conditionals, interpolations inside
 * strings inside interpolations) deeper than MAX_DEPTH levels is an error,
 * never a stack overflow.
 *
 * Where this is laxer than the specification: identifiers may start with `_`
 * (as hclsyntax's scanner allows); a lone CR is whitespace; the closing
 * heredoc marker may be indented for `<<` as well as `<<-`.
 */

export class HclError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'HclError';
  }
}

/** Nesting deeper than this is refused with an HclError. */
export const MAX_DEPTH = 64;

export interface HclRange {
  start: number;
  end: number;
}

export interface HclLiteralPart extends HclRange {
  kind: 'literal';
  /** The text with escapes resolved (`\n`, `\"`, `$${` → `${`, …) and heredoc indentation stripped. */
  value: string;
}

export interface HclInterpolationPart extends HclRange {
  kind: 'interpolation';
  /** The whole sequence as written, `${` to `}`. */
  raw: string;
  /** The expression inside, strip markers (`~`) excluded, untrimmed. */
  expr: string;
  exprStart: number;
  exprEnd: number;
}

export interface HclDirectivePart extends HclRange {
  kind: 'directive';
  /** The whole sequence as written, `%{` to `}`. */
  raw: string;
}

export type HclTemplatePart = HclLiteralPart | HclInterpolationPart | HclDirectivePart;

export interface HclTemplate extends HclRange {
  type: 'template';
  raw: string;
  parts: HclTemplatePart[];
  /** Present for heredocs: the marker and whether it was `<<-` (indentation stripped). */
  heredoc?: { marker: string; indent: boolean };
}

export interface HclNumber extends HclRange {
  type: 'number';
  value: number;
  raw: string;
}

export interface HclBool extends HclRange {
  type: 'bool';
  value: boolean;
}

export interface HclNull extends HclRange {
  type: 'null';
}

export interface HclTuple extends HclRange {
  type: 'tuple';
  items: HclExpression[];
}

export interface HclObjectItem extends HclRange {
  /** The key as written: an identifier (a literal name, per the spec) or an expression. */
  key: { name?: string; expr?: HclExpression; start: number; end: number };
  value: HclExpression;
}

export interface HclObject extends HclRange {
  type: 'object';
  items: HclObjectItem[];
}

export type HclStep = { kind: 'attr'; name: string; start: number; end: number } | { kind: 'index'; key: HclExpression; start: number; end: number };

export interface HclTraversal extends HclRange {
  type: 'traversal';
  root: string;
  steps: HclStep[];
}

export interface HclCall extends HclRange {
  type: 'call';
  name: string;
  args: HclExpression[];
  /** The final argument is followed by `...`. */
  expandFinal: boolean;
}

export interface HclParens extends HclRange {
  type: 'parens';
  expr: HclExpression;
}

export interface HclOpaque extends HclRange {
  type: 'opaque';
  what: 'operation' | 'conditional' | 'for' | 'splat' | 'index';
  raw: string;
}

export type HclExpression = HclTemplate | HclNumber | HclBool | HclNull | HclTuple | HclObject | HclTraversal | HclCall | HclParens | HclOpaque;

export interface HclAttribute extends HclRange {
  type: 'attribute';
  name: string;
  nameStart: number;
  nameEnd: number;
  expr: HclExpression;
}

export interface HclLabel extends HclRange {
  value: string;
  quoted: boolean;
}

export interface HclBlock extends HclRange {
  type: 'block';
  blockType: string;
  typeStart: number;
  typeEnd: number;
  labels: HclLabel[];
  body: HclBody;
}

export interface HclBody extends HclRange {
  type: 'body';
  items: Array<HclAttribute | HclBlock>;
}

// ---------------------------------------------------------------------------
// Characters

const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length (1 or 2 UTF-16 units) of an identifier character at i, 0 when there is none. */
function identChar(text: string, i: number, first: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return 1;
    if (!first && (isDigit(c) || c === 45)) return 1;
    return 0;
  }
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return (first ? ID_START : ID_CONTINUE).test(ch) ? ch.length : 0;
}

function identEnd(text: string, i: number): number {
  let n = identChar(text, i, true);
  if (n === 0) return i;
  let j = i + n;
  while ((n = identChar(text, j, false)) > 0) j += n;
  return j;
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of file';
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return cp < 32 || cp === 127 ? `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
}

// ---------------------------------------------------------------------------
// Templates

type TemplateMode = 'quoted' | 'heredoc' | 'standalone';

interface StripMarks {
  left: boolean;
  right: boolean;
}

/**
 * The offset of the `}` that closes the interpolation or directive whose body
 * starts at `from`, skipping nested braces, strings, interpolations inside
 * them and comments. Iterative, with an explicit stack bounded by MAX_DEPTH.
 */
function sequenceEnd(text: string, from: number, limit: number, opener: number, seqStart: number): number {
  const unclosed = opener === 36 ? 'an interpolation ${ is not closed' : 'a template directive %{ is not closed';
  // Stack entries: 0 = a `{` in expression code, 1 = a quoted string, 2 = an interpolation inside such a string.
  const stack: number[] = [];
  let j = from;
  while (j < limit) {
    const c = text.charCodeAt(j);
    const top = stack.length > 0 ? stack[stack.length - 1]! : -1;
    if (top === 1) {
      if (c === 92 /* \ */) {
        j += 2;
        continue;
      }
      if (c === 34 /* " */) {
        stack.pop();
        j++;
        continue;
      }
      if (c === C_LF) throw new HclError(`${unclosed} (a string inside it runs past its line)`, seqStart);
      if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123) {
        j += 3;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === 123 /* { */) {
        stack.push(2);
        if (stack.length > MAX_DEPTH) throw new HclError(`templates nested more than ${MAX_DEPTH} levels deep`, j);
        j += 2;
        continue;
      }
      j++;
      continue;
    }
    // Expression code.
    if (c === 34) {
      stack.push(1);
      if (stack.length > MAX_DEPTH) throw new HclError(`templates nested more than ${MAX_DEPTH} levels deep`, j);
      j++;
    } else if (c === 123) {
      stack.push(0);
      if (stack.length > MAX_DEPTH) throw new HclError(`braces nested more than ${MAX_DEPTH} levels deep`, j);
      j++;
    } else if (c === 125 /* } */) {
      if (stack.length === 0) return j;
      stack.pop();
      j++;
    } else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(j + 1) === 47)) {
      while (j < limit && text.charCodeAt(j) !== C_LF) j++;
    } else if (c === 47 && text.charCodeAt(j + 1) === 42 /* * */) {
      const e = text.indexOf('*/', j + 2);
      if (e < 0 || e + 2 > limit) throw new HclError('a /* comment is not closed', j);
      j = e + 2;
    } else j++;
  }
  throw new HclError(unclosed, seqStart);
}

function hexEscape(text: string, i: number, digits: number, at: number): string {
  const hex = text.slice(i, i + digits);
  if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) throw new HclError(`an escape sequence needs ${digits} hexadecimal digits`, at);
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new HclError('an escape sequence names no Unicode character', at);
  return String.fromCodePoint(cp);
}

/**
 * The parts of a template from `from`: for a quoted template up to its
 * closing quote (returned end is just past it), else up to `limit`.
 */
function scanTemplate(text: string, from: number, limit: number, mode: TemplateMode): { parts: HclTemplatePart[]; end: number; strips: StripMarks[] } {
  const parts: HclTemplatePart[] = [];
  const strips: StripMarks[] = [];
  let lit = '';
  let litStart = from;
  let i = from;
  const flush = (end: number): void => {
    if (end > litStart || lit !== '') parts.push({ kind: 'literal', value: lit, start: litStart, end });
    lit = '';
  };
  for (;;) {
    if (i >= limit) {
      if (mode === 'quoted') throw new HclError('a quoted string is not closed', from - 1);
      flush(i);
      return { parts, end: i, strips };
    }
    const c = text.charCodeAt(i);
    if (mode === 'quoted' && c === 34) {
      flush(i);
      return { parts, end: i + 1, strips };
    }
    if (mode === 'quoted' && (c === C_LF || (c === C_CR && text.charCodeAt(i + 1) === C_LF))) throw new HclError('a quoted string is not closed on its line', from - 1);
    if (mode === 'quoted' && c === 92) {
      const e = text.charCodeAt(i + 1);
      switch (e) {
        case 110 /* n */: lit += '\n'; i += 2; break;
        case 114 /* r */: lit += '\r'; i += 2; break;
        case 116 /* t */: lit += '\t'; i += 2; break;
        case 34: lit += '"'; i += 2; break;
        case 92: lit += '\\'; i += 2; break;
        case 117 /* u */: lit += hexEscape(text, i + 2, 4, i); i += 6; break;
        case 85 /* U */: lit += hexEscape(text, i + 2, 8, i); i += 10; break;
        default:
          throw new HclError(`invalid escape sequence \\${i + 1 < text.length ? text[i + 1] : ''}`, i);
      }
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      // $${ and %%{ are the literal ${ and %{.
      lit += c === 36 ? '${' : '%{';
      i += 3;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
      flush(i);
      const start = i;
      let exprStart = i + 2;
      const left = text.charCodeAt(exprStart) === 126; /* ~ */
      if (left) exprStart++;
      const close = sequenceEnd(text, exprStart, limit, c, start);
      const right = close > exprStart && text.charCodeAt(close - 1) === 126;
      const exprEnd = right ? close - 1 : close;
      const raw = text.slice(start, close + 1);
      if (c === 36) parts.push({ kind: 'interpolation', raw, expr: text.slice(exprStart, exprEnd), exprStart, exprEnd, start, end: close + 1 });
      else parts.push({ kind: 'directive', raw, start, end: close + 1 });
      strips[parts.length - 1] = { left, right };
      i = close + 1;
      litStart = i;
      continue;
    }
    lit += text[i];
    i++;
  }
}

/** Strip markers (`${~ x ~}`) remove the spaces of the literal next to them. */
function applyStrips(parts: HclTemplatePart[], strips: StripMarks[]): void {
  for (let k = 0; k < parts.length; k++) {
    const s = strips[k];
    if (!s) continue;
    const prev = parts[k - 1];
    const next = parts[k + 1];
    if (s.left && prev?.kind === 'literal') prev.value = prev.value.replace(/\s+$/u, '');
    if (s.right && next?.kind === 'literal') next.value = next.value.replace(/^\s+/u, '');
  }
}

/**
 * `<<-`: the fewest leading spaces of the lines that begin with literal text
 * (blank lines aside) are removed from each of those lines.
 */
function stripIndent(text: string, parts: HclTemplatePart[], contentStart: number): void {
  let min = Infinity;
  // Where the lines that begin with literal text begin, as indexes into each literal's value.
  const lineStarts = (p: HclLiteralPart): number[] => {
    const out: number[] = [];
    if (p.start === contentStart || text.charCodeAt(p.start - 1) === C_LF) out.push(0);
    for (let k = p.value.indexOf('\n'); k >= 0 && k + 1 < p.value.length; k = p.value.indexOf('\n', k + 1)) out.push(k + 1);
    return out;
  };
  const starts = new Map<HclLiteralPart, number[]>();
  for (const p of parts) {
    if (p.kind !== 'literal') continue;
    const ls = lineStarts(p);
    starts.set(p, ls);
    for (const s of ls) {
      let n = 0;
      while (p.value.charCodeAt(s + n) === C_SPACE) n++;
      const after = p.value.charCodeAt(s + n);
      const blank = after === C_LF || (after === C_CR && p.value.charCodeAt(s + n + 1) === C_LF);
      if (!blank && n < min) min = n;
    }
  }
  if (min === Infinity || min === 0) return;
  for (const [p, ls] of starts) {
    if (ls.length === 0) continue;
    let out = '';
    let prev = 0;
    for (const s of ls) {
      out += p.value.slice(prev, s);
      let n = 0;
      while (n < min && p.value.charCodeAt(s + n) === C_SPACE) n++;
      prev = s + n;
    }
    p.value = out + p.value.slice(prev);
  }
}

/**
 * A standalone template (the HCL JSON profile reads JSON strings this way):
 * no escapes but `$${` and `%%{`, newlines allowed. Offsets are into `text`.
 */
export function parseTemplate(text: string, start = 0, end = text.length): HclTemplatePart[] {
  const { parts, strips } = scanTemplate(text, start, end, 'standalone');
  applyStrips(parts, strips);
  return parts;
}

/** The value of a template made of literal text only; undefined when it interpolates or has directives. */
export function templateLiteral(t: { parts: HclTemplatePart[] }): string | undefined {
  let s = '';
  for (const p of t.parts) {
    if (p.kind !== 'literal') return undefined;
    s += p.value;
  }
  return s;
}

// ---------------------------------------------------------------------------
// Tokens

type TokType = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'nl' | 'eof';

interface Token {
  t: TokType;
  start: number;
  end: number;
  /** Identifier name or punctuation. */
  v: string;
  parts?: HclTemplatePart[];
  heredoc?: { marker: string; indent: boolean };
}

const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['&&', '||', '==', '!=', '<=', '>=', '=>']);
const PUNCT1 = new Set(['+', '-', '*', '/', '%', '!', '<', '>', '=', ':', '?', '.', ',', '{', '}', '[', ']', '(', ')']);

function tokenize(text: string): Token[] {
  const toks: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === C_SPACE || c === C_TAB || (c === C_CR && text.charCodeAt(i + 1) !== C_LF)) {
      i++;
      continue;
    }
    if (c === C_LF || c === C_CR) {
      const len = c === C_CR ? 2 : 1;
      toks.push({ t: 'nl', start: i, end: i + len, v: '' });
      i += len;
      continue;
    }
    if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      // A line comment ends before its newline, which is then a newline token.
      while (i < n && text.charCodeAt(i) !== C_LF && !(text.charCodeAt(i) === C_CR && text.charCodeAt(i + 1) === C_LF)) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) throw new HclError('a /* comment is not closed', i);
      i = e + 2;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      while (isDigit(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 /* . */ && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (isDigit(text.charCodeAt(j))) j++;
      }
      const e = text.charCodeAt(j);
      if (e === 101 || e === 69) {
        let k = j + 1;
        const s = text.charCodeAt(k);
        if (s === 43 || s === 45) k++;
        if (isDigit(text.charCodeAt(k))) {
          while (isDigit(text.charCodeAt(k))) k++;
          j = k;
        }
      }
      toks.push({ t: 'number', start: i, end: j, v: text.slice(i, j) });
      i = j;
      continue;
    }
    const idEnd = identEnd(text, i);
    if (idEnd > i) {
      toks.push({ t: 'ident', start: i, end: idEnd, v: text.slice(i, idEnd) });
      i = idEnd;
      continue;
    }
    if (c === 34) {
      const { parts, end, strips } = scanTemplate(text, i + 1, n, 'quoted');
      applyStrips(parts, strips);
      toks.push({ t: 'string', start: i, end, v: '', parts });
      i = end;
      continue;
    }
    if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
      i = heredoc(text, i, toks);
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) throw new HclError(`${text.slice(i, i + 2)} is only allowed inside a string`, i);
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const one = text[i]!;
    const p = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : PUNCT1.has(one) ? one : undefined;
    if (!p) throw new HclError(`unexpected ${describe(text, i)}`, i);
    toks.push({ t: 'punct', start: i, end: i + p.length, v: p });
    i += p.length;
  }
  toks.push({ t: 'eof', start: n, end: n, v: '' });
  return toks;
}

/** A heredoc starting at `<<`: pushes its token, returns the offset after its closing marker. */
function heredoc(text: string, at: number, toks: Token[]): number {
  let j = at + 2;
  const indent = text.charCodeAt(j) === 45;
  if (indent) j++;
  const mEnd = identEnd(text, j);
  if (mEnd === j) throw new HclError('a heredoc needs a marker name after <<', at);
  const marker = text.slice(j, mEnd);
  let contentStart: number;
  if (text.charCodeAt(mEnd) === C_LF) contentStart = mEnd + 1;
  else if (text.charCodeAt(mEnd) === C_CR && text.charCodeAt(mEnd + 1) === C_LF) contentStart = mEnd + 2;
  else throw new HclError(`a heredoc marker <<${indent ? '-' : ''}${marker} must end its line`, at);
  // The content runs until a line holding only the marker (spaces or tabs before it allowed).
  let line = contentStart;
  const n = text.length;
  while (line <= n) {
    let k = line;
    while (text.charCodeAt(k) === C_SPACE || text.charCodeAt(k) === C_TAB) k++;
    if (text.startsWith(marker, k)) {
      const after = k + marker.length;
      const a = text.charCodeAt(after);
      if (after >= n || a === C_LF || (a === C_CR && text.charCodeAt(after + 1) === C_LF)) {
        const { parts, strips } = scanTemplate(text, contentStart, line, 'heredoc');
        applyStrips(parts, strips);
        if (indent) stripIndent(text, parts, contentStart);
        toks.push({ t: 'heredoc', start: at, end: after, v: '', parts, heredoc: { marker, indent } });
        return after;
      }
    }
    const nl = text.indexOf('\n', line);
    if (nl < 0) break;
    line = nl + 1;
  }
  throw new HclError(`the heredoc <<${indent ? '-' : ''}${marker} is not closed by a line holding ${marker}`, at);
}

// ---------------------------------------------------------------------------
// Parser

const BINARY = new Set(['+', '-', '*', '/', '%', '&&', '||', '==', '!=', '<', '>', '<=', '>=']);

class Parser {
  private p = 0;
  private depth = 0;
  /** true: newlines are whitespace here (inside parentheses, brackets, call arguments). */
  private readonly ignoreNl: boolean[] = [false];

  constructor(
    private readonly text: string,
    private readonly toks: Token[],
  ) {}

  private peek(): Token {
    if (this.ignoreNl[this.ignoreNl.length - 1]) while (this.toks[this.p]!.t === 'nl') this.p++;
    return this.toks[this.p]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.t !== 'eof') this.p++;
    return t;
  }

  private isPunct(t: Token, v: string): boolean {
    return t.t === 'punct' && t.v === v;
  }

  private tokText(t: Token): string {
    if (t.t === 'eof') return 'end of file';
    if (t.t === 'nl') return 'newline';
    return `"${this.text.slice(t.start, Math.min(t.end, t.start + 20))}"`;
  }

  private expect(v: string, what: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, v)) throw new HclError(`expected ${what}, found ${this.tokText(t)}`, t.start);
    this.p++;
    return t;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new HclError(`nested more than ${MAX_DEPTH} levels deep`, at);
  }

  private leave(): void {
    this.depth--;
  }

  private skipNl(): void {
    while (this.toks[this.p]!.t === 'nl') this.p++;
  }

  private raw(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  parseFile(): HclBody {
    const body = this.parseBody(undefined);
    const t = this.toks[this.p]!;
    if (t.t !== 'eof') throw new HclError(`unexpected ${this.tokText(t)}`, t.start);
    return body;
  }

  /** A body, up to end of file or (inside a block) up to its `}`, which is left for the caller. */
  private parseBody(open: Token | undefined): HclBody {
    this.ignoreNl.push(false);
    const items: Array<HclAttribute | HclBlock> = [];
    const names = new Map<string, number>();
    const start = open ? open.end : 0;
    let end: number;
    for (;;) {
      this.skipNl();
      const t = this.toks[this.p]!;
      if (t.t === 'eof') {
        if (open) throw new HclError('a block is not closed: expected }', open.start);
        end = t.start;
        break;
      }
      if (open && this.isPunct(t, '}')) {
        end = t.start;
        break;
      }
      if (t.t !== 'ident') throw new HclError(`expected an attribute or block name, found ${this.tokText(t)}`, t.start);
      this.p++;
      const after = this.toks[this.p]!;
      let item: HclAttribute | HclBlock;
      if (this.isPunct(after, '=')) {
        this.p++;
        const expr = this.parseExpression();
        const prev = names.get(t.v);
        if (prev !== undefined) throw new HclError(`the attribute "${t.v}" is defined twice in one body (first at offset ${prev})`, t.start);
        names.set(t.v, t.start);
        item = { type: 'attribute', name: t.v, nameStart: t.start, nameEnd: t.end, expr, start: t.start, end: expr.end };
      } else {
        item = this.parseBlock(t);
      }
      items.push(item);
      const term = this.toks[this.p]!;
      if (!(term.t === 'nl' || term.t === 'eof' || (open && this.isPunct(term, '}')))) {
        throw new HclError(`expected a newline after ${item.type === 'attribute' ? `the value of "${item.name}"` : `the block "${item.blockType}"`}, found ${this.tokText(term)}`, term.start);
      }
    }
    this.ignoreNl.pop();
    return { type: 'body', items, start, end };
  }

  private parseBlock(typeTok: Token): HclBlock {
    const labels: HclLabel[] = [];
    for (;;) {
      const t = this.toks[this.p]!;
      if (t.t === 'ident') {
        labels.push({ value: t.v, quoted: false, start: t.start, end: t.end });
        this.p++;
      } else if (t.t === 'string') {
        const v = templateLiteral({ parts: t.parts! });
        if (v === undefined) throw new HclError('a block label cannot contain an interpolation or a directive', t.start);
        labels.push({ value: v, quoted: true, start: t.start, end: t.end });
        this.p++;
      } else break;
    }
    const open = this.toks[this.p]!;
    if (!this.isPunct(open, '{')) throw new HclError(`expected = or a block's labels and {, found ${this.tokText(open)}`, open.start);
    this.p++;
    this.enter(open.start);
    const body = this.parseBody(open);
    const close = this.toks[this.p]!; // parseBody stops only at `}` inside a block
    this.p++;
    this.leave();
    return { type: 'block', blockType: typeTok.v, typeStart: typeTok.start, typeEnd: typeTok.end, labels, body, start: typeTok.start, end: close.end };
  }

  private parseExpression(): HclExpression {
    const first = this.peek();
    this.enter(first.start);
    const cond = this.parseBinary();
    let out: HclExpression = cond;
    if (this.isPunct(this.peek(), '?')) {
      this.p++;
      this.parseExpression();
      this.expect(':', 'the ":" of a conditional');
      const no = this.parseExpression();
      out = { type: 'opaque', what: 'conditional', raw: this.raw(cond.start, no.end), start: cond.start, end: no.end };
    }
    this.leave();
    return out;
  }

  private parseBinary(): HclExpression {
    const first = this.parseUnary();
    let last = first;
    while (true) {
      const t = this.peek();
      if (t.t !== 'punct' || !BINARY.has(t.v)) break;
      this.p++;
      last = this.parseUnary();
    }
    if (last === first) return first;
    return { type: 'opaque', what: 'operation', raw: this.raw(first.start, last.end), start: first.start, end: last.end };
  }

  private parseUnary(): HclExpression {
    let t = this.peek();
    const start = t.start;
    let ops = 0;
    while (this.isPunct(t, '-') || this.isPunct(t, '!')) {
      this.p++;
      ops++;
      t = this.peek();
    }
    const term = this.parseTerm();
    if (ops === 0) return term;
    return { type: 'opaque', what: 'operation', raw: this.raw(start, term.end), start, end: term.end };
  }

  private parseTerm(): HclExpression {
    const t = this.peek();
    let base: HclExpression;
    switch (t.t) {
      case 'number':
        this.p++;
        base = { type: 'number', value: Number(t.v), raw: t.v, start: t.start, end: t.end };
        break;
      case 'string':
      case 'heredoc':
        this.p++;
        base = { type: 'template', raw: this.raw(t.start, t.end), parts: t.parts!, start: t.start, end: t.end, ...(t.heredoc ? { heredoc: t.heredoc } : {}) };
        break;
      case 'ident': {
        this.p++;
        const after = this.toks[this.p]!;
        if (this.isPunct(after, '(')) base = this.parseCall(t);
        else if (t.v === 'true' || t.v === 'false') base = { type: 'bool', value: t.v === 'true', start: t.start, end: t.end };
        else if (t.v === 'null') base = { type: 'null', start: t.start, end: t.end };
        else base = { type: 'traversal', root: t.v, steps: [], start: t.start, end: t.end };
        break;
      }
      case 'punct':
        if (t.v === '[') base = this.parseTuple();
        else if (t.v === '{') base = this.parseObject();
        else if (t.v === '(') {
          this.p++;
          this.ignoreNl.push(true);
          const inner = this.parseExpression();
          const close = this.expect(')', 'a closing )');
          this.ignoreNl.pop();
          base = { type: 'parens', expr: inner, start: t.start, end: close.end };
        } else throw new HclError(`expected an expression, found ${this.tokText(t)}`, t.start);
        break;
      default:
        throw new HclError(`expected an expression, found ${this.tokText(t)}`, t.start);
    }
    return this.parsePostfix(base);
  }

  /** Attribute access, index and splat operators after a term. */
  private parsePostfix(base: HclExpression): HclExpression {
    const steps: HclStep[] = base.type === 'traversal' ? base.steps : [];
    let constant = base.type === 'traversal';
    let what: HclOpaque['what'] = 'index';
    let end = base.end;
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        const n = this.toks[this.p + 1]!;
        if (n.t === 'ident') {
          steps.push({ kind: 'attr', name: n.v, start: t.start, end: n.end });
          this.p += 2;
          end = n.end;
        } else if (n.t === 'number') {
          // The legacy index `a.0`.
          steps.push({ kind: 'index', key: { type: 'number', value: Number(n.v), raw: n.v, start: n.start, end: n.end }, start: t.start, end: n.end });
          this.p += 2;
          end = n.end;
        } else if (this.isPunct(n, '*')) {
          this.p += 2;
          end = n.end;
          constant = false;
          what = 'splat';
        } else throw new HclError(`expected an attribute name after ".", found ${this.tokText(n)}`, n.start);
      } else if (this.isPunct(t, '[')) {
        this.p++;
        this.ignoreNl.push(true);
        const s = this.peek();
        if (this.isPunct(s, '*')) {
          this.p++;
          const close = this.expect(']', 'the ] of a splat');
          this.ignoreNl.pop();
          end = close.end;
          constant = false;
          what = 'splat';
          continue;
        }
        const key = this.parseExpression();
        const close = this.expect(']', 'a closing ] of an index');
        this.ignoreNl.pop();
        if (key.type !== 'number' && !(key.type === 'template' && templateLiteral(key) !== undefined)) constant = false;
        steps.push({ kind: 'index', key, start: t.start, end: close.end });
        end = close.end;
      } else break;
    }
    if (end === base.end) return base;
    if (base.type === 'traversal' && constant) return { ...base, steps, end };
    return { type: 'opaque', what, raw: this.raw(base.start, end), start: base.start, end };
  }

  private parseCall(name: Token): HclCall {
    this.p++; // (
    this.ignoreNl.push(true);
    const args: HclExpression[] = [];
    let expandFinal = false;
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, ')')) break;
      args.push(this.parseExpression());
      const sep = this.peek();
      if (this.isPunct(sep, ',')) this.p++;
      else if (this.isPunct(sep, '...')) {
        this.p++;
        expandFinal = true;
        if (!this.isPunct(this.peek(), ')')) throw new HclError('"..." must follow the last argument', sep.start);
      } else if (!this.isPunct(sep, ')')) throw new HclError(`expected , or ) in the arguments of ${name.v}(), found ${this.tokText(sep)}`, sep.start);
    }
    const close = this.expect(')', 'a closing )');
    this.ignoreNl.pop();
    return { type: 'call', name: name.v, args, expandFinal, start: name.start, end: close.end };
  }

  private isFor(): boolean {
    const t = this.peek();
    return t.t === 'ident' && t.v === 'for' && this.toks[this.p + 1]!.t === 'ident';
  }

  /** `for k, v in coll :` — the introduction of a for expression. */
  private parseForIntro(): void {
    this.p++; // for
    this.next(); // identifier
    if (this.isPunct(this.peek(), ',')) {
      this.p++;
      const id = this.next();
      if (id.t !== 'ident') throw new HclError(`expected a name after ",", found ${this.tokText(id)}`, id.start);
    }
    const kw = this.next();
    if (kw.t !== 'ident' || kw.v !== 'in') throw new HclError(`expected "in" in a for expression, found ${this.tokText(kw)}`, kw.start);
    this.parseExpression();
    this.expect(':', 'the ":" of a for expression');
  }

  private parseForCond(): void {
    const t = this.peek();
    if (t.t === 'ident' && t.v === 'if') {
      this.p++;
      this.parseExpression();
    }
  }

  private parseTuple(): HclExpression {
    const open = this.next();
    this.ignoreNl.push(true);
    if (this.isFor()) {
      this.parseForIntro();
      this.parseExpression();
      this.parseForCond();
      const close = this.expect(']', 'the ] closing a for expression');
      this.ignoreNl.pop();
      return { type: 'opaque', what: 'for', raw: this.raw(open.start, close.end), start: open.start, end: close.end };
    }
    const items: HclExpression[] = [];
    for (;;) {
      if (this.isPunct(this.peek(), ']')) break;
      items.push(this.parseExpression());
      const sep = this.peek();
      if (this.isPunct(sep, ',')) this.p++;
      else if (!this.isPunct(sep, ']')) throw new HclError(`expected , or ] in a list, found ${this.tokText(sep)}`, sep.start);
    }
    const close = this.expect(']', 'a closing ]');
    this.ignoreNl.pop();
    return { type: 'tuple', items, start: open.start, end: close.end };
  }

  private parseObject(): HclExpression {
    const open = this.next();
    this.skipNl();
    if (this.isFor()) {
      this.ignoreNl.push(true);
      this.parseForIntro();
      this.parseExpression();
      this.expect('=>', 'the => of a for expression');
      this.parseExpression();
      if (this.isPunct(this.peek(), '...')) this.p++;
      this.parseForCond();
      const close = this.expect('}', 'the } closing a for expression');
      this.ignoreNl.pop();
      return { type: 'opaque', what: 'for', raw: this.raw(open.start, close.end), start: open.start, end: close.end };
    }
    // Elements are separated by commas or newlines.
    this.ignoreNl.push(false);
    const items: HclObjectItem[] = [];
    for (;;) {
      this.skipNl();
      const t = this.toks[this.p]!;
      if (this.isPunct(t, '}')) break;
      let key: HclObjectItem['key'];
      const n = this.toks[this.p + 1]!;
      if (t.t === 'ident' && (this.isPunct(n, '=') || this.isPunct(n, ':'))) {
        this.p++;
        key = { name: t.v, start: t.start, end: t.end };
      } else {
        const e = this.parseExpression();
        const lit = e.type === 'template' ? templateLiteral(e) : undefined;
        key = { expr: e, start: e.start, end: e.end, ...(lit !== undefined ? { name: lit } : {}) };
      }
      const eq = this.toks[this.p]!;
      if (!this.isPunct(eq, '=') && !this.isPunct(eq, ':')) throw new HclError(`expected = or : after an object key, found ${this.tokText(eq)}`, eq.start);
      this.p++;
      const value = this.parseExpression();
      items.push({ key, value, start: key.start, end: value.end });
      const sep = this.toks[this.p]!;
      if (this.isPunct(sep, ',')) this.p++;
      else if (sep.t !== 'nl' && !this.isPunct(sep, '}')) throw new HclError(`expected a comma, a newline or } after an object element, found ${this.tokText(sep)}`, sep.start);
    }
    const close = this.toks[this.p]!;
    this.p++;
    this.ignoreNl.pop();
    return { type: 'object', items, start: open.start, end: close.end };
  }
}

/** Parse a whole HCL file. Throws HclError (message and offset) on a syntax error. */
export function parseHcl(text: string): HclBody {
  return new Parser(text, tokenize(text)).parseFile();
}

// ---------------------------------------------------------------------------
// Helpers for readers of the tree

/** The body's attributes by name (an HCL body defines each at most once). */
export function hclAttributes(body: HclBody): Map<string, HclAttribute> {
  const out = new Map<string, HclAttribute>();
  for (const it of body.items) if (it.type === 'attribute') out.set(it.name, it);
  return out;
}

/** The body's blocks of one type, in order. */
export function hclBlocks(body: HclBody, type: string): HclBlock[] {
  return body.items.filter((it): it is HclBlock => it.type === 'block' && it.blockType === type);
}

/** A parenthesised expression's inside (any depth of parentheses). */
export function unparen(e: HclExpression): HclExpression {
  let x = e;
  while (x.type === 'parens') x = x.expr;
  return x;
}
