/**
 * The rule pages for places other than GitHub's Markdown view: for a
 * terminal (`ptrace-doctor explain`, SARIF's help.text) and with their links
 * made absolute (SARIF's help.markdown). Parsed with marked's lexer, passed
 * in by the caller (no Markdown is taken apart with regular expressions);
 * rendered without Markdown syntax: headings underlined (bold with colour),
 * code blocks indented, links as "text <url>", lists with bullets, tables
 * aligned. Inline code is coloured, or without colour kept between
 * backticks, as finding messages write it.
 *
 * Self-contained on purpose (besides types it imports only terminal.ts):
 * scripts/rule-docs.mjs transpiles both files at bundle time to render every page for SARIF once,
 * so that SARIF output neither loads marked nor renders anything at run time.
 */
import type { Token, Tokens } from 'marked';
import { safeTerminal } from './terminal.js';

export type Lexer = (markdown: string) => Token[];

export interface RenderOptions {
  color?: boolean;
  /** Wrap paragraphs at this width (default 80). */
  width?: number;
}

const ESC = { bold: '\x1b[1m', dim: '\x1b[2m', italic: '\x1b[3m', underline: '\x1b[4m', cyan: '\x1b[36m', blue: '\x1b[34m', reset: '\x1b[0m' };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Entities decoded, control characters made visible (safeTerminal): the text of a token, ready for the terminal. */
function decode(s: string): string {
  return safeTerminal(decodeEntities(s));
}

function decodeEntities(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '&') {
      const semi = s.indexOf(';', i);
      const name = semi > i ? s.slice(i + 1, semi) : '';
      if (name in ENTITIES) {
        out += ENTITIES[name];
        i = semi;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

/** Visible length: without colour escapes. */
function visible(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\x1b') {
      while (i < s.length && s[i] !== 'm') i++;
      continue;
    }
    n++;
  }
  return n;
}

function wrap(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let cur = '';
    let curLen = 0;
    for (const word of hard.split(/ +/).filter((w) => w !== '')) {
      const wl = visible(word);
      const indent = lines.length === 0 && cur === '' ? first : rest;
      if (cur !== '' && visible(indent) + curLen + 1 + wl > width) {
        lines.push(cur);
        cur = word;
        curLen = wl;
      } else {
        cur = cur === '' ? word : `${cur} ${word}`;
        curLen += (curLen === 0 ? 0 : 1) + wl;
      }
    }
    lines.push(cur);
  }
  return lines.map((l, i) => (i === 0 ? first : rest) + l).join('\n');
}

export function renderTerminal(markdown: string, lexer: Lexer, opts: RenderOptions = {}): string {
  const width = opts.width ?? 80;
  const c = (code: keyof typeof ESC, s: string): string => (opts.color ? `${ESC[code]}${s}${ESC.reset}` : s);

  const inline = (tokens: Token[] | undefined): string => {
    let out = '';
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'text': {
          const tt = t as Tokens.Text;
          out += tt.tokens ? inline(tt.tokens) : decode(tt.text);
          break;
        }
        case 'escape': out += decode((t as Tokens.Escape).text); break;
        case 'strong': out += c('bold', inline((t as Tokens.Strong).tokens)); break;
        case 'em': out += c('italic', inline((t as Tokens.Em).tokens)); break;
        case 'del': out += inline((t as Tokens.Del).tokens); break;
        // Code in colour, or between backticks as the findings' own messages write it (no run-on prose without colour).
        case 'codespan': out += opts.color ? c('cyan', decode((t as Tokens.Codespan).text)) : `\`${decode((t as Tokens.Codespan).text)}\``; break;
        case 'br': out += '\n'; break;
        case 'link': {
          const l = t as Tokens.Link;
          const text = inline(l.tokens);
          const plain = decode(l.text);
          const href = safeTerminal(l.href);
          out += l.autolink || plain === l.href || text === href ? c('blue', href) : `${text} <${c('blue', href)}>`;
          break;
        }
        case 'image': out += `[image: ${decode((t as Tokens.Image).text)}]`; break;
        case 'html': break; // inline HTML (comments, tags) is not for a terminal
        default: out += decode((t as { text?: string }).text ?? '');
      }
    }
    return out;
  };

  const block = (tokens: Token[], indent: string): string[] => {
    const parts: string[] = [];
    for (const t of tokens) {
      switch (t.type) {
        case 'space': break;
        case 'heading': {
          const h = t as Tokens.Heading;
          const text = inline(h.tokens);
          const rule = (h.depth === 1 ? '═' : '─').repeat(Math.min(width, visible(text)));
          parts.push(h.depth <= 2 ? `${indent}${c('bold', text)}\n${indent}${c('dim', rule)}` : `${indent}${c('bold', text)}`);
          break;
        }
        case 'paragraph': parts.push(wrap(inline((t as Tokens.Paragraph).tokens), width, indent, indent)); break;
        case 'text': parts.push(wrap(inline((t as Tokens.Text).tokens ?? [t]), width, indent, indent)); break;
        case 'code': {
          const body = safeTerminal((t as Tokens.Code).text.replace(/\n$/, '').replace(/\t/g, '    '));
          parts.push(body.split('\n').map((l) => `${indent}    ${c('cyan', l)}`).join('\n'));
          break;
        }
        case 'blockquote': parts.push(block((t as Tokens.Blockquote).tokens, `${indent}│ `).join('\n\n')); break;
        case 'list': {
          const l = t as Tokens.List;
          const start = typeof l.start === 'number' ? l.start : 1;
          const items = l.items.map((item, i) => {
            const bullet = l.ordered ? `${start + i}. ` : '• ';
            const inner = block(item.tokens, `${indent}${' '.repeat(bullet.length + 2)}`).join(item.loose ? '\n\n' : '\n');
            // The first line carries the bullet in place of its indentation.
            return `${indent}  ${bullet}${inner.slice(indent.length + bullet.length + 2)}`;
          });
          parts.push(items.join(l.loose ? '\n\n' : '\n'));
          break;
        }
        case 'table': {
          const tb = t as Tokens.Table;
          const rows = [tb.header.map((h) => inline(h.tokens)), ...tb.rows.map((r) => r.map((cell) => inline(cell.tokens)))];
          const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => visible(r[i] ?? ''))));
          const line = (r: string[]): string => `${indent}${r.map((cell, i) => cell + ' '.repeat(widths[i]! - visible(cell))).join('  ').trimEnd()}`;
          parts.push([line(rows[0]!.map((h) => c('bold', h))), `${indent}${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.slice(1).map(line)].join('\n'));
          break;
        }
        case 'hr': parts.push(`${indent}${c('dim', '─'.repeat(Math.min(width, 40)))}`); break;
        case 'html': break;
        default: {
          const g = t as { tokens?: Token[]; text?: string };
          if (g.tokens) parts.push(wrap(inline(g.tokens), width, indent, indent));
          else if (g.text) parts.push(`${indent}${decode(g.text)}`);
        }
      }
    }
    return parts;
  };

  return block(lexer(markdown), '').join('\n\n') + '\n';
}

/**
 * The page with its relative links made absolute (`base` is the address of
 * docs/rules/ on GitHub), for places that show it away from docs/rules/.
 * Links are found as the lexer parses them, then their source is rewritten.
 */
export function withAbsoluteLinks(markdown: string, lexer: Lexer, base: string): string {
  const links = new Map<string, string>();
  const walk = (tokens: Token[] | undefined): void => {
    for (const t of tokens ?? []) {
      if (t.type === 'link') {
        const href = (t as Tokens.Link).href;
        if (!/^[a-z][a-z0-9+.-]*:|^#/i.test(href)) links.set(t.raw, t.raw.replace(`(${href}`, `(${new URL(href, base).href}`));
      }
      const nested = t as { tokens?: Token[]; items?: Array<{ tokens: Token[] }>; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };
      walk(nested.tokens);
      for (const i of nested.items ?? []) walk(i.tokens);
      for (const h of nested.header ?? []) walk(h.tokens);
      for (const r of nested.rows ?? []) for (const cell of r) walk(cell.tokens);
    }
  };
  walk(lexer(markdown));
  let out = markdown;
  for (const [raw, abs] of links) out = out.split(raw).join(abs);
  return out;
}
