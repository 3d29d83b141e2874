/**
 * Which files to read: `git ls-files` in a checkout, else a walk. Every read
 * goes through Workspace.read, which never leaves the root (symlinks are
 * resolved and checked), caps sizes and refuses binary and special files.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, realpathSync, statSync, openSync, closeSync, fstatSync, readSync, constants as fsConstants } from 'node:fs';
import { posix, resolve, sep, join } from 'node:path';
import { makeSourceFile } from '../source.js';
import type { FileKind, SourceFile } from '../types.js';

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_WALK_FILES = 200_000;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn']);

export interface Skip {
  path: string;
  reason: string;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; skip: Skip };

/** Classify a path by its name; YAML needs its content too (see classifyYaml). */
export function classifyByName(path: string): FileKind | 'yaml' | undefined {
  const base = posix.basename(path);
  const lower = base.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.')) {
    if (lower.endsWith('.dockerignore')) return undefined;
    return 'dockerfile';
  }
  if (lower === 'devcontainer.json' && (path.includes('.devcontainer/') || path === 'devcontainer.json')) return 'devcontainer';
  if (lower === '.devcontainer.json') return 'devcontainer';
  if (lower === 'launch.json' && path.endsWith('.vscode/launch.json')) return 'vscode-launch';
  if (/\.ya?ml$/.test(lower)) {
    if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) return 'compose';
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
    return 'yaml';
  }
  if (lower === 'makefile' || lower === 'gnumakefile' || lower.endsWith('.mk')) return 'makefile';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'shell';
  return undefined;
}

/** Decide what a YAML file is from its text without a full parse. */
export function classifyYaml(text: string): FileKind | undefined {
  if (/^kind:\s*["']?(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Service|ReplicationController)["']?\s*(#.*)?$/m.test(text) && /^apiVersion:/m.test(text)) return 'kubernetes';
  if (/^services:\s*(#.*)?$/m.test(text)) return 'compose';
  return undefined;
}

export class Workspace {
  readonly root: string;
  private readonly realRoot: string;
  private readonly cache = new Map<string, ReadResult>();

  /** In-memory file contents that take the place of the disk (used by --fix dry runs). */
  readonly overlay = new Map<string, string>();

  constructor(root: string, overlay?: Map<string, string>) {
    if (overlay) for (const [k, v] of overlay) this.overlay.set(k, v);
    this.root = resolve(root);
    this.realRoot = realpathSync(this.root);
  }

  /** Normalise a path relative to the root; undefined when it escapes the root. */
  normalize(rel: string): string | undefined {
    const p = posix.normalize(rel.split(sep).join('/')).replace(/^\.\//, '');
    if (p === '..' || p.startsWith('../') || p.startsWith('/')) return undefined;
    return p === '.' ? '' : p;
  }

  /** Read a file as the given kind, within every limit. */
  read(rel: string, kind: FileKind): ReadResult {
    const key = `${kind}:${rel}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const r = this.readUncached(rel, kind);
    this.cache.set(key, r);
    return r;
  }

  private readUncached(rel: string, kind: FileKind): ReadResult {
    const norm = this.normalize(rel);
    if (norm === undefined) return { ok: false, skip: { path: rel, reason: 'is outside the scanned directory' } };
    const abs = join(this.root, norm);
    const over = this.overlay.get(norm);
    if (over !== undefined) return { ok: true, file: makeSourceFile(norm, abs, kind, over) };
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return { ok: false, skip: { path: norm, reason: 'not found' } };
    }
    let real = abs;
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
      } catch {
        return { ok: false, skip: { path: norm, reason: 'is a symbolic link that points nowhere (or loops)' } };
      }
      if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) {
        return { ok: false, skip: { path: norm, reason: 'is a symbolic link that points outside the repository; it was not followed' } };
      }
      st = statSync(real);
    }
    if (!st.isFile()) return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
    if (st.size > MAX_FILE_BYTES) return { ok: false, skip: { path: norm, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${st.size} bytes)` } };
    let buf: Buffer;
    try {
      // O_NONBLOCK: a file swapped for a FIFO between stat and open must not hang us.
      const fd = openSync(real, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW && real === abs ? fsConstants.O_NOFOLLOW : 0));
      try {
        const fst = fstatSync(fd);
        if (!fst.isFile()) return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
        if (fst.size > MAX_FILE_BYTES) return { ok: false, skip: { path: norm, reason: `is larger than 1 MiB (${fst.size} bytes)` } };
        buf = Buffer.alloc(fst.size);
        let off = 0;
        while (off < fst.size) {
          const n = readSync(fd, buf, off, fst.size - off, off);
          if (n <= 0) break;
          off += n;
        }
        buf = buf.subarray(0, off);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      return { ok: false, skip: { path: norm, reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` } };
    }
    if (buf.subarray(0, 8192).includes(0)) return { ok: false, skip: { path: norm, reason: 'has binary content' } };
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, file: makeSourceFile(norm, abs, kind, text) };
  }

  /** Candidate paths (relative, POSIX) under the root or under the given sub-paths. */
  list(paths?: string[]): string[] {
    const fromGit = this.gitList();
    const all = fromGit ?? this.walk();
    if (!paths || paths.length === 0) return all;
    const prefixes = paths.map((p) => this.normalize(p)).filter((p): p is string => p !== undefined);
    if (prefixes.some((p) => p === '')) return all;
    return all.filter((f) => prefixes.some((p) => f === p || f.startsWith(p + '/')));
  }

  private gitList(): string[] | undefined {
    try {
      const inside = execFileSync('git', ['-C', this.root, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
      if (inside !== 'true') return undefined;
      const out = execFileSync('git', ['-C', this.root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 512 * 1024 * 1024,
      });
      const files = out.toString('utf8').split('\0').filter(Boolean);
      // Deleted-but-tracked files are listed by --cached; keep them (read() reports them missing → skipped silently).
      return [...new Set(files)];
    } catch {
      return undefined;
    }
  }

  private walk(): string[] {
    const out: string[] = [];
    const stack: string[] = [''];
    while (stack.length > 0 && out.length < MAX_WALK_FILES) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(join(this.root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) stack.push(rel);
        } else {
          // Symlinks to directories are never descended; symlinked files are checked on read.
          out.push(rel);
        }
      }
    }
    return out.sort();
  }
}

export interface Discovered {
  files: SourceFile[];
  skipped: Skip[];
}

/** Find and read every container-config file. */
export function discover(ws: Workspace, paths?: string[]): Discovered {
  const files: SourceFile[] = [];
  const skipped: Skip[] = [];
  for (const rel of ws.list(paths)) {
    const byName = classifyByName(rel);
    if (!byName) continue;
    const r = ws.read(rel, byName === 'yaml' ? 'kubernetes' : byName);
    if (!r.ok) {
      if (r.skip.reason !== 'not found') skipped.push(r.skip);
      continue;
    }
    if (byName === 'yaml') {
      const kind = classifyYaml(r.file.text);
      if (!kind) continue;
      r.file.kind = kind;
    }
    files.push(r.file);
  }
  return { files, skipped };
}
