/**
 * A small, bounded reader of Go templates as Helm charts write them — enough to know what an `image:` or a
 * `{{- if .Values.debug.enabled }}` renders to with the chart's default values. Nothing is executed: the text
 * is split into `{{ … }}` actions (quoted strings and comments respected), the actions into a tree
 * (if/else/with/range/define), and a tiny evaluator knows fields (`.Values.a.b`, `.Chart.AppVersion`, `$`,
 * `$var`), literals, and the functions charts use to build image names (default, printf, print, quote,
 * toString, trim*, lower, upper, include/template, required, coalesce, not, and, or, eq, ne, empty, ternary).
 * Everything else is UNKNOWN, and UNKNOWN spreads: an image that depends on it is not resolved (no link rather
 * than a guess). Work is capped: template size, tokens, steps, include depth and output length.
 */

export const UNKNOWN: unique symbol = Symbol('unknown');
export type TVal = string | number | boolean | null | undefined | TVal[] | { [k: string]: TVal } | typeof UNKNOWN;

const MAX_TEXT = 256 * 1024;
const MAX_TOKENS = 20_000;
const MAX_STEPS = 20_000;
const MAX_DEPTH = 8;
const MAX_OUTPUT = 8 * 1024;

interface TextTok { kind: 'text'; text: string; start: number }
interface ActionTok { kind: 'action'; body: string; start: number; end: number; trimL: boolean; trimR: boolean }
type Tok = TextTok | ActionTok;

/** Split template text into text and actions; undefined when it is too large or an action is not closed. */
export function tokenize(src: string): Tok[] | undefined {
  if (src.length > MAX_TEXT) return undefined;
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { out.push({ kind: 'text', text: src.slice(i), start: i }); break; }
    if (open > i) out.push({ kind: 'text', text: src.slice(i, open), start: i });
    let j = open + 2;
    const trimL = src[j] === '-' && /\s/.test(src[j + 1] ?? '');
    if (trimL) j++;
    let close = -1;
    if (src.startsWith('/*', j) || src.startsWith(' /*', j)) {
      const c = src.indexOf('*/', j);
      if (c < 0) return undefined;
      j = c + 2;
    }
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (c === '"') { for (j++; j < src.length && src[j] !== '"' && src[j] !== '\n'; j++) if (src[j] === '\\') j++; continue; }
      if (c === '`') { const e = src.indexOf('`', j + 1); if (e < 0) return undefined; j = e; continue; }
      if (c === '}' && src[j + 1] === '}') { close = j; break; }
    }
    if (close < 0) return undefined;
    const trimR = close >= 2 && src[close - 1] === '-' && /\s/.test(src[close - 2]!);
    const body = src.slice(open + 2 + (trimL ? 1 : 0), trimR ? close - 1 : close).trim();
    out.push({ kind: 'action', body, start: open, end: close + 2, trimL, trimR });
    if (out.length > MAX_TOKENS) return undefined;
    i = close + 2;
  }
  // Trim markers eat the blanks of the neighbouring text.
  for (let k = 0; k < out.length; k++) {
    const t = out[k]!;
    if (t.kind !== 'action') continue;
    const prev = out[k - 1];
    const next = out[k + 1];
    if (t.trimL && prev?.kind === 'text') prev.text = prev.text.replace(/\s+$/, '');
    if (t.trimR && next?.kind === 'text') { const before = next.text.length; next.text = next.text.replace(/^\s+/, ''); next.start += before - next.text.length; }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Actions → a tree

export type TNode =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipe: string; start: number; end: number }
  | { kind: 'if' | 'with'; branches: Array<{ cond: string | undefined; body: TNode[]; start: number; end: number }> }
  | { kind: 'range'; body: TNode[] }
  | { kind: 'template'; name: string; arg: string }
  | { kind: 'unknown' };

export interface Parsed {
  nodes: TNode[];
  defines: Map<string, TNode[]>;
}

const KEYWORD = /^(if|else|end|with|range|define|block|template|break|continue)\b\s*/;

/** The tree of a template; undefined when its blocks do not nest (a template that is not whole). */
export function parseTemplate(src: string): Parsed | undefined {
  const toks = tokenize(src);
  if (!toks) return undefined;
  const defines = new Map<string, TNode[]>();
  let k = 0;
  let broken = false;
  // Parse until an `end` or `else` (returned to the caller), or the end of the tokens.
  const block = (): { nodes: TNode[]; stop?: ActionTok } => {
    const nodes: TNode[] = [];
    while (k < toks.length) {
      const t = toks[k++]!;
      if (t.kind === 'text') { if (t.text) nodes.push({ kind: 'text', text: t.text }); continue; }
      const b = t.body;
      if (b.startsWith('/*')) continue;
      const kw = KEYWORD.exec(b);
      if (!kw) { nodes.push({ kind: 'print', pipe: b, start: t.start, end: t.end }); continue; }
      const rest = b.slice(kw[0].length).trim();
      switch (kw[1]) {
        case 'end': case 'else': return { nodes, stop: t };
        case 'if': case 'with': {
          const branches: Array<{ cond: string | undefined; body: TNode[]; start: number; end: number }> = [];
          let cond: string | undefined = rest;
          let from = t.end;
          for (;;) {
            const inner = block();
            if (!inner.stop) { broken = true; return { nodes }; }
            branches.push({ cond, body: inner.nodes, start: from, end: inner.stop.start });
            from = inner.stop.end;
            const e = /^else\b\s*(?:(if|with)\b\s*)?(.*)$/s.exec(inner.stop.body);
            if (!e) break; // end
            cond = e[1] ? e[2]!.trim() : undefined;
          }
          nodes.push({ kind: kw[1], branches });
          break;
        }
        case 'range': {
          const inner = block();
          if (inner.stop && /^else\b/.test(inner.stop.body)) block();
          nodes.push({ kind: 'range', body: inner.nodes });
          break;
        }
        case 'define': case 'block': {
          const m = /^"((?:[^"\\]|\\.)*)"\s*(.*)$/s.exec(rest);
          const inner = block();
          if (m) {
            if (!defines.has(m[1]!)) defines.set(m[1]!, inner.nodes);
            if (kw[1] === 'block') nodes.push({ kind: 'template', name: m[1]!, arg: m[2]!.trim() || '.' });
          }
          break;
        }
        case 'template': {
          const m = /^"((?:[^"\\]|\\.)*)"\s*(.*)$/s.exec(rest);
          nodes.push(m ? { kind: 'template', name: m[1]!, arg: m[2]!.trim() } : { kind: 'unknown' });
          break;
        }
        default: nodes.push({ kind: 'unknown' });
      }
    }
    return { nodes };
  };
  const top = block();
  if (top.stop || broken) return undefined;
  return { nodes: top.nodes, defines };
}

// ---------------------------------------------------------------------------
// Pipelines

type Arg =
  | { t: 'lit'; v: TVal }
  | { t: 'field'; base: 'dot' | 'root' | string; path: string[] }
  | { t: 'fn'; name: string }
  | { t: 'group'; pipe: Cmd[] };
type Cmd = Arg[];
interface Pipe { decl?: { name: string; op: ':=' | '=' }; cmds: Cmd[] }

const FIELD = /^\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

/** A pipeline's words; undefined for anything this reader does not know (it is then UNKNOWN). */
function parsePipe(src: string): Pipe | undefined {
  let i = 0;
  const n = src.length;
  const ws = (): void => { while (i < n && /\s/.test(src[i]!)) i++; };
  let decl: Pipe['decl'];
  const d = /^(\$[A-Za-z0-9_]*)\s*(:=|=)(?!=)\s*/.exec(src);
  if (d) { decl = { name: d[1]!, op: d[2] as ':=' | '=' }; i = d[0].length; }
  const pipeline = (closing: string | undefined): Cmd[] | undefined => {
    const cmds: Cmd[] = [];
    let cmd: Cmd = [];
    for (;;) {
      ws();
      if (i >= n) break;
      const c = src[i]!;
      if (closing && c === closing) { i++; break; }
      if (c === '|') { if (cmd.length === 0) return undefined; cmds.push(cmd); cmd = []; i++; continue; }
      if (c === '(') {
        i++;
        const inner = pipeline(')');
        if (!inner) return undefined;
        const grp: Arg = { t: 'group', pipe: inner };
        // (x).field
        const f = FIELD.exec(src.slice(i));
        if (f) return undefined;
        cmd.push(grp);
        continue;
      }
      if (c === '"') {
        let j = i + 1;
        let s = '';
        for (; j < n && src[j] !== '"'; j++) {
          if (src[j] === '\\' && j + 1 < n) { const e = src[++j]!; s += e === 'n' ? '\n' : e === 't' ? '\t' : e; } else s += src[j];
        }
        if (j >= n) return undefined;
        cmd.push({ t: 'lit', v: s });
        i = j + 1;
        continue;
      }
      if (c === '`') {
        const j = src.indexOf('`', i + 1);
        if (j < 0) return undefined;
        cmd.push({ t: 'lit', v: src.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
      const word = /^[^\s|()]+/.exec(src.slice(i))?.[0];
      if (!word) return undefined;
      i += word.length;
      if (word === '.') cmd.push({ t: 'field', base: 'dot', path: [] });
      else if (word.startsWith('.')) {
        if (!FIELD.test(word) || FIELD.exec(word)![0] !== word) return undefined;
        cmd.push({ t: 'field', base: 'dot', path: word.slice(1).split('.') });
      } else if (word.startsWith('$')) {
        const m = /^(\$[A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(word);
        if (!m) return undefined;
        cmd.push({ t: 'field', base: m[1] === '$' ? 'root' : m[1]!, path: m[2] ? m[2].slice(1).split('.') : [] });
      } else if (word === 'true' || word === 'false') cmd.push({ t: 'lit', v: word === 'true' });
      else if (word === 'nil') cmd.push({ t: 'lit', v: null });
      else if (/^-?\d+(\.\d+)?$/.test(word)) cmd.push({ t: 'lit', v: Number(word) });
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) cmd.push({ t: 'fn', name: word });
      else return undefined;
    }
    if (cmd.length > 0) cmds.push(cmd);
    return cmds.length > 0 ? cmds : undefined;
  };
  const cmds = pipeline(undefined);
  return cmds ? { ...(decl ? { decl } : {}), cmds } : undefined;
}

// ---------------------------------------------------------------------------
// Evaluation

/** What a chart's templates see: `.Values` and `.Chart` as given; `.Release`, `.Capabilities`, `.Files`, `.Template` unknown. */
export function chartData(values: TVal, chart: { Name?: TVal; Version?: TVal; AppVersion?: TVal }): TVal {
  return { Values: values, Chart: { Name: chart.Name, Version: chart.Version, AppVersion: chart.AppVersion }, Release: UNKNOWN, Capabilities: UNKNOWN, Files: UNKNOWN, Template: UNKNOWN };
}

export function truthy(v: TVal): boolean | undefined {
  if (v === UNKNOWN) return undefined;
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** A value as Helm prints it (missing values print nothing); UNKNOWN for maps and lists (this reader does not print them). */
function show(v: TVal): string | typeof UNKNOWN {
  if (v === UNKNOWN) return UNKNOWN;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return UNKNOWN;
  return String(v);
}

function fieldOf(v: TVal, path: string[]): TVal {
  let cur = v;
  for (const k of path) {
    if (cur === UNKNOWN) return UNKNOWN;
    if (cur === null || cur === undefined) return undefined;
    if (typeof cur !== 'object' || Array.isArray(cur)) return UNKNOWN;
    cur = Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
  }
  return cur;
}

function sprintf(format: string, args: TVal[]): string | typeof UNKNOWN {
  let out = '';
  let a = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') { out += c; continue; }
    const verb = format[++i];
    if (verb === '%') { out += '%'; continue; }
    if (verb !== 's' && verb !== 'v' && verb !== 'd') return UNKNOWN;
    if (a >= args.length) return UNKNOWN;
    const s = show(args[a++]);
    if (s === UNKNOWN) return UNKNOWN;
    out += s;
  }
  return a === args.length ? out : UNKNOWN;
}

type Vars = Map<string, TVal>;

export interface EvalContext {
  defines: Map<string, TNode[]>;
  /** Set when an action printed a missing (empty) value: a name with a hole in it. */
  printedEmpty?: boolean;
  steps: number;
  /** A value that is not known prints as a placeholder (a list of arguments with an unknown item stays a list). */
  lenient?: boolean;
}

/** What a lenient render prints for a value it does not know. */
export const HOLE = '\u27e6?\u27e7';

class Budget extends Error {}

function step(cx: EvalContext): void {
  if (++cx.steps > MAX_STEPS) throw new Budget();
}

function evalPipe(cx: EvalContext, src: string, dot: TVal, root: TVal, vars: Vars, depth: number): TVal {
  const p = parsePipe(src);
  if (!p) return UNKNOWN;
  const v = runCmds(cx, p.cmds, dot, root, vars, depth);
  if (p.decl) {
    if (p.decl.op === '=' && !vars.has(p.decl.name)) return UNKNOWN;
    vars.set(p.decl.name, v);
    return '';
  }
  return v;
}

function runCmds(cx: EvalContext, cmds: Cmd[], dot: TVal, root: TVal, vars: Vars, depth: number): TVal {
  let piped: TVal | undefined;
  let hasPiped = false;
  for (const cmd of cmds) {
    step(cx);
    const head = cmd[0]!;
    const argv = (list: Arg[]): TVal[] => list.map((a) => argValue(cx, a, dot, root, vars, depth));
    let v: TVal;
    if (head.t === 'fn') {
      const args = argv(cmd.slice(1));
      if (hasPiped) args.push(piped);
      v = call(cx, head.name, args, depth);
    } else {
      if (cmd.length > 1 || hasPiped) return UNKNOWN;
      v = argValue(cx, head, dot, root, vars, depth);
    }
    piped = v;
    hasPiped = true;
  }
  return piped;
}

function argValue(cx: EvalContext, a: Arg, dot: TVal, root: TVal, vars: Vars, depth: number): TVal {
  switch (a.t) {
    case 'lit': return a.v;
    case 'group': return runCmds(cx, a.pipe, dot, root, vars, depth);
    case 'fn': return call(cx, a.name, [], depth);
    case 'field': {
      const base = a.base === 'dot' ? dot : a.base === 'root' ? root : vars.has(a.base) ? vars.get(a.base) : UNKNOWN;
      return fieldOf(base, a.path);
    }
  }
}

function call(cx: EvalContext, name: string, args: TVal[], depth: number): TVal {
  const known = (vs: TVal[]): boolean => vs.every((x) => x !== UNKNOWN);
  switch (name) {
    case 'default': {
      if (args.length !== 2) return UNKNOWN;
      const t = truthy(args[1]!);
      return t === undefined ? UNKNOWN : t ? args[1]! : args[0]!;
    }
    case 'required': return args.length === 2 ? args[1]! : UNKNOWN;
    case 'coalesce': {
      for (const x of args) { const t = truthy(x); if (t === undefined) return UNKNOWN; if (t) return x; }
      return undefined;
    }
    case 'printf': {
      if (!known(args) || typeof args[0] !== 'string') return UNKNOWN;
      return sprintf(args[0], args.slice(1));
    }
    case 'print': {
      let out = '';
      for (const x of args) { const s = show(x); if (s === UNKNOWN) return UNKNOWN; out += s; }
      return out;
    }
    case 'toString': case 'quote': case 'squote': case 'trim': case 'lower': case 'upper': {
      if (args.length !== 1) return UNKNOWN;
      const s = show(args[0]!);
      if (s === UNKNOWN) return UNKNOWN;
      return name === 'quote' ? `"${s}"` : name === 'squote' ? `'${s}'` : name === 'trim' ? s.trim() : name === 'lower' ? s.toLowerCase() : name === 'upper' ? s.toUpperCase() : s;
    }
    case 'trimSuffix': case 'trimPrefix': {
      if (args.length !== 2) return UNKNOWN;
      const a = show(args[0]!);
      const s = show(args[1]!);
      if (typeof a !== 'string' || typeof s !== 'string') return UNKNOWN;
      if (name === 'trimSuffix') return a && s.endsWith(a) ? s.slice(0, s.length - a.length) : s;
      return a && s.startsWith(a) ? s.slice(a.length) : s;
    }
    case 'not': { if (args.length !== 1) return UNKNOWN; const t = truthy(args[0]!); return t === undefined ? UNKNOWN : !t; }
    case 'and': case 'or': {
      for (const x of args) {
        const t = truthy(x);
        if (t === undefined) return UNKNOWN;
        if (name === 'and' ? !t : t) return x;
      }
      return args.length > 0 ? args[args.length - 1]! : UNKNOWN;
    }
    case 'empty': { if (args.length !== 1) return UNKNOWN; const t = truthy(args[0]!); return t === undefined ? UNKNOWN : !t; }
    case 'eq': case 'ne': {
      if (args.length !== 2 || !known(args)) return UNKNOWN;
      const [a, b] = args;
      if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return UNKNOWN;
      return name === 'eq' ? a === b : a !== b;
    }
    case 'ternary': {
      if (args.length !== 3) return UNKNOWN;
      const t = truthy(args[2]!);
      return t === undefined ? UNKNOWN : t ? args[0]! : args[1]!;
    }
    case 'include': {
      if (args.length !== 2 || typeof args[0] !== 'string') return UNKNOWN;
      return renderDefine(cx, args[0], args[1]!, depth + 1);
    }
    default: return UNKNOWN;
  }
}

function renderDefine(cx: EvalContext, name: string, dot: TVal, depth: number): TVal {
  const body = cx.defines.get(name);
  if (!body || depth > MAX_DEPTH) return UNKNOWN;
  return renderNodes(cx, body, dot, dot, new Map(), depth);
}

/** Render nodes to text; UNKNOWN when any part of it is unknown. */
function renderNodes(cx: EvalContext, nodes: TNode[], dot: TVal, root: TVal, vars: Vars, depth: number): string | typeof UNKNOWN {
  let out = '';
  for (const n of nodes) {
    step(cx);
    let part: string | typeof UNKNOWN;
    switch (n.kind) {
      case 'text': part = n.text; break;
      case 'print': {
        const v = evalPipe(cx, n.pipe, dot, root, vars, depth);
        if (v === null || v === undefined) cx.printedEmpty = true;
        part = show(v);
        if (part === UNKNOWN && cx.lenient) part = HOLE;
        break;
      }
      case 'template': part = show(renderDefine(cx, n.name, n.arg ? evalPipe(cx, n.arg, dot, root, vars, depth) : undefined, depth + 1)); break;
      case 'if': case 'with': {
        part = UNKNOWN;
        for (const b of n.branches) {
          if (b.cond === undefined) { part = renderNodes(cx, b.body, dot, root, new Map(vars), depth); break; }
          const v = evalPipe(cx, b.cond, dot, root, new Map(vars), depth);
          const t = truthy(v);
          if (t === undefined) { part = UNKNOWN; break; }
          if (t) { part = renderNodes(cx, b.body, n.kind === 'with' ? v : dot, root, new Map(vars), depth); break; }
          part = '';
        }
        break;
      }
      default: part = UNKNOWN;
    }
    if (part === UNKNOWN) return UNKNOWN;
    out += part;
    if (out.length > MAX_OUTPUT) return UNKNOWN;
  }
  return out;
}

/**
 * Render a short template (an `image:` value, a Service `type:`) with the chart's data and named templates.
 * Undefined when anything in it is unknown, or when it prints a value that is missing (the name has a hole).
 */
export function renderText(src: string, data: TVal, defines: Map<string, TNode[]>, opts: { lenient?: boolean } = {}): string | undefined {
  const parsed = parseTemplate(src);
  if (!parsed) return undefined;
  const all = parsed.defines.size > 0 ? new Map([...defines, ...parsed.defines]) : defines;
  const cx: EvalContext = { defines: all, steps: 0, ...(opts.lenient ? { lenient: true } : {}) };
  try {
    const out = renderNodes(cx, parsed.nodes, data, data, new Map(), 0);
    // Lenient: an unknown value printed is a placeholder, an empty one prints as nothing (as Helm does); an
    // unknown condition still leaves the whole render unknown.
    return out === UNKNOWN || (cx.printedEmpty && !opts.lenient) ? undefined : out;
  } catch (e) {
    if (e instanceof Budget) return undefined;
    throw e;
  }
}

/** The truth of a condition (`.Values.debug.enabled`, `not .Values.x`, `and .Values.a .Values.b`) with the chart's data. */
export function conditionValue(cond: string, data: TVal, defines: Map<string, TNode[]>): boolean | undefined {
  const cx: EvalContext = { defines, steps: 0 };
  try {
    return truthy(evalPipe(cx, cond, data, data, new Map(), 0));
  } catch (e) {
    if (e instanceof Budget) return undefined;
    throw e;
  }
}

/** Every define of a template file ("chart.image" → its body); empty when the file is no whole template. */
export function definesOf(src: string): Map<string, TNode[]> {
  return parseTemplate(src)?.defines ?? new Map();
}

export interface Region {
  /** Offsets of the text the branch holds. */
  start: number;
  end: number;
  /** The condition as written (`.Values.debug.enabled`), with `not (…)` for an else branch. */
  cond: string;
  /** Whether the branch renders with the chart's default values; undefined when that is not known. */
  on: boolean | undefined;
  /** Offset of the `{{ if … }}` action that opens it. */
  at: number;
}

/**
 * The if/else branches of a whole template file (a manifest), with whether each renders with the chart's
 * default values. Only the top-level structure is walked (branches inside ranges are skipped: unknown).
 */
export function conditionRegions(src: string, data: TVal, defines: Map<string, TNode[]>): Region[] {
  const toks = tokenize(src);
  if (!toks) return [];
  const out: Region[] = [];
  const stack: Array<{ kind: string; conds: string[]; at: number; from: number; decided: boolean | undefined }> = [];
  const close = (s: (typeof stack)[number], end: number): void => {
    if (s.kind !== 'if' && s.kind !== 'with') return;
    const cond = s.conds[s.conds.length - 1]!;
    let on: boolean | undefined;
    // An else branch renders when every earlier condition is false.
    const earlier = s.conds.slice(0, -1).map((c) => conditionValue(c, data, defines));
    const own = cond === '' ? true : conditionValue(cond, data, defines);
    if (earlier.some((e) => e === true)) on = false;
    else if (earlier.some((e) => e === undefined)) on = undefined;
    else on = own;
    const shown = cond === '' ? `not (${s.conds.slice(0, -1).join(' or ')})` : cond;
    out.push({ start: s.from, end, cond: shown, on, at: s.at });
  };
  for (const t of toks) {
    if (t.kind !== 'action') continue;
    const kw = KEYWORD.exec(t.body);
    if (!kw) continue;
    const rest = t.body.slice(kw[0].length).trim();
    if (kw[1] === 'if' || kw[1] === 'with') stack.push({ kind: kw[1], conds: [rest], at: t.start, from: t.end, decided: undefined });
    else if (kw[1] === 'range' || kw[1] === 'define' || kw[1] === 'block') stack.push({ kind: kw[1], conds: [], at: t.start, from: t.end, decided: undefined });
    else if (kw[1] === 'else') {
      const s = stack[stack.length - 1];
      if (!s) return [];
      close(s, t.start);
      const e = /^(?:(if|with)\b\s*)?(.*)$/s.exec(rest)!;
      s.conds.push(e[1] ? e[2]!.trim() : '');
      s.from = t.end;
    } else if (kw[1] === 'end') {
      const s = stack.pop();
      if (!s) return [];
      close(s, t.start);
    }
  }
  return stack.length === 0 ? out : [];
}
