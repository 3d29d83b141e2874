/**
 * A Tiltfile's image builds: the calls `docker_build(ref, context, …)` of its
 * Starlark, with their positional and keyword arguments where those are
 * strings or lists of strings, as far as a small evaluator of constant
 * expressions can tell: literals, names bound at the top level (`IMG = 'app'`,
 * `DLV = ['dlv', 'exec']`) or in a function's body, `+` of strings or of
 * lists, `'…{x}…'.format(x=…)` and `'…%s…' % x`, and calls of the file's own
 * functions whose body returns such an expression (`def dlv_cmd(name): return
 * ['dlv', 'exec', '/app/' + name]`). A tokenizer of Starlark's lexical grammar
 * (strings with their prefixes and triple quotes, comments, brackets, where
 * each line starts) and recursive descent over those expressions; nothing is
 * executed, and loops, conditions and other calls give no value. Evaluation
 * is capped (depth and steps).
 */

export interface StarValue {
  value: string;
  start: number;
  end: number;
  /** A list or tuple of string literals: its items (value is then ''). */
  items?: StarValue[];
  /** The raw source of a string literal (quotes included); absent for a string made by an expression. */
  raw?: string;
  /** A list item whose value is not known (a loop variable, a parameter without a value): value is its source text. */
  unknown?: boolean;
  /** A string made by `+`: the literal it starts with (`BASE + 'RUN make'` starts with BASE's literal). */
  head?: StarValue;
}

export interface StarCall {
  name: string;
  start: number;
  args: Array<StarValue | undefined>;
  kwargs: Map<string, StarValue | undefined>;
}

/** A token; `nl` when it is the first of its line, `col` its column. */
type Tok = { t: 'str' | 'id' | 'op'; v: string; s: number; e: number; nl?: boolean; col?: number };

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const raw = lex(text);
  let lastLine = -1;
  let lineStart = 0;
  let scanned = 0;
  for (const t of raw) {
    for (; scanned < t.s; scanned++) if (text[scanned] === '\n') lineStart = scanned + 1;
    const line = lineStart;
    if (line !== lastLine) { t.nl = true; lastLine = line; }
    t.col = t.s - lineStart;
    out.push(t);
  }
  return out;
}

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '#') { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') { i++; continue; }
    const pm = /^[rRbB]{0,2}(?=["'])/.exec(text.slice(i, i + 3));
    if (c === '"' || c === "'" || (pm && pm[0].length > 0)) {
      const s = i;
      const prefix = pm ? pm[0] : '';
      const raw = /r/i.test(prefix);
      i += prefix.length;
      const q = text[i]!;
      const triple = text.startsWith(q.repeat(3), i);
      const close = triple ? q.repeat(3) : q;
      i += close.length;
      let v = '';
      while (i < n && !text.startsWith(close, i)) {
        if (!triple && text[i] === '\n') break;
        if (text[i] === '\\' && i + 1 < n) {
          const x = text[i + 1]!;
          if (raw) { v += '\\' + x; i += 2; continue; }
          v += x === 'n' ? '\n' : x === 't' ? '\t' : x === '\n' ? '' : x;
          i += 2;
          continue;
        }
        v += text[i];
        i++;
      }
      i = Math.min(n, i + close.length);
      out.push({ t: 'str', v, s, e: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const s = i;
      while (i < n && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      out.push({ t: 'id', v: text.slice(s, i), s, e: i });
      continue;
    }
    if (/[0-9]/.test(c)) { while (i < n && /[0-9A-Za-z_.]/.test(text[i]!)) i++; continue; }
    const two = text.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '**', '//', '+=', '-=', '*=', '->'].includes(two)) { out.push({ t: 'op', v: two, s: i, e: i + 2 }); i += 2; continue; }
    out.push({ t: 'op', v: c, s: i, e: i + 1 });
    i++;
  }
  return out;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

type Val = StarValue | undefined;

interface Def { params: Array<{ name: string; dflt?: number }>; body: [number, number] }

const MAX_DEPTH = 16;
const MAX_STEPS = 20000;

/**
 * The evaluator of constant expressions over a file's tokens: top-level
 * bindings and functions (`def`), each read lazily and once.
 */
class Evaluator {
  /** Each top-level name's bindings (the token index of each value), in file order. */
  readonly top = new Map<string, number[]>();
  readonly defs = new Map<string, Def>();
  private readonly cache = new Map<string, Val>();
  private readonly busy = new Set<string>();
  private steps = 0;
  private depth = 0;

  constructor(private readonly text: string, readonly toks: Tok[]) {
    let depth = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.t === 'op' && OPEN.has(t.v)) { depth++; continue; }
      if (t.t === 'op' && CLOSE.has(t.v)) { depth = Math.max(0, depth - 1); continue; }
      if (depth !== 0 || !t.nl) continue;
      if (t.t === 'id' && t.v === 'def' && toks[k + 1]?.t === 'id' && toks[k + 2]?.v === '(') {
        const d = this.defOf(k);
        if (d && !this.defs.has(toks[k + 1]!.v)) this.defs.set(toks[k + 1]!.v, d);
      }
    }
    // Top-level bindings (also under a top-level if), outside every function's body. A name bound again
    // under a condition (`entrypoint = ['/app']`, then `if debug: entrypoint = ['/dlv', …]`) takes, where it
    // is used, the last binding before the use: the file as it runs with its conditions on.
    const bodies = [...this.defs.values()].map((d) => d.body);
    depth = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.t === 'op' && OPEN.has(t.v)) { depth++; continue; }
      if (t.t === 'op' && CLOSE.has(t.v)) { depth = Math.max(0, depth - 1); continue; }
      if (depth !== 0 || !t.nl || t.t !== 'id' || toks[k + 1]?.v !== '=') continue;
      if (bodies.some(([a, b]) => k >= a && k < b)) continue;
      const list = this.top.get(t.v) ?? [];
      list.push(k + 2);
      this.top.set(t.v, list);
    }
  }

  /** `def NAME(a, b='x'):` and its body: the tokens up to the next line indented no deeper than the def. */
  private defOf(k: number): Def | undefined {
    const toks = this.toks;
    const col = toks[k]!.col ?? 0;
    const params: Def['params'] = [];
    let m = k + 3;
    let d = 1;
    let expectName = true;
    for (; m < toks.length && d > 0; m++) {
      const x = toks[m]!;
      if (x.t === 'op' && OPEN.has(x.v)) d++;
      else if (x.t === 'op' && CLOSE.has(x.v)) { d--; if (d === 0) break; }
      else if (d === 1 && x.v === ',') expectName = true;
      else if (d === 1 && expectName && x.t === 'id') { params.push(toks[m + 1]?.v === '=' ? { name: x.v, dflt: m + 2 } : { name: x.v }); expectName = false; }
      else if (d === 1 && (x.v === '*' || x.v === '**')) return undefined;
    }
    if (toks[m + 1]?.v !== ':') return undefined;
    const from = m + 2;
    let to = from;
    let depth = 0;
    for (; to < toks.length; to++) {
      const x = toks[to]!;
      if (depth === 0 && x.nl && (x.col ?? 0) <= col && to > from) break;
      if (x.t === 'op' && OPEN.has(x.v)) depth++;
      else if (x.t === 'op' && CLOSE.has(x.v)) depth = Math.max(0, depth - 1);
    }
    return { params, body: [from, to] };
  }

  /** The value of a top-level name used at token `use`: its last binding before the use (else its first). */
  name(n: string, use: number): Val {
    const list = this.top.get(n);
    if (!list) return undefined;
    let at = list[0]!;
    for (const b of list) if (b < use) at = b;
    const key = `${n}@${at}`;
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.busy.has(key)) return undefined;
    this.busy.add(key);
    const r = this.statement(at, new Map());
    this.busy.delete(key);
    this.cache.set(key, r);
    return r;
  }

  /** An expression that is a whole statement: it must end where its line does. */
  private statement(at: number, env: Map<string, Val>): Val {
    const r = this.expr(at, env);
    if (!r) return undefined;
    const next = this.toks[r.next];
    if (next && !next.nl && next.v !== ';') return undefined;
    return r.val;
  }

  /** The value of the tokens [from, to) as one expression, or undefined. */
  slice(from: number, to: number, env: Map<string, Val> = new Map()): Val {
    if (from >= to) return undefined;
    // Each argument of a call gets its own budget (a file of many builds reads them all).
    if (this.depth === 0) this.steps = 0;
    const r = this.expr(from, env, to);
    return r && r.next === to ? r.val : undefined;
  }

  private expr(k: number, env: Map<string, Val>, end = this.toks.length): { val: Val; next: number } | undefined {
    if (++this.steps > MAX_STEPS || this.depth > MAX_DEPTH) return undefined;
    this.depth++;
    try {
      let left = this.postfix(k, env, end);
      if (!left) return undefined;
      while (left.next < end && (this.toks[left.next]!.v === '+' || this.toks[left.next]!.v === '%')) {
        const op: string = this.toks[left.next]!.v;
        const right = this.postfix(left.next + 1, env, end);
        if (!right) return undefined;
        left = { val: op === '+' ? plus(left.val, right.val) : percent(left.val, right.val), next: right.next };
      }
      return left;
    } finally {
      this.depth--;
    }
  }

  private postfix(k: number, env: Map<string, Val>, end: number): { val: Val; next: number } | undefined {
    let r = this.primary(k, env, end);
    if (!r) return undefined;
    // 'x {a}'.format(a=…)
    while (r.next + 2 < end && this.toks[r.next]!.v === '.' && this.toks[r.next + 1]!.t === 'id' && this.toks[r.next + 2]!.v === '(') {
      const method: string = this.toks[r.next + 1]!.v;
      const call = this.args(r.next + 2, env, end);
      if (!call) return undefined;
      r = { val: method === 'format' ? format(r.val, call.pos, call.kw) : undefined, next: call.next };
    }
    return r;
  }

  private primary(k: number, env: Map<string, Val>, end: number): { val: Val; next: number } | undefined {
    const t = this.toks[k];
    if (!t || k >= end) return undefined;
    if (t.t === 'str') {
      // Adjacent literals concatenate ('a' 'b').
      let val: Val = { value: t.v, start: t.s, end: t.e, raw: this.text.slice(t.s, t.e) };
      let m = k + 1;
      while (m < end && this.toks[m]!.t === 'str') { val = plus(val, { value: this.toks[m]!.v, start: this.toks[m]!.s, end: this.toks[m]!.e }); m++; }
      return { val, next: m };
    }
    if (t.v === '[' || t.v === '(') {
      const close = t.v === '[' ? ']' : ')';
      const items: StarValue[] = [];
      let m = k + 1;
      let tuple = t.v === '[';
      if (this.toks[m]?.v === close) return { val: { value: '', start: t.s, end: this.toks[m]!.e, items }, next: m + 1 };
      for (;;) {
        const item = this.expr(m, env, end);
        if (!item) return undefined;
        const x = this.toks[item.next];
        if (!x) return undefined;
        if (x.v === ',' || x.v === close) {
          const it = item.val;
          items.push(it && !it.items ? it : { value: this.text.slice(this.toks[m]!.s, this.toks[item.next - 1]!.e), start: this.toks[m]!.s, end: this.toks[item.next - 1]!.e, unknown: true });
        } else return undefined;
        if (x.v === ',') { tuple = true; m = item.next + 1; if (this.toks[m]?.v === close) { m++; break; } continue; }
        m = item.next + 1;
        // (expr) without a comma is the expression itself.
        if (!tuple) return { val: item.val, next: m };
        break;
      }
      return { val: { value: '', start: t.s, end: this.toks[m - 1]!.e, items }, next: m };
    }
    if (t.t === 'id') {
      if (['for', 'if', 'lambda', 'not', 'in', 'and', 'or', 'else'].includes(t.v)) return undefined;
      if (this.toks[k + 1]?.v === '(' && k + 1 < end) {
        const call = this.args(k + 1, env, end);
        if (!call) return undefined;
        return { val: this.invoke(t.v, call.pos, call.kw), next: call.next };
      }
      if (this.toks[k + 1]?.v === '[' || (this.toks[k + 1]?.v === '.' && this.toks[k + 2]?.v !== 'format')) {
        // Indexing and attributes (cfg['x'], os.environ): no value, skip the trailer.
        return undefined;
      }
      if (env.has(t.v)) return { val: env.get(t.v), next: k + 1 };
      return { val: this.name(t.v, k), next: k + 1 };
    }
    return undefined;
  }

  /** The arguments of a call at `(`: positional and keyword values. */
  private args(k: number, env: Map<string, Val>, end: number): { pos: Val[]; kw: Map<string, Val>; next: number } | undefined {
    const pos: Val[] = [];
    const kw = new Map<string, Val>();
    let m = k + 1;
    let d = 1;
    let argStart = m;
    for (; m < end; m++) {
      const x = this.toks[m]!;
      if (x.t === 'op' && OPEN.has(x.v)) d++;
      else if (x.t === 'op' && CLOSE.has(x.v)) d--;
      if ((d === 1 && x.v === ',') || d === 0) {
        if (m > argStart) {
          const first = this.toks[argStart]!;
          if (first.t === 'id' && this.toks[argStart + 1]?.v === '=') kw.set(first.v, this.slice(argStart + 2, m, env));
          else pos.push(this.slice(argStart, m, env));
        }
        argStart = m + 1;
        if (d === 0) return { pos, kw, next: m + 1 };
      }
    }
    return undefined;
  }

  /** A call of one of the file's functions: the value its body returns (one `return` only). */
  private invoke(name: string, pos: Val[], kw: Map<string, Val>): Val {
    const def = this.defs.get(name);
    if (!def) return undefined;
    const env = new Map<string, Val>();
    def.params.forEach((p, i) => {
      if (i < pos.length) env.set(p.name, pos[i]);
      else if (kw.has(p.name)) env.set(p.name, kw.get(p.name));
      else env.set(p.name, p.dflt !== undefined ? this.expr(p.dflt, new Map())?.val : undefined);
    });
    const [from, to] = def.body;
    let ret: number | undefined;
    let depth = 0;
    const bodyCol = this.toks[from]?.col ?? 0;
    for (let k = from; k < to; k++) {
      const t = this.toks[k]!;
      if (t.t === 'op' && OPEN.has(t.v)) { depth++; continue; }
      if (t.t === 'op' && CLOSE.has(t.v)) { depth = Math.max(0, depth - 1); continue; }
      if (depth !== 0 || !t.nl) continue;
      if (t.t === 'id' && t.v === 'return') {
        // A return under an if/for (deeper than the body) is one of several: no value.
        if (ret !== undefined || (t.col ?? 0) !== bodyCol) return undefined;
        ret = k + 1;
      } else if (t.t === 'id' && (t.col ?? 0) === bodyCol && this.toks[k + 1]?.v === '=' && !env.has(t.v)) {
        env.set(t.v, this.statement(k + 2, new Map(env)));
      } else if (t.t === 'id' && (t.col ?? 0) === bodyCol && this.toks[k + 1]?.v === '+=') {
        env.set(t.v, undefined);
      }
    }
    if (ret === undefined) return undefined;
    return this.statement(ret, env);
  }
}

function plus(a: Val, b: Val): Val {
  if (!a || !b) return undefined;
  if (a.items && b.items) return { value: '', start: a.start, end: b.end, items: [...a.items, ...b.items] };
  if (a.items || b.items) return undefined;
  const head = a.raw !== undefined ? a : a.head;
  return { value: a.value + b.value, start: a.start, end: b.end, ...(head ? { head } : {}) };
}

/** 'a %s b' % x and % (x, y): %s and %d replaced in order. */
function percent(a: Val, b: Val): Val {
  if (!a || !b || a.items) return undefined;
  const args = b.items ?? [b];
  if (args.some((x) => x.unknown)) return undefined;
  let i = 0;
  let bad = false;
  const value = a.value.replace(/%([sdr%])/g, (m, c: string) => {
    if (c === '%') return '%';
    const x = args[i++];
    if (!x) { bad = true; return m; }
    return x.value;
  });
  return bad || i !== args.length ? undefined : { value, start: a.start, end: b.end };
}

/** '{a} {}'.format(…): known strings replace their fields; an unknown one leaves `{name}` as written. */
function format(a: Val, pos: Val[], kw: Map<string, Val>): Val {
  if (!a || a.items) return undefined;
  let i = 0;
  const value = a.value.replace(/\{\{|\}\}|\{([A-Za-z_0-9]*)\}/g, (m, key?: string) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const v = key === '' ? pos[i++] : /^\d+$/.test(key!) ? pos[Number(key)] : kw.get(key!);
    return v && !v.items ? v.value : m;
  });
  return { value, start: a.start, end: a.end };
}

/** The calls of the named functions, with their arguments' values where they are strings or lists of strings (others undefined). */
export function starlarkCalls(text: string, names: ReadonlySet<string>): StarCall[] {
  const toks = tokenize(text);
  const ev = new Evaluator(text, toks);
  const out: StarCall[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.t !== 'id' || !names.has(t.v) || toks[k + 1]?.v !== '(' || toks[k - 1]?.v === '.' || toks[k - 1]?.v === 'def') continue;
    const call: StarCall = { name: t.v, start: t.s, args: [], kwargs: new Map() };
    // Inside a function's body, its parameters have no value here (the call's own arguments are unknown).
    const env = new Map<string, Val>();
    for (const d of ev.defs.values()) if (k >= d.body[0] && k < d.body[1]) for (const p of d.params) env.set(p.name, undefined);
    let d = 0;
    let m = k + 1;
    let argStart = m + 1;
    for (; m < toks.length; m++) {
      const x = toks[m]!;
      if (x.t === 'op' && OPEN.has(x.v)) d++;
      else if (x.t === 'op' && CLOSE.has(x.v)) d--;
      if ((d === 1 && x.v === ',') || d === 0) {
        if (m > argStart) {
          const first = toks[argStart]!;
          if (first.t === 'id' && toks[argStart + 1]?.v === '=') call.kwargs.set(first.v, ev.slice(argStart + 2, m, env));
          else call.args.push(ev.slice(argStart, m, env));
        }
        argStart = m + 1;
        if (d === 0) break;
      }
    }
    out.push(call);
    // k8s_yaml(helm('chart')): the calls inside a deploy are read too.
    if (call.name !== 'k8s_yaml') k = m;
  }
  return out;
}
