/**
 * GitHub Actions job containers as launches: `jobs.<id>.container` (the
 * container every `run:` step of the job executes in) and
 * `jobs.<id>.services.<name>` (containers started beside the job, each
 * running its image's own command). Their `options:` are `docker create`
 * flags, parsed with the run-line flag parser (runlines.ts) from the shell
 * words of the scalar, so every setting keeps the place it is written.
 *
 * The job container's command is the job's `run:` steps (the runner starts
 * the container with `tail -f /dev/null` and executes each step inside it
 * with `docker exec`), run in the workspace, which is the checked-out
 * repository: a script a step names is read from the repository.
 */
import { posix } from 'node:path';
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isScalar } from '../parse/yaml-lib.js';
import { splitShell, type SimpleCommand } from '../parse/shell.js';
import { deref, get, isMapNode, items, keyOf, pairs, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { analyzeCommands, type CommandFacts } from './commands.js';
import { parseShortPort } from './compose.js';
import { commandFileOf } from './cmdfiles.js';
import { imageTools, runFacts, type Project } from './project.js';
import { followContext, type Mount } from './scripts.js';
import { parseRunFlags, runFlagSettings, type RunFlag } from './runlines.js';
import type { Linker } from './link.js';
import type { CommandFlag, Launch, PortMapping, WorkflowOptions } from './launch.js';
import type { SourceFile, Span } from '../types.js';

/** Where the runner mounts the workspace (the checked-out repository) in a job container: `/__w/<repo>/<repo>`. */
const WORKSPACE = '/__w/repo/repo';

function keySpan(file: SourceFile, p: Pair): Span {
  const r = (p.key as Node | null)?.range;
  return r ? { file, start: r[0], end: r[1] } : { file, start: 0, end: 0 };
}

/**
 * The `options:` scalar as run flags. Editable (a fix may rewrite the text
 * between its first and last word) when the source between them is the value
 * itself: a plain, single-quoted without '' escapes, double-quoted without
 * backslashes, or block scalar.
 */
function optionsOf(y: YamlFile, n: YNode): { flags: RunFlag[]; options: WorkflowOptions } | undefined {
  if (!n || !isScalar(n)) return undefined;
  const s = n as Scalar;
  if (typeof s.value !== 'string' || !s.range) return undefined;
  const file = y.file;
  const w = scalarWord(file, s);
  const words = splitShell(w.value, { map: w.map }).flatMap((c) => c.words);
  const { flags } = parseRunFlags(words, 0, true);
  const raw = file.text.slice(s.range[0], s.range[1]);
  const editable =
    words.length > 0 &&
    (s.type === 'PLAIN' || s.type === 'BLOCK_FOLDED' || s.type === 'BLOCK_LITERAL' || (s.type === 'QUOTE_SINGLE' && !raw.slice(1, -1).includes("''")) || (s.type === 'QUOTE_DOUBLE' && !raw.includes('\\')));
  const cflags: CommandFlag[] = flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end }));
  return {
    flags,
    options: { file, ...(editable ? { start: words[0]!.start, end: words[words.length - 1]!.end } : {}), flags: cflags },
  };
}

/** `ports:` of a job container or service: `- 2345:2345`, `- 8080`. */
function portsOf(y: YamlFile, n: YNode, expand: (v: string) => string): PortMapping[] {
  const out: PortMapping[] = [];
  for (const it of items(y, n)) {
    if (!it || !isScalar(it) || !it.range) continue;
    const pm = parseShortPort(String((it as Scalar).value), { file: y.file, start: it.range[0], end: it.range[1] }, expand);
    if (pm) out.push(pm);
  }
  return out;
}

interface ContainerSpec {
  /** The `container:` / `services.<name>:` pair. */
  pair: Pair;
  /** Its map (absent for `container: IMAGE`). */
  map?: YAMLMap;
  image?: { value: string; node: Node };
}

function containerSpec(y: YamlFile, pair: Pair): ContainerSpec | undefined {
  const v = deref(y, pair.value);
  if (!v) return undefined;
  if (isScalar(v)) {
    const image = str(v);
    return image ? { pair, image: { value: image, node: v } } : undefined;
  }
  if (!isMapNode(v)) return undefined;
  const img = get(y, v, 'image');
  const image = str(img);
  return { pair, map: v, ...(image && img ? { image: { value: image, node: img } } : {}) };
}

/** The job's `run:` steps with the working directory each runs in (relative to the workspace). */
function stepRuns(y: YamlFile, job: YAMLMap, defaultsDir: string | undefined): Array<{ run: Node; dir: string | undefined }> {
  const jobDir = str(get(y, get(y, get(y, job, 'defaults'), 'run'), 'working-directory')) ?? defaultsDir;
  const out: Array<{ run: Node; dir: string | undefined }> = [];
  for (const step of items(y, get(y, job, 'steps'))) {
    if (!isMapNode(step)) continue;
    const run = get(y, step, 'run');
    if (!run || !isScalar(run) || !run.range) continue;
    out.push({ run, dir: str(get(y, step, 'working-directory')) ?? jobDir });
  }
  return out;
}

/** The commands of cf whose first word lies inside node (the run: scalars cmdfiles.ts split, with their shell checks and scopes). */
function commandsIn(commands: SimpleCommand[], node: Node): SimpleCommand[] {
  const [s, e] = node.range!;
  return commands.filter((c) => c.words.length > 0 && c.words[0]!.start >= s && c.words[0]!.start < e);
}

export function workflowLaunches(project: Project, files: readonly SourceFile[], linker: Linker): Launch[] {
  const out: Launch[] = [];
  for (const file of files) {
    if (file.kind !== 'workflow') continue;
    const y = project.yaml(file);
    if (!y) continue;
    const cf = commandFileOf(project, file);
    for (const doc of y.docs) {
      const root = deref(y, doc.contents);
      if (!isMapNode(root)) continue;
      const topDir = str(get(y, get(y, get(y, root, 'defaults'), 'run'), 'working-directory'));
      for (const jp of pairs(y, get(y, root, 'jobs'))) {
        const jobId = keyOf(jp);
        const job = deref(y, jp.value);
        if (jobId === undefined || !isMapNode(job)) continue;
        const cpair = (job.items as Pair[]).find((p) => keyOf(p) === 'container');
        const spec = cpair ? containerSpec(y, cpair) : undefined;
        if (spec) {
          // Each step runs in the container, in the workspace (or its working-directory).
          const runs = stepRuns(y, job, topDir).map((r) => ({ commands: commandsIn(cf.commands, r.run), dir: r.dir === undefined ? WORKSPACE : r.dir.startsWith('/') ? r.dir : posix.join(WORKSPACE, cf.expand(r.dir)) }));
          const launch = containerLaunch(project, y, spec, jobId, undefined, linker, cf.expand, runs);
          if (launch) out.push(launch);
        }
        for (const sp of pairs(y, get(y, job, 'services'))) {
          const name = keyOf(sp);
          const s = name !== undefined ? containerSpec(y, sp) : undefined;
          if (!s || name === undefined) continue;
          // A service runs its image's own ENTRYPOINT and CMD.
          const launch = containerLaunch(project, y, s, jobId, name, linker, cf.expand, undefined);
          if (launch) out.push(launch);
        }
      }
    }
  }
  return out;
}

/** The commands of a job's `run:` steps, each with the container directory it runs in. */
interface StepRun { commands: SimpleCommand[]; dir: string }

function containerLaunch(project: Project, y: YamlFile, spec: ContainerSpec, jobId: string, service: string | undefined, linker: Linker, expand: (v: string) => string, steps: StepRun[] | undefined): Launch | undefined {
  const file = y.file;
  const opts = spec.map ? optionsOf(y, get(y, spec.map, 'options')) : undefined;
  const flags = opts?.flags ?? [];
  const { val, userFlag, ports, launchFields } = runFlagSettings(file, flags, expand);
  const yamlPorts = spec.map ? portsOf(y, get(y, spec.map, 'ports'), expand) : [];
  const linked = spec.image ? linker.image(expand(spec.image.value), [file]) : undefined;
  const facts = linked?.facts;
  const imageMounts = facts?.mounts ?? [];
  let run: CommandFacts;
  let tools;
  if (steps) {
    const mounts: Mount[] = [{ container: WORKSPACE, repo: [''] }, ...imageMounts];
    run = { tools: [], builds: [] };
    for (const st of steps) analyzeCommands(file, st.commands, run, followContext(project, { mounts, workdir: st.dir }));
    // The runner replaces the image's command (`tail -f /dev/null`); its installs still count when the steps debug, or the image does not wire its debugger to its own command.
    tools = [...imageTools(facts, true, run, followContext(project, { mounts, workdir: WORKSPACE })), ...run.tools];
  } else {
    const follow = followContext(project, { mounts: imageMounts, workdir: facts?.stage.workdir || '/' });
    run = facts ? runFacts(facts.stage.entrypoint, facts.stage.cmd, follow) : { tools: [], builds: [] };
    tools = [...imageTools(facts, false, run, follow), ...run.tools];
  }
  const seen = new Set<string>();
  tools = tools.filter((t) => {
    const k = `${t.span.file.path}@${t.span.start}:${t.tool}:${t.use}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const user = userFlag ? val(userFlag) : facts?.stage.user;
  const name = service === undefined ? `jobs.${jobId}.container` : `jobs.${jobId}.services.${service}`;
  const launch: Launch = {
    id: `workflow:${file.path}#${jobId}/${service === undefined ? 'container' : `services/${service}`}`,
    kind: 'workflow',
    name,
    anchor: keySpan(file, spec.pair),
    file,
    ...(spec.image?.node.range ? { image: { value: spec.image.value, span: { file, start: spec.image.node.range[0], end: spec.image.node.range[1] } } } : {}),
    ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
    ...(user ? { user } : {}),
    ...launchFields,
    tools,
    builds: [...(facts?.builds ?? []), ...run.builds],
    ports: [...ports, ...yamlPorts],
    ...(linked ? { linkNotes: linked.related } : {}),
    ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
    source: { kind: 'workflow', y, role: service === undefined ? 'container' : 'service', job: jobId, ...(service !== undefined ? { service } : {}), pair: spec.pair, ...(spec.map ? { map: spec.map } : {}), ...(opts ? { options: opts.options } : {}) },
  };
  return launch;
}
