/**
 * The line diff under every fix and preview (src/fix/text.ts lineHunks): exact on any input, and one hunk per
 * change on large files (a full LCS table is quadratic, so large stretches go by patience anchors).
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, lineEdits, lineHunks, splitLinesKeep } from '../../src/fix/text.js';

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('lineHunks', () => {
  it('turns before into after exactly, with no edit that changes nothing, on generated texts small and large', () => {
    const r = rng(7);
    for (let t = 0; t < 2000; t++) {
      const big = t % 10 === 0;
      const n = big ? 600 + r(900) : r(30);
      const vocab = big ? 20 + r(3000) : 1 + r(8);
      const a = Array.from({ length: n }, () => `l${r(vocab)}\n`);
      const b = a.flatMap((l) => {
        const k = r(10);
        return k === 0 ? [] : k === 1 ? [l, `x${r(vocab)}\n`] : k === 2 ? [`y${r(vocab)}\n`] : [l];
      });
      const before = a.join('');
      const after = b.join('');
      const edits = lineEdits('f', before, after);
      expect(applyEdits(before, edits)).toBe(after);
      for (const e of edits) expect(before.slice(e.start, e.end)).not.toBe(e.text);
      // Hunks are in order and never touch: each is separated from the next by a matched line.
      const h = lineHunks(splitLinesKeep(before), splitLinesKeep(after));
      for (let i = 1; i < h.length; i++) expect(h[i]!.aStart).toBeGreaterThan(h[i - 1]!.aEnd);
    }
  });

  it('gives one hunk per changed service in a file of thousands of services', () => {
    const n = 3000;
    let before = 'services:\n';
    let after = 'services:\n';
    for (let i = 0; i < n; i++) {
      before += `  svc${i}:\n    image: acme/svc${i}:debug\n    privileged: true\n    command: dlv attach 1\n`;
      after += `  svc${i}:\n    image: acme/svc${i}:debug\n    cap_add:\n      - SYS_PTRACE\n    command: dlv attach 1\n`;
    }
    const h = lineHunks(splitLinesKeep(before), splitLinesKeep(after));
    expect(h.length).toBe(n);
    expect(h.every((x) => x.aEnd - x.aStart === 1 && x.bEnd - x.bStart === 2)).toBe(true);
  });

  it('matches the minimal diff on small inputs (an LCS)', () => {
    const h = lineHunks(['a\n', 'b\n', 'c\n', 'd\n'], ['a\n', 'c\n', 'x\n', 'd\n']);
    expect(h).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 },
      { aStart: 3, aEnd: 3, bStart: 2, bEnd: 3 },
    ]);
  });
});
