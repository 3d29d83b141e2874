/** Re-parse edited text in its own format: a fix is only offered when this passes. */
import type { Document } from 'yaml';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from '../parse/yaml-lib.js';
import { untemplate } from '../parse/yaml.js';
import type { ParseError } from 'jsonc-parser';
import { parse as parseJsonc } from '../parse/jsonc-lib.js';
import { DockerfileParser } from 'dockerfile-ast';
import type { FileKind } from '../types.js';
import { clock, count, spent } from '../timing.js';

/**
 * Verdicts already computed, by text then kind (null: it parses). validate is a
 * pure function of (kind, text), and the same edited text is validated more than
 * once: by makeFix when the fix is offered, again by applyFixes before it is
 * applied, and on every later --fix round for the fixes of files left unchanged.
 * Least recently used entries go first once either bound is reached.
 */
const cache = new Map<string, Partial<Record<FileKind, string | null>>>();
const CACHE_MAX_ENTRIES = 1024;
const CACHE_MAX_CHARS = 4_000_000;
/** Longer texts are validated every time rather than pin that much memory. */
const CACHE_MAX_TEXT = 1_000_000;
let cachedChars = 0;

/** Forget every memoised verdict (tests and benchmarks measuring a cold start). */
export function clearValidateCache(): void {
  cache.clear();
  cachedChars = 0;
}

/** An error message when text does not parse as kind, else undefined. */
export function validate(kind: FileKind, text: string): string | undefined {
  if (!needsParse(kind, text)) return undefined;
  const entry = text.length <= CACHE_MAX_TEXT ? cache.get(text) : undefined;
  const known = entry?.[kind];
  if (known !== undefined) {
    // Most recently used last.
    cache.delete(text);
    cache.set(text, entry!);
    return known ?? undefined;
  }
  count(`fix validation parses (${kind})`);
  const verdict = check(kind, text);
  if (text.length <= CACHE_MAX_TEXT) {
    if (entry) entry[kind] = verdict ?? null;
    else {
      cache.set(text, { [kind]: verdict ?? null });
      cachedChars += text.length;
      for (const k of cache.keys()) {
        if (cache.size <= CACHE_MAX_ENTRIES && cachedChars <= CACHE_MAX_CHARS) break;
        cache.delete(k);
        cachedChars -= k.length;
      }
    }
  }
  return verdict;
}

/** Whether text of kind must be parsed to be validated (else it is valid as it is: no validator, or certain from its first lines). */
function needsParse(kind: FileKind, text: string): boolean {
  switch (kind) {
    case 'compose':
    case 'kubernetes':
    case 'workflow':
    case 'taskfile':
    case 'gitlab-ci':
    case 'skaffold':
    case 'okteto':
    case 'devspace':
    case 'devcontainer':
    case 'vscode-launch':
    case 'vscode-tasks':
    case 'seccomp':
    case 'package-json':
      break;
    case 'bake':
      // docker-bake.json is JSON; docker-bake.hcl has no validator yet. Told apart by the text
      // (a JSON document opens with `{`, HCL with a block or an attribute), as validate gets no path.
      if (!isJsonText(text)) return false;
      break;
    case 'dockerfile':
      // Decided from the first lines without building the instruction tree, when that is certain.
      if (text.trim() === '' || hasDockerfileInstruction(text)) return false;
      break;
    default:
      return false;
  }
  return true;
}

/**
 * Why text of kind does not parse, with where: [] exactly when validate() finds it valid, with one parse (or
 * none, when validate() needs none), and not memoised.
 */
export function findProblems(kind: FileKind, text: string, max = 100_000): Problem[] {
  if (!needsParse(kind, text)) return [];
  count(`fix validation parses (${kind})`);
  return problems(kind, text, max);
}

/** The time inside the parsers' calls while validating fixes (PTRACE_DOCTOR_TIMING). */
const FIX_PARSE_CALLS = 'fix validation parse calls';

function check(kind: FileKind, text: string): string | undefined {
  return problems(kind, text, 1)[0]?.message;
}

/** A reason text does not parse, and where (an offset in the text). */
export interface Problem {
  message: string;
  offset: number;
}

/**
 * Why text does not parse as kind, with where: up to `max` problems, [] when it
 * parses. Not memoised (validate() is): used to tell which of many edits of one
 * file broke it, from where the parser stopped.
 */
function problems(kind: FileKind, text: string, max = 1000): Problem[] {
  switch (kind) {
    case 'compose':
    case 'kubernetes':
    case 'workflow':
    case 'taskfile':
    case 'gitlab-ci':
    case 'skaffold':
    case 'okteto':
    case 'devspace': {
      // Duplicate keys are checked below: the parser's own check (uniqueKeys: true)
      // is quadratic in a map's size, minutes for a map of 30,000 keys.
      const t = clock();
      // A Helm template is read with its actions set aside (as the scan read it): so is its fixed text.
      const docs = parseAllDocuments(kind === 'kubernetes' ? untemplate(text) : text, { prettyErrors: false, uniqueKeys: false });
      spent(FIX_PARSE_CALLS, t);
      const list = Array.isArray(docs) ? docs : [docs];
      const out: Problem[] = [];
      for (const d of list) {
        for (const e of d.errors) {
          if (out.length >= max) return out;
          out.push({ message: e.message.split('\n')[0]!, offset: e.pos[0] });
        }
      }
      if (out.length > 0) return out;
      for (const d of list) {
        for (const offset of duplicateKeys(d as Document, max - out.length)) out.push({ message: 'Map keys must be unique', offset });
        if (out.length >= max) break;
      }
      return out;
    }
    case 'devcontainer':
    case 'vscode-launch':
    case 'vscode-tasks':
    case 'seccomp': {
      const errors: ParseError[] = [];
      const t = clock();
      parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: kind === 'seccomp' });
      spent(FIX_PARSE_CALLS, t);
      return errors.slice(0, max).map((e) => ({ message: `JSON error ${e.error} at offset ${e.offset}`, offset: e.offset }));
    }
    case 'package-json':
    case 'bake': {
      // Plain JSON: npm reads package.json with JSON.parse, bake its JSON form with a strict JSON parser.
      const errors: ParseError[] = [];
      const t = clock();
      parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
      spent(FIX_PARSE_CALLS, t);
      return errors.slice(0, max).map((e) => ({ message: `JSON error ${e.error} at offset ${e.offset}`, offset: e.offset }));
    }
    case 'dockerfile': {
      const t = clock();
      const df = DockerfileParser.parse(text);
      spent(FIX_PARSE_CALLS, t);
      return df.getInstructions().length === 0 && text.trim() !== '' ? [{ message: 'no instructions', offset: 0 }] : [];
    }
    default:
      return [];
  }
}

/** Does the text open (after a BOM and whitespace) with `{`, as a JSON document of bake's does? */
function isJsonText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 123;
  }
  return false;
}

/**
 * Does dockerfile-ast certainly find an instruction in text? true only when it
 * does; false means "cannot tell cheaply" (the caller then runs the parser).
 *
 * The parser reads parser directives (`# name=value`, possibly several on a
 * line) from the leading `#` lines, starts at the line whose index is the number
 * of directives, skips blanks and `#` comment lines, and makes an instruction
 * of anything else. So a line whose first character after spaces and tabs is
 * neither `#` nor a line break is reached, and read as an instruction, when the
 * `#` characters above it (an upper bound on the directives) are no more than
 * its index. A BOM or a lone CR (the directive reader then skips a character)
 * is left to the parser.
 */
export function hasDockerfileInstruction(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff) return false;
  let hashes = 0;
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
    if (i >= n) return false;
    if (c === 13 && text.charCodeAt(i + 1) !== 10) return false;
    if (c !== 10 && c !== 13 && c !== 35) return hashes <= line;
    // A blank or `#` line: count its `#`s and go to the next line.
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c === 35) hashes++;
      else if (c === 10) break;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) !== 10) return false;
        i++;
        break;
      }
    }
    i++;
    line++;
  }
  return false;
}

/**
 * Where keys repeat in a map of the document (the offset of each repeated key, up to max), with the equality the
 * `yaml` parser uses for uniqueKeys: true (same node, or scalars whose values
 * are ===), in linear time. Walks the same nodes as yaml's visit() (collection
 * items, pair keys and values; aliases are not followed), without recursion.
 */
function duplicateKeys(doc: Document, max: number): number[] {
  const out: number[] = [];
  const at = (k: unknown): number => (k as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      let values: Set<unknown> | undefined;
      let nodes: Set<unknown> | undefined;
      for (const p of node.items) {
        const k = p.key;
        if (isScalar(k)) {
          const v = k.value;
          if (!(typeof v === 'number' && Number.isNaN(v))) {
            values ??= new Set();
            if (values.has(v)) {
              out.push(at(k));
              if (out.length >= max) return out;
            }
            values.add(v);
          }
        } else {
          nodes ??= new Set();
          if (nodes.has(k)) {
            out.push(at(k));
            if (out.length >= max) return out;
          }
          nodes.add(k);
        }
        stack.push(p.value, k);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      // A pair as a sequence item (`- ? a : b` in a flow sequence).
      stack.push(node.value, node.key);
    }
  }
  return out;
}
