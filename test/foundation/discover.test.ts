import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, discover, discoverThen, classifyByName, classifyYaml } from '../../src/discover/index.js';
import { scan } from '../../src/engine.js';
import { tempRepo } from '../helpers/repo.js';

describe('discovery', () => {
  it('classifies by name and YAML by content', () => {
    expect(classifyByName('build/Dockerfile.debug')).toBe('dockerfile');
    expect(classifyByName('debug.Dockerfile')).toBe('dockerfile');
    expect(classifyByName('Containerfile')).toBe('dockerfile');
    for (const n of ['Dockerfile-dev', 'build/Dockerfile_prod', 'api-Dockerfile', 'x/debug_containerfile', 'bootstrap/DockerfileDebug', 'DockerfileDebug_ubuntu_18_04', 'ContainerfileProd']) expect(classifyByName(n), n).toBe('dockerfile');
    for (const n of ['dockerfiles/README.md', 'Dockerfile-dev.dockerignore', 'mydockerfile', 'dockerfile-utils.js', 'Dockerfiles', 'dockerfilelint', 'DockerfileLint.js', 'DockerfileDebug.md']) expect(classifyByName(n), n).not.toBe('dockerfile');
    expect(classifyByName('docker-compose.dev.yml')).toBe('compose');
    expect(classifyByName('compose.override.yaml')).toBe('compose');
    expect(classifyByName('.devcontainer/go/devcontainer.json')).toBe('devcontainer');
    expect(classifyByName('.devcontainer.json')).toBe('devcontainer');
    expect(classifyByName('.github/workflows/ci.yml')).toBe('workflow');
    expect(classifyByName('scripts/debug.sh')).toBe('shell');
    expect(classifyByName('Makefile')).toBe('makefile');
    expect(classifyByName('README.md')).toBe('markdown');
    expect(classifyByName('docs/notes.md')).toBeUndefined();
    expect(classifyByName('okteto.yml')).toBe('okteto');
    expect(classifyByName('dev/okteto.yaml')).toBe('okteto');
    expect(classifyByName('.okteto/okteto.yml')).toBe('okteto');
    expect(classifyByName('okteto-stack.yml')).toBe('yaml');
    expect(classifyYaml('apiVersion: apps/v1\nkind: Deployment\n')).toBe('kubernetes');
    expect(classifyYaml('services:\n  a: {}\n')).toBe('compose');
    expect(classifyYaml('foo: bar\n')).toBeUndefined();
  });

  it('the benchmark\'s floor reads the same names (bench/names.mjs mirrors classifyByName)', async () => {
    // @ts-expect-error plain JavaScript module without types
    const { nameKind } = (await import('../../bench/names.mjs')) as { nameKind: (p: string) => string | undefined };
    const names = ['Dockerfile', 'a/Dockerfile.debug', 'x.dockerfile', 'Containerfile', 'Dockerfile-dev', 'api_Dockerfile', 'Dockerfile.dockerignore', 'docker-compose.yml', 'compose.override.yaml', 'k8s/a.yaml', '.github/workflows/ci.yml', '.devcontainer/devcontainer.json', '.devcontainer.json', 'a/.vscode/launch.json', 'Makefile', 'x.mk', 'run.sh', 'a.bash', 'main.go', 'README.md', 'dockerfile-utils.js', 'justfile', '.justfile', 'x.just', 'Taskfile.yml', 'taskfile.dist.yaml', 'a/package.json', '.gitlab-ci.yml', '.gitlab/ci/build.yml', 'docker-bake.hcl', 'skaffold.yaml', '.air.toml', 'Tiltfile', 'a.tiltfile', 'readme.markdown', 'docs/notes.md', 'okteto.yml', 'dev/okteto.yaml', 'okteto-stack.yml'];
    for (const n of names) expect(nameKind(n), n).toBe(classifyByName(n));
  });

  it('reads an okteto.yml that is a Compose stack as Compose, and a manifest as Okteto', () => {
    const root = tempRepo({ 'okteto.yml': 'services:\n  api:\n    image: x\n', 'dev/okteto.yaml': 'dev:\n  api:\n    image: golang\n', 'v1/okteto.yml': 'name: api\nimage: golang\n' });
    try {
      const d = discover(new Workspace(root));
      expect(Object.fromEntries(d.files.map((f) => [f.path, f.kind]))).toEqual({ 'okteto.yml': 'compose', 'dev/okteto.yaml': 'okteto', 'v1/okteto.yml': 'okteto' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never follows a symbolic link out of the root, and says so once', async () => {
    const root = tempRepo({ 'ok/Dockerfile': 'FROM x\n' });
    symlinkSync('/etc/passwd', join(root, 'Dockerfile'));
    symlinkSync('..', join(root, 'up'));
    mkdirSync(join(root, 'inner'));
    symlinkSync(join(root, 'ok', 'Dockerfile'), join(root, 'inner', 'Dockerfile'));
    const r = await scan({ root });
    const notes = r.findings.filter((f) => f.ruleId === 'PTD900');
    expect(notes.map((n) => n.span.file.path)).toEqual(['Dockerfile']);
    expect(notes[0]!.message).toMatch(/outside the repository/);
    expect(r.files.map((f) => f.path).sort()).toEqual(['inner/Dockerfile', 'ok/Dockerfile']);
    expect(r.files.some((f) => f.text.includes('root:'))).toBe(false);
  });

  it('resolves directories one component at a time with the answers realpath gives', () => {
    const outside = tempRepo({ 'sub/Dockerfile': 'FROM outside\n' });
    const root = tempRepo({ 'a/b/c/Dockerfile': 'FROM inside\n' });
    symlinkSync('a/b', join(root, 'link')); // a directory link inside the root
    symlinkSync('link', join(root, 'l2')); // a link to a link
    symlinkSync('..', join(root, 'a', 'up')); // back to the root: still inside
    symlinkSync(outside, join(root, 'out')); // a directory outside
    symlinkSync('../../out', join(root, 'a', 'b', 'away')); // outside, through a link inside
    const text = (p: string): string => {
      const r = new Workspace(root).read(p, 'dockerfile');
      return r.ok ? r.file.text : `skipped: ${r.skip.reason}`;
    };
    for (const p of ['a/b/c/Dockerfile', 'link/c/Dockerfile', 'l2/c/Dockerfile', 'a/up/a/b/c/Dockerfile', 'a/up/l2/c/Dockerfile']) expect(text(p), p).toBe('FROM inside\n');
    for (const p of ['out/sub/Dockerfile', 'a/b/away/sub/Dockerfile', 'a/up/out/sub/Dockerfile']) expect(text(p), p).toMatch(/^skipped: is reached through a symbolic link that points outside the repository/);
    for (const p of ['a/b/c/Dockerfile/x', 'a/missing/Dockerfile', 'link/missing/Dockerfile']) expect(text(p), p).toBe('skipped: not found');
    // One workspace resolving many paths shares directories: the answers stay the same in any order.
    const ws = new Workspace(root);
    const order = ['a/up/out/sub/Dockerfile', 'a/b/c/Dockerfile', 'out/sub/Dockerfile', 'l2/c/Dockerfile', 'a/b/away/sub/Dockerfile', 'link/c/Dockerfile'];
    expect(order.map((p) => ws.read(p, 'dockerfile').ok)).toEqual([false, true, false, true, false, true]);
  });

  it('a named file swapped for a symbolic link between listing and reading is not followed', () => {
    const outside = tempRepo({ 'Dockerfile': 'FROM outside\n' });
    const root = tempRepo({ 'api/Dockerfile': 'FROM inside\n', 'web/Dockerfile': 'FROM inside\n' });
    const ws = new Workspace(root);
    expect(ws.list(['api/Dockerfile', 'web/Dockerfile'])).toEqual(['api/Dockerfile', 'web/Dockerfile']);
    // list() has taken its lstat of both; one is now a link out of the root.
    rmSync(join(root, 'api/Dockerfile'));
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'api/Dockerfile'));
    const swapped = ws.read('api/Dockerfile', 'dockerfile');
    expect(swapped.ok ? 'read' : swapped.skip.reason).toBe('could not be read (ELOOP)');
    expect(ws.read('web/Dockerfile', 'dockerfile').ok).toBe(true);
  });

  it('in a git checkout lists tracked and untracked-not-ignored files only', () => {
    const root = tempRepo({ 'Dockerfile': 'FROM a\n', '.gitignore': 'ignored/\n', 'ignored/Dockerfile': 'FROM b\n', 'new/Dockerfile': 'FROM c\n', 'node_modules/x/Dockerfile': 'FROM d\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'Dockerfile', '.gitignore'], { cwd: root });
    const ws = new Workspace(root);
    const d = discover(ws);
    expect(d.files.map((f) => f.path).sort()).toEqual(['Dockerfile', 'new/Dockerfile', 'node_modules/x/Dockerfile']);
  });

  it('scans the tracked files while git looks for untracked ones, and again only when that finds a config file', async () => {
    const root = tempRepo({ 'a/Dockerfile': 'FROM a\n', 'notes.txt': 'x\n', 'src/main.go': 'package main\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'a/Dockerfile'], { cwd: root });
    const passes = async (): Promise<string[][]> => {
      const seen: string[][] = [];
      const last = await discoverThen(new Workspace(root), undefined, (d) => {
        seen.push(d.files.map((f) => f.path).sort());
        return d.files.map((f) => f.path).sort();
      });
      expect(last).toEqual(seen[seen.length - 1]);
      return seen;
    };
    // Untracked files that are not config: one pass.
    expect(await passes()).toEqual([['a/Dockerfile']]);
    // An untracked Dockerfile: the second pass has it.
    writeFileSync(join(root, 'Dockerfile.new'), 'FROM n\n');
    expect(await passes()).toEqual([['a/Dockerfile'], ['Dockerfile.new', 'a/Dockerfile']]);
    // The scan reports on it.
    writeFileSync(join(root, 'Dockerfile.new'), 'FROM n\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n');
    expect((await scan({ root })).findings.map((f) => `${f.ruleId} ${f.span.file.path}`)).toContain('PTD012 Dockerfile.new');
    // Sub-paths: only what is under them, tracked or not.
    expect(await discoverThen(new Workspace(root), ['a'], (d) => d.files.map((f) => f.path))).toEqual(['a/Dockerfile']);
  });

  it('files named one by one are the listing: read whether git ignores them or not; a named directory is listed', async () => {
    const root = tempRepo({ 'a/Dockerfile': 'FROM a\n', '.gitignore': 'ignored/\n', 'ignored/Dockerfile': 'FROM b\n', 'ignored/other/Dockerfile': 'FROM c\n', 'b/Dockerfile': 'FROM d\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '.'], { cwd: root });
    const files = async (paths: string[]): Promise<string[]> => discoverThen(new Workspace(root), paths, (d) => d.files.map((f) => f.path).sort());
    expect(await files(['ignored/Dockerfile', 'a/Dockerfile', 'a/Dockerfile'])).toEqual(['a/Dockerfile', 'ignored/Dockerfile']);
    expect(discover(new Workspace(root), ['ignored/Dockerfile']).files.map((f) => f.path)).toEqual(['ignored/Dockerfile']);
    // A directory, or a mix with one: git's listing, which leaves the ignored files out.
    expect(await files(['ignored'])).toEqual([]);
    expect(await files(['ignored/Dockerfile', 'b'])).toEqual(['b/Dockerfile']);
    // A named file that is missing is not there to read.
    expect(await files(['a/Dockerfile', 'gone/Dockerfile'])).toEqual(['a/Dockerfile']);
  });

  it('reads text the way Buffer#toString does: BOM dropped, invalid UTF-8 as U+FFFD; a NUL in the first 8192 characters means binary', () => {
    const root = tempRepo({});
    writeFileSync(join(root, 'Dockerfile'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM x\n# '), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('\n')]));
    writeFileSync(join(root, 'Containerfile'), 'FROM y\n#' + '\u00e9'.repeat(8190) + '\0\n');
    writeFileSync(join(root, 'x.dockerfile'), 'FROM z\n#' + 'a'.repeat(8180) + '\0\n');
    const ws = new Workspace(root);
    const r = ws.read('Dockerfile', 'dockerfile');
    expect(r.ok && r.file.text).toBe('FROM x\n# \ufffd\ufffd(\n');
    // The NUL is at character 8198 (byte 16388): text.
    expect(ws.read('Containerfile', 'dockerfile').ok).toBe(true);
    expect(ws.read('x.dockerfile', 'dockerfile')).toEqual({ ok: false, skip: { path: 'x.dockerfile', reason: 'has binary content' } });
  });

  it('outside git walks the tree, skipping .git, node_modules and vendor; skips binary files with a note', () => {
    const root = tempRepo({ 'a/Dockerfile': 'FROM a\n', 'node_modules/x/Dockerfile': 'FROM d\n', 'vendor/y/Dockerfile': 'FROM e\n' });
    // A binary file that spells a debugger gets a note (one that names none cannot hide a debugger setting).
    writeFileSync(join(root, 'Dockerfile.bin'), Buffer.from([0x46, 0x52, 0, 1, 2, 0x64, 0x6c, 0x76]));
    writeFileSync(join(root, 'Dockerfile.blob'), Buffer.from([0x46, 0x52, 0, 1, 2]));
    const d = discover(new Workspace(root));
    expect(d.files.map((f) => f.path)).toEqual(['a/Dockerfile']);
    expect(d.skipped).toEqual([{ path: 'Dockerfile.bin', reason: 'has binary content' }]);
  });
});

describe('YAML that is none of ours', () => {
  it('is not held after discovery; a rescan on the same listing skips it, a direct read still gets it', async () => {
    const root = tempRepo({ '.golangci.yml': 'linters:\n  enable: [govet]\n', 'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' });
    const ws = new Workspace(root);
    const d = discover(ws);
    expect(d.files.map((f) => f.path)).toEqual(['k8s/app.yaml']);
    expect(ws.isDismissed('.golangci.yml')).toBe(true);
    expect(ws.isDismissed('k8s/app.yaml')).toBe(false);
    // Not in the cache: a read is a new read of the disk (another object), with the same text.
    const first = ws.read('.golangci.yml', 'kubernetes');
    expect(first.ok && first.file.text).toBe('linters:\n  enable: [govet]\n');
    // The fold's rescan does not read it again, unless the overlay replaces it (then it is classified anew).
    const again = ws.withOverlay(new Map([['k8s/app.yaml', 'apiVersion: v1\nkind: Pod\n']]));
    expect(again.isDismissed('.golangci.yml')).toBe(true);
    expect(discover(again).files.map((f) => f.path)).toEqual(['k8s/app.yaml']);
    const over = ws.withOverlay(new Map([['.golangci.yml', 'apiVersion: v1\nkind: Pod\n']]));
    expect(over.isDismissed('.golangci.yml')).toBe(false);
    expect(discover(over).files.map((f) => f.path).sort()).toEqual(['.golangci.yml', 'k8s/app.yaml']);
  });
});

describe('Workspace.withOverlay (the fold scans again with the fixed texts)', () => {
  it.each([['a git checkout', true], ['a directory without git (walked)', false]])('reuses the listing and the reads of files the overlay does not replace; overlaid files read as the overlay (%s)', async (_what, git) => {
    const root = tempRepo({ 'compose.yaml': 'services:\n  a:\n    image: x\n', 'Dockerfile': 'FROM x\n' });
    if (git) execFileSync('git', ['init', '-q'], { cwd: root });
    const ws = new Workspace(root);
    await discoverThen(ws, undefined, () => undefined);
    const dockerfile = ws.read('Dockerfile', 'dockerfile');
    // A file that appears after the first listing is not listed again: git is not asked.
    writeFileSync(join(root, 'docker-compose.late.yml'), 'services: {}\n');
    const again = ws.withOverlay(new Map([['compose.yaml', 'services:\n  b:\n    image: y\n']]));
    const files = await discoverThen(again, undefined, (d) => d.files.map((f) => f.path).sort());
    expect(files).toEqual(['Dockerfile', 'compose.yaml']);
    expect(again.read('Dockerfile', 'dockerfile')).toBe(dockerfile);
    const compose = again.read('compose.yaml', 'compose');
    expect(compose.ok && compose.file.text).toBe('services:\n  b:\n    image: y\n');
    // A fresh workspace sees the new file.
    expect(await discoverThen(new Workspace(root), undefined, (d) => d.files.map((f) => f.path).sort())).toContain('docker-compose.late.yml');
  });
});
