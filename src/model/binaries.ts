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
export function buildOutput(b: GoBuild, workdir = '/', vars?: Map<string, string>): string | undefined {
  const ex = (v: string): string => (vars ? expandVars(v, vars) : v);
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
        const b = [...e.run.facts.builds].reverse().find((x) => buildOutput(x, e.run!.workdir, s.vars) === path);
        if (b) return { build: b, stage: s, route: [s] };
        continue;
      }
      const c = e.copy!;
      const dest = expandVars(c.dest, s.vars);
      const destAbs = abs(dest, c.workdir);
      const destDir = destAbs.replace(/\/$/, '');
      let src: string | undefined;
      if (c.sources.length === 1 && !dest.endsWith('/') && destAbs === path) src = c.sources[0]!;
      else if (posix.dirname(path) === destDir) src = c.sources.find((x) => posix.basename(x) === posix.basename(path));
      // A directory copied whole: COPY --from=build /out /app → /app/server came from /out/server.
      if (src === undefined && c.sources.length === 1 && path.startsWith(destDir + '/')) src = c.sources[0]!.replace(/\/$/, '') + path.slice(destDir.length);
      if (src === undefined) continue;
      // Copied from the build context (or an image): built outside the Dockerfile.
      if (!c.from) return undefined;
      const from = stageByRef(doc, c.from);
      if (!from) return undefined;
      const found = resolveIn(doc, from, abs(expandVars(src, from.vars), from.workdir), depth + 1);
      return found ? { ...found, route: [s, ...found.route] } : undefined;
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
    if (l.dockerfile && l.stage) {
      const found = resolveIn(l.dockerfile, l.stage, abs(path, l.stage.workdir), 0);
      if (found) { out.push({ dlv: t, path, build: found.build, stage: found.stage, route: found.route }); continue; }
    }
    // A build in the same command line or file (sh -c "go build -o /tmp/app . && dlv exec /tmp/app").
    const local = l.builds.filter((b) => b.span.file === t.span.file && b.span.start < t.span.start && buildOutput(b) !== undefined && buildOutput(b) === abs(path!));
    if (local.length > 0) out.push({ dlv: t, path, build: local[local.length - 1]! });
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
