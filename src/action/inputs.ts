/**
 * Inputs (as action.yml declares them) and the run's context (from the
 * runner's environment and event payload). Both are plain functions of their
 * sources so that they are tested without a runner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolveRule } from '../rules/index.js';

export type FailOn = 'error' | 'warning' | 'note' | 'never';
export type Scope = 'changed' | 'all';

export interface ActionInputs {
  token: string;
  path: string;
  /** Unset (empty input): the config file's fail-on, else error. */
  failOn?: FailOn;
  prReview: boolean;
  prSummary: boolean;
  scope: Scope;
  sarifFile: string;
  /** Suppressed findings in the SARIF file: left out (code scanning would show them as open alerts), or listed with `suppressions`. */
  sarifSuppressed: 'omit' | 'include';
  fix: boolean;
  ignore: string[];
  maxComments: number;
  /** The configuration file, relative to the workspace; empty: .ptrace-doctor.yaml found from `path` up to the workspace. */
  config: string;
  /** A baseline file (written by the CLI's --write-baseline), relative to the workspace; empty: none. */
  baseline: string;
}

export class InputError extends Error {}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
function bool(name: string, raw: string, dflt: boolean): boolean {
  const v = raw.trim();
  if (v === '') return dflt;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(`Input "${name}" must be true or false, got "${v}".`);
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], dflt: T): T {
  const v = raw.trim().toLowerCase();
  if (v === '') return dflt;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`Input "${name}" must be one of ${allowed.join(', ')}; got "${raw.trim()}".`);
}

/** Rule ids or slugs separated by commas, spaces or newlines: "PTD010, delve-version-unpinned" (as ids). */
export function parseRuleList(raw: string): string[] {
  const names = raw.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== '');
  const ids: string[] = [];
  for (const n of names) {
    const id = resolveRule(n);
    if (!id) throw new InputError(`Input "ignore" takes rule ids like PTD010 or slugs like debug-binary-optimized; "${n}" is neither.`);
    ids.push(id);
  }
  return [...new Set(ids)];
}

/** Reads every input through `get` (core.getInput in the entry). */
export function readInputs(get: (name: string) => string): ActionInputs {
  const maxRaw = get('max-comments').trim();
  const maxComments = maxRaw === '' ? 25 : Number(maxRaw);
  if (!Number.isInteger(maxComments) || maxComments < 0) throw new InputError(`Input "max-comments" must be a whole number ≥ 0; got "${maxRaw}".`);
  return {
    token: get('github-token').trim(),
    path: get('path').trim() || '.',
    ...(get('fail-on').trim() !== '' ? { failOn: oneOf('fail-on', get('fail-on'), ['error', 'warning', 'note', 'never'] as const, 'error') } : {}),
    prReview: bool('pr-review', get('pr-review'), true),
    prSummary: bool('pr-summary', get('pr-summary'), true),
    scope: oneOf('scope', get('scope'), ['changed', 'all'] as const, 'changed'),
    sarifFile: get('sarif-file').trim(),
    sarifSuppressed: oneOf('sarif-suppressed', get('sarif-suppressed'), ['omit', 'include'] as const, 'omit'),
    fix: bool('fix', get('fix'), false),
    ignore: parseRuleList(get('ignore')),
    maxComments,
    config: get('config').trim(),
    baseline: get('baseline').trim(),
  };
}

export interface PullRequestContext {
  number: number;
  headSha: string;
  baseSha?: string;
  /** owner/name of the head repository; differs from the base for forks. */
  headRepo?: string;
  isFork: boolean;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  sha: string;
  tempDir: string;
  pr?: PullRequestContext;
}

type Env = Record<string, string | undefined>;

/** The run's context from the runner's environment (GITHUB_*, RUNNER_TEMP) and event payload. */
export function readContext(env: Env, cwd: string = process.cwd()): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && existsSync(eventPath)) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  const repoFull = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repoFull.split('/');
  const ctx: RunContext = {
    eventName,
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    sha: env.GITHUB_SHA ?? '',
    tempDir: env.RUNNER_TEMP || tmpdir(),
  };
  const pr = payload.pull_request as
    | { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } | null }; base?: { sha?: unknown; repo?: { full_name?: unknown } } }
    | undefined;
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pr && typeof pr.number === 'number' && typeof pr.head?.sha === 'string') {
    const headRepo = typeof pr.head.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
    const baseRepo = typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : repoFull;
    ctx.pr = {
      number: pr.number,
      headSha: pr.head.sha,
      ...(typeof pr.base?.sha === 'string' ? { baseSha: pr.base.sha } : {}),
      ...(headRepo ? { headRepo } : {}),
      // A deleted head repository (null) is treated as a fork: the token is read-only then too.
      isFork: headRepo === undefined || headRepo !== baseRepo,
    };
  }
  return ctx;
}
