import { describe, expect, it } from 'vitest';
import { annotationsFor, commentBody, fixDiff, parseCommentMeta, relocatedCandidates, suggestionCandidates, summaryMarkdown } from '../../src/report/github.js';
import { escapeMessage } from '../../src/report/markdown.js';
import { COMPOSE, composeFix, docUrl, file, finding } from './helpers.js';

describe('suggestions', () => {
  it('an insertion at the end of a file is anchored on the last line', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const s = suggestionCandidates(finding(f, 10, 15, { edits: composeFix(f) }), f);
    expect(s).toEqual([{ path: 'docker-compose.yml', startLine: 7, endLine: 7, text: '      - "127.0.0.1:2345:2345"\n    cap_add:\n      - SYS_PTRACE' }]);
  });
  it('an insertion between lines offers the line after, then the line before', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const at = f.lineStarts[3]!; // before line 4
    const s = suggestionCandidates(finding(f, 10, 15, { edits: [{ path: f.path, start: at, end: at, text: '    cap_add: [SYS_PTRACE]\n' }] }), f);
    expect(s.map((x) => [x.startLine, x.endLine, x.text])).toEqual([
      [4, 4, '    cap_add: [SYS_PTRACE]\n    image: example/api:dev'],
      [3, 3, '    build: .\n    cap_add: [SYS_PTRACE]'],
    ]);
  });
  it('a whole-line replacement spanning two lines is a two-line suggestion', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const s = suggestionCandidates(finding(f, 10, 15, { edits: [{ path: f.path, start: f.lineStarts[2]!, end: f.lineStarts[4]!, text: '    build: .\n    image: other\n' }] }), f);
    expect(s).toEqual([{ path: f.path, startLine: 3, endLine: 4, text: '    build: .\n    image: other' }]);
  });
  it('fixes that edit several files are never suggestions', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const edits = [...composeFix(f), { path: 'Dockerfile', start: 0, end: 0, text: 'X\n' }];
    expect(suggestionCandidates(finding(f, 0, 1, { edits }), f)).toEqual([]);
  });
  it('relocates a YAML insertion within its block only when the data is unchanged', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const fnd = finding(f, 10, 15, { edits: composeFix(f) });
    // Only line 4 (image) is in the diff.
    const c = relocatedCandidates(fnd, f, (l) => l === 4);
    expect(c.length).toBeGreaterThan(0);
    expect(c[0]).toMatchObject({ startLine: 4, endLine: 4, relocated: true });
    expect(c[0]!.text).toMatch(/cap_add:\n {6}- SYS_PTRACE\n {4}image: example\/api:dev|image: example\/api:dev\n {4}cap_add:/);
    // Line 1 (`services:`) is outside the service block: never a candidate.
    expect(relocatedCandidates(fnd, f, (l) => l === 1)).toEqual([]);
    // Inside `ports:` list (line 7 is the list item) the insertion would change the data.
    expect(relocatedCandidates(fnd, f, (l) => l === 7).every((s) => s.startLine !== 7 || s.text.endsWith('SYS_PTRACE'))).toBe(true);
  });
});

describe('comment bodies', () => {
  it('holds rule, title, message, a suggestion fence, the rule link and the markers', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const fnd = finding(f, 10, 15, { edits: composeFix(f), fp: 'abc123', message: 'Runs `dlv` as @root <b>x</b>' });
    const [s] = suggestionCandidates(fnd, f);
    const body = commentBody({ finding: fnd, docUrl, suggestion: s! });
    expect(body).toContain('**PTD001 · Debugger container lacks SYS\\_PTRACE**');
    expect(body).toContain('```suggestion\n      - "127.0.0.1:2345:2345"\n    cap_add:\n      - SYS_PTRACE\n```');
    expect(body).toContain('(https://example.test/docs/rules/PTD001.md)');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/@root/);
    const meta = parseCommentMeta(body);
    expect(meta).toMatchObject({ fingerprint: 'abc123', ruleId: 'PTD001' });
    expect(meta!.fix).toMatch(/^[0-9a-f]{12}$/);
  });
  it('shows the short text, and the full explanation with the related locations collapsed under "Why"', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const message = 'Service "api" runs `dlv attach 1` (docker-compose.yml:5), which attaches to a running process. That needs SYS_PTRACE <b>x</b> @root. Fix: add it.';
    const related = [{ span: { file: f, start: 0, end: 8 }, message: 'This runs `dlv attach 1`.' }];
    const fnd = finding(f, 10, 15, { edits: composeFix(f), message, short: 'Attaching needs `SYS_PTRACE` on most hosts.', related });
    const body = commentBody({ finding: fnd, docUrl, suggestion: suggestionCandidates(fnd, f)[0]! });
    const why = body.indexOf('<details><summary>Why</summary>\n\n');
    const short = body.indexOf('Attaching needs `SYS_PTRACE` on most hosts\\.');
    const suggestion = body.indexOf('```suggestion');
    expect(short).toBeGreaterThan(0);
    expect(suggestion).toBeGreaterThan(short);
    expect(why).toBeGreaterThan(suggestion);
    // The full message, escaped as before, inside the collapsed block; the related locations with it.
    const details = body.slice(why, body.indexOf('\n\n</details>', why));
    expect(details).toContain(escapeMessage(message));
    expect(details).toContain('Related:\n- docker\\-compose\\.yml:1: This runs `dlv attach 1`\\.');
    expect(body.slice(0, why)).not.toContain('attaches to a running process');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/@root/);
    // Then the rule page and the markers.
    expect(body.indexOf('(https://example.test/docs/rules/PTD001.md)')).toBeGreaterThan(body.indexOf('</details>'));
    expect(parseCommentMeta(body)?.ruleId).toBe('PTD001');
  });
  it('without a suggestion or a diff, says the fix in words', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const body = commentBody({ finding: finding(f, 10, 15, { short: 'Why.', fixHint: 'Run it as `root`' }), docUrl });
    expect(body).toContain('Why\\.\n\nFix: Run it as `root`\n\n<details><summary>Why</summary>');
  });
  it('stays under 65,536 characters whatever the message', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const fnd = finding(f, 10, 15, { edits: composeFix(f), message: 'x'.repeat(100_000) });
    const body = commentBody({ finding: fnd, docUrl, suggestion: suggestionCandidates(fnd, f)[0]! });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(parseCommentMeta(body)?.fingerprint).toBeDefined();
  });
  it('a suggestion containing backticks gets a longer fence', () => {
    const f = file('run.sh', 'echo ```\n', 'shell');
    const fnd = finding(f, 0, 4, { edits: [{ path: 'run.sh', start: 0, end: 9, text: 'echo ```` x\n' }] });
    const body = commentBody({ finding: fnd, docUrl, suggestion: suggestionCandidates(fnd, f)[0]! });
    expect(body).toContain('`````suggestion\necho ```` x\n`````');
  });
});

describe('fixDiff', () => {
  it('renders the fix with repository paths', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const d = fixDiff(finding(f, 10, 15, { edits: composeFix(f) }), new Map([[f.path, f]]), (p) => `examples/${p}`);
    expect(d).toContain('--- a/examples/docker-compose.yml\n+++ b/examples/docker-compose.yml\n');
    expect(d).toContain('+    cap_add:\n+      - SYS_PTRACE\n');
  });
});

describe('summary', () => {
  it('says all fixed when there is nothing', () => {
    const md = summaryMarkdown({ rows: [], docUrl, scope: 'changed', sticky: true, diffs: 'not-inline', limit: 65_536 });
    expect(md.startsWith('<!-- ptrace-doctor:summary -->')).toBe(true);
    expect(md).toContain('All fixed');
  });
  it('escapes table cells and keeps diffs only for findings not commented inline', () => {
    const f = file('a|b.yml', COMPOSE);
    const inline = finding(f, 10, 15, { edits: composeFix(f), message: 'one | two\nthree' });
    const outside = finding(f, 20, 25, { rule: 'PTD002', severity: 'warning', edits: composeFix(f) });
    const md = summaryMarkdown({
      rows: [
        { finding: inline, location: 'a|b.yml:2', where: 'inline', diff: 'INLINE-DIFF' },
        { finding: outside, location: 'a|b.yml:3', where: 'summary', diff: 'OUTSIDE-DIFF' },
      ],
      docUrl, scope: 'changed', sticky: true, diffs: 'not-inline', limit: 65_536,
    });
    expect(md).toContain('a\\|b\\.yml:2');
    expect(md).toContain('one \\| two<br>three');
    // The short text in the cell, the full message collapsed beside it.
    expect(md).toContain('| one \\| two three <details><summary>Why</summary>one \\| two<br>three</details> |');
    expect(md).toContain('OUTSIDE-DIFF');
    expect(md).not.toContain('INLINE-DIFF');
    expect(md).toContain('1 error, 1 warning, 0 notes');
    for (const line of md.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟠'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(6);
    }
  });
  it('stays within the limit with thousands of findings', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const rows = Array.from({ length: 3000 }, (_, i) => ({ finding: finding(f, 10, 15, { fp: String(i), edits: composeFix(f) }), location: `docker-compose.yml:${i}`, where: 'summary' as const, diff: 'x\n'.repeat(20) }));
    const md = summaryMarkdown({ rows, docUrl, scope: 'all', sticky: true, diffs: 'not-inline', limit: 65_536 });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toContain('left out');
  });
});

describe('annotations', () => {
  it('most severe first, at most 10 per level', () => {
    const f = file('docker-compose.yml', COMPOSE);
    const fs = [
      ...Array.from({ length: 12 }, (_, i) => finding(f, i, i + 1, { severity: 'note', fp: `n${i}` })),
      ...Array.from({ length: 3 }, (_, i) => finding(f, 60 + i, 61 + i, { severity: 'error', fp: `e${i}` })),
    ];
    const { annotations, omitted } = annotationsFor(fs, (p) => `sub/${p}`);
    expect(annotations).toHaveLength(13);
    expect(omitted).toBe(2);
    expect(annotations.slice(0, 3).every((a) => a.level === 'error')).toBe(true);
    expect(annotations[0]).toMatchObject({ file: 'sub/docker-compose.yml', startLine: 5, endLine: 5, title: 'PTD001 Debugger container lacks SYS_PTRACE' });
    // One-line findings carry their columns; the message ends with the rule page when asked.
    expect(annotations[0]).toMatchObject({ startColumn: 4, endColumn: 5 });
    const linked = annotationsFor(fs.slice(12), (p) => p, 10, (id) => `https://example.test/${id}.md`).annotations[0]!;
    expect(linked.message).toMatch(/\n\nhttps:\/\/example\.test\/PTD001\.md$/);
    const multi = annotationsFor([finding(f, 0, COMPOSE.indexOf('image:'))], (p) => p).annotations[0]!;
    expect(multi.startLine).toBeLessThan(multi.endLine);
    expect(multi.startColumn).toBeUndefined();
  });
});
