/**
 * --fix: apply fixes until none is left, in memory first; then write each
 * changed file atomically, keeping its mode. A file that failed to parse,
 * changed on disk during the run, or is a symbolic link is never written.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { nodeCrypto } from '../builtins.js';
import { scan, type ScanOptions, type ScanResult } from '../engine.js';
import { applyEdits, unifiedDiff } from './text.js';
import type { Finding } from '../types.js';

export { applyEdits };

export interface FixOutcome {
  changed: Array<{ path: string; before: string; after: string }>;
  /** Unified diff of every change. */
  patch: string;
  skipped: Array<{ path: string; reason: string }>;
  /** The scan after all fixes. */
  after: ScanResult;
  /** Findings that were fixed. */
  fixed: Finding[];
}

/**
 * --fix writes what the scan offered: every settled fix (fix/settle.ts)
 * applied together, one pass, so the files written are byte for byte the
 * previewed edits applied to the files as scanned, and "Fixed N findings"
 * counts the findings whose fix was offered. What a fix leaves for later (a
 * fix that overlapped another's lines, or a new finding the fixed file now
 * shows) is in `after`, the scan of the fixed files, and a second --fix.
 */
export async function applyFixes(opts: ScanOptions & { write: boolean }): Promise<FixOutcome> {
  const before = await scan(opts);
  const skipped: Array<{ path: string; reason: string }> = [];
  const changed = [...before.settled.results].map(([path, r]) => ({ path, before: r.file.text, after: r.after }));
  const fixed = before.settled.accepted;
  if (opts.write) {
    for (const c of changed) {
      const reason = writeAtomic(join(before.root, c.path), c.before, c.after);
      if (reason) skipped.push({ path: c.path, reason });
    }
  }
  const notWritten = new Set(skipped.map((s) => s.path));
  const written = changed.filter((c) => !notWritten.has(c.path));
  const patch = written.map((c) => unifiedDiff(c.path, c.before, c.after)).join('');
  // What is left to do is what the fixed files (in memory, or on disk) show.
  const overlay = new Map<string, string>(opts.overlay ?? []);
  for (const c of written) overlay.set(c.path, c.after);
  const after = written.length > 0 ? await scan({ ...opts, overlay }) : before;
  return { changed: written, patch, skipped, after, fixed: fixed.filter((f) => !f.fix?.edits.some((e) => notWritten.has(e.path))) };
}

/** Write a file atomically (temp file + rename in the same directory); undefined on success, else why not. */
export function writeAtomic(abs: string, expectedBefore: string, after: string): string | undefined {
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    return `could not be read before writing (${(e as NodeJS.ErrnoException).code})`;
  }
  if (st.isSymbolicLink()) return 'is a symbolic link; not written';
  if (!st.isFile()) return 'is not a regular file; not written';
  const raw = readFileSync(abs);
  let current = raw.toString('utf8');
  // Invalid UTF-8 was decoded to U+FFFD: writing the text back would change bytes the fix never touched.
  if (!Buffer.from(current, 'utf8').equals(raw)) return 'is not valid UTF-8; not written (the fix would change bytes outside its lines)';
  const hadBom = current.charCodeAt(0) === 0xfeff;
  if (hadBom) current = current.slice(1);
  if (current !== expectedBefore) return 'changed on disk while ptrace-doctor ran; not written';
  const tmp = join(dirname(abs), `.${basename(abs)}.ptrace-doctor-${nodeCrypto().randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
    writeSync(fd, (hadBom ? '\ufeff' : '') + after);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, abs);
    return undefined;
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(tmp); } catch { /* not created */ }
    return `could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the original is unchanged`;
  }
}
