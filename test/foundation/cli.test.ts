import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { main } from '../../src/cli/main.js';
import { isPlainRelative } from '../../src/discover/index.js';
import { ROOT, copyFixture, tempRepo } from '../helpers/repo.js';

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

describe('CLI', () => {
  it('exit codes follow --fail-on; 2 on usage errors', async () => {
    const seed = join(ROOT, 'examples', 'seed');
    expect((await run([seed, '--fail-on', 'never'])).code).toBe(0);
    expect((await run([seed, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run([join(ROOT, 'test/fixtures/foundation/production'), '--fail-on', 'note'])).code).toBe(0);
    const bad = await run(['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be/);
    expect((await run(['--nope'])).code).toBe(2);
    expect((await run(['/does/not/exist'])).code).toBe(2);
  });

  it('paths are taken from the current directory, with --root too; a missing or outside path is a usage error', async () => {
    const root = tempRepo({ 'svc/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n', 'other/Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n' });
    const files = (r: { out: string }): string[] => [...new Set((JSON.parse(r.out) as { findings: Array<{ location: { path: string } }> }).findings.map((f) => f.location.path))].sort();
    // Absolute, from the current directory, and (--root's old meaning) from the root.
    expect(files(await run(['--root', root, '--format', 'json', join(root, 'svc/Dockerfile')]))).toEqual(['svc/Dockerfile']);
    expect(files(await run(['--root', root, '--format', 'json', 'Dockerfile'], join(root, 'other')))).toEqual(['other/Dockerfile']);
    expect(files(await run(['--root', root, '--format', 'json', 'svc/Dockerfile'], ROOT))).toEqual(['svc/Dockerfile']);
    expect(files(await run(['--format', 'json', 'svc/Dockerfile', 'other'], root))).toEqual(['other/Dockerfile', 'svc/Dockerfile']);
    const missing = await run(['--root', root, 'svc/Dockerfle']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/svc\/Dockerfle: no such file or directory/);
    const outside = await run(['--root', join(root, 'svc'), join(root, 'other/Dockerfile')]);
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/is outside/);
    expect((await run(['svc/Dockerfle'], root)).code).toBe(2);
    // Spellings that need normalising name the same files as the plain ones.
    for (const spelled of [['./svc/Dockerfile'], ['svc//Dockerfile'], ['other/../svc/Dockerfile'], ['svc/', 'svc/./Dockerfile']]) {
      expect(files(await run(['--format', 'json', ...spelled], root)), spelled.join(' ')).toEqual(['svc/Dockerfile']);
    }
    expect((await run(['--root', join(root, 'svc'), '../other/Dockerfile'], join(root, 'svc'))).err).toMatch(/is outside/);
  });

  it('a plain relative path is one that needs no normalising', () => {
    for (const p of ['Dockerfile', 'svc/Dockerfile', 'a/b.c/.hidden/x', '...', 'a/..b']) expect(isPlainRelative(p), p).toBe(true);
    for (const p of ['', '/abs', './x', 'x/.', 'a/../b', '..', 'a//b', 'a\\b']) expect(isPlainRelative(p), p).toBe(false);
  });

  it('text output groups by file and shows each fix as a diff', async () => {
    const r = await run([join(ROOT, 'test/fixtures/foundation/attach-compose'), '--no-color']);
    expect(r.out).toMatch(/^docker-compose\.yml\n {2}4:3 {2}error {3}PTD001/m);
    expect(r.out).toContain('+    cap_add:\n');
    expect(r.out).toMatch(/1 finding \(1 error, 0 warnings, 0 notes\); 1 fixable with --fix/);
  });

  it('json output is stable and carries locations, fixes and fingerprints', async () => {
    const r = await run([join(ROOT, 'test/fixtures/foundation/k8s'), '--format', 'json']);
    const j = JSON.parse(r.out);
    j.findings = j.findings.filter((f: { ruleId: string }) => f.ruleId === 'PTD001');
    expect(j.findings[0]).toMatchObject({ ruleId: 'PTD001', severity: 'error', location: { path: 'debug-deployment.yaml', startLine: 14 } });
    expect(j.findings[0].fix.edits[0].path).toBe('debug-deployment.yaml');
    expect(j.findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('SARIF output validates against the SARIF 2.1.0 schema', async () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // CommonJS packages: take their default exports through require.
    type Validator = ((d: unknown) => boolean) & { errors?: unknown[] | null };
    const Ajv = require('ajv-draft-04').default as new (o: object) => { compile(s: object): Validator };
    const addFormats = require('ajv-formats').default as (a: unknown) => void;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const fx of ['foundation/devcontainer-compose', 'foundation/makefile', 'foundation/override']) {
      const r = await run([join(ROOT, 'test/fixtures', fx), '--format', 'sarif']);
      const sarif = JSON.parse(r.out);
      const ok = validate(sarif);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      const res = sarif.runs[0].results[0];
      expect(res.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(sarif.runs[0].tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.partialFingerprints).toBeDefined();
      expect(res.fixes[0].artifactChanges[0].replacements.length).toBeGreaterThan(0);
    }
  });

  it('--fix writes the files and reports what is left', async () => {
    const root = copyFixture('foundation/privileged');
    const r = await run([root, '--fix', '--no-color']);
    expect(r.out).toMatch(/Fixed \d+ findings? in 1 file/);
    expect(readFileSync(join(root, 'compose.yaml'), 'utf8')).toContain('cap_add:\n      - SYS_PTRACE');
  });

  it('github format prints workflow commands with escaped values', async () => {
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  "a,b:c":\n    image: x\n    command: strace -p 1\n' });
    const r = await run([root, '--format', 'github']);
    expect(r.out).toMatch(/^::error file=docker-compose\.yml,line=2,endLine=2,col=3,endColumn=10,title=PTD001 Debugger container lacks SYS_PTRACE::Service "a,b:c"/);
  });
});

describe('the committed bundle', () => {
  it('dist/cli/index.js runs the seed example (npm start)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'examples/seed', '--no-color', '--fail-on', 'warning'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('PTD001');
    expect(r.stdout).toContain('+    cap_add:');
  });

  it('PTRACE_DOCTOR_TIMING=1 adds the phases and parse counts on stderr and changes nothing else', () => {
    const args = [join(ROOT, 'dist/cli/index.js'), 'examples/seed', '--format', 'json'];
    const plain = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '' } });
    const timed = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '1' } });
    expect(plain.stderr).toBe('');
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.status).toBe(plain.status);
    const lines = timed.stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith('ptrace-doctor timing: '))).toBe(true);
    const phases = lines.filter((l) => l.includes(': phase ')).map((l) => l.split(' ')[3]);
    expect(phases).toEqual(['start', 'list', 'read', 'model', 'rules', 'fixes', 'output']);
    // Each phase line: its own duration, then the time since start, which only grows.
    const ends = lines.filter((l) => l.includes(': phase ')).map((l) => Number(l.split(' ')[5]));
    expect(ends.every((e, i) => Number.isFinite(e) && (i === 0 || e >= ends[i - 1]!))).toBe(true);
    expect(timed.stderr).toMatch(/count Dockerfile parses [1-9]\d*\n/);
    expect(timed.stderr).toMatch(/count YAML parses \(compose\) [1-9]\d*\n/);
    // The time inside the parse calls, and inside the re-parses that prove the fixes (the seed has fixes).
    const time = (what: string) => Number(new RegExp(`: time ${what} ([\\d.]+)\n`).exec(timed.stderr)?.[1]);
    expect(time('first parse calls')).toBeGreaterThan(0);
    expect(time('fix validation parse calls')).toBeGreaterThan(0);
    // Spent within the run: less than the time from start to the end of the last phase.
    expect(time('first parse calls') + time('fix validation parse calls')).toBeLessThan(ends.at(-1)!);
  });

  it('PTRACE_DOCTOR_TIMING_FILES lists the files the scan parsed, one per parse, as the counters count them', () => {
    const list = join(tempRepo({}), 'parsed.tsv');
    const args = [join(ROOT, 'dist/cli/index.js'), 'examples/seed', '--format', 'json'];
    const timed = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '1', PTRACE_DOCTOR_TIMING_FILES: list } });
    const rows = readFileSync(list, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const counted = (re: RegExp) => [...timed.stderr.matchAll(re)].reduce((a, m) => a + Number(m[1]), 0);
    expect(rows.filter(([p]) => p === 'dockerfile').length).toBe(counted(/count Dockerfile parses (\d+)/g));
    expect(rows.filter(([p]) => p === 'yaml').length).toBe(counted(/count YAML parses \([a-z-]+\) (\d+)/g));
    expect(rows.filter(([p]) => p === 'jsonc' || p === 'json').length).toBe(counted(/count JSON parses (\d+)/g));
    expect(rows.every(([p, path]) => ['yaml', 'dockerfile', 'jsonc', 'json'].includes(p!) && isPlainRelative(path!))).toBe(true);
    expect(rows).toContainEqual(['dockerfile', 'Dockerfile']);
    expect(rows).toContainEqual(['yaml', 'docker-compose.yml']);
    // JSON files the model parses itself (a dev container, the seccomp profile a service names) are listed with their parser.
    const jsonRoot = tempRepo({
      '.devcontainer/devcontainer.json': '{ "image": "golang:1.22", // dev\n  "runArgs": ["--cap-add=SYS_PTRACE"], }\n',
      'docker-compose.yml': 'services:\n  api:\n    image: golang:1.22\n    command: dlv exec /app\n    security_opt:\n      - seccomp=prof.json\n',
      'prof.json': '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": []}\n',
    });
    const jsonList = join(jsonRoot, 'parsed.tsv');
    const jsonRun = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), jsonRoot, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '1', PTRACE_DOCTOR_TIMING_FILES: jsonList } });
    const jsonRows = readFileSync(jsonList, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    expect(jsonRows).toContainEqual(['jsonc', '.devcontainer/devcontainer.json']);
    expect(jsonRows).toContainEqual(['json', 'prof.json']);
    expect(jsonRows.filter(([p]) => p === 'jsonc' || p === 'json').length).toBe([...jsonRun.stderr.matchAll(/count JSON parses (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0));
    // Without PTRACE_DOCTOR_TIMING the variable does nothing.
    rmSync(list);
    spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '', PTRACE_DOCTOR_TIMING_FILES: list } });
    expect(() => readFileSync(list)).toThrow(/ENOENT/);
  });

  it('loads the yaml package only when a file may lead to YAML (dist/, where nothing preloads it)', () => {
    const API = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n';
    const noYamlRoot = tempRepo({ 'api/Dockerfile': API, 'scripts/debug.sh': 'docker run --rm app dlv exec /app\n' });
    const viaRoot = tempRepo({
      'api/Dockerfile': API,
      // Names a Compose file: YAML reached from a file that is not YAML itself.
      '.devcontainer/devcontainer.json': '{ "dockerComposeFile": "../dev/compose.yml", "service": "api" }\n',
      'dev/compose.yml': 'services:\n  api:\n    build: ../api\n',
    });
    try {
      const run = (root: string) => spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), root, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, PTRACE_DOCTOR_TIMING: '1' } });
      const rules = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; location: { path: string } }> }).findings.map((f) => `${f.ruleId} ${f.location.path}`);
      const noYaml = run(noYamlRoot);
      expect(noYaml.stderr).not.toContain('yaml package loaded');
      expect(rules(noYaml)).toContain('PTD012 api/Dockerfile');
      const viaDevcontainer = run(viaRoot);
      expect(viaDevcontainer.stderr).toContain('count yaml package loaded 1');
      expect(viaDevcontainer.stderr).toMatch(/count YAML parses \(compose\) [1-9]/);
      expect(rules(viaDevcontainer)).toContain('PTD001 .devcontainer/devcontainer.json');
    } finally {
      for (const r of [noYamlRoot, viaRoot]) rmSync(r, { recursive: true, force: true });
    }
  });

  it('a scan of Dockerfiles alone loads no jsonc-parser, nor node:crypto without findings (dist/)', () => {
    const API = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n';
    const roots = {
      clean: tempRepo({ 'web/Dockerfile': 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n' }),
      df: tempRepo({ 'api/Dockerfile': API }),
      sh: tempRepo({ 'api/Dockerfile': API, 'scripts/debug.sh': 'docker run --rm --security-opt seccomp=../seccomp.json app dlv exec /app\n', 'seccomp.json': '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [] }\n' }),
    };
    try {
      const run = (root: string) => {
        const loadedFile = join(root, '.loaded');
        const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(ROOT, 'test/helpers/loaded-modules.mjs')).href, join(ROOT, 'dist/cli/index.js'), root, '--format', 'json'], {
          encoding: 'utf8',
          env: { ...process.env, PTRACE_DOCTOR_TIMING: '1', PTRACE_DOCTOR_TEST_LOADED: loadedFile },
        });
        const loaded = readFileSync(loadedFile, 'utf8').split('\n');
        const findings = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; fingerprint: string }> }).findings;
        return { r, loaded, findings };
      };
      const clean = run(roots.clean);
      expect(clean.findings).toEqual([]);
      expect(clean.r.stderr).not.toContain('jsonc-parser package loaded');
      expect(clean.loaded).not.toContain('NativeModule crypto');
      // Listing the repository asks git (or walks): node:child_process is loaded when git is.
      expect(clean.loaded.includes('NativeModule child_process')).toBe(true);
      const df = run(roots.df);
      expect(df.findings.map((f) => f.ruleId)).toContain('PTD012');
      expect(df.findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint))).toBe(true);
      expect(df.r.stderr).not.toContain('jsonc-parser package loaded');
      expect(df.loaded).toContain('NativeModule crypto');
      // A script's run line may name a seccomp profile: JSON, so jsonc-parser is loaded.
      const sh = run(roots.sh);
      expect(sh.r.stderr).toContain('count jsonc-parser package loaded 1');
      expect(sh.findings.filter((f) => f.ruleId === 'PTD012').map((f) => f.fingerprint)).toEqual(df.findings.filter((f) => f.ruleId === 'PTD012').map((f) => f.fingerprint));
    } finally {
      for (const r of Object.values(roots)) rmSync(r, { recursive: true, force: true });
    }
  });

  it('the package bin points at the committed CLI bundle', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['ptrace-doctor']).toBe('dist/cli/index.js');
    expect(execFileSync(process.execPath, [join(ROOT, pkg.bin['ptrace-doctor']), '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
