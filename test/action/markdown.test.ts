import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMessage, escapeText, fitSections, hardCap, inlineCode, markerValue } from '../../src/report/markdown.js';

describe('escapeText', () => {
  it('neutralises HTML, links, emphasis and table pipes', () => {
    const s = escapeText('<img src=x onerror=alert(1)> [x](http://e) *b* a|b `c`');
    expect(s).not.toMatch(/<img/);
    expect(s).toContain('&lt;img');
    expect(s).toContain('\\[x\\]\\(http://e\\)');
    expect(s).toContain('\\*b\\*');
    expect(s).toContain('a\\|b');
    expect(s).toContain('\\`c\\`');
  });
  it('defuses @mentions and issue references', () => {
    const s = escapeText('ping @octocat and @github/security about #12');
    expect(s).not.toMatch(/@[A-Za-z]/);
    expect(s).not.toMatch(/#\d/);
    expect(s).toContain('@\u200doctocat');
    expect(s).toContain('#\u200d12');
  });
  it('flattens newlines: <br> in table cells, a space elsewhere', () => {
    expect(escapeText('a\nb', { table: true })).toBe('a<br>b');
    expect(escapeText('a\r\n# b')).toBe('a \\# b');
  });
});

describe('code', () => {
  it('chooses a fence longer than any backtick run', () => {
    const content = 'x\n````\ny ``` z';
    const block = codeBlock(content, 'diff');
    expect(block.startsWith('`````diff\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
    expect(codeBlock('plain').startsWith('```\n')).toBe(true);
  });
  it('inline code cannot be closed by its content and escapes pipes in tables', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('a|b', { table: true })).toBe('`a\\|b`');
  });
  it('keeps balanced code spans in messages and escapes the rest', () => {
    expect(escapeMessage('runs `dlv attach 1` as @root')).toBe('runs `dlv attach 1` as @\u200droot');
    // Unbalanced backticks: everything escaped.
    expect(escapeMessage('a ` b <i>')).toBe('a \\` b &lt;i&gt;');
  });
});

describe('size caps', () => {
  it('fitSections drops optional sections that do not fit and says so', () => {
    const out = fitSections({ head: ['HEAD'], tail: ['TAIL'] }, ['a'.repeat(400), 'b'.repeat(400), 'c'.repeat(10)], 1000, (n) => `${n} left out`);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContain('HEAD');
    expect(out.endsWith('TAIL')).toBe(true);
    expect(out).toContain('a'.repeat(400));
    expect(out).toContain('2 left out');
    expect(out).not.toContain('c'.repeat(10));
  });
  it('hardCap cuts within the limit and closes an open fence', () => {
    const s = 'intro\n````suggestion\n' + 'line\n'.repeat(50_000) + '````\n';
    const out = hardCap(s, 65_536);
    expect(out.length).toBeLessThanOrEqual(65_536);
    expect(out.match(/^````/gm)?.length).toBe(2);
  });
});

describe('markerValue', () => {
  it('cannot close an HTML comment', () => {
    expect(markerValue('ab-->c d')).toBe('ab%2D%2D%3Ec%20d');
    expect(markerValue('2b12c447b23f47d3')).toBe('2b12c447b23f47d3');
  });
});
