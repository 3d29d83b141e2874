/**
 * action.yml is a valid action whose inputs/outputs match what the code reads
 * and writes, docs/action-reference.md (included in the README) has one row per
 * input and output with the same defaults, and every workflow file validates.
 *
 * Schema validation uses @action-validator/cli's core (offline, WebAssembly)
 * when it is installed. Its bundled schema (0.6.0) predates `runs.using:
 * node24`, so action.yml is validated with `using` swapped to node20 and the
 * node24 value is checked here on its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const text = readFileSync(join(root, 'action.yml'), 'utf8');
const action = parse(text) as {
  name: string; description: string; author: string; branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

const require = createRequire(import.meta.url);
type Validator = { validateAction(s: string): { errors: unknown[] }; validateWorkflow(s: string): { errors: unknown[] } };
let validator: Validator | undefined;
try {
  validator = require('@action-validator/core') as Validator;
} catch {
  validator = undefined;
}

describe('action.yml', () => {
  it('has the metadata, node24 runtime and entry point', () => {
    expect(action.name).toBe('ptrace-doctor');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThanOrEqual(125); // the Marketplace truncates longer ones
    expect(action.author).toBeTruthy();
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toMatch(/^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads, with the documented defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(['github-token', 'path', 'fail-on', 'pr-review', 'pr-summary', 'scope', 'sarif-file', 'sarif-suppressed', 'fix', 'ignore', 'config', 'baseline', 'max-comments']);
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    const read: string[] = [];
    readInputs((name) => {
      read.push(name);
      return name === 'github-token' ? '' : (action.inputs[name]?.default ?? '');
    });
    expect(read.sort()).toEqual(Object.keys(action.inputs).sort());
    // Defaults in action.yml parse to the same values as an empty input.
    const fromDefaults = readInputs((n) => (n === 'github-token' ? '' : (action.inputs[n]?.default ?? '')));
    expect(fromDefaults).toEqual(readInputs(() => ''));
    for (const [k, v] of Object.entries(action.inputs)) {
      expect(v.description, k).toBeTruthy();
      expect(typeof (v.default ?? ''), k).toBe('string');
    }
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'patch-file', 'sarif-file', 'warnings']);
    const main = readFileSync(join(root, 'src/action/main.ts'), 'utf8');
    for (const k of Object.keys(action.outputs)) expect(main, k).toMatch(new RegExp(`outputs(\\.${k.replace('-', '\\-')}\\b|\\['${k}'\\])`));
  });

  it('docs/action-reference.md has one row per input and output, matching action.yml', () => {
    const doc = readFileSync(join(root, 'docs/action-reference.md'), 'utf8');
    const inputSection = doc.split('### Outputs')[0]!;
    const inputRows = [...inputSection.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const outputRows = doc.split('### Outputs')[1]!.match(/^\| `([^`]+)` \|/gm)!.map((l) => l.slice(3, l.indexOf('`', 3)));
    expect(doc.split('### Outputs')[0]!.match(/^\| `([^`]+)` \|/gm)!.map((l) => l.slice(3, l.indexOf('`', 3)))).toEqual(Object.keys(action.inputs));
    expect(outputRows).toEqual(Object.keys(action.outputs));
    for (const [k, rest] of inputRows) {
      const def = action.inputs[k]!.default ?? '';
      const cell = rest.split(' | ')[0]!;
      expect(cell, k).toBe(def === '' ? '(empty)' : `\`${def}\``);
      expect(rest, k).toContain(action.inputs[k]!.description.replace(/\|/g, '\\|'));
    }
  });

  it('docs/action-reference.md and the README tables are what scripts/action-reference.mjs generates from action.yml', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/action-reference.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the README carries the same inputs/outputs table', () => {
    const doc = readFileSync(join(root, 'docs/action-reference.md'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBe(Object.keys(action.inputs).length + Object.keys(action.outputs).length);
    for (const r of rows) expect(readme, r).toContain(r);
  });

  it.skipIf(!validator)('validates against the action schema (@action-validator)', () => {
    expect(validator!.validateAction(text.replace(/using: node24/, 'using: node20')).errors).toEqual([]);
    // A broken action is rejected, so the check can fail.
    expect(validator!.validateAction(text.replace('main: dist/index.js', 'mian: dist/index.js').replace(/using: node24/, 'using: node20')).errors.length).toBeGreaterThan(0);
  });
});

describe('workflows', () => {
  const dir = join(root, '.github/workflows');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];

  it('ci.yml runs the tests, checks dist/ and runs the action with the documented permissions', () => {
    const ci = parse(readFileSync(join(dir, 'ci.yml'), 'utf8')) as { jobs: Record<string, { permissions?: Record<string, string>; steps: { run?: string; uses?: string; with?: Record<string, string> }[] }> };
    const runs = Object.values(ci.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm test');
    expect(runs).toMatch(/npm run bundle[\s\S]*git diff --exit-code[^\n]*dist\//);
    const job = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.uses === './'))!;
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    expect(job.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
  });

  it.skipIf(!validator)('every workflow file validates against the workflow schema (@action-validator)', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(validator!.validateWorkflow(readFileSync(join(dir, f), 'utf8')).errors, f).toEqual([]);
  });
});
