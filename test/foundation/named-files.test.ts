/**
 * Files named on the command line (a pre-commit hook's staged files, an
 * editor's current file, a sub-directory) give the whole scan's answer for
 * those files: every finding the whole scan reports in them, with the same
 * fix, and none that it does not report. What they link to and what links to
 * them (an override granting the capability, the Compose file running the
 * Dockerfile, the script a CMD starts) is read wherever it is.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { main } from '../../src/cli/main.js';
import { toLocation } from '../../src/source.js';
import type { Finding } from '../../src/types.js';
// @ts-expect-error plain JavaScript module without types
import { loadCases } from '../corpus/score.mjs';
import { tempRepo } from '../helpers/repo.js';

/**
 * What a user sees of a finding: rule, severity, place, fingerprint, message and whether it is fixed. The
 * fix's edits themselves can differ by design: two fixes on one line are offered as one (the other finding is
 * "Fixed together with" it), and a scan of named files offers only the fixes of the findings it reports (the
 * --fix test below: what it writes is what it previewed).
 */
const seen = (f: Finding): string => {
  const l = toLocation(f.span);
  const fixed = !!f.fix || f.related.some((r) => r.message.startsWith('Fixed together with'));
  return `${f.ruleId} ${f.severity} ${l.path}:${l.startLine}:${l.startColumn} ${f.fingerprint} ${fixed ? 'fixable' : '-'} ${f.message}`;
};
const at = (path: string | RegExp) => (s: string): boolean => {
  const where = s.split(' ')[2]!;
  const p = where.slice(0, where.indexOf(':'));
  return typeof path === 'string' ? p === path : path.test(p);
};

const COMPOSE = 'services:\n  api:\n    build: .\n    command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n    ports: ["2345:2345"]\n';
const OVERRIDE = 'services:\n  api:\n    cap_add: [SYS_PTRACE]\n';
const DOCKERFILE = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nRUN go build -ldflags="-s -w" -o /app .\nCMD ["/app"]\n';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('files named one by one', () => {
  it('the override that grants the capability is read when only the Compose file is named; the Dockerfile named alone keeps its findings', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'docker-compose.override.yml': OVERRIDE, Dockerfile: DOCKERFILE });
    const whole = (await scan({ root })).findings.map(seen);
    expect(whole.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'PTD012 note Dockerfile:2:16', 'PTD010 note Dockerfile:3:5', 'PTD009 error Dockerfile:3:24', 'PTD007 error docker-compose.yml:5:13',
    ]);
    // No PTD001: the override grants SYS_PTRACE. The Dockerfile's findings belong to the Dockerfile, which was not named.
    expect((await scan({ root, paths: ['docker-compose.yml'] })).findings.map(seen)).toEqual(whole.filter(at('docker-compose.yml')));
    // All three Dockerfile findings come from the Compose service that runs it under dlv.
    expect((await scan({ root, paths: ['Dockerfile'] })).findings.map(seen)).toEqual(whole.filter(at('Dockerfile')));
    expect((await scan({ root, paths: ['Dockerfile', 'docker-compose.yml', 'docker-compose.override.yml'] })).findings.map(seen)).toEqual(whole);
  });

  it('gives the whole scan\'s findings, fixes and suppressions for every file of every corpus case', async () => {
    const cases = loadCases() as Array<{ id: string; repo: string }>;
    let compared = 0;
    for (const c of cases) {
      const whole = await scan({ root: c.repo });
      for (const path of files(c.repo)) {
        const named = await scan({ root: c.repo, paths: [path] });
        const inFile = (f: Finding): boolean => f.span.file.path === path;
        expect(named.findings.map(seen), `${c.id}: ${path}`).toEqual(whole.findings.filter(inFile).map(seen));
        expect(named.suppressed.map(seen), `${c.id}: ${path} (suppressed)`).toEqual(whole.suppressed.filter(inFile).map(seen));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  }, 300_000);

  it('a directory narrows the report the same way: what lies outside it still counts', async () => {
    const root = tempRepo({ 'deploy/docker-compose.yml': 'services:\n  api:\n    build: ../svc\n    command: dlv attach 1\n', 'svc/Dockerfile': DOCKERFILE });
    const whole = (await scan({ root })).findings.map(seen);
    expect((await scan({ root, paths: ['svc'] })).findings.map(seen)).toEqual(whole.filter(at('svc/Dockerfile')));
    expect((await scan({ root, paths: ['deploy'] })).findings.map(seen)).toEqual(whole.filter(at(/^deploy\//)));
    expect((await scan({ root, paths: ['svc'] })).findings.map((f) => f.ruleId)).toEqual(['PTD012', 'PTD010', 'PTD009']);
  });

  it('a named file git ignores is still read; a named file that holds no container reports nothing', async () => {
    const root = tempRepo({ '.gitignore': 'local.compose.yml\n', 'local.compose.yml': 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n', 'main.go': 'package main\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '-A'], { cwd: root });
    expect((await scan({ root })).findings).toEqual([]);
    expect((await scan({ root, paths: ['local.compose.yml'] })).findings.map((f) => f.ruleId)).toEqual(['PTD001']);
    expect((await scan({ root, paths: ['main.go'] })).findings).toEqual([]);
  });

  it('--fix with named files fixes only the findings in them, exactly as previewed', async () => {
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: dlv attach 1\n', Dockerfile: DOCKERFILE });
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: root };
    const preview = (await scan({ root, paths: ['docker-compose.yml'] })).findings;
    expect(preview.map((f) => f.ruleId)).toEqual(['PTD001']);
    await main(['docker-compose.yml', '--fix'], io);
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toBe('services:\n  api:\n    build: .\n    command: dlv attach 1\n    cap_add:\n      - SYS_PTRACE\n');
    // The Dockerfile, not named, is untouched: its fixable findings wait for a run that names it.
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
    writeFileSync(join(root, 'unrelated.txt'), 'x\n');
    expect((await scan({ root, paths: ['docker-compose.yml'] })).findings).toEqual([]);
  });
});
