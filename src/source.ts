import type { FileKind, Location, Position, SourceFile, Span } from './types.js';

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // The next \r is looked up once and kept until the scan passes it: searching again from every line would read
  // the rest of the file once per line in a file without one.
  let r = text.indexOf('\r');
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    // Lone \r (old Mac) ends a line too.
    for (; r >= 0 && (i < 0 || r < i); r = text.indexOf('\r', r + 1)) if (text.charCodeAt(r + 1) !== 10) starts.push(r + 1);
    if (i < 0) break;
    starts.push(i + 1);
  }
  return starts;
}

/** A file's text with its line index, built the first time a position is asked for (most files never need one). */
class Source implements SourceFile {
  private starts: number[] | undefined;
  constructor(
    public path: string,
    public abs: string,
    public kind: FileKind,
    public text: string,
  ) {}
  get lineStarts(): number[] {
    return (this.starts ??= computeLineStarts(this.text));
  }
}

export function makeSourceFile(path: string, abs: string, kind: FileKind, text: string): SourceFile {
  return new Source(path, abs, kind, text);
}

/** 1-based line and column of an offset. */
export function positionAt(file: SourceFile, offset: number): Position {
  const o = Math.max(0, Math.min(offset, file.text.length));
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (file.lineStarts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - file.lineStarts[lo]! + 1 };
}

/** Offset of the start of a 1-based line. */
export function lineStart(file: SourceFile, line: number): number {
  return file.lineStarts[Math.max(0, Math.min(line - 1, file.lineStarts.length - 1))]!;
}

/** Offset just past the end of the line containing offset, including its line break. */
export function lineEndWithBreak(file: SourceFile, offset: number): number {
  const { line } = positionAt(file, offset);
  return line < file.lineStarts.length ? file.lineStarts[line]! : file.text.length;
}

/** Offset of the end of the line's content (before \r\n or \n). */
export function lineContentEnd(file: SourceFile, offset: number): number {
  let e = lineEndWithBreak(file, offset);
  if (e > 0 && file.text[e - 1] === '\n') e--;
  if (e > 0 && file.text[e - 1] === '\r') e--;
  return Math.max(e, Math.min(offset, file.text.length));
}

export function lineText(file: SourceFile, line: number): string {
  const s = lineStart(file, line);
  return file.text.slice(s, lineContentEnd(file, s));
}

/** The line break style the file uses. */
const eols = new WeakMap<SourceFile, string>();
export function eol(file: SourceFile): string {
  let e = eols.get(file);
  if (e === undefined) eols.set(file, (e = file.text.includes('\r\n') ? '\r\n' : '\n'));
  return e;
}

export function span(file: SourceFile, start: number, end: number): Span {
  return { file, start, end: Math.max(start, end) };
}

export function toLocation(s: Span): Location {
  const a = positionAt(s.file, s.start);
  // A span ending just after a newline reports the previous line as its end.
  const endOffset = s.end > s.start && /[\r\n]/.test(s.file.text[s.end - 1] ?? '') ? s.end - 1 : s.end;
  const b = positionAt(s.file, endOffset);
  return { path: s.file.path, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

export function spanText(s: Span): string {
  return s.file.text.slice(s.start, s.end);
}
