/**
 * A Tiltfile's image builds: the calls `docker_build(ref, context, …)` of its
 * Starlark, with their positional and keyword arguments where those are
 * string literals (or names bound to one at the top level: `IMG = 'app'`).
 * A tokenizer of Starlark's lexical grammar (strings with their prefixes and
 * triple quotes, comments, brackets) and a walk of the call's arguments; no
 * evaluation. Everything else of the file is skipped.
 */

export interface StarValue {
  value: string;
  start: number;
  end: number;
  /** A list or tuple of string literals: its items (value is then ''). */
  items?: StarValue[];
  /** The raw source of a string literal (quotes included). */
  raw?: string;
}

export interface StarCall {
  name: string;
  start: number;
  args: Array<StarValue | undefined>;
  kwargs: Map<string, StarValue | undefined>;
}

type Tok = { t: 'str'; v: string; s: number; e: number } | { t: 'id'; v: string; s: number; e: number } | { t: 'op'; v: string; s: number; e: number };

function tokenize(text: string): Tok[] {
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

/** The calls of the named functions, with literal string arguments (others undefined). */
export function starlarkCalls(text: string, names: ReadonlySet<string>): StarCall[] {
  const toks = tokenize(text);
  // Top-level `NAME = 'literal'` bindings (at bracket depth 0, a name first on its statement).
  const bound = new Map<string, StarValue>();
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.t === 'op' && OPEN.has(t.v)) depth++;
    else if (t.t === 'op' && CLOSE.has(t.v)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.t === 'id' && toks[k + 1]?.v === '=' && toks[k + 2]?.t === 'str' && !(toks[k + 3]?.t === 'op' && toks[k + 3]!.v === '+')) {
      const v = toks[k + 2]!;
      if (!bound.has(t.v)) bound.set(t.v, { value: v.v, start: v.s, end: v.e });
    }
  }
  const out: StarCall[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.t !== 'id' || !names.has(t.v) || toks[k + 1]?.v !== '(' || toks[k - 1]?.v === '.' || toks[k - 1]?.v === 'def') continue;
    const call: StarCall = { name: t.v, start: t.s, args: [], kwargs: new Map() };
    let d = 0;
    let m = k + 1;
    // One argument: the tokens between commas at depth 1.
    let arg: Tok[] = [];
    const flush = (): void => {
      if (arg.length === 0) return;
      let key: string | undefined;
      let val = arg;
      if (arg[0]!.t === 'id' && arg[1]?.v === '=') { key = arg[0]!.v; val = arg.slice(2); }
      let v: StarValue | undefined;
      const lit = (t: Tok): StarValue => ({ value: t.v, start: t.s, end: t.e, raw: text.slice(t.s, t.e) });
      if (val.length === 1 && val[0]!.t === 'str') v = lit(val[0]!);
      else if (val.length === 1 && val[0]!.t === 'id') v = bound.get(val[0]!.v);
      else if (val.length >= 2 && (val[0]!.v === '[' || val[0]!.v === '(') && (val[val.length - 1]!.v === ']' || val[val.length - 1]!.v === ')')) {
        // ['a', 'b', …]: only string items and commas.
        const inner = val.slice(1, -1);
        const strs = inner.filter((t) => t.t === 'str');
        if (inner.every((t) => t.t === 'str' || t.v === ',')) v = { value: '', start: val[0]!.s, end: val[val.length - 1]!.e, items: strs.map(lit) };
      }
      if (key !== undefined) call.kwargs.set(key, v);
      else call.args.push(v);
      arg = [];
    };
    for (; m < toks.length; m++) {
      const x = toks[m]!;
      if (x.t === 'op' && OPEN.has(x.v)) { d++; if (d === 1) continue; }
      else if (x.t === 'op' && CLOSE.has(x.v)) { d--; if (d === 0) break; }
      if (d === 1 && x.t === 'op' && x.v === ',') { flush(); continue; }
      if (d >= 1) arg.push(x);
    }
    flush();
    out.push(call);
    // k8s_yaml(helm('chart')): the calls inside a deploy are read too.
    if (call.name !== 'k8s_yaml') k = m;
  }
  return out;
}
