/**
 * The project: discovered files plus lazily parsed documents, with every
 * parse failure and skipped file collected for PTD900.
 */
import { posix } from 'node:path';
import { Workspace, type Skip } from '../discover/index.js';
import { parseDockerfile, stageChain, targetStage, type DfCommand, type DfStage, type DockerfileDoc } from '../parse/dockerfile.js';
import { ParseError, parseYaml, type YamlFile } from '../parse/yaml.js';
import { LibraryNotLoaded } from '../parse/lazy-lib.js';
import type { FileKind, Related, SourceFile, Span } from '../types.js';
import type { CommandFacts, GoBuild, ToolUse } from './commands.js';
import { TOOLS, analyzeCommands, analyzeWords, type FollowContext } from './commands.js';
import type { SimpleCommand, Word } from '../parse/shell.js';
import { copyMounts, followContext, type Mount } from './scripts.js';

export interface Problem {
  path: string;
  reason: string;
  /** Where in the file, when known. */
  span?: Span;
}

export class Project {
  readonly problems: Problem[] = [];
  private readonly yamlCache = new Map<string, YamlFile | undefined>();
  private readonly dfCache = new Map<string, DockerfileDoc | undefined>();
  private readonly reported = new Set<string>();

  private readonly byPath = new Map<string, SourceFile>();

  /** Can a file matter to a finding (the relevance filter's answer, set by the model once it is made)? */
  mayMatter?: (f: SourceFile) => boolean;

  /**
   * The image a Dockerfile stage starts FROM, when the repository builds it (set by the Linker, which
   * holds the image index): BuildKit takes a locally built image of that name, so the stage inherits its
   * installs, ENTRYPOINT/CMD, USER and ENV. `root` is a stage that builds on no stage of its own file.
   */
  localBase?: (root: DfStage, doc: DockerfileDoc) => BaseImage | undefined;

  constructor(readonly ws: Workspace, readonly files: SourceFile[], skipped: Skip[]) {
    for (const f of files) if (!this.byPath.has(f.path)) this.byPath.set(f.path, f);
    for (const s of skipped) this.problem({ path: s.path, reason: s.reason });
  }

  /** Add a file read on demand (a Compose file a dev container names, a seccomp profile) to the project's files. */
  add(f: SourceFile): void {
    if (this.byPath.has(f.path)) return;
    this.byPath.set(f.path, f);
    this.files.push(f);
  }

  problem(p: Problem): void {
    const key = `${p.path}\0${p.reason}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(p);
  }

  /**
   * Read (or find among the discovered files) a file by relative path. A file
   * that cannot be read is a PTD900 problem, unless `quiet` (a candidate path
   * tried among others, such as a script a container may run).
   */
  file(path: string, kind: FileKind, opts: { quiet?: boolean } = {}): SourceFile | undefined {
    const found = this.byPath.get(path);
    if (found) return found;
    const r = this.ws.read(path, kind);
    if (r.ok) return r.file;
    if (r.skip.reason !== 'not found' && !opts.quiet) this.problem(r.skip);
    return undefined;
  }

  /** Is there a readable file at this relative path? (Read, within every limit, and cached.) */
  exists(path: string, kind: FileKind): boolean {
    return this.byPath.has(path) || this.ws.read(path, kind).ok;
  }

  /** The YAML documents of a file; a parse error is a PTD900 problem, unless `quiet` (a file read on the chance it matters). */
  yaml(file: SourceFile, opts: { quiet?: boolean } = {}): YamlFile | undefined {
    if (this.yamlCache.has(file.path)) return this.yamlCache.get(file.path);
    let y: YamlFile | undefined;
    try {
      y = parseYaml(file);
    } catch (e) {
      if (e instanceof LibraryNotLoaded) throw e;
      const off = e instanceof ParseError ? e.offset : 0;
      if (!opts.quiet) this.problem({ path: file.path, reason: `could not be parsed as YAML: ${(e as Error).message}`, span: { file, start: off, end: off } });
    }
    this.yamlCache.set(file.path, y);
    return y;
  }

  /**
   * Treat a YAML file as unparsable from now on (its alias budget ran out while
   * the model was built): report it once and hand out no document for it.
   */
  refuseYaml(file: SourceFile, reason: string, offset: number): void {
    this.yamlCache.set(file.path, undefined);
    this.problem({ path: file.path, reason, span: { file, start: offset, end: offset } });
  }

  dockerfile(path: string): DockerfileDoc | undefined {
    if (this.dfCache.has(path)) return this.dfCache.get(path);
    const f = this.file(path, 'dockerfile');
    let d: DockerfileDoc | undefined;
    if (f) {
      try {
        d = parseDockerfile(f);
      } catch (e) {
        this.problem({ path, reason: `could not be parsed as a Dockerfile: ${(e as Error).message}`, span: { file: f, start: 0, end: 0 } });
      }
    }
    this.dfCache.set(path, d);
    return d;
  }
}

/** Join a path relative to a file's directory; undefined when it leaves the root. */
export function relativeTo(fromFile: string, ...parts: string[]): string | undefined {
  const p = posix.normalize(posix.join(posix.dirname(fromFile), ...parts));
  if (p.startsWith('../') || p === '..' || p.startsWith('/')) return undefined;
  return p;
}

export interface ImageFacts {
  dockerfile: DockerfileDoc;
  stage: DfStage;
  tools: ToolUse[];
  builds: GoBuild[];
  /** A `setcap cap_sys_ptrace…` RUN of the stage chain. */
  fileCapPtrace?: Span;
  /** Where the stage's COPYs of the build context put repository files. */
  mounts: Mount[];
  /** The candidate repository directories of the build context ([] when unknown). */
  contexts: string[];
  /** The locally built image the stage chain starts FROM (its facts are already merged into these). */
  base?: BaseImage;
}

/** A locally built image a Dockerfile builds on: its facts, and where the repository builds it. */
export interface BaseImage {
  facts: ImageFacts;
  related: Related;
}

/**
 * The stage as a container of the image runs it when its chain starts FROM a locally built image: what the
 * chain does not set itself comes from that image, as the engine builds it (an ENTRYPOINT of the chain
 * drops the base's CMD; USER, WORKDIR and ENV carry over). A copy: the parsed stage is left as it is.
 */
function inheritStage(stage: DfStage, base: DfStage): DfStage {
  const entrypoint = stage.entrypoint ?? base.entrypoint;
  const cmd = stage.entrypoint ? stage.cmd : (stage.cmd ?? base.cmd);
  const user = stage.user ?? base.user;
  const workdir = stage.workdir && stage.workdir !== '/' ? stage.workdir : (base.workdir ?? '/');
  const { entrypoint: _e, cmd: _c, user: _u, ...rest } = stage;
  return { ...rest, ...(entrypoint ? { entrypoint } : {}), ...(cmd ? { cmd } : {}), ...(user ? { user } : {}), workdir, vars: new Map([...base.vars, ...stage.vars]) };
}

/**
 * A RUN line's facts with the scripts and make targets it runs followed
 * (imageFacts, when the build context is known): what binaries.ts reads to
 * find the build of a debugged binary (`RUN make ${BUILDTARGET}`).
 */
export const followedRuns = new WeakMap<DfCommand, CommandFacts>();

/** `setcap cap_sys_ptrace…` on a file: that program gets the capability whoever runs it. */
function setcapPtrace(chain: DfStage[]): Span | undefined {
  for (const s of chain) {
    for (const r of s.runs) {
      const words = r.words.map((w) => w.value.toLowerCase());
      if (words.some((w) => w.endsWith('setcap')) && words.some((w) => w.includes('cap_sys_ptrace'))) return r.span;
    }
  }
  return undefined;
}

/**
 * What a Dockerfile stage (and the stages it builds on or copies from)
 * installs, runs and builds. With `contexts` (the candidate repository
 * directories of its build context), the scripts its RUN lines run are
 * followed too, and `mounts` says where the COPYs of the context put
 * repository files (for the scripts its CMD/ENTRYPOINT may run).
 */
export function imageFacts(doc: DockerfileDoc, target?: string | DfStage, build?: { project: Project; contexts: string[] }): ImageFacts | undefined {
  const own = typeof target === 'object' ? target : targetStage(doc, target);
  if (!own) return undefined;
  const chain = stageChain(own);
  // FROM an image the repository builds (`docker build -t acme/base base/`, then `FROM acme/base`).
  const base = build?.project.localBase?.(chain[chain.length - 1]!, doc);
  const stage = base ? inheritStage(own, base.facts.stage) : own;
  const tools: ToolUse[] = [...(base?.facts.tools ?? [])];
  const builds: GoBuild[] = [...(base?.facts.builds ?? [])];
  const add = (f: CommandFacts): void => {
    tools.push(...f.tools);
    builds.push(...f.builds);
  };
  // The base image's files are under the chain's own COPYs (those, newer, are tried first).
  const mounts = [...(build ? copyMounts(own, build.contexts) : []), ...(base?.facts.mounts ?? [])];
  /** A RUN line's facts, with the scripts and make targets it runs followed (where a COPY of the build context put them). */
  const runFactsOf = (s: DfStage, r: DfCommand, runMounts: Mount[]): CommandFacts => {
    if (!build || runMounts.length === 0) return r.facts;
    let f = followedRuns.get(r);
    if (!f) {
      f = commandFacts(r, followContext(build.project, { mounts: runMounts, workdir: r.workdir ?? '/', vars: s.vars }));
      followedRuns.set(r, f);
    }
    return f;
  };
  for (const s of [...chain].reverse()) {
    const runMounts = build ? copyMounts(s, build.contexts) : [];
    for (const r of s.runs) add(runFactsOf(s, r, runMounts));
  }
  // Builds in any stage matter (binaries are copied across stages).
  for (const s of doc.stages) {
    if (chain.includes(s)) continue;
    const runMounts = build ? copyMounts(s, build.contexts) : [];
    for (const r of s.runs) builds.push(...runFactsOf(s, r, runMounts).builds);
  }
  // Tools copied in from another stage (COPY --from=build /go/bin/dlv /dlv).
  for (const s of chain) {
    for (const c of s.copies) {
      if (!c.from) continue;
      for (const src of c.sources) {
        const base = posix.basename(src);
        const tool = TOOLS.find((t) => t === base);
        if (tool) tools.push({ tool, use: 'install', span: c.span, words: [] });
      }
    }
  }
  const fileCap = setcapPtrace(chain) ?? base?.facts.fileCapPtrace;
  return { dockerfile: doc, stage, tools, builds, mounts, contexts: build?.contexts ?? [], ...(fileCap ? { fileCapPtrace: fileCap } : {}), ...(base ? { base } : {}) };
}

/**
 * Facts of what a container runs: ENTRYPOINT + CMD the way Docker combines
 * them (a shell-form ENTRYPOINT ignores CMD; exec forms concatenate).
 */
export interface CommandLike {
  form: 'exec' | 'shell';
  words: Word[];
  /** Shell form: the simple commands (words keeps them flattened). */
  commands?: SimpleCommand[];
  span: Span;
  facts: CommandFacts;
}

/** A command's facts, analysed again with ctx (so that the scripts it names are followed) when one is given. */
export function commandFacts(c: CommandLike, ctx?: FollowContext): CommandFacts {
  if (!ctx) return c.facts;
  const file = c.span.file;
  if (c.form === 'shell') return c.commands ? analyzeCommands(file, c.commands, undefined, ctx) : c.facts;
  return c.words.length > 0 ? analyzeWords(file, c.words, undefined, ctx) : c.facts;
}

/**
 * What a container runs: an exec-form ENTRYPOINT gets CMD as its arguments
 * (the way Docker combines them; a shell-form ENTRYPOINT ignores CMD). The
 * two may come from different files (the image's `ENTRYPOINT ["/dlv"]`, a
 * Compose `command: exec ./app --headless …`): then the ENTRYPOINT's words
 * stand at the start of CMD's, so that every place found is in CMD's file.
 * A wrapper ENTRYPOINT (tini, an entry script that ends in `exec "$@"`) runs
 * CMD itself, so CMD's own facts count as well.
 */
export function runFacts(entrypoint: CommandLike | undefined, cmd: CommandLike | undefined, ctx?: FollowContext): CommandFacts {
  if (entrypoint && entrypoint.form === 'exec' && entrypoint.words.length > 0) {
    if (!cmd || cmd.form !== 'exec' || cmd.words.length === 0) return commandFacts(entrypoint, ctx);
    const file = cmd.span.file;
    const at = cmd.words[0]!.start;
    const entryWords = entrypoint.span.file === file ? entrypoint.words : entrypoint.words.map((w) => ({ ...w, start: at, end: at, map: w.map.map(() => at) }));
    const both = analyzeWords(file, [...entryWords, ...cmd.words], undefined, ctx);
    const alone = commandFacts(cmd, ctx);
    const seen = new Set(both.tools.map((t) => `${t.span.file.path}@${t.span.start}:${t.tool}`));
    return {
      tools: [...both.tools, ...alone.tools.filter((t) => !seen.has(`${t.span.file.path}@${t.span.start}:${t.tool}`))],
      builds: [...both.builds, ...alone.builds.filter((b) => !both.builds.some((x) => x.span.file === b.span.file && x.span.start === b.span.start))],
    };
  }
  if (entrypoint) return commandFacts(entrypoint, ctx);
  return cmd ? commandFacts(cmd, ctx) : { tools: [], builds: [] };
}

/**
 * The image's debugger installs as evidence for a container that runs it.
 * A container whose own command replaces the image's, with one that runs no
 * debugger, while the image's own command is what runs the debugger (a debug
 * image's `ENTRYPOINT ["/dlv", …]`, reused by a one-shot `chown` service),
 * does not debug: the debugger in the image is wired to a command it does not run. So
 * too for a Tilt build whose `entrypoint=` runs the debugger, reused by a copy init container
 * (argo-cd's `copyutil`, which its kustomization points at a build without the entrypoint).
 */
export function imageTools(facts: ImageFacts | undefined, overridden: boolean, run: CommandFacts, ctx?: FollowContext, buildEntrypoint?: CommandLike): ToolUse[] {
  if (!facts) return [];
  if (!overridden || run.tools.length > 0) return facts.tools;
  // The build's own entrypoint (Tilt's `entrypoint=["dlv", "exec", …]`) is the image's command as its builds run it.
  const own = buildEntrypoint ? runFacts(buildEntrypoint, undefined, ctx) : runFacts(facts.stage.entrypoint, facts.stage.cmd, ctx);
  return own.tools.some((t) => t.use === 'run') ? [] : facts.tools;
}
