/**
 * The output formats other tools read: compact (problem matchers), rdjson
 * (reviewdog), codeclimate (GitLab Code Quality), github (workflow
 * commands) and SARIF's rule metadata (security-severity, the full page as
 * help). Each is validated against a schema where one exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { applyEdits } from '../../src/fix/text.js';
import { draft07, sarifValidator } from '../helpers/schemas.js';
import { ROOT, tempRepo } from '../helpers/repo.js';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

// A service name with a character of 2 UTF-8 bytes and one outside the BMP (4 bytes, 2 UTF-16 units) before the findings.
const COMPOSE = [
  'services:',
  '  # café 𐐀',
  '  api:',
  '    image: x',
  '    command: ["dlv", "exec", "/app", "--headless", "--listen=:2345"]',
  '    ports:',
  '      - "2345:2345"  # 𐐀',
  '  worker:',
  '    image: y',
  '    command: strace -p 1',
  '',
].join('\n');

const schema = (name: string) => draft07(JSON.parse(readFileSync(join(ROOT, 'test/schemas', name), 'utf8')));

describe('compact', () => {
  it('one line per finding: path:line:col: severity RULE title', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE });
    const r = await run(root, '--format', 'compact');
    expect(r.out).toBe([
      'docker-compose.yml:3:3: note PTD001 Debugger container lacks SYS_PTRACE',
      'docker-compose.yml:7:9: error PTD007 The delve API is reachable from other machines',
      'docker-compose.yml:8:3: error PTD001 Debugger container lacks SYS_PTRACE',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    // What a problem matcher's pattern reads back.
    const m = /^(.+):(\d+):(\d+): (error|warning|note) (PTD\d{3}) (.+)$/.exec(r.out.split('\n')[1]!);
    expect(m?.slice(1)).toEqual(['docker-compose.yml', '7', '9', 'error', 'PTD007', 'The delve API is reachable from other machines']);
  });
});

describe('rdjson (reviewdog)', () => {
  it('validates against the Diagnostic format, with UTF-8 byte columns and suggestions that make the fix', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE });
    const rd = JSON.parse((await run(root, '--format', 'rdjson')).out);
    const v = schema('rdjson.schema.json');
    expect(v(rd), JSON.stringify(v.errors)).toBe(true);
    expect(rd.source.name).toBe('ptrace-doctor');
    const [, exposed, cap] = rd.diagnostics as Array<{ message: string; severity: string; code: { value: string; url: string }; location: { path: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }; suggestions?: Array<{ range: { start: { line: number; column: number }; end: { line: number; column: number } }; text: string }> }>;
    expect(exposed!.code).toEqual({ value: 'PTD007', url: 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/PTD007.md' });
    expect(exposed!.severity).toBe('ERROR');
    // `- "2345:2345"` starts at character 9 of line 7; the range ends after the closing quote (exclusive).
    expect(exposed!.location.range).toEqual({ start: { line: 7, column: 9 }, end: { line: 7, column: 20 } });
    // Applying each suggestion (UTF-8 columns, exclusive end) gives what --fix writes.
    const apply = (text: string, s: NonNullable<typeof exposed>['suggestions']): string => {
      const lines = text.split('\n');
      const offset = (p: { line: number; column: number }): number => {
        const before = lines.slice(0, p.line - 1).reduce((a, l) => a + Buffer.byteLength(l, 'utf8') + 1, 0);
        return before + p.column - 1;
      };
      const buf = Buffer.from(text, 'utf8');
      const sug = s![0]!;
      return Buffer.concat([buf.subarray(0, offset(sug.range.start)), Buffer.from(sug.text, 'utf8'), buf.subarray(offset(sug.range.end))]).toString('utf8');
    };
    const fixedExposed = apply(COMPOSE, exposed!.suggestions);
    expect(fixedExposed).toBe(COMPOSE.replace('- "2345:2345"', '- "127.0.0.1:2345:2345"'));
    expect(cap!.code.value).toBe('PTD001');
    const fixedCap = apply(COMPOSE, cap!.suggestions);
    expect(fixedCap).toContain('    command: strace -p 1\n    cap_add:\n      - SYS_PTRACE\n');
    // The same text as the finding's own fix (its edits, from the JSON output) makes.
    const json = JSON.parse((await run(root, '--format', 'json')).out) as { findings: Array<{ ruleId: string; location: { startLine: number }; fix: { edits: Array<{ start: number; end: number; text: string }> } }> };
    for (const [d, line] of [[cap!, 8], [exposed!, 7]] as const) {
      const edits = json.findings.find((f) => f.location.startLine === line)!.fix.edits;
      expect(apply(COMPOSE, d.suggestions)).toBe(applyEdits(COMPOSE, edits.map((e) => ({ ...e, path: 'docker-compose.yml' }))));
    }
  });

  it('columns count UTF-8 bytes: a finding after "𐐀" on its line', async () => {
    const root = tempRepo({ 'debug.sh': 'echo "𐐀é"; docker run --privileged img dlv attach 1\n' });
    const rd = JSON.parse((await run(root, '--format', 'rdjson')).out);
    const d = rd.diagnostics.find((x: { code: { value: string } }) => x.code.value === 'PTD003');
    // `--privileged` starts after 'echo "' (6) + 𐐀 (4 bytes) + é (2) + '"; docker run ' (14): byte 27, column 27.
    expect(d.location.range.start).toEqual({ line: 1, column: 27 });
    expect(d.location.range.end).toEqual({ line: 1, column: 39 });
    const compact = (await run(root, '--format', 'compact')).out;
    // compact (like SARIF and the text output) counts UTF-16 units, as editors do: 6 + 2 + 1 + 14 + 1.
    expect(compact).toMatch(/^debug\.sh:1:24: warning PTD003 /);
  });
});

describe('codeclimate (GitLab Code Quality)', () => {
  it('validates against GitLab\'s documented fields, unique fingerprints, PTD007 critical', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE, 'Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD ["dlv", "exec", "/app"]\n' });
    const cq = JSON.parse((await run(root, '--format', 'codeclimate')).out) as Array<{ check_name: string; severity: string; fingerprint: string; categories: string[]; location: { path: string; lines: { begin: number } } }>;
    const v = schema('gitlab-codequality.schema.json');
    expect(v(cq), JSON.stringify(v.errors)).toBe(true);
    expect(cq.map((i) => [i.check_name, i.severity, i.categories[0], `${i.location.path}:${i.location.lines.begin}`])).toEqual([
      ['PTD012', 'info', 'Bug Risk', 'Dockerfile:2'],
      ['PTD001', 'info', 'Bug Risk', 'docker-compose.yml:3'],
      ['PTD007', 'critical', 'Security', 'docker-compose.yml:7'],
      ['PTD001', 'major', 'Bug Risk', 'docker-compose.yml:8'],
    ]);
    expect(new Set(cq.map((i) => i.fingerprint)).size).toBe(cq.length);
    // The schema can fail.
    expect(v([{ ...cq[0], severity: 'high' }])).toBe(false);
  });
});

describe('github workflow commands', () => {
  it('carry col and endColumn on one-line findings and the rule page in the message', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE });
    const lines = (await run(root, '--format', 'github')).out.trim().split('\n');
    expect(lines[1]).toBe('::error file=docker-compose.yml,line=7,endLine=7,col=9,endColumn=20,title=PTD007 The delve API is reachable from other machines::' + lines[1]!.split('::')[2]);
    expect(lines[1]).toMatch(/%0A%0Ahttps%3A|%0A%0Ahttps:\/\/github\.com\/ptrace-doctor\/ptrace-doctor\/blob\/main\/docs\/rules\/PTD007\.md$/);
  });
});

describe('SARIF rule metadata', () => {
  it('security-severity for the security rules, the whole rule page as help, valid against the schema', async () => {
    const root = tempRepo({ 'docker-compose.yml': COMPOSE });
    const sarif = JSON.parse((await run(root, '--format', 'sarif')).out);
    const v = sarifValidator();
    expect(v(sarif), JSON.stringify(v.errors)).toBe(true);
    const rules = new Map((sarif.runs[0].tool.driver.rules as Array<{ id: string; help: { text: string; markdown: string }; properties: { tags: string[]; 'security-severity'?: string } }>).map((r) => [r.id, r]));
    expect(rules.get('PTD007')!.properties['security-severity']).toBe('8.8');
    for (const id of ['PTD002', 'PTD003']) {
      const s = Number(rules.get(id)!.properties['security-severity']);
      expect(s, id).toBeGreaterThanOrEqual(4.0);
      expect(s, id).toBeLessThanOrEqual(6.9);
    }
    expect(rules.get('PTD007')!.properties.tags).toContain('security');
    // Debuggability rules are not security alerts.
    expect(rules.get('PTD001')!.properties['security-severity']).toBeUndefined();
    const page = readFileSync(join(ROOT, 'docs/rules/PTD901.md'), 'utf8');
    const help = rules.get('PTD901')!.help;
    // The page itself, its relative links pointing at the repository.
    expect(help.markdown).toBe(page.replace('](../../README.md#suppressing-a-finding)', '](https://github.com/ptrace-doctor/ptrace-doctor/blob/main/README.md#suppressing-a-finding)'));
    expect(help.markdown).not.toMatch(/\]\(\.\.?\//);
    // help.text: the same page without Markdown syntax.
    expect(help.text).toMatch(/^PTD901: unused-suppression\n═+\n/);
    expect(help.text).not.toMatch(/^#|```|\*\*/m);
    expect(help.text.replace(/\s+/g, ' ')).toContain('README <https://github.com/ptrace-doctor/ptrace-doctor/blob/main/README.md#suppressing-a-finding>');
    for (const [id, r] of rules) expect(r.help.markdown, id).toBe(readFileSync(join(ROOT, `docs/rules/${id}.md`), 'utf8').replace(/\]\((\.\.\/[^)]+|[A-Z][^):]*\.md[^)]*)\)/g, (_m, href: string) => `](${new URL(href, 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/').href})`));
  });
});
