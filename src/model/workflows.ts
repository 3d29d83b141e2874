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
import { followContext, repoJoin, type Mount } from './scripts.js';
import type { ImageBuildSpec } from './images.js';
import { parseRunFlags, runFlagSettings, type RunFlag } from './runlines.js';
import type { Linker } from './link.js';
import type { CommandFlag, Launch, PortMapping, WorkflowOptions } from './launch.js';
import type { SourceFile, Span, Valued } from '../types.js';

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

/** `uses: docker/build-push-action@…` (any version), also through a fork's or mirror's path ending in it. */
const BUILD_PUSH = /^(?:[\w.-]+\/)*docker\/build-push-action(?:@|$)/i;
const METADATA = /^(?:[\w.-]+\/)*docker\/metadata-action(?:@|$)/i;

/** The entries of a list input (`tags:`, `images:`): one per line or comma, each with its span in the file. */
function listInput(file: SourceFile, n: YNode): Array<Valued<string>> {
  if (!n || !isScalar(n) || typeof (n as Scalar).value !== 'string' || !n.range) return [];
  const w = scalarWord(file, n as Scalar);
  const out: Array<Valued<string>> = [];
  const re = /[^\n,]+/g;
  for (let m = re.exec(w.value); m && out.length < 64; m = re.exec(w.value)) {
    const lead = m[0].length - m[0].trimStart().length;
    const value = m[0].trim();
    if (value === '' || value.startsWith('#')) continue;
    const from = m.index + lead;
    const start = w.map[from] ?? n.range[0];
    const end = (w.map[from + value.length - 1] ?? n.range[1] - 1) + 1;
    out.push({ value, span: { file, start, end: Math.max(end, start) } });
  }
  return out;
}

/**
 * `${{ env.NAME }}` of a workflow's or job's `env:` with a literal value, as the runner substitutes it; any other
 * expression is left as written (a variable: no name).
 */
function envExpander(y: YamlFile, root: YAMLMap, job: YAMLMap): (v: string) => string {
  const env = new Map<string, string>();
  for (const scope of [root, job]) {
    for (const p of pairs(y, get(y, scope, 'env'))) {
      const k = keyOf(p);
      const v = str(deref(y, p.value) ?? null);
      if (k !== undefined && v !== undefined && !v.includes('${{')) env.set(k, v);
    }
  }
  return (v) => v.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (all, k: string) => env.get(k) ?? all);
}

/**
 * The images a workflow builds with docker/build-push-action: `tags:` (v2 and later: one name per line or
 * comma; `${{ steps.ID.outputs.tags }}` of a docker/metadata-action step is each of that step's `images:`,
 * with the tag it computes), `context:` (the repository root when not given: the action's Git context is the
 * checked-out commit) and `file:` (relative to the workspace, which is the repository; else the context's
 * Dockerfile; with `{{defaultContext}}:DIR`, DIR of the repository and the file in it), `target:`; v1's `repository:` + `tags:`, `path:`, `dockerfile:`. A context that is a URL or an
 * expression, or a path out of the repository, gives no build (no guess).
 */
export function workflowBuildSpecs(project: Project, file: SourceFile): ImageBuildSpec[] {
  if (file.kind !== 'workflow' || !file.text.includes('build-push-action')) return [];
  const y = project.yaml(file);
  if (!y) return [];
  const out: ImageBuildSpec[] = [];
  for (const doc of y.docs) {
    const root = deref(y, doc.contents);
    if (!isMapNode(root)) continue;
    for (const jp of pairs(y, get(y, root, 'jobs'))) {
      const job = deref(y, jp.value);
      if (!isMapNode(job)) continue;
      const expand = envExpander(y, root, job);
      const steps = items(y, get(y, job, 'steps')).filter(isMapNode);
      // docker/metadata-action steps by id: the image names they tag.
      const meta = new Map<string, Array<Valued<string>>>();
      for (const st of steps) {
        const id = str(get(y, st, 'id'));
        if (id !== undefined && METADATA.test(str(get(y, st, 'uses')) ?? '')) meta.set(id, listInput(file, get(y, get(y, st, 'with'), 'images')));
      }
      for (const st of steps) {
        const uses = get(y, st, 'uses');
        if (!BUILD_PUSH.test(str(uses) ?? '') || !uses?.range) continue;
        const w = get(y, st, 'with');
        const input = (k: string): string | undefined => {
          const v = str(get(y, w, k));
          return v === undefined ? undefined : expand(v).trim();
        };
        const v1 = /@v1(?:\.|$)/.test(str(uses) ?? '');
        const tags: Valued<string>[] = [];
        if (v1) {
          // v1: registry/repository, each of `tags:` (comma-separated), else latest.
          const repo = input('repository');
          const registry = input('registry');
          if (repo) {
            const name = registry ? `${registry.replace(/\/+$/, '')}/${repo}` : repo;
            const written = listInput(file, get(y, w, 'tags'));
            const n = get(y, w, 'repository')!;
            const span: Span = n.range ? { file, start: n.range[0], end: n.range[1] } : keySpan(file, jp);
            if (written.length === 0) tags.push({ value: name, span });
            for (const t of written) tags.push({ value: `${name}:${expand(t.value)}`, span: t.span });
          }
        } else {
          for (const t of listInput(file, get(y, w, 'tags'))) {
            const m = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.tags\s*\}\}$/.exec(t.value);
            const images = m ? meta.get(m[1]!) : undefined;
            if (images) {
              for (const im of images) {
                const name = expand(im.value).replace(/^name=/, '').split(',')[0]!.trim();
                // The tag the metadata step computes (written without blanks: an image reference has none).
                tags.push({ value: `${name}:\${{steps.${m![1]}.outputs.version}}`, span: im.span });
              }
              continue;
            }
            tags.push({ value: expand(t.value), span: t.span });
          }
        }
        if (tags.length === 0) continue;
        let ctxRaw = (v1 ? input('path') : input('context')) ?? '.';
        const dfRaw = v1 ? input('dockerfile') : input('file');
        // `{{defaultContext}}:subdir`: the Git context (the commit checked out) at subdir, where the Dockerfile path is read too.
        const git = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(ctxRaw);
        if (git) ctxRaw = git[1]?.trim() || '.';
        if (/^[a-z]+:\/\//i.test(ctxRaw) || ctxRaw.includes('${{') || ctxRaw.includes('{{') || (dfRaw ?? '').includes('${{')) continue;
        const context = repoJoin(ctxRaw);
        const dockerfile = dfRaw !== undefined ? (git ? repoJoin(ctxRaw, dfRaw) : repoJoin(dfRaw)) : undefined;
        if (context === undefined || (dfRaw !== undefined && dockerfile === undefined)) continue;
        const target = input('target');
        out.push({
          file,
          span: { file, start: uses.range[0], end: uses.range[1] },
          tags,
          how: 'command',
          context,
          ...(dockerfile !== undefined ? { dockerfile } : {}),
          ...(target && !target.includes('${{') ? { target } : {}),
        });
      }
    }
  }
  return out;
}
