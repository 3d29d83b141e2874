/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run the way pre-commit runs a
 * `language: node` hook. pre-commit itself is on PyPI, which these machines
 * cannot reach, so the test does its steps: install the package from its
 * packed tarball into a fresh prefix (pre-commit's `npm pack` then
 * `npm install -g <tarball>` in its own environment), select the staged
 * files by the hook's `files` pattern, and run `entry` + `args` + those file
 * names from the repository root; the exit code decides the commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/repo.js';

interface Hook {
  id: string; name: string; entry: string; language: string; files?: string; exclude?: string; types?: string[];
  args?: string[]; pass_filenames?: boolean; always_run?: boolean; description?: string; minimum_pre_commit_version?: string;
  require_serial?: boolean; stages?: string[];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const dirs: string[] = [];
let bin = '';
const env = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1', FORCE_COLOR: '' });

/** pre-commit's patterns are Python regular expressions; this one uses only what JavaScript reads the same way, bar a leading (?i). */
function pattern(p: string): RegExp {
  const i = p.startsWith('(?i)');
  return new RegExp(i ? p.slice(4) : p, i ? 'i' : '');
}

/** What pre-commit does with the staged files: keep those matching `files` and not `exclude`, pass them after entry and args. */
function hookCommand(hook: Hook, staged: string[]): { cmd: string; argv: string[] } | undefined {
  const files = staged.filter((f) => (!hook.files || pattern(hook.files).test(f)) && (!hook.exclude || !pattern(hook.exclude).test(f)));
  if (files.length === 0 && !hook.always_run) return undefined; // pre-commit skips the hook: "(no files to check)"
  const [cmd, ...entryArgs] = hook.entry.split(/\s+/); // shlex.split of a plain entry
  return { cmd: cmd!, argv: [...entryArgs, ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : files)] };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-precommit-repo-'));
  dirs.push(dir);
  git(dir, 'init', '-q');
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function staged(dir: string): string[] {
  return git(dir, 'diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
}

beforeAll(() => {
  // pre-commit: `npm pack` in the clone, then `npm install -g <tarball>` into its environment.
  const work = mkdtempSync(join(tmpdir(), 'ptd-precommit-env-'));
  dirs.push(work);
  const cache = join(work, 'cache');
  const tgz = execFileSync('npm', ['pack', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: env(cache) }).trim().split('\n').pop()!;
  const prefix = join(work, 'env');
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', join(work, tgz)], { encoding: 'utf8', env: env(cache) });
  expect(install.status, install.stderr).toBe(0);
  bin = join(prefix, 'bin');
}, 120_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares one node hook that pre-commit can run: required keys, known keys only, a plain entry', () => {
    expect(hooks.map((h) => h.id)).toEqual(['ptrace-doctor']);
    const known = new Set(['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'require_serial', 'stages', 'verbose', 'minimum_pre_commit_version']);
    for (const h of hooks) {
      for (const k of ['id', 'name', 'entry', 'language']) expect(h, k).toHaveProperty(k);
      for (const k of Object.keys(h)) expect(known.has(k), k).toBe(true);
      expect(h.language).toBe('node');
      expect(h.pass_filenames).toBe(true);
      expect(h.entry).toMatch(/^[\w-]+$/);
    }
    // The entry is the package's bin, and the package builds nothing when packed (pre-commit runs npm pack).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hooks[0]!.entry);
    for (const s of ['prepare', 'prepack', 'postpack', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[s], s).toBeUndefined();
  });

  it('its files pattern takes the names ptrace-doctor reads and leaves the rest out', () => {
    const re = pattern(hooks[0]!.files!);
    for (const f of ['Dockerfile', 'svc/Dockerfile.debug', 'debug.Dockerfile', 'api_containerfile', 'docker-compose.yml', 'deploy/k8s/app.yaml', '.devcontainer/devcontainer.json', '.devcontainer.json', '.vscode/launch.json', 'Makefile', 'build/rules.mk', 'scripts/debug.sh', 'GNUmakefile']) expect(re.test(f), f).toBe(true);
    for (const f of ['main.go', 'README.md', 'package.json', 'go.mod', 'Dockerfile.md/x.go']) expect(re.test(f), f).toBe(false);
  });

  it('run as pre-commit runs it: staged debugger config without SYS_PTRACE fails the commit; once fixed it passes', () => {
    const dir = repo({
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: ["dlv", "attach", "1"]\n',
      Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\n',
      'main.go': 'package main\n',
      'README.md': '# demo\n',
    });
    git(dir, 'add', '-A');
    const c = hookCommand(hooks[0]!, staged(dir))!;
    expect(c.argv.sort()).toEqual(['Dockerfile', 'docker-compose.yml']);
    const r = spawnSync(join(bin, c.cmd), c.argv, { cwd: dir, encoding: 'utf8', env: env(join(dir, '.cache')) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^docker-compose\.yml\n {2}2:3 {2}error {3}PTD001/m);
    expect(r.stderr).toBe('');

    // The fix the hook printed, staged: the next run passes.
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  api:\n    build: .\n    command: ["dlv", "attach", "1"]\n    cap_add:\n      - SYS_PTRACE\n');
    git(dir, 'add', 'docker-compose.yml');
    const again = hookCommand(hooks[0]!, ['docker-compose.yml'])!;
    const ok = spawnSync(join(bin, again.cmd), again.argv, { cwd: dir, encoding: 'utf8', env: env(join(dir, '.cache')) });
    expect(ok.stdout).toBe('No debugger problems found.\n');
    expect(ok.status).toBe(0);

    // Nothing the pattern takes is staged: pre-commit skips the hook.
    expect(hookCommand(hooks[0]!, ['main.go', 'README.md'])).toBeUndefined();
  });

  it('honours the repository\'s configuration file and inline comments when run on staged files', () => {
    const dir = repo({
      '.ptrace-doctor.yaml': 'fail-on: note\n',
      'scripts/debug.sh': '# ptrace-doctor-ignore PTD003 -- the profiler needs it\ndocker run --privileged img strace -p 1\ndocker run img dlv exec /app\n',
    });
    git(dir, 'add', '-A');
    const c = hookCommand(hooks[0]!, staged(dir))!;
    // The configuration file is YAML, so it is passed too; it holds no container, and is read as the configuration.
    expect(c.argv.sort()).toEqual(['.ptrace-doctor.yaml', 'scripts/debug.sh']);
    const r = spawnSync(join(bin, c.cmd), c.argv, { cwd: dir, encoding: 'utf8', env: env(join(dir, '.cache')) });
    // PTD003 on line 2 is suppressed; PTD001 on line 3 (a note: dlv only launches) fails under the config's fail-on: note.
    expect(r.stdout).toMatch(/3:\d+ {2}note {4}PTD001/);
    expect(r.stdout).toMatch(/; 1 suppressed\n$/);
    expect(r.status).toBe(1);
  });
});
