/**
 * Which files can matter, decided before anything is parsed.
 *
 * Every finding but PTD900 is about a launch with debugger evidence: a
 * debugger that runs or is installed (dlv, delve, strace, gdb, ltrace,
 * py-spy), a capability or profile about ptrace, a Go dev container or an
 * editor attach configuration. Dev containers and editor configurations are
 * always read; everything else is spelled in some file of the launch with one
 * of DEBUGGER_WORDS. A file without any of them ("cold") can still matter when
 * it links a launch to a file with them ("hot"):
 *
 * - a Compose file or a script whose `build` names a hot Dockerfile;
 * - a Compose file that `extends` a service of a selected Compose file, or the
 *   base/override partner of a selected Compose file, or one a dev container names;
 * - a Kubernetes Service whose selector can pick a hot workload's pod.
 *
 * Those links are found with conservative text tests (a false "may link"
 * only costs a parse). Files that cannot matter are never parsed, so a
 * syntax error in them is not reported either (PTD900 says so). Within a
 * file that is read, a launch none of whose files is hot (a cold service of
 * a Compose file read for another service's link) cannot matter either: the
 * Dockerfile it builds is not parsed for it.
 */
import type { SourceFile } from '../types.js';
import { classifyByName } from '../discover/index.js';
import { DEBUGGER_WORDS } from '../debugger-words.js';

/** The words (src/debugger-words.ts). */
export { DEBUGGER_WORDS };

/** Files that only declare image builds (no container runs from them). */
export const BUILD_SOURCE_KINDS: ReadonlySet<string> = new Set(['bake', 'skaffold', 'tiltfile', 'markdown']);

/** The kinds of file whose commands may start containers (`docker run`, `kubectl debug`) or build images. */
export const COMMAND_KINDS: ReadonlySet<string> = new Set(['shell', 'makefile', 'workflow', 'justfile', 'taskfile', 'package-json', 'gitlab-ci', 'vscode-tasks']);

const hotCache = new WeakMap<SourceFile, boolean>();

/** Does the file's text mention a debugger word (in any letter case)? */
export function isHot(f: SourceFile): boolean {
  let h = hotCache.get(f);
  if (h === undefined) {
    const t = f.text.toLowerCase();
    h = DEBUGGER_WORDS.some((w) => t.includes(w));
    hotCache.set(f, h);
  }
  return h;
}

function isAncestorOrSelf(dir: string, of: string): boolean {
  return dir === '' || dir === of || of.startsWith(dir + '/');
}

/** A Dockerfile's path split the way mayBuild needs it. */
interface BuildTarget {
  dir: string;
  base: string;
  /** The text that must appear in a file that names it: its name, or its directory's for the default name. */
  needle: string;
}

/** The names a builder takes in a context when none is given (link.ts defaultNames). */
const DEFAULT_NAMES = new Set(['Dockerfile', 'dockerfile', 'Containerfile']);

function buildTarget(dockerfile: string): BuildTarget {
  const slash = dockerfile.lastIndexOf('/');
  const dir = slash < 0 ? '' : dockerfile.slice(0, slash);
  const base = dockerfile.slice(slash + 1);
  return { dir, base: DEFAULT_NAMES.has(base) ? 'Dockerfile' : base, needle: !DEFAULT_NAMES.has(base) ? base : dir.slice(dir.lastIndexOf('/') + 1) };
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Could a `build` in `file` resolve to `dockerfile`? The path it resolves to
 * is a normalised join of literal segments from the text, so its last segment
 * (the file name, or the directory when the name is the default
 * `Dockerfile`) is in the text, unless the directory is the file's own or an
 * ancestor, which `.` and `..` reach without naming it.
 */
export function mayBuild(file: SourceFile, dockerfile: string | BuildTarget): boolean {
  const t = typeof dockerfile === 'string' ? buildTarget(dockerfile) : dockerfile;
  if (t.base !== 'Dockerfile') return file.text.includes(t.needle) || namedThroughVariable(file.text, t.base);
  return isAncestorOrSelf(t.dir, dirOf(file.path)) || file.text.includes(t.needle);
}

/**
 * A file name written with a variable for its stem or its tail (`"$name".Dockerfile`,
 * `Dockerfile.${DISTRO}`): a loop of the file may give it this name (cmdfiles `multi`).
 */
function namedThroughVariable(text: string, base: string): boolean {
  const dot = base.indexOf('.');
  if (dot < 0) return false;
  const suffix = base.slice(dot);
  const prefix = base.slice(0, dot + 1);
  const [bySuffix, byPrefix] = variablePatterns(base, prefix, suffix);
  if (dot > 0 && text.includes(suffix) && bySuffix.test(text)) return true;
  return dot < base.length - 1 && text.includes(prefix) && byPrefix.test(text);
}

/** The two patterns of namedThroughVariable for a file name, compiled once per name (asked per file and Dockerfile). */
const VARIABLE_PATTERNS = new Map<string, [RegExp, RegExp]>();
function variablePatterns(base: string, prefix: string, suffix: string): [RegExp, RegExp] {
  let p = VARIABLE_PATTERNS.get(base);
  if (!p) {
    const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    p = [new RegExp(`\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?["']?${esc(suffix)}`), new RegExp(`${esc(prefix)}["']?\\$`)];
    if (VARIABLE_PATTERNS.size < 4096) VARIABLE_PATTERNS.set(base, p);
  }
  return p;
}

/**
 * Could a shell word in the text have the value …delve/cmd/dlv? The shell
 * builds a word's value from the characters of its text, leaving out quotes,
 * backslashes (keeping the character they escape) and backslash-newline
 * continuations (a backtick-newline one under `# escape=\``); nothing else is
 * taken out (no expansion). So the value's characters appear in that order,
 * adjacent, once those are removed (backticks are removed too: taking out
 * more can only let more files through).
 */
export function mayNameDelveModule(text: string): boolean {
  if (text.includes('delve/cmd/dlv')) return true;
  // The module put together from variables (`DELVE_SRC=github.com/go-delve/delve`, `${DELVE_SRC}/cmd/dlv@latest`).
  if (text.includes('go-delve/delve') && text.includes('/cmd/dlv')) return true;
  return withoutQuoting(text).includes('delve/cmd/dlv');
}

/** The text without quotes, backslashes and backslash-newline (or backtick-newline) continuations. */
function withoutQuoting(text: string): string {
  return text.replace(/[\\`]\r?\n|["'\\`]/g, '');
}

/**
 * `go install github.com/go-delve/` at the start of a command: at the start of
 * the text or of a line, after a shell operator (; & | and the first of && ||)
 * or an opening parenthesis, or right after RUN (the first word of its command).
 */
const PINNED_INSTALL_BEFORE = /(?:[\n;&|(]|RUN)[ \t]*go[ \t]+install[ \t]+github\.com\/go-delve\/$/;

/**
 * Does every spelling of …delve/cmd/dlv in the text belong to a
 * `go install github.com/go-delve/delve/cmd/dlv@v<digit>…`
 * starting a command? Then no install of delve in it can be reported by
 * PTD011 (which wants `go get` or the old github.com/derekparker path) or
 * PTD012 (which wants no version, or @latest, @master, @main and the like,
 * none of which starts with v and a digit; a `$` version is read from the
 * stage's ARG/ENV defaults, so it is left to the parse).
 *
 * Why the text answers for the shell words (model/commands.ts): an install is
 * a word whose value is github.com/(go-delve|derekparker)/delve/cmd/dlv[@…] in
 * a command whose first word is go; its verb is the second word. As for
 * mayNameDelveModule, the value is in the text once quotes, backslashes and
 * continuations are taken out, and taking them out never adds a character:
 * so the characters around each spelling in that text are the value's own,
 * give or take such characters, and a version that starts with v and a digit
 * (or $) there starts so in the value too (a quote or backslash in between
 * makes it no install or another version, never a moving one). `go` right
 * after a command boundary, then `install`, is the command's first and second
 * word; anything else (flags, `env X=1`, a variable, JSON exec form, a
 * lower-case run) is answered "no", and the file is parsed as before.
 */
export function delveInstallsAllPinned(text: string): boolean {
  const s = withoutQuoting(text);
  // A module spelled in parts (`ARG DELVE_SRC=github.com/go-delve/delve` … `${DELVE_SRC}/cmd/dlv@…`): read the file.
  if (s.includes('/cmd/dlv')) {
    for (let i = s.indexOf('go-delve/delve'); i >= 0; i = s.indexOf('go-delve/delve', i + 1)) {
      if (!s.startsWith('/cmd/dlv', i + 'go-delve/delve'.length)) return false;
    }
  }
  for (let i = s.indexOf('delve/cmd/dlv'); i >= 0; i = s.indexOf('delve/cmd/dlv', i + 1)) {
    // Enough text for the longest accepted start; a window that cuts into it answers "no".
    const from = Math.max(0, i - 64);
    const before = (from === 0 ? '\n' : '') + s.slice(from, i);
    if (!PINNED_INSTALL_BEFORE.test(before)) return false;
    const after = i + 'delve/cmd/dlv'.length;
    if (s[after] !== '@') return false;
    const v = s[after + 1];
    // `@$VERSION` is whatever the build argument's default is (ARG DELVE_VERSION=latest): read the file.
    const pinned = v === 'v' && s.charCodeAt(after + 2) >= 48 && s.charCodeAt(after + 2) <= 57;
    if (!pinned) return false;
  }
  return true;
}

const OVERRIDE_RE = /\.override(\.ya?ml)$/;

/** Is this Compose file an override (compose.override.yml)? */
export function isComposeOverride(path: string): boolean {
  return OVERRIDE_RE.test(path);
}

const VARIANT_RE = /^(.*?)((?:docker-)?compose)[.-]([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*?)(\.ya?ml)$/;

/**
 * The base files a debug variant may layer over (compose.debug.yaml,
 * docker-compose.dev.yml, compose-debug.yaml → compose.yaml / .yml), in the
 * order tried; [] for the base files themselves and for overrides.
 */
export function composeVariantBases(path: string): string[] {
  if (isComposeOverride(path)) return [];
  const m = VARIANT_RE.exec(path);
  if (!m) return [];
  const [, dir, stem, , ext] = m as unknown as [string, string, string, string, string];
  const other = ext === '.yml' ? '.yaml' : '.yml';
  return [`${dir}${stem}${ext}`, `${dir}${stem}${other}`];
}

/** Base ↔ override partner path of a Compose file (compose.yml ↔ compose.override.yml). */
export function composePartner(path: string): string | undefined {
  if (isComposeOverride(path)) return path.replace(OVERRIDE_RE, '$1');
  const m = /^(.*?)(\.ya?ml)$/.exec(path);
  return m ? `${m[1]}.override${m[2]}` : undefined;
}

const DOCKERFILE_KEY = /^[ \t-]*dockerfile:[ \t]*["']?([^"'\s#]+)/gm;

/**
 * A Compose file whose `build.dockerfile` has a name discovery does not take for a Dockerfile
 * (`dockerfile: Watcherfile`): nothing marks that file hot, so the service is read and the
 * linker looks at the Dockerfile itself (launchMayMatter).
 */
function buildsUndiscoveredDockerfile(text: string): boolean {
  if (!text.includes('dockerfile:')) return false;
  for (const m of text.matchAll(DOCKERFILE_KEY)) {
    const v = m[1]!;
    if (v.includes('$')) continue;
    if (classifyByName(v.slice(v.lastIndexOf('/') + 1)) !== 'dockerfile') return true;
  }
  return false;
}

export class Relevance {
  private readonly hotDockerfiles: SourceFile[];
  private readonly targets: BuildTarget[];
  /**
   * Names by which a file can lead to a hot one: the file names of hot
   * scripts (a Dockerfile's `CMD ["/start.sh"]`, a Compose `command:
   * ./debug.sh`), `air` when an air config is hot, and the names of images
   * built from hot Dockerfiles (addImageNames).
   */
  private readonly needles: string[] = [];
  /**
   * Per file: true once a needle is found in it, else how many needles were looked for (needles only
   * grow, so a later look tries only the new ones).
   */
  private readonly warmCache = new Map<SourceFile, true | number>();

  /**
   * `files` are the discovered files. With `everything`, every file counts as
   * hot (tests compare both ways).
   */
  constructor(
    private readonly files: readonly SourceFile[],
    private readonly everything = false,
    read?: (path: string) => SourceFile | undefined,
  ) {
    for (const f of files) {
      if (!isHot(f)) continue;
      if (f.kind === 'shell') this.needles.push(f.path.slice(f.path.lastIndexOf('/') + 1));
      else if (f.kind === 'air' && !this.needles.includes('air')) this.needles.push('air');
      // A hot Makefile, Taskfile or justfile is reached by `make x`, `task x`, `just x` (a Compose command, a CMD).
      else {
        const runner = f.kind === 'makefile' ? 'make ' : f.kind === 'taskfile' ? 'task ' : f.kind === 'justfile' ? 'just ' : undefined;
        if (runner && !this.needles.includes(runner)) this.needles.push(runner);
      }
    }
    if (read) this.runnerConfigNeedles(read);
    this.growScriptNeedles();
    // A Dockerfile without a debugger word that runs (or copies) a hot script is as good as hot.
    this.hotDockerfiles = files.filter((f) => f.kind === 'dockerfile' && this.hot(f));
    this.targets = this.hotDockerfiles.map((f) => buildTarget(f.path));
  }

  /**
   * nodemon.json and modd.conf are not discovered: beside each file that names the runner (and at the
   * root), the default config is read, and one with a debugger word makes the runner's name a needle,
   * as a hot air config does for `air`.
   */
  private runnerConfigNeedles(read: (path: string) => SourceFile | undefined): void {
    const tried = new Map<string, boolean>();
    // A hot package.json: its scripts run by `npm run x` / `yarn x`, its `nodemonConfig` by a bare `nodemon`.
    const pkg = [['nodemon', 'package.json'], ['npm run', 'package.json'], ['npm start', 'package.json'], ['yarn', 'package.json'], ['pnpm', 'package.json']] as const;
    for (const [runner, config] of [['nodemon', 'nodemon.json'], ['modd', 'modd.conf'], ...pkg] as const) {
      if (this.needles.includes(runner)) continue;
      for (const f of this.files) {
        if (!f.text.includes(runner)) continue;
        const dir = dirOf(f.path);
        const hot = [dir, ''].some((d) => {
          const p = d === '' ? config : `${d}/${config}`;
          const known = tried.get(p);
          if (known !== undefined) return known;
          const c = read(p);
          const h = c !== undefined && isHot(c);
          tried.set(p, h);
          return h;
        });
        if (hot) { this.needles.push(runner); break; }
      }
    }
  }

  /**
   * A script that runs a hot script leads to it too (entrypoint.sh → debug.sh → dlv), and so does one that
   * sources a script naming a debug image (`. ./hack/env.sh` with `IMAGE=acme/app-debug`): to a fixed point.
   */
  private growScriptNeedles(): void {
    const scripts = this.files.filter((f) => f.kind === 'shell' && !isHot(f));
    for (let grew = this.needles.length > 0; grew; ) {
      grew = false;
      for (const f of scripts) {
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        if (this.needles.includes(name) || !this.namesNeedle(f)) continue;
        this.needles.push(name);
        grew = true;
      }
    }
  }

  /** A debugger word in the file, or the name of a hot script, air config or debug image. */
  private hot(f: SourceFile): boolean {
    return this.everything || isHot(f) || this.namesNeedle(f);
  }

  /** Does the file's text hold one of the needles (looking only for those added since it was last asked)? */
  private namesNeedle(f: SourceFile): boolean {
    const seen = this.warmCache.get(f);
    if (seen === true) return true;
    const needles = this.needles;
    for (let i = seen ?? 0; i < needles.length; i++) {
      if (f.text.includes(needles[i]!)) {
        this.warmCache.set(f, true);
        return true;
      }
    }
    this.warmCache.set(f, needles.length);
    return false;
  }

  /**
   * Names of images built from hot Dockerfiles (the last part of each
   * repository name): a file that runs one of them (Compose `image:`,
   * Kubernetes `image:`, `docker run`) may matter from now on.
   */
  private imageNames = 0;

  addImageNames(names: Iterable<string>): void {
    // No cache to clear: a file is looked at again only for the needles added since (hot()).
    for (const n of names) {
      this.imageNames++;
      const last = n.slice(n.lastIndexOf('/') + 1);
      if (last.length >= 2 && !this.needles.includes(last)) this.needles.push(last);
    }
    this.growScriptNeedles();
  }

  /** A debugger word in the file, or the name of a hot script, air config or debug image: following it may find a debugger. */
  mayLead(f: SourceFile): boolean {
    return this.hot(f);
  }

  /** Does the file spell a debugger word (every file does when everything is read)? Such a file is read aloud. */
  spellsDebugger(f: SourceFile): boolean {
    return this.everything || isHot(f);
  }

  /** Every file counts as hot (tests compare both ways). */
  get readsEverything(): boolean {
    return this.everything;
  }

  /** Is this Dockerfile (by path) one that may matter? */
  dockerfileMayMatter(f: SourceFile): boolean {
    return this.hot(f);
  }

  /** The Dockerfiles that may give a launch of their own (a stage nothing runs). */
  dockerfileCandidates(): string[] {
    return this.files.filter((f) => f.kind === 'dockerfile' && this.hot(f)).map((f) => f.path);
  }

  /** bake files, Skaffold configs, Tiltfiles and READMEs that may build a hot Dockerfile. */
  buildSourceFiles(): SourceFile[] {
    return this.files.filter((f) => BUILD_SOURCE_KINDS.has(f.kind) && this.mayMatterByBuild(f));
  }

  /** Hot, or has a `build` that may name a hot Dockerfile (a bake file or Tiltfile builds without saying so). */
  private mayMatterByBuild(f: SourceFile): boolean {
    if (this.hot(f)) return true;
    if (!BUILD_SOURCE_KINDS.has(f.kind) && !f.text.includes('build')) return false;
    if (this.targets.length === 0) return false;
    // The targets are fixed once built (unlike hot()'s needles): the answer per file is worked out once.
    let builds = this.buildsTarget.get(f);
    if (builds === undefined) this.buildsTarget.set(f, (builds = this.targets.some((t) => mayBuild(f, t))));
    return builds;
  }

  private readonly buildsTarget = new WeakMap<SourceFile, boolean>();

  /** The Compose files to read, in discovery order; `named` are paths dev containers refer to. */
  composeFiles(named: ReadonlySet<string>): SourceFile[] {
    const all = this.files.filter((f) => f.kind === 'compose');
    // A script or Makefile beside it that runs a debugger with `docker compose exec` runs it in one of its services.
    const execDirs = new Set(this.files.filter((f) => COMMAND_KINDS.has(f.kind) && /compose\b[^\n]*\s(?:exec|run)\s/.test(f.text) && this.hot(f)).map((f) => dirOf(f.path)));
    const chosen = new Set(all.filter((f) => named.has(f.path) || this.mayMatterByBuild(f) || buildsUndiscoveredDockerfile(f.text) || execDirs.has(dirOf(f.path)) || (execDirs.size > 0 && dirOf(f.path) === '')));
    const byPath = new Map(all.map((f) => [f.path, f]));
    // Grow to a fixed point: partners of chosen files, and files that may
    // `extends` a chosen one (they name its file).
    let fresh = [...chosen];
    while (fresh.length > 0) {
      const next: SourceFile[] = [];
      const take = (f: SourceFile | undefined): void => {
        if (f && !chosen.has(f)) {
          chosen.add(f);
          next.push(f);
        }
      };
      for (const c of fresh) take(byPath.get(composePartner(c.path) ?? ''));
      // A debug variant's partial services layer over the base file's.
      for (const c of fresh) for (const b of composeVariantBases(c.path)) take(byPath.get(b));
      const names = fresh.map((c) => c.path.slice(c.path.lastIndexOf('/') + 1));
      for (const f of all) if (!chosen.has(f) && f.text.includes('extends') && names.some((n) => f.text.includes(n))) take(f);
      fresh = next;
    }
    return all.filter((f) => chosen.has(f));
  }

  /** Scripts, Makefiles, workflows and other command files whose `docker run` / `kubectl debug` lines or builds may matter. */
  runLineFiles(): SourceFile[] {
    return this.files.filter((f) => COMMAND_KINDS.has(f.kind) && this.mayMatterByBuild(f));
  }

  /**
   * Okteto manifests, all of them: a dev container's evidence may be a `forward` of delve's port, which no
   * debugger word shows, and a repository has one or two of these small files.
   */
  oktetoFiles(): SourceFile[] {
    return this.files.filter((f) => f.kind === 'okteto');
  }

  /** DevSpace configs, all of them: like Okteto's, a forward of delve's port is evidence no debugger word shows. */
  devspaceFiles(): SourceFile[] {
    return this.files.filter((f) => f.kind === 'devspace');
  }

  /** Kubernetes manifests with a debugger word, or naming a hot script or debug image. */
  hotKubernetesFiles(): SourceFile[] {
    return this.files.filter((f) => f.kind === 'kubernetes' && this.hot(f));
  }

  /**
   * Helm templates without a debugger word that name their image through the
   * chart's values: they may run a debug image once one is known. Read
   * quietly (a template that is no YAML says nothing: it cannot matter).
   */
  helmTemplates(): SourceFile[] {
    if (this.imageNames === 0) return [];
    return this.files.filter((f) => f.kind === 'kubernetes' && !this.hot(f) && /(^|\/)templates\//.test(f.path) && f.text.includes('.Values'));
  }

  /**
   * Helm templates without a debugger word whose container's command or args a named template renders
   * (`{{- include "api.args" . | nindent 12 }}`): the debugger may be in the chart's _helpers.tpl.
   */
  helmIncludeTemplates(): SourceFile[] {
    return this.files.filter((f) => f.kind === 'kubernetes' && !this.hot(f) && /(^|\/)templates\//.test(f.path) && /\b(?:command|args):/.test(f.text) && /\{\{-?\s*(?:include|template)\s+"/.test(f.text));
  }

  /**
   * Cold Kubernetes manifests that may hold a Service selecting a pod with
   * one of the given label sets.
   */
  coldKubernetesServices(labels: Iterable<ReadonlyMap<string, string>>): SourceFile[] {
    // A selector pair equals one of the pod's label pairs, so its value (or,
    // for an empty value, its key) is in the Service's text.
    const needles = new Set<string>();
    for (const m of labels) for (const [k, v] of m) needles.add(v !== '' ? v : k);
    if (needles.size === 0) return [];
    const list = [...needles];
    return this.files.filter((f) => f.kind === 'kubernetes' && !this.hot(f) && f.text.includes('Service') && list.some((n) => f.text.includes(n)));
  }

  /**
   * Can a launch whose own files are `files` have debugger evidence when it
   * builds a Dockerfile? Only if one of them, or the Dockerfile, is hot: else
   * no rule can report on it (see the top of this file), and the Dockerfile
   * need not be parsed. `dockerfile` is read here (cheap), not parsed.
   */
  launchMayMatter(files: readonly SourceFile[], dockerfile: () => SourceFile | undefined): boolean {
    if (this.everything || files.some((f) => this.hot(f))) return true;
    const d = dockerfile();
    return d !== undefined && this.hot(d);
  }

  /**
   * The Dockerfiles (with a debugger word) whose `go install`/`go get` of
   * delve may be reported: a shell word naming its module (…/delve/cmd/dlv) is
   * spelled in the text, give or take the quotes, backslashes and line
   * continuations the shell takes out, and not every such spelling is a
   * pinned `go install` of the current module. Each of the others, read by
   * itself, can give no finding (see PTD011, PTD012).
   */
  delveInstallCandidates(): string[] {
    return this.hotDockerfiles.filter((f) => this.everything || (mayNameDelveModule(f.text) && !delveInstallsAllPinned(f.text))).map((f) => f.path);
  }
}
