/**
 * src/action/core.ts uses @actions/core's own modules without its entry point
 * (whose OIDC client drags undici into every cold start) and wraps them the
 * way the entry's functions do. Here both run the same calls and must leave
 * the same traces: stdout, $GITHUB_OUTPUT (delimiters aside: they are random
 * UUIDs), $GITHUB_STEP_SUMMARY, process.exitCode and thrown errors.
 */
import * as real from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as oursModule from '../../src/action/core.js';
import { summary as oursSummary } from '../../node_modules/@actions/core/lib/summary.js';

type Core = typeof oursModule;

/** The summary writer is a singleton that remembers its first file; each trace has a fresh one. */
const ours: Core = {
  ...oursModule,
  appendJobSummary: async (md) => {
    (oursSummary as unknown as { _filePath?: string })._filePath = undefined;
    await oursModule.appendJobSummary(md);
  },
};

const realCore: Core = {
  getInput: (name) => real.getInput(name),
  info: (m) => real.info(m),
  error: (m, p) => real.error(m, p),
  warning: (m, p) => real.warning(m, p),
  notice: (m, p) => real.notice(m, p),
  setFailed: (m) => real.setFailed(m),
  setOutput: (n, v) => real.setOutput(n, v),
  appendJobSummary: async (md) => {
    // core.summary is a singleton that remembers the first file it wrote to; each trace has a
    // fresh file (the Action writes its summary once per process, so the cache never matters there).
    (real.summary as unknown as { _filePath?: string })._filePath = undefined;
    await real.summary.addRaw(md, true).write();
  },
};

const ENV_KEYS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'INPUT_PATH', 'INPUT_FAIL-ON', 'INPUT_MY_INPUT', 'INPUT_EMPTY'];
let saved: Record<string, string | undefined>;
let savedExit: typeof process.exitCode;
let dir: string;

beforeEach(() => {
  saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  savedExit = process.exitCode;
  dir = mkdtempSync(join(tmpdir(), 'ptd-core-'));
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.exitCode = savedExit;
  vi.restoreAllMocks();
});

interface Trace {
  stdout: string;
  output: string;
  summary: string;
  exitCode: typeof process.exitCode;
  result: unknown;
  error?: string;
}

/** Runs `calls` against one implementation with fresh runner files and captures what it leaves. */
async function trace(core: Core, calls: (c: Core) => unknown, opts: { outputFile?: boolean; summaryFile?: boolean } = {}): Promise<Trace> {
  const tag = Math.random().toString(36).slice(2);
  const out = join(dir, `output-${tag}`);
  const sum = join(dir, `summary-${tag}`);
  writeFileSync(out, '');
  writeFileSync(sum, 'before\n');
  if (opts.outputFile === false) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = out;
  if (opts.summaryFile === false) process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing', 'summary');
  else process.env.GITHUB_STEP_SUMMARY = sum;
  process.exitCode = undefined;
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  let result: unknown;
  let error: string | undefined;
  try {
    result = await calls(core);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    spy.mockRestore();
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const unrandom = (s: string): string => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID');
  return { stdout, output: unrandom(readFileSync(out, 'utf8')), summary: readFileSync(sum, 'utf8'), exitCode, result, ...(error !== undefined ? { error } : {}) };
}

async function same(calls: (c: Core) => unknown, opts?: { outputFile?: boolean; summaryFile?: boolean }): Promise<Trace> {
  const a = await trace(ours, calls, opts);
  const b = await trace(realCore, calls, opts);
  expect(a).toEqual(b);
  return a;
}

describe('src/action/core.ts behaves as @actions/core', () => {
  it('reads inputs: INPUT_<NAME> with spaces as _, upper-cased, dashes kept, trimmed, empty when unset', async () => {
    process.env.INPUT_PATH = '  sub/dir \n';
    process.env['INPUT_FAIL-ON'] = 'warning';
    process.env.INPUT_MY_INPUT = 'x';
    process.env.INPUT_EMPTY = '';
    const t = await same((c) => [c.getInput('path'), c.getInput('fail-on'), c.getInput('my input'), c.getInput('empty'), c.getInput('never-set')]);
    expect(t.result).toEqual(['sub/dir', 'warning', 'x', '', '']);
  });

  it('writes log lines and annotations with the same escaping', async () => {
    const nasty = 'a %25 b\r\nc: d, e\n%';
    const t = await same((c) => {
      c.info('plain line');
      c.info(nasty);
      c.warning('warn without properties');
      c.warning(nasty, { title: nasty, file: 'dir/a,b:c.yml', startLine: 3, endLine: 5 });
      c.error('error with some properties', { title: 'PTD001', file: 'Dockerfile', startLine: 1, endLine: undefined });
      c.notice('notice', { title: undefined, file: undefined, startLine: undefined, endLine: undefined });
      c.notice('notice with columns', { file: 'f', startLine: 2, startColumn: 4, endColumn: 9 });
    });
    expect(t.stdout).toContain('::warning title=a %2525 b%0D%0Ac%3A d%2C e%0A%25,file=dir/a%2Cb%3Ac.yml,line=3,endLine=5::a %2525 b%0D%0Ac: d, e%0A%25\n');
  });

  it('sets outputs in $GITHUB_OUTPUT with a heredoc delimiter', async () => {
    const t = await same((c) => {
      c.setOutput('findings', '3');
      c.setOutput('sarif-file', '');
      c.setOutput('multi', 'line one\nline two');
    });
    expect(t.output).toBe('findings<<ghadelimiter_UUID\n3\nghadelimiter_UUID\nsarif-file<<ghadelimiter_UUID\n\nghadelimiter_UUID\nmulti<<ghadelimiter_UUID\nline one\nline two\nghadelimiter_UUID\n');
    expect(t.stdout).toBe('');
  });

  it('falls back to ::set-output without $GITHUB_OUTPUT', async () => {
    const t = await same((c) => c.setOutput('findings', 'a\nb'), { outputFile: false });
    expect(t.stdout).toBe('\n::set-output name=findings::a%0Ab\n');
  });

  it('fails when $GITHUB_OUTPUT names a missing file', async () => {
    const t = await same((c) => {
      process.env.GITHUB_OUTPUT = join(dir, 'no-such-output');
      c.setOutput('findings', '1');
    });
    expect(t.error).toMatch(/^Missing file at path: /);
  });

  it('fails the step: exit code 1 and an error annotation', async () => {
    const t = await same((c) => c.setFailed('ptrace-doctor: 2 finding(s)\nsecond line'));
    expect(t.exitCode).toBe(1);
    expect(t.stdout).toBe('::error::ptrace-doctor: 2 finding(s)%0Asecond line\n');
  });

  it('appends the job summary and a newline', async () => {
    const t = await same(async (c) => {
      await c.appendJobSummary('### ptrace-doctor\n\n| a | b |\n');
      await c.appendJobSummary('second');
    });
    expect(t.summary).toBe('before\n### ptrace-doctor\n\n| a | b |\n\nsecond\n');
  });

  it('reports an inaccessible job summary file the same way', async () => {
    const t = await same((c) => c.appendJobSummary('x'), { summaryFile: false });
    expect(t.error).toMatch(/^Unable to access summary file: '/);
  });
});
