/**
 * What a container sees of the repository, so that the scripts its command
 * names can be read: `CMD ["/start.sh"]` after `COPY start.sh /start.sh`,
 * `command: ./scripts/debug.sh` with `.:/app` mounted and `working_dir: /app`,
 * a devcontainer's `postCreateCommand` in its workspace folder. Paths are
 * mapped back through the build context (COPY/ADD without --from) and bind
 * mounts; a followed script is read only inside the repository (Workspace.read
 * refuses symbolic links out of it, special and large files), and only when it
 * is a script (a .sh/.bash name or a #! line), never a binary.
 */
import { posix } from 'node:path';
import { splitShell, type SimpleCommand, type Word } from '../parse/shell.js';
import { parseAirConfig, type AirConfig } from '../parse/air.js';
import type { DfStage } from '../parse/dockerfile.js';
import { expandVars, stageChain } from '../parse/dockerfile.js';
import { commandsOfTargets } from './maketargets.js';
import type { FollowContext } from './commands.js';
import type { Project } from './project.js';
import type { SourceFile, Span } from '../types.js';
import { LibraryNotLoaded } from '../parse/lazy-lib.js';
import { assembledCommands, commandFileOf, commandsOfUnits, type CommandFile } from './cmdfiles.js';

/** A part of the container's file system that comes from the repository. */
export interface Mount {
  /** Absolute container path (no trailing slash, '/' for the root). */
  container: string;
  /** Repository-relative candidates for what is there ('' = the repository root), tried in order. */
  repo: string[];
  /** COPY of a single file to a path: only that path. */
  exact?: boolean;
}

export interface ContainerView {
  /** Highest precedence first (bind mounts over the image; later COPYs over earlier ones). */
  mounts: Mount[];
  /** The working directory of the container's command. */
  workdir: string;
  /** Variables the build defines for its commands (a Dockerfile stage's ARG/ENV defaults). */
  vars?: ReadonlyMap<string, string>;
}

function norm(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 ? n.replace(/\/$/, '') : n;
}

/** A repository-relative path joined and normalised; undefined when it leaves the repository. */
export function repoJoin(...parts: string[]): string | undefined {
  const p = posix.normalize(posix.join(...parts.filter((x) => x !== '')));
  if (p === '.' || p === './') return '';
  if (p.startsWith('../') || p === '..' || p.startsWith('/')) return undefined;
  return p.replace(/\/$/, '');
}

/**
 * The mounts a Dockerfile stage's COPY/ADD instructions make from the build
 * context (copies from other stages or images are not the repository's).
 * `contexts` are the candidate repository directories of the build context.
 */
export function copyMounts(stage: DfStage, contexts: string[]): Mount[] {
  const out: Mount[] = [];
  const chain = stageChain(stage).reverse();
  for (const s of chain) {
    for (const c of s.copies) {
      if (c.from) continue;
      const dest = c.dest.startsWith('/') ? c.dest : posix.join(c.workdir ?? '/', c.dest);
      const destDir = c.dest.endsWith('/') || c.sources.length > 1;
      for (const written of c.sources) {
        if (/^[a-z]+:\/\//i.test(written) || written.startsWith('git@')) continue;
        // A COPY source is always inside the context: `COPY /cmd/x.sh /` is <context>/cmd/x.sh.
        const src = written.replace(/^\/+/, '') || '.';
        const cands = (rel: string): string[] => contexts.map((ctx) => repoJoin(ctx, rel)).filter((p): p is string => p !== undefined);
        if (src.includes('*') || src.includes('?')) {
          // COPY scripts/*.sh /usr/local/bin/: the directory of the pattern, file by file.
          const dir = posix.dirname(src);
          out.push({ container: norm(destDir ? dest : posix.dirname(dest)), repo: cands(dir) });
          continue;
        }
        if (destDir) {
          // A file lands at dest/<name>; a directory's contents land in dest.
          out.push({ container: norm(posix.join(dest, posix.basename(src))), repo: cands(src), exact: true });
          out.push({ container: norm(dest), repo: cands(src) });
        } else out.push({ container: norm(dest), repo: cands(src) });
      }
    }
  }
  return out.reverse();
}

/**
 * A bind mount `SOURCE:TARGET[:opts]` (Compose short syntax, `docker run -v`)
 * whose source is a path in the repository, relative to `baseDirs` (the
 * Compose file's directory; for a run line its directory, then the root).
 */
export function bindMount(source: string, target: string, baseDirs: string[]): Mount | undefined {
  const s = source.trim().replace(/^["']|["']$/g, '');
  const t = target.trim();
  if (!t.startsWith('/')) return undefined;
  const cleaned = s.replace(/^(\$\{?PWD\}?|\$\(pwd\)|\$\(CURDIR\)|\$\{CURDIR\}|\$\{localWorkspaceFolder\}|`pwd`)(?=\/|$)/, '.');
  if (!(cleaned === '.' || cleaned === '..' || cleaned.startsWith('./') || cleaned.startsWith('../') || (!cleaned.startsWith('/') && !cleaned.startsWith('~') && cleaned.includes('/')))) return undefined;
  if (cleaned.includes('$')) return undefined;
  const repo = baseDirs.map((d) => repoJoin(d, cleaned)).filter((p): p is string => p !== undefined);
  return repo.length > 0 ? { container: norm(t), repo } : undefined;
}

/**
 * A script's unquoted `$NAME` / `${NAME}` words whose variable the script
 * sets to a literal (`OPTS="--listen=:2345 --headless"`) are split into the
 * words the shell would run (`exec /dlv ${OPTS} exec /app`). The new words
 * point at the variable's word (their text is not in the line).
 */
export function expandWordVariables(commands: SimpleCommand[], vars: ReadonlyMap<string, string>): SimpleCommand[] {
  if (vars.size === 0) return commands;
  return commands.map((c) => {
    if (!c.words.some((w) => !w.quoted && w.value.startsWith('$'))) return c;
    const words: Word[] = [];
    for (const w of c.words) {
      const m = !w.quoted ? /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(w.value) : null;
      const v = m ? vars.get((m[1] ?? m[2])!) : undefined;
      if (v === undefined || v.includes('$')) { words.push(w); continue; }
      for (const x of splitShell(v)) for (const nw of x.words) words.push({ value: nw.value, start: w.start, end: w.end, quoted: true, map: nw.value.split('').map(() => w.start) });
    }
    return { ...c, words };
  });
}

/** Where a bare command name is looked up (the PATH of the usual base images). */
const PATH_DIRS = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/bin', '/usr/sbin', '/sbin', '/go/bin'];

function isScriptText(path: string, text: string): boolean {
  return /\.(sh|bash)$/.test(path) || text.startsWith('#!');
}

/** The FollowContext of a container: scripts and air configs read through its view of the repository. */
export function followContext(project: Project, view: ContainerView, airConfigs?: Map<string, AirConfig | undefined>): FollowContext {
  /** Container path of each followed script (to resolve what it names relative to itself). */
  const at = new Map<string, string>();
  const candidatesOf = (containerPath: string): string[] => {
    const out: string[] = [];
    const p = norm(containerPath);
    for (const m of view.mounts) {
      if (m.exact ? p !== m.container : !(p === m.container || p.startsWith(m.container === '/' ? '/' : m.container + '/'))) continue;
      const rest = m.exact ? '' : p.slice(m.container === '/' ? 1 : m.container.length + 1);
      for (const r of m.repo) {
        const q = repoJoin(r, rest);
        if (q !== undefined && q !== '' && !out.includes(q)) out.push(q);
      }
    }
    return out;
  };
  const readScript = (rel: string): SourceFile | undefined => {
    const known = project.file(rel, 'shell', { quiet: true });
    if (!known || !isScriptText(known.path, known.text)) return undefined;
    return known;
  };
  const resolve = (path: string, from: SourceFile, read = readScript): { file: SourceFile; containerPath?: string } | undefined => {
    const tries: string[] = [];
    if (!path.includes('/')) {
      // A bare command name: a script only where the image put one on PATH.
      for (const dir of PATH_DIRS) {
        for (const rel of candidatesOf(`${dir}/${path}`)) {
          const f = read(rel);
          if (f) return { file: f, containerPath: `${dir}/${path}` };
        }
      }
      if (!/\.(sh|bash)$/.test(path)) return undefined;
      tries.push(posix.join(view.workdir, path));
    } else if (path.startsWith('/')) tries.push(path);
    else {
      tries.push(posix.join(view.workdir, path));
      const fromAt = at.get(from.path);
      if (fromAt) tries.push(posix.join(posix.dirname(fromAt), path));
    }
    for (const cp of tries) {
      for (const rel of candidatesOf(cp)) {
        const f = read(rel);
        if (f) return { file: f, containerPath: norm(cp) };
      }
    }
    // A relative path named by a followed script or a repository file: next to that file.
    if (!path.startsWith('/')) {
      const rel = repoJoin(posix.dirname(from.path), path);
      const f = rel !== undefined ? read(rel) : undefined;
      if (f) return { file: f };
    }
    return undefined;
  };
  const readConfig = (rel: string): SourceFile | undefined => project.file(rel, 'shell', { quiet: true });
  const commandsCache = new Map<string, SimpleCommand[]>();
  return {
    stack: [],
    script(path, from) {
      const r = resolve(path, from);
      if (!r) return undefined;
      if (r.containerPath) at.set(r.file.path, r.containerPath);
      return r.file;
    },
    config(path, from) {
      return resolve(path, from, readConfig)?.file;
    },
    make(makefile, dir, targets) {
      const base = dir ? (dir.startsWith('/') ? dir : posix.join(view.workdir, dir)) : view.workdir;
      const names = makefile ? [makefile] : ['GNUmakefile', 'makefile', 'Makefile'];
      for (const n of names) {
        const cp = n.startsWith('/') ? n : posix.join(base, n);
        for (const rel of candidatesOf(cp)) {
          const f = project.file(rel, 'makefile', { quiet: true });
          // The Makefile's own variables in the words (`$(DLV) debug` with `DLV ?= $(GOBIN)/dlv`, `--listen=:$(PORT)`).
          if (f) return { file: f, commands: withFileVariables(commandsOfTargets(f, targets), commandFileOf(project, f)) };
        }
      }
      return undefined;
    },
    units(kind, file, dir, names) {
      const base = dir ? (dir.startsWith('/') ? dir : posix.join(view.workdir, dir)) : view.workdir;
      const defaults = kind === 'taskfile' ? ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'Taskfile.dist.yaml'] : ['justfile', 'Justfile', '.justfile'];
      for (const n of file ? [file] : defaults) {
        const cp = n.startsWith('/') ? n : posix.join(base, n);
        for (const rel of candidatesOf(cp)) {
          const f = project.file(rel, kind, { quiet: true });
          if (!f) continue;
          const cf = commandFileOf(project, f);
          return { file: f, commands: withFileVariables(commandsOfUnits(cf, names.filter((x) => cf.units.has(x))), cf) };
        }
      }
      return undefined;
    },
    expand(value) {
      return view.vars ? expandVars(value, view.vars as Map<string, string>) : value;
    },
    commands(file) {
      let c = commandsCache.get(file.path);
      if (!c) {
        // `args=(dlv exec …)` + `"${args[@]}"`, `set -- dlv …` + `exec "$@"`: the commands the script puts together.
        c = expandWordVariables(assembledCommands(splitShell(file.text), file.text), commandFileOf(project, file).vars);
        commandsCache.set(file.path, c);
      }
      return c;
    },
    runnerConfig(configPath, defaultName, kind, from) {
      const wanted = configPath ?? defaultName;
      const rels = (wanted.startsWith('/') ? [wanted] : [posix.join(view.workdir, wanted)]).flatMap(candidatesOf);
      // Not mounted where the container looks: the config next to the file that runs the runner.
      if (!wanted.startsWith('/')) {
        const beside = repoJoin(posix.dirname(from.path), wanted);
        if (beside !== undefined && !rels.includes(beside)) rels.push(beside);
      }
      for (const rel of rels) {
        // Not added to the project's files: a modd.conf is no script to scan, a nodemon.json no package.json.
        const f = project.file(rel, kind, { quiet: true });
        if (f) return f;
      }
      return undefined;
    },
    air(configPath, from) {
      const wanted = configPath ?? '.air.toml';
      const paths = wanted.startsWith('/') ? [wanted] : [posix.join(view.workdir, wanted)];
      const rels = paths.flatMap(candidatesOf);
      // Not mounted where the container looks: the config next to the file that runs air.
      if (!wanted.startsWith('/')) {
        const beside = repoJoin(posix.dirname(from.path), wanted);
        if (beside !== undefined && !rels.includes(beside)) rels.push(beside);
      }
      for (const rel of rels) {
        const cfg = readAir(project, rel, airConfigs);
        if (!cfg) continue;
        // build.cmd builds; build.full_bin runs (through sh -c), else build.bin with build.args_bin.
        const out: Array<{ file: SourceFile; words: Word[]; shell: boolean; role: 'cmd' | 'run' }> = [];
        if (cfg.cmd) out.push({ file: cfg.file, words: [cfg.cmd], shell: true, role: 'cmd' });
        if (cfg.fullBin) out.push({ file: cfg.file, words: [cfg.fullBin], shell: true, role: 'run' });
        else if (cfg.bin) out.push({ file: cfg.file, words: [cfg.bin, ...(cfg.argsBin ?? [])], shell: false, role: 'run' });
        return out;
      }
      return [];
    },
    stop(file, reason, span) {
      project.problem({ path: file.path, reason, span });
    },
    mayMatter: (file) => project.mayMatter?.(file) ?? true,
  };
}

function readAir(project: Project, rel: string, cache?: Map<string, AirConfig | undefined>): AirConfig | undefined {
  if (cache?.has(rel)) return cache.get(rel);
  const f = project.file(rel, 'air', { quiet: true });
  let cfg: AirConfig | undefined;
  if (f) {
    try {
      cfg = parseAirConfig(f);
      project.add(f);
    } catch (e) {
      if (e instanceof LibraryNotLoaded) throw e;
      const off = (e as { offset?: number }).offset ?? 0;
      project.problem({ path: f.path, reason: `could not be parsed as TOML: ${(e as Error).message}`, span: { file: f, start: off, end: off } as Span });
    }
  }
  cache?.set(rel, cfg);
  return cfg;
}

/**
 * A Taskfile's or justfile's commands with the file's own variables in their words (`--listen=:{{.PORT}}` with
 * `vars: {PORT: 2345}`): a word whose value changes points at the word as written (its characters are not in
 * the file as the value spells them, so no fix edits inside it).
 */
function withFileVariables(commands: SimpleCommand[], cf: CommandFile): SimpleCommand[] {
  return commands.map((c) => {
    if (!c.words.some((w) => w.value.includes('{{') || w.value.includes('$'))) return c;
    return {
      ...c,
      words: c.words.map((w) => {
        const v = cf.expandFor(c, w.value);
        return v === w.value ? w : { ...w, value: v, map: v.split('').map(() => w.start) };
      }),
    };
  });
}
