import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planReview, reconcile } from '../../src/action/review.js';
import { run, type Engine, type Io } from '../../src/action/main.js';
import { DiffIndex } from '../../src/github/diff.js';
import { scan } from '../../src/engine.js';
import type { Annotation } from '../../src/report/github.js';
import { escapeMessage } from '../../src/report/markdown.js';
import { FakeGitHub, validateRequest } from './fake-github.js';
import { COMPOSE, composeFix, docUrl, file, finding } from './helpers.js';

const BIG = COMPOSE.replace('    ports:\n      - "127.0.0.1:2345:2345"\n', '    ports:\n      - "127.0.0.1:2345:2345"\n' + Array.from({ length: 10 }, (_, i) => `    # note ${i}`).join('\n') + '\n    environment:\n      A: "1"\n');

describe('planReview', () => {
  it('suggests inline when the natural anchor is in the diff', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const diff = new DiffIndex([{ path: 'docker-compose.yml', status: 'modified', patch: '@@ -5,3 +5,3 @@\n     command: x\n-    ports:\n+    ports:\n       - "127.0.0.1:2345:2345"'.replace('command: x', 'command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]') }], () => f.text);
    const plan = planReview([finding(f, 10, 15, { edits: composeFix(f) })], { diff, files: new Map([[f.path, f]]), repoPath: (p) => p, docUrl, maxComments: 25 });
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.draft).toMatchObject({ path: 'docker-compose.yml', line: 7, side: 'RIGHT' });
    expect(plan.comments[0]!.draft.body).toContain('```suggestion');
    expect(plan.rows[0]!.where).toBe('inline');
  });
  it('moves the suggestion to a line of the same block that is in the diff', () => {
    const f = file('docker-compose.yml', BIG);
    const fix = [{ path: f.path, start: f.text.length, end: f.text.length, text: '    cap_add:\n      - SYS_PTRACE\n' }];
    // Only line 4 (`image:`) changed; GitHub shows lines 1-7 as context.
    const patch = ['@@ -1,7 +1,7 @@', ' services:', '   api:', '     build: .', '-    image: old', '+    image: example/api:dev', ...BIG.split('\n').slice(4, 7).map((l) => ` ${l}`)].join('\n');
    const diff = new DiffIndex([{ path: f.path, status: 'modified', patch }], () => f.text);
    const plan = planReview([finding(f, 10, 15, { edits: fix })], { diff, files: new Map([[f.path, f]]), repoPath: (p) => p, docUrl, maxComments: 25 });
    expect(plan.comments).toHaveLength(1);
    const d = plan.comments[0]!.draft;
    expect(d.line).toBeLessThanOrEqual(7);
    expect(d.body).toContain('same block');
    expect(d.body).toMatch(/```suggestion\n[\s\S]*cap_add:\n {6}- SYS_PTRACE[\s\S]*```/);
  });
  it('goes to the summary when no line can carry it, and respects max-comments', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const diff = new DiffIndex([{ path: 'Dockerfile', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }], () => 'b\n');
    const plan = planReview([finding(f, 10, 15, { edits: composeFix(f) })], { diff, files: new Map([[f.path, f]]), repoPath: (p) => p, docUrl, maxComments: 25 });
    expect(plan.comments).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ where: 'summary' });
    expect(plan.rows[0]!.diff).toContain('+    cap_add:');
    const added = new DiffIndex([{ path: 'docker-compose.yml', status: 'added', patch: `@@ -0,0 +1,7 @@\n${COMPOSE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }], () => f.text);
    const two = [finding(f, 10, 15, { edits: composeFix(f), fp: 'a' }), finding(f, 20, 25, { fp: 'b' })];
    expect(planReview(two, { diff: added, files: new Map([[f.path, f]]), repoPath: (p) => p, docUrl, maxComments: 1 }).comments).toHaveLength(1);
  });
});

describe('reconcile', () => {
  const f = file('docker-compose.yml', COMPOSE);
  const diff = new DiffIndex([{ path: 'docker-compose.yml', status: 'added', patch: `@@ -0,0 +1,7 @@\n${COMPOSE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }], () => f.text);
  const plan = planReview([finding(f, 10, 15, { edits: composeFix(f), fp: 'keep' })], { diff, files: new Map([[f.path, f]]), repoPath: (p) => p, docUrl, maxComments: 25 });
  const same = { id: 1, path: 'docker-compose.yml', line: plan.comments[0]!.draft.line, body: plan.comments[0]!.draft.body, userType: 'Bot' };
  it('skips a comment that is already there (marker, rule, path, line, fix)', () => {
    const r = reconcile(plan.comments, [same], new Set(['keep']));
    expect(r.toPost).toEqual([]);
    expect(r.alreadyThere).toHaveLength(1);
    expect(r.toDelete).toEqual([]);
  });
  it('posts again when the line moved, and removes our stale comments unless someone replied', () => {
    const moved = { ...same, line: 3 };
    const gone = { id: 2, path: 'x.yml', line: 1, body: same.body.replace('fp=keep', 'fp=gone'), userType: 'Bot' };
    const replied = { id: 3, path: 'x.yml', line: 2, body: same.body.replace('fp=keep', 'fp=gone2'), userType: 'Bot' };
    const reply = { id: 4, path: 'x.yml', line: 2, body: 'thanks, will do', inReplyTo: 3, userType: 'User' };
    const human = { id: 5, path: 'x.yml', line: 2, body: same.body.replace('fp=keep', 'fp=gone3'), userType: 'User' };
    const r = reconcile(plan.comments, [moved, gone, replied, reply, human], new Set(['keep']));
    expect(r.toPost).toHaveLength(1);
    expect(r.toDelete.sort()).toEqual([1, 2]);
  });
});

describe('OpenAPI request validation (the fake server is strict)', () => {
  const u = (p: string) => new URL(`http://x${p}`);
  it('accepts a correct review and rejects typos, wrong types, unknown endpoints and per_page > 100', () => {
    expect(validateRequest('POST', u('/repos/o/r/pulls/1/reviews'), { commit_id: 'a', event: 'COMMENT', body: 'b', comments: [{ path: 'p', line: 2, side: 'RIGHT', start_line: 1, start_side: 'RIGHT', body: 'x' }] })).toEqual([]);
    expect(validateRequest('POST', u('/repos/o/r/pulls/1/reviews'), { event: 'COMMENT', comments: [{ path: 'p', line: 2, start_sid: 'RIGHT', body: 'x' }] }).join()).toMatch(/start_sid/);
    expect(validateRequest('POST', u('/repos/o/r/pulls/1/reviews'), { event: 'COMMENT', comments: [{ path: 'p', line: '2', body: 'x' }] }).join()).toMatch(/integer/);
    expect(validateRequest('POST', u('/repos/o/r/pulls/1/reviews'), { event: 'SHOUT' }).join()).toMatch(/allowed values/);
    expect(validateRequest('PATCH', u('/repos/o/r/issues/comments/5'), {}).join()).toMatch(/body/);
    expect(validateRequest('GET', u('/repos/o/r/pulls/1/files?per_page=101'), undefined).join()).toMatch(/per_page/);
    expect(validateRequest('GET', u('/repos/o/r/pulls/1/filez'), undefined).join()).toMatch(/no such operation/);
    expect(validateRequest('DELETE', u('/repos/o/r/pulls/comments/9'), undefined)).toEqual([]);
  });
});

describe('run() in process', () => {
  let gh: FakeGitHub | undefined;
  afterEach(async () => gh?.stop());

  it('retries a 502, and when GitHub still rejects the review (422) lists the fix in the summary; exit follows fail-on', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ptd-run-'));
    writeFileSync(join(ws, 'docker-compose.yml'), COMPOSE);
    gh = new FakeGitHub({
      owner: 'o', repo: 'r', pull: 9, headSha: 'h'.repeat(40),
      files: [{ filename: 'docker-compose.yml', status: 'added', patch: `@@ -0,0 +1,7 @@\n${COMPOSE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }],
      failFirst: { 'GET /repos/o/r/pulls/9/files': [{ status: 502 }], 'POST /repos/o/r/pulls/9/reviews': [{ status: 422 }] },
    });
    await gh.start();
    const warnings: string[] = [];
    const annotations: Annotation[] = [];
    const outputs: Record<string, string> = {};
    let jobSummary = '';
    const io: Io = { info: () => {}, warning: (m) => warnings.push(m), annotate: (a) => annotations.push(a), setOutput: (k, v) => (outputs[k] = v), writeJobSummary: async (m) => void (jobSummary = m) };
    const engine: Engine = { scan, applyFixes: async () => ({ changed: [], patch: '', skipped: [] }), toSarif: () => ({}), ruleDocUrl: docUrl };
    const out = await run(
      { token: 't', path: '.', failOn: 'never', prReview: true, prSummary: true, scope: 'changed', sarifFile: '', sarifSuppressed: 'omit', fix: false, ignore: [], maxComments: 25, config: '', baseline: '' },
      { eventName: 'pull_request', owner: 'o', repo: 'r', workspace: ws, apiUrl: gh.url, serverUrl: '', sha: '', tempDir: ws, pr: { number: 9, headSha: 'h'.repeat(40), isFork: false } },
      { engine, io, retry: { sleep: async () => {} } },
    );
    expect(gh.problems).toEqual([]);
    expect(out.failed).toBe(false);
    expect(outputs.findings).toBe('1');
    expect(annotations).toHaveLength(1);
    expect(warnings.join()).toMatch(/422/);
    expect(gh.requests.filter((q) => q.path.endsWith('/files')).map((q) => q.status)).toEqual([502, 200]);
    expect(gh.reviewComments).toEqual([]);
    expect(gh.issueComments[0]!.body).toContain('Fixes for findings outside the diff');
    expect(gh.issueComments[0]!.body).toContain('+    cap_add:');
    expect(jobSummary).toContain('+    cap_add:');
  });

  it('posts the short text with the suggestion, and the full message collapsed under "Why" (inline and in the summary)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ptd-run-'));
    writeFileSync(join(ws, 'docker-compose.yml'), COMPOSE);
    gh = new FakeGitHub({
      owner: 'o', repo: 'r', pull: 9, headSha: 'h'.repeat(40),
      files: [{ filename: 'docker-compose.yml', status: 'added', patch: `@@ -0,0 +1,7 @@\n${COMPOSE.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}` }],
    });
    await gh.start();
    const io: Io = { info: () => {}, warning: () => {}, annotate: () => {}, setOutput: () => {}, writeJobSummary: async () => {} };
    const engine: Engine = { scan, applyFixes: async () => ({ changed: [], patch: '', skipped: [] }), toSarif: () => ({}), ruleDocUrl: docUrl };
    await run(
      { token: 't', path: '.', failOn: 'never', prReview: true, prSummary: true, scope: 'changed', sarifFile: '', sarifSuppressed: 'omit', fix: false, ignore: [], maxComments: 25, config: '', baseline: '' },
      { eventName: 'pull_request', owner: 'o', repo: 'r', workspace: ws, apiUrl: gh.url, serverUrl: '', sha: '', tempDir: ws, pr: { number: 9, headSha: 'h'.repeat(40), isFork: false } },
      { engine, io, retry: { sleep: async () => {} } },
    );
    expect(gh.problems).toEqual([]);
    const [f] = (await scan({ root: ws })).findings;
    expect(f!.short).toBeTruthy();
    const body = gh.reviewComments[0]!.body;
    const why = body.indexOf('<details><summary>Why</summary>');
    expect(body.indexOf(escapeMessage(f!.short!))).toBeGreaterThan(0);
    expect(body.indexOf('```suggestion')).toBeGreaterThan(body.indexOf(escapeMessage(f!.short!)));
    expect(why).toBeGreaterThan(body.indexOf('```suggestion'));
    expect(body.slice(why)).toContain(escapeMessage(f!.message));
    expect(body.slice(0, why)).not.toContain(escapeMessage(f!.message));
    const summary = gh.issueComments[0]!.body;
    expect(summary).toContain(`${escapeMessage(f!.short!, { table: true })} <details><summary>Why</summary>${escapeMessage(f!.message, { table: true })}</details>`);
  });
});
