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
import { validate } from './validate.js';
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

const MAX_ROUNDS = 25;

export async function applyFixes(opts: ScanOptions & { write: boolean }): Promise<FixOutcome> {
  const overlay = new Map<string, string>(opts.overlay ?? []);
  const originals = new Map<string, string>();
  const attempted = new Set<string>();
  const fixed: Finding[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  let result = await scan({ ...opts, overlay });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const usedFiles = new Set<string>();
    let applied = 0;
    for (const f of result.findings) {
      // A fix is tried once; the same fingerprint with a different fix is a new try (two findings on
      // identical text share a print once the first is fixed, and the second must still be fixed).
      const key = f.fix ? `${f.fingerprint}\0${JSON.stringify(f.fix.edits)}` : '';
      if (!f.fix || attempted.has(key)) continue;
      const paths = [...new Set(f.fix.edits.map((e) => e.path))];
      // One fix per file per round: the next round recomputes fixes on the new text.
      if (paths.some((p) => usedFiles.has(p))) continue;
      attempted.add(key);
      const next = new Map<string, string>();
      let ok = true;
      for (const p of paths) {
        const file = result.files.find((x) => x.path === p) ?? (f.span.file.path === p ? f.span.file : undefined);
        const text = overlay.get(p) ?? file?.text;
        if (text === undefined || !file) { ok = false; break; }
        try {
          const after = applyEdits(text, f.fix.edits.filter((e) => e.path === p));
          if (validate(file.kind, after) !== undefined) { ok = false; break; }
          next.set(p, after);
        } catch {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const [p, t] of next) {
        if (!originals.has(p)) originals.set(p, overlay.get(p) ?? result.files.find((x) => x.path === p)?.text ?? '');
        overlay.set(p, t);
        usedFiles.add(p);
      }
      fixed.push(f);
      applied++;
    }
    if (applied === 0) break;
    result = await scan({ ...opts, overlay });
  }
  const changed = [...originals].map(([path, before]) => ({ path, before, after: overlay.get(path)! })).filter((c) => c.before !== c.after);
  if (opts.write) {
    for (const c of changed) {
      const reason = writeAtomic(join(result.root, c.path), c.before, c.after);
      if (reason) skipped.push({ path: c.path, reason });
    }
  }
  const written = changed.filter((c) => !skipped.some((s) => s.path === c.path));
  const patch = written.map((c) => unifiedDiff(c.path, c.before, c.after)).join('');
  if (skipped.length > 0) {
    // What is left to do is what is on disk: scan again without the files that were not written,
    // so their findings are still reported (and still count for --fail-on).
    const notWritten = new Set(skipped.map((s) => s.path));
    const kept = new Map(overlay);
    for (const p of notWritten) {
      const given = opts.overlay?.get(p);
      if (given === undefined) kept.delete(p);
      else kept.set(p, given);
    }
    result = await scan({ ...opts, overlay: kept });
    return { changed: written, patch, skipped, after: result, fixed: fixed.filter((f) => !f.fix!.edits.some((e) => notWritten.has(e.path))) };
  }
  return { changed: written, patch, skipped, after: result, fixed };
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
