/**
 * github: GitHub Actions workflow commands (`::error file=…,line=…,col=…::`),
 * one annotation per finding, for a workflow that runs the CLI itself.
 * Columns are given only for a finding on one line: GitHub ignores them for
 * annotations that span several lines.
 */
import { toLocation } from '../source.js';
import { ruleDocUrl } from '../rules/index.js';
import type { Finding } from '../types.js';

/** Escape a value for a GitHub workflow command (::error file=…::message). */
function ghEscapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghEscapeProp(s: string): string {
  return ghEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: Finding[]): string {
  const cmd = { error: 'error', warning: 'warning', note: 'notice' } as const;
  return findings
    .map((f) => {
      const l = toLocation(f.span);
      const where = l.startLine === l.endLine ? `line=${l.startLine},endLine=${l.endLine},col=${l.startColumn},endColumn=${Math.max(l.startColumn, l.endColumn)}` : `line=${l.startLine},endLine=${l.endLine}`;
      return `::${cmd[f.severity]} file=${ghEscapeProp(l.path)},${where},title=${ghEscapeProp(`${f.ruleId} ${f.title}`)}::${ghEscapeData(`${f.message}\n\n${ruleDocUrl(f.ruleId)}`)}\n`;
    })
    .join('');
}
