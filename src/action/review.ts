/**
 * Planning a pull-request review: which findings get an inline comment (with
 * a one-click suggestion when every line it replaces is in the diff), which
 * go to the summary, which existing comments are already there (re-runs) and
 * which of our own are stale.
 */
import { toLocation } from '../source.js';
import type { Finding, SourceFile } from '../types.js';
import type { DiffIndex } from '../github/diff.js';
import type { DraftComment, ExistingReviewComment } from '../github/pulls.js';
import {
  commentBody,
  commentFixHash,
  fixDiff,
  parseCommentMeta,
  relocatedCandidates,
  suggestionCandidates,
  type DocUrl,
  type Suggestion,
  type SummaryRow,
} from '../report/github.js';
import { markerValue } from '../report/markdown.js';

export interface PlannedComment {
  finding: Finding;
  draft: DraftComment;
  key: string;
}

export interface ReviewPlan {
  comments: PlannedComment[];
  rows: SummaryRow[];
}

export interface PlanOptions {
  diff: DiffIndex;
  files: Map<string, SourceFile>;
  repoPath: (p: string) => string;
  docUrl: DocUrl;
  maxComments: number;
}

export function commentKey(path: string, line: number, fingerprint: string, ruleId: string, fix: string): string {
  return JSON.stringify([path, line, fingerprint, ruleId, fix]);
}

/** A range is anchorable when every line is commentable and all lie in one hunk. */
function anchor(diff: DiffIndex, repoPath: string, a: number, b: number): { start: number; end: number } | undefined {
  let hunk: number | undefined;
  let start = 0;
  let end = 0;
  for (let l = a; l <= b; l++) {
    const c = diff.commentable(repoPath, l);
    if (!c || (hunk !== undefined && c.hunk !== hunk)) return undefined;
    if (l === a) start = c.headLine;
    end = c.headLine;
    hunk = c.hunk;
  }
  // HEAD lines must be contiguous too (a hunk's new side always is).
  return end - start === b - a ? { start, end } : undefined;
}

function draft(path: string, range: { start: number; end: number }, body: string): DraftComment {
  return range.start === range.end
    ? { path, line: range.end, side: 'RIGHT', body }
    : { path, start_line: range.start, start_side: 'RIGHT', line: range.end, side: 'RIGHT', body };
}

/** Decides, finding by finding (most severe first), inline comment or summary. */
export function planReview(findings: Finding[], opts: PlanOptions): ReviewPlan {
  const comments: PlannedComment[] = [];
  const rows: SummaryRow[] = [];
  for (const f of findings) {
    const loc = toLocation(f.span);
    const location = `${opts.repoPath(loc.path)}:${loc.startLine}`;
    const diffText = fixDiff(f, opts.files, opts.repoPath);
    let planned: PlannedComment | undefined;
    if (comments.length < opts.maxComments) {
      // 1. A suggestion whose every line is in the diff.
      const fixPaths = new Set((f.fix?.edits ?? []).map((e) => e.path));
      if (fixPaths.size === 1) {
        const file = opts.files.get([...fixPaths][0]!);
        if (file) {
          const rp = opts.repoPath(file.path);
          const fits = (s: Suggestion): { start: number; end: number } | undefined => anchor(opts.diff, rp, s.startLine, s.endLine);
          let chosen: { s: Suggestion; range: { start: number; end: number } } | undefined;
          for (const s of suggestionCandidates(f, file)) {
            const r = fits(s);
            if (r) {
              chosen = { s, range: r };
              break;
            }
          }
          if (!chosen) {
            for (const s of relocatedCandidates(f, file, (l) => opts.diff.commentable(rp, l) !== undefined)) {
              const r = fits(s);
              if (r) {
                chosen = { s, range: r };
                break;
              }
            }
          }
          if (chosen) {
            const body = commentBody({ finding: f, docUrl: opts.docUrl, suggestion: chosen.s });
            planned = {
              finding: f,
              draft: draft(rp, chosen.range, body),
              key: commentKey(rp, chosen.range.end, markerValue(f.fingerprint), markerValue(f.ruleId), commentFixHash({ suggestion: chosen.s })),
            };
          }
        }
      }
      // 2. No suggestion possible, but the finding itself is on a line of the diff.
      if (!planned) {
        const rp = opts.repoPath(loc.path);
        for (let l = loc.startLine; l <= Math.max(loc.startLine, loc.endLine); l++) {
          const c = opts.diff.commentable(rp, l);
          if (!c) continue;
          const input = { finding: f, docUrl: opts.docUrl, ...(diffText ? { diff: diffText } : {}) };
          planned = {
            finding: f,
            draft: draft(rp, { start: c.headLine, end: c.headLine }, commentBody(input)),
            key: commentKey(rp, c.headLine, markerValue(f.fingerprint), markerValue(f.ruleId), commentFixHash(input)),
          };
          break;
        }
      }
    }
    if (planned) comments.push(planned);
    rows.push({ finding: f, location, where: planned ? 'inline' : 'summary', ...(diffText ? { diff: diffText } : {}) });
  }
  return { comments, rows };
}

export interface Reconciled {
  /** Comments to post in the review. */
  toPost: PlannedComment[];
  /** Planned comments that are already on the pull request. */
  alreadyThere: PlannedComment[];
  /** Ids of our own earlier comments that no longer apply and have no replies. */
  toDelete: number[];
}

/**
 * Compares the plan with the comments already on the pull request: a comment
 * with the same marker (fingerprint), rule, path, line and fix is not posted
 * again. Our own earlier comments are deleted when their finding is gone or
 * is being re-posted with another anchor or fix — unless someone replied.
 */
export function reconcile(plan: PlannedComment[], existing: ExistingReviewComment[], currentFingerprints: Set<string>): Reconciled {
  const existingKeys = new Map<string, number>();
  const replied = new Set(existing.filter((c) => c.inReplyTo !== undefined).map((c) => c.inReplyTo!));
  const ours: { c: ExistingReviewComment; key: string | undefined; fp: string }[] = [];
  for (const c of existing) {
    if (c.inReplyTo !== undefined) continue;
    const meta = parseCommentMeta(c.body);
    if (!meta) continue;
    const key = c.line === null || !meta.ruleId || !meta.fix ? undefined : commentKey(c.path, c.line, meta.fingerprint, meta.ruleId, meta.fix);
    if (key) existingKeys.set(key, c.id);
    ours.push({ c, key, fp: meta.fingerprint });
  }
  const toPost: PlannedComment[] = [];
  const alreadyThere: PlannedComment[] = [];
  for (const p of plan) (existingKeys.has(p.key) ? alreadyThere : toPost).push(p);
  const plannedKeys = new Set(plan.map((p) => p.key));
  const reposted = new Set(toPost.map((p) => markerValue(p.finding.fingerprint)));
  const current = new Set([...currentFingerprints].map(markerValue));
  const toDelete = ours
    .filter(({ c, key, fp }) => c.userType === 'Bot' && !replied.has(c.id) && !(key && plannedKeys.has(key)) && (!current.has(fp) || reposted.has(fp)))
    .map(({ c }) => c.id);
  return { toPost, alreadyThere, toDelete };
}
