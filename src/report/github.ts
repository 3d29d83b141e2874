/**
 * GitHub-facing reports: review comment bodies with ```suggestion blocks, the
 * sticky summary comment, the job summary and workflow annotations.
 *
 * Paths here are repository paths (what GitHub shows); findings carry paths
 * relative to the scanned root, so callers pass `repoPath` to convert.
 */
import { createHash } from 'node:crypto';
import { parseAllDocuments } from '../parse/yaml-lib.js';
import { applyEdits } from '../fix/text.js';
import { validate } from '../fix/validate.js';
import { lineEndWithBreak, lineStart, positionAt, toLocation } from '../source.js';
import { SEVERITY_ORDER, type Finding, type Severity, type SourceFile, type TextEdit } from '../types.js';
import { counts, fixDiff as commonFixDiff, shortFix, shortWhy } from './common.js';
import { GITHUB_BODY_LIMIT, codeBlock, escapeHtmlText, escapeMessage, escapeText, fitSections, hardCap, hiddenMarker, markerValue } from './markdown.js';

export const SUMMARY_MARKER = '<!-- ptrace-doctor:summary -->';
export const REVIEW_MARKER = '<!-- ptrace-doctor:review -->';
const FP_PREFIX = '<!-- ptrace-doctor:fp=';

export type DocUrl = (ruleId: string) => string;

const SEVERITY_LABEL: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', note: '🔵 note' };

/** Most severe first, then path, line and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    a.span.file.path.localeCompare(b.span.file.path) ||
    a.span.start - b.span.start ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

// ---------------------------------------------------------------------------
// Suggestions

/** A replacement of whole lines [startLine, endLine] (1-based, scanned file). */
export interface Suggestion {
  path: string;
  startLine: number;
  endLine: number;
  /** The new content of those lines, without a final line break. */
  text: string;
  /** True when the insertion was moved within its YAML block to reach a line in the diff. */
  relocated?: boolean;
}

function lineOf(file: SourceFile, offset: number): number {
  return positionAt(file, offset).line;
}

function lineCount(file: SourceFile): number {
  // A final line break does not start another line.
  const n = file.lineStarts.length;
  return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}

/** The replacement text of lines [a, b] once `edits` (all within them) are applied. */
function replacementFor(file: SourceFile, edits: TextEdit[], a: number, b: number): string | undefined {
  const regionStart = lineStart(file, a);
  const regionEnd = lineEndWithBreak(file, lineStart(file, b));
  if (edits.some((e) => e.start < regionStart || e.end > regionEnd)) return undefined;
  let after: string;
  try {
    after = applyEdits(file.text, edits);
  } catch {
    return undefined;
  }
  const delta = after.length - file.text.length;
  const text = after.slice(regionStart, regionEnd + delta).replace(/\r\n/g, '\n').replace(/\n$/, '');
  const before = file.text.slice(regionStart, regionEnd).replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text === before ? undefined : text;
}

/**
 * The natural anchors of a fix: the smallest whole-line range holding all its
 * edits; for a pure insertion between two lines, the line after it and the
 * line before it. Only fixes that edit a single file can be suggestions.
 */
export function suggestionCandidates(finding: Finding, file: SourceFile): Suggestion[] {
  const edits = finding.fix?.edits ?? [];
  if (edits.length === 0 || edits.some((e) => e.path !== file.path)) return [];
  const minStart = Math.min(...edits.map((e) => e.start));
  const maxEnd = Math.max(...edits.map((e) => e.end));
  const total = lineCount(file);
  const out: Suggestion[] = [];
  const push = (a: number, b: number): void => {
    if (a < 1 || b > total || a > b) return;
    const text = replacementFor(file, edits, a, b);
    if (text !== undefined) out.push({ path: file.path, startLine: a, endLine: b, text });
  };
  const first = lineOf(file, minStart);
  const atLineStart = (o: number): boolean => o === 0 || file.text[o - 1] === '\n' || file.text[o - 1] === '\r';
  const pureInsertion = edits.every((e) => e.start === e.end);
  if (pureInsertion && minStart === maxEnd && atLineStart(minStart)) {
    const k = minStart >= file.text.length ? total + 1 : first;
    push(k, k);
    push(k - 1, k - 1);
    return out;
  }
  const last = maxEnd > minStart && atLineStart(maxEnd) ? lineOf(file, maxEnd) - 1 : lineOf(file, maxEnd);
  push(first, Math.max(first, Math.min(last, total)));
  return out;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = canonical((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

function yamlData(text: string): string | undefined {
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) return undefined;
    return JSON.stringify(list.map((d) => canonical(d.toJS({ maxAliasCount: 100 }))));
  } catch {
    return undefined;
  }
}

/**
 * For a fix that inserts whole lines into a YAML mapping: the same insertion
 * at other line boundaries of the same block, nearest first. A candidate is
 * kept only when the edited file parses to exactly the same data as the
 * original fix produces (YAML mappings are unordered), so a relocated
 * suggestion means the same thing.
 */
export function relocatedCandidates(finding: Finding, file: SourceFile, isAnchorable: (line: number) => boolean, maxDistance = 40): Suggestion[] {
  const edits = finding.fix?.edits ?? [];
  if (edits.length !== 1 || !(file.kind === 'compose' || file.kind === 'kubernetes' || /\.ya?ml$/i.test(file.path))) return [];
  const e = edits[0]!;
  if (e.path !== file.path || e.start !== e.end || !/\n$/.test(e.text)) return [];
  if (e.start !== 0 && file.text[e.start - 1] !== '\n') return [];
  let expected: string | undefined;
  try {
    expected = yamlData(applyEdits(file.text, edits));
  } catch {
    return [];
  }
  if (expected === undefined) return [];
  const indent = /^[ \t]*/.exec(e.text)![0].length;
  const total = lineCount(file);
  const k = lineOf(file, e.start); // inserted before line k
  const out: Suggestion[] = [];
  // Walk outwards while lines stay inside the block (indented at least as deep, or blank/comment).
  const inBlock = (line: number): boolean => {
    const t = file.text.slice(lineStart(file, line), lineEndWithBreak(file, lineStart(file, line))).replace(/\r?\n$/, '');
    if (t.trim() === '' || t.trim().startsWith('#')) return true;
    return /^[ \t]*/.exec(t)![0].length >= indent;
  };
  const boundaries: number[] = [];
  for (let b = k - 1; b >= Math.max(1, k - maxDistance) && inBlock(b); b--) boundaries.push(b);
  for (let b = k + 1; b <= Math.min(total + 1, k + maxDistance) && inBlock(b - 1); b++) boundaries.push(b);
  boundaries.sort((x, y) => Math.abs(x - k) - Math.abs(y - k));
  for (const b of boundaries) {
    const at = b > total ? file.text.length : lineStart(file, b);
    if (b > total && !/\n$/.test(file.text)) continue;
    const moved: TextEdit = { ...e, start: at, end: at };
    const after = applyEdits(file.text, [moved]);
    if (yamlData(after) !== expected) continue;
    if (validate(file.kind, after) !== undefined) continue;
    const fake: Finding = { ...finding, fix: { description: finding.fix!.description, edits: [moved] } };
    for (const s of suggestionCandidates(fake, file)) {
      if (isAnchorable(s.startLine) && s.startLine === s.endLine) out.push({ ...s, relocated: true });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Diffs

/** The fix of one finding as a unified diff with repository paths. */
/** The fix as a diff with repository paths (two lines of context by default, as review comments show it). */
export function fixDiff(finding: Finding, files: Map<string, SourceFile>, repoPath: (p: string) => string, context = 2): string | undefined {
  return commonFixDiff(finding, { files, repoPath, context });
}

// ---------------------------------------------------------------------------
// Review comments

export interface CommentMeta {
  fingerprint: string;
  ruleId?: string;
  fix?: string;
}

/** Reads the markers of a comment this action wrote; undefined for anyone else's. */
export function parseCommentMeta(body: string): CommentMeta | undefined {
  const fp = /<!-- ptrace-doctor:fp=([^\s>]+) -->/.exec(body);
  if (!fp) return undefined;
  const meta = /<!-- ptrace-doctor:meta rule=([^\s>]*) fix=([^\s>]*) -->/.exec(body);
  return { fingerprint: fp[1]!, ...(meta ? { ruleId: meta[1]!, fix: meta[2]! } : {}) };
}

export interface CommentInput {
  finding: Finding;
  docUrl: DocUrl;
  suggestion?: Suggestion;
  /** The fix as a diff, when it cannot be a suggestion. */
  diff?: string;
}

/** The key re-runs compare: fingerprint, rule and fix (path and line are compared on the comment). */
export function commentFixHash(input: { suggestion?: Suggestion; diff?: string }): string {
  if (input.suggestion) return shortHash(`s:${input.suggestion.text}`);
  if (input.diff) return shortHash(`d:${input.diff}`);
  return 'none';
}

/** Caps prose so that the required parts of a body (markers, links) always fit. */
function capText(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max).replace(/\\?[^\\]?$/, '')}… (shortened)`;
}

function heading(f: Finding): string {
  return `**${escapeText(f.ruleId)} · ${escapeText(f.title)}** (${SEVERITY_LABEL[f.severity]})`;
}

function ruleLink(f: Finding, docUrl: DocUrl): string {
  return `[${escapeText(f.ruleId)}: what it means and how to fix it](${safeUrl(docUrl(f.ruleId))}) · ptrace-doctor`;
}

/** URLs we generate: keep them from closing the link. */
function safeUrl(u: string): string {
  return u.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

/**
 * The full explanation, collapsed: the message and the related locations under a "Why" that opens on
 * a click. (A blank line after <summary> lets GitHub render the Markdown inside.)
 */
function whyDetails(f: Finding, opts: { table?: boolean } = {}): string {
  if (opts.table) return `<details><summary>Why</summary>${capText(escapeMessage(f.message, { table: true }), 20_000)}</details>`;
  const related = f.related.slice(0, 5).map((r) => {
    const loc = toLocation(r.span);
    return `- ${escapeText(`${loc.path}:${loc.startLine}`)}: ${escapeMessage(r.message)}`;
  });
  return ['<details><summary>Why</summary>', capText(escapeMessage(f.message), 20_000), ...(related.length > 0 ? [`Related:\n${related.join('\n')}`] : []), '</details>'].join('\n\n');
}

/**
 * An inline review comment: the rule and severity, one sentence of why, the fix (a suggestion, a diff,
 * or the fix in words), the full explanation collapsed under "Why", the rule page and the markers.
 */
export function commentBody(input: CommentInput): string {
  const f = input.finding;
  const markers = [
    `${FP_PREFIX}${markerValue(f.fingerprint)} -->`,
    hiddenMarker(`ptrace-doctor:meta rule=${markerValue(f.ruleId)} fix=${commentFixHash(input)}`),
  ].join('\n');
  const head = [heading(f), capText(escapeMessage(shortWhy(f)), 2_000)];
  const optional: string[] = [];
  const hint = input.suggestion || input.diff ? undefined : shortFix(f, false);
  if (hint) head.push(`Fix: ${capText(escapeMessage(hint), 2_000)}`);
  if (input.suggestion) {
    const what = f.fix?.description ? `Suggested fix: ${escapeMessage(f.fix.description)}` : 'Suggested fix:';
    const note = input.suggestion.relocated ? ' (placed on a line of the same block that this pull request changes; YAML key order does not matter)' : '';
    optional.push(`${what}${escapeText(note)}\n\n${codeBlock(input.suggestion.text, 'suggestion')}`);
  } else if (input.diff) {
    const what = f.fix?.description ? escapeMessage(f.fix.description) : 'Fix';
    optional.push(`${what} (touches lines outside this diff, so it cannot be a one-click suggestion):\n\n${codeBlock(input.diff, 'diff')}`);
  }
  optional.push(whyDetails(f));
  return fitSections({ head, tail: [ruleLink(f, input.docUrl), markers] }, optional, GITHUB_BODY_LIMIT, (n) => `(${n} section${n === 1 ? '' : 's'} left out to fit GitHub's size limit)`);
}

// ---------------------------------------------------------------------------
// Summary (sticky PR comment and job summary)

export interface SummaryRow {
  finding: Finding;
  /** Repository path and line shown in the table. */
  location: string;
  /** How it was reported: inline comment, or listed here. */
  where: 'inline' | 'summary';
  diff?: string;
}

export interface SummaryInput {
  rows: SummaryRow[];
  docUrl: DocUrl;
  /** 'changed' when only findings the pull request touches are listed. */
  scope: 'changed' | 'all';
  /** Include the marker for the sticky PR comment. */
  sticky: boolean;
  /** Diffs for every fix (job summary) or only for findings not commented inline (PR comment). */
  diffs: 'all' | 'not-inline';
  limit: number;
  /** Lines about what could not be done (permissions, limits). */
  notes?: string[];
  /** Findings of the whole scan, when the scope hides some. */
  totalFindings?: number;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const { error, warning, note } = counts(findings);
  return { error, warning, note };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryMarkdown(input: SummaryInput): string {
  const findings = input.rows.map((r) => r.finding);
  const c = countBySeverity(findings);
  const where = input.scope === 'changed' ? 'in what this pull request changes' : 'in the scanned configuration';
  const head: string[] = [];
  if (input.sticky) head.push(SUMMARY_MARKER);
  head.push('### ptrace-doctor');
  if (findings.length === 0) {
    head.push(`✅ All fixed: no ptrace or delve problems ${where}.`);
  } else {
    const inline = input.rows.filter((r) => r.where === 'inline').length;
    head.push(
      `Found **${plural(findings.length, 'problem')}** ${where}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}.` +
        (inline > 0 ? ` ${plural(inline, 'finding')} ${inline === 1 ? 'has' : 'have'} an inline comment with a suggested fix.` : ''),
    );
  }
  if (input.totalFindings !== undefined && input.totalFindings > findings.length) {
    head.push(`(${plural(input.totalFindings - findings.length, 'more finding')} in files this pull request does not touch; set \`scope: all\` to list them.)`);
  }
  for (const n of input.notes ?? []) head.push(`> ${escapeText(n)}`);
  const optional: string[] = [];
  if (findings.length > 0) {
    const rows = input.rows.map((r) => {
      const f = r.finding;
      return `| ${SEVERITY_LABEL[f.severity]} | [${escapeText(f.ruleId, { table: true })}](${safeUrl(input.docUrl(f.ruleId))}) ${escapeText(f.title, { table: true })} | ${escapeText(r.location, { table: true })} | ${escapeMessage(shortWhy(f), { table: true })} ${whyDetails(f, { table: true })} |`;
    });
    // The table is one section per 50 rows so that a huge table degrades gracefully.
    const header = '| Severity | Rule | Location | Problem |\n|---|---|---|---|';
    for (let i = 0; i < rows.length; i += 50) optional.push(`${header}\n${rows.slice(i, i + 50).join('\n')}`);
    const withDiff = input.rows.filter((r) => r.diff && (input.diffs === 'all' || r.where === 'summary'));
    if (withDiff.length > 0) {
      optional.push(input.diffs === 'all' ? '#### Fixes' : '#### Fixes for findings outside the diff');
      for (const r of withDiff) {
        const f = r.finding;
        // A raw HTML line: Markdown escapes and code spans do not apply there.
        const desc = f.fix?.description ? ` — ${escapeHtmlText(f.fix.description)}` : '';
        optional.push(`<details><summary>${escapeHtmlText(f.ruleId)} ${escapeHtmlText(r.location)}${desc}</summary>\n\n${codeBlock(r.diff!, 'diff')}\n\n</details>`);
      }
    }
  }
  const body = fitSections({ head, tail: [] }, optional, input.limit, (n) => `(${plural(n, 'more section')} left out to fit GitHub's size limit; the SARIF file and the job summary have everything.)`);
  return hardCap(body, input.limit);
}

// ---------------------------------------------------------------------------
// Annotations

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  file: string;
  startLine: number;
  endLine: number;
  /** Only for a finding on one line: GitHub ignores columns on annotations that span lines. */
  startColumn?: number;
  endColumn?: number;
}

/** GitHub shows at most 10 annotations per level per step (and 50 per job); the rest are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The annotations of the findings (the rule page's address ends each message when `docUrl` is given). */
export function annotationsFor(findings: Finding[], repoPath: (p: string) => string, perLevel = ANNOTATIONS_PER_LEVEL, docUrl?: DocUrl): { annotations: Annotation[]; omitted: number } {
  const level: Record<Severity, Annotation['level']> = { error: 'error', warning: 'warning', note: 'notice' };
  const used: Record<string, number> = {};
  const annotations: Annotation[] = [];
  let omitted = 0;
  for (const f of [...findings].sort(compareFindings)) {
    const l = level[f.severity];
    if ((used[l] ?? 0) >= perLevel) {
      omitted++;
      continue;
    }
    used[l] = (used[l] ?? 0) + 1;
    const loc = toLocation(f.span);
    const oneLine = loc.startLine >= loc.endLine;
    annotations.push({
      level: l,
      message: docUrl ? `${f.message}\n\n${docUrl(f.ruleId)}` : f.message,
      title: `${f.ruleId} ${f.title}`,
      file: repoPath(loc.path),
      startLine: loc.startLine,
      endLine: Math.max(loc.startLine, loc.endLine),
      ...(oneLine ? { startColumn: loc.startColumn, endColumn: Math.max(loc.startColumn, loc.endColumn) } : {}),
    });
  }
  return { annotations, omitted };
}
