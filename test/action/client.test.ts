import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, createClient, isForbidden, retryDelay, type RetryPolicy } from '../../src/github/client.js';

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY, now: () => 1_000_000, sleep: async () => {}, ...over });
const err = (status: number, headers: Record<string, string> = {}, message = 'x') => ({ status, message, response: { headers, data: { message } } });

describe('retryDelay', () => {
  it('backs off exponentially on 5xx and stops after the retry budget', () => {
    expect(retryDelay(err(502), 0, 0, policy())).toBe(1000);
    expect(retryDelay(err(503), 1, 1000, policy())).toBe(2000);
    expect(retryDelay(err(500), 3, 0, policy())).toBeUndefined();
  });
  it('honours Retry-After (seconds or date) on 429 and secondary rate limits', () => {
    expect(retryDelay(err(429, { 'retry-after': '7' }), 0, 0, policy())).toBe(7000);
    expect(retryDelay(err(403, { 'retry-after': '2' }, 'You have exceeded a secondary rate limit'), 0, 0, policy())).toBe(2000);
    const date = new Date(1_000_000 + 5000).toUTCString();
    expect(retryDelay(err(429, { 'retry-after': date }), 0, 0, policy())).toBeLessThanOrEqual(5000);
  });
  it('waits for x-ratelimit-reset when the primary limit is exhausted', () => {
    expect(retryDelay(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_000_000 / 1000 + 30) }), 0, 0, policy())).toBe(30_000);
  });
  it('gives up instead of waiting longer than the caps', () => {
    expect(retryDelay(err(429, { 'retry-after': '3600' }), 0, 0, policy())).toBeUndefined();
    expect(retryDelay(err(429, { 'retry-after': '50' }), 1, 50_000, policy())).toBeUndefined();
  });
  it('never retries 4xx answers such as 403 "Resource not accessible by integration" or 422', () => {
    const forbidden = err(403, {}, 'Resource not accessible by integration');
    expect(retryDelay(forbidden, 0, 0, policy())).toBeUndefined();
    expect(isForbidden(forbidden)).toBe(true);
    expect(isForbidden(err(403, { 'x-ratelimit-remaining': '0' }))).toBe(false);
    expect(retryDelay(err(422), 0, 0, policy())).toBeUndefined();
  });
});

describe('createClient', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('retries a 502 and a 429 with Retry-After, then succeeds; never logs the token', async () => {
    const answers = [502, 429, 200];
    const auth: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      auth.push(req.headers.authorization);
      const status = answers.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '3' } : {}) });
      res.end(JSON.stringify(status === 200 ? [{ id: 1 }] : { message: 'nope' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    const slept: number[] = [];
    const logs: string[] = [];
    const octokit = createClient('secret-token-123', {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      retry: { sleep: async (ms) => { slept.push(ms); } },
      onRetry: (r) => logs.push(JSON.stringify(r)),
    });
    const res = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'o', repo: 'r', issue_number: 1 });
    expect(res.data).toEqual([{ id: 1 }]);
    expect(slept).toEqual([1000, 3000]);
    expect(auth).toEqual(['token secret-token-123', 'token secret-token-123', 'token secret-token-123']);
    expect(logs.join('\n')).not.toContain('secret-token-123');
  });

  it('gives up after the bounded number of retries', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"message":"down"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    const octokit = createClient('t', { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: { sleep: async () => {} } });
    await expect(octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'o', repo: 'r', pull_number: 1 })).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(4);
  });
});
