/** The line index of a file: every line break style, and the same answer as a plain reading of the text. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eol, makeSourceFile, positionAt } from '../../src/source.js';

/** Line starts read character by character: \n, \r\n and a lone \r each end a line. */
function naive(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') out.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') out.push(i + 1);
  }
  return out;
}

describe('line starts', () => {
  it('counts \\n, \\r\\n and a lone \\r as line breaks', () => {
    const f = makeSourceFile('x', '/x', 'shell', 'a\nb\r\nc\rd\n\r\ne');
    expect(f.lineStarts).toEqual([0, 2, 5, 7, 9, 11]);
    expect(positionAt(f, 8)).toEqual({ line: 4, column: 2 });
    expect(eol(f)).toBe('\r\n');
    expect(eol(makeSourceFile('y', '/y', 'shell', 'a\nb\n'))).toBe('\n');
  });

  it('agrees with a character-by-character reading on any text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é'), { maxLength: 60 }).map((a) => a.join('')), (text) => {
      expect(makeSourceFile('x', '/x', 'shell', text).lineStarts).toEqual(naive(text));
    }), { numRuns: 500 });
  });
});
