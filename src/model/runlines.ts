/**
 * `docker run`, `docker container run`, `podman run` and `nerdctl run` lines
 * in shell scripts, Makefile recipes, workflow `run:` blocks and the other
 * command files (cmdfiles.ts); and the image builds those files declare.
 */
import { posix } from 'node:path';
import { splitShell, splitWord, type SimpleCommand, type Word } from '../parse/shell.js';
import { analyzeWords, wordSpan } from './commands.js';
import { hasCapability } from './caps.js';
import { composeLaunch, parseShortPort, splitPortSpec } from './compose.js';
import { imageTools, runFacts, type CommandLike, type Project } from './project.js';
import { attachUses, isDebuggingContainer, isEngineStorage, isTracingFs, type Launch, type PortMapping } from './launch.js';
import type { SourceFile, Valued } from '../types.js';
import { positionAt } from '../source.js';
import { commandFileOf, type CommandFile } from './cmdfiles.js';
import type { ImageBuildSpec } from './images.js';
import { defaultNames, type LinkedImage, type Linker } from './link.js';
import { bindMount, followContext, repoJoin, type Mount } from './scripts.js';

const VALUE_FLAGS = new Set([
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent', '--cgroupns', '--cidfile',
  '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '-c', '--cpu-shares', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--device', '--device-cgroup-rule',
  '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint', '-e', '--env',
  '--env-file', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries', '--health-start-period', '--health-timeout', '-h', '--hostname',
  '--ip', '--ip6', '--ipc', '--isolation', '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address',
  '-m', '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias', '--net-alias', '--oom-score-adj',
  '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout',
  '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user', '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir',
  '--arch', '--os', '--variant', '--pod', '--secret', '--cgroup-conf', '--hooks-dir',
]);
const SHORT_VALUE = new Set(['a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w']);

/** A flag of `docker run`/`docker create`, with its (joined or separate) value word. */
export interface RunFlag { name: string; value: string; start: number; end: number; valueWord?: Word; valueFrom: number }
type Flag = RunFlag;

/**
 * The flags of `docker run` / `docker create` from words[from]: up to the
 * first word that is not a flag (the image), or `--`. With `all`, words that
 * are not flags are skipped rather than ending the list (a workflow's
 * `options:` holds flags only). `next` is the index of the word after them.
 */
export function parseRunFlags(words: Word[], from: number, all = false): { flags: RunFlag[]; next: number } {
  const flags: RunFlag[] = [];
  let i = from;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const v = w.value;
    if (v === '--') { i++; break; }
    if (!v.startsWith('-') || v === '-') {
      if (all) continue;
      break;
    }
    const eq = v.indexOf('=');
    if (v.startsWith('--') && eq > 0) {
      flags.push({ name: v.slice(0, eq), value: v.slice(eq + 1), start: w.start, end: w.end, valueWord: w, valueFrom: eq + 1 });
      continue;
    }
    const takesValue = VALUE_FLAGS.has(v) || (!v.startsWith('--') && v.length > 2 && SHORT_VALUE.has(v[v.length - 1]!));
    if (takesValue && words[i + 1]) {
      const vw = words[i + 1]!;
      const name = !v.startsWith('--') && v.length > 2 ? `-${v[v.length - 1]}` : v;
      flags.push({ name, value: vw.value, start: w.start, end: vw.end, valueWord: vw, valueFrom: 0 });
      i++;
      continue;
    }
    flags.push({ name: v, value: '', start: w.start, end: w.end, valueFrom: 0 });
  }
  return { flags, next: i };
}

/** What a container's run flags set: capabilities, security options, privileged, user, networking, PID namespace and published ports. */
export function runFlagSettings(file: SourceFile, flags: RunFlag[], expand: (v: string) => string) {
  const val = (f: Flag): Valued<string> => ({ value: f.value, span: f.valueWord ? { file, start: f.valueWord.map[f.valueFrom] ?? f.valueWord.start, end: f.valueWord.end } : { file, start: f.start, end: f.end } });
  const capAdd = flags.filter((f) => f.name === '--cap-add').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
  const capDrop = flags.filter((f) => f.name === '--cap-drop').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
  const securityOpt = flags.filter((f) => f.name === '--security-opt').map(val);
  const privFlag = flags.find((f) => f.name === '--privileged' && f.value !== 'false');
  const privileged: Valued<boolean> | undefined = privFlag ? { value: true, span: { file, start: privFlag.start, end: privFlag.end } } : undefined;
  const userFlag = flags.find((f) => f.name === '-u' || f.name === '--user');
  const netFlag = flags.find((f) => (f.name === '--network' || f.name === '--net') && f.value === 'host');
  const sharedNet = flags.find((f) => (f.name === '--network' || f.name === '--net') && /^container:/.test(f.value));
  const pidFlag = flags.find((f) => f.name === '--pid' && /^container:./.test(f.value));
  const tracingFlag = flags.find((f) => {
    if (f.name === '-v' || f.name === '--volume') return isTracingFs(splitPortSpec(expand(f.value))[1] ?? '');
    if (f.name !== '--mount') return false;
    const t = /(?:^|,)(?:target|dst|destination)=([^,]*)/.exec(expand(f.value));
    return !!t && isTracingFs(t[1]!);
  });
  const publishAll = flags.find((f) => f.name === '-P' || f.name === '--publish-all' || (!f.name.startsWith('--') && /^-[a-zA-Z]*P[a-zA-Z]*$/.test(f.name)));
  const ports: PortMapping[] = flags.filter((f) => f.name === '-p' || f.name === '--publish').map((f) => parseShortPort(f.value, val(f).span, expand)).filter((p): p is PortMapping => !!p);
  // A volume at the engine's storage (`-v dind:/var/lib/docker`, `--mount …,target=/var/lib/docker`): containers run inside.
  const engineFlag = flags.find((f) => ((f.name === '-v' || f.name === '--volume') && isEngineStorage(splitPortSpec(expand(f.value))[1] ?? '')) || (f.name === '--mount' && /(^|,)(target|dst|destination)=\/var\/lib\/(docker|containerd|containers)\/?(,|$)/.test(expand(f.value))));
  // What these flags make of a launch, the same for a `docker run` line and a workflow container's `options:`.
  const launchFields = {
    capAdd,
    capDrop,
    ...(privileged ? { privileged } : {}),
    securityOpt,
    hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, !!privileged),
    ...(netFlag ? { hostNetwork: { file, start: netFlag.start, end: netFlag.end } } : {}),
    ...(sharedNet ? { sharedNetwork: val(sharedNet) } : {}),
    ...(pidFlag ? { sharedPid: val(pidFlag) } : {}),
    ...(tracingFlag ? { tracingMount: val(tracingFlag) } : {}),
    ...(publishAll ? { publishAll: { file, start: publishAll.start, end: publishAll.end } } : {}),
    ...(engineFlag ? { nestedEngine: val(engineFlag) } : {}),
  } satisfies Partial<Launch>;
  return { val, userFlag, ports, launchFields };
}

function basename(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}

/** Index of the word after `docker run` / `docker container run` / `podman run`, or -1. */
/** Shell keywords that can open a command on the same line: `for …; do docker run …; done`, `if …; then docker run …`. */
const OPENING_KEYWORDS = new Set(['do', 'then', 'else', '{', '!', 'time']);

const ENGINES = ['docker', 'podman', 'nerdctl'];

/** Commands that run the rest of their words with more privilege: `sudo docker run …`, `$ESCALATE $DOCKER run …`. */
const ESCALATORS = new Set(['sudo', 'doas', 'really']);
/** Flags of sudo that take no value (`SUDO="sudo -E"`). */
const ESCALATOR_FLAGS = new Set(['-E', '-H', '-n', '-S', '-k', '--preserve-env']);

/**
 * The command a value looks up and stands for: `$(which docker)`, `$(command -v podman)`, `$(type -P docker)`,
 * `` `which docker` ``, Make's `$(shell which docker)` (a redirection such as `2>/dev/null` inside is allowed) —
 * the name; undefined for any other value. The inner text is split with the shell splitter, never run.
 */
function lookedUp(v: string): string | undefined {
  let inner: string;
  if (v.startsWith('$(') && v.endsWith(')')) inner = v.slice(2, -1);
  else if (v.length > 2 && v.startsWith('`') && v.endsWith('`')) inner = v.slice(1, -1);
  else return undefined;
  if (inner.length > 256) return undefined;
  const cmds = splitShell(inner);
  if (cmds.length !== 1) return undefined;
  let w = cmds[0]!.words.map((x) => x.value).filter((x) => !/^\d*>/.test(x));
  if (w[0] === 'shell') w = w.slice(1);
  const name = w.length === 2 && w[0] === 'which' ? w[1]
    : w.length === 3 && ((w[0] === 'command' && w[1] === '-v') || (w[0] === 'type' && (w[1] === '-p' || w[1] === '-P'))) ? w[2]
      : undefined;
  return name !== undefined && /^[A-Za-z0-9_./-]+$/.test(name) ? name : undefined;
}

/**
 * The words a command's head stands for: itself, or, for a variable the file sets to an engine
 * (`$(CONTAINER_TOOL)` after `CONTAINER_TOOL ?= docker`, `${DOCKER:-docker}`, `DOCKER_COMPOSE ?= docker compose`,
 * `DOCKER := sudo docker`, `DOCKER=$(which docker)`), the words of its value. A variable the file leaves unset
 * stays as written (no guess).
 */
function headWords(w: Word | undefined, expand?: (v: string) => string): string[] {
  if (!w) return [];
  const found = w.value.includes('$') || w.value.includes('`') ? lookedUp(expand ? expand(w.value).trim() : w.value) : undefined;
  if (found) return [found];
  if (!expand || !w.value.includes('$')) return [w.value];
  const v = expand(w.value).trim();
  if (v === w.value || v === '' || v.includes('$') || /[;&|<>`]/.test(v)) return [w.value];
  const parts = v.split(/\s+/);
  while (parts.length > 1 && ESCALATORS.has(parts[0]!)) parts.shift();
  return parts.length <= 2 ? parts : [w.value];
}

/**
 * A word before the engine that only raises privilege: `sudo`, `doas`, `really`, or a variable the file sets to
 * one of them (`ESCALATE=sudo`, `ESCALATE=$(which really)`, `SUDO="sudo -E"`) or to nothing (`SUDO=`, written
 * unquoted: an empty expansion is no word). A variable the file does not set, or sets to anything else, is not.
 */
function isPrefixWord(w: Word, expand?: (v: string) => string): boolean {
  if (ESCALATORS.has(w.value)) return true;
  if (!expand || !w.value.includes('$')) return false;
  const v = expand(w.value).trim();
  if (v === w.value) return false;
  if (v === '') return !w.quoted;
  const parts = (lookedUp(v) ?? v).split(/\s+/);
  return ESCALATORS.has(basename(parts[0]!)) && parts.slice(1).every((p) => ESCALATOR_FLAGS.has(p));
}

/** The engine (docker, podman, nerdctl) a command starts with, after keywords, assignments, sudo and exec; with the index of its word. */
function engineAt(words: Word[], expand?: (v: string) => string): { k: number; engine: string; extra: string[] } | undefined {
  let k = 0;
  while (k < words.length && !words[k]!.quoted && OPENING_KEYWORDS.has(words[k]!.value)) k++;
  while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'exec' || isPrefixWord(words[k]!, expand))) k++;
  const hw = headWords(words[k], expand);
  const engine = basename(hw[0] ?? '');
  return ENGINES.includes(engine) || engine === 'docker-compose' || engine === 'podman-compose' ? { k, engine, extra: hw.slice(1) } : undefined;
}

/** Index of the word after `docker run` / `docker container run` / `podman run` (or `verb`), or -1; the engine may be a variable the file sets. */
function runIndex(words: Word[], verb = 'run', expand?: (v: string) => string): number {
  const e = engineAt(words, expand);
  if (!e || !ENGINES.includes(e.engine) || e.extra.length > 0) return -1;
  let j = e.k + 1;
  // Global flags such as --context x or -H host.
  while (j < words.length && words[j]!.value.startsWith('-')) j += /^(--context|-c|-H|--host|--config|--log-level|--url|--connection)$/.test(words[j]!.value) ? 2 : 1;
  if (words[j]?.value === verb) return j + 1;
  if (words[j]?.value === 'container' && words[j + 1]?.value === verb) return j + 2;
  return -1;
}

/** The engine's name as the launch is named (`podman` for `$(CONTAINER_TOOL)` set to podman). */
function engineName(words: Word[], expand?: (v: string) => string): string {
  return engineAt(words, expand)?.engine ?? 'docker';
}

/**
 * A `docker exec [flags] CONTAINER CMD…` that runs a debugger with `--privileged`: the exec'd process gets every
 * capability, the workaround for a container started without SYS_PTRACE (`docker exec` has no --cap-add). The
 * container's own settings are not known here (it is named at run time), so only what the exec line itself does
 * is a launch: capsUnknown keeps PTD001/PTD005 quiet, and it publishes nothing. A command word that is only a
 * variable the file sets to a literal (`bash -c "$SCRIPT"` after `SCRIPT="dlv attach 1 …"`) is read as its value.
 */
function execLaunch(file: SourceFile, cf: CommandFile, words: Word[], ei: number): Launch | undefined {
  const { flags, next: i } = parseRunFlags(words, ei);
  const privFlag = flags.find((f) => f.name === '--privileged' && f.value !== 'false');
  const container = words[i];
  if (!privFlag || !container) return undefined;
  const cmdWords = words.slice(i + 1).map((w): Word => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(w.value);
    if (!m) return w;
    const v = cf.expand(w.value);
    return v === w.value || v.includes('$') ? w : { value: v, start: w.start, end: w.end, quoted: true, map: v.split('').map(() => w.start) };
  });
  if (cmdWords.length === 0) return undefined;
  const facts = analyzeWords(file, cmdWords);
  if (!facts.tools.some((t) => t.use === 'run' && t.mode !== 'post-mortem')) return undefined;
  const { userFlag } = runFlagSettings(file, flags, cf.expand);
  const execWord = words[ei - 1]!;
  const line = positionAt(file, execWord.start).line;
  const head = engineName(words, cf.expand);
  return {
    id: `exec:${file.path}:${line}`,
    kind: 'exec',
    name: `${head} exec ${container.value} (line ${line})`,
    anchor: { file, start: words[0]!.start, end: container.end },
    file,
    ...(userFlag ? { user: { value: userFlag.value, span: { file, start: userFlag.start, end: userFlag.end } } } : {}),
    capAdd: [],
    capDrop: [],
    privileged: { value: true, span: { file, start: privFlag.start, end: privFlag.end } },
    securityOpt: [],
    hasPtrace: true,
    capsUnknown: true,
    tools: facts.tools,
    builds: facts.builds,
    ports: [],
    source: { kind: 'exec' },
  };
}

/** Builder commands: docker/podman/nerdctl build, docker buildx build, docker image build, buildah bud/build. */
function buildIndex(words: Word[], expand?: (v: string) => string): { at: number; flavor: 'docker' | 'podman' } | undefined {
  const w = words.map((x) => x.value);
  let k = w.findIndex((v) => ['docker', 'podman', 'nerdctl', 'buildah'].includes(basename(v)));
  let tool = k < 0 ? '' : basename(w[k]!);
  if (k < 0) {
    // `$(CONTAINER_TOOL) build -t ${IMG} .` with `CONTAINER_TOOL ?= docker`: the engine a variable names.
    const e = engineAt(words, expand);
    if (!e || e.extra.length > 0 || !ENGINES.includes(e.engine)) return undefined;
    k = e.k;
    tool = e.engine;
  }
  const flavor = tool === 'podman' || tool === 'buildah' ? 'podman' : 'docker';
  let j = k + 1;
  while (j < w.length && w[j]!.startsWith('-')) j += /^(--context|-c|-H|--host|--config|--log-level|--url|--connection)$/.test(w[j]!) ? 2 : 1;
  const r0 = w[j];
  const r1 = w[j + 1];
  if (tool === 'buildah') return r0 === 'bud' || r0 === 'build' ? { at: j + 1, flavor } : undefined;
  if (r0 === 'build') return { at: j + 1, flavor };
  if ((r0 === 'buildx' || r0 === 'image' || r0 === 'builder') && r1 === 'build') return { at: j + 2, flavor };
  return undefined;
}

/**
 * Variables that commands of the file set for the command they start
 * (`COMPONENT=tempo $(MAKE) docker-component-debug`, `IMAGE=app ./build.sh`),
 * each with the literal values the file gives it: `single` holds the names
 * given one value; `multi` those given a few (`COMPONENT=app $(MAKE) image`
 * beside `COMPONENT=app-debug $(MAKE) image-debug`: which one a build sees
 * depends on the target make runs, so each is one build, as for a loop).
 */
function prefixAssignments(commands: SimpleCommand[]): { single: Map<string, string>; multi: Map<string, string[]> } {
  const all = new Map<string, string[]>();
  for (const c of commands) {
    for (const w of c.words) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
      if (!m) break;
      const [, name, value] = m as unknown as [string, string, string];
      if (value.includes('$') || value === '') continue;
      const values = all.get(name) ?? [];
      if (!values.includes(value) && values.length < MAX_PREFIX_VALUES) values.push(value);
      all.set(name, values);
    }
  }
  const single = new Map<string, string>();
  const multi = new Map<string, string[]>();
  for (const [name, values] of all) {
    if (values.length === 1) single.set(name, values[0]!);
    else multi.set(name, values);
  }
  return { single, multi };
}

const MAX_PREFIX_VALUES = 8;

/** One assignment per combination of the multi-valued prefix names the values reference (at most 8; [] for none or more). */
function prefixVariants(values: string[], multi: ReadonlyMap<string, string[]>): Map<string, string>[] {
  if (multi.size === 0) return [];
  const names: string[] = [];
  for (const v of values) {
    for (const m of v.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const n = (m[1] ?? m[2] ?? m[3])!;
      if (multi.has(n) && !names.includes(n)) names.push(n);
    }
  }
  if (names.length === 0) return [];
  let out: Map<string, string>[] = [new Map()];
  for (const n of names) {
    const next: Map<string, string>[] = [];
    for (const base of out) for (const v of multi.get(n)!) next.push(new Map([...base, [n, v]]));
    if (next.length > MAX_PREFIX_VALUES) return [];
    out = next;
  }
  return out;
}

/** $(NAME), ${NAME} and $NAME replaced from vars; others left as written. */
function substitute(value: string, vars: ReadonlyMap<string, string>): string {
  if (vars.size === 0 || !value.includes('$')) return value;
  return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string, c?: string) => vars.get((a ?? b ?? c)!) ?? m);
}

/**
 * The image builds of a file's commands (`docker build -t NAME [-f FILE] CONTEXT`):
 * entries of the image index. `-f` and the context are relative to the
 * directory the command runs in, which a file does not say: the file's own
 * directory is tried first (a Makefile's), then the repository root (a script
 * run from the root), and the first where the Dockerfile exists is taken.
 */
export function commandBuildSpecs(project: Project, file: SourceFile, commands: SimpleCommand[], expandOwn: (v: string) => string = (v) => v, variants: (values: string[]) => Map<string, string>[] = () => []): ImageBuildSpec[] {
  const out: ImageBuildSpec[] = [];
  const { single: prefix, multi: prefixMulti } = prefixAssignments(commands);
  const plain = (v: string): string => substitute(expandOwn(v), prefix);
  const fileDir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  for (const c of commands) {
    const bi = buildIndex(c.words, expandOwn);
    if (!bi) continue;
    // A name the script loops over (`for d in debian alpine; do docker build -t app-$d -f $d.Dockerfile .`):
    // one build per value, every word of the command expanded with the same one.
    // A name the file's commands set to a few values (`COMPONENT=app $(MAKE) image`, `COMPONENT=cli $(MAKE) image`):
    // likewise one build per value.
    const values = c.words.slice(bi.at).map((w) => w.value);
    const looped = variants(values);
    const combos = looped.length > 0 ? looped : prefixVariants(values.map((v) => expandOwn(v)), prefixMulti);
    for (const combo of combos.length > 0 ? combos : [undefined]) {
      const expand = combo ? (v: string): string => substitute(plain(v), combo) : plain;
      const spec = buildSpecOf(project, file, c, bi, expand, fileDir);
      if (spec) out.push(spec);
    }
  }
  return out;
}

function buildSpecOf(project: Project, file: SourceFile, c: SimpleCommand, bi: NonNullable<ReturnType<typeof buildIndex>>, expand: (v: string) => string, fileDir: string): ImageBuildSpec | undefined {
  {
    const rest = c.words.slice(bi.at);
    const tags: Valued<string>[] = [];
    let dockerfile: string | undefined;
    let target: string | undefined;
    let context: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      const v = w.value;
      const take = (): Word | undefined => rest[++i];
      const tag = (word: Word | undefined, from = 0): void => {
        if (!word) return;
        // A variable whose value is a Make function (`IMAGE_TAG := $(if $(IMAGE_TAG),$(IMAGE_TAG),latest)`) expands to
        // words, not a name: the tag stays a variable then (a name linked by repository only, see ImageIndex).
        const raw = word.value.slice(from);
        const value = expand(raw);
        tags.push({ value: /\s/.test(value) && !/\s/.test(raw) ? raw : value, span: wordSpan(file, word) });
      };
      if (v === '-t' || v === '--tag') tag(take());
      else if (v.startsWith('--tag=')) tag(w, 6);
      else if (v.startsWith('-t') && v.length > 2 && !v.startsWith('--')) tag(w, v[2] === '=' ? 3 : 2);
      else if (v === '-f' || v === '--file') dockerfile = expand(take()?.value ?? '');
      else if (v.startsWith('--file=')) dockerfile = expand(v.slice(7));
      else if (v === '--target') target = expand(take()?.value ?? '');
      else if (v.startsWith('--target=')) target = expand(v.slice(9));
      else if (/^--(build-arg|label|platform|cache-from|cache-to|secret|ssh|network|output|progress|add-host|iidfile|builder|build-context|annotation|attest|metadata-file|shm-size|ulimit|cgroup-parent|isolation|memory|memory-swap|cpu-shares|cpuset-cpus|format|layers|squash-all|jobs|arch|os|variant)$/.test(v) || v === '-o') take();
      else if (!v.startsWith('-')) context = expand(v);
    }
    if (tags.length === 0) return undefined;
    const ctxRaw = context ?? '.';
    if (/^[a-z]+:\/\//i.test(ctxRaw) || ctxRaw === '-' || ctxRaw.includes('$') || dockerfile === '-' || (dockerfile ?? '').includes('$')) return undefined;
    let chosen: { context?: string; dockerfile?: string } | undefined;
    for (const cwd of [fileDir, '']) {
      let ctx = repoJoin(cwd, ctxRaw);
      let df = dockerfile !== undefined ? repoJoin(cwd, dockerfile) : undefined;
      if (dockerfile !== undefined && df === undefined) continue;
      if (ctx === undefined) {
        // A context out of the repository (`-f tests/x.Dockerfile ./..`): the Dockerfile still says what the tag builds.
        if (df !== undefined && project.exists(df, 'dockerfile')) { chosen = { dockerfile: df }; break; }
        continue;
      }
      if (df === undefined && ctx !== '' && project.exists(ctx, 'dockerfile')) {
        // `docker build -t NAME ./Dockerfile` (setlog/debug-k8s's README): the Dockerfile written
        // where the context goes. Docker refuses a file as the context, but the line still says
        // which Dockerfile the tag is meant for; the writer's working build is its directory.
        df = ctx;
        ctx = posix.dirname(ctx) === '.' ? '' : posix.dirname(ctx);
      }
      const cand = { context: ctx, ...(df !== undefined ? { dockerfile: df } : {}) };
      const exists = df !== undefined ? project.exists(df, 'dockerfile') : defaultNames(bi.flavor).some((n) => project.exists(repoJoin(ctx, n) ?? '', 'dockerfile'));
      if (exists) { chosen = cand; break; }
      chosen ??= cand;
      if (fileDir === '') break;
    }
    if (!chosen) return undefined;
    return { file, span: { file, start: c.words[0]!.start, end: c.words[c.words.length - 1]!.end }, tags, how: 'command', flavor: bi.flavor, ...chosen, ...(target ? { target } : {}) };
  }
}

/** The bind mounts of `-v SRC:DST[:opts]` / `--volume` / `--mount type=bind,source=…,target=…` flags. */
function runMounts(flags: Flag[], expand: (v: string) => string, baseDirs: string[]): Mount[] {
  const out: Mount[] = [];
  for (const f of flags) {
    let source: string | undefined;
    let target: string | undefined;
    if (f.name === '-v' || f.name === '--volume') {
      const parts = splitPortSpec(expand(f.value));
      if (parts.length >= 2) [source, target] = [parts[0], parts[1]];
    } else if (f.name === '--mount') {
      const kv = new Map(expand(f.value).split(',').map((p) => { const i = p.indexOf('='); return [i < 0 ? p : p.slice(0, i), i < 0 ? '' : p.slice(i + 1)] as [string, string]; }));
      if ((kv.get('type') ?? 'volume') !== 'bind') continue;
      source = kv.get('source') ?? kv.get('src');
      target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination');
    }
    if (source === undefined || target === undefined) continue;
    const m = bindMount(source, target, baseDirs);
    if (m) out.push(m);
  }
  return out.reverse();
}

/**
 * The build of the image a run line names. A name built from a variable the script loops over
 * (`boot-${DISTRO}`, DISTRO from `for d in "${DISTROS[@]}"`) is each of its values: the first whose
 * build runs or installs a debugger is taken (the line runs that image on some turn of the loop),
 * else the first that links, with a note that says which value it is.
 */
function linkRunImage(linker: Linker, cf: CommandFile, raw: string, file: SourceFile): LinkedImage | undefined {
  const combos = cf.variants([raw]);
  if (combos.length === 0) return linker.image(cf.expand(raw), [file]);
  let first: LinkedImage | undefined;
  for (const combo of combos) {
    const name = substitute(cf.expand(raw), combo);
    const l = linker.image(name, [file]);
    if (!l) continue;
    const values = [...combo].map(([k, v]) => `${k}=${v}`).join(', ');
    const noted: LinkedImage = { ...l, related: [{ ...l.related[0]!, message: `${l.related[0]!.message} (\`${raw.trim()}\` is \`${name}\` when the script's loop sets ${values}.)` }, ...l.related.slice(1)] };
    if (l.facts.tools.some((t) => t.mode !== 'post-mortem')) return noted;
    first ??= noted;
  }
  return first;
}

/** ssh options that take a value (the rest of their word, or the next word). */
const SSH_VALUE_OPTIONS = new Set('BbcDEeFIiJLlmOopQRSWw');
/** At most this many commands are read out of one ssh line's quoted remote command. */
const MAX_REMOTE_COMMANDS = 32;

/**
 * What `ssh [options] HOST COMMAND…` runs on HOST: the remote command's words, read as a command (a run line
 * there starts a container as surely as one here). Several words are one command, as written; one word (`ssh HOST
 * "cd /src && docker run …"`) is split again as the remote shell does, its words keeping their offsets in the file.
 * `-N` (no command) and `-s` (a subsystem) run no command. Undefined when the command is not an ssh line.
 */
export function remoteCommands(c: SimpleCommand): SimpleCommand[] | undefined {
  const words = c.words;
  let k = 0;
  while (k < words.length && !words[k]!.quoted && OPENING_KEYWORDS.has(words[k]!.value)) k++;
  while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'exec')) k++;
  if (basename(words[k]?.value ?? '') !== 'ssh') return undefined;
  let j = k + 1;
  for (; j < words.length; j++) {
    const v = words[j]!.value;
    if (v === '--') { j++; break; }
    if (!v.startsWith('-') || v === '-') break;
    for (let x = 1; x < v.length; x++) {
      const o = v[x]!;
      if (o === 'N' || o === 's') return undefined;
      if (SSH_VALUE_OPTIONS.has(o)) {
        if (x === v.length - 1) j++;
        break;
      }
    }
  }
  const rest = words.slice(j + 1);
  if (!words[j] || rest.length === 0) return undefined;
  if (rest.length > 1) return [{ words: rest, start: rest[0]!.start, end: rest[rest.length - 1]!.end, sep: c.sep }];
  return splitWord(rest[0]!).slice(0, MAX_REMOTE_COMMANDS);
}

/** `docker start NAME…` / `docker container start NAME…` (any engine): the names it starts, as written. */
function startedNames(words: Word[], expand: (v: string) => string): string[] | undefined {
  const si = runIndex(words, 'start', expand);
  if (si < 0) return undefined;
  const out: string[] = [];
  for (let i = si; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === '--detach-keys') { i++; continue; }
    if (!v.startsWith('-')) out.push(expand(v));
  }
  return out;
}

/**
 * The `docker run` (podman, nerdctl) lines of these scripts, Makefiles,
 * workflows and other command files; also `docker create` lines whose
 * container the file starts (`docker start NAME`), also those an ssh line
 * runs on another host. The image a line runs is linked to its build anywhere
 * in the repository (the linker's image index); the scripts its command runs
 * are followed through its -v mounts and the image's COPYs.
 */
export function runLineLaunches(project: Project, files: SourceFile[], linker: Linker): Launch[] {
  const out: Launch[] = [];
  for (const file of files) {
    const cf = commandFileOf(project, file);
    const commands = cf.commands.flatMap((c) => remoteCommands(c) ?? [c]);
    // `docker create` makes a container that runs only when `docker start` starts it; one that is created to copy
    // files out of an image (`docker create --name x img; docker cp x:/out .`) never runs its command.
    let started: Set<string> | undefined;
    const startedHere = (): Set<string> => (started ??= new Set(commands.flatMap((c) => startedNames(c.words, cf.expand) ?? [])));
    const anyStart = (): boolean => commands.some((c) => startedNames(c.words, cf.expand) !== undefined);
    for (const c of commands) {
      const words = c.words;
      let verb = 'run';
      let ri = runIndex(words, 'run', cf.expand);
      if (ri < 0 && file.text.includes('create')) {
        ri = runIndex(words, 'create', cf.expand);
        if (ri >= 0) {
          verb = 'create';
          const nameFlag = parseRunFlags(words, ri).flags.find((f) => f.name === '--name');
          if (nameFlag ? !startedHere().has(cf.expand(nameFlag.value)) : !anyStart()) continue;
        }
      }
      if (ri < 0) {
        const ei = runIndex(words, 'exec', cf.expand);
        const x = ei < 0 ? undefined : execLaunch(file, cf, words, ei);
        if (x) out.push(x);
        continue;
      }
      const launch = runLine(project, file, cf, linker, words, ri, verb);
      if (launch) out.push(launch);
    }
  }
  return out;
}

/** The launch of one `docker run` / `docker create` line, its flags from words[ri]. */
function runLine(project: Project, file: SourceFile, cf: CommandFile, linker: Linker, words: Word[], ri: number, verb: string): Launch | undefined {
  const fileDir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const { flags, next: i } = parseRunFlags(words, ri);
  const imageWord = words[i];
  if (!imageWord) return undefined;
  const cmdWords = words.slice(i + 1);
  const { val, userFlag, ports, launchFields } = runFlagSettings(file, flags, cf.expand);
  const entry = flags.find((f) => f.name === '--entrypoint');
  const workdirFlag = flags.find((f) => f.name === '-w' || f.name === '--workdir');
  // The build of the image it runs, anywhere in the repository.
  const linked = linkRunImage(linker, cf, imageWord.value, file);
  const facts = linked?.facts;
  const follow = followContext(project, { mounts: [...runMounts(flags, cf.expand, [fileDir, '']), ...(facts?.mounts ?? [])], workdir: (workdirFlag && cf.expand(workdirFlag.value)) || facts?.stage.workdir || '/' });
  // --entrypoint replaces the image's ENTRYPOINT and drops its CMD; the words after the image replace CMD.
  const entryCmd: CommandLike | undefined = entry?.valueWord ? { form: 'exec', words: [entry.valueWord], span: val(entry).span, facts: { tools: [], builds: [] } } : undefined;
  const argsCmd: CommandLike | undefined = cmdWords.length > 0 ? { form: 'exec', words: cmdWords, span: { file, start: cmdWords[0]!.start, end: cmdWords[cmdWords.length - 1]!.end }, facts: { tools: [], builds: [] } } : undefined;
  const run = entryCmd ?? argsCmd
    ? runFacts(entryCmd ?? facts?.stage.entrypoint, argsCmd ?? (entryCmd ? undefined : facts?.stage.cmd), follow)
    : facts ? runFacts(facts.stage.entrypoint, facts.stage.cmd, follow) : { tools: [], builds: [] };
  const runWord = words[ri - 1]!;
  const line = positionAt(file, runWord.start).line;
  return {
    id: `run:${file.path}:${line}`,
    kind: 'run',
    name: `${engineName(words, cf.expand)} ${verb} ${imageWord.value} (line ${line})`,
    anchor: { file, start: words[0]!.start, end: imageWord.end },
    file,
    image: { value: imageWord.value, span: wordSpan(file, imageWord) },
    ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
    ...(userFlag ? { user: val(userFlag) } : facts?.stage.user ? { user: facts.stage.user } : {}),
    ...launchFields,
    tools: [...imageTools(facts, !!(entryCmd ?? argsCmd), run, follow), ...run.tools],
    builds: [...(facts?.builds ?? []), ...run.builds],
    ports,
    ...(linked ? { linkNotes: linked.related } : {}),
    ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
    source: { kind: 'run', file, insertAt: runWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end })) },
  };
}

// ---------------------------------------------------------------------------
// docker compose exec SERVICE CMD…

/** Where a `docker compose …` / `docker-compose …` / `podman-compose …` subcommand starts, with the `-f` files given. */
function composeVerb(words: Word[], verb: string, expand?: (v: string) => string): { at: number; files: Word[] } | undefined {
  const e = engineAt(words, expand);
  if (!e) return undefined;
  const k = e.k;
  let j: number;
  if ((e.engine === 'docker-compose' || e.engine === 'podman-compose') && e.extra.length === 0) j = k + 1;
  else if ((e.engine === 'docker' || e.engine === 'podman') && e.extra.length === 1 && e.extra[0] === 'compose') j = k + 1;
  else if ((e.engine === 'docker' || e.engine === 'podman') && e.extra.length === 0 && words[k + 1]?.value === 'compose') j = k + 2;
  else return undefined;
  const files: Word[] = [];
  while (j < words.length && words[j]!.value.startsWith('-')) {
    const f = words[j]!.value;
    if (f === '-f' || f === '--file') { if (words[j + 1]) files.push(words[j + 1]!); j += 2; continue; }
    if (/^--file=/.test(f)) { files.push({ ...words[j]!, value: f.slice(7) }); j++; continue; }
    j += /^(-p|--project-name|--profile|--env-file|--project-directory|--ansi|--progress|--parallel)$/.test(f) ? 2 : 1;
  }
  return words[j]?.value === verb ? { at: j + 1, files } : undefined;
}

const COMPOSE_EXEC_VALUE_FLAGS = /^(-u|--user|-w|--workdir|-e|--env|--index)$/;

/**
 * `docker compose exec [flags] SERVICE CMD…` (also `docker-compose`, `podman-compose`) whose command runs a
 * debugger: the exec'd process runs in the service's container with the service's capabilities, so the
 * service is a debugging container (a Makefile's `debug:` target that execs `dlv attach` into it, the script
 * it runs first copied in with `docker compose cp ./delve.sh SERVICE:/tmp/delve.sh`). The service is the one
 * named; a service named only by a variable (`$(SERVICE)`) is each service of that Compose project that
 * publishes the port the exec'd dlv listens on. The Compose project is the `-f` file, else the files beside
 * the command file (its directory is where the command runs), else those of the repository root.
 */
export function composeExecTools(project: Project, files: readonly SourceFile[], compose: readonly Launch[]): void {
  if (compose.length === 0) return;
  for (const file of files) {
    if (!file.text.includes('exec')) continue;
    const cf = commandFileOf(project, file);
    const fileDir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
    // docker compose cp SRC SERVICE:DEST: the file is in the container where the exec'd command runs it.
    const copied = new Map<string, Mount[]>();
    for (const c of cf.commands) {
      const v = composeVerb(c.words, 'cp', cf.expand);
      if (!v) continue;
      const args = c.words.slice(v.at).filter((w) => !w.value.startsWith('-'));
      if (args.length !== 2) continue;
      const i = args[1]!.value.indexOf(':');
      if (i <= 0) continue;
      const m = bindMount(cf.expandFor(c, args[0]!.value), args[1]!.value.slice(i + 1), [fileDir, '']);
      if (!m) continue;
      const svc = args[1]!.value.slice(0, i);
      copied.set(svc, [...(copied.get(svc) ?? []), m]);
    }
    for (const c of cf.commands) {
      const v = composeVerb(c.words, 'exec', cf.expand);
      if (!v) continue;
      let i = v.at;
      while (i < c.words.length && c.words[i]!.value.startsWith('-')) i += COMPOSE_EXEC_VALUE_FLAGS.test(c.words[i]!.value) ? 2 : 1;
      const svcWord = c.words[i];
      const cmd = c.words.slice(i + 1);
      if (!svcWord || cmd.length === 0) continue;
      const follow = followContext(project, { mounts: copied.get(svcWord.value) ?? [], workdir: '/' });
      const facts = analyzeWords(file, cmd, undefined, follow);
      const tools = facts.tools.filter((t) => t.use === 'run' && t.mode !== 'post-mortem');
      if (tools.length === 0) continue;
      // The Compose project: the -f files, else the Compose files where the command runs, else the root's.
      const named = v.files.map((w) => repoJoin(fileDir, cf.expandFor(c, w.value))).filter((p): p is string => p !== undefined);
      const inDir = (d: string): Launch[] => compose.filter((l) => l.source.kind === 'compose' && (posix.dirname(l.file.path) === '.' ? '' : posix.dirname(l.file.path)) === d);
      const projectLaunches = named.length > 0 ? compose.filter((l) => named.includes(l.file.path)) : inDir(fileDir).length > 0 ? inDir(fileDir) : inDir('');
      const name = cf.expandFor(c, svcWord.value);
      const listens = new Set(tools.map((t) => t.dlv?.listen?.value.replace(/^.*:/, '')).filter((p): p is string => !!p && /^\d+$/.test(p)));
      // A name the file leaves empty (`SERVICE ?=`, given on the command line) is as unknown as a variable.
      const targets = name.includes('$') || name.trim() === ''
        ? projectLaunches.filter((l) => l.ports.some((p) => listens.has(p.containerPort)))
        : projectLaunches.filter((l) => l.source.kind === 'compose' && l.source.service.name === name);
      const line = positionAt(file, c.words[0]!.start).line;
      for (const l of targets) {
        l.tools.push(...tools);
        l.linkNotes = [...(l.linkNotes ?? []), { span: { file, start: c.words[0]!.start, end: cmd[cmd.length - 1]!.end }, message: `The debugger runs in this service through \`docker compose exec\` (${file.path}:${line}).` }];
      }
    }
  }
}

// ---------------------------------------------------------------------------
// docker compose run [flags] SERVICE [CMD…]

/**
 * `docker compose run [flags] SERVICE CMD…` (also `docker-compose`, `podman-compose`, an engine a Make variable
 * names) whose own command or `--entrypoint` runs a debugger: a launch of that Compose service as the line runs
 * it — the service's image, build, mounts, user, capabilities and security options, with the line's overrides:
 * its command replaces `command:`, `--entrypoint` the entrypoint, `--cap-add`/`--cap-drop` add to the service's,
 * `-u` is the user, `-p` publishes, and the service's `ports:` are published only with `--service-ports` (as
 * `compose run` does). A line that runs the service's own command is the service's launch already (no second
 * launch); a service named by a variable is not guessed. The line is the launch's anchor, and what it lacks is
 * added there (`--cap-add=SYS_PTRACE`, `-p 127.0.0.1:PORT:PORT`: the debug run is the line, and the service's
 * `up` need not change); settings written in the Compose file are reported there.
 */
export function composeRunLaunches(project: Project, files: readonly SourceFile[], compose: readonly Launch[], linker: Linker): Launch[] {
  const out: Launch[] = [];
  if (compose.length === 0) return out;
  for (const file of files) {
    if (!file.text.includes('run')) continue;
    const cf = commandFileOf(project, file);
    const fileDir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
    for (const c of cf.commands) {
      const v = composeVerb(c.words, 'run', cf.expand);
      if (!v) continue;
      const words = c.words;
      const { flags, next: i } = parseRunFlags(words, v.at);
      const svcWord = words[i];
      if (!svcWord) continue;
      const cmdWords = words.slice(i + 1);
      const entry = flags.find((f) => f.name === '--entrypoint');
      if (cmdWords.length === 0 && !entry) continue;
      const { val, userFlag, ports, launchFields } = runFlagSettings(file, flags, cf.expand);
      // Compose splits `--entrypoint "dlv --headless …"` into words (an exec-form entrypoint).
      const entryWords = entry?.valueWord ? splitWord(entry.valueWord).flatMap((x) => x.words) : [];
      const entryCmd: CommandLike | undefined = entryWords.length > 0 ? { form: 'exec', words: entryWords, span: val(entry!).span, facts: { tools: [], builds: [] } } : undefined;
      const argsCmd: CommandLike | undefined = cmdWords.length > 0 ? { form: 'exec', words: cmdWords, span: { file, start: cmdWords[0]!.start, end: cmdWords[cmdWords.length - 1]!.end }, facts: { tools: [], builds: [] } } : undefined;
      // Only a line whose own words run a debugger is a launch of its own.
      const own = analyzeWords(file, [...entryWords, ...cmdWords]);
      if (!own.tools.some((t) => t.use === 'run' && t.mode !== 'post-mortem')) continue;
      const name = cf.expandFor(c, svcWord.value);
      if (name.includes('$') || name.trim() === '') continue;
      const named = v.files.map((w) => repoJoin(fileDir, cf.expandFor(c, w.value))).filter((p): p is string => p !== undefined);
      const inDir = (d: string): Launch[] => compose.filter((l) => l.source.kind === 'compose' && (posix.dirname(l.file.path) === '.' ? '' : posix.dirname(l.file.path)) === d);
      const projectLaunches = named.length > 0 ? compose.filter((l) => named.includes(l.file.path)) : inDir(fileDir).length > 0 ? inDir(fileDir) : inDir('');
      const base = projectLaunches.find((l) => l.source.kind === 'compose' && l.source.service.name === name);
      if (!base || base.source.kind !== 'compose') continue;
      const svc = base.source.service;
      const runAs = composeLaunch(project, svc, linker, { ...(argsCmd ? { command: argsCmd } : {}), ...(entryCmd ? { entrypoint: entryCmd } : {}) });
      const runWord = words[v.at - 1]!;
      const line = positionAt(file, runWord.start).line;
      const capAdd = [...runAs.capAdd, ...launchFields.capAdd];
      const capDrop = [...runAs.capDrop, ...launchFields.capDrop];
      const servicePorts = flags.some((f) => f.name === '--service-ports');
      const composeHead = engineName(words, cf.expand).endsWith('-compose') ? engineName(words, cf.expand) : `${engineName(words, cf.expand)} compose`;
      out.push({
        ...runAs,
        id: `compose-run:${file.path}:${line}`,
        kind: 'run',
        name: `${composeHead} run ${svcWord.value} (line ${line})`,
        anchor: { file, start: words[0]!.start, end: svcWord.end },
        file,
        ...(userFlag ? { user: val(userFlag) } : {}),
        capAdd,
        capDrop,
        hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, runAs.privileged?.value === true),
        // A service that is a debugging container itself reports its missing grant at its key, and the fix there
        // (cap_add on the service) reaches this line too: PTD001/PTD005 are left to it, not said twice, unless
        // the line attaches (an error) where the service only launches or installs (a warning or a note).
        ...(isDebuggingContainer(base) && (attachUses(base).length > 0 || !own.tools.some((t) => t.use === 'run' && t.mode === 'attach')) ? { capsUnknown: true } : {}),
        ports: [...(servicePorts ? runAs.ports : []), ...ports],
        linkNotes: [...(runAs.linkNotes ?? []), { span: base.anchor, message: `\`${composeHead} run\` runs the Compose service "${svc.name}" (${base.file.path}) with the line's command and options.` }],
        source: { kind: 'run', file, insertAt: runWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end })), compose: base.source },
      });
    }
  }
  return out;
}
