/** Test helpers: temporary repositories and scans. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../src/engine.js';
import { toLocation } from '../../src/source.js';
import type { Finding } from '../../src/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A temporary directory holding the given files (path → content). */
export function tempRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** A temporary copy of a fixture directory. */
export function copyFixture(rel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-fx-'));
  cpSync(join(FIXTURES, rel), dir, { recursive: true });
  return dir;
}

export interface Brief {
  rule: string;
  severity: string;
  path: string;
  line: number;
  fixable: boolean;
}

export function brief(f: Finding): Brief {
  const l = toLocation(f.span);
  return { rule: f.ruleId, severity: f.severity, path: l.path, line: l.startLine, fixable: !!f.fix };
}

export async function scanBrief(root: string): Promise<Brief[]> {
  return (await scan({ root })).findings.map(brief);
}
