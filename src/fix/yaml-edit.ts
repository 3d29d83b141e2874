/**
 * Format-preserving YAML edits computed from node ranges: new items follow
 * the file's own indentation, dash style and quoting; nothing else moves.
 */
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq } from '../parse/yaml-lib.js';
import { eol, lineContentEnd, lineEndWithBreak, lineStart, positionAt } from '../source.js';
import type { SourceFile, TextEdit } from '../types.js';
import { deref, keyOf, type YamlFile, type YNode } from '../parse/yaml.js';

function col(file: SourceFile, offset: number): number {
  return positionAt(file, offset).column - 1;
}

/** Back up over whitespace to the last meaningful character before offset. */
function lastContent(file: SourceFile, offset: number): number {
  let o = Math.min(offset, file.text.length);
  while (o > 0 && /\s/.test(file.text[o - 1]!)) o--;
  return Math.max(0, o - 1);
}

const seqIndents = new WeakMap<YamlFile, number>();
const mapIndents = new WeakMap<YamlFile, number>();

/** How far a block sequence's dash sits to the right of its key, as the file does it (worked out once per file: every fix asks). */
export function seqIndent(y: YamlFile): number {
  let n = seqIndents.get(y);
  if (n === undefined) seqIndents.set(y, (n = findSeqIndent(y)));
  return n;
}

function findSeqIndent(y: YamlFile): number {
  const file = y.file;
  let found: number | undefined;
  const visit = (n: unknown, depth: number): void => {
    if (found !== undefined || depth > 50 || !n) return;
    if (isMap(n)) {
      for (const p of (n as YAMLMap).items) {
        const v = p.value as Node | null;
        const k = p.key as Node | null;
        if (v && isSeq(v) && (v as YAMLSeq).flow !== true && (v as YAMLSeq).items.length > 0 && k?.range) {
          const first = (v as YAMLSeq).items[0] as Node | null;
          if (first?.range) {
            const dash = file.text.lastIndexOf('-', first.range[0]);
            if (dash >= 0 && positionAt(file, dash).line !== positionAt(file, k.range[0]).line) {
              found = col(file, dash) - col(file, k.range[0]);
              return;
            }
          }
        }
        visit(v, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const i of (n as YAMLSeq).items) visit(i, depth + 1);
    }
  };
  for (const d of y.docs) visit(d.contents, 0);
  return found !== undefined && found >= 0 && found <= 8 ? found : 2;
}

/** Indentation step of block maps in this file (child key column − parent key column), worked out once per file. */
export function mapIndent(y: YamlFile): number {
  let n = mapIndents.get(y);
  if (n === undefined) mapIndents.set(y, (n = findMapIndent(y)));
  return n;
}

function findMapIndent(y: YamlFile): number {
  const file = y.file;
  for (const d of y.docs) {
    const c = d.contents;
    if (!c || !isMap(c)) continue;
    for (const p of (c as YAMLMap).items) {
      const v = p.value as Node | null;
      const k = p.key as Node | null;
      if (v && isMap(v) && !(v as YAMLMap).flow && (v as YAMLMap).items.length > 0 && k?.range) {
        const ck = (v as YAMLMap).items[0]!.key as Node | null;
        if (ck?.range) {
          const step = col(file, ck.range[0]) - col(file, k.range[0]);
          if (step > 0 && step <= 8) return step;
        }
      }
    }
  }
  return 2;
}

function quoteLike(sample: YNode, value: string): string {
  // Already quoted by the caller (e.g. "127.0.0.1:2345:2345"): keep as is.
  if (/^(["']).*\1$/.test(value)) return value;
  if (sample && isScalar(sample)) {
    const t = (sample as Scalar).type;
    if (t === 'QUOTE_DOUBLE') return `"${value}"`;
    if (t === 'QUOTE_SINGLE') return `'${value}'`;
  }
  return value;
}

/** Lines for `path[0]: … path[n-1]: [item]` as a new block at the given key column. */
function newBlock(keyCol: number, step: number, sIndent: number, path: string[], item: string, nl: string): string {
  let out = '';
  let c = keyCol;
  for (let i = 0; i < path.length; i++) {
    out += `${nl}${' '.repeat(c)}${path[i]}:`;
    if (i < path.length - 1) c += step;
  }
  out += `${nl}${' '.repeat(c + sIndent)}- ${item}`;
  return out;
}

/**
 * Make sure `item` is in the sequence at `path` under `map`, creating keys as
 * needed. Returns edits on the original text, or undefined when the shape is
 * one we do not edit (flow maps, aliases, odd values).
 */
export function ensureSeqItem(y: YamlFile, map: YNode, path: string[], item: string): TextEdit[] | undefined {
  const file = y.file;
  const nl = eol(file);
  const step = mapIndent(y);
  const sIndent = seqIndent(y);
  let node: YNode = map;
  for (let i = 0; i < path.length; i++) {
    if (!node || !isMap(node) || (node as YAMLMap).flow) return undefined;
    const m = node as YAMLMap;
    // Only the map's own pairs are edited (never an anchor's, which other places share).
    const pair = m.items.find((p) => keyOf(p) === path[i]);
    const rest = path.slice(i);
    if (!pair) {
      const last = m.items[m.items.length - 1];
      const firstKey = m.items[0]?.key as Node | null;
      if (!last || !firstKey?.range) return undefined;
      const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
      if (end === undefined) return undefined;
      const at = lineContentEnd(file, lastContent(file, end));
      return [{ path: file.path, start: at, end: at, text: newBlock(col(file, firstKey.range[0]), step, sIndent, rest, item, nl) }];
    }
    const value = pair.value as Node | null;
    const keyNode = pair.key as Node | null;
    if (!keyNode?.range) return undefined;
    const isNull = !value || (isScalar(value) && ((value as Scalar).value === null || (value as Scalar).value === ''));
    if (isNull) {
      if (value && isScalar(value) && value.range && value.range[1] > value.range[0]) return undefined; // explicit `~` or `null`
      const at = lineContentEnd(file, keyNode.range[1]);
      const kc = col(file, keyNode.range[0]);
      const lines = newBlock(kc + step, step, sIndent, rest.slice(1), item, nl);
      if (rest.length === 1) return [{ path: file.path, start: at, end: at, text: `${nl}${' '.repeat(kc + sIndent)}- ${item}` }];
      return [{ path: file.path, start: at, end: at, text: lines }];
    }
    if (i < path.length - 1) {
      node = value;
      continue;
    }
    // The sequence itself.
    if (!isSeq(value)) return undefined;
    const seq = value as YAMLSeq;
    const existing = seq.items.map((it) => deref(y, it));
    if (existing.some((e) => e && isScalar(e) && String((e as Scalar).value).toUpperCase().replace(/^CAP_/, '') === item.toUpperCase().replace(/^CAP_/, ''))) return [];
    const sample = existing[existing.length - 1];
    const text = quoteLike(sample, item);
    if (seq.flow) {
      const r = seq.range;
      if (!r) return undefined;
      let close = r[1] - 1;
      while (close > r[0] && file.text[close] !== ']') close--;
      if (file.text[close] !== ']') return undefined;
      if (existing.length === 0) return [{ path: file.path, start: close, end: close, text }];
      const lastItem = seq.items[seq.items.length - 1] as Node | null;
      const after = lastItem?.range?.[1] ?? close;
      return [{ path: file.path, start: after, end: after, text: `, ${text}` }];
    }
    const lastItem = seq.items[seq.items.length - 1] as Node | null;
    if (!lastItem?.range) return undefined;
    const ls = lineStart(file, positionAt(file, lastItem.range[0]).line);
    const prefix = file.text.slice(ls, lastItem.range[0]);
    if (!/^\s*-\s+$/.test(prefix)) return undefined;
    const at = lineContentEnd(file, lastContent(file, lastItem.range[1]));
    return [{ path: file.path, start: at, end: at, text: `${nl}${prefix}${text}` }];
  }
  return undefined;
}

/** Remove a block-map pair, whole lines (its comments above stay). */
export function removePair(y: YamlFile, map: YAMLMap, pair: Pair): TextEdit[] | undefined {
  const file = y.file;
  if (map.flow) return undefined;
  const k = pair.key as Node | null;
  if (!k?.range) return undefined;
  const start = lineStart(file, positionAt(file, k.range[0]).line);
  if (file.text.slice(start, k.range[0]).trim() !== '' && !/^\s*-\s*$/.test(file.text.slice(start, k.range[0]))) return undefined;
  const v = pair.value as Node | null;
  const endOff = lastContent(file, v?.range?.[1] ?? k.range[1]);
  const end = lineEndWithBreak(file, endOff);
  return [{ path: file.path, start, end, text: '' }];
}

/** Remove one item of a sequence; when it is the only one, remove the whole key. */
export function removeSeqItem(y: YamlFile, map: YAMLMap, key: string, item: Node): TextEdit[] | undefined {
  const file = y.file;
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair || !isSeq(pair.value)) return undefined;
  const seq = pair.value as YAMLSeq;
  const idx = seq.items.indexOf(item as never);
  if (idx < 0 || !item.range) return undefined;
  if (seq.items.length === 1) return removePair(y, map, pair);
  if (seq.flow) {
    // Remove the item and one neighbouring comma.
    const prev = seq.items[idx - 1] as Node | null;
    const next = seq.items[idx + 1] as Node | null;
    if (next?.range) return [{ path: file.path, start: item.range[0], end: next.range[0], text: '' }];
    if (prev?.range) return [{ path: file.path, start: prev.range[1], end: item.range[1], text: '' }];
    return undefined;
  }
  const start = lineStart(file, positionAt(file, item.range[0]).line);
  const end = lineEndWithBreak(file, lastContent(file, item.range[1]));
  return [{ path: file.path, start, end, text: '' }];
}

/** The pair holding a key in a map's own items (not merged ones). */
export function ownPair(map: YNode, key: string): Pair | undefined {
  if (!map || !isMap(map)) return undefined;
  return (map as YAMLMap).items.find((p) => keyOf(p) === key);
}


/** Where a new pair of a block map goes: after its last pair's content, at its keys' column. */
export function newPairAt(y: YamlFile, map: YAMLMap): { at: number; col: number } | undefined {
  const file = y.file;
  if (map.flow) return undefined;
  const last = map.items[map.items.length - 1];
  const firstKey = map.items[0]?.key as Node | null;
  if (!last || !firstKey?.range) return undefined;
  const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  if (end === undefined) return undefined;
  return { at: lineContentEnd(file, lastContent(file, end)), col: col(file, firstKey.range[0]) };
}

/**
 * A new pair `key:` with a block sequence of `items` (`key: []` for none)
 * after the map's last pair: to give a service its own list where it got one
 * through a merge key (`<<: *debug`), which an own key replaces whole.
 */
export function addSeqPair(y: YamlFile, map: YAMLMap, key: string, items: string[]): TextEdit[] | undefined {
  const p = newPairAt(y, map);
  if (!p || ownPair(map, key)) return undefined;
  const nl = eol(y.file);
  const pad = ' '.repeat(p.col);
  const body = items.length === 0 ? `${nl}${pad}${key}: []` : `${nl}${pad}${key}:${items.map((i) => `${nl}${pad}${' '.repeat(seqIndent(y))}- ${i}`).join('')}`;
  return [{ path: y.file.path, start: p.at, end: p.at, text: body }];
}

/** A new pair `key: value` (a plain scalar) after the map's last pair. */
export function addScalarPair(y: YamlFile, map: YAMLMap, key: string, value: string): TextEdit[] | undefined {
  const p = newPairAt(y, map);
  if (!p || ownPair(map, key)) return undefined;
  return [{ path: y.file.path, start: p.at, end: p.at, text: `${eol(y.file)}${' '.repeat(p.col)}${key}: ${value}` }];
}
