/**
 * Which files to read: `git ls-files` in a checkout, else a walk. Every read
 * goes through Workspace.read, which never leaves the root (symlinks are
 * resolved and checked), caps sizes and refuses binary and special files.
 */
import { lstatSync, readdirSync, readFileSync, readSync, realpathSync, statSync, openSync, closeSync, fstatSync, constants as fsConstants, type Stats } from 'node:fs';
import { posix, resolve, sep, join } from 'node:path';
import { childProcess } from '../builtins.js';
import { DEBUGGER_WORDS } from '../debugger-words.js';
import { makeSourceFile } from '../source.js';
import { count, mark } from '../timing.js';
import type { FileKind, SourceFile } from '../types.js';

export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * The debugger words that name a debugger or ptrace, without the PID-namespace ones (`pid:`, `--pid`,
 * `shareProcessNamespace`): every CRD bundle that embeds a PodSpec schema spells `hostPID:` and
 * `shareProcessNamespace`, and no debugger setting hides in megabytes of schema.
 */
const TOOL_WORDS = DEBUGGER_WORDS.filter((w) => w !== 'pid:' && w !== '--pid' && w !== 'shareprocessnamespace');
/** The skip reasons of files read() refuses for what they hold, not for where they are. */
const TOO_BIG_OR_BINARY = /^(is larger than|has binary content)/;
const MAX_WALK_FILES = 200_000;
/** Every open of a file to read: read-only, never blocking on a FIFO (O_NONBLOCK), never following a link in the last component (O_NOFOLLOW). */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0);
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn']);
const GIT_MAX_BUFFER = 512 * 1024 * 1024;
/**
 * git reads the scanned repository's own .git/config, where `core.fsmonitor`
 * names a program that `git ls-files` runs. A checkout made by git clone never
 * carries that setting, but a directory unpacked from elsewhere may: turn it off.
 */
const GIT_SAFE = ['-c', 'core.fsmonitor=false'];

const listingKey = (prefixes?: string[]): string => (prefixes ? JSON.stringify(prefixes) : '');

/** Run git without blocking; resolves to its stdout, or undefined when it fails (as execFileSync would throw). */
function gitAsync(args: string[]): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const child = childProcess().spawn('git', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > GIT_MAX_BUFFER) child.kill();
      else chunks.push(c);
    });
    child.on('error', () => done(undefined));
    child.on('close', (code, signal) => done(code === 0 && signal === null && size <= GIT_MAX_BUFFER ? Buffer.concat(chunks) : undefined));
  });
}

/** Keep the paths equal to one of the (normalised) sub-paths or under it. */
function underAny(all: string[], prefixes: string[]): string[] {
  if (prefixes.length === 1) {
    const p = prefixes[0]!;
    return all.filter((f) => f === p || f.startsWith(p + '/'));
  }
  // f === p || f.startsWith(p + '/') for some p  ⇔  f or one of its parent directories is a p.
  // Files share directories: the answer for a directory is worked out once.
  const wanted = new Set(prefixes);
  const dirs = new Map<string, boolean>();
  const dirWanted = (d: string): boolean => {
    let r = dirs.get(d);
    if (r === undefined) {
      const i = d.lastIndexOf('/');
      r = wanted.has(d) || (i > 0 && dirWanted(d.slice(0, i)));
      dirs.set(d, r);
    }
    return r;
  };
  return all.filter((f) => {
    if (wanted.has(f)) return true;
    const i = f.lastIndexOf('/');
    return i > 0 && dirWanted(f.slice(0, i));
  });
}

export interface Skip {
  path: string;
  reason: string;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; skip: Skip };

/** Dockerfile-dev, Dockerfile_prod, api-Dockerfile, api_containerfile, without a dot (dockerfile-utils.js is not one); Dockerfile.x and x.dockerfile are tested apart. */
const DASHED_DOCKERFILE = /^(docker|container)file[-_][^.]*$|^[^.]*[-_](docker|container)file$/;
/**
 * DockerfileDebug, DockerfileDev_ubuntu, ContainerfileProd: the name written as one CamelCase word
 * (kubeflow's bootstrap/DockerfileDebug, built with `docker build -f DockerfileDebug`). Matched on
 * the name as written, so that lower-case words run together (dockerfiles, dockerfilelint) stay out.
 */
const CAMEL_DOCKERFILE = /^(Docker|Container)file[A-Z][A-Za-z0-9_-]*$/;

/** go-task's DefaultTaskfiles (taskfile/taskfile.go), matched as written: Task compares names case-sensitively. */
const TASKFILE_NAMES: ReadonlySet<string> = new Set([
  'Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml',
  'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml',
]);
/** The files `docker buildx bake` reads by default besides Compose files. */
const BAKE_NAMES: ReadonlySet<string> = new Set(['docker-bake.hcl', 'docker-bake.override.hcl', 'docker-bake.json', 'docker-bake.override.json']);
/** air (the Go hot-reload runner): its default `.air.toml`, the older `.air.conf`, and `air.toml` (a common `air -c` name). */
const AIR_NAMES: ReadonlySet<string> = new Set(['.air.toml', 'air.toml', '.air.conf']);

/**
 * Extensions (as written, after the last dot) of files that classifyByName never reads unless their name
 * starts with "dockerfile." or "containerfile." (any letter case): no other branch of it tests for them. Source code and data, by far
 * most of a repository's files.
 */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  'go', 'mod', 'sum', 'proto', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'py', 'rb', 'rs', 'java', 'kt', 'c', 'h', 'cc', 'cpp', 'hpp',
  'cs', 'php', 'swift', 'scala', 'txt', 'csv', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'ico', 'css', 'scss', 'html', 'lock', 'snap', 'golden', 'pb', 'tmpl', 'tpl', 'xml', 'sql',
]);
/** Dockerfile.go, CONTAINERFILE.txt: the names with such an extension that classifyByName reads as Dockerfiles. */
const DOTTED_DOCKERFILE = /^(docker|container)file\./i;

/** Classify a path by its name; YAML needs its content too (see classifyYaml), and an extensionless script its first line (see mayBeScript). */
export function classifyByName(path: string): FileKind | 'yaml' | undefined {
  // Called for every file of the repository: no path parsing, no regex for the common case.
  const slash = path.lastIndexOf('/');
  // Most files of a repository are source code: a name with such an extension is none of ours unless it is
  // Dockerfile.<ext> or Containerfile.<ext> (in any letter case), the only branch below that such a name can take.
  const dot = path.lastIndexOf('.');
  if (dot > slash + 1 && SOURCE_EXTENSIONS.has(path.slice(dot + 1))) {
    const first = path.charCodeAt(slash + 1) | 0x20;
    if ((first !== 0x64 /* d */ && first !== 0x63 /* c */) || !DOTTED_DOCKERFILE.test(path.slice(slash + 1))) return undefined;
  }
  const base = slash >= 0 && slash < path.length - 1 ? path.slice(slash + 1) : posix.basename(path);
  const lower = base.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.') || ((lower.includes('dockerfile') || lower.includes('containerfile')) && (DASHED_DOCKERFILE.test(lower) || CAMEL_DOCKERFILE.test(base)))) {
    if (lower.endsWith('.dockerignore')) return undefined;
    return 'dockerfile';
  }
  if (lower === 'devcontainer.json' && (path.includes('.devcontainer/') || path === 'devcontainer.json')) return 'devcontainer';
  if (lower === '.devcontainer.json') return 'devcontainer';
  if (lower === 'launch.json' && path.endsWith('.vscode/launch.json')) return 'vscode-launch';
  // VS Code's tasks (a launch.json preLaunchTask often starts the debug container with `docker run`).
  if (lower === 'tasks.json' && path.endsWith('.vscode/tasks.json')) return 'vscode-tasks';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) {
    if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) return 'compose';
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
    // .gitlab-ci.yml, a template such as Go.gitlab-ci.yml, and the files a pipeline includes from .gitlab/ci/.
    if (lower.endsWith('.gitlab-ci.yml') || lower.endsWith('.gitlab-ci.yaml') || path.startsWith('.gitlab/ci/') || path.includes('/.gitlab/ci/')) return 'gitlab-ci';
    if (TASKFILE_NAMES.has(base)) return 'taskfile';
    if (lower === 'skaffold.yaml' || lower === 'skaffold.yml') return 'skaffold';
    // The manifest `okteto up` reads by default (also under .okteto/); other names (okteto-stack.yml, a Compose file) are classified by content.
    if (lower === 'okteto.yml' || lower === 'okteto.yaml') return 'okteto';
    // The config `devspace dev` reads by default (profiles and imports live inside it or are named by it).
    if (lower === 'devspace.yaml' || lower === 'devspace.yml') return 'devspace';
    return 'yaml';
  }
  if (lower === 'makefile' || lower === 'gnumakefile' || lower.endsWith('.mk')) return 'makefile';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'shell';
  // just finds `justfile` and `.justfile` in any letter case (search.rs: eq_ignore_ascii_case); modules are `name.just` or `name/mod.just`.
  if (lower === 'justfile' || lower === '.justfile' || lower.endsWith('.just')) return 'justfile';
  if (base === 'package.json') return 'package-json';
  if (BAKE_NAMES.has(base)) return 'bake';
  if (AIR_NAMES.has(base)) return 'air';
  // The variants run with `air -c`: .air.debug.toml, air.dev.toml, .air-debug.toml, .air_delve.toml.
  if (lower.endsWith('.toml') && (lower.startsWith('.air') || lower.startsWith('air')) && /^\.?air[._-][a-z0-9_.-]+\.toml$/.test(lower)) return 'air';
  // Tilt reads `Tiltfile` (and `*.tiltfile` through load()).
  if (base === 'Tiltfile' || lower.endsWith('.tiltfile')) return 'tiltfile';
  // README files: their shell code blocks may build the image a manifest runs (build sources only).
  if (lower.startsWith('readme') && (lower === 'readme' || lower.endsWith('.md') || lower.endsWith('.markdown'))) return 'markdown';
  return undefined;
}

/** Extensionless names that are never scripts: not worth opening to look for a shebang. Upper case. */
const NOT_SCRIPTS: ReadonlySet<string> = new Set([
  'LICENSE', 'LICENCE', 'COPYING', 'COPYRIGHT', 'NOTICE', 'PATENTS', 'README', 'CHANGELOG', 'CHANGES', 'HISTORY', 'NEWS', 'TODO', 'INSTALL',
  'AUTHORS', 'CONTRIBUTORS', 'CONTRIBUTING', 'MAINTAINERS', 'OWNERS', 'OWNERS_ALIASES', 'CODEOWNERS', 'THANKS', 'SECURITY', 'DCO', 'VERSION', 'CNAME',
  'PROCFILE', 'GEMFILE', 'RAKEFILE', 'VAGRANTFILE', 'BREWFILE', 'JENKINSFILE', 'PIPFILE', 'CADDYFILE', 'TILTFILE', 'EARTHFILE', 'BUILD', 'WORKSPACE',
]);

/**
 * A name that classifyByName does not know and that may be a script: no dot
 * in its last component (no extension, not a dotfile) and not a common
 * document name. Such a file is classified by its first line (shebangShell).
 */
export function mayBeScript(path: string): boolean {
  const slash = path.lastIndexOf('/');
  // Most names have a dot: told without cutting the name out.
  if (slash === path.length - 1 || path.indexOf('.', slash + 1) >= 0) return false;
  return !NOT_SCRIPTS.has((slash >= 0 ? path.slice(slash + 1) : path).toUpperCase());
}

/** Bytes read from the head of an extensionless file to find its shebang. */
export const SHEBANG_PEEK_BYTES = 128;
const SH_FAMILY: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * The shell a `#!` line names (`#!/bin/sh`, `#!/bin/bash -e`,
 * `#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -eu`): sh, bash, dash, ash,
 * zsh or ksh; undefined for any other interpreter or no shebang.
 */
export function shebangShell(head: string): string | undefined {
  if (!head.startsWith('#!')) return undefined;
  const nl = head.indexOf('\n');
  const words = (nl < 0 ? head : head.slice(0, nl)).slice(2).trim().split(/[ \t]+/);
  const name = (w: string | undefined): string => (w ?? '').slice((w ?? '').lastIndexOf('/') + 1);
  let i = 0;
  if (name(words[0]) === 'env') {
    // env's options (-S, -i) and NAME=value assignments come before the program.
    for (i = 1; i < words.length && (words[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)); i++);
  }
  const prog = name(words[i]);
  return SH_FAMILY.has(prog) ? prog : undefined;
}

/** An Okteto manifest's own keys at the top: `dev:` (manifest v2) or a v1 dev container's `name:`. */
const OKTETO_DEV = /^(dev|name):/m;

/** Decide what a YAML file is from its text without a full parse. */
export function classifyYaml(text: string): FileKind | undefined {
  if (/^kind:\s*["']?(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Service|ReplicationController|PodTemplate|Rollout|CloneSet|AdvancedStatefulSet|DeploymentRuntimeConfig)["']?\s*(#.*)?$/m.test(text) && /^apiVersion:/m.test(text)) return 'kubernetes';
  if (/^services:\s*(#.*)?$/m.test(text)) return 'compose';
  // A Skaffold config under another name (skaffold-dev.yaml) and a Taskfile that another includes (taskfiles/docker.yml).
  if (/^apiVersion:\s*["']?skaffold\/v/m.test(text) && /^kind:\s*["']?Config["']?\s*(#.*)?$/m.test(text)) return 'skaffold';
  if (/^tasks:\s*(#.*)?$/m.test(text) && /^version:\s*["']?[23](\.\d+)*["']?\s*(#.*)?$/m.test(text)) return 'taskfile';
  return undefined;
}

/** JSON nesting deeper than this is refused: jsonc-parser recurses per level and overflows the stack (~10,000). */
export const MAX_JSON_DEPTH = 256;
const JSON_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['devcontainer', 'vscode-launch', 'vscode-tasks', 'seccomp', 'package-json']);

/** The deepest [ / { nesting of JSON with comments, outside strings and comments; stops counting past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/**
 * A POSIX relative path with nothing to normalise: not empty, no leading `/`,
 * no `.` or `..` segment, no `//`, no backslash. Joining it onto a normalised
 * directory with `/` gives what path.resolve would (on POSIX).
 */
export function isPlainRelative(p: string): boolean {
  return p !== '' && p.charCodeAt(0) !== 47 && !p.includes('\\') && !p.includes('//') && !DOT_SEGMENT.test(p);
}

export class Workspace {
  readonly root: string;
  private readonly realRoot: string;
  private readonly cache = new Map<string, ReadResult>();
  private readonly dirCache = new Map<string, string | undefined>();
  /** lstat of each file named to list(), taken there to tell files from directories; read() uses each once. */
  private namedStats?: Map<string, Stats>;

  /** In-memory file contents that take the place of the disk (used by --fix dry runs). */
  readonly overlay = new Map<string, string>();

  /** The git listing found by prefetch() for these sub-paths, used by list() instead of asking git again. */
  private listing?: { key: string; files: string[] };

  constructor(root: string, overlay?: Map<string, string>) {
    if (overlay) for (const [k, v] of overlay) this.overlay.set(k, v);
    this.root = resolve(root);
    // realpathSync.native (libc realpath): the same answer as the JS version, a third of the cost per file.
    this.realRoot = realpathSync.native(this.root);
  }

  /** The listing was handed over by withOverlay(): startListing() asks git nothing. */
  private listed = false;
  /** The walk of the tree when git has no listing (outside a checkout), done once. */
  private walked?: string[];

  /**
   * A workspace for scanning again with these texts in place of the disk's (the fold of held-back fixes): the
   * listing and every read of a file the overlay does not replace are this one's, not done again.
   */
  withOverlay(overlay: Map<string, string>): Workspace {
    const w = new Workspace(this.root, new Map([...this.overlay, ...overlay]));
    if (this.listing) {
      w.listing = this.listing;
      w.listed = true;
    }
    for (const [key, r] of this.cache) {
      const norm = this.normalize(key.slice(key.indexOf(':') + 1));
      if (norm !== undefined && !w.overlay.has(norm)) w.cache.set(key, r);
    }
    for (const d of this.dismissed) if (!w.overlay.has(d)) w.dismissed.add(d);
    if (this.walked) w.walked = this.walked;
    for (const [k, v] of this.dirCache) w.dirCache.set(k, v);
    return w;
  }

  /** Normalise a path relative to the root; undefined when it escapes the root. */
  normalize(rel: string): string | undefined {
    // Paths from git's listing are already normal: no `.`/`..` segment, no `//`, no leading `/`.
    if (isPlainRelative(rel)) return rel;
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

  /**
   * YAML files read and found to be none of ours (CI, lint, app config: most YAML of a repository). Their
   * texts are not held for the whole scan; a rescan on this listing (withOverlay) skips them unread, and a
   * read that wants one anyway (a Helm template) reads it again.
   */
  private readonly dismissed = new Set<string>();

  /** Drop a read YAML file that is none of ours (see dismissed). */
  dismiss(rel: string): void {
    this.cache.delete(`kubernetes:${rel}`);
    this.dismissed.add(rel);
  }

  isDismissed(rel: string): boolean {
    return this.dismissed.has(rel);
  }

  private readUncached(rel: string, kind: FileKind): ReadResult {
    const norm = this.normalize(rel);
    if (norm === undefined) return { ok: false, skip: { path: rel, reason: 'is outside the scanned directory' } };
    const abs = join(this.root, norm);
    const over = this.overlay.get(norm);
    if (over !== undefined) return this.accept(norm, abs, kind, over);
    // The lstat that list() made of a named file, used once: everything that
    // matters is checked again on the open descriptor (O_NOFOLLOW, fstat).
    let st = this.namedStats?.get(norm);
    if (st) this.namedStats!.delete(norm);
    else {
      // The common case, a regular file in a directory inside the root: opened without following a link
      // (O_NOFOLLOW) in its directory's real path, it is that file, with no lstat or realpath of its own.
      // Anything else (a symbolic link, a directory out of the root, a missing file) takes the path below.
      const fast = this.readPlain(norm, kind);
      if (fast !== undefined) return fast;
      try {
        st = lstatSync(abs);
      } catch {
        return { ok: false, skip: { path: norm, reason: 'not found' } };
      }
    }
    // Resolve the whole path, not only its last component: a symbolic link to a
    // directory (`up -> ..`, `etc -> /etc`) in the middle of a path leaves the root too.
    // A regular file resolves to its directory's real path (resolved once per
    // directory) plus its own name; only a symbolic link needs a path of its own.
    let real: string | undefined;
    if (!st.isSymbolicLink()) {
      const slash = norm.lastIndexOf('/');
      const dirReal = this.realDir(slash < 0 ? '' : norm.slice(0, slash));
      real = dirReal === undefined ? undefined : dirReal + sep + norm.slice(slash + 1);
    }
    try {
      real ??= realpathSync.native(abs);
    } catch {
      return st.isSymbolicLink()
        ? { ok: false, skip: { path: norm, reason: 'is a symbolic link that points nowhere (or loops)' } }
        : { ok: false, skip: { path: norm, reason: 'not found' } };
    }
    if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) {
      return {
        ok: false,
        skip: {
          path: norm,
          reason: st.isSymbolicLink()
            ? 'is a symbolic link that points outside the repository; it was not followed'
            : 'is reached through a symbolic link that points outside the repository; it was not followed',
        },
      };
    }
    if (st.isSymbolicLink()) st = statSync(real);
    if (!st.isFile()) return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
    if (st.size > MAX_FILE_BYTES) return { ok: false, skip: { path: norm, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${st.size} bytes)` } };
    let fd: number;
    try {
      // O_NONBLOCK: a file swapped for a FIFO between stat and open must not hang us.
      // O_NOFOLLOW: `real` is fully resolved, so a symlink here was swapped in after the check.
      fd = openSync(real, READ_FLAGS);
    } catch (e) {
      return { ok: false, skip: { path: norm, reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` } };
    }
    return this.readOpen(fd, norm, abs, kind);
  }

  /**
   * read() of a regular file whose directory resolves inside the root, opened in that real directory without
   * following a link (no lstat of its own: an open, an fstat and a read, a fifth less CPU than with the lstat
   * over the 1,698 files of the benchmark's repository A): undefined when that open fails (a symbolic link, ELOOP; a directory that does not
   * resolve; a missing file), for the careful path of readUncached to decide and word the refusal.
   */
  private readPlain(norm: string, kind: FileKind): ReadResult | undefined {
    const fd = this.openInside(norm, false);
    // norm is plain (no `.`, `..` or `//`) and the root resolved: the join is a concatenation.
    return fd === undefined ? undefined : this.readOpen(fd, norm, this.root === sep ? sep + norm : this.root + sep + norm, kind);
  }

  /** The text of an open descriptor (closed here) within every limit: a regular file, of at most MAX_FILE_BYTES, not binary. */
  private readOpen(fd: number, norm: string, abs: string, kind: FileKind): ReadResult {
    let text: string;
    try {
      const fst = fstatSync(fd);
      if (!fst.isFile()) return { ok: false, skip: { path: norm, reason: 'is not a regular file' } };
      if (fst.size > MAX_FILE_BYTES) return { ok: false, skip: { path: norm, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${fst.size} bytes)` } };
      // A regular file of checked size, read and decoded in one call (invalid
      // UTF-8 becomes U+FFFD, as Buffer#toString does).
      text = readFileSync(fd, 'utf8');
    } catch (e) {
      return { ok: false, skip: { path: norm, reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` } };
    } finally {
      closeSync(fd);
    }
    // Grown since fstat: every UTF-16 unit of the text comes from at least one byte, so more units than the cap is more bytes too.
    if (text.length > MAX_FILE_BYTES) return { ok: false, skip: { path: norm, reason: `is larger than 1 MiB (grew while it was read)` } };
    // A NUL byte decodes to U+0000 and nothing else does. 8192 characters span at
    // least 8192 bytes, so every file refused by the test on the first 8192 bytes still is.
    const nul = text.indexOf('\0');
    if (nul >= 0 && nul < 8192) return { ok: false, skip: { path: norm, reason: 'has binary content' } };
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return this.accept(norm, abs, kind, text);
  }

  /**
   * At most the first `max` bytes of a file, decoded as UTF-8, for deciding what
   * it is without reading it whole (a 2 MiB file costs the same as a small one).
   * The same safety as read(): the path stays inside the root (directories
   * resolved one component at a time), a symbolic link is followed only to a
   * file inside the root, the open never follows a link swapped in
   * (O_NOFOLLOW) nor blocks on a FIFO (O_NONBLOCK), and only a regular file is
   * read. Undefined when it cannot be read that way; no size cap applies here,
   * read() still applies its own.
   */
  head(rel: string, max = SHEBANG_PEEK_BYTES): string | undefined {
    const norm = this.normalize(rel);
    if (norm === undefined || norm === '') return undefined;
    const over = this.overlay.get(norm);
    if (over !== undefined) return over.slice(0, max);
    const fd = this.openInside(norm);
    if (fd === undefined) return undefined;
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      const buf = Buffer.alloc(Math.max(0, Math.min(max, 4096)));
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.toString('utf8', 0, n);
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Does the file spell one of `words` (lower-case ASCII), in any letter case? For a file read() refuses
   * (larger than 1 MiB, binary content): an operator's 2 MiB install.yaml or a CRD bundle that names no
   * debugger cannot hide a debugger setting, so it needs no note. Read in 1 MiB chunks with head()'s
   * safety, at most `cap` bytes; true when it cannot be told (unreadable, or larger than the cap).
   */
  mentions(rel: string, words: readonly string[], cap = 64 * MAX_FILE_BYTES): boolean {
    const norm = this.normalize(rel);
    if (norm === undefined || norm === '') return true;
    const over = this.overlay.get(norm);
    if (over !== undefined) {
      const t = over.toLowerCase();
      return words.some((w) => t.includes(w));
    }
    const fd = this.openInside(norm);
    if (fd === undefined) return true;
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > cap) return true;
      const keep = Math.max(0, ...words.map((w) => w.length)) - 1;
      const buf = Buffer.alloc(MAX_FILE_BYTES);
      let tail = '';
      for (let pos = 0, n = 0; (n = readSync(fd, buf, 0, buf.length, pos)) > 0 && pos < cap; pos += n) {
        // latin1: one character per byte, so an ASCII word split across chunks is found in the overlap.
        const t = tail + buf.toString('latin1', 0, n).toLowerCase();
        if (words.some((w) => t.includes(w))) return true;
        tail = keep > 0 ? t.slice(-keep) : '';
      }
      return false;
    } catch {
      return true;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A file under the root opened for reading (never through a link out of it, never blocking on a FIFO), or undefined;
   * without `followLink`, a symbolic link in the last component is not opened at all.
   */
  private openInside(norm: string, followLink = true): number | undefined {
    const slash = norm.lastIndexOf('/');
    const dirReal = this.realDir(slash < 0 ? '' : norm.slice(0, slash));
    if (dirReal === undefined || !this.insideRoot(dirReal)) return undefined;
    const flags = READ_FLAGS;
    try {
      return openSync(dirReal + sep + norm.slice(slash + 1), flags);
    } catch (e) {
      // ELOOP: the last component is a symbolic link; follow it only to a file inside the root.
      if (!followLink || (e as NodeJS.ErrnoException).code !== 'ELOOP') return undefined;
      try {
        const real = realpathSync.native(join(this.root, norm));
        if (!this.insideRoot(real)) return undefined;
        return openSync(real, flags);
      } catch {
        return undefined;
      }
    }
  }

  /**
   * The names of the files directly in a directory under the root (a chart's `templates/`, for its `.tpl`
   * helpers), sorted; empty when it is not a directory inside the root. Each file is still read with read().
   */
  filesIn(dir: string, max = 256): string[] {
    const norm = this.normalize(dir);
    if (norm === undefined) return [];
    const real = this.realDir(norm);
    if (real === undefined || !this.insideRoot(real)) return [];
    try {
      return readdirSync(real, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort().slice(0, max);
    } catch {
      return [];
    }
  }

  private insideRoot(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot + sep);
  }

  /** The real path of a directory under the root (undefined when it cannot be resolved). */
  private realDir(dir: string): string | undefined {
    if (dir === '') return this.realRoot;
    let r = this.dirCache.get(dir);
    if (r === undefined && !this.dirCache.has(dir)) {
      r = this.resolveDir(dir);
      this.dirCache.set(dir, r);
    }
    return r;
  }

  /**
   * One component at a time: a directory that is not a symbolic link is its
   * parent's real path plus its name (one lstat, where realpath(3) reads every
   * component of the absolute path again); a symbolic link is resolved whole.
   * The parent's real path may lie outside the root: read() refuses what
   * resolves there, as it did when realpath(3) resolved the whole path.
   */
  private resolveDir(dir: string): string | undefined {
    const slash = dir.lastIndexOf('/');
    const parent = this.realDir(slash < 0 ? '' : dir.slice(0, slash));
    if (parent === undefined) return undefined;
    const abs = join(this.root, dir);
    try {
      const st = lstatSync(abs);
      if (st.isDirectory()) return parent + sep + dir.slice(slash + 1);
      if (!st.isSymbolicLink()) return undefined;
      return realpathSync.native(abs);
    } catch {
      return undefined;
    }
  }

  /** Limits on the text itself, then the file. */
  private accept(norm: string, abs: string, kind: FileKind, text: string): ReadResult {
    if ((JSON_KINDS.has(kind) || (kind === 'bake' && norm.endsWith('.json'))) && jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return { ok: false, skip: { path: norm, reason: `is nested more than ${MAX_JSON_DEPTH} levels deep` } };
    }
    return { ok: true, file: makeSourceFile(norm, abs, kind, text) };
  }

  /**
   * Candidate paths (relative, POSIX) under the root or under the given
   * sub-paths; `named` adds files named on the command line that the listing
   * leaves out (ignored by git, under a directory the walk skips): a file
   * named is read because it was named.
   */
  list(paths?: string[], named?: readonly string[]): string[] {
    const prefixes = this.prefixesOf(paths);
    if (prefixes && !this.listing && this.allNamedFiles(prefixes)) return [...new Set(prefixes)];
    const fromGit = (this.listing && this.listing.key === listingKey(prefixes) ? this.listing.files : undefined) ?? this.gitList();
    const all = fromGit ?? (this.walked ??= this.walk());
    const listed = prefixes ? underAny(all, prefixes) : all;
    if (!named || named.length === 0) return listed;
    const have = new Set(listed);
    const more = named.filter((p) => !have.has(p) && !this.isDirectory(p));
    return more.length > 0 ? [...listed, ...new Set(more)] : listed;
  }

  private isDirectory(rel: string): boolean {
    try {
      return lstatSync(join(this.root, rel)).isDirectory();
    } catch {
      return false;
    }
  }

  /** The normalised sub-paths; undefined when the whole root is wanted. */
  prefixesOf(paths?: string[]): string[] | undefined {
    if (!paths || paths.length === 0) return undefined;
    const prefixes = paths.map((p) => this.normalize(p)).filter((p): p is string => p !== undefined);
    return prefixes.some((p) => p === '') ? undefined : prefixes;
  }

  private insideGit(): boolean {
    const inside = childProcess().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
    return inside === 'true';
  }

  /**
   * Start listing a git checkout: the tracked files at once (cheap: git reads
   * its index), the untracked ones in a child process meanwhile (git walks
   * every directory of the checkout for them). Until that walk is in, list()
   * answers with the tracked files. Returns undefined outside a checkout (or
   * when git fails, or when every sub-path names a file: those are the
   * listing), else a promise that resolves when the walk is in: true
   * when it found a config-named file that is not tracked, i.e. a scan of the
   * tracked files alone missed something. With sub-paths, the walk gets them
   * as literal pathspecs so that git visits only those directories (list()
   * filters both listings, so nothing else changes).
   */
  startListing(paths?: string[]): Promise<boolean> | undefined {
    if (this.listed) return undefined;
    const prefixes = this.prefixesOf(paths);
    if (prefixes && this.allNamedFiles(prefixes)) {
      // Files named one by one (a pre-commit hook's staged files, an editor's
      // current file) are the listing: asking git about 40,000 others to keep
      // the named ones costs more than the scan of a few files.
      this.listing = { key: listingKey(prefixes), files: [...new Set(prefixes)] };
      return undefined;
    }
    const spec = prefixes && prefixes.length > 0 ? prefixes : ['.'];
    let cached: string[];
    try {
      // The whole index, filtered by list(): git matches every entry against every
      // pathspec (80 ms for 272 file names on 40,000 entries, against 10 ms for all).
      cached = childProcess().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'ls-files', '-z', '--cached', '--', '.'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: GIT_MAX_BUFFER })
        .toString('utf8')
        .split('\0')
        .filter(Boolean);
    } catch {
      return undefined; // not a checkout, or no git: list() walks
    }
    const key = listingKey(prefixes);
    this.listing = { key, files: cached };
    return gitAsync([...GIT_SAFE, '--literal-pathspecs', '-C', this.root, 'ls-files', '-z', '--others', '--exclude-standard', '--', ...spec]).then((out) => {
      if (out === undefined) {
        this.listing = undefined; // list() asks git for everything again
        return true;
      }
      const untracked = out.toString('utf8').split('\0').filter(Boolean);
      // Same order as `git ls-files --cached --others`: untracked first.
      this.listing = { key, files: untracked.length > 0 ? [...new Set([...untracked, ...cached])] : cached };
      return untracked.some((p) => classifyByName(p) !== undefined);
    });
  }

  /**
   * Is every sub-path something other than a directory (a file, a symbolic
   * link, whatever read() will check)? Then it is read because it was named,
   * ignored by git or not, and nothing under it needs listing.
   */
  private allNamedFiles(prefixes: string[]): boolean {
    if (prefixes.length === 0) return false;
    const stats = new Map<string, Stats>();
    for (const p of prefixes) {
      try {
        const st = lstatSync(join(this.root, p));
        if (st.isDirectory()) return false;
        stats.set(p, st);
      } catch {
        return false; // missing: list as before (read() reports nothing for it)
      }
    }
    this.namedStats = stats;
    return true;
  }

  private gitList(): string[] | undefined {
    try {
      if (!this.insideGit()) return undefined;
      const out = childProcess().execFileSync('git', [...GIT_SAFE, '-C', this.root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: GIT_MAX_BUFFER,
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

/** Find and read every container-config file; `exclude` (the config file's excludes) keeps paths out of the listing. */
export function discover(ws: Workspace, paths?: string[], exclude?: (path: string) => boolean, named?: readonly string[]): Discovered {
  const files: SourceFile[] = [];
  const skipped: Skip[] = [];
  const listed = ws.list(paths, named);
  count('files listed', listed.length);
  for (const rel of listed) {
    if (exclude && exclude(rel)) continue;
    let byName = classifyByName(rel);
    if (!byName) {
      // An extensionless script (bin/dev, docker/entrypoint): known by its shebang, read from its first bytes only.
      if (!mayBeScript(rel)) continue;
      count('extensionless files peeked');
      const head = ws.head(rel);
      if (head === undefined || shebangShell(head) === undefined) continue;
      byName = 'shell';
    }
    if (byName === 'yaml' && ws.isDismissed(rel)) continue;
    count('config-named files read');
    const r = ws.read(rel, byName === 'yaml' ? 'kubernetes' : byName);
    if (!r.ok) {
      // Too large or binary, and naming no debugger: nothing in it can be a debugger setting (no note).
      if (r.skip.reason !== 'not found' && !(TOO_BIG_OR_BINARY.test(r.skip.reason) && !ws.mentions(rel, TOOL_WORDS))) skipped.push(r.skip);
      continue;
    }
    if (byName === 'yaml') {
      // A kustomization (its patches change the workloads it renders; model/kustomize.ts) is read with the manifests.
      const kind = classifyYaml(r.file.text) ?? (/(^|\/)kustomization\.ya?ml$/.test(rel) ? 'kubernetes' : undefined);
      if (!kind) {
        ws.dismiss(rel);
        continue;
      }
      r.file.kind = kind;
    } else if (byName === 'okteto' && !OKTETO_DEV.test(r.file.text) && /^services:\s*(#.*)?$/m.test(r.file.text)) {
      // A Compose stack saved under the manifest's name (okteto up reads one too): read as Compose.
      r.file.kind = 'compose';
    }
    files.push(r.file);
  }
  return { files, skipped };
}

/**
 * Discover and run `work` on what was found. In a git checkout `work` runs
 * on the tracked files while git looks for untracked ones in its own process,
 * and runs again on everything only when that found an untracked config file
 * (rare: a new Dockerfile not yet added). The result is the same as
 * `work(discover(ws, paths))` with the full listing.
 */
function discoverMarked(ws: Workspace, paths: string[] | undefined, exclude?: (path: string) => boolean, named?: readonly string[]): Discovered {
  const d = discover(ws, paths, exclude, named);
  mark('read');
  return d;
}

export async function discoverThen<T>(ws: Workspace, paths: string[] | undefined, work: (d: Discovered) => T | Promise<T>, exclude?: (path: string) => boolean, named?: readonly string[]): Promise<T> {
  const untracked = ws.startListing(paths);
  mark('list');
  const first = await work(discoverMarked(ws, paths, exclude, named));
  if (untracked === undefined || !(await untracked)) return first;
  mark('untracked walk');
  return work(discoverMarked(ws, paths, exclude, named));
}
