/** Shared helpers for the rule tests: scan a fixture, copy it to a temp dir, apply fixes. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { scan, type ScanResult } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { toLocation } from '../../src/source.js';
import type { Finding } from '../../src/types.js';

export const FIXTURES = resolve(__dirname, '../fixtures/rules');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export async function scanFixture(name: string): Promise<ScanResult> {
  return scan({ root: fixture(name) });
}

export async function findingsOf(name: string, rule: string): Promise<Finding[]> {
  const r = await scanFixture(name);
  return r.findings.filter((f) => f.ruleId === rule);
}

/** path:line of a finding (1-based line). */
export function at(f: Finding): string {
  const loc = toLocation(f.span);
  return `${loc.path}:${loc.startLine}`;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A temporary copy of a fixture (fixes are applied in memory; the copy keeps the original safe anyway). */
export function tempCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-rules-'));
  temps.push(dir);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** Apply every fix (in memory) on a temp copy; return the changed files and the scan after. */
export async function fixAll(name: string) {
  const root = tempCopy(name);
  const out = await applyFixes({ root, write: false });
  const text = (path: string): string => out.changed.find((c) => c.path === path)?.after ?? readFileSync(join(root, path), 'utf8');
  return { ...out, root, text };
}
