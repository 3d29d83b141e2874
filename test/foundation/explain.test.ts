/**
 * The command line people meet first: explain, --list-rules, --help, usage
 * errors in one line, rule slugs wherever ids go, colour as NO_COLOR and
 * FORCE_COLOR say, and the embedded rule pages being those in docs/rules/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, useColor } from '../../src/cli/main.js';
import { DOCS_BASE, RULES } from '../../src/rules/index.js';
import { RULE_DOCS } from '../../src/rules/docs.generated.js';
import { ROOT, tempRepo } from '../helpers/repo.js';

async function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd: opts.cwd ?? ROOT, ...(opts.env ? { env: opts.env } : {}), ...(opts.isTTY !== undefined ? { isTTY: opts.isTTY } : {}) });
  return { code, out, err };
}

describe('rule pages', () => {
  it('every rule has a page with the same headings, and the bundles embed exactly docs/rules/', () => {
    const pages = readdirSync(join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    expect(pages).toEqual(RULES.map((r) => r.id).sort());
    for (const id of pages) {
      const text = readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/^References \/ Evidence$|^Evidence$/, 'Evidence'));
      for (const h of ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety', 'Evidence']) expect(headings, `${id}: ${h}`).toContain(h);
      expect(RULE_DOCS[id], id).toBe(text);
    }
    // The generator agrees that src/rules/docs.generated.ts is fresh (pages and the help rendered from them),
    // and makes links absolute against the same address the findings link to.
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/rule-docs.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(readFileSync(join(ROOT, 'scripts/rule-docs.mjs'), 'utf8')).toContain(`const DOCS_BASE = '${DOCS_BASE}';`);
  });
});

describe('ptrace-doctor explain', () => {
  it('renders a rule page for the terminal, by id or slug, with --explain too', async () => {
    const byId = await run(['explain', 'PTD007']);
    expect(byId.code).toBe(0);
    expect(byId.out).toMatch(/^PTD007: delve-api-exposed\n═+\n\nSeverity: error · Automatic fix: yes/);
    expect(byId.out).toContain('\nWhat it does\n────────────\n');
    // Code blocks indented, no fences; list items with bullets; links as text <url>.
    expect(byId.out).toContain('\n    services:\n      api:\n');
    expect(byId.out).toMatch(/\n {2}• published on every host interface: `"2345:2345"`/);
    expect(byId.out).toMatch(/https:\/\/docs\.docker\.com\/engine\/network\/#published-ports/);
    expect((await run(['explain', 'delve-api-exposed'])).out).toBe(byId.out);
    expect((await run(['--explain', 'ptd007'])).out).toBe(byId.out);
  });

  it('leaves no Markdown syntax in any page, in colour or not', async () => {
    for (const r of RULES) {
      for (const color of [false, true]) {
        const out = (await run(['explain', r.id, color ? '--color' : '--no-color'])).out;
        const plain = out.replace(/\x1b\[\d+m/g, '');
        // Prose lines (code blocks are indented by four or more and shown as written).
        const prose = plain.split('\n').filter((l) => !/^ {4}/.test(l)).join('\n');
        expect(prose, r.id).not.toMatch(/^#{1,6} |```|\*\*|\]\(|^ {0,3}[-*] /m);
        // Inline code: coloured, or (without colour) between backticks as finding messages write it.
        if (color) expect(prose, r.id).not.toMatch(/`[^`\n]+`/);
        expect(plain, r.id).not.toMatch(/&(amp|lt|gt|quot);/);
        expect(plain.includes('\x1b'), r.id).toBe(false);
        if (!color) expect(out, r.id).toBe(plain);
        else expect(out, r.id).toContain('\x1b[1m');
        if (!color && RULE_DOCS[r.id]!.includes('`')) expect(prose, r.id).toMatch(/`[^`\n]+`/);
      }
    }
    // Relative links become URLs: a path under docs/ means nothing in a terminal.
    expect((await run(['explain', 'PTD901'])).out.replace(/\s+/g, ' ')).toContain('README <https://github.com/ptrace-doctor/ptrace-doctor/blob/main/README.md#suppressing-a-finding>');
  });

  it('an unknown rule is exit 2 in one line', async () => {
    const r = await run(['explain', 'PTD099']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('ptrace-doctor: explain: unknown rule "PTD099" (ids such as PTD007 or slugs such as delve-api-exposed); see --list-rules\n');
    expect((await run(['explain'])).err).toMatch(/explain needs a rule.*; see --help\n$/);
  });

  it('works from the committed bundle (pages embedded, marked a chunk of it)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'explain', 'PTD003'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(out).toMatch(/^PTD003 — privileged-for-ptrace\n═+\n/);
  });
});

describe('--list-rules, --help and usage errors', () => {
  it('lists every rule with its id, slug, default severity and title', async () => {
    const r = await run(['--list-rules']);
    for (const rule of RULES) expect(r.out).toMatch(new RegExp(`^${rule.id} +${rule.slug} +${rule.defaultSeverity} +${rule.title.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it('--help names the formats, exit codes, environment and the comment syntax', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const f of ['compact', 'rdjson', 'codeclimate', 'sarif', 'github', 'json']) expect(r.out).toContain(f);
    expect(r.out).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
    expect(r.out).toContain('# ptrace-doctor-ignore PTD003 -- ');
    expect(r.out).toMatch(/NO_COLOR/);
    expect(r.out).toMatch(/FORCE_COLOR/);
    expect(r.out).toMatch(/^Usage: ptrace-doctor \[paths\.\.\.\] \[options\]\n {7}ptrace-doctor init/);
  });

  it('a usage error is one line that points at --help, not the help itself', async () => {
    for (const [args, msg] of [
      [['--nope'], 'unknown option --nope'],
      [['--format', 'xml'], '--format must be text, compact, json, sarif, github, rdjson or codeclimate (got "xml")'],
      [['--fail-on'], '--fail-on needs a value'],
      [['--ignore', 'PTD099'], '--ignore: unknown rule PTD099 (ids such as PTD010 or slugs such as debug-binary-optimized; see --list-rules)'],
      [['does/not/exist'], 'does/not/exist: no such file or directory'],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(`ptrace-doctor: ${msg}; see --help\n`);
      expect(r.out).toBe('');
    }
  });

  it('--ignore takes slugs as well as ids', async () => {
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  a:\n    image: x\n    command: strace -p 1\n    privileged: true\n' });
    const ids = async (...a: string[]) => (JSON.parse((await run([root, '--format', 'json', ...a])).out) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(await ids()).toEqual(['PTD003']);
    expect(await ids('--ignore', 'privileged-for-ptrace')).toEqual([]);
    expect(await ids('--ignore', 'ptd003')).toEqual([]);
  });
});

describe('colour', () => {
  it('--color/--no-color, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: 'true', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
  });

  it('the committed CLI colours its text output under FORCE_COLOR and not under NO_COLOR', () => {
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  a:\n    image: x\n    command: strace -p 1\n' });
    const env = (extra: Record<string, string>) => ({ ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...extra });
    const forced = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), root], { encoding: 'utf8', env: env({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toContain('\x1b[31m');
    const none = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), root], { encoding: 'utf8', env: env({ NO_COLOR: '1' }) });
    expect(none.stdout).not.toContain('\x1b[');
    // A pipe is not a terminal: no colour by default.
    expect(spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), root], { encoding: 'utf8', env: env({}) }).stdout).not.toContain('\x1b[');
  });
});
