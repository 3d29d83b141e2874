import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readContext, readInputs } from '../../src/action/inputs.js';

const get = (vals: Record<string, string>) => (name: string) => vals[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults of action.yml', () => {
    // fail-on left empty: the configuration file's, else error (decided when the run knows the config).
    expect(readInputs(get({}))).toEqual({ token: '', path: '.', prReview: true, prSummary: true, scope: 'changed', sarifFile: '', sarifSuppressed: 'omit', fix: false, ignore: [], maxComments: 25, config: '', baseline: '' });
    expect(readInputs(get({ 'sarif-suppressed': 'Include' })).sarifSuppressed).toBe('include');
    expect(() => readInputs(get({ 'sarif-suppressed': 'all' }))).toThrow(/sarif-suppressed/);
  });
  it('parses values and rejects bad ones with the input name', () => {
    const i = readInputs(get({ 'fail-on': 'Warning', 'pr-review': 'False', fix: 'true', ignore: 'ptd010, PTD012\nPTD010', 'max-comments': '0', scope: 'all' }));
    expect(i).toMatchObject({ failOn: 'warning', prReview: false, fix: true, ignore: ['PTD010', 'PTD012'], maxComments: 0, scope: 'all' });
    expect(() => readInputs(get({ 'fail-on': 'fatal' }))).toThrow(/fail-on/);
    expect(() => readInputs(get({ fix: 'yes' }))).toThrow(InputError);
    expect(() => readInputs(get({ 'max-comments': '-1' }))).toThrow(/max-comments/);
    expect(() => readInputs(get({ ignore: 'PTD1' }))).toThrow(/ignore/);
    // Slugs as well as ids, given as ids.
    expect(readInputs(get({ ignore: 'delve-version-unpinned debug-binary-optimized,PTD012' })).ignore).toEqual(['PTD012', 'PTD010']);
    expect(readInputs(get({ config: ' ci/ptrace-doctor.yaml ', baseline: 'baseline.json' }))).toMatchObject({ config: 'ci/ptrace-doctor.yaml', baseline: 'baseline.json' });
  });
});

describe('readContext', () => {
  it('reads a fork pull request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-ctx-'));
    const ev = join(dir, 'event.json');
    writeFileSync(ev, JSON.stringify({ pull_request: { number: 7, head: { sha: 'h', repo: { full_name: 'someone/fork' } }, base: { sha: 'b', repo: { full_name: 'o/r' } } } }));
    const c = readContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: ev, GITHUB_REPOSITORY: 'o/r', GITHUB_WORKSPACE: dir, GITHUB_API_URL: 'http://127.0.0.1:1' });
    expect(c).toMatchObject({ owner: 'o', repo: 'r', workspace: dir, apiUrl: 'http://127.0.0.1:1', pr: { number: 7, headSha: 'h', baseSha: 'b', isFork: true } });
  });
  it('push events have no pull request', () => {
    expect(readContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'o/r' }).pr).toBeUndefined();
  });
});
