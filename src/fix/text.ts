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

/** Line hunks between two texts (LCS on the differing middle). */
export function lineHunks(a: string[], b: string[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  if (A.length === 0 && B.length === 0) return [];
  if (A.length * B.length > 4_000_000) return [{ aStart: pre, aEnd: a.length - suf, bStart: pre, bEnd: b.length - suf }];
  // LCS table.
  const n = A.length;
  const m = B.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = A[i] === B[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      if (open) { hunks.push(open); open = undefined; }
      i++; j++;
    } else if (j < m && (i >= n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) {
      open ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
      j++; open.bEnd = pre + j;
    } else {
      open ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
      i++; open.aEnd = pre + i;
    }
  }
  if (open) hunks.push(open);
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
