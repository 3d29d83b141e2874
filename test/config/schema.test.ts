/**
 * schema/ptrace-doctor.schema.json (what editors complete and check with) and
 * the validator the CLI runs (src/config/validate.ts, which names the key and
 * line) must agree on every file: hand-written good and bad files, and
 * thousands generated ones, get the same verdict from both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateConfigText } from '../../src/config/validate.js';
import { RULES } from '../../src/rules/index.js';
import { draft07 } from '../helpers/schemas.js';
import { ROOT } from '../helpers/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/ptrace-doctor.schema.json'), 'utf8')) as {
  properties: { rules: { properties: Record<string, unknown> } };
  definitions: { rule: { enum: string[] } };
};
const validate = draft07(schema);
const bySchema = (text: string): boolean => validate(parse(text) ?? null);
const byValidator = (text: string): boolean => validateConfigText(text).ok;

const GOOD: Record<string, string> = {
  empty: '',
  comments: '# nothing yet\n',
  full: [
    '# yaml-language-server: $schema=https://example.test/schema.json',
    'fail-on: warning',
    'rules:',
    '  PTD010: off',
    '  delve-version-unpinned: warning',
    '  PTD001: error',
    'exclude:',
    '  - "vendor/**"',
    '  - testdata',
    'suppress:',
    '  - rules: [PTD003, seccomp-unconfined]',
    '    services: [dind, Deployment/web]',
    '    reason: runs Docker in Docker',
    '  - paths: ["deploy/lab/**"]',
    '    reason: "lab cluster, no network"',
    '',
  ].join('\n'),
  nullCollections: 'rules:\nexclude:\nsuppress:\n',
  schemaKey: '$schema: ./schema/ptrace-doctor.schema.json\n',
  never: 'fail-on: never\n',
};

const BAD: Record<string, [string, RegExp]> = {
  unknownTop: ['fail_on: error\n', /^\.ptrace-doctor\.yaml:1:1: fail_on: unknown key "fail_on".*did you mean "fail-on"\?/],
  badSetting: ['rules:\n  PTD010: of\n', /:2:11: rules\.PTD010: must be one of error, warning, note, off, got the text "of"; did you mean "off"\?/],
  unknownRule: ['rules:\n  PTD099: off\n', /:2:3: rules\.PTD099: "PTD099" is no rule id or slug/],
  lowercaseId: ['rules:\n  ptd010: off\n', /rules\.ptd010: "ptd010" is no rule id or slug; did you mean "PTD010"\?/],
  noReason: ['suppress:\n  - paths: [a]\n', /:2:5: suppress\[0\]: needs a reason/],
  blankReason: ['suppress:\n  - paths: [a]\n    reason: "  "\n', /:3:13: suppress\[0\]\.reason: must say why/],
  noSelector: ['suppress:\n  - rules: [PTD001]\n    reason: x\n', /suppress\[0\]: needs paths or services/],
  emptyList: ['suppress:\n  - paths: []\n    reason: x\n', /suppress\[0\]\.paths: must not be an empty list/],
  numberGlob: ['exclude:\n  - 12\n', /:2:5: exclude\[0\]: must be text, got number 12 \(quote it\)/],
  emptyGlob: ['exclude: [""]\n', /exclude\[0\]: must not be empty/],
  scalarRules: ['rules: PTD010\n', /:1:8: rules: must be a mapping/],
  entryKey: ['suppress:\n  - paths: [a]\n    reason: x\n    because: y\n', /:4:5: suppress\[0\]\.because: unknown key "because"/],
  badFailOn: ['fail-on: errors\n', /:1:10: fail-on: must be one of error, warning, note, never, got the text "errors"; did you mean "error"\?/],
  listTop: ['- PTD001\n', /:1:1: must be a mapping of settings/],
  boolRuleInList: ['suppress:\n  - rules: [true]\n    paths: [a]\n    reason: x\n', /suppress\[0\]\.rules\[0\]: must be text, got boolean true/],
  scalarEntry: ['suppress:\n  - vendor\n', /suppress\[0\]: must be a mapping/],
};

/** Beyond what a JSON Schema can say: the validator refuses these, the schema accepts them. */
const VALIDATOR_ONLY: Record<string, [string, RegExp]> = {
  alias: ['exclude: &x ["a"]\nsuppress:\n  - paths: *x\n    reason: y\n', /anchors and aliases are not supported/],
  duplicateKey: ['fail-on: error\nfail-on: note\n', /not valid YAML: Map keys must be unique/],
  sameRuleTwice: ['rules:\n  PTD010: off\n  debug-binary-optimized: note\n', /names the same rule as "PTD010" \(PTD010\)/],
  twoDocuments: ['fail-on: error\n---\nfail-on: note\n', /more than one YAML document/],
  customTag: ['fail-on: !env ERROR\n', /tag/],
};

describe('schema/ptrace-doctor.schema.json', () => {
  it('is a valid draft-07 schema whose rule names are exactly the catalogue', () => {
    const names = [...RULES.map((r) => r.id), ...RULES.map((r) => r.slug)];
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...names].sort());
    expect([...schema.definitions.rule.enum].sort()).toEqual([...names].sort());
  });

  it('accepts the good files and rejects the bad ones, as the validator does', () => {
    for (const [name, text] of Object.entries(GOOD)) {
      expect(bySchema(text), `schema: ${name} ${JSON.stringify(validate.errors)}`).toBe(true);
      const v = validateConfigText(text);
      expect(v.ok, `validator: ${name} ${JSON.stringify(v)}`).toBe(true);
    }
    for (const [name, [text, message]] of Object.entries(BAD)) {
      expect(bySchema(text), `schema: ${name}`).toBe(false);
      const v = validateConfigText(text);
      expect(v.ok, `validator: ${name}`).toBe(false);
      if (!v.ok) {
        const shown = v.problems.map((p) => `.ptrace-doctor.yaml:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
        expect(shown, name).toMatch(message);
      }
    }
  });

  it('the example in the README is a valid configuration, for both', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Configuration file'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(example).toContain('suppress:');
    expect(validateConfigText(example).ok).toBe(true);
    expect(bySchema(example)).toBe(true);
  });

  it('the checks a JSON Schema cannot express are the validator\'s alone', () => {
    for (const [name, [text, message]] of Object.entries(VALIDATOR_ONLY)) {
      const v = validateConfigText(text);
      expect(v.ok, name).toBe(false);
      if (!v.ok) expect(v.problems.map((p) => p.message).join('\n'), name).toMatch(message);
    }
  });

  it('gives the same verdict as the validator on generated files', () => {
    // Mostly valid pieces with a mistake here and there, so both verdicts are common.
    const w = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });
    const ruleName = w(fc.constantFrom(...RULES.map((r) => r.id), ...RULES.map((r) => r.slug)), fc.constantFrom('PTD099', 'ptd001', 'missing-ptrace', ''));
    const text = w(fc.constantFrom('a', 'vendor/**', 'dind', '**/*.yml', 'Deployment/web'), fc.oneof(fc.constantFrom('', ' '), fc.string({ maxLength: 8 })));
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
    const listOf = <T>(a: fc.Arbitrary<T>) => w(fc.array(a, { minLength: 1, maxLength: 3 }), fc.oneof(fc.constant([]), scalar));
    const setting = w(fc.constantFrom('error', 'warning', 'note', 'off'), fc.oneof(fc.constantFrom('never', 'Off'), scalar));
    const ruleKey = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...RULES.map((r) => r.id), 'seccomp-unconfined') }, { weight: 1, arbitrary: fc.constantFrom('PTD099', 'nope') });
    const rules = w(fc.dictionary(ruleKey, setting, { maxKeys: 3 }), scalar);
    const entry = w(
      fc.record({ rules: listOf(ruleName), paths: listOf(text), services: listOf(text), reason: w(fc.constantFrom('why', 'lab only'), fc.oneof(fc.constant(' '), scalar)) }, { requiredKeys: [] }),
      fc.oneof(scalar, fc.record({ extra: scalar, reason: scalar })),
    );
    const config = w(
      fc.record({ 'fail-on': w(fc.constantFrom('error', 'warning', 'note', 'never'), fc.oneof(fc.constant('off'), scalar)), rules, exclude: listOf(text), suppress: listOf(entry), $schema: w(fc.constant('./s.json'), scalar) }, { requiredKeys: [] }),
      fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.record({ failOn: scalar })),
    );
    let valid = 0;
    fc.assert(
      fc.property(config, (c) => {
        // A rule named twice (by id and slug) is the validator's own check: leave it out of the comparison.
        const r = c && typeof c === 'object' ? (c as { rules?: unknown }).rules : undefined;
        if (r && typeof r === 'object' && 'seccomp-unconfined' in r && 'PTD002' in r) return true;
        const yamlText = stringify(c);
        const a = bySchema(yamlText);
        const b = byValidator(yamlText);
        if (a) valid++;
        expect(b, `${yamlText}\nschema: ${a} ${JSON.stringify(validate.errors)}\nvalidator: ${JSON.stringify(validateConfigText(yamlText))}`).toBe(a);
      }),
      { numRuns: 1500, seed: 20 },
    );
    // The generator reaches both verdicts, so the agreement says something.
    expect(valid).toBeGreaterThan(150);
    expect(valid).toBeLessThan(1350);
  });
});
