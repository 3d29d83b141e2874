/**
 * Reading GitHub API errors (Octokit's RequestError, or anything shaped like
 * it): status, headers, GitHub's message, rate limit or forbidden. Kept apart
 * from client.ts, which imports Octokit, so that the Action can classify
 * errors without loading Octokit on runs that never call the API.
 */
interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function httpStatus(err: unknown): number | undefined {
  const s = (err as HttpErrorLike | undefined)?.status;
  return typeof s === 'number' ? s : undefined;
}

export function header(err: unknown, name: string): string | undefined {
  const h = (err as HttpErrorLike | undefined)?.response?.headers;
  if (!h) return undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return v === undefined ? undefined : String(v);
}

/** The `message` GitHub put in the error body, else the error's own message. */
export function apiMessage(err: unknown): string {
  const data = (err as HttpErrorLike | undefined)?.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  const m = (err as HttpErrorLike | undefined)?.message;
  return typeof m === 'string' ? m : String(err);
}

export function isRateLimited(err: unknown): boolean {
  const status = httpStatus(err);
  if (status === 429) return true;
  if (status !== 403) return false;
  return header(err, 'retry-after') !== undefined || header(err, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(apiMessage(err));
}

/** 403 that is not a rate limit: the token may not do this (fork PRs, read-only tokens). */
export function isForbidden(err: unknown): boolean {
  return httpStatus(err) === 403 && !isRateLimited(err);
}
