/**
 * scope: changed — the findings a pull request introduces or touches: the
 * finding's own range, its fix's edits, or any related location (the
 * Dockerfile line that installs dlv, the override file that drops a
 * capability…) lies on a line the pull request added or next to one it
 * deleted. So a finding in an unchanged file caused by a changed file counts.
 */
import { positionAt, toLocation } from '../source.js';
import type { Finding, SourceFile } from '../types.js';

export interface LineRef {
  /** Path relative to the scanned root (as in findings). */
  path: string;
  line: number;
}

function atLineStart(file: SourceFile, o: number): boolean {
  return o === 0 || file.text[o - 1] === '\n' || file.text[o - 1] === '\r';
}

/** Every line a finding is about: its range, its fix's edits (an insertion touches the lines on both sides) and its related locations. */
export function touchedLines(f: Finding, files: Map<string, SourceFile>): LineRef[] {
  const out: LineRef[] = [];
  const addRange = (path: string, a: number, b: number): void => {
    for (let l = a; l <= b; l++) out.push({ path, line: l });
  };
  const loc = toLocation(f.span);
  addRange(loc.path, loc.startLine, Math.max(loc.startLine, loc.endLine));
  for (const r of f.related) {
    const rl = toLocation(r.span);
    addRange(rl.path, rl.startLine, Math.max(rl.startLine, rl.endLine));
  }
  for (const e of f.fix?.edits ?? []) {
    const file = files.get(e.path);
    if (!file) continue;
    const a = positionAt(file, e.start).line;
    if (e.start === e.end) {
      // An insertion between two lines touches both.
      if (atLineStart(file, e.start) && a > 1) out.push({ path: e.path, line: a - 1 });
      out.push({ path: e.path, line: a });
    } else {
      const endLine = atLineStart(file, e.end) ? positionAt(file, e.end).line - 1 : positionAt(file, e.end).line;
      addRange(e.path, a, Math.max(a, endLine));
    }
  }
  return out;
}

export function inChangedScope(f: Finding, files: Map<string, SourceFile>, isChanged: (path: string, line: number) => boolean): boolean {
  return touchedLines(f, files).some((r) => isChanged(r.path, r.line));
}
