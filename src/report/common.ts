/** Helpers every reporter shares. */
import { applyEdits, unifiedDiff } from '../fix/text.js';
import { toLocation } from '../source.js';
import { SEVERITY_ORDER, type Finding, type Location, type Severity } from '../types.js';

export interface Counts {
  error: number;
  warning: number;
  note: number;
  total: number;
}

export function counts(findings: Finding[]): Counts {
  const c = { error: 0, warning: 0, note: 0, total: findings.length };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The fix of one finding as a unified diff (one block per file it touches). */
export function fixDiff(f: Finding): string {
  if (!f.fix) return '';
  const paths = [...new Set(f.fix.edits.map((e) => e.path))];
  let out = '';
  for (const p of paths) {
    const file = f.fix.files?.find((x) => x.path === p) ?? (p === f.span.file.path ? f.span.file : f.related.find((r) => r.span.file.path === p)?.span.file);
    if (!file) continue;
    try {
      out += unifiedDiff(p, file.text, applyEdits(file.text, f.fix.edits.filter((e) => e.path === p)));
    } catch {
      // An edit that does not apply is not shown.
    }
  }
  return out;
}

export function location(f: Finding): Location {
  return toLocation(f.span);
}

export function atOrAbove(s: Severity, threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && SEVERITY_ORDER[s] >= SEVERITY_ORDER[threshold];
}
