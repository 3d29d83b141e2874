/**
 * The project: discovered files plus lazily parsed documents, with every
 * parse failure and skipped file collected for PTD900.
 */
import { posix } from 'node:path';
import { Workspace, type Skip } from '../discover/index.js';
import { parseDockerfile, stageChain, targetStage, type DfStage, type DockerfileDoc } from '../parse/dockerfile.js';
import { ParseError, parseYaml, type YamlFile } from '../parse/yaml.js';
import { LibraryNotLoaded } from '../parse/lazy-lib.js';
import type { FileKind, SourceFile, Span } from '../types.js';
import type { CommandFacts, GoBuild, ToolUse } from './commands.js';
import { TOOLS, analyzeWords } from './commands.js';
import type { Word } from '../parse/shell.js';

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

  /** Read (or find among the discovered files) a file by relative path. */
  file(path: string, kind: FileKind): SourceFile | undefined {
    const found = this.byPath.get(path);
    if (found) return found;
    const r = this.ws.read(path, kind);
    if (r.ok) return r.file;
    if (r.skip.reason !== 'not found') this.problem(r.skip);
    return undefined;
  }

  yaml(file: SourceFile): YamlFile | undefined {
    if (this.yamlCache.has(file.path)) return this.yamlCache.get(file.path);
    let y: YamlFile | undefined;
    try {
      y = parseYaml(file);
    } catch (e) {
      if (e instanceof LibraryNotLoaded) throw e;
      const off = e instanceof ParseError ? e.offset : 0;
      this.problem({ path: file.path, reason: `could not be parsed as YAML: ${(e as Error).message}`, span: { file, start: off, end: off } });
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
}

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

/** What a Dockerfile stage (and the stages it builds on or copies from) installs, runs and builds. */
export function imageFacts(doc: DockerfileDoc, target?: string): ImageFacts | undefined {
  const stage = targetStage(doc, target);
  if (!stage) return undefined;
  const chain = stageChain(stage);
  const tools: ToolUse[] = [];
  const builds: GoBuild[] = [];
  const add = (f: CommandFacts): void => {
    tools.push(...f.tools);
    builds.push(...f.builds);
  };
  for (const s of [...chain].reverse()) for (const r of s.runs) add(r.facts);
  // Builds in any stage matter (binaries are copied across stages).
  for (const s of doc.stages) if (!chain.includes(s)) for (const r of s.runs) builds.push(...r.facts.builds);
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
  const fileCap = setcapPtrace(chain);
  return { dockerfile: doc, stage, tools, builds, ...(fileCap ? { fileCapPtrace: fileCap } : {}) };
}

/**
 * Facts of what a container runs: ENTRYPOINT + CMD the way Docker combines
 * them (a shell-form ENTRYPOINT ignores CMD; exec forms concatenate).
 */
export interface CommandLike {
  form: 'exec' | 'shell';
  words: Word[];
  span: Span;
  facts: CommandFacts;
}

export function runFacts(entrypoint: CommandLike | undefined, cmd: CommandLike | undefined): CommandFacts {
  if (entrypoint && entrypoint.form === 'exec' && entrypoint.words.length > 0) {
    if (cmd && cmd.form === 'exec' && cmd.span.file === entrypoint.span.file) return analyzeWords(entrypoint.span.file, [...entrypoint.words, ...cmd.words]);
    if (cmd && cmd.form === 'exec' && entrypoint.facts.tools.length === 0) return cmd.facts;
    return entrypoint.facts;
  }
  if (entrypoint) return entrypoint.facts;
  return cmd?.facts ?? { tools: [], builds: [] };
}
