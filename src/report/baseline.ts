/**
 * Baselines: the findings a repository already has, so that a team adopting
 * ptrace-doctor (or a new rule) sees only what a change introduces.
 *
 * A baseline is JSON with one entry per finding; entries are matched by rule
 * and fingerprint, which do not depend on line numbers (see engine.ts), so
 * moving a service down a file does not bring its findings back. Path, line
 * and message are kept for the people who read the file in review.
 */
import { readFileSync, statSync } from 'node:fs';
import { toLocation } from '../source.js';
import type { Finding } from '../types.js';

export const BASELINE_VERSION = 1;
/** A baseline is repository content too (an Action input names it): capped like the files scanned, generously. */
export const MAX_BASELINE_BYTES = 16 * 1024 * 1024;

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  path: string;
  line: number;
  message: string;
}

export interface Baseline {
  version: number;
  tool: string;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

const key = (ruleId: string, fingerprint: string): string => `${ruleId}\0${fingerprint}`;

/** The baseline of these findings, as stable text (sorted, two-space JSON, final newline). */
export function baselineText(findings: Finding[]): string {
  const entries = findings
    .map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, path: f.span.file.path, line: toLocation(f.span).startLine, message: f.message }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : 1)));
  const b: Baseline = { version: BASELINE_VERSION, tool: 'ptrace-doctor', findings: entries };
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parse and check a baseline file's text; a BaselineError says what is wrong with it. */
export function parseBaseline(text: string, name: string): Baseline {
  if (text.length > MAX_BASELINE_BYTES) throw new BaselineError(`${name} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${name} is not JSON: ${(e as Error).message}`);
  }
  const o = data as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new BaselineError(`${name} is not a ptrace-doctor baseline (write one with --write-baseline)`);
  if (o.tool !== 'ptrace-doctor') throw new BaselineError(`${name} is not a ptrace-doctor baseline: "tool" is not "ptrace-doctor"`);
  if (o.version !== BASELINE_VERSION) throw new BaselineError(`${name} has baseline version ${JSON.stringify(o.version)}; this ptrace-doctor reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) throw new BaselineError(`${name}: "findings" must be a list`);
  o.findings.forEach((e, i) => {
    const entry = e as Partial<BaselineEntry> | null;
    if (!entry || typeof entry !== 'object' || typeof entry.ruleId !== 'string' || typeof entry.fingerprint !== 'string') {
      throw new BaselineError(`${name}: findings[${i}] needs "ruleId" and "fingerprint" strings`);
    }
  });
  return o as Baseline;
}

export interface Partitioned {
  /** Not in the baseline: what is reported. */
  fresh: Finding[];
  /** In the baseline: left out of the report (SARIF keeps them as unchanged). */
  known: Finding[];
}

export function partition(findings: Finding[], baseline: Baseline | undefined): Partitioned {
  if (!baseline) return { fresh: findings, known: [] };
  const known = new Set(baseline.findings.map((e) => key(e.ruleId, e.fingerprint)));
  const out: Partitioned = { fresh: [], known: [] };
  for (const f of findings) (known.has(key(f.ruleId, f.fingerprint)) ? out.known : out.fresh).push(f);
  return out;
}

/** Read a baseline file: a regular file within the size cap. */
export function readBaseline(path: string, name = path): Baseline {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new BaselineError(`${name}: no such file (write one with --write-baseline ${name})`);
  }
  if (!st.isFile()) throw new BaselineError(`${name} is not a regular file`);
  if (st.size > MAX_BASELINE_BYTES) throw new BaselineError(`${name} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB`);
  return parseBaseline(readFileSync(path, 'utf8'), name);
}

/** The set of rule/fingerprint keys of a baseline, for SARIF's baselineState. */
export function baselineKeys(baseline: Baseline): Set<string> {
  return new Set(baseline.findings.map((e) => key(e.ruleId, e.fingerprint)));
}

export function inBaseline(keys: Set<string>, f: Finding): boolean {
  return keys.has(key(f.ruleId, f.fingerprint));
}
