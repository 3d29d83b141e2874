/**
 * JSONC edits that keep the file's own layout: new properties and array items
 * copy the indentation and line style of their neighbours; removals take
 * whole lines when the entry has its own line. jsonc-parser's modify (without
 * reformatting) is the fallback for shapes we do not lay out ourselves.
 */
import type { Node as JNode } from 'jsonc-parser';
import { applyEdits, findNodeAtLocation, modify, parseJsonc } from '../parse/jsonc-lib.js';

function lineStartAt(text: string, off: number): number {
  return text.lastIndexOf('\n', off - 1) + 1;
}

function lineEndAfter(text: string, off: number): number {
  const nl = text.indexOf('\n', off);
  return nl < 0 ? text.length : nl + 1;
}

function indentOf(text: string, off: number): string {
  const ls = lineStartAt(text, off);
  return /^[ \t]*/.exec(text.slice(ls))![0];
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Skip whitespace and comments forward. */
function skipTrivia(text: string, off: number): number {
  let i = off;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; continue; }
    if (text.startsWith('/*', i)) { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 2; continue; }
    return i;
  }
}

function fallback(text: string, path: (string | number)[], value: unknown, isArrayInsertion = false): string {
  return applyEdits(text, modify(text, path, value, { isArrayInsertion }));
}

export { parseJsonc };

/** Remove a child (property or array element) of a container node. */
function removeChild(text: string, container: JNode, child: JNode): string {
  const kids = container.children ?? [];
  const i = kids.indexOf(child);
  const start = child.offset;
  const end = child.offset + child.length;
  const afterEnd = skipTrivia(text, end);
  const hasComma = text[afterEnd] === ',';
  const restStart = hasComma ? afterEnd + 1 : end;
  const ls = lineStartAt(text, start);
  const ownLine = text.slice(ls, start).trim() === '' && /^[ \t]*(\/\/[^\n]*)?\r?\n/.test(text.slice(restStart) + '\n');
  if (!ownLine) {
    // Inline: take the entry with the separator on one side, nothing else.
    const next = kids[i + 1];
    const prev = kids[i - 1];
    if (next) return text.slice(0, start) + text.slice(next.offset);
    if (prev) return text.slice(0, prev.offset + prev.length) + text.slice(restStart);
    return text.slice(0, start) + text.slice(restStart);
  }
  let out = text.slice(0, ls) + text.slice(lineEndAfter(text, restStart));
  if (i === kids.length - 1 && i > 0 && !hasComma) {
    // It was the last entry: drop the comma after the one before it.
    const prev = kids[i - 1]!;
    const c = skipTrivia(out, prev.offset + prev.length);
    if (out[c] === ',') out = out.slice(0, c) + out.slice(c + 1);
  }
  return out;
}

export function removeAt(text: string, path: (string | number)[]): string {
  const root = parseJsonc(text);
  if (!root) return fallback(text, path, undefined);
  const node = findNodeAtLocation(root, path);
  if (!node) return text;
  // For a property, remove the property node (key + value).
  const target = node.parent?.type === 'property' ? node.parent : node;
  const container = target.parent;
  if (!container) return text;
  return removeChild(text, container, target);
}

/** Add a property at the end of the object at path (root when []). valueJson is serialised JSON. */
export function insertProperty(text: string, objectPath: (string | number)[], key: string, valueJson: string): string {
  const root = parseJsonc(text);
  const obj = root ? (objectPath.length === 0 ? root : findNodeAtLocation(root, objectPath)) : undefined;
  const props = obj?.children ?? [];
  const last = props[props.length - 1];
  if (!obj || obj.type !== 'object' || !last || sameLine(text, obj.offset, last.offset)) return fallback(text, [...objectPath, key], JSON.parse(valueJson));
  const indent = indentOf(text, last.offset);
  return insertAfterEntry(text, last, `${JSON.stringify(key)}: ${valueJson}`, indent);
}

/**
 * Insert a new entry on its own line after `last`: a comma after `last` when it
 * has none, and the entry after a line comment that ends last's line (the
 * comment stays with the entry it describes).
 */
function insertAfterEntry(text: string, last: JNode, entryText: string, indent: string): string {
  const end = last.offset + last.length;
  const nl = eolOf(text);
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const hasComma = text[after] === ',';
  const commaEnd = hasComma ? after + 1 : end;
  const le = text.indexOf('\n', commaEnd);
  const lineEnd = le < 0 ? text.length : text[le - 1] === '\r' ? le - 1 : le;
  const rest = text.slice(commaEnd, lineEnd);
  const at = /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest) ? lineEnd : commaEnd;
  const entry = `${nl}${indent}${entryText}${hasComma ? ',' : ''}`;
  if (hasComma) return text.slice(0, at) + entry + text.slice(at);
  return text.slice(0, end) + ',' + text.slice(end, at) + entry + text.slice(at);
}

/** Append an item to the array at path. valueJson is serialised JSON. */
export function appendItem(text: string, arrayPath: (string | number)[], valueJson: string): string {
  const root = parseJsonc(text);
  const arr = root ? findNodeAtLocation(root, arrayPath) : undefined;
  if (!arr || arr.type !== 'array') return fallback(text, [...arrayPath, 0], JSON.parse(valueJson), true);
  const items = arr.children ?? [];
  const last = items[items.length - 1];
  if (!last) return text.slice(0, arr.offset + 1) + valueJson + text.slice(arr.offset + arr.length - 1);
  const end = last.offset + last.length;
  const after = skipTrivia(text, end);
  const comma = text[after] === ',';
  if (sameLine(text, arr.offset, last.offset)) {
    return comma ? text.slice(0, after + 1) + ` ${valueJson},` + text.slice(after + 1) : text.slice(0, end) + `, ${valueJson}` + text.slice(end);
  }
  return insertAfterEntry(text, last, valueJson, indentOf(text, last.offset));
}

/** Set a top-level scalar property (replace its value, or add it). */
export function setProperty(text: string, key: string, valueJson: string): string {
  const root = parseJsonc(text);
  const node = root ? findNodeAtLocation(root, [key]) : undefined;
  if (node) return text.slice(0, node.offset) + valueJson + text.slice(node.offset + node.length);
  return insertProperty(text, [], key, valueJson);
}
