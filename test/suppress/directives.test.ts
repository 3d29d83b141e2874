/**
 * ptrace-doctor-ignore comments: the syntax, where each one applies (the line
 * below, and the whole block a target, recipe, service, container, stage,
 * property or command starts there), the suppressed findings the engine keeps
 * with their reasons, and PTD901 for comments that suppress nothing.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { makeSourceFile, positionAt } from '../../src/source.js';
import { parseDirectiveText } from '../../src/suppress/directives.js';
import { isJustRecipe, isMakeRule, structureOf } from '../../src/suppress/structure.js';
import { applyEdits } from '../../src/fix/text.js';
import { brief, tempRepo } from '../helpers/repo.js';

const at = (r: Awaited<ReturnType<typeof scan>>, which: 'findings' | 'suppressed' = 'findings'): string[] => r[which].map((f) => `${f.ruleId}:${brief(f).line}`);

describe('the comment syntax', () => {
  it('reads ids, slugs, commas and a reason after --', () => {
    expect(parseDirectiveText(' ptrace-doctor-ignore PTD002 -- seccomp is off for the profiler')).toEqual({ names: ['PTD002'], reason: 'seccomp is off for the profiler' });
    expect(parseDirectiveText(' ptrace-doctor-ignore PTD001,PTD003  privileged-for-ptrace')).toEqual({ names: ['PTD001', 'PTD003', 'privileged-for-ptrace'] });
    expect(parseDirectiveText('ptrace-doctor-ignore')).toEqual({ names: [] });
    expect(parseDirectiveText(' ptrace-doctor-ignore -- runs Docker in Docker')).toEqual({ names: [], reason: 'runs Docker in Docker' });
    // Without --, the first word that is not a rule name starts the reason.
    expect(parseDirectiveText(' ptrace-doctor-ignore PTD003 needed for dind')).toEqual({ names: ['PTD003'], reason: 'needed for dind' });
    expect(parseDirectiveText(' PTRACE-DOCTOR-IGNORE ptd003')).toEqual({ names: ['ptd003'] });
    // Only at the start of the comment, and only the keyword itself.
    expect(parseDirectiveText(' to silence it, add ptrace-doctor-ignore PTD001')).toBeUndefined();
    expect(parseDirectiveText(' ptrace-doctor-ignored PTD001')).toBeUndefined();
    expect(parseDirectiveText(' ptrace-doctor-ignore-next-line PTD001')).toBeUndefined();
  });
});

describe('where a comment applies', () => {
  it('Compose: above a service key it covers the whole service; a trailing comment its own line', async () => {
    const root = tempRepo({
      'docker-compose.yml': [
        'services:',
        '  # ptrace-doctor-ignore PTD003 -- runs Docker in Docker',
        '  dind:',
        '    image: x',
        '    command: dlv attach 1',
        '    privileged: true',
        '  other:',
        '    image: x',
        '    command: strace -p 1',
        '    privileged: true  # ptrace-doctor-ignore privileged-for-ptrace',
        '',
      ].join('\n'),
    });
    const r = await scan({ root });
    // privileged grants every capability, so PTD003 is all there is to report.
    expect(at(r)).toEqual([]);
    expect(at(r, 'suppressed')).toEqual(['PTD003:6', 'PTD003:10']);
    expect(r.suppressed[0]!.suppression).toMatchObject({ kind: 'inSource', justification: 'runs Docker in Docker' });
    expect(r.suppressed[1]!.suppression!.justification).toBeUndefined();
  });

  it('Kubernetes: above a `- name:` item it covers that container, not the next one', async () => {
    const root = tempRepo({
      'k.yaml': [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:',
        '    # ptrace-doctor-ignore PTD001, PTD003',
        '    - name: dbg', '      image: x', '      command: ["dlv", "attach", "1"]', '      securityContext:', '        privileged: true',
        '    - name: other', '      image: x', '      command: ["strace", "-p", "1"]', '',
      ].join('\n'),
    });
    const r = await scan({ root });
    expect(at(r, 'suppressed')).toEqual(['PTD003:12']);
    // PTD001 of "other" is not covered; PTD001 named in the comment suppressed nothing in "dbg".
    expect(at(r)).toEqual(['PTD901:7', 'PTD001:13']);
    expect(r.findings.find((f) => f.ruleId === 'PTD901')!.message).toMatch(/suppresses nothing for PTD001/);
  });

  it('Makefile: above a target it covers the recipe, continuation lines included, and no other target', async () => {
    const make = [
      '# ptrace-doctor-ignore PTD003',
      'debug: build',
      '\tdocker run \\',
      '\t  --privileged img dlv attach 1',
      '',
      '\t@echo done',
      'other:',
      '\tdocker run --privileged img dlv attach 1',
      '',
    ].join('\n');
    const r = await scan({ root: tempRepo({ Makefile: make }) });
    expect(at(r, 'suppressed')).toEqual(['PTD003:4']);
    expect(at(r)).toEqual(['PTD003:8']);
    // Without the comment both are reported: the comment, not the layout, hides the first.
    const plain = await scan({ root: tempRepo({ Makefile: make.replace('# ptrace-doctor-ignore PTD003\n', '') }) });
    expect(at(plain)).toEqual(['PTD003:3', 'PTD003:7']);
  });

  it('Dockerfile: above FROM it covers the stage up to the next FROM', async () => {
    const root = tempRepo({
      Dockerfile: [
        '# ptrace-doctor-ignore PTD012 -- the build stage follows the Go image',
        'FROM golang:1.22 AS build',
        'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
        '',
        'FROM debian',
        'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
        'CMD ["dlv", "exec", "/app"]',
        '',
      ].join('\n'),
    });
    const r = await scan({ root });
    expect(at(r, 'suppressed')).toEqual(['PTD012:3']);
    expect(at(r)).toEqual(['PTD012:6']);
  });

  it('Dockerfile: a trailing shell comment on a RUN line covers that line', async () => {
    const root = tempRepo({ Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest # ptrace-doctor-ignore PTD012\nCMD ["dlv", "exec", "/app"]\n' });
    const r = await scan({ root });
    expect(at(r, 'suppressed')).toEqual(['PTD012:2']);
    expect(at(r)).toEqual([]);
  });

  it('a shell command: the comment covers its continuation lines', async () => {
    const root = tempRepo({ 'debug.sh': '# ptrace-doctor-ignore PTD003\ndocker run \\\n  --privileged \\\n  img dlv attach 1\n' });
    const r = await scan({ root });
    expect(at(r, 'suppressed')).toEqual(['PTD003:3']);
  });

  it('devcontainer.json: `//` above a property covers its whole value', async () => {
    const root = tempRepo({ '.devcontainer/devcontainer.json': '{\n  "image": "golang:1.22",\n  // ptrace-doctor-ignore PTD002 PTD003 -- a profiler needs both\n  "runArgs": [\n    "--privileged",\n    "--security-opt", "seccomp=unconfined"\n  ]\n}\n' });
    const r = await scan({ root });
    expect(at(r, 'suppressed')).toEqual(['PTD003:5', 'PTD002:6']);
    expect(r.suppressed.every((f) => f.suppression?.justification === 'a profiler needs both')).toBe(true);
  });

  it('comment lines stack; a blank line ends what a comment applies to', async () => {
    const compose = (sep: string) => `services:\n  # ptrace-doctor-ignore PTD003\n  # ptrace-doctor-ignore PTD007 -- the lab network only\n${sep}  dbg:\n    image: x\n    command: dlv exec /app --headless --listen=:2345\n    ports: ["2345:2345"]\n    privileged: true\n`;
    const stacked = await scan({ root: tempRepo({ 'compose.yaml': compose('') }) });
    expect(at(stacked, 'suppressed').map((s) => s.split(':')[0]).sort()).toEqual(['PTD003', 'PTD007']);
    expect(at(stacked)).toEqual([]);
    const apart = await scan({ root: tempRepo({ 'compose.yaml': compose('\n') }) });
    expect(apart.suppressed).toEqual([]);
    expect(at(apart)).toEqual(['PTD901:2', 'PTD901:3', 'PTD007:8', 'PTD003:9']);
  });

  it('a comment applies the same whether its file is named on the command line or the whole repository is scanned', async () => {
    const root = tempRepo({
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: dlv exec /app\n    cap_add: [SYS_PTRACE]\n',
      Dockerfile: 'FROM golang:1.22\n# ptrace-doctor-ignore PTD012 -- pinned by the base image\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n',
      'other/Dockerfile': 'FROM golang:1.22\n',
    });
    const whole = await scan({ root });
    expect(at(whole, 'suppressed')).toEqual(['PTD012:3']);
    // The Dockerfile named alone (as a pre-commit hook passes it): what makes it a debug image is in the Compose file.
    const named = await scan({ root, paths: ['Dockerfile'] });
    expect(at(named)).toEqual([]);
    expect(at(named, 'suppressed')).toEqual(['PTD012:3']);
    // The Compose file named alone: the finding is in the Dockerfile, which was not named.
    const compose = await scan({ root, paths: ['docker-compose.yml'] });
    expect([...at(compose), ...at(compose, 'suppressed')]).toEqual([]);
  });

  it('justfile: a recipe header (and the attributes above it) covers the indented body', () => {
    const text = ['set shell := ["bash", "-c"]', '', '# ptrace-doctor-ignore PTD003', '[linux]', 'debug target="api": build', '    docker run --privileged {{target}} dlv attach 1 # why', '', '    echo done', 'other:', '  true', ''].join('\n');
    const f = makeSourceFile('justfile', '/x/justfile', 'shell', text);
    const st = structureOf(f);
    const lineOf = (o: number) => positionAt(f, o).line;
    expect(lineOf(st.blockEnd(4)!)).toBe(8); // from the attribute line
    expect(lineOf(st.blockEnd(5)!)).toBe(8); // from the header
    expect(lineOf(st.blockEnd(9)!)).toBe(10);
    expect(st.comments.map((c) => text.slice(c.start, c.end))).toEqual(['# ptrace-doctor-ignore PTD003', '# why']);
    expect(isJustRecipe('build:')).toBe(true);
    expect(isJustRecipe('version := "1"')).toBe(false);
    expect(isJustRecipe('export PATH := "x"')).toBe(false);
    expect(isJustRecipe('  indented:')).toBe(false);
  });

  it('Makefile rule lines are told from assignments and directives', () => {
    for (const t of ['debug: build', 'a b: c', '$(OUT)/x: y', 'run-%:', '.PHONY: debug']) expect(isMakeRule(t), t).toBe(true);
    for (const t of ['A := b', 'A ::= b', 'A = b:c', 'A ?= x', 'ifeq ($(A),b)', 'export A: = b', '# a: b', '']) expect(isMakeRule(t), t).toBe(false);
  });
});

describe('PTD901: comments that suppress nothing', () => {
  it('a stale comment is a note with a fix that removes its line; an unknown rule name is reported too', async () => {
    const text = 'services:\n  # ptrace-doctor-ignore PTD003 -- was privileged once\n  dbg:\n    image: x\n    command: dlv exec /app\n    cap_add: [SYS_PTRACE]\n  web:  # ptrace-doctor-ignore PTD099\n    image: nginx\n';
    const r = await scan({ root: tempRepo({ 'docker-compose.yml': text }) });
    const notes = r.findings.filter((f) => f.ruleId === 'PTD901');
    expect(notes.map((f) => [brief(f).line, f.severity])).toEqual([[2, 'note'], [7, 'note']]);
    expect(notes[0]!.message).toMatch(/`ptrace-doctor-ignore PTD003 -- was privileged once` suppresses nothing for PTD003/);
    expect(notes[1]!.message).toMatch(/names no rule: PTD099/);
    const fixed = applyEdits(text, notes[0]!.fix!.edits);
    expect(fixed).toBe(text.replace('  # ptrace-doctor-ignore PTD003 -- was privileged once\n', ''));
    expect(notes[1]!.fix).toBeUndefined();
  });

  it('is not reported for a rule that did not run; a scan of the named file gives the whole scan\'s answer', async () => {
    const files = { 'docker-compose.yml': 'services:\n  # ptrace-doctor-ignore PTD003\n  dbg:\n    image: x\n    command: dlv exec /app\n    cap_add: [SYS_PTRACE]\n', 'Dockerfile': 'FROM golang:1.22\n' };
    const root = tempRepo(files);
    expect(at(await scan({ root }))).toEqual(['PTD901:2']);
    expect(at(await scan({ root, ignore: ['PTD003'] }))).toEqual([]);
    expect(at(await scan({ root, ignore: ['unused-suppression'] }))).toEqual([]);
    expect(at(await scan({ root, paths: ['docker-compose.yml'] }))).toEqual(['PTD901:2']);
    expect(at(await scan({ root, paths: ['Dockerfile'] }))).toEqual([]);
  });

  it('a directive naming no rule is unused when it suppresses nothing, used when it does', async () => {
    const r = await scan({ root: tempRepo({ 'debug.sh': '# ptrace-doctor-ignore\necho hi\n# ptrace-doctor-ignore\ndocker run --privileged img dlv attach 1\n' }) });
    expect(at(r)).toEqual(['PTD901:1']);
    expect(at(r, 'suppressed')).toEqual(['PTD003:4']);
  });
});

describe('suppressed findings in the reports', () => {
  it('text counts them, JSON lists them apart, SARIF carries `suppressions` with kind and justification', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { sarifValidator } = await import('../helpers/schemas.js');
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  # ptrace-doctor-ignore PTD003 -- nested containers need it\n  dind:\n    image: x\n    command: dlv attach 1\n    privileged: true\n  dbg:\n    image: x\n    command: strace -p 1\n' });
    const run = async (...args: string[]) => {
      let out = '';
      const code = await main([root, ...args], { stdout: (s) => { out += s; }, stderr: () => {}, cwd: root });
      return { code, out };
    };
    const text = await run('--no-color');
    expect(text.out).toMatch(/1 finding \(1 error, 0 warnings, 0 notes\); 1 fixable with --fix; 1 suppressed\n$/);
    const json = JSON.parse((await run('--format', 'json')).out);
    expect(json.counts).toMatchObject({ total: 1, suppressed: 1 });
    expect(json.suppressed[0]).toMatchObject({ ruleId: 'PTD003', suppression: { kind: 'inSource', justification: 'nested containers need it', location: { startLine: 2 } } });
    const sarif = JSON.parse((await run('--format', 'sarif')).out);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = sarif.runs[0].results as Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification?: string; location?: { physicalLocation: { region: { startLine: number } } } }> }>;
    expect(results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind ?? null])).toEqual([['PTD001', null], ['PTD003', 'inSource']]);
    // SARIF 2.1.0 §3.27.23: once one result of a run has `suppressions`, every result has it (empty: not suppressed).
    expect(results.every((r) => Array.isArray(r.suppressions))).toBe(true);
    expect(results[0]!.suppressions).toEqual([]);
    expect(results[1]!.suppressions![0]).toMatchObject({ justification: 'nested containers need it', location: { physicalLocation: { region: { startLine: 2 } } } });
    // Suppressed findings never fail the run.
    expect((await run('--fail-on', 'warning', 'docker-compose.yml')).code).toBe(1);
    const quiet = tempRepo({ 'docker-compose.yml': 'services:\n  # ptrace-doctor-ignore PTD003\n  dind:\n    image: x\n    command: dlv attach 1\n    privileged: true\n' });
    let out = '';
    expect(await main([quiet, '--fail-on', 'note', '--no-color'], { stdout: (s) => { out += s; }, stderr: () => {}, cwd: quiet })).toBe(0);
    expect(out).toBe('No debugger problems found (1 suppressed).\n');
  });
});

describe('a kind of file the suppression code does not know yet', () => {
  it('is read by extension (YAML, JSON) or as # comment lines, so new kinds of the model keep their comments', async () => {
    const { structureOf } = await import('../../src/suppress/structure.js');
    const unknown = (path: string, text: string) => structureOf(makeSourceFile(path, `/x/${path}`, 'toml-like' as unknown as 'shell', text));
    const toml = unknown('.air.toml', '[build]\n# ptrace-doctor-ignore PTD010\ncmd = "go build -o ./tmp/main ."\n');
    expect(toml.comments.map((c) => c.start)).toEqual([8]);
    expect(toml.blockEnd(3)).toBeUndefined();
    const yml = unknown('Taskfile.yml', 'tasks:\n  # ptrace-doctor-ignore\n  debug:\n    cmds: [dlv exec ./app]\n');
    expect(yml.comments).toHaveLength(1);
  });
});

describe('the kinds of file the linking model reads (justfile, Taskfile, README)', () => {
  it('a comment above a justfile recipe or a Taskfile task covers what it runs; the next recipe still reports', async () => {
    const root = tempRepo({
      justfile: [
        '# ptrace-doctor-ignore PTD003 -- the profiler needs it',
        'profile:',
        '    docker run --privileged img strace -p 1',
        '',
        'debug:',
        '    docker run --privileged img dlv attach 1',
        '',
      ].join('\n'),
      'Taskfile.yml': [
        'version: "3"',
        'tasks:',
        '  # ptrace-doctor-ignore PTD003',
        '  profile:',
        '    cmds:',
        '      - docker run --privileged img strace -p 1',
        '  debug:',
        '    cmds:',
        '      - docker run --privileged img dlv attach 1',
        '',
      ].join('\n'),
    });
    const r = await scan({ root });
    const where = (list: typeof r.findings) => list.filter((f) => f.ruleId === 'PTD003').map((f) => `${brief(f).path}:${brief(f).line}`).sort();
    expect(where(r.findings)).toEqual(['Taskfile.yml:9', 'justfile:6']);
    expect(where(r.suppressed)).toEqual(['Taskfile.yml:6', 'justfile:3']);
    expect(r.findings.filter((f) => f.ruleId === 'PTD901')).toEqual([]);
  });

  it('a `#` heading in a README is not a comment: a heading that reads like one suppresses nothing', () => {
    const f = makeSourceFile('README.md', '/x/README.md', 'markdown', '# ptrace-doctor-ignore PTD001\n\n```sh\ndocker build -t api .\n```\n');
    expect(structureOf(f).comments).toEqual([]);
  });
});
