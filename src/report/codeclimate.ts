/**
 * codeclimate: GitLab's Code Quality report (a subset of the Code Climate
 * engine spec), for `artifacts: reports: codequality:`. GitLab needs
 * description, check_name, fingerprint (unique per issue), severity (info,
 * minor, major, critical, blocker) and location.path with location.lines.begin.
 */
import { toLocation } from '../source.js';
import { ruleDocUrl } from '../rules/index.js';
import type { Finding, Severity } from '../types.js';
import { SECURITY_SEVERITY } from './sarif.js';

const BASE: Record<Severity, string> = { error: 'major', warning: 'minor', note: 'info' };

/** The finding's level, one step up (critical) for an error that is a high security risk (security-severity ≥ 7, PTD007). */
export function codeClimateSeverity(f: Finding): string {
  const sec = Number(SECURITY_SEVERITY[f.ruleId] ?? 0);
  if (f.severity === 'error' && sec >= 9) return 'blocker';
  if (f.severity === 'error' && sec >= 7) return 'critical';
  return BASE[f.severity];
}

export function toCodeClimate(findings: Finding[]): object[] {
  return findings.map((f) => {
    const l = toLocation(f.span);
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: `${f.title}: ${f.message}`,
      content: { body: `${f.message}${f.fix ? `\n\nFix: ${f.fix.description}.` : ''}\n\n${ruleDocUrl(f.ruleId)}` },
      categories: [SECURITY_SEVERITY[f.ruleId] ? 'Security' : 'Bug Risk'],
      severity: codeClimateSeverity(f),
      fingerprint: f.fingerprint,
      location: { path: l.path, lines: { begin: l.startLine, end: Math.max(l.startLine, l.endLine) } },
    };
  });
}
