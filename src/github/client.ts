/**
 * Octokit wiring: base URL from GITHUB_API_URL (GitHub Enterprise, or a
 * loopback server in tests), bounded retries with backoff on 5xx and rate
 * limits. The token is handed to Octokit only; nothing here prints it or a
 * request's headers.
 */
import { getOctokit } from '@actions/github';
import { header, httpStatus, isRateLimited } from './errors.js';

// The error helpers live in errors.ts, which does not import Octokit: the Action
// loads this file only on pull requests but reads errors on every path.
export { apiMessage, httpStatus, isForbidden, isRateLimited } from './errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff for 5xx; doubles each attempt. */
  baseDelayMs: number;
  /** A single wait longer than this is not worth it: give up instead. */
  maxDelayMs: number;
  /** Cap on the total time spent waiting across all retries of one request. */
  maxTotalWaitMs: number;
  /** Each request is abandoned after this long (a server that never answers must not hold the runner). */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxTotalWaitMs: 90_000,
  timeoutMs: 30_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
};

function retryAfterMs(value: string, now: number): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retrying `err` (the `attempt`-th retry, 0-based), or
 * undefined when it must not be retried.
 */
export function retryDelay(err: unknown, attempt: number, waitedMs: number, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.retries) return undefined;
  const status = httpStatus(err);
  let delay: number | undefined;
  if (isRateLimited(err)) {
    const ra = header(err, 'retry-after');
    const reset = header(err, 'x-ratelimit-reset');
    if (ra !== undefined) delay = retryAfterMs(ra, policy.now());
    else if (header(err, 'x-ratelimit-remaining') === '0' && reset !== undefined && /^\d+$/.test(reset)) delay = Math.max(0, Number(reset) * 1000 - policy.now());
    // GitHub: otherwise wait at least one minute, increasing exponentially.
    else delay = 60_000 * 2 ** attempt;
  } else if (status !== undefined && status >= 500) {
    delay = policy.baseDelayMs * 2 ** attempt;
  } else {
    return undefined;
  }
  if (delay === undefined || delay > policy.maxDelayMs || waitedMs + delay > policy.maxTotalWaitMs) return undefined;
  return delay;
}

/** Thrown when a request takes longer than RetryPolicy.timeoutMs. */
export class RequestTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from the GitHub API within ${Math.round(ms / 1000)}s`);
  }
}

/**
 * Run a request with an abort signal and a hard deadline: the signal asks
 * fetch to drop the connection, the race makes sure we stop waiting even when
 * the transport does not honour it.
 */
async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new RequestTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(ctl.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ClientOptions {
  baseUrl: string;
  retry?: Partial<RetryPolicy>;
  /** Called before each retry: method, url (no query secrets), status, delay. */
  onRetry?: (info: { method: string; url: string; status: number | undefined; delayMs: number; attempt: number }) => void;
}

/** An Octokit for GITHUB_API_URL with bounded retries. */
export function createClient(token: string, opts: ClientOptions): Octokit {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const octokit = getOctokit(token, {
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap('request', async (request, options) => {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await withTimeout(policy.timeoutMs, async (signal) => request({ ...options, request: { ...(options.request ?? {}), signal } }));
      } catch (err) {
        const delay = retryDelay(err, attempt, waited, policy);
        if (delay === undefined) throw err;
        opts.onRetry?.({ method: String(options.method), url: String(options.url), status: httpStatus(err), delayMs: delay, attempt: attempt + 1 });
        waited += delay;
        await policy.sleep(delay);
      }
    }
  });
  return octokit;
}
