/**
 * The HCL2 parser (src/parse/hcl.ts) on bake files shaped like real ones:
 * every node's range slices back to its source, templates keep their parts,
 * heredocs and comments, the expressions it only skips, errors with offsets,
 * and bounded cost on hostile input.
 */
import { describe, expect, it } from 'vitest';
import {
  HclError,
  MAX_DEPTH,
  hclAttributes,
  hclBlocks,
  parseHcl,
  parseTemplate,
  templateLiteral,
  type HclBlock,
  type HclBody,
  type HclExpression,
  type HclTemplate,
} from '../../src/parse/hcl.js';

const BAKE = `# docker-bake.hcl for the api
variable "REGISTRY" {
  default = "ghcr.io/acme"
}

variable "TAG" { default = "dev" }

// the common base
target "_common" {
  context    = "."
  args = {
    GO_VERSION = "1.22"
    "CGO_ENABLED": "0",
  }
  platforms = ["linux/amd64", "linux/arm64",]
}

/* the debug image,
   built for delve */
target "api-debug" {
  inherits   = ["_common"]
  dockerfile = "build/Dockerfile.debug"
  target     = "debug"
  tags       = ["\${REGISTRY}/api:\${TAG}-debug", "api:debug"]
  labels     = { "org.opencontainers.image.source" = "https://github.com/acme/api" }
}

group "default" {
  targets = ["api-debug"]
}
`;

function slice(text: string, n: { start: number; end: number }): string {
  return text.slice(n.start, n.end);
}

function attr(body: HclBody, name: string): HclExpression {
  const a = hclAttributes(body).get(name);
  if (!a) throw new Error(`no attribute ${name}`);
  return a.expr;
}

function block(body: HclBody, type: string, label: string): HclBlock {
  const b = hclBlocks(body, type).find((x) => x.labels[0]?.value === label);
  if (!b) throw new Error(`no block ${type} ${label}`);
  return b;
}

function errorOf(text: string): HclError {
  try {
    parseHcl(text);
  } catch (e) {
    if (e instanceof HclError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe('structure', () => {
  it('reads blocks, labels and attributes of a bake file with exact ranges', () => {
    const body = parseHcl(BAKE);
    expect(body.items.map((i) => (i.type === 'block' ? `${i.blockType} ${i.labels.map((l) => l.value).join(' ')}` : i.name))).toEqual([
      'variable REGISTRY',
      'variable TAG',
      'target _common',
      'target api-debug',
      'group default',
    ]);
    const api = block(body, 'target', 'api-debug');
    expect(slice(BAKE, api)).toMatch(/^target "api-debug" \{[\s\S]*\}$/);
    expect(slice(BAKE, api.labels[0]!)).toBe('"api-debug"');
    expect(api.labels[0]!.quoted).toBe(true);
    expect(BAKE.slice(api.typeStart, api.typeEnd)).toBe('target');
    const df = hclAttributes(api.body).get('dockerfile')!;
    expect(slice(BAKE, df)).toBe('dockerfile = "build/Dockerfile.debug"');
    expect(BAKE.slice(df.nameStart, df.nameEnd)).toBe('dockerfile');
    expect(slice(BAKE, df.expr)).toBe('"build/Dockerfile.debug"');
    expect(templateLiteral(df.expr as HclTemplate)).toBe('build/Dockerfile.debug');
    // A one-line block.
    const tag = block(body, 'variable', 'TAG');
    expect(slice(BAKE, tag)).toBe('variable "TAG" { default = "dev" }');
    expect(slice(BAKE, attr(tag.body, 'default'))).toBe('"dev"');
  });

  it('keeps every node of tuples and nested objects at its source', () => {
    const body = parseHcl(BAKE);
    const common = block(body, 'target', '_common');
    const platforms = attr(common.body, 'platforms');
    expect(platforms.type).toBe('tuple');
    if (platforms.type !== 'tuple') return;
    expect(platforms.items.map((i) => slice(BAKE, i))).toEqual(['"linux/amd64"', '"linux/arm64"']);
    expect(slice(BAKE, platforms)).toBe('["linux/amd64", "linux/arm64",]');
    const args = attr(common.body, 'args');
    expect(args.type).toBe('object');
    if (args.type !== 'object') return;
    expect(args.items.map((i) => [i.key.name, slice(BAKE, i.key), slice(BAKE, i.value), slice(BAKE, i)])).toEqual([
      ['GO_VERSION', 'GO_VERSION', '"1.22"', 'GO_VERSION = "1.22"'],
      ['CGO_ENABLED', '"CGO_ENABLED"', '"0"', '"CGO_ENABLED": "0"'],
    ]);
    const nested = parseHcl('x = { a = [1, { b = [true, null, 2.5e3] }], c = {} }\n');
    const x = attr(nested, 'x');
    if (x.type !== 'object') throw new Error('object expected');
    const a = x.items[0]!.value;
    if (a.type !== 'tuple') throw new Error('tuple expected');
    const inner = a.items[1]!;
    if (inner.type !== 'object') throw new Error('object expected');
    const b = inner.items[0]!.value;
    if (b.type !== 'tuple') throw new Error('tuple expected');
    expect(b.items.map((i) => i.type)).toEqual(['bool', 'null', 'number']);
    expect(b.items[2]).toMatchObject({ type: 'number', value: 2500, raw: '2.5e3' });
    const text = 'x = { a = [1, { b = [true, null, 2.5e3] }], c = {} }\n';
    expect(slice(text, inner)).toBe('{ b = [true, null, 2.5e3] }');
    expect(slice(text, x.items[1]!.value)).toBe('{}');
  });

  it('accepts newlines inside brackets and as object separators, and identifiers as labels', () => {
    const text = 'target foo {\n  tags = [\n    "a",\n\n    "b"\n  ]\n  args = {\n    A = "1"\n\n    B = "2"\n  }\n}\n';
    const body = parseHcl(text);
    const t = hclBlocks(body, 'target')[0]!;
    expect(t.labels[0]).toMatchObject({ value: 'foo', quoted: false });
    const tags = attr(t.body, 'tags');
    expect(tags.type === 'tuple' && tags.items.length).toBe(2);
    const args = attr(t.body, 'args');
    expect(args.type === 'object' && args.items.map((i) => i.key.name)).toEqual(['A', 'B']);
  });

  it('handles CRLF line ends and an empty file', () => {
    const text = 'target "a" {\r\n  context = "."\r\n}\r\n';
    const t = hclBlocks(parseHcl(text), 'target')[0]!;
    expect(slice(text, attr(t.body, 'context'))).toBe('"."');
    expect(parseHcl('').items).toEqual([]);
    expect(parseHcl('\n# only a comment\n').items).toEqual([]);
  });
});

describe('templates', () => {
  it('keeps the raw source and the parts: literals unescaped, interpolations as written', () => {
    const body = parseHcl(BAKE);
    const tags = attr(block(body, 'target', 'api-debug').body, 'tags');
    if (tags.type !== 'tuple') throw new Error('tuple expected');
    const t = tags.items[0] as HclTemplate;
    expect(t.type).toBe('template');
    expect(t.raw).toBe('"${REGISTRY}/api:${TAG}-debug"');
    expect(t.parts.map((p) => [p.kind, p.kind === 'literal' ? p.value : p.raw])).toEqual([
      ['interpolation', '${REGISTRY}'],
      ['literal', '/api:'],
      ['interpolation', '${TAG}'],
      ['literal', '-debug'],
    ]);
    for (const p of t.parts) {
      if (p.kind === 'interpolation') {
        expect(slice(BAKE, p)).toBe(p.raw);
        expect(BAKE.slice(p.exprStart, p.exprEnd)).toBe(p.expr);
      } else expect(slice(BAKE, p)).toBe(p.kind === 'literal' ? p.value : p.raw);
    }
  });

  it('unescapes escape sequences and the doubled $${ and %%{', () => {
    const text = 'a = "q\\"uote\\\\ \\n\\t\\u00e9\\U0001F600 $${LITERAL} %%{x}"\n';
    const a = attr(parseHcl(text), 'a') as HclTemplate;
    expect(templateLiteral(a)).toBe('q"uote\\ \n\té😀 ${LITERAL} %{x}');
    expect(slice(text, a)).toBe(a.raw);
  });

  it('skips over nested braces, strings and interpolations inside an interpolation', () => {
    const text = 'a = "x-${join("-", [for s in ["a}", "${b}"]: "${s}"])}-${ { k = "}" }.k }-y"\n';
    const a = attr(parseHcl(text), 'a') as HclTemplate;
    expect(a.parts.map((p) => p.kind)).toEqual(['literal', 'interpolation', 'literal', 'interpolation', 'literal']);
    const i1 = a.parts[1]!;
    expect(i1.kind === 'interpolation' && i1.expr).toBe('join("-", [for s in ["a}", "${b}"]: "${s}"])');
    const i2 = a.parts[3]!;
    expect(i2.kind === 'interpolation' && i2.expr).toBe(' { k = "}" }.k ');
    expect(a.parts[4]).toMatchObject({ kind: 'literal', value: '-y' });
  });

  it('applies strip markers and keeps directives as raw text', () => {
    const text = 'a = "hello   ${~ name ~}   world %{ if x }y%{ endif }"\n';
    const a = attr(parseHcl(text), 'a') as HclTemplate;
    expect(a.parts.map((p) => (p.kind === 'literal' ? `L:${p.value}` : p.kind === 'interpolation' ? `I:${p.expr}` : `D:${p.raw}`))).toEqual([
      'L:hello',
      'I: name ',
      'L:world ',
      'D:%{ if x }',
      'L:y',
      'D:%{ endif }',
    ]);
  });

  it('parses a standalone template (the JSON profile) with offsets into its text', () => {
    const parts = parseTemplate('${REGISTRY}/app:$${raw}\n${TAG}');
    expect(parts.map((p) => (p.kind === 'literal' ? p.value : p.raw))).toEqual(['${REGISTRY}', '/app:${raw}\n', '${TAG}']);
    expect(parts[2]).toMatchObject({ start: 24, end: 30 });
  });
});

describe('heredocs', () => {
  it('reads <<EOF with its content, interpolations included, and the node range to the marker', () => {
    const text = 'target "x" {\n  dockerfile-inline = <<EOT\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@${DLV}\nEOT\n  target = "x"\n}\n';
    const t = hclBlocks(parseHcl(text), 'target')[0]!;
    const h = attr(t.body, 'dockerfile-inline') as HclTemplate;
    expect(h.type).toBe('template');
    expect(h.heredoc).toEqual({ marker: 'EOT', indent: false });
    expect(slice(text, h)).toBe('<<EOT\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@${DLV}\nEOT');
    expect(h.parts.map((p) => (p.kind === 'literal' ? p.value : p.raw))).toEqual(['FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@', '${DLV}', '\n']);
    expect(slice(text, attr(t.body, 'target'))).toBe('"x"');
  });

  it('strips the common indentation of <<- and allows an indented closing marker', () => {
    const text = 'a = <<-EOF\n    FROM alpine\n      RUN echo "hi \\n"\n\n    CMD ["sh"]\n    EOF\nb = 1\n';
    const body = parseHcl(text);
    const a = attr(body, 'a') as HclTemplate;
    expect(a.heredoc).toEqual({ marker: 'EOF', indent: true });
    expect(templateLiteral(a)).toBe('FROM alpine\n  RUN echo "hi \\n"\n\nCMD ["sh"]\n');
    expect(slice(text, a).endsWith('    EOF')).toBe(true);
    expect(attr(body, 'b')).toMatchObject({ type: 'number', value: 1 });
  });

  it('does not end a heredoc at a line that only starts with the marker', () => {
    const text = 'a = <<EOF\nEOFX\n EOF \nEOF\n';
    expect(templateLiteral(attr(parseHcl(text), 'a') as HclTemplate)).toBe('EOFX\n EOF \n');
  });
});

describe('comments', () => {
  it('ignores #, // and /* */ comments, also where newlines matter', () => {
    const text = [
      '# leading',
      'target "a" { # after the brace',
      '  // a line comment',
      '  tags = [ /* inline */ "a", // after an element',
      '    "b" # another',
      '  ]',
      '  context = /* before a value */ "." /* after a value */',
      '  args = {',
      '    A = "1" # after an element',
      '  }',
      '}',
      '/* trailing',
      '   comment */',
    ].join('\n');
    const t = hclBlocks(parseHcl(text), 'target')[0]!;
    const tags = attr(t.body, 'tags');
    expect(tags.type === 'tuple' && tags.items.map((i) => slice(text, i))).toEqual(['"a"', '"b"']);
    expect(slice(text, attr(t.body, 'context'))).toBe('"."');
    const args = attr(t.body, 'args');
    expect(args.type === 'object' && args.items.length).toBe(1);
  });

  it('keeps comment characters inside strings', () => {
    const a = attr(parseHcl('a = "http://x/#y /* z */"\n'), 'a') as HclTemplate;
    expect(templateLiteral(a)).toBe('http://x/#y /* z */');
  });
});

describe('expressions it only skips', () => {
  it('represents traversals and function calls, with their ranges', () => {
    const text = 'a = target.base.tags\nb = var.x[0]\nc = concat(target.base.tags, ["x"], list...)\nd = lower(trimprefix("${A}", "v"))\n';
    const body = parseHcl(text);
    const a = attr(body, 'a');
    expect(a).toMatchObject({ type: 'traversal', root: 'target', steps: [{ kind: 'attr', name: 'base' }, { kind: 'attr', name: 'tags' }] });
    expect(slice(text, a)).toBe('target.base.tags');
    const b = attr(body, 'b');
    expect(b.type === 'traversal' && b.steps.map((s) => s.kind)).toEqual(['attr', 'index']);
    const c = attr(body, 'c');
    expect(c).toMatchObject({ type: 'call', name: 'concat', expandFinal: true });
    expect(c.type === 'call' && c.args.map((x) => slice(text, x))).toEqual(['target.base.tags', '["x"]', 'list']);
    const d = attr(body, 'd');
    expect(d.type === 'call' && d.args[0]!.type).toBe('call');
    expect(slice(text, d)).toBe('lower(trimprefix("${A}", "v"))');
  });

  it('keeps operations, conditionals, for expressions and splats as opaque expressions with their raw text', () => {
    const text = [
      'a = TAG == "" ? "latest" : TAG',
      'b = !x && (y || -z) + 1 * 2 >= 3',
      'c = [for t in TAGS : "${REPO}:${t}" if t != ""]',
      'd = { for k, v in ARGS :',
      '  k => upper(v)... if v != null }',
      'e = list[*].name',
      'f = list.*.id',
      'g = x ? y ? 1 : 2 : 3',
      'h = f(x)[0].y',
      'i = (a.b)',
    ].join('\n');
    const body = parseHcl(text);
    const get = (n: string): HclExpression => attr(body, n);
    expect(get('a')).toMatchObject({ type: 'opaque', what: 'conditional', raw: 'TAG == "" ? "latest" : TAG' });
    expect(get('b')).toMatchObject({ type: 'opaque', what: 'operation', raw: '!x && (y || -z) + 1 * 2 >= 3' });
    expect(get('c')).toMatchObject({ type: 'opaque', what: 'for', raw: '[for t in TAGS : "${REPO}:${t}" if t != ""]' });
    expect(get('d')).toMatchObject({ type: 'opaque', what: 'for', raw: '{ for k, v in ARGS :\n  k => upper(v)... if v != null }' });
    expect(get('e')).toMatchObject({ type: 'opaque', what: 'splat', raw: 'list[*].name' });
    expect(get('f')).toMatchObject({ type: 'opaque', what: 'splat', raw: 'list.*.id' });
    expect(get('g')).toMatchObject({ type: 'opaque', what: 'conditional', raw: 'x ? y ? 1 : 2 : 3' });
    expect(get('h')).toMatchObject({ type: 'opaque', what: 'index', raw: 'f(x)[0].y' });
    expect(get('i')).toMatchObject({ type: 'parens', expr: { type: 'traversal', root: 'a' } });
    for (const it of body.items) if (it.type === 'attribute') expect(slice(text, it.expr)).toBe((it.expr as { raw?: string }).raw ?? slice(text, it.expr));
  });

  it('parses bake function blocks and matrix targets', () => {
    const text = [
      'function "tag" {',
      '  params = [name, tag]',
      '  result = ["${name}:${tag}"]',
      '}',
      'target "app" {',
      '  name = "app-${replace(item.tgt, ".", "-")}"',
      '  matrix = {',
      '    item = [',
      '      { tgt = "a", ver = "1" },',
      '      { tgt = "b", ver = "2" },',
      '    ]',
      '  }',
      '  tags = tag("app", item.ver)',
      '}',
    ].join('\n');
    const body = parseHcl(text);
    expect(hclBlocks(body, 'function')[0]!.labels[0]!.value).toBe('tag');
    expect(attr(hclBlocks(body, 'target')[0]!.body, 'tags')).toMatchObject({ type: 'call', name: 'tag' });
  });
});

describe('errors', () => {
  it('throws HclError with the offset of the fault', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['target "a" {\n  context = "."\n', '{', /not closed/],
      ['a = "unterminated\n', '"unterminated', /not closed on its line/],
      ['a = [1, 2\nb = 3\n', 'b', /expected , or \]/],
      ['a = 1 2\n', '2', /expected a newline/],
      ['a = \n', '\n', /expected an expression/],
      ['= 1\n', '=', /expected an attribute or block name/],
      ['target "a" "${x}" {\n}\n', '"${x}"', /label/],
      ['a = "${x"\n', '${x"', /not closed/],
      ['a = <<EOF\nno end\n', '<<EOF', /heredoc/],
      ['a = "\\q"\n', '\\q', /invalid escape/],
      ['a = 1\na = 2\n', 'a = 2', /defined twice/],
      ['a = 1 /* never closed\n', '/*', /comment/],
      ['a = @\n', '@', /unexpected "@"/],
      ['target "a" { b = 1 c = 2 }\n', 'c = 2', /expected a newline/],
      ['a = { b = 1 c = 2 }\n', 'c = 2', /expected a comma/],
      ['a = f(1 2)\n', '2)', /expected , or \)/],
    ];
    const got = cases.map(([text]) => {
      const e = errorOf(text);
      return [e.message, e.offset];
    });
    for (const [k, [text, at, re]] of cases.entries()) {
      expect.soft(got[k]![0], text).toMatch(re);
      expect.soft(got[k]![1], `${text} → ${got[k]![0]}`).toBe(text.indexOf(at));
    }
  });

  it('refuses nesting deeper than the limit without a stack overflow, and accepts it up to the limit', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{ a = ', ' }'],
      ['f(', ')'],
    ] as const) {
      const deep = `a = ${open.repeat(100_000)}1${close.repeat(100_000)}\n`;
      const e = errorOf(deep);
      expect(e.message).toMatch(/nested more than 64/);
      const ok = `a = ${open.repeat(MAX_DEPTH - 2)}1${close.repeat(MAX_DEPTH - 2)}\n`;
      expect(() => parseHcl(ok), open).not.toThrow();
    }
    expect(errorOf('b { '.repeat(100_000) + '}'.repeat(100_000)).message).toMatch(/nested more than 64/);
    expect(errorOf(`a = ${'x ? '.repeat(100_000)}1${' : 2'.repeat(100_000)}\n`).message).toMatch(/nested more than 64/);
    expect(errorOf(`a = "${'${"'.repeat(100_000)}`).message).toMatch(/nested more than 64/);
    // Unary operators are a loop, not recursion.
    expect(attr(parseHcl(`a = ${'-'.repeat(100_000)}1\n`), 'a')).toMatchObject({ type: 'opaque', what: 'operation' });
  });
});

describe('cost', () => {
  it('parses a 1 MiB generated bake file', () => {
    const chunk = (i: number): string =>
      `# target ${i}\ntarget "t${i}" {\n  inherits = ["_common"]\n  context = "svc/${i}"\n  tags = ["\${REGISTRY}/t${i}:\${TAG}", "t${i}:latest"]\n  args = { N = "${i}", M = ${i} + 1 }\n  dockerfile-inline = <<-EOT\n    FROM alpine\n    RUN echo ${i}\n  EOT\n}\n`;
    let text = 'variable "TAG" { default = "dev" }\n';
    for (let i = 0; text.length < 1024 * 1024; i++) text += chunk(i);
    const body = parseHcl(text);
    expect(hclBlocks(body, 'target').length).toBeGreaterThan(1000);
    const last = hclBlocks(body, 'target').at(-1)!;
    expect(slice(text, last).startsWith(`target "${last.labels[0]!.value}"`)).toBe(true);
  });

  it('parses 1 MiB of pathological shapes: long strings, many interpolations, one huge tuple', () => {
    const big = 1024 * 1024;
    expect(() => parseHcl(`a = "${'x'.repeat(big)}"\n`)).not.toThrow();
    expect(() => parseHcl(`a = "${'${a}'.repeat(big / 4)}"\n`)).not.toThrow();
    expect(() => parseHcl(`a = [${'1,'.repeat(big / 2)}]\n`)).not.toThrow();
    expect(() => parseHcl(`a = <<EOF\n${'line\n'.repeat(big / 5)}EOF\n`)).not.toThrow();
    expect(() => parseHcl(`${'\n'.repeat(big)}`)).not.toThrow();
    // Unclosed constructs fail once, not once per start.
    expect(errorOf(`a = "${'${'.repeat(big / 2)}`)).toBeInstanceOf(HclError);
    expect(errorOf(`${'/*'.repeat(big / 2)}`)).toBeInstanceOf(HclError);
  });
});
