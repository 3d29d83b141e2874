/**
 * Hostile repositories (issue 8): symbolic links out of the root, to the
 * parent directory, through a directory and in loops; FIFOs and device files;
 * files over the size cap; YAML alias and merge-key bombs; a repository of
 * 100,000 empty files; names with newlines, spaces, Markdown and HTML.
 *
 * Nothing outside the root is read, nothing hangs, every skipped file is
 * reported exactly once as PTD900.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { scan, type ScanResult } from '../../src/engine.js';
import { MAX_FILE_BYTES, Workspace } from '../../src/discover/index.js';
import { main } from '../../src/cli/main.js';
import { tempRepo } from '../helpers/repo.js';

const PASSWD = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : 'root:x:0:0:root:/root:/bin/sh\n';
/** A line of /etc/passwd that no test fixture contains. */
const SECRET_LINE = PASSWD.split('\n').find((l) => l.startsWith('root:')) ?? 'root:x:0:0';

const DEBUG_COMPOSE = 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n';

async function timedScan(root: string, budgetMs = 10_000): Promise<ScanResult> {
  const t0 = Date.now();
  const r = await scan({ root });
  expect(Date.now() - t0, 'scan time').toBeLessThan(budgetMs);
  return r;
}

function ptd900(r: ScanResult): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of r.findings.filter((x) => x.ruleId === 'PTD900')) m.set(f.span.file.path, [...(m.get(f.span.file.path) ?? []), f.message]);
  return m;
}

/** Everything a user or the Action could see: text, json, sarif and github output. */
async function allOutputs(root: string): Promise<string> {
  let out = '';
  for (const format of ['text', 'json', 'sarif', 'github']) {
    await main([root, '--format', format, '--fail-on', 'never', '--no-color'], { stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, cwd: root });
  }
  return out;
}

function expectNothingFromOutside(r: ScanResult, outputs: string): void {
  for (const f of r.files) expect(f.text, `${f.path} holds text from outside the root`).not.toContain(SECRET_LINE);
  for (const f of r.findings) {
    expect(f.message).not.toContain(SECRET_LINE);
    expect(f.span.file.text).not.toContain(SECRET_LINE);
    for (const rel of f.related) expect(rel.span.file.text).not.toContain(SECRET_LINE);
    for (const e of f.fix?.edits ?? []) expect(e.text).not.toContain(SECRET_LINE);
  }
  expect(outputs).not.toContain(SECRET_LINE);
}

describe('symbolic links', () => {
  it('to /etc/passwd, to the parent, to itself and in loops: nothing outside the root is read; each is one PTD900', async () => {
    const root = tempRepo({ 'ok/docker-compose.yml': DEBUG_COMPOSE, 'ok/Dockerfile': 'FROM golang:1.22\nRUN apt-get install -y strace\n' });
    symlinkSync('/etc/passwd', join(root, 'Dockerfile'));
    symlinkSync('/etc/passwd', join(root, 'docker-compose.yml'));
    symlinkSync('..', join(root, 'up'));
    symlinkSync('.', join(root, 'self'));
    symlinkSync('loop-b.Dockerfile', join(root, 'loop-a.Dockerfile'));
    symlinkSync('loop-a.Dockerfile', join(root, 'loop-b.Dockerfile'));
    symlinkSync('Containerfile', join(root, 'Containerfile')); // points at itself
    symlinkSync('/nonexistent/Dockerfile', join(root, 'dangling.Dockerfile'));
    symlinkSync('ok/Dockerfile', join(root, 'inside.Dockerfile')); // inside: followed
    const r = await timedScan(root);
    expectNothingFromOutside(r, await allOutputs(root));
    const notes = ptd900(r);
    expect([...notes.keys()].sort()).toEqual(['Containerfile', 'Dockerfile', 'dangling.Dockerfile', 'docker-compose.yml', 'loop-a.Dockerfile', 'loop-b.Dockerfile']);
    for (const [path, msgs] of notes) expect(msgs, path).toHaveLength(1);
    expect(notes.get('Dockerfile')![0]).toMatch(/points outside the repository/);
    expect(notes.get('loop-a.Dockerfile')![0]).toMatch(/points nowhere \(or loops\)/);
    expect(r.files.map((f) => f.path)).toContain('inside.Dockerfile');
    // The real config is still checked.
    expect(r.findings.some((f) => f.ruleId === 'PTD001' && f.span.file.path === 'ok/docker-compose.yml')).toBe(true);
  });

  it('a path that goes through a symlinked directory (etc -> /etc, up -> ..) is not followed out of the root', async () => {
    // Found by this suite: only the last path component used to be checked, so
    // `build.dockerfile: ../etc/passwd` and `extends: {file: etc/passwd}` read /etc/passwd.
    const root = tempRepo({
      '.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "../etc/passwd" }, "customizations": { "vscode": { "extensions": ["golang.go"] } } }\n',
      'docker-compose.yml': 'services:\n  a:\n    extends:\n      file: etc/passwd\n      service: root\n    command: dlv attach 1\n',
      'sub/compose.yaml': 'services:\n  b:\n    build:\n      context: ../up/etc\n      dockerfile: passwd\n    command: strace -p 1\n',
    });
    symlinkSync('/etc', join(root, 'etc'));
    symlinkSync('..', join(root, 'up'));
    const ws = new Workspace(root);
    for (const p of ['etc/passwd', 'up/' + root.split('/').pop() + '/etc/passwd', 'self/../etc/passwd']) {
      const res = ws.read(p, 'dockerfile');
      expect(res.ok, p).toBe(false);
    }
    const direct = ws.read('etc/passwd', 'dockerfile');
    expect(direct.ok ? '' : direct.skip.reason).toMatch(/through a symbolic link that points outside the repository/);
    const r = await timedScan(root);
    expectNothingFromOutside(r, await allOutputs(root));
    const notes = ptd900(r);
    expect(notes.get('etc/passwd')).toHaveLength(1);
    for (const [path, msgs] of notes) expect(msgs, path).toHaveLength(1);
  });

  it('the scanned root may itself be reached through a symlink', async () => {
    const real = tempRepo({ 'docker-compose.yml': DEBUG_COMPOSE });
    const link = `${real}-link`;
    symlinkSync(real, link);
    const r = await timedScan(link);
    expect(r.findings.map((f) => f.ruleId)).toContain('PTD001');
    rmSync(link);
  });
});

describe('special files', () => {
  it('FIFOs named like config files are skipped at once (no blocking open), each one PTD900', async () => {
    const root = tempRepo({ 'ok/docker-compose.yml': DEBUG_COMPOSE, '.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "Dockerfile" } }\n' });
    execFileSync('mkfifo', [join(root, 'Dockerfile'), join(root, 'docker-compose.yml'), join(root, '.devcontainer', 'Dockerfile')]);
    const r = await timedScan(root, 5000);
    const notes = ptd900(r);
    expect([...notes.keys()].sort()).toEqual(['.devcontainer/Dockerfile', 'Dockerfile', 'docker-compose.yml']);
    for (const [path, msgs] of notes) {
      expect(msgs, path).toHaveLength(1);
      expect(msgs[0]).toMatch(/not a regular file/);
    }
    expect(r.findings.some((f) => f.ruleId === 'PTD001')).toBe(true);
  });

  it('symlinks to /dev/zero, /dev/urandom and /dev/stdin named Dockerfile are never read', async () => {
    const root = tempRepo({});
    symlinkSync('/dev/zero', join(root, 'Dockerfile'));
    symlinkSync('/dev/urandom', join(root, 'Containerfile'));
    symlinkSync('/dev/stdin', join(root, 'compose.yaml'));
    const r = await timedScan(root, 5000);
    expect([...ptd900(r).keys()].sort()).toEqual(['Containerfile', 'Dockerfile', 'compose.yaml']);
    expect(r.files).toEqual([]);
  });

  it('a device node inside the root (where mknod is allowed) is skipped', async () => {
    const root = tempRepo({});
    try {
      execFileSync('mknod', [join(root, 'Dockerfile'), 'c', '1', '5'], { stdio: 'ignore' }); // /dev/zero's numbers
    } catch {
      return; // not root or no CAP_MKNOD: the symlink case above covers the rest
    }
    const r = await timedScan(root, 5000);
    expect(ptd900(r).get('Dockerfile')?.[0]).toMatch(/not a regular file/);
  });
});

describe('sizes', () => {
  it('a file over the cap and a 10 GB sparse file are skipped by size without being read', async () => {
    const root = tempRepo({ 'docker-compose.yml': DEBUG_COMPOSE + '#'.repeat(MAX_FILE_BYTES) + '\n', 'ok/compose.yml': DEBUG_COMPOSE });
    const fd = openSync(join(root, 'Dockerfile'), 'w');
    ftruncateSync(fd, 10 * 1024 ** 3);
    closeSync(fd);
    const r = await timedScan(root, 5000);
    const notes = ptd900(r);
    expect([...notes.keys()].sort()).toEqual(['Dockerfile', 'docker-compose.yml']);
    for (const [, msgs] of notes) {
      expect(msgs).toHaveLength(1);
      expect(msgs[0]).toMatch(/larger than 1 MiB/);
    }
    expect(r.findings.some((f) => f.ruleId === 'PTD001' && f.span.file.path === 'ok/compose.yml')).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });

  it('a file exactly at the cap is read', async () => {
    const text = DEBUG_COMPOSE + '#'.repeat(MAX_FILE_BYTES - DEBUG_COMPOSE.length - 1) + '\n';
    expect(Buffer.byteLength(text)).toBe(MAX_FILE_BYTES);
    const r = await timedScan(tempRepo({ 'docker-compose.yml': text }));
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PTD001']);
  });

  it('very long lines, deep nesting and a huge number of documents stay bounded', async () => {
    const root = tempRepo({
      'docker-compose.yml': `services:\n  dbg:\n    image: ${'x'.repeat(900_000)}\n    command: dlv attach 1\n`,
      // Each file mentions a debugger (# dlv), or the scan would not parse it at all.
      'k8s/deep.yaml': `apiVersion: v1\nkind: Pod # dlv\nmetadata: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      'k8s/deep-block.yaml': `apiVersion: v1\nkind: Pod # dlv\nmetadata:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('')}`,
      'seccomp.json': `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      'docker-compose.override.yml': `services:\n  dbg:\n    security_opt: ["seccomp=./seccomp.json"]\n    labels: ${'{a: '.repeat(20_000)}b${'}'.repeat(20_000)}\n`,
      'k8s/many.yaml': 'apiVersion: v1\nkind: Pod # dlv\n' + '---\n'.repeat(20_000),
      '.devcontainer/devcontainer.json': `{"a": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      'Dockerfile': `FROM x\nRUN ${'a '.repeat(200_000)}\n`,
    });
    const r = await timedScan(root, 10_000);
    expect(r.findings.some((f) => f.ruleId === 'PTD001' && f.span.file.path === 'docker-compose.yml')).toBe(true);
    const notes = ptd900(r);
    expect(notes.get('k8s/many.yaml')?.[0]).toMatch(/more than 10000 YAML documents/);
    // The parser's own stack overflow is said in words, not as "Maximum call stack size exceeded".
    expect(notes.get('k8s/deep.yaml')?.[0]).toMatch(/nested too deeply/);
    expect(notes.get('.devcontainer/devcontainer.json')?.[0]).toMatch(/nested more than 256 levels deep/);
    for (const [path, msgs] of notes) expect(msgs, path).toHaveLength(1);
  });
});

describe('YAML alias bombs', () => {
  /** Billion laughs with sequences: 10 levels of 10 aliases each (10^10 nodes if expanded). */
  function seqLaughs(levels: number, width: number): string {
    let s = 'x-l0: &l0 [strace, -p, "1"]\n';
    for (let i = 1; i < levels; i++) s += `x-l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]\n`;
    return s + `services:\n  dbg:\n    image: x\n    command: *l${levels - 1}\n    cap_add: *l${levels - 1}\n    ports: *l${levels - 1}\n    environment: *l${levels - 1}\n`;
  }
  /** The same through merge keys, which the model follows recursively. */
  function mergeLaughs(levels: number, width: number): string {
    let s = 'x-l0: &l0 {cap_add: [SYS_ADMIN], image: lol}\n';
    for (let i = 1; i < levels; i++) s += `x-l${i}: &l${i}\n  <<: [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]\n`;
    return s + `services:\n  dbg:\n    <<: *l${levels - 1}\n    command: dlv attach 1\n`;
  }

  it('a sequence bomb finishes quickly and is not expanded', async () => {
    const r = await timedScan(tempRepo({ 'docker-compose.yml': seqLaughs(10, 10) }), 3000);
    expect(r.files).toHaveLength(1);
  });

  it('a merge-key bomb exhausts the alias budget: one PTD900 for that file, the rest of the repository still checked', async () => {
    // Found by this suite: the budget's ParseError escaped scan() and failed the whole run.
    const root = tempRepo({ 'docker-compose.yml': mergeLaughs(10, 10), 'other/docker-compose.yml': DEBUG_COMPOSE });
    const r = await timedScan(root, 5000);
    const notes = ptd900(r);
    expect(notes.get('docker-compose.yml')).toHaveLength(1);
    expect(notes.get('docker-compose.yml')![0]).toMatch(/too many YAML alias expansions/);
    expect(r.findings.filter((f) => f.span.file.path === 'docker-compose.yml').map((f) => f.ruleId)).toEqual(['PTD900']);
    expect(r.findings.some((f) => f.ruleId === 'PTD001' && f.span.file.path === 'other/docker-compose.yml')).toBe(true);
    // The CLI reports it instead of failing with an internal error.
    let err = '';
    const code = await main([root, '--fail-on', 'never'], { stdout: () => {}, stderr: (s) => { err += s; }, cwd: root });
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('anchors that fan out to the alias budget while a fix is worked out: the findings stand, without fixes, and the run does not fail', async () => {
    // Found by the benchmark's yaml-aliases input: the budget ran out in the fix editor (rules phase), not in the model.
    let s = 'x-a0: &a0 {cap_add: [NET_ADMIN], command: "dlv attach 1"}\n';
    for (let i = 1; i < 9; i++) s += `x-a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    s += 'services:\n';
    for (let i = 0; i < 500; i++) s += `  svc${i}:\n    <<: *a0\n    image: acme/svc${i}\n    labels:\n      deep: *a8\n`;
    const root = tempRepo({ 'docker-compose.yml': s });
    const r = await timedScan(root, 20000);
    expect(r.findings.filter((f) => f.ruleId === 'PTD001').length).toBe(500);
    let err = '';
    const code = await main([root, '--fail-on', 'never'], { stdout: () => {}, stderr: (x) => { err += x; }, cwd: root });
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('a merge-key bomb in a file reached through extends is reported once too', async () => {
    const root = tempRepo({ 'base.yml': mergeLaughs(8, 12).replace(/services:[\s\S]*$/, 'services:\n  base:\n    <<: *l7\n'), 'docker-compose.yml': 'services:\n  a:\n    extends:\n      file: base.yml\n      service: base\n    command: dlv attach 1\n' });
    const r = await timedScan(root, 5000);
    for (const [path, msgs] of ptd900(r)) expect(msgs, path).toHaveLength(1);
  });

  it('many aliases in a large file resolve in linear time (was quadratic: 7 minutes for 0.5 MB)', async () => {
    const filler = Array.from({ length: 30_000 }, (_, i) => `  k${i}: v`).join('\n');
    const aliases = Array.from({ length: 9_000 }, () => '      - *p').join('\n');
    const text = `x-p: &p "127.0.0.1:1:1"\nx-fill:\n${filler}\nservices:\n  dbg:\n    image: x\n    command: dlv attach 1\n    ports:\n${aliases}\n`;
    const r = await timedScan(tempRepo({ 'docker-compose.yml': text }), 15_000);
    expect(r.findings.some((f) => f.ruleId === 'PTD001')).toBe(true);
  }, 60_000);

  it('a map of 30,000 keys is validated in linear time (the parser\'s uniqueKeys check is quadratic)', async () => {
    const filler = Array.from({ length: 30_000 }, (_, i) => `  k${i}: v`).join('\n');
    const r = await timedScan(tempRepo({ 'docker-compose.yml': `x-fill:\n${filler}\nservices:\n  dbg:\n    image: x\n    command: dlv attach 1\n` }), 15_000);
    expect(r.findings.find((f) => f.ruleId === 'PTD001')?.fix).toBeDefined();
  }, 60_000);
});

describe('size of the repository', () => {
  // 100 directories × 1,000 empty files; one in 100 is named like config.
  // Made once for both tests: creating 100,000 files is most of their time.
  let root = '';
  beforeAll(() => {
    root = tempRepo({});
    for (let d = 0; d < 100; d++) {
      const dir = join(root, `d${d}`);
      mkdirSync(dir);
      for (let i = 0; i < 1000; i++) writeFileSync(join(dir, i % 100 === 0 ? `${i}.Dockerfile` : `f${i}`), '');
    }
    writeFileSync(join(root, 'docker-compose.yml'), DEBUG_COMPOSE);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('100,000 empty files, no git: walked and scanned in bounded time', async () => {
    expect(existsSync(join(root, '.git'))).toBe(false);
    const r = await timedScan(root, 30_000);
    expect(r.files.filter((f) => f.kind === 'dockerfile')).toHaveLength(1000);
    expect(r.findings.filter((f) => f.ruleId === 'PTD001')).toHaveLength(1);
    expect(r.findings.filter((f) => f.ruleId === 'PTD900')).toEqual([]);
  }, 90_000);

  it('100,000 untracked files in a git checkout: listed by git ls-files in bounded time', async () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    try {
      const r = await timedScan(root, 30_000);
      expect(r.files.filter((f) => f.kind === 'dockerfile')).toHaveLength(1000);
      expect(r.findings.filter((f) => f.ruleId === 'PTD001')).toHaveLength(1);
    } finally {
      rmSync(join(root, '.git'), { recursive: true, force: true });
    }
  }, 90_000);
});

describe('nothing from the repository is executed', () => {
  it('a .git/config with core.fsmonitor (a program git would run) is not run by discovery', async () => {
    // Found by this suite: `git ls-files` ran the repository's core.fsmonitor command.
    const root = tempRepo({ 'docker-compose.yml': DEBUG_COMPOSE });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'docker-compose.yml'], { cwd: root });
    const marker = `${root}-pwned`;
    const hook = join(root, '.git', 'fsmonitor.sh');
    writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    execFileSync('git', ['config', 'core.fsmonitor', hook], { cwd: root });
    const r = await timedScan(root);
    expect(existsSync(marker), 'core.fsmonitor was executed').toBe(false);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PTD001']);
    await main([root, '--fix'], { stdout: () => {}, stderr: () => {}, cwd: root });
    expect(existsSync(marker), 'core.fsmonitor was executed by --fix').toBe(false);
  });
});

describe('hostile names', () => {
  const NAMES = [
    'with space/docker-compose.yml',
    'new\nline/docker-compose.yml',
    '<img src=x onerror=alert(1)>/docker-compose.yml',
    '[click](javascript:alert(1)) ![x](https:evil.example)/docker-compose.yml',
    '@octocat @org/team #1/docker-compose.yml',
    '`code` | pipe/docker-compose.yml',
    '::error file=x::injected/docker-compose.yml',
  ];

  it('are scanned, reported with their exact path, and cannot forge a workflow command or an output line', async () => {
    const files: Record<string, string> = {};
    for (const n of NAMES) files[n] = 'services:\n  "svc`|<b>@octocat</b>\\n#1":\n    image: "x\\n::error::forged"\n    command: dlv attach 1\n';
    const root = tempRepo(files);
    const r = await timedScan(root);
    const paths = new Set(r.findings.filter((f) => f.ruleId === 'PTD001').map((f) => f.span.file.path));
    expect([...paths].sort()).toEqual([...NAMES].sort());
    let out = '';
    await main([root, '--format', 'github', '--fail-on', 'never'], { stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, cwd: root });
    const lines = out.split('\n').filter(Boolean);
    // One workflow command per finding, each on one line: a newline in a path or message cannot start a second command.
    expect(lines.length).toBe(r.findings.length);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[^:]*::/);
    let json = '';
    await main([root, '--format', 'json', '--fail-on', 'never'], { stdout: (s) => { json += s; }, stderr: () => {}, cwd: root });
    const parsed = JSON.parse(json) as { findings: { location: { path: string } }[] };
    expect(new Set(parsed.findings.map((f) => f.location.path))).toEqual(new Set(NAMES));
  });
});
