/**
 * The text format, short by default and complete on demand (issue #19, item 8): per finding the
 * title line, one sentence of why, the rule page and the fix — at most four lines before the diff;
 * `--verbose` (`-v`) gives each finding's whole message and its related locations, as before.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../src/cli/main.js';
import { shortFix, shortWhy } from '../../src/report/common.js';
import { formatText } from '../../src/report/text.js';
import { FIXTURES, tempRepo } from '../helpers/repo.js';
import { file, finding } from '../action/helpers.js';

async function run(...args: string[]): Promise<string> {
  let out = '';
  await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, cwd: FIXTURES });
  return out;
}

/** The lines of each finding: its title line and the indented lines under it (up to the blank line). */
function blocks(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] | undefined;
  for (const line of text.split('\n')) {
    if (/^ {2}\d+:\d+ {2}/.test(line)) out.push((cur = [line]));
    else if (cur && line.startsWith('      ')) cur.push(line);
    else cur = undefined;
  }
  return out;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface JsonFinding {
  ruleId: string;
  message: string;
  short: string;
  fixHint?: string;
  helpUri: string;
  related: Array<{ message: string }>;
}

const fixtures = (dir: string): string[] =>
  readdirSync(join(FIXTURES, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${dir}/${d.name}`).sort();

describe('text: short by default', () => {
  it.each([...fixtures('rules'), ...fixtures('foundation')])('%s: at most four lines per finding before its diff, the full text only with --verbose', async (dir) => {
    const json = JSON.parse(await run(dir, '--format', 'json', '--fail-on', 'never')) as { findings: JsonFinding[] };
    const short = await run(dir, '--no-color', '--fail-on', 'never');
    const bs = blocks(short);
    expect(bs).toHaveLength(json.findings.length);
    json.findings.forEach((f, i) => {
      const b = bs[i]!;
      expect(b[0]).toContain(` ${f.ruleId} `);
      const diffAt = b.findIndex((l) => l.startsWith('      --- a/'));
      const head = diffAt < 0 ? b : b.slice(0, diffAt);
      expect(head.length, head.join('\n')).toBeLessThanOrEqual(4);
      // Why, the rule page, the fix: each one line.
      expect(head[1]).toBe(`      ${f.short}`);
      expect(f.short).not.toMatch(/\n/);
      expect(head).toContain(`      ${f.helpUri}`);
      expect(head.some((l) => l.startsWith('      Fix: ')), head.join('\n')).toBe(true);
      // Nothing after the diff starts but the diff.
      if (diffAt >= 0) expect(b.slice(diffAt).every((l) => /^ {6}(---|\+\+\+|@@|[-+ ])/.test(l))).toBe(true);
      // The full explanation and the related locations are left for --verbose.
      expect(b.some((l) => l.includes('↳'))).toBe(false);
      expect(oneLine(short)).not.toContain(oneLine(f.message));
    });
    const verbose = await run(dir, '--no-color', '--fail-on', 'never', '--verbose');
    for (const f of json.findings) {
      expect(oneLine(verbose)).toContain(oneLine(f.message));
      for (const r of f.related) expect(verbose).toContain(`: ${r.message}`);
    }
    expect(await run(dir, '--no-color', '--fail-on', 'never', '-v')).toBe(verbose);
    // The counts line is the same either way.
    expect(short.trimEnd().split('\n').at(-1)).toBe(verbose.trimEnd().split('\n').at(-1));
  });

  it('a rule without an automatic fix says the fix in words; one fixed by another finding\'s fix says which', async () => {
    const root = tempRepo({
      // PTD005: no automatic fix.
      'docker-compose.yml': 'services:\n  api:\n    image: golang:1.22\n    user: app\n    cap_add: [SYS_PTRACE]\n    command: ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n    ports: ["127.0.0.1:2345:2345"]\n',
      // PTD009 and PTD010 on one line: PTD010's fix makes both changes.
      'Dockerfile.debug': 'FROM golang:1.22 AS build\nRUN go build -ldflags "-s -w" -o /app ./cmd/app\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCMD ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n',
    });
    const out = await run(root, '--no-color', '--fail-on', 'never');
    const ptd005 = blocks(out).find((b) => b[0]!.includes('PTD005'))!;
    expect(ptd005[3]).toMatch(/^ {6}Fix: Launch the program under the debugger .* instead of attaching, or attach as root$/);
    const ptd009 = blocks(out).find((b) => b[0]!.includes('PTD009'))!;
    expect(ptd009[3]).toBe('      Fix: Made by the fix of PTD010 (Dockerfile.debug:2)');
  });

  it('the short text falls back on the message\'s first sentence, and keeps every line one line', () => {
    const f = file('docker-compose.yml', 'services:\n  api:\n    image: x\n');
    const plain = finding(f, 11, 14, { message: 'First sentence, with `dlv attach 1.2`.\nSecond sentence. Fix: do it.' });
    expect(shortWhy(plain)).toBe('First sentence, with `dlv attach 1.2`.');
    expect(shortWhy({ ...plain, short: 'Own\nsentence.' })).toBe('Own sentence.');
    expect(shortFix({ ...plain, fixHint: 'Do\nthis' }, false)).toBe('Do this');
    expect(shortFix(plain, false)).toBeUndefined();
    const text = formatText([{ ...plain, short: 'Why \x1b[31mred\x1b[0m.', fixHint: 'Hint' }]);
    expect(text).toContain('      Why \\x1b[31mred\\x1b[0m.\n');
    expect(text).toContain('      Fix: Hint\n');
    expect(formatText([plain], { verbose: true })).toContain('      First sentence, with `dlv attach 1.2`. Second sentence. Fix: do it.\n');
  });
});

describe('CLI: -v is --verbose, -V the version', () => {
  it('parses them', () => {
    expect(parseArgs(['-v']).verbose).toBe(true);
    expect(parseArgs(['--verbose', '.']).verbose).toBe(true);
    expect(parseArgs(['.']).verbose).toBe(false);
    expect(parseArgs(['-V']).command).toBe('version');
    expect(parseArgs(['--version']).command).toBe('version');
  });
  it('--help lists --verbose', async () => {
    expect(await run('--help')).toMatch(/-v, --verbose .*full explanation/);
  });
});
