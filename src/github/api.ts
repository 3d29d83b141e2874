/**
 * Everything the Action needs to talk to GitHub on a pull request: the
 * Octokit client, the patch index and the endpoints. main.ts loads this file
 * with one dynamic import() on pull-request runs only, so that push, schedule
 * and workflow_dispatch runs never load Octokit, undici or parse-diff (ncc
 * emits it and what only it needs as a separate chunk of dist/).
 */
export { createClient } from './client.js';
export { DiffIndex } from './diff.js';
export { createReview, deleteReviewComment, listPullFiles, listReviewComments, upsertSticky } from './pulls.js';
