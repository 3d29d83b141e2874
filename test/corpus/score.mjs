// Scoring of the corpus of public patterns (test/corpus/GUIDE.md): what was
// expected against what was found, per rule. Shared by `npm run corpus`
// (scripts/corpus.mjs, which runs the committed CLI bundle) and the vitest
// test (test/corpus.test.ts, which runs src/).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const CASES = new URL('./cases/', import.meta.url).pathname;

/** Every case: { id, dir, repo, json } sorted by id. */
export function loadCases(root = CASES) {
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'case.json')))
    .sort()
    .map((id) => ({ id, dir: join(root, id), repo: join(root, id, 'repo'), json: JSON.parse(readFileSync(join(root, id, 'case.json'), 'utf8')) }));
}

const key = (f) => `${f.rule} ${f.path}:${f.line}`;

/**
 * found: per case id, the findings as { rule, path, line }.
 * Returns per-rule tp/fp/fn, precision and recall, and the misses and false positives by case.
 */
export function score(cases, found) {
  const rules = new Map();
  const misses = [];
  const extras = [];
  const bump = (rule, k) => {
    const r = rules.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    r[k]++;
    rules.set(rule, r);
  };
  for (const c of cases) {
    const want = new Map(c.json.expect.map((e) => [key(e), e]));
    const got = new Map((found.get(c.id) ?? []).map((f) => [key(f), f]));
    for (const [k, e] of want) {
      if (got.has(k)) bump(e.rule, 'tp');
      else { bump(e.rule, 'fn'); misses.push({ id: c.id, ...e }); }
    }
    for (const [k, f] of got) if (!want.has(k)) { bump(f.rule, 'fp'); extras.push({ id: c.id, ...f }); }
    // The same rule twice on one line is noise (a review would post it twice): every repeat is a false positive.
    const once = new Set();
    for (const f of found.get(c.id) ?? []) {
      const k = key(f);
      if (once.has(k)) { bump(f.rule, 'fp'); extras.push({ id: c.id, ...f, duplicate: true }); }
      once.add(k);
    }
  }
  const table = [...rules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, r]) => ({
    rule,
    ...r,
    precision: r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp),
    recall: r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn),
  }));
  const tot = table.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const total = { ...tot, precision: tot.tp + tot.fp === 0 ? 1 : tot.tp / (tot.tp + tot.fp), recall: tot.tp + tot.fn === 0 ? 1 : tot.tp / (tot.tp + tot.fn) };
  return { table, total, misses, extras, cases: cases.length };
}

export const MIN_RECALL = 0.95;

/** The report as text, and whether it passes (recall ≥ 0.95 for every rule and in total, no false positive). */
export function report(s) {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const lines = [`corpus: ${s.cases} cases`, '', 'rule     tp  fp  fn  precision  recall'];
  for (const r of s.table) lines.push(`${r.rule.padEnd(7)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`);
  lines.push(`${'all'.padEnd(7)} ${String(s.total.tp).padStart(3)} ${String(s.total.fp).padStart(3)} ${String(s.total.fn).padStart(3)}  ${pct(s.total.precision).padStart(9)}  ${pct(s.total.recall).padStart(6)}`);
  if (s.misses.length > 0) {
    lines.push('', 'missed (expected, not found):');
    for (const m of s.misses) lines.push(`  ${m.id}: ${m.rule} ${m.path}:${m.line} — ${m.why ?? ''}`);
  }
  if (s.extras.length > 0) {
    lines.push('', 'false positives (found, not expected):');
    for (const m of s.extras) lines.push(`  ${m.id}: ${m.rule} ${m.path}:${m.line}`);
  }
  const failing = s.table.filter((r) => r.recall < MIN_RECALL).map((r) => r.rule);
  const ok = s.extras.length === 0 && s.total.recall >= MIN_RECALL && failing.length === 0;
  lines.push('', ok ? 'PASS: no false positive, recall ≥ 95% for every rule' : `FAIL: ${s.extras.length} false positive(s); recall below 95% for ${failing.length > 0 ? failing.join(', ') : 'none'}${s.total.recall < MIN_RECALL ? ', and in total' : ''}`);
  return { text: lines.join('\n'), ok };
}
