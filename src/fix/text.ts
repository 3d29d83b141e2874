/** Text edits: apply, and turn a before/after pair into minimal whole-line edits. */
import type { Fix, SourceFile, TextEdit } from '../types.js';
import { lineStart, positionAt } from '../source.js';

export class EditConflict extends Error {}

/** Apply non-overlapping edits (offsets into text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new EditConflict(`overlapping or invalid edit at ${e.start}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Split keeping line terminators. */
export function splitLinesKeep(text: string): string[] {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') { out.push(text.slice(s, i + 1)); s = i + 1; }
  }
  if (s < text.length) out.push(text.slice(s));
  return out;
}

export interface Hunk {
  /** Line indexes (0-based) in before: [aStart, aEnd). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Above this many cells (lines of one side × the other) a stretch is not diffed by a full LCS table. */
const LCS_CELLS = 250_000;

/** The matched lines [i, j] of a stretch by a full LCS table (quadratic: small stretches only). */
function lcsMatches(a: string[], b: string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Array<[number, number]>): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[aLo + i] === b[bLo + j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) { out.push([aLo + i, bLo + j]); i++; j++; }
    else if (dp[i]![j + 1]! >= dp[i + 1]![j]!) j++;
    else i++;
  }
}

/**
 * Line hunks between two texts. The common head and tail are matched first; a differing middle small enough is
 * diffed by LCS, a larger one by patience: the lines that occur once on each side are anchors, the longest
 * run of them in order on both sides (a longest increasing subsequence) is matched, and the stretches between
 * anchors are diffed the same way. So a file of thousands of services with a change in each gives one hunk per
 * change, in time near linear, where a full table would be quadratic. A large stretch without any anchor is one
 * hunk.
 */
export function lineHunks(a: string[], b: string[]): Hunk[] {
  const matches: Array<[number, number]> = [];
  const work: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (work.length > 0) {
    let [aLo, aHi, bLo, bHi] = work.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) matches.push([aLo++, bLo++]);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) matches.push([--aHi, --bHi]);
    if (aLo === aHi || bLo === bHi) continue;
    if ((aHi - aLo) * (bHi - bLo) <= LCS_CELLS) {
      lcsMatches(a, b, aLo, aHi, bLo, bHi, matches);
      continue;
    }
    // Anchors: lines once in this stretch of a and once in this stretch of b.
    const seen = new Map<string, { ca: number; cb: number; ia: number; ib: number }>();
    for (let i = aLo; i < aHi; i++) {
      const s = seen.get(a[i]!);
      if (s) s.ca++;
      else seen.set(a[i]!, { ca: 1, cb: 0, ia: i, ib: -1 });
    }
    for (let j = bLo; j < bHi; j++) {
      const s = seen.get(b[j]!);
      if (s) { s.cb++; s.ib = j; }
    }
    const pairs: Array<[number, number]> = [];
    for (const s of seen.values()) if (s.ca === 1 && s.cb === 1) pairs.push([s.ia, s.ib]);
    pairs.sort((x, y) => x[0] - y[0]);
    // Longest increasing run of b indexes (patience sorting), in a order.
    const tails: number[] = [];
    const prev = new Int32Array(pairs.length).fill(-1);
    for (let k = 0; k < pairs.length; k++) {
      const v = pairs[k]![1];
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[tails[mid]!]![1] < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) prev[k] = tails[lo - 1]!;
      tails[lo] = k;
    }
    if (tails.length === 0) continue;
    const chain: Array<[number, number]> = [];
    for (let k = tails[tails.length - 1]!; k >= 0; k = prev[k]!) chain.push(pairs[k]!);
    chain.reverse();
    let pa = aLo;
    let pb = bLo;
    for (const [i, j] of chain) {
      matches.push([i, j]);
      if (i > pa || j > pb) work.push([pa, i, pb, j]);
      pa = i + 1;
      pb = j + 1;
    }
    if (pa < aHi || pb < bHi) work.push([pa, aHi, pb, bHi]);
  }
  matches.sort((x, y) => x[0] - y[0]);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [a.length, b.length] as [number, number]]) {
    if (mi > i || mj > j) hunks.push({ aStart: i, aEnd: mi, bStart: j, bEnd: mj });
    i = mi + 1;
    j = mj + 1;
  }
  return hunks;
}

/** Whole-line edits that turn before into after. */
export function lineEdits(path: string, before: string, after: string): TextEdit[] {
  const a = splitLinesKeep(before);
  const b = splitLinesKeep(after);
  const offsets: number[] = [0];
  for (const l of a) offsets.push(offsets[offsets.length - 1]! + l.length);
  return lineHunks(a, b).map((h) => ({ path, start: offsets[h.aStart]!, end: offsets[h.aEnd]!, text: b.slice(h.bStart, h.bEnd).join('') }));
}

/**
 * `edits` (of one file) as whole-line edits, what lineEdits gives for the whole file before and after them,
 * worked out on the lines they touch only: the rest of the file is the same before and after, so the line
 * hunks of that window are the whole file's, and a fix costs its own size, not the file's. Throws when the
 * edits overlap (as applyEdits does).
 */
export function wholeLineEdits(file: SourceFile, edits: TextEdit[]): TextEdit[] {
  if (edits.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of edits) {
    lo = Math.min(lo, e.start);
    hi = Math.max(hi, e.end);
  }
  const inside = lo >= 0 && hi <= file.text.length && lo <= hi;
  const start = inside ? lineStart(file, positionAt(file, lo).line) : 0;
  const nl = inside ? file.text.indexOf('\n', hi) : -1;
  const end = inside && nl >= 0 ? nl + 1 : file.text.length;
  const before = file.text.slice(start, end);
  const after = applyEdits(before, edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
  if (after === before) return [];
  return lineEdits(file.path, before, after).map((e) => ({ ...e, path: edits[0]!.path, start: e.start + start, end: e.end + start }));
}

export function fixFromTexts(path: string, before: string, after: string, description: string): Fix | undefined {
  if (before === after) return undefined;
  return { description, edits: lineEdits(path, before, after) };
}

/** A unified diff of one file (3 lines of context). */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = splitLinesKeep(before);
  const b = splitLinesKeep(after);
  const hunks = lineHunks(a, b);
  if (hunks.length === 0) return '';
  const strip = (l: string): string => l.replace(/\r?\n$/, '');
  let out = `--- a/${path}\n+++ b/${path}\n`;
  // Group hunks whose context overlaps.
  const groups: Hunk[][] = [];
  for (const h of hunks) {
    const g = groups[groups.length - 1];
    if (g && h.aStart - g[g.length - 1]!.aEnd <= context * 2) g.push(h);
    else groups.push([h]);
  }
  for (const g of groups) {
    const first = g[0]!;
    const last = g[g.length - 1]!;
    const aFrom = Math.max(0, first.aStart - context);
    const aTo = Math.min(a.length, last.aEnd + context);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const bTo = last.bEnd + (aTo - last.aEnd);
    out += `@@ -${aFrom + 1},${aTo - aFrom} +${bFrom + 1},${bTo - bFrom} @@\n`;
    let ai = aFrom;
    for (const h of g) {
      for (; ai < h.aStart; ai++) out += ` ${strip(a[ai]!)}\n`;
      for (let k = h.aStart; k < h.aEnd; k++) out += `-${strip(a[k]!)}\n`;
      for (let k = h.bStart; k < h.bEnd; k++) out += `+${strip(b[k]!)}\n`;
      ai = h.aEnd;
    }
    for (; ai < aTo; ai++) out += ` ${strip(a[ai]!)}\n`;
    if (aTo === a.length && a.length > 0 && !/\n$/.test(a[a.length - 1]!)) out += '\\ No newline at end of file\n';
  }
  return out;
}
