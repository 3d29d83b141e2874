// docs/action-reference.md and the README's inputs/outputs tables, generated
// from action.yml: `node scripts/action-reference.mjs` writes both,
// `--check` exits 1 when either is stale (test/action/action-yml.test.ts runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const cell = (s) => String(s).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();

function tables(level) {
  const h = '#'.repeat(level);
  const lines = [`${h} Inputs`, '', '| Input | Default | Description |', '|---|---|---|'];
  for (const [name, i] of Object.entries(action.inputs ?? {})) {
    const def = i.default === undefined || i.default === '' ? '(empty)' : `\`${i.default}\``;
    lines.push(`| \`${name}\` | ${def} | ${cell(i.description)} |`);
  }
  lines.push('', `${h} Outputs`, '', '| Output | Description |', '|---|---|');
  for (const [name, o] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(o.description)} |`);
  return lines.join('\n') + '\n';
}

const doc = `<!-- Generated from action.yml by scripts/action-reference.mjs; test/action/action-yml.test.ts keeps the two in step. -->\n${tables(3)}`;
const START = '<!-- action-reference:start (generated from action.yml by scripts/action-reference.mjs) -->';
const END = '<!-- action-reference:end -->';
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < a) {
  console.error(`README.md lacks the ${START} … ${END} markers around the inputs and outputs tables`);
  process.exit(1);
}
const newReadme = `${readme.slice(0, a + START.length)}\n${tables(4)}${readme.slice(b)}`;
const docPath = join(root, 'docs/action-reference.md');
if (process.argv.includes('--check')) {
  const stale = [];
  if (readFileSync(docPath, 'utf8') !== doc) stale.push('docs/action-reference.md');
  if (readme !== newReadme) stale.push('README.md');
  if (stale.length > 0) {
    console.error(`${stale.join(' and ')} stale: run node scripts/action-reference.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(docPath, doc);
  writeFileSync(join(root, 'README.md'), newReadme);
  console.log('action-reference: docs/action-reference.md and README.md written from action.yml');
}
