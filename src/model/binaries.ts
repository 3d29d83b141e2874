/**
 * Which `go build` produced the binary that dlv runs: follows `dlv exec PATH`
 * (or, for `dlv attach`, the image's ENTRYPOINT/CMD program) back through
 * `COPY --from=stage SRC DEST` and `go build -o` across Dockerfile stages.
 * Answers nothing when the path cannot be followed with certainty.
 */
import { posix } from 'node:path';
import { expandVars, stageChain, type DfStage, type DockerfileDoc } from '../parse/dockerfile.js';
import type { GoBuild, ToolUse } from './commands.js';
import type { Launch } from './launch.js';
import { followedRuns } from './project.js';

export interface BinaryBuild {
  /** The dlv command that runs or attaches to the binary. */
  dlv: ToolUse;
  /** The binary's path as dlv (or the image) names it. */
  path: string;
  build: GoBuild;
  /** The stage the build runs in (its ARG/ENV values expand the build's flags). */
  stage?: DfStage;
  /** Stages walked from the launch's stage to the build (COPY --from hops). */
  route?: DfStage[];
}

function abs(p: string, workdir = '/'): string {
  return posix.normalize(p.startsWith('/') ? p : posix.join(workdir, p));
}

/** The path a `go build` writes, when it can be told. */
/** The executable suffix Go adds for the target OS: empty on Linux, where containers run (`-o bin/api$(shell go env GOEXE)`). */
const GOEXE = /\$[({](shell go env GOEXE|GOEXE)[)}]$/;

export function buildOutput(b: GoBuild, workdir = '/', vars?: Map<string, string>): string | undefined {
  const ex = (v: string): string => (vars ? expandVars(v, vars) : v).replace(GOEXE, '');
  if (b.output) {
    const o = ex(b.output.value);
    if (o.includes('$')) return undefined;
    if (o.endsWith('/')) {
      const pkg = packageArg(b);
      return pkg ? abs(posix.join(o, pkg), workdir) : undefined;
    }
    return abs(o, workdir);
  }
  const pkg = packageArg(b);
  return pkg ? abs(pkg, workdir) : undefined;
}

/** Does the build write `path` (a file it names, or one of the binaries it writes into a directory)? */
function outputMatches(b: GoBuild, path: string, workdir: string, vars?: Map<string, string>): boolean {
  const o = buildOutput(b, workdir, vars);
  if (o === path) return true;
  const dir = outputDir(b, workdir, vars);
  return dir !== undefined && posix.dirname(path) === dir;
}

/**
 * The directory a build writes its binaries into, when -o names one: a
 * trailing slash, or several packages (`./cmd/...`, which go build only
 * accepts with a directory), each binary named after its package.
 */
function outputDir(b: GoBuild, workdir = '/', vars?: Map<string, string>): string | undefined {
  if (!b.output) return undefined;
  const o = (vars ? expandVars(b.output.value, vars) : b.output.value).replace(GOEXE, '');
  if (o.includes('$')) return undefined;
  const pkgs = b.words.slice(2).map((w) => (vars ? expandVars(w.value, vars) : w.value)).filter((v) => !v.startsWith('-') && v !== o && v !== '');
  if (o.endsWith('/') || pkgs.some((p) => p.includes('...')) || pkgs.length > 1) return abs(o, workdir).replace(/\/$/, '') || '/';
  return undefined;
}

/** The last element of the single package argument (./cmd/api → api), if there is one. */
function packageArg(b: GoBuild): string | undefined {
  const args: string[] = [];
  const words = b.words.map((w) => w.value);
  for (let i = 2; i < words.length; i++) {
    const v = words[i]!;
    if (v.startsWith('-')) {
      // Flags with a separate value.
      if (!v.includes('=') && ['-o', '-ldflags', '-gcflags', '-tags', '-asmflags', '-mod', '-p', '-buildmode', '-trimpath=false', '-pkgdir', '-installsuffix', '-toolexec', '-overlay', '-pgo', '-modfile', '-C'].includes(v)) i++;
      continue;
    }
    args.push(v);
  }
  if (args.length !== 1) return undefined;
  const a = args[0]!.replace(/\/\.\.\.$/, '');
  if (a.endsWith('.go') || a === '.' || a.includes('...')) return undefined;
  const base = posix.basename(a);
  return base && base !== '.' ? base : undefined;
}

function stageByRef(doc: DockerfileDoc, ref: string): DfStage | undefined {
  if (/^\d+$/.test(ref)) return doc.stages[Number(ref)];
  return doc.stages.find((s) => s.name?.value.toLowerCase() === ref.toLowerCase());
}

type Found = { build: GoBuild; stage: DfStage; route: DfStage[] } | undefined;

/**
 * The path a RUN line's `cp`/`mv`/`install` wrote `path` from: `cp SRC DEST`
 * (DEST the file, or a directory it lands in), `cp -r DIR/* DEST/`, the last
 * writer on the line. Undefined when none of its commands wrote path.
 */
function movedFrom(run: DfStage['runs'][number], path: string): string | undefined {
  const cmds = run.commands ?? [{ words: run.words }];
  for (const c of [...cmds].reverse()) {
    const ws = c.words.map((w) => w.value);
    const head = ws[0] ? posix.basename(ws[0]) : '';
    if (head !== 'cp' && head !== 'mv' && head !== 'install') continue;
    const args = ws.slice(1).filter((v) => !v.startsWith('-'));
    if (args.length < 2) continue;
    const wd = run.workdir ?? '/';
    const dest = abs(args[args.length - 1]!, wd);
    const sources = args.slice(0, -1);
    for (const src of sources) {
      const s = abs(src, wd);
      if (sources.length === 1 && !src.endsWith('/*') && dest === path) return s;
      const base = posix.basename(path);
      if (posix.dirname(path) === dest.replace(/\/$/, '')) {
        if (src.endsWith('/*')) return posix.join(s.replace(/\/\*$/, ''), base);
        if (posix.basename(s) === base) return s;
      }
    }
  }
  return undefined;
}

/** resolveIn, but only over what the stage did before offset `before` (the RUN that moved the binary). */
function resolveBefore(doc: DockerfileDoc, stage: DfStage, path: string, before: number, depth: number): Found {
  const trimmed: DfStage = { ...stage, runs: stage.runs.filter((r) => r.span.start < before), copies: stage.copies.filter((c) => c.span.start < before) };
  return resolveIn(doc, trimmed, path, depth);
}

/** Follow path back from the end of stage (and the stages it builds on) to its go build. */
function resolveIn(doc: DockerfileDoc, stage: DfStage, path: string, depth: number): Found {
  if (depth > 8) return undefined;
  for (const s of stageChain(stage)) {
    // Runs and copies in source order, newest first: the last writer of the path wins.
    const events: Array<{ at: number; run?: DfStage['runs'][number]; copy?: DfStage['copies'][number] }> = [
      ...s.runs.map((r) => ({ at: r.span.start, run: r })),
      ...s.copies.map((c) => ({ at: c.span.start, copy: c })),
    ].sort((a, b) => b.at - a.at);
    for (const e of events) {
      if (e.run) {
        const b = [...(followedRuns.get(e.run) ?? e.run.facts).builds].reverse().find((x) => outputMatches(x, path, e.run!.workdir ?? '/', s.vars));
        if (b) return { build: b, stage: s, route: [s] };
        // `cp`/`mv`/`install` in a RUN line: the binary came from elsewhere in the same stage.
        const moved = movedFrom(e.run, path);
        if (moved !== undefined && depth < 8) {
          const found = resolveBefore(doc, s, moved, e.at, depth + 1);
          if (found) return found;
        }
        continue;
      }
      const c = e.copy!;
      // Sources and destination are expanded with the copying stage's ARG/ENV values (COPY --from=build /out/${NAME} /usr/bin/).
      const dest = expandVars(c.dest, s.vars);
      const sources = c.sources.map((x) => expandVars(x, s.vars));
      const destAbs = abs(dest, c.workdir);
      const destDir = destAbs === '/' ? '/' : destAbs.replace(/\/$/, '');
      const under = destDir === '/' ? '/' : destDir + '/';
      let src: string | undefined;
      let guess = false;
      if (sources.length === 1 && !dest.endsWith('/') && destAbs === path) src = sources[0]!;
      else if (posix.dirname(path) === destDir) src = sources.find((x) => posix.basename(x) === posix.basename(path));
      // A directory copied whole: COPY --from=build /out /app → /app/server came from /out/server.
      if (src === undefined && sources.length === 1 && path.startsWith(under)) {
        src = sources[0]!.replace(/\/$/, '') + '/' + path.slice(under.length);
        guess = true;
      }
      if (src === undefined) continue;
      // Copied from the build context (or an image): built outside the Dockerfile. Unless the source was only
      // taken for a directory: `COPY --from=build /go/bin/dlv .` or `COPY config.yaml /` next to the binary's own COPY.
      const dirSource = !guess || sources[0] === '.' || sources[0]!.endsWith('/');
      if (!c.from) {
        if (dirSource) return undefined;
        continue;
      }
      const from = stageByRef(doc, c.from);
      if (!from) {
        if (dirSource) return undefined;
        continue;
      }
      const found = resolveIn(doc, from, abs(src, from.workdir), depth + 1);
      if (found) return { ...found, route: [s, ...found.route] };
      if (!guess) return undefined;
    }
  }
  return undefined;
}

/** The program the image starts (first word of ENTRYPOINT/CMD), when it is a path and not a debugger or shell. */
function imageProgram(stage: DfStage): string | undefined {
  const cmd = stage.entrypoint ?? stage.cmd;
  const first = cmd?.words[0]?.value;
  if (!first || first.includes('$')) return undefined;
  const base = posix.basename(first);
  if (['dlv', 'sh', 'bash', 'ash', 'strace', 'gdb', 'tini', 'dumb-init', 'env'].includes(base)) return undefined;
  if (!first.includes('/')) return undefined;
  return abs(first, stage.workdir);
}

/**
 * The -ldflags or -gcflags that GOFLAGS gives the build (`GOFLAGS=-ldflags=-w go build`,
 * `ENV GOFLAGS=-ldflags=-s`): cmd/go reads them when the command line has none. GOFLAGS
 * is a space-separated list whose entries cannot hold spaces.
 */
export function goflagsValue(bb: BinaryBuild, flag: 'ldflags' | 'gcflags'): { value: string; fromCommand: boolean } | undefined {
  const own = bb.build.goflags;
  const raw = own?.value ?? bb.stage?.vars.get('GOFLAGS');
  if (raw === undefined) return undefined;
  const v = bb.stage ? expandVars(raw.replace(/^["']|["']$/g, ''), bb.stage.vars) : raw.replace(/^["']|["']$/g, '');
  let found: string | undefined;
  for (const t of v.split(/\s+/)) {
    const m = new RegExp(`^--?${flag}=(.*)$`).exec(t);
    if (m) found = m[1]!;
  }
  return found === undefined ? undefined : { value: found, fromCommand: own !== undefined };
}

/** A value of the build's command with the ARG/ENV values of its stage substituted (unknown ones stay as written). */
export function expandInStage(bb: BinaryBuild, value: string): string {
  return bb.stage ? expandVars(value, bb.stage.vars) : value;
}

/** The go build of each binary that dlv execs or attaches to in this launch. */
export function debuggedBinaries(l: Launch): BinaryBuild[] {
  const out: BinaryBuild[] = [];
  for (const t of l.tools) {
    if (t.tool !== 'dlv' || t.use !== 'run' || !t.dlv) continue;
    const sub = t.dlv.sub;
    let path: string | undefined;
    if (sub === 'exec' && t.dlv.target) path = t.dlv.target.value;
    else if (sub === 'attach' && l.stage) path = imageProgram(l.stage);
    if (!path || path.includes('$')) continue;
    // A build in the same command line or script, before dlv (sh -c "go build -o /tmp/app . && dlv exec /tmp/app",
    // a watcher's script that rebuilds before each run): it runs after the image's own builds, so it is the one.
    const cwd = l.stage?.workdir ?? '/';
    const local = l.builds.filter((b) => b.span.file === t.span.file && b.span.file.kind !== 'dockerfile' && b.span.start < t.span.start && outputMatches(b, abs(path!, cwd), cwd));
    if (local.length > 0) { out.push({ dlv: t, path, build: local[local.length - 1]! }); continue; }
    if (l.dockerfile && l.stage) {
      const found = resolveIn(l.dockerfile, l.stage, abs(path, l.stage.workdir), 0);
      if (found) { out.push({ dlv: t, path, build: found.build, stage: found.stage, route: found.route }); continue; }
    }
    const sameFile = l.builds.filter((b) => b.span.file === t.span.file && b.span.start < t.span.start && outputMatches(b, abs(path!), '/'));
    if (sameFile.length > 0) out.push({ dlv: t, path, build: sameFile[sameFile.length - 1]! });
  }
  return out;
}

/**
 * Other stages of the Dockerfile that use the build's output (COPY --from its
 * stage, or FROM it) and are not on the way to the debug image: a release
 * image built from the same `go build`. Changing that build changes them too.
 */
export function otherConsumers(l: Launch, bb: BinaryBuild): DfStage[] {
  const doc = l.dockerfile;
  const stage = bb.stage;
  if (!doc || !stage || !l.stage) return [];
  const mine = new Set<DfStage>([...stageChain(l.stage), ...(bb.route ?? []).flatMap((s) => stageChain(s))]);
  const refs = (c: { from?: string }): boolean => !!c.from && stageByRef(doc, c.from) === stage;
  return doc.stages.filter((s) => !mine.has(s) && (stageChain(s).includes(stage) || s.copies.some(refs)));
}
