/**
 * The shell commands of a Markdown file's code blocks (a README's "build the
 * debug image" lines), with source offsets: fenced blocks (``` or ~~~, up to
 * three spaces of indentation) whose info string is empty or a shell
 * (bash, sh, shell, zsh, console, shell-session, terminal). In console blocks
 * only the lines after a `$ ` prompt (and their `\` continuations) are
 * commands; the rest is output. CommonMark's fence rules, no HTML, no
 * indented code blocks.
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

export function markdownCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)/.exec(ls[i]!.text);
    if (!open) continue;
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
