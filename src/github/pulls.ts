/**
 * The REST endpoints the action uses (and nothing else):
 *   GET    /repos/{owner}/{repo}/pulls/{pull_number}/files          (pull-requests: read)
 *   GET    /repos/{owner}/{repo}/pulls/{pull_number}/comments       (pull-requests: read)
 *   POST   /repos/{owner}/{repo}/pulls/{pull_number}/reviews        (pull-requests: write)
 *   DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}        (pull-requests: write)
 *   GET    /repos/{owner}/{repo}/issues/{issue_number}/comments     (pull-requests: read)
 *   POST   /repos/{owner}/{repo}/issues/{issue_number}/comments     (pull-requests: write)
 *   PATCH  /repos/{owner}/{repo}/issues/comments/{comment_id}       (pull-requests: write)
 */
import type { Octokit } from './client.js';
import type { PrFile } from './diff.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export const PER_PAGE = 100;

export async function listPullFiles(octokit: Octokit, repo: RepoRef, pull: number): Promise<PrFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: PER_PAGE });
  return files.map((f) => ({
    path: f.filename,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    status: f.status,
    ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
  }));
}

export interface ExistingReviewComment {
  id: number;
  path: string;
  /** Current line; null when the comment is outdated. */
  line: number | null;
  body: string;
  inReplyTo?: number;
  userType?: string;
}

export async function listReviewComments(octokit: Octokit, repo: RepoRef, pull: number): Promise<ExistingReviewComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number: pull, per_page: PER_PAGE });
  return comments.map((c) => ({
    id: c.id,
    path: c.path,
    line: c.line ?? null,
    body: c.body ?? '',
    ...(c.in_reply_to_id ? { inReplyTo: c.in_reply_to_id } : {}),
    ...(c.user?.type ? { userType: c.user.type } : {}),
  }));
}

export interface DraftComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** One review holding every inline comment. Event COMMENT: a bot never requests changes. */
export async function createReview(octokit: Octokit, repo: RepoRef, pull: number, commitId: string, body: string, comments: DraftComment[]): Promise<number> {
  const res = await octokit.rest.pulls.createReview({
    ...repo,
    pull_number: pull,
    commit_id: commitId,
    event: 'COMMENT',
    body,
    comments,
  });
  return res.data.id;
}

export async function deleteReviewComment(octokit: Octokit, repo: RepoRef, commentId: number): Promise<void> {
  await octokit.rest.pulls.deleteReviewComment({ ...repo, comment_id: commentId });
}

export interface ExistingIssueComment {
  id: number;
  body: string;
  userType?: string;
}

export async function listIssueComments(octokit: Octokit, repo: RepoRef, issue: number): Promise<ExistingIssueComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: PER_PAGE });
  return comments.map((c) => ({ id: c.id, body: c.body ?? '', ...(c.user?.type ? { userType: c.user.type } : {}) }));
}

/** The sticky comment: the first comment starting with the marker, preferring one written by a bot. */
export function findSticky(comments: ExistingIssueComment[], marker: string): ExistingIssueComment | undefined {
  const ours = comments.filter((c) => c.body.startsWith(marker));
  return ours.find((c) => c.userType === 'Bot') ?? ours[0];
}

export type StickyResult = { action: 'created' | 'updated' | 'unchanged' | 'skipped'; id?: number };

/**
 * Creates or updates (in place) the pull request's summary comment. With
 * `onlyIfExists`, nothing is created (used when there is nothing to report and
 * no earlier summary to turn into "all fixed").
 */
export async function upsertSticky(octokit: Octokit, repo: RepoRef, issue: number, marker: string, body: string, onlyIfExists = false): Promise<StickyResult> {
  const existing = findSticky(await listIssueComments(octokit, repo, issue), marker);
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id };
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { action: 'updated', id: existing.id };
  }
  if (onlyIfExists) return { action: 'skipped' };
  const res = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
  return { action: 'created', id: res.data.id };
}
