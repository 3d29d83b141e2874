/**
 * The corpus of public patterns (test/corpus/GUIDE.md) scanned with src/:
 * every finding a careful reviewer expects, and nothing else. The same
 * scoring as `npm run corpus` (which runs the committed bundle).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine.js';
import { toLocation } from '../src/source.js';
// @ts-expect-error plain JavaScript module without types
import { loadCases, report, score } from './corpus/score.mjs';
// @ts-expect-error plain JavaScript module without types
import { sourcesMarkdown } from './corpus/sources.mjs';

interface Case { id: string; repo: string; json: { paths?: string[]; expect: unknown[] } }

describe('the corpus of public patterns', () => {
  it('finds what a careful reviewer expects (recall ≥ 95% per rule) and nothing else', async () => {
    const cases = loadCases() as Case[];
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const found = new Map<string, Array<{ rule: string; path: string; line: number }>>();
    for (const c of cases) {
      const r = await scan({ root: c.repo, ...(c.json.paths?.length ? { paths: c.json.paths } : {}) });
      found.set(c.id, r.findings.map((f) => ({ rule: f.ruleId, path: toLocation(f.span).path, line: toLocation(f.span).startLine })));
    }
    const { text, ok } = report(score(cases, found));
    console.log(text);
    expect(ok, text).toBe(true);
  }, 120_000);

  it('lists every case in SOURCES.md with its repository, paths and commit (npm run corpus -- --sources)', () => {
    const cases = loadCases() as Array<{ json: { source?: { repo?: string; commit?: string; paths?: string[] } } }>;
    for (const c of cases) {
      expect(c.json.source?.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(c.json.source?.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(c.json.source?.paths?.length).toBeGreaterThan(0);
    }
    expect(new Set(cases.map((c) => c.json.source!.repo)).size).toBeGreaterThanOrEqual(40);
    expect(readFileSync(new URL('./corpus/SOURCES.md', import.meta.url), 'utf8')).toBe(sourcesMarkdown(cases));
  });
});
