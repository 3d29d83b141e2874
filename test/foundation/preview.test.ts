/**
 * The preview is the result (#19 item 1): the fixes a scan offers — the same
 * edits the text diff, JSON fix.edits, SARIF fixes and PR suggestions show —
 * applied together to the files as scanned are byte for byte what --fix
 * writes, and "Fixed N findings" counts the findings offered a fix.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { applyEdits } from '../../src/fix/text.js';
import { validate } from '../../src/fix/validate.js';
import type { TextEdit } from '../../src/types.js';
import { FIXTURES, ROOT, copyFixture, tempRepo } from '../helpers/repo.js';

async function previewIsResult(root: string): Promise<{ fixed: number; offered: number }> {
  const r = await scan({ root });
  const previewed = new Map<string, TextEdit[]>();
  for (const f of r.findings) for (const e of f.fix?.edits ?? []) previewed.set(e.path, [...(previewed.get(e.path) ?? []), e]);
  const out = await applyFixes({ root, write: true });
  expect(out.changed.map((c) => c.path).sort()).toEqual([...previewed.keys()].sort());
  for (const c of out.changed) {
    expect(applyEdits(c.before, previewed.get(c.path)!), c.path).toBe(c.after);
    // On disk too.
    expect(readFileSync(join(root, c.path), 'utf8').replace(/^\ufeff/, '')).toBe(c.after);
    const file = r.files.find((x) => x.path === c.path);
    if (file) expect(validate(file.kind, c.after), `${c.path} parses`).toBeUndefined();
  }
  const offered = r.findings.filter((f) => f.fix).length;
  // Every finding counted as fixed was offered a fix, or is fixed by another's (it says so).
  for (const f of out.fixed) expect(!!f.fix || f.related.some((x) => /^Fixed together with /.test(x.message))).toBe(true);
  return { fixed: out.fixed.length, offered };
}

describe('the preview is the result', () => {
  it('the issue\'s example: a Compose dev container with --cap-add and seccomp=unconfined in runArgs is one fix, and --fix writes it', async () => {
    const root = tempRepo({
      '.devcontainer/devcontainer.json': '{\n  "name": "api",\n  "dockerComposeFile": ["../compose.yaml"],\n  "service": "api",\n  // for the debugger\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"]\n}\n',
      'compose.yaml': 'services:\n  api:\n    image: golang:1.22\n    command: sleep infinity\n',
    });
    const r = await scan({ root });
    const fixes = r.findings.filter((f) => f.fix);
    expect(fixes.map((f) => f.ruleId)).toEqual(['PTD004']);
    expect(fixes[0]!.message).toContain('`--cap-add=SYS_PTRACE` and `--security-opt seccomp=unconfined` never reach the container');
    expect(fixes[0]!.related.map((x) => x.message)).toEqual(['`--security-opt seccomp=unconfined` is ignored too.']);
    const { fixed } = await previewIsResult(root);
    expect(fixed).toBe(1);
    const after = readFileSync(join(root, '.devcontainer/devcontainer.json'), 'utf8');
    expect(after).toContain('"capAdd": ["SYS_PTRACE"]');
    expect(after).not.toContain('seccomp');
    expect(after).toContain('// for the debugger');
    expect((await scan({ root })).findings.filter((f) => f.fix)).toEqual([]);
  });

  it('two fixes on one line are one fix; privileged and seccomp=unconfined on one service are folded into one change', async () => {
    const a = tempRepo({ 'Dockerfile.debug': 'FROM golang:1.22 AS build\nRUN go build -ldflags "-s -w" -o /app .\nFROM debian\nCOPY --from=build /app /app\nCMD ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n' });
    expect(await previewIsResult(a)).toEqual({ fixed: 2, offered: 1 });
    const b = tempRepo({ 'compose.yaml': 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n    privileged: true\n    security_opt:\n      - seccomp:unconfined\n' });
    const res = await previewIsResult(b);
    expect(res.fixed).toBe(2);
    expect(readFileSync(join(b, 'compose.yaml'), 'utf8')).toBe('services:\n  dbg:\n    image: x\n    command: dlv attach 1\n    cap_add:\n      - SYS_PTRACE\n');
  });

  it('a file of many services each with privileged and seccomp=unconfined: every finding is fixed, each by its own service\'s change', async () => {
    // More services than are ever tried one fix at a time: the fixes that clash (two `cap_add:` keys) are found
    // from the parser's problem offsets and folded in a later round, not by a whole-file parse per fix.
    const n = 60;
    let text = 'services:\n';
    for (let i = 0; i < n; i++) text += `  svc${i}:\n    image: acme/svc${i}:debug\n    privileged: true\n    security_opt:\n      - seccomp:unconfined\n    command: dlv attach 1\n`;
    const root = tempRepo({ 'compose.yaml': text });
    const r = await scan({ root });
    const offered = r.findings.filter((f) => f.fix);
    expect(offered.length).toBeGreaterThanOrEqual(n);
    // One service's change per edit: no edit spans two services.
    for (const f of offered) for (const e of f.fix!.edits) expect(text.slice(e.start, e.end).match(/^ {2}svc\d+:/gm)?.length ?? 0).toBeLessThanOrEqual(1);
    const res = await previewIsResult(root);
    expect(res.fixed).toBe(2 * n);
    const after = readFileSync(join(root, 'compose.yaml'), 'utf8');
    expect(after).not.toContain('privileged');
    expect(after).not.toContain('seccomp');
    expect(after.match(/cap_add:\n {6}- SYS_PTRACE\n/g)?.length).toBe(n);
    expect((await scan({ root })).findings.filter((f) => f.fix)).toEqual([]);
  });

  it('a repeated entry (`[seccomp:unconfined, seccomp:unconfined]`) next to held-back fixes: both go, and each change has the finding that asked for it', async () => {
    // The second entry, once the first is fixed, is numbered as the first was: the fold must still take it.
    const text = 'services:\n    worker:\n        image: dlv\n        command: dlv attach 1 --headless --listen=:2345 --api-version=2\n        privileged: true\n        security_opt: [seccomp:unconfined, seccomp:unconfined]\n        user: "root"\n';
    const root = tempRepo({ 'docker-compose.yml': text });
    const r = await scan({ root });
    const ptd008 = r.findings.find((f) => f.ruleId === 'PTD008')!;
    expect(ptd008.fix?.edits.map((e) => e.text).join('')).toContain('127.0.0.1:2345:2345');
    const res = await previewIsResult(root);
    expect(res.fixed).toBe(4);
    const after = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(after).not.toContain('seccomp');
    expect(after).not.toContain('privileged');
    expect(validate('compose', after)).toBeUndefined();
    expect((await scan({ root })).findings).toEqual([]);
  });

  it('two launches of one image (a Compose service and a docker run) that need the same Dockerfile change: one finding with one change, naming the other launch', async () => {
    const root = tempRepo({
      'Dockerfile.debug': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCMD ["dlv", "exec", "/app", "--headless", "--listen=127.0.0.1:2345"]\n',
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile.debug\n    ports:\n      - "127.0.0.1:2345:2345"\n',
      Makefile: 'debug:\n\tdocker build -t acme/api-debug -f Dockerfile.debug .\n\tdocker run --rm -p 127.0.0.1:2345:2345 acme/api-debug\n',
    });
    const r = await scan({ root });
    const ptd006 = r.findings.filter((f) => f.ruleId === 'PTD006');
    // One place, one finding (a review posts it once): the other launch that reads these lines is named in it.
    expect(ptd006).toHaveLength(1);
    expect(ptd006[0]!.fix).toBeDefined();
    expect(ptd006[0]!.related.map((x) => x.message).join(' ')).toMatch(/The same holds for (service "api" \(compose\.yaml:2\)|`docker run acme\/api-debug` \(Makefile:3\)), which uses these same lines\./);
    const res = await previewIsResult(root);
    expect(res.fixed).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(root, 'Dockerfile.debug'), 'utf8')).toContain('"--listen=:2345"');
    expect((await scan({ root })).findings.filter((f) => f.ruleId === 'PTD006')).toEqual([]);
  });

  it('holds on every fixture and every corpus case', async () => {
    const dirs = [
      ...readdirSync(join(FIXTURES, 'rules')).map((d) => `rules/${d}`),
      ...readdirSync(join(FIXTURES, 'foundation')).map((d) => `foundation/${d}`),
    ];
    let fixed = 0;
    for (const d of dirs) fixed += (await previewIsResult(copyFixture(d))).fixed;
    const cases = join(ROOT, 'test', 'corpus', 'cases');
    for (const c of readdirSync(cases)) {
      if (!existsSync(join(cases, c, 'repo'))) continue;
      fixed += (await previewIsResult(copyFixture(join('..', 'corpus', 'cases', c, 'repo')))).fixed;
    }
    expect(fixed).toBeGreaterThan(100);
  }, 180_000);
});
