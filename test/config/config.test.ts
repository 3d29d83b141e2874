/**
 * .ptrace-doctor.yaml end to end through the CLI: where it is found, what it
 * changes (rules off or re-graded, excluded paths, exceptions with reasons,
 * fail-on), the errors for a bad or hostile file, and `ptrace-doctor init`.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { validateConfigText } from '../../src/config/validate.js';
import { sarifValidator } from '../helpers/schemas.js';
import { tempRepo } from '../helpers/repo.js';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const COMPOSE = [
  'services:',
  '  dind:',
  '    image: x',
  '    command: dlv attach 1',
  '    privileged: true',
  '  api:',
  '    image: y',
  '    command: strace -p 1',
  '',
].join('\n');
const DOCKERFILE = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n';

const rules = (r: { out: string }): string[] => (JSON.parse(r.out) as { findings: Array<{ ruleId: string; severity: string; location: { path: string } }> }).findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.path}`);

describe('the configuration file', () => {
  it('turns rules off, re-grades them (ids or slugs), and fail-on follows it unless --fail-on is given', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': DOCKERFILE });
    expect(rules(await run(root, '--format', 'json'))).toEqual(['PTD003 warning docker-compose.yml', 'PTD001 error docker-compose.yml', 'PTD012 note svc/Dockerfile']);
    writeFileSync(join(root, '.ptrace-doctor.yaml'), 'fail-on: note\nrules:\n  PTD003: off\n  delve-version-unpinned: error\n');
    expect(rules(await run(root, '--format', 'json'))).toEqual(['PTD001 error docker-compose.yml', 'PTD012 error svc/Dockerfile']);
    writeFileSync(join(root, '.ptrace-doctor.yaml'), 'fail-on: never\nrules:\n  PTD001: note\n  PTD012: note\n');
    expect((await run(root)).code).toBe(0);
    expect((await run(root, '--fail-on', 'note')).code).toBe(1);
    writeFileSync(join(root, '.ptrace-doctor.yaml'), 'fail-on: warning\nrules:\n  PTD001: warning\n  PTD012: off\n');
    expect((await run(root)).code).toBe(1);
    // --no-config: the defaults again.
    expect(rules(await run(root, '--no-config', '--format', 'json'))).toHaveLength(3);
  });

  it('excludes paths from the scan: globs relative to the file, names at any depth, directories with all below', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': DOCKERFILE, 'third_party/x/Dockerfile': DOCKERFILE, 'a/testdata/Dockerfile': DOCKERFILE });
    expect(rules(await run(root, '--format', 'json')).filter((r) => r.startsWith('PTD012'))).toHaveLength(3);
    writeFileSync(join(root, '.ptrace-doctor.yml'), 'exclude:\n  - third_party\n  - testdata\n  - "*.yml"\n');
    expect(rules(await run(root, '--format', 'json'))).toEqual(['PTD012 note svc/Dockerfile']);
    // Named on the command line (as a pre-commit hook does), an excluded file is still excluded.
    expect(rules(await run(root, '--format', 'json', 'third_party/x/Dockerfile', 'svc/Dockerfile'))).toEqual(['PTD012 note svc/Dockerfile']);
  });

  it('suppresses per path or per service with the reason, shown as external suppressions in SARIF', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': DOCKERFILE });
    writeFileSync(join(root, '.ptrace-doctor.yaml'), [
      'suppress:',
      '  - rules: [privileged-for-ptrace]',
      '    services: [dind]',
      '    reason: runs Docker in Docker',
      '  - paths: ["svc/**"]',
      '    reason: the service image pins delve elsewhere',
      '',
    ].join('\n'));
    const text = await run(root, '--no-color');
    expect(text.out).toMatch(/1 finding \(1 error, 0 warnings, 0 notes\); 1 fixable with --fix; 2 suppressed\n$/);
    const sarif = JSON.parse((await run(root, '--format', 'sarif')).out);
    const v = sarifValidator();
    expect(v(sarif), JSON.stringify(v.errors)).toBe(true);
    const sup = (sarif.runs[0].results as Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification: string; properties: { configEntry: string } }> }>).filter((r) => r.suppressions?.length);
    expect(sup.map((r) => [r.ruleId, r.suppressions![0]!.kind, r.suppressions![0]!.justification, r.suppressions![0]!.properties.configEntry])).toEqual([
      ['PTD003', 'external', 'runs Docker in Docker', '.ptrace-doctor.yaml:2'],
      ['PTD012', 'external', 'the service image pins delve elsewhere', '.ptrace-doctor.yaml:5'],
    ]);
  });

  it('an exception that suppresses nothing is a PTD901 note on its entry; not for rules that did not run, nor when other files are named', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': DOCKERFILE });
    writeFileSync(join(root, '.ptrace-doctor.yaml'), [
      'suppress:',
      '  - rules: [PTD003]',
      '    services: [dind]',
      '    reason: runs Docker in Docker',
      '  - rules: [PTD001]',
      '    services: [worker]  # renamed to api since',
      '    reason: the worker is traced by hand',
      '  - rules: [PTD010]',
      '    paths: ["svc/**"]',
      '    reason: optimised on purpose',
      '',
    ].join('\n'));
    const json = JSON.parse((await run(root, '--format', 'json')).out) as { findings: Array<{ ruleId: string; severity: string; message: string; location: { path: string; startLine: number } }> };
    const unused = json.findings.filter((f) => f.ruleId === 'PTD901');
    expect(unused.map((f) => `${f.severity} ${f.location.path}:${f.location.startLine}`)).toEqual(['note .ptrace-doctor.yaml:5', 'note .ptrace-doctor.yaml:8']);
    expect(unused[0]!.message).toContain('.ptrace-doctor.yaml:5 ("the worker is traced by hand") suppresses nothing');
    // The rule the third entry names turned off: it cannot tell, so it is not reported.
    expect(rules(await run(root, '--format', 'json', '--ignore', 'PTD010')).filter((r) => r.startsWith('PTD901'))).toEqual(['PTD901 note .ptrace-doctor.yaml']);
    // Files named on the command line (a pre-commit hook's staged files): findings in those files only, so the
    // entries are reported when the configuration file is among them, as the whole scan reports them.
    expect(rules(await run(root, '--format', 'json', 'svc/Dockerfile')).filter((r) => r.startsWith('PTD901'))).toEqual([]);
    expect(rules(await run(root, '--format', 'json', 'svc/Dockerfile', '.ptrace-doctor.yaml')).filter((r) => r.startsWith('PTD901'))).toEqual(['PTD901 note .ptrace-doctor.yaml', 'PTD901 note .ptrace-doctor.yaml']);
  });

  it('is found above the scanned directory up to the top of the git work tree, with globs relative to it', async () => {
    const root = tempRepo({ 'services/api/Dockerfile': DOCKERFILE, 'services/web/Dockerfile': DOCKERFILE });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.ptrace-doctor.yaml'), 'exclude: ["services/web"]\n');
    expect(rules(await run(join(root, 'services'), '--format', 'json', '.'))).toEqual(['PTD012 note api/Dockerfile']);
    // Outside a work tree only the scanned directory itself is searched.
    const loose = tempRepo({ 'sub/Dockerfile': DOCKERFILE, '.ptrace-doctor.yaml': 'rules: {PTD012: off}\n' });
    expect(rules(await run(loose, '--format', 'json', 'sub'))).toEqual(['PTD012 note Dockerfile']);
    expect(rules(await run(loose, '--format', 'json'))).toEqual([]);
  });

  it('--config names the file; a missing or bad one is exit 2 with the key and the line', async () => {
    const root = tempRepo({ 'svc/Dockerfile': DOCKERFILE, 'conf/strict.yaml': 'rules:\n  PTD012: error\n', 'conf/bad.yaml': 'rules:\n  PTD012: eror\nsupress: []\n' });
    expect(rules(await run(root, '--config', 'conf/strict.yaml', '--format', 'json'))).toEqual(['PTD012 error svc/Dockerfile']);
    const missing = await run(root, '--config', 'conf/nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--config conf\/nope\.yaml: no such file/);
    const bad = await run(root, '--config', 'conf/bad.yaml');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('conf/bad.yaml:2:11: rules.PTD012: must be one of error, warning, note, off, got the text "eror"; did you mean "error"?');
    expect(bad.err).toContain('conf/bad.yaml:3:1: supress: unknown key "supress"');
    expect(bad.err).toMatch(/did you mean "suppress"\?/);
  });

  it('a hostile file is refused in words: too large, a symbolic link out of the repository, both names at once', async () => {
    const outside = tempRepo({ 'secret.yaml': 'fail-on: never\n' });
    const root = tempRepo({ 'svc/Dockerfile': DOCKERFILE });
    mkdirSync(join(root, '.git'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, '.ptrace-doctor.yaml'));
    const link = await run(root);
    expect(link.code).toBe(2);
    expect(link.err).toMatch(/is a symbolic link that points outside the repository; it was not read/);
    const big = tempRepo({ 'svc/Dockerfile': DOCKERFILE, '.ptrace-doctor.yaml': `# ${'x'.repeat(70_000)}\n` });
    expect((await run(big)).err).toMatch(/larger than 64 KiB/);
    const both = tempRepo({ '.ptrace-doctor.yaml': '', '.ptrace-doctor.yml': '' });
    expect((await run(both)).err).toMatch(/both exist; keep one/);
    // An alias bomb is refused before anything is expanded.
    const bomb = tempRepo({ '.ptrace-doctor.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nexclude: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' });
    const r = await run(bomb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/anchors and aliases are not supported/);
  });
});

describe('ptrace-doctor init', () => {
  it('writes a commented starter from the findings that validates, changes nothing, and whose exceptions work once uncommented', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'svc/Dockerfile': DOCKERFILE });
    const before = rules(await run(root, '--format', 'json'));
    const r = await run(root, 'init');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*\.ptrace-doctor\.yaml from 3 findings/);
    const text = readFileSync(join(root, '.ptrace-doctor.yaml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=https://raw.githubusercontent.com/ptrace-doctor/ptrace-doctor/main/schema/ptrace-doctor.schema.json');
    expect(text).toMatch(/# PTD003 privileged-for-ptrace: 1 finding \(warning\), e\.g\. "docker-compose\.yml:5"/);
    expect(validateConfigText(text).ok).toBe(true);
    expect(rules(await run(root, '--format', 'json'))).toEqual(before);
    // Uncomment the exceptions: every finding is then suppressed, each with its reason.
    const uncommented = text.replace(/^ {2}# (- rules:| {2}services:| {2}paths:| {2}reason:)/gm, '  $1');
    expect(validateConfigText(uncommented).ok).toBe(true);
    writeFileSync(join(root, '.ptrace-doctor.yaml'), uncommented);
    const after = JSON.parse((await run(root, '--format', 'json')).out);
    expect(after.findings).toEqual([]);
    expect(after.suppressed.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['PTD001', 'PTD003', 'PTD012']);
    // It never overwrites a file without --force.
    const again = await run(root, 'init');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; not overwritten/);
    expect((await run(root, 'init', '--force')).code).toBe(0);
    expect(readFileSync(join(root, '.ptrace-doctor.yaml'), 'utf8')).toBe(text);
  });

  it('does not write through a symbolic link, even a dangling one', async () => {
    const root = tempRepo({ 'svc/Dockerfile': DOCKERFILE });
    const target = join(tempRepo({}), 'planted');
    symlinkSync(target, join(root, '.ptrace-doctor.yaml'));
    expect((await run(root, 'init')).code).toBe(2);
    expect((await run(root, 'init', '--force')).code).toBe(0);
    expect(existsSync(target)).toBe(false);
  });
});
