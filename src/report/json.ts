/** Machine output: stable JSON. */
import { counts, location, shortWhy } from './common.js';
import { toLocation } from '../source.js';
import { ruleDocUrl } from '../rules/index.js';
import type { Finding } from '../types.js';
import { mapItems } from './stream-json.js';

function one(f: Finding): object {
  const sup = f.suppression;
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    message: f.message,
    // The short text's parts: one sentence of why, and the fix in one line when there is no automatic fix to describe.
    short: shortWhy(f),
    ...(f.fixHint ? { fixHint: f.fixHint } : {}),
    location: location(f),
    related: f.related.map((r) => ({ location: toLocation(r.span), message: r.message })),
    ...(f.launch ? { launch: f.launch } : {}),
    ...(f.fix ? { fix: { description: f.fix.description, edits: f.fix.edits } } : {}),
    fingerprint: f.fingerprint,
    helpUri: ruleDocUrl(f.ruleId),
    ...(sup
      ? {
          suppression: {
            kind: sup.kind,
            ...(sup.justification ? { justification: sup.justification } : {}),
            ...(sup.span ? { location: toLocation(sup.span) } : {}),
            ...(sup.where ? { where: sup.where } : {}),
          },
        }
      : {}),
  };
}

export interface JsonOptions {
  /** Suppressed findings, listed apart with how they were suppressed. */
  suppressed?: Finding[];
  /** How many findings the baseline left out. */
  baseline?: number;
  /** The findings' objects made as writeJson writes them (LazyItems), not all at once. */
  lazy?: boolean;
}

export function toJson(findings: Finding[], version: string, opts: JsonOptions = {}): object {
  return {
    tool: { name: 'ptrace-doctor', version },
    counts: { ...counts(findings), suppressed: opts.suppressed?.length ?? 0, ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}) },
    findings: mapItems(findings, opts.lazy, one),
    suppressed: mapItems(opts.suppressed ?? [], opts.lazy, one),
  };
}
