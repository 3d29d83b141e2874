/**
 * The shell commands of a Markdown file's code blocks (a README's "build the
 * debug image" lines), with source offsets: fenced blocks (``` or ~~~, up to
 * three spaces of indentation) whose info string is empty or a shell
 * (bash, sh, shell, zsh, console, shell-session, terminal). In console blocks
 * only the lines after a `$ ` prompt (and their `\` continuations) are
 * commands; the rest is output. CommonMark's fence rules, no HTML, no
 * indented code blocks. Outside fences, a line that is nothing but one inline
 * code span (a list item's `docker build . -t x`, or ``` docker run … ``` when
 * the command itself holds backticks) is a command too: CommonMark's span rule
 * (a run of N backticks up to the next run of exactly N, one space stripped
 * from each end when both ends have one); a span inside prose is not.
 */
import { splitShell, type SimpleCommand } from './shell.js';

const SHELL_INFO = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal', 'sh-session', 'bash-session']);
const CONSOLE = new Set(['console', 'shell-session', 'shellsession', 'terminal', 'sh-session', 'bash-session']);

interface Line { start: number; end: number; text: string }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i <= text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    const contentEnd = end > i && text[end - 1] === '\r' ? end - 1 : end;
    out.push({ start: i, end: contentEnd, text: text.slice(i, contentEnd) });
    if (nl < 0) break;
    i = nl + 1;
  }
  return out;
}

/** The command of a line that is only an inline code span (after an optional list marker), else undefined. */
function spanLine(l: Line): { start: number; end: number } | undefined {
  const m = /^ {0,3}(?:[-*+] +|\d{1,9}[.)] +)?(`+)/.exec(l.text);
  if (!m) return undefined;
  const n = m[1]!.length;
  const from = m[0].length;
  // The closing run: exactly n backticks, followed by nothing but spaces.
  const rest = l.text.slice(from);
  const close = /(`+)\s*$/.exec(rest);
  if (!close || close[1]!.length !== n || close.index === 0) return undefined;
  let s = from;
  let e = from + close.index;
  const body = l.text.slice(s, e);
  // A run of exactly n backticks inside would have closed the span earlier.
  for (const r of body.matchAll(/`+/g)) if (r[0].length === n) return undefined;
  if (body.length >= 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') { s++; e--; }
  if (l.text.slice(s, e).trim() === '') return undefined;
  return { start: l.start + s, end: l.start + e };
}

export function markdownCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    let open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)/.exec(ls[i]!.text);
    // CommonMark: a backtick fence's info string holds no backtick (``` x ``` is an inline span).
    if (open && open[2]![0] === '`' && ls[i]!.text.slice(open[0].length).includes('`')) open = null;
    if (!open) {
      const span = spanLine(ls[i]!);
      if (span) out.push(...splitShell(text.slice(span.start, span.end), { base: span.start }));
      continue;
    }
    const fence = open[2]!;
    const info = open[3]!.toLowerCase().replace(/^\{?\.?/, '').replace(/\}$/, '');
    // The block runs to a closing fence of the same character, at least as long.
    let j = i + 1;
    const closeRe = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    while (j < ls.length && !closeRe.test(ls[j]!.text)) j++;
    if (SHELL_INFO.has(info)) {
      const body = ls.slice(i + 1, j);
      if (CONSOLE.has(info) || (info === '' && body.some((l) => /^\s*\$ /.test(l.text)))) {
        for (let k = 0; k < body.length; k++) {
          const m = /^(\s*\$ )/.exec(body[k]!.text);
          if (!m) continue;
          const start = body[k]!.start + m[1]!.length;
          let e = k;
          while (body[e]!.text.endsWith('\\') && e + 1 < body.length) e++;
          out.push(...splitShell(text.slice(start, body[e]!.end), { base: start }));
          k = e;
        }
      } else if (body.length > 0) {
        const start = body[0]!.start;
        out.push(...splitShell(text.slice(start, body[body.length - 1]!.end), { base: start }));
      }
    }
    i = j;
  }
  return out;
}
