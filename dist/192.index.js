export const id = 192;
export const ids = [192];
export const modules = {

/***/ 8192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DiffIndex: () => (/* reexport */ DiffIndex),
  createClient: () => (/* reexport */ createClient),
  createReview: () => (/* reexport */ createReview),
  deleteReviewComment: () => (/* reexport */ deleteReviewComment),
  listPullFiles: () => (/* reexport */ listPullFiles),
  listReviewComments: () => (/* reexport */ listReviewComments),
  upsertSticky: () => (/* reexport */ upsertSticky)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * Octokit wiring: base URL from GITHUB_API_URL (GitHub Enterprise, or a
 * loopback server in tests), bounded retries with backoff on 5xx and rate
 * limits. The token is handed to Octokit only; nothing here prints it or a
 * request's headers.
 */


// The error helpers live in errors.ts, which does not import Octokit: the Action
// loads this file only on pull requests but reads errors on every path.

const DEFAULT_RETRY = {
    retries: 3,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    maxTotalWaitMs: 90_000,
    timeoutMs: 30_000,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: () => Date.now(),
};
function retryAfterMs(value, now) {
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * How long to wait before retrying `err` (the `attempt`-th retry, 0-based), or
 * undefined when it must not be retried.
 */
function retryDelay(err, attempt, waitedMs, policy) {
    if (attempt >= policy.retries)
        return undefined;
    const status = (0,errors/* httpStatus */.nG)(err);
    let delay;
    if ((0,errors/* isRateLimited */.Jz)(err)) {
        const ra = (0,errors/* header */.wx)(err, 'retry-after');
        const reset = (0,errors/* header */.wx)(err, 'x-ratelimit-reset');
        if (ra !== undefined)
            delay = retryAfterMs(ra, policy.now());
        else if ((0,errors/* header */.wx)(err, 'x-ratelimit-remaining') === '0' && reset !== undefined && /^\d+$/.test(reset))
            delay = Math.max(0, Number(reset) * 1000 - policy.now());
        // GitHub: otherwise wait at least one minute, increasing exponentially.
        else
            delay = 60_000 * 2 ** attempt;
    }
    else if (status !== undefined && status >= 500) {
        delay = policy.baseDelayMs * 2 ** attempt;
    }
    else {
        return undefined;
    }
    if (delay === undefined || delay > policy.maxDelayMs || waitedMs + delay > policy.maxTotalWaitMs)
        return undefined;
    return delay;
}
/** Thrown when a request takes longer than RetryPolicy.timeoutMs. */
class RequestTimeout extends Error {
    constructor(ms) {
        super(`no answer from the GitHub API within ${Math.round(ms / 1000)}s`);
    }
}
/**
 * Run a request with an abort signal and a hard deadline: the signal asks
 * fetch to drop the connection, the race makes sure we stop waiting even when
 * the transport does not honour it.
 */
async function withTimeout(ms, fn) {
    const ctl = new AbortController();
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            ctl.abort();
            reject(new RequestTimeout(ms));
        }, ms);
    });
    try {
        return await Promise.race([fn(ctl.signal), deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** An Octokit for GITHUB_API_URL with bounded retries. */
function createClient(token, opts) {
    const policy = { ...DEFAULT_RETRY, ...opts.retry };
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl: opts.baseUrl.replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
    octokit.hook.wrap('request', async (request, options) => {
        let waited = 0;
        for (let attempt = 0;; attempt++) {
            try {
                return await withTimeout(policy.timeoutMs, async (signal) => request({ ...options, request: { ...(options.request ?? {}), signal } }));
            }
            catch (err) {
                const delay = retryDelay(err, attempt, waited, policy);
                if (delay === undefined)
                    throw err;
                opts.onRetry?.({ method: String(options.method), url: String(options.url), status: (0,errors/* httpStatus */.nG)(err), delayMs: delay, attempt: attempt + 1 });
                waited += delay;
                await policy.sleep(delay);
            }
        }
    });
    return octokit;
}

// EXTERNAL MODULE: ./node_modules/parse-diff/index.js
var parse_diff = __webpack_require__(2673);
var parse_diff_default = /*#__PURE__*/__webpack_require__.n(parse_diff);
;// CONCATENATED MODULE: ./src/github/diff.ts
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

function stripCr(s) {
    return s.endsWith('\r') ? s.slice(0, -1) : s;
}
/** Parses one `pulls/{n}/files` patch into hunks of new-side lines. */
function parsePatch(patch) {
    const files = parse_diff_default()(patch);
    const hunks = [];
    for (const f of files) {
        for (const chunk of f.chunks) {
            const lines = [];
            const nearDeletion = new Set();
            let lastNewLine = chunk.newStart - 1;
            let pendingDeletion = false;
            for (const ch of chunk.changes) {
                // "\ No newline at end of file" is reported by parse-diff as a normal change.
                if (ch.content.startsWith('\\'))
                    continue;
                if (ch.type === 'del') {
                    pendingDeletion = true;
                    if (lastNewLine >= chunk.newStart)
                        nearDeletion.add(lastNewLine);
                    continue;
                }
                const line = ch.type === 'add' ? ch.ln : ch.ln2;
                lines.push({ line, text: stripCr(ch.content.slice(1)), added: ch.type === 'add' });
                if (pendingDeletion)
                    nearDeletion.add(line);
                pendingDeletion = false;
                lastNewLine = line;
            }
            hunks.push({ newStart: chunk.newStart, lines, nearDeletion: [...nearDeletion].sort((a, b) => a - b) });
        }
    }
    return hunks;
}
function splitLines(text) {
    const lines = text.split(/\r\n|\n|\r/);
    // A trailing newline does not start another line.
    if (lines.length > 1 && lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/** Finds the offset at which all of a hunk's new-side lines match the scanned file (nearest to 0). */
function locateHunk(hunk, scanned) {
    if (hunk.lines.length === 0)
        return undefined;
    const matchesAt = (offset) => hunk.lines.every((l) => {
        const idx = l.line + offset - 1;
        return idx >= 0 && idx < scanned.length && scanned[idx] === l.text;
    });
    if (matchesAt(0))
        return 0;
    const first = hunk.lines[0];
    let best;
    for (let i = 0; i < scanned.length; i++) {
        if (scanned[i] !== first.text)
            continue;
        const offset = i + 1 - first.line;
        if (offset === 0)
            continue;
        if ((best === undefined || Math.abs(offset) < Math.abs(best)) && matchesAt(offset))
            best = offset;
    }
    return best;
}
/** Aligns a pull-request file with the scanned text of the same file. */
function alignFile(file, scannedText) {
    const out = { path: file.path, commentable: new Map(), changed: new Set(), wholeFileChanged: false };
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
            if (hunk.lines.some((l) => l.added) || hunk.nearDeletion.length > 0)
                out.wholeFileChanged = true;
            return;
        }
        for (const l of hunk.lines) {
            out.commentable.set(l.line + offset, { headLine: l.line, hunk: index });
            if (l.added)
                out.changed.add(l.line + offset);
        }
        for (const l of hunk.nearDeletion)
            out.changed.add(l + offset);
    });
    return out;
}
/** Index of a pull request's files by repository path. */
class DiffIndex {
    textOf;
    files = new Map();
    aligned = new Map();
    constructor(files, textOf) {
        this.textOf = textOf;
        for (const f of files)
            if (f.status !== 'removed')
                this.files.set(f.path, f);
    }
    has(repoPath) {
        return this.files.has(repoPath);
    }
    get(repoPath) {
        const cached = this.aligned.get(repoPath);
        if (cached)
            return cached;
        const file = this.files.get(repoPath);
        if (!file)
            return undefined;
        const text = this.textOf(repoPath);
        const a = text === undefined ? { path: repoPath, commentable: new Map(), changed: new Set(), wholeFileChanged: true } : alignFile(file, text);
        this.aligned.set(repoPath, a);
        return a;
    }
    /** Did the pull request change this (scanned) line? */
    isChanged(repoPath, line) {
        const a = this.get(repoPath);
        if (!a)
            return false;
        return a.wholeFileChanged || a.changed.has(line);
    }
    /** HEAD line and hunk for a scanned line, when a comment can be anchored there. */
    commentable(repoPath, line) {
        return this.get(repoPath)?.commentable.get(line);
    }
    paths() {
        return [...this.files.keys()];
    }
}

;// CONCATENATED MODULE: ./src/github/pulls.ts
const PER_PAGE = 100;
async function listPullFiles(octokit, repo, pull) {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: PER_PAGE });
    return files.map((f) => ({
        path: f.filename,
        ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
        status: f.status,
        ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
    }));
}
async function listReviewComments(octokit, repo, pull) {
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
/** One review holding every inline comment. Event COMMENT: a bot never requests changes. */
async function createReview(octokit, repo, pull, commitId, body, comments) {
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
async function deleteReviewComment(octokit, repo, commentId) {
    await octokit.rest.pulls.deleteReviewComment({ ...repo, comment_id: commentId });
}
async function listIssueComments(octokit, repo, issue) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: PER_PAGE });
    return comments.map((c) => ({ id: c.id, body: c.body ?? '', ...(c.user?.type ? { userType: c.user.type } : {}) }));
}
/** The sticky comment: the first comment starting with the marker, preferring one written by a bot. */
function findSticky(comments, marker) {
    const ours = comments.filter((c) => c.body.startsWith(marker));
    return ours.find((c) => c.userType === 'Bot') ?? ours[0];
}
/**
 * Creates or updates (in place) the pull request's summary comment. With
 * `onlyIfExists`, nothing is created (used when there is nothing to report and
 * no earlier summary to turn into "all fixed").
 */
async function upsertSticky(octokit, repo, issue, marker, body, onlyIfExists = false) {
    const existing = findSticky(await listIssueComments(octokit, repo, issue), marker);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id };
        await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
        return { action: 'updated', id: existing.id };
    }
    if (onlyIfExists)
        return { action: 'skipped' };
    const res = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
    return { action: 'created', id: res.data.id };
}

;// CONCATENATED MODULE: ./src/github/api.ts
/**
 * Everything the Action needs to talk to GitHub on a pull request: the
 * Octokit client, the patch index and the endpoints. main.ts loads this file
 * with one dynamic import() on pull-request runs only, so that push, schedule
 * and workflow_dispatch runs never load Octokit, undici or parse-diff (ncc
 * emits it and what only it needs as a separate chunk of dist/).
 */





/***/ })

};
