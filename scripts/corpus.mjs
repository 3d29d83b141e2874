#!/usr/bin/env node
// npm run corpus: scan every case of test/corpus/cases/ with the committed CLI
// bundle (what users run) and print precision and recall per rule. Exit 1
// below recall 0.95 (per rule or in total) or on any false positive.
// Options: --cli PATH (another bundle), --only ID (one case), --sources (rewrite test/corpus/SOURCES.md from the cases),
// --dir DIR (score the cases of another directory, e.g. test/corpus/heldout).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases, score, report } from '../test/corpus/score.mjs';
import { sourcesMarkdown } from '../test/corpus/sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const cli = arg('--cli') ?? join(root, 'dist', 'cli', 'index.js');
const only = arg('--only');
const dir = arg('--dir');
const cases = (dir ? loadCases(resolve(dir)) : loadCases()).filter((c) => !only || c.id.startsWith(only));
if (process.argv.includes('--sources')) {
  writeFileSync(join(root, 'test', 'corpus', 'SOURCES.md'), sourcesMarkdown(loadCases()));
  console.log('wrote test/corpus/SOURCES.md');
}
const found = new Map();
for (const c of cases) {
  const args = [cli, ...(c.json.paths?.length ? ['--root', c.repo, ...c.json.paths] : [c.repo]), '--format', 'json', '--fail-on', 'never'];
  const r = spawnSync(process.execPath, args, { cwd: c.repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    console.error(`${c.id}: the CLI exited with ${r.status}\n${r.stderr}`);
    process.exit(2);
  }
  const out = JSON.parse(r.stdout);
  found.set(c.id, out.findings.map((f) => ({ rule: f.ruleId, path: f.location.path, line: f.location.startLine })));
}
const s = score(cases, found);
const { text, ok } = report(s);
console.log(text);
process.exit(ok ? 0 : 1);
