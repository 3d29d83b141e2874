/**
 * End to end: runs the committed dist/index.js as a child process exactly as
 * a runner does (INPUT_* variables, GITHUB_EVENT_PATH, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_API_URL) against a loopback GitHub API
 * (fake-github.ts) that validates every request against GitHub's OpenAPI
 * description and answers 422 to comments outside the diff.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, type PrFileFixture } from './fake-github.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(repoRoot, 'dist/index.js');
const TOKEN = 'ghs_e2eSecretToken0123456789';
const HEAD = 'a'.repeat(40);

const COMPOSE = [
  'services:',
  '  api:',
  '    build: .',
  '    image: example/api:dev',
  '    command: ["dlv", "attach", "1", "--headless", "--listen=:2345", "--api-version=2"]',
  '    ports:',
  '      - "127.0.0.1:2345:2345"',
  '',
].join('\n');
const DOCKERFILE = ['FROM golang:1.22', 'RUN apt-get update && apt-get install -y strace', 'COPY . /src', 'CMD ["/src/app"]', ''].join('\n');
/** An unrelated service elsewhere in the repository, untouched by the pull request. */
const LEGACY = ['services:', '  old:', '    image: example/old:dev', '    command: dlv attach 1 --headless --listen=:2345', '    ports:', '      - "127.0.0.1:2345:2345"', ''].join('\n');
const FIXED_COMPOSE = COMPOSE + '    cap_add:\n      - SYS_PTRACE\n';

function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

interface Env {
  workspace: string;
  dir: string;
}

function makeWorkspace(files: Record<string, string>): Env {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-e2e-'));
  const workspace = join(dir, 'ws');
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, p)), { recursive: true });
    writeFileSync(join(workspace, p), text);
  }
  return { workspace, dir };
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

async function runAction(env: Env, opts: { event: string; payload: object; api?: string; inputs?: Record<string, string> }): Promise<RunResult> {
  const eventPath = join(env.dir, `event-${Date.now()}-${Math.random()}.json`);
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  const outputFile = join(env.dir, 'output');
  const summaryFile = join(env.dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const runnerTemp = join(env.dir, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const inputs: Record<string, string> = {
    'github-token': TOKEN,
    path: '.',
    'fail-on': '',
    'pr-review': 'true',
    'pr-summary': 'true',
    scope: 'changed',
    'sarif-file': '',
    'sarif-suppressed': 'omit',
    fix: 'false',
    ignore: '',
    config: '',
    baseline: '',
    'max-comments': '25',
    ...opts.inputs,
  };
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: env.dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_WORKSPACE: env.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: opts.api ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: HEAD,
    RUNNER_TEMP: runnerTemp,
  };
  // @actions/core reads INPUT_<NAME upper-cased, spaces → _>, dashes kept.
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const child = spawn(process.execPath, [DIST], { cwd: env.workspace, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

function prPayload(number: number, fork = false): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: HEAD, ref: 'feature', repo: { full_name: fork ? 'stranger/demo' : 'octo/demo' } },
      base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo/demo' } },
    },
    repository: { full_name: 'octo/demo', name: 'demo', owner: { login: 'octo' } },
  };
}

function expectClean(gh: FakeGitHub, r: RunResult): void {
  expect(gh.problems).toEqual([]);
  expect(r.stdout + r.stderr).not.toContain(TOKEN);
  for (const req of gh.requests) expect(req.authorization).toBe(`token ${TOKEN}`);
}

const built = existsSync(DIST);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!built)('dist/index.js end to end', () => {
  beforeAll(() => {
    // The bundle must be an ES module that runs on this Node (FIELD-NOTES: ncc in CJS mode "builds" then dies).
    expect(readFileSync(join(repoRoot, 'dist/package.json'), 'utf8')).toContain('module');
  });

  describe('pull request: first run, re-run, then fixed', () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE, Dockerfile: DOCKERFILE, 'legacy/docker-compose.yml': LEGACY });
    dirs.push(env.dir);
    const files: PrFileFixture[] = [
      { filename: 'docker-compose.yml', status: 'added', patch: addedPatch(COMPOSE) },
      { filename: 'Dockerfile', status: 'added', patch: addedPatch(DOCKERFILE) },
    ];
    const gh = new FakeGitHub({ owner: 'octo', repo: 'demo', pull: 12, headSha: HEAD, files });
    beforeAll(async () => {
      await gh.start();
    });
    afterAll(async () => gh.stop());

    it('first run: one COMMENT review with a suggestion, one summary comment, annotations, outputs', async () => {
      const r = await runAction(env, { event: 'pull_request', payload: prPayload(12), api: gh.url, inputs: { 'sarif-file': 'results/ptrace-doctor.sarif' } });
      expectClean(gh, r);
      expect(r.code).toBe(1); // fail-on: error and there is an error
      expect(r.stdout).toMatch(/::error title=PTD001[^,]*,file=docker-compose\.yml,line=2,endLine=2,col=3,endColumn=6::/);
      // The legacy file is not touched by the pull request: scope changed leaves it out.
      expect(r.stdout).not.toContain('file=legacy/docker-compose.yml');
      expect(r.outputs).toMatchObject({ findings: '1', errors: '1', warnings: '0', 'patch-file': '' });
      expect(r.outputs['sarif-file']).toBe(join(env.workspace, 'results/ptrace-doctor.sarif'));
      const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: { results: unknown[] }[] };
      expect(sarif.runs[0]!.results.length).toBe(2); // SARIF has every finding, whatever the scope
      expect(gh.reviews).toHaveLength(1);
      expect(gh.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: HEAD, comments: 1 });
      expect(gh.reviewComments).toHaveLength(1);
      const c = gh.reviewComments[0]!;
      expect(c).toMatchObject({ path: 'docker-compose.yml', line: 7, side: 'RIGHT' });
      expect(c.body).toContain('```suggestion\n      - "127.0.0.1:2345:2345"\n    cap_add:\n      - SYS_PTRACE\n```');
      expect(c.body).toContain('<!-- ptrace-doctor:fp=');
      expect(c.body).toContain('docs/rules/PTD001.md');
      expect(gh.issueComments).toHaveLength(1);
      expect(gh.issueComments[0]!.body.startsWith('<!-- ptrace-doctor:summary -->')).toBe(true);
      expect(gh.issueComments[0]!.body).toContain('1 error');
      expect(r.summary).toContain('### ptrace-doctor');
      expect(r.summary).toContain('+    cap_add:');
    });

    it('re-run: no duplicate comment, no second summary', async () => {
      const before = gh.requests.length;
      const r = await runAction(env, { event: 'pull_request', payload: prPayload(12), api: gh.url });
      expectClean(gh, r);
      expect(gh.reviews).toHaveLength(1);
      expect(gh.reviewComments).toHaveLength(1);
      expect(gh.issueComments).toHaveLength(1);
      const writes = gh.requests.slice(before).filter((q) => q.method !== 'GET');
      expect(writes).toEqual([]);
    });

    it('after the fix is pushed: the summary is updated in place to "all fixed" and the stale comment removed', async () => {
      writeFileSync(join(env.workspace, 'docker-compose.yml'), FIXED_COMPOSE);
      gh.opts.files = [{ filename: 'docker-compose.yml', status: 'added', patch: addedPatch(FIXED_COMPOSE) }, files[1]!];
      const id = gh.issueComments[0]!.id;
      const before = gh.requests.length;
      const r = await runAction(env, { event: 'pull_request', payload: prPayload(12), api: gh.url });
      expectClean(gh, r);
      expect(r.code).toBe(0);
      expect(r.outputs.findings).toBe('0');
      expect(gh.issueComments).toHaveLength(1);
      expect(gh.issueComments[0]!.id).toBe(id);
      expect(gh.issueComments[0]!.body).toContain('All fixed');
      expect(gh.requests.slice(before).some((q) => q.method === 'PATCH' && q.path === `/repos/octo/demo/issues/comments/${id}`)).toBe(true);
      expect(gh.reviewComments).toHaveLength(0);
      expect(gh.reviews).toHaveLength(1);
    });
  });

  it('fork: writes answer 403, the action warns once, falls back and exits 0 with fail-on never', async () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE, Dockerfile: DOCKERFILE });
    dirs.push(env.dir);
    const gh = new FakeGitHub({
      owner: 'octo', repo: 'demo', pull: 3, headSha: HEAD, readOnly: true,
      files: [{ filename: 'docker-compose.yml', status: 'added', patch: addedPatch(COMPOSE) }],
    });
    await gh.start();
    try {
      const r = await runAction(env, { event: 'pull_request', payload: prPayload(3, true), api: gh.url, inputs: { 'fail-on': 'never' } });
      expectClean(gh, r);
      expect(r.code).toBe(0);
      const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning') && l.includes('403'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('Resource not accessible by integration');
      expect(r.stdout).toMatch(/::error title=PTD001/);
      expect(r.summary).toContain('cap_add');
      const writes = gh.requests.filter((q) => q.method !== 'GET');
      expect(writes).toHaveLength(1); // the review POST; nothing else is tried after the 403
      expect(writes[0]!.status).toBe(403);
    } finally {
      await gh.stop();
    }
  });

  it('push: no API calls; annotations, outputs, job summary; fix writes the files and a patch', async () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE, Dockerfile: DOCKERFILE });
    dirs.push(env.dir);
    const gh = new FakeGitHub({ owner: 'octo', repo: 'demo', pull: 1, headSha: HEAD, files: [] });
    await gh.start();
    try {
      const r = await runAction(env, { event: 'push', payload: { ref: 'refs/heads/main', after: HEAD }, api: gh.url, inputs: { fix: 'true' } });
      expectClean(gh, r);
      expect(gh.requests).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ findings: '1', errors: '1' });
      expect(r.summary).toContain('PTD001');
      const patchFile = r.outputs['patch-file']!;
      expect(patchFile).toMatch(/ptrace-doctor\.patch$/);
      const patch = readFileSync(patchFile, 'utf8');
      expect(patch).toContain('+++ b/docker-compose.yml');
      expect(readFileSync(join(env.workspace, 'docker-compose.yml'), 'utf8')).toContain('SYS_PTRACE');
      // The patch is what a fix pull request would commit: it reverses cleanly on the fixed tree.
      const check = spawnSync('git', ['apply', '--check', '-R', patchFile], { cwd: env.workspace, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    } finally {
      await gh.stop();
    }
  });

  it('a path that does not exist is a failure in words, not ENOENT from realpath', async () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE });
    dirs.push(env.dir);
    const r = await runAction(env, { event: 'push', payload: {}, inputs: { path: 'services/api' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::ptrace-doctor failed: Input "path" is "services/api", but ${join(env.workspace, 'services/api')} does not exist. It is taken relative to the workspace (${env.workspace}): set it to a directory of the checked-out repository (default "."), and check that actions/checkout runs before this step.`);
    expect(r.stdout + r.stderr).not.toMatch(/ENOENT|realpath/);
    const file = await runAction(env, { event: 'push', payload: {}, inputs: { path: 'docker-compose.yml' } });
    expect(file.stdout).toContain('Input "path" is "docker-compose.yml", which is a file; it takes the directory to scan');
  });

  it('push with a configuration file and a baseline: only new findings count; SARIF marks each, with the rule pages as help', async () => {
    const env = makeWorkspace({
      'docker-compose.yml': COMPOSE,
      Dockerfile: DOCKERFILE,
      '.ptrace-doctor.yaml': 'rules:\n  delve-version-unpinned: off\nsuppress:\n  - services: [old]\n    reason: retired next sprint\n',
      'legacy/docker-compose.yml': LEGACY,
    });
    dirs.push(env.dir);
    // The baseline, written by the CLI as a team would, before a new debugging service arrives.
    const w = spawnSync(process.execPath, [join(repoRoot, 'dist/cli/index.js'), env.workspace, '--write-baseline', join(env.workspace, 'ptrace-doctor-baseline.json')], { encoding: 'utf8' });
    expect(w.status, w.stderr).toBe(0);
    writeFileSync(join(env.workspace, 'docker-compose.yml'), COMPOSE + '  profiler:\n    image: example/prof:dev\n    command: gdb -p 1\n');
    const r = await runAction(env, { event: 'push', payload: {}, inputs: { baseline: 'ptrace-doctor-baseline.json', 'sarif-file': 'out/ptrace-doctor.sarif', 'sarif-suppressed': 'include' } });
    expect(r.outputs).toMatchObject({ findings: '1', errors: '1' });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) title=/.test(l));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error title=PTD001 [^,]*,file=docker-compose\.yml,line=8,endLine=8,col=3,endColumn=11::.*%0A%0Ahttps:\/\/github\.com\/ptrace-doctor\/ptrace-doctor\/blob\/main\/docs\/rules\/PTD001\.md$/);
    expect(r.stdout).toMatch(/Not counted: 1 suppressed, 1 in the baseline\./);
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; baselineState: string; suppressions?: Array<{ kind: string; justification: string }>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(results.map((x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri} ${x.baselineState}${x.suppressions?.length ? ` ${x.suppressions[0]!.kind}:${x.suppressions[0]!.justification}` : ''}`).sort()).toEqual([
      'PTD001 docker-compose.yml new',
      'PTD001 docker-compose.yml unchanged',
      'PTD001 legacy/docker-compose.yml new external:retired next sprint',
    ]);
    const rules = new Map((sarif.runs[0].tool.driver.rules as Array<{ id: string; help: { markdown: string }; properties: Record<string, unknown> }>).map((x) => [x.id, x]));
    expect(rules.get('PTD007')!.properties['security-severity']).toBe('8.8');
    expect(rules.get('PTD001')!.help.markdown).toBe(readFileSync(join(repoRoot, 'docs/rules/PTD001.md'), 'utf8').replace(/\]\((\.\.\/[^)]+|[A-Z][^):]*\.md[^)]*)\)/g, (_m, href: string) => `](${new URL(href, 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/').href})`));
    // By default (sarif-suppressed: omit) the suppressed finding is left out: code scanning would open an alert for it.
    const omitted = await runAction(env, { event: 'push', payload: {}, inputs: { baseline: 'ptrace-doctor-baseline.json', 'sarif-file': 'out/omitted.sarif' } });
    const kept = (JSON.parse(readFileSync(omitted.outputs['sarif-file']!, 'utf8')).runs[0].results as Array<{ ruleId: string; suppressions?: unknown }>);
    expect(kept).toHaveLength(2);
    expect(kept.every((x) => x.suppressions === undefined)).toBe(true);
    // The configuration's fail-on applies when the input is empty, and the input wins when set.
    writeFileSync(join(env.workspace, '.ptrace-doctor.yaml'), 'fail-on: never\n');
    expect((await runAction(env, { event: 'push', payload: {}, inputs: { 'fail-on': '' } })).code).toBe(0);
    expect((await runAction(env, { event: 'push', payload: {}, inputs: { 'fail-on': 'error' } })).code).toBe(1);
  });

  it('a bad configuration file, or one outside the workspace, fails the step in words', async () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE, '.ptrace-doctor.yaml': 'rules:\n  PTD001: eror\n' });
    dirs.push(env.dir);
    const bad = await runAction(env, { event: 'push', payload: {}, inputs: {} });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('.ptrace-doctor.yaml:2:11: rules.PTD001: must be one of error, warning, note, off, got the text "eror"');
    writeFileSync(join(env.dir, 'elsewhere.yaml'), 'fail-on: never\n');
    const out = await runAction(env, { event: 'push', payload: {}, inputs: { config: '../elsewhere.yaml' } });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('Input "config" is "../elsewhere.yaml", which leads outside the workspace');
    writeFileSync(join(env.workspace, '.ptrace-doctor.yaml'), '');
    const none = await runAction(env, { event: 'push', payload: {}, inputs: { baseline: 'nope.json' } });
    expect(none.stdout).toContain('Input "baseline" is "nope.json", but');
  });

  it('a finding in an unchanged file caused by a changed one goes to the summary with a diff', async () => {
    const env = makeWorkspace({ 'docker-compose.yml': COMPOSE, Dockerfile: DOCKERFILE, 'legacy/docker-compose.yml': LEGACY });
    dirs.push(env.dir);
    const dockerPatch = ['@@ -1,3 +1,4 @@', ' FROM golang:1.22', '+RUN apt-get update && apt-get install -y strace', ' COPY . /src', ' CMD ["/src/app"]'].join('\n');
    const gh = new FakeGitHub({ owner: 'octo', repo: 'demo', pull: 5, headSha: HEAD, files: [{ filename: 'Dockerfile', status: 'modified', patch: dockerPatch }] });
    await gh.start();
    try {
      const r = await runAction(env, { event: 'pull_request', payload: prPayload(5), api: gh.url, inputs: { 'fail-on': 'warning' } });
      expectClean(gh, r);
      expect(r.code).toBe(1);
      expect(r.outputs.findings).toBe('1');
      expect(gh.reviews).toHaveLength(0); // nothing commentable: no review, no 422
      expect(gh.issueComments).toHaveLength(1);
      const body = gh.issueComments[0]!.body;
      expect(body).toContain('Fixes for findings outside the diff');
      expect(body).toMatch(/```diff\n--- a\/docker-compose\.yml\n\+\+\+ b\/docker-compose\.yml\n[\s\S]*\+ {4}cap_add:\n\+ {6}- SYS_PTRACE\n/);
      expect(body).toContain('more finding in files this pull request does not touch');
    } finally {
      await gh.stop();
    }
  });
});

it('dist/index.js exists (run `npm run bundle`)', () => {
  expect(built).toBe(true);
});
