/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces: the items of the
 * top-level object's arrays (the findings, SARIF's runs and results) one at a
 * time, so that a report of tens of thousands of findings is never one string
 * of tens of megabytes (with the copies JSON.stringify makes while it grows).
 * The bytes are the same as JSON.stringify's.
 */
const CHUNK = 64 * 1024;

export function writeJson(value: unknown, write: (s: string) => void): void {
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

/** Arrays and objects down to this depth are opened here; below, each value is one JSON.stringify. */
const OPEN_DEPTH = 4;

function emit(value: unknown, indent: string, depth: number, out: (s: string) => void): void {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (depth >= OPEN_DEPTH || v === null || typeof v !== 'object') {
    const s = JSON.stringify(v, null, 2);
    out(s === undefined ? 'null' : s.includes('\n') ? s.split('\n').join(`\n${indent}`) : s);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) { out('[]'); return; }
    out('[\n');
    v.forEach((item, i) => {
      out(inner);
      const x = item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item;
      emit(x, inner, depth + 1, out);
      out(i < v.length - 1 ? ',\n' : '\n');
    });
    out(`${indent}]`);
    return;
  }
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
