/**
 * validate(): the re-parse that decides whether a fix is offered, and makeFix
 * around it. The cheaper paths (memoised verdicts, the Dockerfile pre-check,
 * the iterative duplicate-key walk) must give exactly the verdicts of a full
 * parse: checked here against the parsers themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';
import { clearValidateCache, hasDockerfileInstruction, validate } from '../../src/fix/validate.js';
import { settleFixes } from '../../src/fix/settle.js';
import { makeFix } from '../../src/fix/editors.js';
import { applyEdits } from '../../src/fix/text.js';
import { makeSourceFile } from '../../src/source.js';
import type { Finding, SourceFile, TextEdit } from '../../src/types.js';

const SEED = Number(process.env.FC_SEED ?? 20240611);

/** The Dockerfile verdict as a full parse gives it. */
function dockerfileVerdict(text: string): string | undefined {
  return DockerfileParser.parse(text).getInstructions().length === 0 && text.trim() !== '' ? 'no instructions' : undefined;
}

describe('validate', () => {
  it('keys its memoised verdicts by kind as well as text', () => {
    clearValidateCache();
    const comment = '# only a comment\n';
    expect(validate('compose', comment)).toBeUndefined();
    expect(validate('dockerfile', comment)).toBe('no instructions');
    expect(validate('compose', comment)).toBeUndefined();
    expect(validate('dockerfile', comment)).toBe('no instructions');
    const jsonc = '{\n  // a comment\n  "a": 1,\n}\n';
    expect(validate('devcontainer', jsonc)).toBeUndefined();
    expect(validate('seccomp', jsonc)).toMatch(/^JSON error/);
    expect(validate('devcontainer', jsonc)).toBeUndefined();
    expect(validate('seccomp', jsonc)).toMatch(/^JSON error/);
  });

  it('parses an Okteto manifest as YAML: a fix that breaks it or duplicates a key is refused', () => {
    expect(validate('okteto', 'dev:\n  api:\n    securityContext:\n      capabilities:\n        add:\n          - SYS_PTRACE\n')).toBeUndefined();
    expect(validate('okteto', 'dev:\n  api:\n    forward: [2345:2345\n')).toBeDefined();
    expect(validate('okteto', 'dev:\n  api:\n    securityContext: {}\n    securityContext: {}\n')).toBe('Map keys must be unique');
  });

  it('gives the same verdict from the cache as from a fresh parse', () => {
    const texts = ['services:\n  a:\n    image: x\n', 'services:\n  a:\n    image: x\n    image: y\n', 'services: [\n', 'a: 1\n---\nb: 1\nb: 2\n'];
    clearValidateCache();
    const cold = texts.map((t) => validate('compose', t));
    const warm = texts.map((t) => validate('compose', t));
    expect(warm).toEqual(cold);
    expect(cold).toEqual([undefined, 'Map keys must be unique', expect.any(String), 'Map keys must be unique']);
  });

  it('finds duplicate keys in nested maps, maps used as keys, flow sequences and later documents, but not NaN keys', () => {
    clearValidateCache();
    expect(validate('compose', 'a:\n  b:\n    - c: 1\n      c: 2\n')).toBe('Map keys must be unique');
    expect(validate('compose', '? {a: 1, a: 2}\n: x\n')).toBe('Map keys must be unique');
    expect(validate('compose', 'l: [a: 1, b: 2]\nm: {x: 1, x: 2}\n')).toBe('Map keys must be unique');
    expect(validate('kubernetes', 'kind: Pod\n---\nkind: Pod\nkind: Service\n')).toBe('Map keys must be unique');
    expect(validate('compose', '{.nan: 1, .NaN: 2}\n')).toBeUndefined();
    // Different collection nodes with equal content are not equal keys (as with uniqueKeys: true).
    expect(validate('compose', '? [a]\n: 1\n? [a]\n: 2\n')).toBeUndefined();
  });

  it('agrees with the yaml parser\'s own uniqueKeys check on generated YAML', () => {
    const tok = fc.constantFrom('a', 'b', 'a:', 'b:', ' ', '  ', '\n', '- ', ': ', '? ', '[', ']', '{', '}', ', ', '"a"', "'b'", '# c', '---\n', '&x ', '*x', '.nan', '1', '1.0', 'null', '~', '!!str ', '[a: 1, a: 2]', '{a: 1, a: 1}', '? {a: 1}\n: 2\n');
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 30 }).map((a) => a.join('')), (t) => {
        clearValidateCache();
        const strict = parseAllDocuments(t, { prettyErrors: false, uniqueKeys: true });
        const ok = (Array.isArray(strict) ? strict : [strict]).every((d) => d.errors.length === 0);
        expect(validate('compose', t) === undefined).toBe(ok);
        expect(validate('compose', t) === undefined).toBe(ok);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('decides Dockerfiles as dockerfile-ast does, including its parser-directive quirks', () => {
    clearValidateCache();
    const cases: string[] = [
      '', ' \n\t\n', 'FROM a\n', '# syntax=docker/dockerfile:1\nFROM a\n', '# c\n# d\n\nFROM a\n', '# c\n# d\n',
      // Two directives on one line: the parser starts reading at line 2, past the FROM.
      '#a=b #c=d\nFROM x\n',
      '## header\nFROM a\n', '\uFEFFFROM a\n', '\uFEFF# c\n', '# a=b\rX#c=d\n', '# a=b\r\nFROM a\r\n', '\rFROM a', '  \\\n', '#\n#\n#\nFROM a',
    ];
    for (const t of cases) expect(validate('dockerfile', t), JSON.stringify(t)).toBe(dockerfileVerdict(t));
    expect(validate('dockerfile', '#a=b #c=d\nFROM x\n')).toBe('no instructions');
  });

  it('never claims an instruction that dockerfile-ast does not find, and matches its verdict on generated text', () => {
    const tok = fc.constantFrom('FROM a', 'RUN x', '#', '# c', '#a=b', ' #c=d', '# escape=`', '# syntax=x', ' ', '\t', '\n', '\r\n', '\r', '\\', '`', '\uFEFF', '=', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.array(tok, { maxLength: 20 }).map((a) => a.join('')), fc.string({ maxLength: 40 })), (t) => {
        clearValidateCache();
        if (hasDockerfileInstruction(t)) expect(DockerfileParser.parse(t).getInstructions().length).toBeGreaterThan(0);
        expect(validate('dockerfile', t)).toBe(dockerfileVerdict(t));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('makeFix', () => {
  const compose = makeSourceFile('compose.yml', '/r/compose.yml', 'compose', 'services:\n  a:\n    image: x\n');
  const dockerfile = makeSourceFile('Dockerfile', '/r/Dockerfile', 'dockerfile', 'FROM golang\nRUN go build .\n');

  it('returns whole-line edits for every edited file when all of them still parse', () => {
    const edits = [
      { path: 'compose.yml', start: compose.text.length, end: compose.text.length, text: '    cap_add:\n      - SYS_PTRACE\n' },
      { path: 'Dockerfile', start: 24, end: 24, text: ' -gcflags="all=-N -l"' },
    ];
    const fix = makeFix('both', edits, [compose, dockerfile]);
    expect(fix).toBeDefined();
    expect(fix!.files).toEqual([compose, dockerfile]);
    expect(applyEdits(compose.text, fix!.edits.filter((e) => e.path === 'compose.yml'))).toBe('services:\n  a:\n    image: x\n    cap_add:\n      - SYS_PTRACE\n');
    expect(applyEdits(dockerfile.text, fix!.edits.filter((e) => e.path === 'Dockerfile'))).toBe('FROM golang\nRUN go build -gcflags="all=-N -l" .\n');
  });

  it('offers nothing when any edited file stops parsing, whatever its position (the scan settles each file once)', () => {
    const good = { path: 'Dockerfile', start: 24, end: 24, text: ' -v' };
    const dup = { path: 'compose.yml', start: compose.text.length, end: compose.text.length, text: '    image: y\n' };
    const noInstructions = { path: 'Dockerfile', start: 0, end: dockerfile.text.length, text: '# nothing left\n' };
    const finding = (edits: TextEdit[], files: SourceFile[]): Finding => ({ ruleId: 'PTD001', severity: 'note', title: 't', message: 'm', span: { file: files[0]!, start: 0, end: 0 }, related: [], fingerprint: JSON.stringify(edits), fix: makeFix('x', edits, files)! });
    for (const [edits, files] of [[[good, dup], [compose, dockerfile]], [[dup, good], [compose, dockerfile]], [[noInstructions], [dockerfile]]] as Array<[TextEdit[], SourceFile[]]>) {
      const f = finding(edits, files);
      expect(f.fix, 'makeFix makes the edits').toBeDefined();
      const s = settleFixes([f]);
      expect(s.accepted, JSON.stringify(edits)).toEqual([]);
      expect(f.fix).toBeUndefined();
    }
    // An edit of a file the fix does not carry, and edits that overlap, are no fix at all.
    expect(makeFix('x', [good], [compose])).toBeUndefined();
    expect(makeFix('x', [good, { ...good, start: 23, end: 25 }], [dockerfile])).toBeUndefined();
    // The good edit alone is offered, and settling validates it.
    const ok = finding([good], [dockerfile]);
    expect(settleFixes([ok]).accepted).toEqual([ok]);
  });
});
