/**
 * The published package, as a user gets it: `npm pack`, then an install of
 * the tarball into an empty directory with this machine's Node (20 in CI's
 * oldest job) and `npx ptrace-doctor`. The CLI is one self-contained bundle,
 * so the package has no runtime dependencies: nothing for npm to fetch, and
 * no EBADENGINE warning from a library that needs a newer Node than ours
 * (content-type 3, pulled by the Action's Octokit, wants Node ≥ 22).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/repo.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string; version: string; files: string[]; bin: Record<string, string>; dependencies?: Record<string, string>; engines: { node: string };
};
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const npmEnv = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

describe('the npm package', () => {
  it('declares no runtime dependencies: the bundles carry their libraries', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.engines.node).toBe('>=20');
  });

  it('names its GitHub repository, which npm publish --provenance checks against the workflow that publishes', () => {
    expect((pkg as unknown as { repository: { url: string } }).repository.url).toBe('git+https://github.com/ptrace-doctor/ptrace-doctor.git');
  });

  it('packs the CLI bundle, the rule pages and the config schema, and nothing of the sources or the Action', () => {
    const cache = mkdtempSync(join(tmpdir(), 'ptd-npm-cache-'));
    dirs.push(cache);
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', env: npmEnv(cache) });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
    for (const want of ['package.json', 'README.md', 'LICENSE', 'dist/cli/index.js', 'dist/cli/package.json', 'docs/rules/PTD001.md', 'docs/rules/PTD901.md', 'schema/ptrace-doctor.schema.json']) expect(files, want).toContain(want);
    for (const f of files) expect(f, f).toMatch(/^(package\.json|README\.md|LICENSE|dist\/cli\/|docs\/|schema\/)/);
    expect(files).not.toContain('dist/index.js');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(false);
  });

  it('installs from the packed tarball with this Node, without engine warnings, and `npx ptrace-doctor` runs', () => {
    const work = mkdtempSync(join(tmpdir(), 'ptd-pack-'));
    dirs.push(work);
    const cache = join(work, 'cache');
    const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: npmEnv(cache) }).trim().split('\n').pop()!;
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // --engine-strict: an engine mismatch anywhere in what gets installed fails the install instead of warning.
    const install = spawnSync('npm', ['install', '--engine-strict', '--offline', '--no-audit', '--no-fund', join(work, tgz)], { cwd: app, encoding: 'utf8', env: npmEnv(cache) });
    expect(install.stderr + install.stdout).not.toMatch(/EBADENGINE|ERR!/);
    expect(install.status).toBe(0);
    const installed = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    // The package itself and nothing else.
    expect(Object.keys(installed.packages).filter((k) => k !== '')).toEqual([`node_modules/${pkg.name}`]);
    const help = spawnSync('npx', ['--no', '--', 'ptrace-doctor', '--help'], { cwd: app, encoding: 'utf8', env: npmEnv(cache) });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ptrace-doctor/);
    const version = spawnSync('npx', ['--no', '--', 'ptrace-doctor', '--version'], { cwd: app, encoding: 'utf8', env: npmEnv(cache) });
    expect(version.stdout.trim()).toBe(pkg.version);
    // A scan works from the installed copy (the rule pages it shows come from the bundle).
    writeFileSync(join(app, 'docker-compose.yml'), 'services:\n  dbg:\n    image: x\n    command: strace -p 1\n');
    const scan = spawnSync('npx', ['--no', '--', 'ptrace-doctor', '--no-color', 'docker-compose.yml'], { cwd: app, encoding: 'utf8', env: npmEnv(cache) });
    expect(scan.stdout).toContain('PTD001');
    expect(scan.status).toBe(1);
    // The configuration file, with its globs (picomatch, a chunk of the bundle), from the installed copy.
    writeFileSync(join(app, '.ptrace-doctor.yaml'), 'rules:\n  missing-sys-ptrace: warning\nexclude: ["node_modules/**"]\n');
    const configured = spawnSync('npx', ['--no', '--', 'ptrace-doctor', '--no-color', '.'], { cwd: app, encoding: 'utf8', env: npmEnv(cache) });
    expect(configured.stderr).toBe('');
    expect(configured.stdout).toMatch(/warning +PTD001/);
    expect(configured.status).toBe(0);
  }, 120_000);
});
