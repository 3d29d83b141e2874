/**
 * The JSON formats are written in pieces (src/report/stream-json.ts): the bytes
 * must be exactly JSON.stringify(value, null, 2) + '\n', whatever the value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyItems, mapItems, writeJson } from '../../src/report/stream-json.js';

const text = (v: unknown, wholeItems?: number): { s: string; pieces: number } => {
  const parts: string[] = [];
  writeJson(v, (s) => parts.push(s), wholeItems);
  return { s: parts.join(''), pieces: parts.length };
};

describe('writeJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes, for any JSON value (undefined members and toJSON included)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: false, withBigInt: false, withDate: true, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false }), (v) => {
        expect(text(v).s).toBe(`${JSON.stringify(v, null, 2) ?? 'null'}\n`);
        expect(text(v, 0).s).toBe(`${JSON.stringify(v, null, 2) ?? 'null'}\n`);
      }),
      { numRuns: 3000 },
    );
    // Long arrays (written item by item), nested in objects and arrays as SARIF's runs[].results are.
    const long = fc.array(fc.anything({ withDate: true, withBigInt: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false }), { minLength: 65, maxLength: 80 });
    fc.assert(
      fc.property(fc.record({ a: long, b: fc.array(fc.record({ results: long, x: fc.option(fc.string()) }), { maxLength: 2 }), c: fc.constant(undefined) }), (v) => {
        // In pieces (as a report past the whole-string limit is written), and whole.
        expect(text(v, 0).s).toBe(`${JSON.stringify(v, null, 2)}\n`);
        expect(text(v).s).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
    expect(text({ a: undefined, b: [undefined, () => 1], c: { d: new Date(0) } }).s).toBe(`${JSON.stringify({ a: undefined, b: [undefined, () => 1], c: { d: new Date(0) } }, null, 2)}\n`);
  });

  it('runs of small items between big ones, at any depth, give JSON.stringify\'s bytes', () => {
    const bigItem = (k: number) => ({ k, list: Array.from({ length: 70 }, (_, i) => ({ i, s: 'x\ny' })) });
    const items = Array.from({ length: 300 }, (_, i) => (i % 97 === 5 ? bigItem(i) : i % 7 === 0 ? [i, { d: new Date(i) }] : i % 11 === 0 ? undefined : { i, t: `line\n${i}`, nested: { a: [1, 2] } }));
    for (const v of [items, { a: items }, { a: { b: [{ c: items }] } }, [[items]], { a: items.slice(0, 65) }]) {
      expect(text(v, 0).s).toBe(`${JSON.stringify(v, null, 2)}\n`);
    }
  });

  it('a report of up to 2000 findings is one piece; past that, many', () => {
    const report = (n: number) => ({ findings: Array.from({ length: n }, (_, i) => ({ ruleId: 'PTD001', line: i })) });
    expect(text(report(2000)).pieces).toBe(1);
    expect(text(report(2001)).pieces).toBeGreaterThan(1);
    expect(text(report(2001)).s).toBe(`${JSON.stringify(report(2001), null, 2)}\n`);
  });

  it('a report of many findings is written in many pieces, none of them the whole', () => {
    const report = { tool: { name: 'x' }, findings: Array.from({ length: 5000 }, (_, i) => ({ ruleId: 'PTD001', message: `finding ${i} — ${'x'.repeat(100)}`, fix: { edits: [{ start: i, end: i, text: 'a\nb' }] } })) };
    const { s, pieces } = text(report);
    expect(s).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(pieces).toBeGreaterThan(5);
  });

  it('lazy items are made one at a time as they are written, with the bytes of the whole array', () => {
    const xs = Array.from({ length: 3000 }, (_, i) => ({ i, s: `item ${i}` }));
    let made = 0;
    let most = 0;
    let live = 0;
    const lazy = new LazyItems(xs.length, (i) => {
      made++;
      live++;
      most = Math.max(most, live);
      return xs[i];
    });
    const expected = `${JSON.stringify({ a: 1, items: xs, empty: [] }, null, 2)}\n`;
    const parts: string[] = [];
    writeJson({ a: 1, items: lazy, empty: new LazyItems(0, () => 1) }, (s) => {
      parts.push(s);
      live = 0;
    });
    expect(parts.join('')).toBe(expected);
    expect(made).toBe(3000);
    // Written out in pieces while being made: never all of them made before the first write.
    expect(most).toBeLessThan(3000);
    // Short lazy arrays (and JSON.stringify) get the whole array.
    expect(text({ few: mapItems([1, 2, 3], true, (x) => x * 2) }).s).toBe(`${JSON.stringify({ few: [2, 4, 6] }, null, 2)}\n`);
    expect(JSON.stringify(mapItems([1, 2], true, (x) => ({ x })))).toBe('[{"x":1},{"x":2}]');
    expect(mapItems([1, 2], false, (x) => x + 1)).toEqual([2, 3]);
  });
});
