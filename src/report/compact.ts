/**
 * compact: one line per finding, `path:line:col: severity RULE title`, the
 * shape editors' problem matchers and `grep` read (as gcc, eslint -f unix).
 */
import { toLocation } from '../source.js';
import type { Finding } from '../types.js';
import { safeTerminal } from './text.js';

export function formatCompact(findings: Finding[]): string {
  return findings
    .map((f) => {
      const l = toLocation(f.span);
      // A path with a line break would split the line: paths come from the scanned repository.
      return `${safeTerminal(l.path).replace(/\n/g, '\\n')}:${l.startLine}:${l.startColumn}: ${f.severity} ${f.ruleId} ${f.title}\n`;
    })
    .join('');
}
