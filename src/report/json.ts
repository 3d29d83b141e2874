/** Machine output: stable JSON. */
import { counts, location } from './common.js';
import { toLocation } from '../source.js';
import { ruleDocUrl } from '../rules/index.js';
import type { Finding } from '../types.js';

export function toJson(findings: Finding[], version: string): object {
  return {
    tool: { name: 'ptrace-doctor', version },
    counts: counts(findings),
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      message: f.message,
      location: location(f),
      related: f.related.map((r) => ({ location: toLocation(r.span), message: r.message })),
      ...(f.launch ? { launch: f.launch } : {}),
      ...(f.fix ? { fix: { description: f.fix.description, edits: f.fix.edits } } : {}),
      fingerprint: f.fingerprint,
      helpUri: ruleDocUrl(f.ruleId),
    })),
  };
}
