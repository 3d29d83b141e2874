/**
 * Finding and reading .ptrace-doctor.yaml (see load.ts for what follows).
 *
 * Found at the scanned root, else in the directories above it up to the top
 * of its git work tree (the directory holding `.git`) — or, for the Action,
 * up to the workspace. Every scan makes this search, so it is a few lstat
 * calls and nothing else: validating and compiling a file that was found
 * (load.ts, the yaml parser, picomatch) is loaded only then.
 *
 * The file is input like any other in the scanned repository, which may be
 * hostile: it is read only as data (never executed or included), capped at
 * 64 KiB, refused when it is not a regular file, and a symbolic link found by
 * the search is followed only when its target stays inside the repository.
 */
import { closeSync, constants as fsConstants, existsSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export const CONFIG_NAMES = ['.ptrace-doctor.yaml', '.ptrace-doctor.yml'] as const;
export const MAX_CONFIG_BYTES = 64 * 1024;

export class ConfigError extends Error {}

export interface FindOptions {
  /** The scanned root (absolute). */
  root: string;
  /** Stop the upward search here (inclusive) instead of at the git top; the Action passes its workspace. */
  boundary?: string;
}

export function isInside(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** The directories to look in, nearest first: the root, then up to the git top (or the boundary); the root alone outside a work tree. */
function candidateDirs(root: string, boundary?: string): string[] {
  const r = resolve(root);
  if (boundary !== undefined && !isInside(resolve(boundary), r)) return [r];
  const dirs: string[] = [];
  for (let d = r; ; d = dirname(d)) {
    dirs.push(d);
    if (boundary !== undefined ? d === resolve(boundary) : existsSync(join(d, '.git'))) return dirs;
    if (dirname(d) === d) return [r];
  }
}

/** The config file that applies to `root`, or undefined when there is none. */
export function findConfig(opts: FindOptions): string | undefined {
  const dirs = candidateDirs(opts.root, opts.boundary);
  const top = dirs[dirs.length - 1]!;
  for (const d of dirs) {
    const here = CONFIG_NAMES.map((n) => join(d, n)).filter((p) => {
      try {
        lstatSync(p);
        return true;
      } catch {
        return false;
      }
    });
    if (here.length > 1) throw new ConfigError(`${here.join(' and ')} both exist; keep one`);
    if (here.length === 1) {
      const p = here[0]!;
      if (lstatSync(p).isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync.native(p);
        } catch {
          throw new ConfigError(`${p} is a symbolic link that points nowhere`);
        }
        if (!isInside(realpathSync.native(top), real)) throw new ConfigError(`${p} is a symbolic link that points outside the repository; it was not read`);
      }
      return p;
    }
  }
  return undefined;
}

/** Read a config file within the limits: a regular file of at most 64 KiB. */
export function readConfigFile(path: string): string {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new ConfigError(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`}`);
  }
  if (!st.isFile()) throw new ConfigError(`${path} is not a regular file`);
  if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(`${path} is larger than ${MAX_CONFIG_BYTES / 1024} KiB (${st.size} bytes); a configuration is far smaller`);
  const fd = openSync(realpathSync.native(path), fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0));
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile() || fst.size > MAX_CONFIG_BYTES) throw new ConfigError(`${path} is not a regular file of at most ${MAX_CONFIG_BYTES / 1024} KiB`);
    const text = readFileSync(fd, 'utf8');
    if (text.includes('\0')) throw new ConfigError(`${path} has binary content`);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}
