/**
 * Pull-request patches → the lines a review comment may be anchored to.
 *
 * GitHub's `pulls/{n}/files` gives each file's patch without file headers.
 * Only lines that appear on the new side of a hunk (context or added) can carry
 * a `side: RIGHT` review comment; anything else answers 422 "Line could not be
 * resolved" and rejects the whole review.
 *
 * Line numbers in the patch are lines of the pull request's HEAD. The action
 * scans the workspace, which on `pull_request` is the merge commit (and on
 * `pull_request_target` the base branch unless the workflow checks out the
 * head). So every hunk is *located by content* in the scanned text: when the
 * hunk's new-side lines sit at the same line numbers, the mapping is the
 * identity; when base-branch changes moved them, the hunk is found at the
 * nearest offset where all its lines match and the offset is applied; a hunk
 * that cannot be found verbatim is not commentable (its findings go to the
 * summary) and, for the `changed` scope, the whole file counts as changed.
 */
import parseDiff from 'parse-diff';

export interface PatchLine {
  /** Line number on the new (HEAD) side. */
  line: number;
  text: string;
  added: boolean;
}

export interface Hunk {
  newStart: number;
  lines: PatchLine[];
  /** HEAD lines next to a deletion (the line before and the line after it). */
  nearDeletion: number[];
}

export interface PrFile {
  /** Path in the repository (new side). */
  path: string;
  previousPath?: string;
  status: string;
  /** Undefined when GitHub omits the patch (binary or very large file). */
  patch?: string;
}

export interface HunkMapping {
  /** scanned line = head line + offset; undefined when the hunk was not found. */
  offset: number | undefined;
}

/** One file of the pull request aligned with the text that was scanned. */
export interface AlignedFile {
  path: string;
  /** Every scanned line that may carry a RIGHT-side comment → its HEAD line and hunk. */
  commentable: Map<number, { headLine: number; hunk: number }>;
  /** Scanned lines the pull request added or touched (next to a deletion). */
  changed: Set<number>;
  /** The pull request changes this file in a way that could not be located line by line. */
  wholeFileChanged: boolean;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Parses one `pulls/{n}/files` patch into hunks of new-side lines. */
export function parsePatch(patch: string): Hunk[] {
  const files = parseDiff(patch);
  const hunks: Hunk[] = [];
  for (const f of files) {
    for (const chunk of f.chunks) {
      const lines: PatchLine[] = [];
      const nearDeletion = new Set<number>();
      let lastNewLine = chunk.newStart - 1;
      let pendingDeletion = false;
      for (const ch of chunk.changes) {
        // "\ No newline at end of file" is reported by parse-diff as a normal change.
        if (ch.content.startsWith('\\')) continue;
        if (ch.type === 'del') {
          pendingDeletion = true;
          if (lastNewLine >= chunk.newStart) nearDeletion.add(lastNewLine);
          continue;
        }
        const line = ch.type === 'add' ? ch.ln : ch.ln2;
        lines.push({ line, text: stripCr(ch.content.slice(1)), added: ch.type === 'add' });
        if (pendingDeletion) nearDeletion.add(line);
        pendingDeletion = false;
        lastNewLine = line;
      }
      hunks.push({ newStart: chunk.newStart, lines, nearDeletion: [...nearDeletion].sort((a, b) => a - b) });
    }
  }
  return hunks;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  // A trailing newline does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Finds the offset at which all of a hunk's new-side lines match the scanned file (nearest to 0). */
export function locateHunk(hunk: Hunk, scanned: string[]): number | undefined {
  if (hunk.lines.length === 0) return undefined;
  const matchesAt = (offset: number): boolean =>
    hunk.lines.every((l) => {
      const idx = l.line + offset - 1;
      return idx >= 0 && idx < scanned.length && scanned[idx] === l.text;
    });
  if (matchesAt(0)) return 0;
  const first = hunk.lines[0]!;
  let best: number | undefined;
  for (let i = 0; i < scanned.length; i++) {
    if (scanned[i] !== first.text) continue;
    const offset = i + 1 - first.line;
    if (offset === 0) continue;
    if ((best === undefined || Math.abs(offset) < Math.abs(best)) && matchesAt(offset)) best = offset;
  }
  return best;
}

/** Aligns a pull-request file with the scanned text of the same file. */
export function alignFile(file: PrFile, scannedText: string): AlignedFile {
  const out: AlignedFile = { path: file.path, commentable: new Map(), changed: new Set(), wholeFileChanged: false };
  if (file.patch === undefined) {
    // Binary or too large for GitHub to show: nothing is commentable, all of it changed.
    out.wholeFileChanged = file.status !== 'removed';
    return out;
  }
  const scanned = splitLines(scannedText);
  const hunks = parsePatch(file.patch);
  hunks.forEach((hunk, index) => {
    const offset = locateHunk(hunk, scanned);
    if (offset === undefined) {
      if (hunk.lines.some((l) => l.added) || hunk.nearDeletion.length > 0) out.wholeFileChanged = true;
      return;
    }
    for (const l of hunk.lines) {
      out.commentable.set(l.line + offset, { headLine: l.line, hunk: index });
      if (l.added) out.changed.add(l.line + offset);
    }
    for (const l of hunk.nearDeletion) out.changed.add(l + offset);
  });
  return out;
}

/** Index of a pull request's files by repository path. */
export class DiffIndex {
  private readonly files = new Map<string, PrFile>();
  private readonly aligned = new Map<string, AlignedFile>();

  constructor(files: PrFile[], private readonly textOf: (repoPath: string) => string | undefined) {
    for (const f of files) if (f.status !== 'removed') this.files.set(f.path, f);
  }

  has(repoPath: string): boolean {
    return this.files.has(repoPath);
  }

  get(repoPath: string): AlignedFile | undefined {
    const cached = this.aligned.get(repoPath);
    if (cached) return cached;
    const file = this.files.get(repoPath);
    if (!file) return undefined;
    const text = this.textOf(repoPath);
    const a = text === undefined ? { path: repoPath, commentable: new Map(), changed: new Set<number>(), wholeFileChanged: true } : alignFile(file, text);
    this.aligned.set(repoPath, a);
    return a;
  }

  /** Did the pull request change this (scanned) line? */
  isChanged(repoPath: string, line: number): boolean {
    const a = this.get(repoPath);
    if (!a) return false;
    return a.wholeFileChanged || a.changed.has(line);
  }

  /** HEAD line and hunk for a scanned line, when a comment can be anchored there. */
  commentable(repoPath: string, line: number): { headLine: number; hunk: number } | undefined {
    return this.get(repoPath)?.commentable.get(line);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }
}
