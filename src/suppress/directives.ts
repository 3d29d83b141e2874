/**
 * `ptrace-doctor-ignore` comments: where they are, what they name, what
 * they cover, and which of them suppressed nothing.
 *
 * Syntax (the comment marker of the file's format — `#`, `//` or `/* *\/` —
 * then, at the start of the comment):
 *
 *   ptrace-doctor-ignore [RULE[, RULE…]] [-- reason]
 *
 * RULE is an id (PTD003) or a slug (privileged-for-ptrace); none means every
 * rule. Text after `--` (or after the first word that is not a rule name) is
 * the reason, shown as the suppression's justification.
 *
 * Where it applies: a comment at the end of a line covers that line and the
 * block that starts on it; a comment on a line of its own covers the next
 * line that is not a comment (a run of comment lines — several directives —
 * stacks) and the block that starts there. Blocks come from the file's
 * structure (structure.ts): a YAML key and its value, a YAML list item, a
 * JSON property, a Dockerfile stage from its FROM to the next FROM, any other
 * Dockerfile instruction or shell command with its continuation lines, a
 * Makefile target with its recipe, a justfile recipe with its body.
 */
import { lineStart, positionAt } from '../source.js';
import type { Fix, SourceFile } from '../types.js';
import { structureOf, type Range, type Structure } from './structure.js';
import type { Document } from 'yaml';

export const KEYWORD = 'ptrace-doctor-ignore';
const MARKER = /ptrace-doctor-ignore/i;

export interface Directive {
  file: SourceFile;
  /** The whole comment, marker included. */
  comment: Range;
  /** The comment is alone on its line (removing it removes the line). */
  ownLine: boolean;
  /** Rule ids named; undefined: every rule. */
  rules?: string[];
  /** Names that are neither a rule id nor a slug, as written. */
  unknown: string[];
  /** The names as written, in order (ids and slugs). */
  names: string[];
  reason?: string;
  /** Offsets the directive covers (the target line; the block it starts). */
  covers: Range[];
  /** Rule ids (or '*' for a directive naming none) that suppressed at least one finding. */
  used: Set<string>;
}

export interface ParsedText {
  names: string[];
  reason?: string;
}

/** A name that looks like a rule: an id (PTD123) or a slug (two or more words joined by hyphens). */
function ruleLike(w: string): boolean {
  return /^ptd\d+$/i.test(w) || /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(w);
}

/**
 * The directive in a comment's text (without its marker), or undefined when
 * the comment does not start with the keyword.
 */
export function parseDirectiveText(body: string): ParsedText | undefined {
  const t = body.replace(/^\s+/, '');
  if (t.slice(0, KEYWORD.length).toLowerCase() !== KEYWORD) return undefined;
  const rest = t.slice(KEYWORD.length);
  // ptrace-doctor-ignored, ptrace-doctor-ignore-next-line: not ours.
  if (rest !== '' && !/^[\s,]/.test(rest) && !rest.startsWith('--')) return undefined;
  const names: string[] = [];
  let i = 0;
  while (i < rest.length) {
    while (i < rest.length && /[\s,]/.test(rest[i]!)) i++;
    if (i >= rest.length) break;
    let j = i;
    while (j < rest.length && !/[\s,]/.test(rest[j]!)) j++;
    const word = rest.slice(i, j);
    if (word.startsWith('--')) {
      const reason = rest.slice(i + 2).trim();
      return { names, ...(reason ? { reason } : {}) };
    }
    if (!ruleLike(word)) {
      const reason = rest.slice(i).trim();
      return { names, ...(reason ? { reason } : {}) };
    }
    names.push(word);
    i = j;
  }
  return { names };
}

/** The text of a comment without its marker (`#`, `//`, `/*` … `*\/`). */
export function commentBody(file: SourceFile, c: Range): string {
  let s = file.text.slice(c.start, c.end);
  if (s.startsWith('#')) s = s.slice(1);
  else if (s.startsWith('//')) s = s.slice(2);
  else if (s.startsWith('/*')) s = s.slice(2).replace(/\*\/\s*$/, '');
  return s.replace(/\r$/, '');
}

/** Does the text hold the keyword at all? (The cheap test made on every file.) */
export function mayHoldDirectives(text: string): boolean {
  return MARKER.test(text);
}

function lineCount(file: SourceFile): number {
  const n = file.lineStarts.length;
  return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}

function contentEnd(file: SourceFile, line: number): number {
  const s = lineStart(file, line);
  let e = line < file.lineStarts.length ? file.lineStarts[line]! : file.text.length;
  while (e > s && (file.text[e - 1] === '\n' || file.text[e - 1] === '\r')) e--;
  return e;
}

export interface DirectiveOptions {
  /** The rule id of an id or slug as written; undefined when it names no rule. */
  resolve(name: string): string | undefined;
  /** The project's parse of a YAML file, reused for its node ranges. */
  yamlDocs?: Document[];
}

/** Every directive of a file (none without the keyword: the file is not even tokenised then). */
export function directivesOf(file: SourceFile, opts: DirectiveOptions): Directive[] {
  if (!mayHoldDirectives(file.text)) return [];
  let st: Structure;
  try {
    st = structureOf(file, opts.yamlDocs);
  } catch {
    return []; // A file its parser rejects: PTD900 reports it, and no comment of it is read.
  }
  const total = lineCount(file);
  const commentOnly = new Set<number>();
  const parsed: Array<{ c: Range; line: number; ownLine: boolean; text: ParsedText }> = [];
  for (const c of st.comments) {
    const line = positionAt(file, c.start).line;
    // Alone on its line(s): nothing before it on its first line, nothing after it on its last.
    const lastLine = positionAt(file, c.end).line;
    const ownLine = file.text.slice(lineStart(file, line), c.start).trim() === '' && file.text.slice(c.end, contentEnd(file, lastLine)).trim() === '';
    if (ownLine) for (let l = line; l <= lastLine; l++) commentOnly.add(l);
    const text = parseDirectiveText(commentBody(file, c));
    if (text) parsed.push({ c, line, ownLine, text });
  }
  return parsed.map(({ c, line, ownLine, text }) => {
    let target = line;
    if (ownLine) {
      target = positionAt(file, c.end).line + 1;
      // A run of comment lines (other directives, explanations) sits between a directive and what it covers.
      while (target <= total && commentOnly.has(target)) target++;
    }
    const covers: Range[] = [];
    if (target <= total) {
      const s = lineStart(file, target);
      covers.push({ start: s, end: contentEnd(file, target) });
      const end = st.blockEnd(target);
      if (end !== undefined) covers.push({ start: s, end });
    }
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const n of text.names) {
      const id = opts.resolve(n);
      if (id) ids.push(id);
      else unknown.push(n);
    }
    return {
      file,
      comment: c,
      ownLine,
      ...(text.names.length > 0 ? { rules: [...new Set(ids)] } : {}),
      unknown,
      names: text.names,
      ...(text.reason ? { reason: text.reason } : {}),
      covers,
      used: new Set<string>(),
    };
  });
}

export function covers(d: Directive, offset: number): boolean {
  return d.covers.some((r) => offset >= r.start && offset <= r.end);
}

export function applies(d: Directive, ruleId: string): boolean {
  return d.rules === undefined || d.rules.includes(ruleId);
}

/** The comment as written, for messages: `ptrace-doctor-ignore PTD003 -- why`. */
export function directiveText(d: Directive): string {
  return commentBody(d.file, d.comment).trim().replace(/\s+/g, ' ').slice(0, 120);
}

/** A fix that removes the comment: its whole line when it is alone there, else the comment and the blanks before it. */
export function removalFix(d: Directive): Fix {
  const f = d.file;
  let start = d.comment.start;
  let end = d.comment.end;
  if (d.ownLine) {
    start = lineStart(f, positionAt(f, d.comment.start).line);
    const last = positionAt(f, d.comment.end).line;
    end = last < f.lineStarts.length ? f.lineStarts[last]! : f.text.length;
  } else {
    while (start > 0 && (f.text[start - 1] === ' ' || f.text[start - 1] === '\t')) start--;
  }
  return { description: 'Remove the suppression comment that matches nothing', edits: [{ path: f.path, start, end, text: '' }], files: [f] };
}
