import { describe, expect, it } from 'vitest';
import { appendItem, insertProperty, removeAt } from '../../src/fix/jsonc-edit.js';

const one = '{\n  "name": "Go",\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"]\n}\n';

describe('layout-keeping JSONC edits', () => {
  it('removes inline array entries with their separator only', () => {
    expect(removeAt(one, ['runArgs', 2])).toBe('{\n  "name": "Go",\n  "runArgs": ["--cap-add=SYS_PTRACE", "--security-opt"]\n}\n');
    expect(removeAt(one, ['runArgs', 0])).toBe('{\n  "name": "Go",\n  "runArgs": ["--security-opt", "seccomp=unconfined"]\n}\n');
    expect(removeAt('{"a": ["x"]}', ['a', 0])).toBe('{"a": []}');
  });

  it('removes a property on its own line, and the comma before it when it was last', () => {
    const t = '{\n\t// keep me\n\t"a": 1,\n\t"b": [2]\n}\n';
    expect(removeAt(t, ['b'])).toBe('{\n\t// keep me\n\t"a": 1\n}\n');
    expect(removeAt(t, ['a'])).toBe('{\n\t// keep me\n\t"b": [2]\n}\n');
  });

  it('adds properties and items in the style of their neighbours', () => {
    expect(insertProperty('{\n    "a": 1 // one\n}\n', [], 'capAdd', '["SYS_PTRACE"]')).toBe('{\n    "a": 1, // one\n    "capAdd": ["SYS_PTRACE"]\n}\n');
    expect(appendItem('{ "x": ["A"] }', ['x'], '"B"')).toBe('{ "x": ["A", "B"] }');
    expect(appendItem('{\n  "x": [\n    "A",\n  ]\n}', ['x'], '"B"')).toBe('{\n  "x": [\n    "A",\n    "B",\n  ]\n}');
  });
});
