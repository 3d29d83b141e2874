/** Human output: findings grouped by file, each with its fix as a diff. */
import { counts, fixDiff, location, shortFix, shortWhy } from './common.js';
import { ruleDocUrl } from '../rules/index.js';
import { toLocation } from '../source.js';
import type { Finding } from '../types.js';
import { safeTerminal } from './terminal.js';

export interface TextOptions {
  color?: boolean;
  /**
   * The full explanation of each finding (its whole message, wrapped), its related locations, and the
   * fix with its diff, then the rule page. Without it, the short text: per finding the title, one
   * sentence of why, the fix and the rule page (at most four lines), then the diff.
   */
  verbose?: boolean;
  /** Findings a comment or the config file suppressed (counted, not shown). */
  suppressed?: number;
  /** Findings left out because the baseline has them (counted, not shown). */
  baseline?: number;
}

const C = { red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', green: '\x1b[32m', reset: '\x1b[0m' };

export { safeTerminal };

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => indent + l).join('\n');
}

type Colour = (c: keyof typeof C, s: string) => string;

function diffLines(diff: string, col: Colour): string {
  let out = '';
  for (const line of diff.trimEnd().split('\n')) {
    const c = line.startsWith('+') && !line.startsWith('+++') ? 'green' : line.startsWith('-') && !line.startsWith('---') ? 'red' : 'dim';
    out += `      ${col(c, safeTerminal(line))}\n`;
  }
  return out;
}

/**
 * The short text of one finding, under its title line: one sentence of why, the rule page, the fix
 * (each one line: no wrapping, so a finding never takes more than four lines before its diff), the diff.
 */
function shortFinding(f: Finding, col: Colour): string {
  const diff = f.fix ? fixDiff(f) ?? '' : '';
  const fix = shortFix(f, diff !== '');
  let out = `      ${safeTerminal(shortWhy(f))}\n`;
  out += col('dim', `      ${ruleDocUrl(f.ruleId)}`) + '\n';
  if (fix) out += `      ${col('green', 'Fix')}: ${safeTerminal(fix)}\n`;
  if (diff) out += diffLines(diff, col);
  return out + '\n';
}

export function formatText(findings: Finding[], opts: TextOptions = {}): string {
  const col = (c: keyof typeof C, s: string): string => (opts.color ? `${C[c]}${s}${C.reset}` : s);
  const sevColor = { error: 'red', warning: 'yellow', note: 'blue' } as const;
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.span.file.path, [...(byFile.get(f.span.file.path) ?? []), f]);
  let out = '';
  for (const [path, fs] of byFile) {
    out += `${col('bold', safeTerminal(path))}\n`;
    for (const f of fs) {
      const loc = location(f);
      out += `  ${loc.startLine}:${loc.startColumn}  ${col(sevColor[f.severity], f.severity.padEnd(7))} ${col('bold', f.ruleId)} ${f.title}\n`;
      if (!opts.verbose) {
        out += shortFinding(f, col);
        continue;
      }
      out += safeTerminal(wrap(f.message, 96, '      ')) + '\n';
      for (const r of f.related) {
        const rl = toLocation(r.span);
        out += col('dim', `      ↳ ${safeTerminal(rl.path)}:${rl.startLine}: ${safeTerminal(r.message)}`) + '\n';
      }
      const diff = fixDiff(f) ?? '';
      if (f.fix && diff) {
        out += `      ${col('green', 'Fix')}: ${safeTerminal(f.fix.description)}\n`;
        out += diffLines(diff, col);
      }
      out += col('dim', `      ${ruleDocUrl(f.ruleId)}`) + '\n\n';
    }
  }
  const c = counts(findings);
  const fixable = findings.filter((f) => f.fix).length;
  const hidden = [
    ...(opts.suppressed ? [`${opts.suppressed} suppressed`] : []),
    ...(opts.baseline ? [`${opts.baseline} in the baseline`] : []),
  ];
  out += c.total === 0
    ? col('green', 'No debugger problems found') + (hidden.length > 0 ? ` (${hidden.join(', ')})` : '') + '.\n'
    : `${c.total} finding${c.total === 1 ? '' : 's'} (${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'})` +
      (fixable > 0 ? `; ${fixable} fixable with --fix` : '') + (hidden.length > 0 ? `; ${hidden.join(', ')}` : '') + '\n';
  return out;
}
