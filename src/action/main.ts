/**
 * The Action's orchestration: scan → scope → annotations, outputs, SARIF,
 * fixes and patch → pull-request review and sticky summary → job summary.
 * The exit status follows `fail-on` only: a comment that cannot be written
 * (fork, read-only token, API trouble) is a warning, never a failure.
 *
 * Everything it needs from the outside comes in through `RunDeps`, so tests
 * run it against hand-made findings and a loopback API.
 */
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { ScanOptions, ScanResult } from '../engine.js';
import type { Finding, SourceFile } from '../types.js';
import { atOrAbove } from '../report/common.js';
import { toLocation } from '../source.js';
import type { Octokit, RetryPolicy } from '../github/client.js';
import type { DiffIndex } from '../github/diff.js';
import type { ExistingReviewComment, RepoRef } from '../github/pulls.js';
import type * as GitHubApi from '../github/api.js';
// Only types and the error helpers statically: the client, the diff parser and the
// endpoints (Octokit, undici, parse-diff) are imported below on pull requests only.
import { apiMessage, httpStatus, isForbidden } from '../github/errors.js';
import { REVIEW_MARKER, SUMMARY_MARKER, annotationsFor, compareFindings, countBySeverity, fixDiff, summaryMarkdown, type Annotation, type SummaryRow } from '../report/github.js';
import { GITHUB_BODY_LIMIT, JOB_SUMMARY_LIMIT } from '../report/markdown.js';
import { unifiedDiff } from '../fix/text.js';
import { InputError, type ActionInputs, type RunContext } from './inputs.js';
import type { EffectiveConfig } from '../config/types.js';
import { baselineKeys, inBaseline, type Baseline } from '../report/baseline.js';
import { inChangedScope } from './scope.js';
import { planReview, reconcile } from './review.js';

export interface FixOutcome {
  changed: { path: string; before: string; after: string }[];
  patch: string;
  skipped: { path: string; reason: string }[];
}

export interface Engine {
  scan(opts: ScanOptions): Promise<ScanResult>;
  /** The configuration: the named file, or the one found from `root` up to `boundary`; undefined when there is none. Throws in words on a bad file. */
  loadConfig?(opts: { root: string; boundary: string; explicit?: string }): Promise<EffectiveConfig | undefined>;
  /** A baseline file; throws in words on a bad one. */
  readBaseline?(path: string, name: string): Baseline;
  /** Applies every fix (re-scanning between rounds) and writes the files when `write`. */
  applyFixes(opts: ScanOptions & { write: boolean }): Promise<FixOutcome>;
  /** SARIF for upload: every finding, suppressed ones with their suppressions, baselineState when a baseline is given. */
  toSarif(result: ScanResult, opts?: { inBaseline?: (f: Finding) => boolean; includeSuppressed?: boolean }): object | Promise<object>;
  ruleDocUrl(id: string): string;
}

export interface Io {
  info(message: string): void;
  warning(message: string): void;
  annotate(a: Annotation): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary (no-op outside a runner). */
  writeJobSummary(markdown: string): Promise<void>;
}

export interface RunDeps {
  engine: Engine;
  io: Io;
  /** Overrides for tests (fast retries). */
  retry?: Partial<RetryPolicy>;
}

export interface RunOutcome {
  failed: boolean;
  message: string;
  outputs: Record<string, string>;
  /** What happened on the pull request, for logs and tests. */
  pr?: { posted: number; skippedExisting: number; deleted: number; summary: string; fallback: boolean };
}


/** Tracks whether the token may write; a 403 on a write switches to read-only once, with one warning. */
class WriteGate {
  allowed = true;
  private warned = false;
  constructor(private readonly io: Io, private readonly isFork: boolean) {}

  /** Handles a failed GitHub call; returns a short reason. Never throws. */
  failed(what: string, err: unknown): string {
    const status = httpStatus(err);
    if (isForbidden(err)) {
      this.allowed = false;
      if (!this.warned) {
        this.warned = true;
        this.io.warning(
          `ptrace-doctor cannot ${what}: GitHub answered 403 "${apiMessage(err)}". ` +
            (this.isFork ? 'Pull requests from forks get a read-only token. ' : 'The token is read-only (grant `pull-requests: write` to comment). ') +
            'Falling back to annotations and the job summary.',
        );
      }
      return 'read-only token';
    }
    this.io.warning(`ptrace-doctor could not ${what}: ${status ?? ''} ${apiMessage(err)}`.replace(/\s+/g, ' ').trim());
    return `HTTP ${status ?? 'error'}`;
  }
}

function repoPathMapper(workspace: string, root: string): { prefix: string | undefined; toRepo: (p: string) => string } {
  const rel = relative(resolve(workspace), resolve(root));
  if (rel === '') return { prefix: '', toRepo: (p) => p };
  if (rel.startsWith('..') || isAbsolute(rel)) return { prefix: undefined, toRepo: (p) => p };
  const prefix = rel.split(sep).join('/');
  return { prefix, toRepo: (p) => posix.join(prefix, p) };
}

/** Rewrites SARIF artifact URIs (relative to the scanned root) to repository paths. */
export function rebaseSarif(sarif: unknown, toRepo: (p: string) => string): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) {
        if (k === 'artifactLocation' && val && typeof val === 'object' && typeof (val as { uri?: unknown }).uri === 'string') {
          const uri = (val as { uri: string }).uri;
          const base = (val as { uriBaseId?: unknown }).uriBaseId;
          // Our URIs are relative to the scanned root (%SRCROOT%); make them relative to the repository.
          const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/') && (base === undefined || base === '%SRCROOT%');
          o[k] = { ...(walk(val) as object), ...(isRelative ? { uri: toRepo(uri) } : {}) };
        } else o[k] = walk(val);
      }
      return o;
    }
    return v;
  };
  return walk(sarif);
}

/** A path input that must name an existing file or directory: an error in words, not ENOENT from realpath. */
function checkPath(input: string, value: string, abs: string, workspace: string, want: 'directory' | 'file'): void {
  let st;
  try {
    st = statSync(abs);
  } catch {
    const hint = want === 'directory' ? 'a directory of the checked-out repository (default ".")' : 'a file in the checked-out repository';
    throw new InputError(`Input "${input}" is "${value}", but ${abs} does not exist. It is taken relative to the workspace (${workspace}): set it to ${hint}, and check that actions/checkout runs before this step.`);
  }
  if (want === 'directory' && !st.isDirectory()) throw new InputError(`Input "${input}" is "${value}", which is a file; it takes the directory to scan (default ".").`);
  if (want === 'file' && !st.isFile()) throw new InputError(`Input "${input}" is "${value}", which is not a regular file.`);
}

/** A file an input names must stay in the workspace: the repository, not the runner's own files, is what a pull request may change. */
function insideWorkspace(input: string, value: string, abs: string, workspace: string): void {
  const real = realpathSync.native(abs);
  const ws = realpathSync.native(workspace);
  if (real !== ws && !real.startsWith(ws + sep)) throw new InputError(`Input "${input}" is "${value}", which leads outside the workspace (${workspace}); it was not read.`);
}

export async function run(inputs: ActionInputs, ctx: RunContext, deps: RunDeps): Promise<RunOutcome> {
  const { io, engine } = deps;
  const root = resolve(ctx.workspace, inputs.path);
  checkPath('path', inputs.path, root, ctx.workspace, 'directory');
  const { prefix, toRepo } = repoPathMapper(ctx.workspace, root);
  let config: EffectiveConfig | undefined;
  if (engine.loadConfig) {
    let explicit: string | undefined;
    if (inputs.config !== '') {
      explicit = resolve(ctx.workspace, inputs.config);
      checkPath('config', inputs.config, explicit, ctx.workspace, 'file');
      insideWorkspace('config', inputs.config, explicit, ctx.workspace);
    }
    config = await engine.loadConfig({ root, boundary: ctx.workspace, ...(explicit ? { explicit } : {}) });
  }
  let baseline: Baseline | undefined;
  if (inputs.baseline !== '' && engine.readBaseline) {
    const abs = resolve(ctx.workspace, inputs.baseline);
    checkPath('baseline', inputs.baseline, abs, ctx.workspace, 'file');
    insideWorkspace('baseline', inputs.baseline, abs, ctx.workspace);
    baseline = engine.readBaseline(abs, inputs.baseline);
  }
  const failOn = inputs.failOn ?? config?.failOn ?? 'error';
  const scanOpts: ScanOptions = { root, ...(inputs.ignore.length > 0 ? { ignore: inputs.ignore } : {}), ...(config ? { config } : {}) };
  const result = await engine.scan(scanOpts);
  const files = new Map<string, SourceFile>(result.files.map((f) => [f.path, f]));
  const byRepoPath = new Map<string, SourceFile>(result.files.map((f) => [toRepo(f.path), f]));
  const outputs: Record<string, string> = {};
  const notes: string[] = [];
  const gate = new WriteGate(io, ctx.pr?.isFork ?? false);
  const repo: RepoRef = { owner: ctx.owner, repo: ctx.repo };

  // --- pull request diff
  let api: typeof GitHubApi | undefined;
  let octokit: Octokit | undefined;
  let diff: DiffIndex | undefined;
  if (ctx.pr) {
    if (!inputs.token) {
      io.warning('ptrace-doctor: no github-token, so no pull-request review or summary comment; reporting through annotations and the job summary.');
    } else if (prefix === undefined) {
      io.warning(`ptrace-doctor: path "${inputs.path}" is outside the workspace; no pull-request comments.`);
    } else {
      api = await import('../github/api.js');
      octokit = api.createClient(inputs.token, {
        baseUrl: ctx.apiUrl,
        ...(deps.retry ? { retry: deps.retry } : {}),
        onRetry: (r) => io.info(`GitHub API ${r.method} ${r.url}: ${r.status ?? 'network error'}, retry ${r.attempt} in ${Math.round(r.delayMs / 1000)}s`),
      });
      try {
        const prFiles = await api.listPullFiles(octokit, repo, ctx.pr.number);
        diff = new api.DiffIndex(prFiles, (rp) => byRepoPath.get(rp)?.text);
      } catch (err) {
        notes.push(`Could not list the pull request's files (${gate.failed("list the pull request's files", err)}); all findings are listed.`);
      }
    }
  }

  // --- baseline (findings it holds are not reported; SARIF keeps them as unchanged), then scope
  const keys = baseline ? baselineKeys(baseline) : undefined;
  const allFindings = result.findings.filter((f) => !keys || !inBaseline(keys, f)).sort(compareFindings);
  const inBaselineCount = result.findings.length - allFindings.length;
  const scoped =
    inputs.scope === 'changed' && diff
      ? allFindings.filter((f) => inChangedScope(f, files, (p, line) => diff!.isChanged(toRepo(p), line)))
      : allFindings;
  const counts = countBySeverity(scoped);
  outputs.findings = String(scoped.length);
  outputs.errors = String(counts.error);
  outputs.warnings = String(counts.warning);
  outputs['sarif-file'] = '';
  outputs['patch-file'] = '';

  // --- annotations (most severe first, within GitHub's per-level display limit)
  const { annotations, omitted } = annotationsFor(scoped, toRepo, undefined, engine.ruleDocUrl);
  for (const a of annotations) io.annotate(a);
  if (omitted > 0) io.info(`${omitted} more finding(s) are not shown as annotations (GitHub displays 10 per level); see the job summary.`);

  // --- SARIF (all findings: code scanning tracks them across branches itself)
  if (inputs.sarifFile) {
    const target = resolve(ctx.workspace, inputs.sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    const sarif = await engine.toSarif(result, { ...(keys ? { inBaseline: (f: Finding) => inBaseline(keys, f) } : {}), includeSuppressed: inputs.sarifSuppressed === 'include' });
    writeFileSync(target, JSON.stringify(rebaseSarif(sarif, toRepo), null, 2) + '\n');
    outputs['sarif-file'] = target;
  }

  // --- pull request review and sticky summary
  let prInfo: RunOutcome['pr'];
  let rows: SummaryRow[] = scoped.map((f) => {
    const d = fixDiff(f, files, toRepo);
    return { finding: f, location: locationOf(f, toRepo), where: 'summary' as const, ...(d ? { diff: d } : {}) };
  });
  if (ctx.pr && api && octokit && diff) {
    prInfo = { posted: 0, skippedExisting: 0, deleted: 0, summary: 'none', fallback: false };
    if (inputs.prReview) {
      const plan = planReview(scoped, { diff, files, repoPath: toRepo, docUrl: engine.ruleDocUrl, maxComments: inputs.maxComments });
      rows = plan.rows;
      let existing: ExistingReviewComment[] | undefined;
      try {
        existing = await api.listReviewComments(octokit, repo, ctx.pr.number);
      } catch (err) {
        gate.failed('list review comments', err);
      }
      if (existing) {
        const rec = reconcile(plan.comments, existing, new Set(result.findings.map((f) => f.fingerprint)));
        prInfo.skippedExisting = rec.alreadyThere.length;
        for (const id of rec.toDelete) {
          if (!gate.allowed) break;
          try {
            await api.deleteReviewComment(octokit, repo, id);
            prInfo.deleted++;
          } catch (err) {
            gate.failed('remove an outdated review comment', err);
          }
        }
        if (rec.toPost.length > 0 && gate.allowed) {
          const n = rec.toPost.length;
          const body = `${REVIEW_MARKER}\nptrace-doctor: ${n} finding${n === 1 ? '' : 's'} with ${n === 1 ? 'a fix' : 'fixes'} on the lines this pull request changes. The summary comment lists everything.`;
          try {
            await api.createReview(octokit, repo, ctx.pr.number, ctx.pr.headSha, body, rec.toPost.map((p) => p.draft));
            prInfo.posted = n;
          } catch (err) {
            const reason = gate.failed('post the review', err);
            if (httpStatus(err) === 422) notes.push('GitHub rejected the inline comments (422); their fixes are listed below instead.');
            else if (reason !== 'read-only token') notes.push(`Could not post inline comments (${reason}); their fixes are listed below instead.`);
            const failed = new Set(rec.toPost.map((p) => p.finding));
            rows = rows.map((r) => (failed.has(r.finding) ? { ...r, where: 'summary' } : r));
          }
        }
      } else {
        rows = rows.map((r) => ({ ...r, where: 'summary' }));
      }
    }
    if (inputs.prSummary && gate.allowed) {
      const md = summaryMarkdown({ rows, docUrl: engine.ruleDocUrl, scope: inputs.scope, sticky: true, diffs: 'not-inline', limit: GITHUB_BODY_LIMIT, notes, totalFindings: allFindings.length });
      try {
        const r = await api.upsertSticky(octokit, repo, ctx.pr.number, SUMMARY_MARKER, md, scoped.length === 0);
        prInfo.summary = r.action;
      } catch (err) {
        gate.failed('write the summary comment', err);
      }
    }
    prInfo.fallback = !gate.allowed;
  }

  // --- fixes and patch
  if (inputs.fix) {
    const fixed = await engine.applyFixes({ ...scanOpts, write: true });
    const patch = fixed.changed.map((c) => unifiedDiff(toRepo(c.path), c.before, c.after)).join('');
    for (const s of fixed.skipped) io.warning(`ptrace-doctor: did not fix ${s.path}: ${s.reason}`);
    if (patch !== '') {
      const target = join(ctx.tempDir, 'ptrace-doctor.patch');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, patch);
      outputs['patch-file'] = target;
      io.info(`ptrace-doctor: fixed ${fixed.changed.length} file(s); patch written to ${target}`);
    }
  }

  // --- job summary (always; everything in scope with every fix)
  const jobRows = rows.map((r) => ({ ...r, where: 'summary' as const }));
  await io.writeJobSummary(
    summaryMarkdown({ rows: jobRows, docUrl: engine.ruleDocUrl, scope: diff ? inputs.scope : 'all', sticky: false, diffs: 'all', limit: JOB_SUMMARY_LIMIT, notes, ...(diff ? { totalFindings: allFindings.length } : {}) }),
  );

  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);

  const failing = scoped.filter((f) => atOrAbove(f.severity, failOn));
  const hidden = [
    ...(result.suppressed.length > 0 ? [`${result.suppressed.length} suppressed`] : []),
    ...(baseline ? [`${inBaselineCount} in the baseline`] : []),
  ];
  const tail = hidden.length > 0 ? ` Not counted: ${hidden.join(', ')}.` : '';
  const message =
    failing.length > 0
      ? `ptrace-doctor: ${failing.length} finding(s) at or above fail-on=${failOn} (${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)).${tail}`
      : `ptrace-doctor: ${scoped.length} finding(s); none at or above fail-on=${failOn}.${tail}`;
  return { failed: failing.length > 0, message, outputs, ...(prInfo ? { pr: prInfo } : {}) };
}

function locationOf(f: Finding, toRepo: (p: string) => string): string {
  const loc = toLocation(f.span);
  return `${toRepo(loc.path)}:${loc.startLine}`;
}
