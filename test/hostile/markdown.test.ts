/**
 * Markdown injection (issue 8): values from the repository — service names,
 * paths, image names, commands — reach the Action's review comments, summary
 * comment and job summary. Whatever they hold, they cannot break out of a
 * table cell, a code block or a suggestion, open HTML, or mention a user or
 * a team.
 *
 * Two layers: properties of the escaping helpers (src/report/markdown.ts) on
 * arbitrary strings, then the real builders (src/report/github.ts) on what
 * the engine reports for a repository full of hostile names.
 *
 * Checks follow GitHub's renderer (cmark-gfm): a `|` preceded by `\` never
 * splits a table cell (even inside a code span); a line starting with
 * `<details>` opens an HTML block in which Markdown, code spans included, is
 * not interpreted; @mentions are linked in any text outside code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMessage, escapeText, hiddenMarker, inlineCode, markerValue, GITHUB_BODY_LIMIT } from '../../src/report/markdown.js';
import { commentBody, fixDiff, summaryMarkdown, suggestionCandidates, type SummaryRow } from '../../src/report/github.js';
import { scan } from '../../src/engine.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';
import type { Finding } from '../../src/types.js';

const SEED = Number(process.env.FC_SEED ?? 20260808);
const docUrl = (id: string): string => `https://example.test/docs/rules/${id}.md`;

const HOSTILE = [
  '|', '\\|', '\\', '`', '``', '```', '````', '~~~', '\n', '\r\n', '\r', '<', '>', '&', '<img src=x onerror=alert(1)>', '<script>', '</details>', '</summary>', '<!--', '-->',
  '@octocat', '@org/team', '@', '#1', 'GH-1', 'org/repo#2', '[x](javascript:alert(1))', '![i](https://evil.example/p.png)', '<https://evil.example>', 'https://evil.example',
  '**', '_', '~', '# ', '> ', '- ', '1. ', '---', '===', '    ', '\t', ':shipit:', '\u200d', '\u2028', '&#64;octocat', '&lt;', '\\`', '$', '{', '}',
];
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join('')),
);

/** A mention GitHub would link: @ then a login character, not inside code. */
const MENTION = /(^|\W)@[A-Za-z0-9]/;

/** Pipes that would split a GFM table cell: not preceded by a backslash. */
function cellSplits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === '|' && s[i - 1] !== '\\') n++;
  return n;
}

/** Removes inline code spans (as CommonMark matches them: equal-length backtick runs). */
function stripCodeSpans(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\\') { out += s.slice(i, i + 2); i += 2; continue; }
    if (s[i] !== '`') { out += s[i]; i++; continue; }
    let j = i;
    while (s[j] === '`') j++;
    const run = s.slice(i, j);
    const close = s.slice(j).search(new RegExp(`(?<!\`)${run}(?!\`)`));
    if (close < 0) { out += run; i = j; continue; }
    i = j + close + run.length;
  }
  return out;
}

/** Splits a body into fenced code blocks and the Markdown between them. */
function fences(md: string): { blocks: { fence: string; info: string; body: string }[]; prose: string[]; unclosed: boolean } {
  const lines = md.split('\n');
  const blocks: { fence: string; info: string; body: string }[] = [];
  const prose: string[] = [];
  let open: { fence: string; info: string; body: string[] } | undefined;
  for (const l of lines) {
    if (open) {
      const m = /^ {0,3}(`{3,})\s*$/.exec(l);
      if (m && m[1]!.length >= open.fence.length) {
        blocks.push({ fence: open.fence, info: open.info, body: open.body.join('\n') });
        open = undefined;
      } else open.body.push(l);
      continue;
    }
    const m = /^ {0,3}(`{3,})([^`]*)$/.exec(l);
    if (m) open = { fence: m[1]!, info: m[2]!.trim(), body: [] };
    else prose.push(l);
  }
  return { blocks, prose, unclosed: open !== undefined };
}

const ALLOWED_TAG = /^<(\/?(details|summary)|br|!-- ptrace-doctor:[^>]*--)>$/;

/** Raw HTML tags and mentions in the prose of a body (outside fenced code; code spans count only outside HTML blocks). */
function proseProblems(md: string): string[] {
  const { prose, unclosed } = fences(md);
  const problems: string[] = [];
  if (unclosed) problems.push('an unclosed code fence');
  for (const line of prose) {
    // A line starting with <details>/<summary> is an HTML block: backticks there are not code.
    const htmlBlock = /^ {0,3}<\/?(details|summary)[\s/>]/i.test(line);
    const text = htmlBlock ? line : stripCodeSpans(line);
    for (const tag of text.match(/<[^<>]*>?/g) ?? []) if (!ALLOWED_TAG.test(tag)) problems.push(`raw HTML ${JSON.stringify(tag)} in ${JSON.stringify(line.slice(0, 200))}`);
    if (MENTION.test(text.replace(/<!-- ptrace-doctor:[^>]*-->/g, ''))) problems.push(`a mention in ${JSON.stringify(line.slice(0, 200))}`);
  }
  return problems;
}

describe('escaping helpers on arbitrary strings', () => {
  it('escapeText: one line, no raw HTML, no mention, no issue reference, every pipe escaped', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (s, table) => {
        const out = escapeText(s, { table });
        expect(out).not.toMatch(/[\r\n]/);
        expect(out.replace(/<br>/g, '')).not.toMatch(/[<>]/);
        expect(out).not.toMatch(MENTION);
        expect(out).not.toMatch(/#\d/);
        expect(cellSplits(out)).toBe(0);
        expect(out).not.toMatch(/(^|[^\\])[[\]()`*_]/);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('inlineCode: one span that its content cannot close; in a table no pipe splits the cell', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (s, table) => {
        const out = inlineCode(s, { table });
        expect(out).not.toMatch(/[\r\n]/);
        if (table) expect(cellSplits(out)).toBe(0);
        if (s.replace(/[\r\n]/g, '') === '') return;
        const ticks = /^`+/.exec(out)![0];
        expect(out.endsWith(ticks)).toBe(true);
        const inner = out.slice(ticks.length, out.length - ticks.length);
        // No backtick run of the fence's length inside: the span closes only at its end.
        expect(inner.split(/[^`]+/).some((run) => run.length === ticks.length)).toBe(false);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('escapeMessage: a table cell stays one cell, and nothing outside code spans opens HTML or mentions', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const out = escapeMessage(s, { table: true });
        expect(out).not.toMatch(/[\r\n]/);
        expect(cellSplits(out)).toBe(0);
        const prose = stripCodeSpans(out);
        expect(prose.replace(/<br>/g, '')).not.toMatch(/[<>]/);
        expect(prose).not.toMatch(MENTION);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('codeBlock: the fence closes exactly once, at the end, and the content is kept', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom('', 'suggestion', 'diff'), (s, lang) => {
        const md = `before\n\n${codeBlock(s, lang)}\n\nafter @octocat`;
        const { blocks, unclosed } = fences(md);
        expect(unclosed).toBe(false);
        expect(blocks).toHaveLength(1);
        expect(blocks[0]!.info).toBe(lang);
        expect(blocks[0]!.body).toBe(s.replace(/\r\n?/g, '\n').replace(/\n$/, ''));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('hiddenMarker and markerValue: the comment cannot be closed early', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const m = hiddenMarker(`x ${s}`);
        expect(m.startsWith('<!-- ') && m.endsWith(' -->')).toBe(true);
        // CommonMark ends an HTML comment block at the first -->, HTML also at --!>: neither can occur early.
        expect(m.slice(4, -3)).not.toMatch(/>/);
        expect(m.indexOf('-->')).toBe(m.length - 3);
        expect(markerValue(s)).toMatch(/^[A-Za-z0-9._:/#+=%]*$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The builders, on what the engine reports for a hostile repository

const EVIL = '@octocat <img src=x onerror=alert(1)> | `x` ``` </details> [l](javascript:alert(1)) #1 @org/team';
const EVIL_YAML = JSON.stringify(EVIL);

function hostileRepo(): string {
  return tempRepo({
    // Path, service name, image, command and ports all carry hostile text.
    '<b>@octocat</b> | `x` #1/docker-compose.yml': [
      'services:',
      `  ${EVIL_YAML}:`,
      `    image: ${EVIL_YAML}`,
      `    command: ["dlv", "attach", "1", "--headless", "--listen=127.0.0.1:2345", ${EVIL_YAML}]`,
      '    ports:',
      '      - "2345:2345"',
      '  "svc`<img src=//evil.example/t.png>`@octocat`x`":',
      '    image: x',
      `    command: strace -p 1 ${EVIL.replace(/[`"\\]/g, '')}`,
      '    privileged: true',
      '  "m`@octocat`m":',
      '    image: x',
      '    command: strace -p 1',
      '    privileged: true',
      '',
    ].join('\n'),
    'k8s/debug.yaml': [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      `  name: ${EVIL_YAML}`,
      'spec:',
      '  containers:',
      `    - name: ${EVIL_YAML}`,
      `      image: ${EVIL_YAML}`,
      `      command: ["dlv", "attach", "1", ${EVIL_YAML}]`,
      '',
    ].join('\n'),
    '.devcontainer/devcontainer.json': `{ "name": ${EVIL_YAML}, "image": ${EVIL_YAML}, "runArgs": ["--security-opt", "seccomp=unconfined"], "postStartCommand": ${JSON.stringify('strace -p 1 ' + EVIL)}, "customizations": { "vscode": { "extensions": ["golang.go"] } } }\n`,
    'Makefile': `debug:\n\tdocker run --rm --privileged ${EVIL.replace(/[`"\\|<>#]/g, '')} dlv attach 1\n`,
  });
}

describe('GitHub reports built from a hostile repository', () => {
  async function scanHostile(): Promise<{ findings: Finding[]; rows: SummaryRow[] }> {
    const r = await scan({ root: hostileRepo() });
    const files = new Map(r.files.map((f) => [f.path, f]));
    const findings = r.findings.filter((f) => f.ruleId !== 'PTD900');
    expect(findings.length).toBeGreaterThan(4);
    const rows = findings.map((f) => {
      const d = fixDiff(f, files, (p) => p);
      return { finding: f, location: `${toLocation(f.span).path}:${toLocation(f.span).startLine}`, where: 'summary' as const, ...(d ? { diff: d } : {}) };
    });
    return { findings, rows };
  }

  it('review comments: the suggestion block holds exactly the fixed lines; no raw HTML or mention escapes', async () => {
    const { findings } = await scanHostile();
    let suggestions = 0;
    for (const f of findings) {
      const [s] = suggestionCandidates(f, f.span.file);
      const body = commentBody({ finding: f, docUrl, ...(s ? { suggestion: s } : {}) });
      expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(proseProblems(body), body).toEqual([]);
      const { blocks } = fences(body);
      if (s) {
        suggestions++;
        const sug = blocks.filter((b) => b.info === 'suggestion');
        expect(sug).toHaveLength(1);
        expect(sug[0]!.body).toBe(s.text);
      }
    }
    expect(suggestions).toBeGreaterThan(0);
  });

  it('the summary table keeps one row per finding and four cells per row; diffs stay inside their fences', async () => {
    const { findings, rows } = await scanHostile();
    const md = summaryMarkdown({ rows, docUrl, scope: 'all', sticky: true, diffs: 'all', limit: GITHUB_BODY_LIMIT, notes: [`note with ${EVIL}`] });
    const { blocks, prose, unclosed } = fences(md);
    expect(unclosed).toBe(false);
    const tableRows = prose.filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));
    expect(tableRows).toHaveLength(findings.length);
    for (const l of tableRows) expect(cellSplits(l), l).toBe(5);
    expect(blocks.filter((b) => b.info === 'diff').length).toBe(rows.filter((r) => r.diff).length);
    // Table rows and notes: no raw HTML, no mention (the <details> lines are checked in the next test).
    expect(proseProblems(prose.filter((l) => !/^<details>/.test(l)).join('\n'))).toEqual([]);
  });

  // BUG (src/report/github.ts, summaryMarkdown): the "Fixes" section puts each fix description on a
  // `<details><summary>…</summary>` line. That line is an HTML block, where GitHub does not parse
  // Markdown, so the code spans escapeMessage keeps (`…`, content unescaped) are raw HTML there:
  // a service named "svc`<img src=//evil.example/t.png>`@octocat`x`" injects an <img> and mentions
  // @octocat in the job summary and the sticky PR comment. escapeText's backslash escapes also show
  // literally in that line ("docker\-compose\.yml"). Fix: in <summary>, HTML-escape everything and
  // defuse mentions without keeping code spans (e.g. escapeText without the Markdown backslashes,
  // or <code> with HTML-escaped, defused content). Marked `fails` until the Action's code is fixed.
  it('the <details><summary> line of a fix holds no raw HTML and no mention', async () => {
    const { rows } = await scanHostile();
    const md = summaryMarkdown({ rows, docUrl, scope: 'all', sticky: false, diffs: 'all', limit: GITHUB_BODY_LIMIT });
    const summaries = md.split('\n').filter((l) => l.startsWith('<details>'));
    expect(summaries.length).toBeGreaterThan(0);
    if (process.env.PTD_SHOW) console.log(summaries.join('\n'), proseProblems(summaries.join('\n')));
    expect(proseProblems(summaries.join('\n'))).toEqual([]);
  });
});
