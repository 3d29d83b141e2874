import { it, expect } from 'vitest';
import { createServer } from 'node:http';
import { createClient } from '../../src/github/client.js';

it('a request that gets no answer fails after the timeout instead of holding the runner', async () => {
  const srv = createServer(() => { /* never answers */ });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  const o = createClient('t', { baseUrl: `http://127.0.0.1:${port}`, retry: { timeoutMs: 300, sleep: async () => {} } });
  const t0 = Date.now();
  await expect(o.request('GET /repos/a/b/pulls/1/files')).rejects.toThrow(/no answer from the GitHub API/);
  expect(Date.now() - t0).toBeLessThan(3000);
  srv.closeAllConnections();
  srv.close();
}, 20000);
