/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces once it is large:
 * past a few thousand findings the items of the long arrays (the findings,
 * SARIF's results) are written one at a time, so that a report of tens of
 * thousands of findings is never one string of tens of megabytes (with the
 * copies JSON.stringify makes while it grows). Smaller reports are one
 * JSON.stringify, which is twice as fast. The bytes are the same either way.
 */
const CHUNK = 64 * 1024;

/**
 * An array whose items are made only as they are written: writeJson makes, writes and drops each in
 * turn, so the report of 20,000 findings never holds all their JSON objects at once. Anything else
 * that serialises it (JSON.stringify) gets the whole array from toJSON().
 */
export class LazyItems {
  constructor(
    readonly length: number,
    private readonly make: (i: number) => unknown,
  ) {}

  item(i: number): unknown {
    return this.make(i);
  }

  toJSON(): unknown[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}

/** xs.map(f); with `lazy`, made item by item as it is written (see LazyItems). */
export function mapItems<T>(xs: readonly T[], lazy: boolean | undefined, f: (x: T) => unknown): unknown[] | LazyItems {
  return lazy ? new LazyItems(xs.length, (i) => f(xs[i]!)) : xs.map(f);
}

export function writeJson(value: unknown, write: (s: string) => void, wholeItems = WHOLE_ITEMS): void {
  if (itemsOfBig(value, 0, wholeItems) <= wholeItems) {
    // A few thousand findings at most: one string of a few MiB, made at twice the speed of the pieces.
    const s = JSON.stringify(value, null, 2);
    write(s === undefined ? 'null\n' : `${s}\n`);
    return;
  }
  let buf = '';
  const out = (s: string): void => {
    buf += s;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  };
  emit(value, '', 0, out);
  out('\n');
  if (buf) write(buf);
}

/** An array longer than this is written item by item, and so is each object on the way to one. */
const BIG = 64;

/** Up to this many items in the long arrays, the report is written as one JSON.stringify. */
const WHOLE_ITEMS = 2000;

/** How many items the long arrays of v hold (as far as big() looks), stopping once past `max`. */
function itemsOfBig(v: unknown, depth: number, max: number): number {
  if (v === null || typeof v !== 'object' || depth > 3) return 0;
  // Its items are not made to be counted: they are many, or it is not a long array.
  if (v instanceof LazyItems) return v.length > BIG ? v.length : 0;
  const xs = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  let n = Array.isArray(v) && v.length > BIG ? v.length : 0;
  for (const x of xs) {
    if (n > max) break;
    n += itemsOfBig(x, depth + 1, max);
  }
  return n;
}

/** Whether v is, or holds within a few levels, an array long enough to write in pieces. */
function big(v: unknown, depth: number): boolean {
  if (v === null || typeof v !== 'object' || depth > 3) return false;
  if (v instanceof LazyItems) return v.length > BIG;
  if (Array.isArray(v)) return v.length > BIG || (v.length <= BIG && v.some((x) => big(x, depth + 1)));
  for (const x of Object.values(v as Record<string, unknown>)) if (big(x, depth + 1)) return true;
  return false;
}

/** A long array's items, got one at a time (a plain array's, or a LazyItems' made as they are written). */
function emitItems(n: number, get: (i: number) => unknown, indent: string, depth: number, out: (s: string) => void): void {
  if (n === 0) { out('[]'); return; }
  const inner = `${indent}  `;
  out('[\n');
  for (let i = 0; i < n; i++) {
    out(inner);
    const item = get(i);
    emit(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, depth + 1, out);
    out(i < n - 1 ? ',\n' : '\n');
  }
  out(`${indent}]`);
}

/**
 * JSON.stringify(v, null, 2) with every line after the first indented by `indent` (an even number of spaces):
 * v stringified inside as many one-item arrays as levels of indent, and cut out, which is JSON.stringify's own
 * indenting: a third faster than re-indenting its output line by line, and one string fewer per item.
 */
function indented(v: unknown, indent: string): string {
  const levels = indent.length >> 1;
  if (levels === 0 || v === null || typeof v !== 'object') {
    const s = JSON.stringify(v, null, 2);
    return s === undefined ? 'null' : s;
  }
  let wrapped: unknown = v;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // Before v: `[\n` and the next level's indent, per level; after it: `\n`, the level's indent and `]`.
  const head = 2 * levels + levels * (levels + 1);
  const tail = 2 * levels + levels * (levels - 1);
  return s.slice(head, s.length - tail);
}

function emit(value: unknown, indent: string, depth: number, out: (s: string) => void): void {
  if (value instanceof LazyItems && value.length > BIG) {
    emitItems(value.length, (i) => value.item(i), indent, depth, out);
    return;
  }
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (!big(v, 0)) {
    out(indented(v, indent));
    return;
  }
  if (Array.isArray(v)) {
    emitItems(v.length, (i) => v[i], indent, depth, out);
    return;
  }
  const inner = `${indent}  `;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  if (entries.length === 0) { out('{}'); return; }
  out('{\n');
  entries.forEach(([k, x], i) => {
    out(`${inner}${JSON.stringify(k)}: `);
    emit(x, inner, depth + 1, out);
    out(i < entries.length - 1 ? ',\n' : '\n');
  });
  out(`${indent}}`);
}
