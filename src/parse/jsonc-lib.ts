/**
 * jsonc-parser, loaded only by scans that may read JSON, as yaml-lib.ts does
 * for the yaml package: in dist/ it is a chunk of its own, so a scan of
 * Dockerfiles alone (what a pre-commit hook usually runs) neither compiles
 * nor initialises it.
 *
 * Which scans read JSON: devcontainer.json and .vscode/launch.json are JSON,
 * and seccomp profiles are read when a launch names one, and launches come
 * from every other kind of file (Compose, Kubernetes, workflows, Makefiles,
 * scripts, devcontainers). A Dockerfile leads to no other file, so engine.ts
 * loads this unless every file found is a Dockerfile.
 */
import type * as Jsonc from 'jsonc-parser';
import type { FileKind, SourceFile } from '../types.js';
import { FIRST_PARSE_CALLS, clock, count, parsedFile, spent } from '../timing.js';
import { LibraryNotLoaded, lazyLibrary } from './lazy-lib.js';

const jsonc = lazyLibrary('jsonc-parser', () => import('jsonc-parser'));

/** Whether a scan of files of these kinds may parse JSON. */
export function mayReadJson(kinds: Iterable<FileKind>): boolean {
  for (const k of kinds) if (k !== 'dockerfile') return true;
  return false;
}

export const loadJsonc = jsonc.load;
const j = jsonc.get;

export function parseTree(...a: Parameters<typeof Jsonc.parseTree>): ReturnType<typeof Jsonc.parseTree> {
  return j().parseTree(...a);
}

export function parse(...a: Parameters<typeof Jsonc.parse>): ReturnType<typeof Jsonc.parse> {
  return j().parse(...a);
}

export function findNodeAtLocation(...a: Parameters<typeof Jsonc.findNodeAtLocation>): ReturnType<typeof Jsonc.findNodeAtLocation> {
  return j().findNodeAtLocation(...a);
}

export function getNodeValue(...a: Parameters<typeof Jsonc.getNodeValue>): ReturnType<typeof Jsonc.getNodeValue> {
  return j().getNodeValue(...a);
}

export function printParseErrorCode(...a: Parameters<typeof Jsonc.printParseErrorCode>): ReturnType<typeof Jsonc.printParseErrorCode> {
  return j().printParseErrorCode(...a);
}

export function modify(...a: Parameters<typeof Jsonc.modify>): ReturnType<typeof Jsonc.modify> {
  return j().modify(...a);
}

export function applyEdits(...a: Parameters<typeof Jsonc.applyEdits>): ReturnType<typeof Jsonc.applyEdits> {
  return j().applyEdits(...a);
}

/** The tree of JSON with comments (trailing commas allowed), or undefined when it cannot be built. */
/**
 * The scan's own parse of a repository file as JSON: counted, timed and listed for the benchmark's parse
 * floor (PTRACE_DOCTOR_TIMING), as parseYaml and parseDockerfile do. `strict` is plain JSON (a seccomp
 * profile); otherwise comments and trailing commas are allowed.
 */
export function parseFileTree(file: SourceFile, errors: Jsonc.ParseError[], strict = false): Jsonc.Node | undefined {
  count('JSON parses');
  parsedFile(strict ? 'json' : 'jsonc', file.path);
  const t = clock();
  try {
    return parseTree(file.text, errors, strict ? { allowTrailingComma: false, disallowComments: true } : { allowTrailingComma: true, disallowComments: false });
  } finally {
    spent(FIRST_PARSE_CALLS, t);
  }
}

/** parseJsonc of a repository file, as the scan's own parse of it (see parseFileTree). */
export function parseJsoncFile(file: SourceFile): Jsonc.Node | undefined {
  try {
    return parseFileTree(file, []) ?? undefined;
  } catch (e) {
    if (e instanceof LibraryNotLoaded) throw e;
    return undefined;
  }
}

export function parseJsonc(text: string): Jsonc.Node | undefined {
  try {
    return parseTree(text, [], { allowTrailingComma: true }) ?? undefined;
  } catch (e) {
    if (e instanceof LibraryNotLoaded) throw e;
    return undefined;
  }
}

/** SyntaxKind values of jsonc-parser's scanner (a const enum there, so not importable under isolatedModules). */
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF_TOKEN = 17;

/** Source offsets [start, end) of every `//` and `/* … *\/` comment, from jsonc-parser's scanner. */
export function jsoncComments(text: string): Array<{ start: number; end: number }> {
  const s = j().createScanner(text, false);
  const out: Array<{ start: number; end: number }> = [];
  for (let k = s.scan(); k !== EOF_TOKEN; k = s.scan()) {
    if (k === LINE_COMMENT || k === BLOCK_COMMENT) out.push({ start: s.getTokenOffset(), end: s.getTokenOffset() + s.getTokenLength() });
  }
  return out;
}
