/**
 * `kubectl debug` commands in scripts, Makefiles, justfiles and the other
 * command files: an ephemeral debug container (or a `--copy-to` copy of the
 * pod) that runs `dlv attach`, `strace -p`, `gdb -p` or a debugger image.
 *
 * Whether that container gets SYS_PTRACE is the `--profile` (kubectl
 * pkg/cmd/debug, profiles.go; checked in kubectl's source, see
 * docs/linking.md): `general` and `sysadmin` add it (sysadmin: privileged);
 * `legacy` leaves the security context unset, `baseline` and `restricted`
 * and `netadmin` give no SYS_PTRACE. Without `--profile`, kubectl up to 1.35
 * uses `legacy` (1.32–1.35 print a deprecation warning); from 1.36 the default
 * is `general`. A `--custom` spec in the repository that adds the capability
 * (or privileged) grants it too.
 */
import { posix } from 'node:path';
import type { SimpleCommand, Word } from '../parse/shell.js';
import { analyzeWords, wordSpan, type ToolUse } from './commands.js';
import type { CommandFlag, Launch } from './launch.js';
import type { Project } from './project.js';
import type { SourceFile, Span, Valued } from '../types.js';
import { positionAt } from '../source.js';
import { repoJoin } from './scripts.js';
import { parseJsoncFile, findNodeAtLocation, parseTree } from '../parse/jsonc-lib.js';
import { hasCapability } from './caps.js';

/** Profiles whose debug container gets CAP_SYS_PTRACE. */
export const PTRACE_PROFILES = new Set(['general', 'sysadmin']);

const VALUE_FLAGS = new Set(['--image', '--target', '--copy-to', '--profile', '--custom', '--container', '-c', '--env', '--image-pull-policy', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--set-image', '--attach', '-f', '--filename', '--arguments-only', '--keep-annotations', '--keep-init-containers', '--keep-labels', '--keep-liveness', '--keep-readiness', '--keep-startup', '-l', '--selector']);
const DEBUGGER_IMAGE = /(^|[/_.-])(delve|dlv|strace|gdb|gdbserver|lldb|lldb-server|ltrace|py-spy)([/_.:@-]|$)/i;

function basename(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}

interface Flag extends CommandFlag {
  word: Word;
  valueWord?: Word;
}

/** SYS_PTRACE (or privileged) in a `--custom` partial container spec of the repository (JSON; YAML from kubectl 1.31). */
function customGrants(project: Project, file: SourceFile, path: string, yamlText: (f: SourceFile) => unknown): boolean {
  for (const base of [posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path), '']) {
    const rel = repoJoin(base, path);
    if (rel === undefined) continue;
    const f = project.file(rel, 'kubernetes', { quiet: true });
    if (!f) continue;

    const root = f.text.trimStart().startsWith('{') ? parseJsoncFile(f) : undefined;
    if (root) {
      const add = findNodeAtLocation(root, ['securityContext', 'capabilities', 'add']);
      const priv = findNodeAtLocation(root, ['securityContext', 'privileged']);
      if (priv?.value === true) return true;
      return (add?.children ?? []).some((c) => /^(CAP_)?SYS_PTRACE$|^ALL$/i.test(String(c.value)));
    }
    const spec = yamlText(f);
    const sc = (spec as { securityContext?: { privileged?: unknown; capabilities?: { add?: unknown[] } } } | undefined)?.securityContext;
    if (sc?.privileged === true) return true;
    return (sc?.capabilities?.add ?? []).some((c) => /^(CAP_)?SYS_PTRACE$|^ALL$/i.test(String(c)));
  }
  return false;
}

/** Shells a debug container is started in to work interactively. */
const INTERACTIVE_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/**
 * Where a kubectl (or oc) command line's verb is: after `VAR=v`, `sudo` and `exec` in front, and kubectl's global
 * flags before the verb (`-n ns`, `--context x`). k is the kubectl word, j the verb; undefined for other commands.
 */
function kubectlVerb(words: Word[]): { k: number; j: number } | undefined {
  let k = 0;
  while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'sudo' || words[k]!.value === 'exec')) k++;
  const head = basename(words[k]?.value ?? '');
  if (head !== 'kubectl' && head !== 'oc' && head !== 'kubectl.exe') return undefined;
  let j = k + 1;
  while (j < words.length && words[j]!.value.startsWith('-')) j += VALUE_FLAGS.has(words[j]!.value) ? 2 : 1;
  return { k, j };
}

/** The `kubectl debug` commands of a file's commands, as launches of their debug containers. */
export function kubectlDebugLaunches(project: Project, file: SourceFile, commands: SimpleCommand[], expand: (v: string) => string, yamlValue: (f: SourceFile) => unknown): Launch[] {
  const out: Launch[] = [];
  for (const c of commands) {
    const words = c.words;
    const at = kubectlVerb(words);
    if (!at) continue;
    const { k } = at;
    let { j } = at;
    // `kubectl alpha debug` before kubectl 1.20.
    if (words[j]?.value === 'alpha' && words[j + 1]?.value === 'debug') j++;
    if (words[j]?.value !== 'debug') continue;
    const debugWord = words[j]!;
    const flags: Flag[] = [];
    let target: Word | undefined;
    let i = j + 1;
    for (; i < words.length; i++) {
      const w = words[i]!;
      const v = w.value;
      if (v === '--') { i++; break; }
      if (v.startsWith('-')) {
        const eq = v.indexOf('=');
        if (eq > 0) {
          flags.push({ name: v.slice(0, eq), value: v.slice(eq + 1), start: w.start, end: w.end, valueStart: w.map[eq + 1] ?? w.start, word: w, valueWord: w });
          continue;
        }
        if (VALUE_FLAGS.has(v) && words[i + 1]) {
          const vw = words[i + 1]!;
          flags.push({ name: v, value: vw.value, start: w.start, end: vw.end, valueStart: vw.start, word: w, valueWord: vw });
          i++;
          continue;
        }
        flags.push({ name: v, value: '', start: w.start, end: w.end, word: w });
        continue;
      }
      target ??= w;
    }
    if (!target || /^node\//.test(target.value) || target.value === 'node') continue;
    const cmdWords = words.slice(i);
    const image = flags.find((f) => f.name === '--image');
    const profile = flags.find((f) => f.name === '--profile');
    const custom = flags.find((f) => f.name === '--custom');
    const attachesTarget = flags.some((f) => f.name === '--target' || f.name === '--copy-to' || f.name === '--share-processes');
    const facts = cmdWords.length > 0 ? analyzeWords(file, cmdWords) : { tools: [], builds: [] };
    const tools: ToolUse[] = [...facts.tools];
    if (image && DEBUGGER_IMAGE.test(expand(image.value)) && tools.length === 0) {
      const m = DEBUGGER_IMAGE.exec(expand(image.value))!;
      const tool = (m[2]!.toLowerCase() === 'delve' ? 'dlv' : m[2]!.toLowerCase()) as ToolUse['tool'];
      // A debugger image next to the pod's processes (--target, --copy-to): it is there to attach.
      tools.push(attachesTarget ? { tool, use: 'run', mode: 'attach', span: wordSpan(file, image.valueWord ?? image.word), words: [image.valueWord ?? image.word] } : { tool, use: 'install', span: wordSpan(file, image.valueWord ?? image.word), words: [] });
    }
    // A command of its own that runs no debugger (`-- sh -c 'kill -USR2 1'` to make the process dump its state):
    // sharing the target's processes is then not for tracing them. An interactive shell (`-- sh`, `-- bash`) is
    // where someone will run the debugger, and stays a debugging container.
    const interactiveShell = cmdWords.length === 1 && INTERACTIVE_SHELLS.has(basename(cmdWords[0]!.value));
    const debugsNothing = cmdWords.length > 0 && tools.length === 0 && !interactiveShell;
    const profileValue = profile ? expand(profile.value) : undefined;
    const granted = (profileValue !== undefined && PTRACE_PROFILES.has(profileValue)) || (custom ? customGrants(project, file, expand(custom.value), yamlValue) : false);
    const line = positionAt(file, words[k]!.start).line;
    const profileSpan = profile ? { file, start: profile.valueStart ?? profile.start, end: profile.end } : undefined;
    const capAdd: Valued<string>[] = granted ? [{ value: 'SYS_PTRACE', span: profileSpan ?? wordSpan(file, custom!.word) }] : [];
    out.push({
      id: `kubectl-debug:${file.path}:${line}`,
      kind: 'kubectl-debug',
      name: `kubectl debug ${target.value} (line ${line})`,
      anchor: { file, start: words[k]!.start, end: target.end },
      file,
      ...(image ? { image: { value: expand(image.value), span: wordSpan(file, image.valueWord ?? image.word) } } : {}),
      capAdd,
      capDrop: [],
      ...(profileValue === 'sysadmin' && profileSpan ? { privileged: { value: true, span: profileSpan } } : {}),
      securityOpt: [],
      hasPtrace: granted,
      tools,
      builds: facts.builds,
      ports: [],
      ...(attachesTarget && !debugsNothing ? { sharedPid: { value: 'target', span: wordSpan(file, (flags.find((f) => f.name === '--target' || f.name === '--copy-to' || f.name === '--share-processes')!).word) } } : {}),
      ...(profileValue !== undefined && profileSpan ? { debugProfile: { value: profileValue, span: profileSpan } } : {}),
      source: { kind: 'kubectl-debug', file, insertAt: debugWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end, ...(f.valueStart !== undefined ? { valueStart: f.valueStart } : {}) })) },
    });
  }
  return out;
}

/**
 * `kubectl exec TARGET [-c CONTAINER] -- <debugger>`: a debugger run inside a running container. exec starts no
 * container and cannot add a capability: the target container's own securityContext decides whether `dlv attach`
 * or `strace -p` may trace. When the target names a workload of the repository — `deploy/NAME`, `sts/NAME`,
 * `ds/NAME`, `pod/NAME` or a bare pod name, or a pod found by label (`$(kubectl get pods -l app=x -o name)`) —
 * the debugger is evidence on that container's own launch (the first container, or `-c`).
 */
export interface KubectlExec {
  /** Workload kind and name; or the labels a `kubectl get pods -l` selects by. */
  kind?: string;
  name?: string;
  labels?: Map<string, string>;
  container?: string;
  tools: ToolUse[];
  span: { file: SourceFile; start: number; end: number };
}

const EXEC_VALUE_FLAGS = new Set(['-c', '--container', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--pod-running-timeout', '-f', '--filename', '--request-timeout', '--as', '--token']);
const KINDS: Record<string, string> = { deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment', sts: 'StatefulSet', statefulset: 'StatefulSet', statefulsets: 'StatefulSet', ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet', rs: 'ReplicaSet', replicaset: 'ReplicaSet', job: 'Job', jobs: 'Job', po: 'Pod', pod: 'Pod', pods: 'Pod' };

/** The labels of `kubectl get pod(s) … -l k=v[,k2=v2]` (a `$(…)` that names the pod to exec into). */
function selectorOf(text: string): Map<string, string> | undefined {
  if (!/kubectl\s+(?:[^$()]*\s)?get\s+(?:pods?|po)\b/.test(text)) return undefined;
  const m = /(?:-l|--selector)[=\s]+["']?([A-Za-z0-9_./-]+=[A-Za-z0-9_.-]+(?:,[A-Za-z0-9_./-]+=[A-Za-z0-9_.-]+)*)/.exec(text);
  if (!m) return undefined;
  return new Map(m[1]!.split(',').map((kv) => kv.split('=') as [string, string]));
}

export function kubectlExecs(file: SourceFile, commands: SimpleCommand[], expand: (v: string) => string): KubectlExec[] {
  const out: KubectlExec[] = [];
  for (const c of commands) {
    const words = c.words;
    const at = kubectlVerb(words);
    if (!at || words[at.j]?.value !== 'exec') continue;
    const { k, j } = at;
    let container: string | undefined;
    let target: string | undefined;
    let i = j + 1;
    for (; i < words.length; i++) {
      const v = words[i]!.value;
      if (v === '--') { i++; break; }
      if (v.startsWith('-')) {
        const eq = v.indexOf('=');
        const name = eq > 0 ? v.slice(0, eq) : v;
        const value = eq > 0 ? v.slice(eq + 1) : EXEC_VALUE_FLAGS.has(v) ? words[++i]?.value : undefined;
        if ((name === '-c' || name === '--container') && value !== undefined) container = expand(value);
        continue;
      }
      if (target === undefined) { target = expand(v); continue; }
      // The old form without `--`: the command follows the pod.
      break;
    }
    if (target === undefined) continue;
    const cmd = words.slice(i);
    if (cmd.length === 0) continue;
    const tools = analyzeWords(file, cmd).tools.filter((t) => t.use === 'run' && t.mode !== 'post-mortem');
    if (tools.length === 0) continue;
    const span = { file, start: words[k]!.start, end: words[Math.max(i - 1, k)]!.end };
    const labels = selectorOf(target);
    if (labels) { out.push({ labels, ...(container ? { container } : {}), tools, span }); continue; }
    if (target.includes('$') || target.includes('`')) continue;
    const slash = target.indexOf('/');
    const kind = slash < 0 ? 'Pod' : KINDS[target.slice(0, slash).toLowerCase().replace(/\.apps$|\.batch$/, '')];
    const name = slash < 0 ? target : target.slice(slash + 1);
    if (!kind || !name) continue;
    out.push({ kind, name, ...(container ? { container } : {}), tools, span });
  }
  return out;
}

/**
 * Give each resolved `kubectl exec` debugger to the container it runs in: its tools join the container's own
 * (spans in the script), with a note saying that the container's manifest decides its capabilities.
 */
export function attachExecs(execs: KubectlExec[], launches: Launch[], labels: Map<string, Map<string, string>>): void {
  for (const e of execs) {
    const workloads = new Map<string, Launch[]>();
    for (const l of launches) {
      if (l.kind !== 'kubernetes') continue;
      const m = /^([A-Za-z]+)\/(.*) container (.*)$/.exec(l.name);
      if (!m) continue;
      const [, kind, name] = m;
      let hit: boolean;
      if (e.labels) {
        const have = labels.get(l.id);
        hit = have !== undefined && [...e.labels].every(([k2, v]) => have.get(k2) === v);
      } else hit = kind === e.kind && name === e.name;
      if (!hit) continue;
      const key = `${l.file.path}#${kind}/${name}`;
      workloads.set(key, [...(workloads.get(key) ?? []), l]);
    }
    for (const ls of workloads.values()) {
      // Without -c, the first container (launches keep the order of `containers`, before `initContainers`).
      const l = e.container ? ls.find((x) => x.name.endsWith(` container ${e.container}`)) : ls[0];
      if (!l) continue;
      l.tools = [...l.tools, ...e.tools];
      l.linkNotes = [...(l.linkNotes ?? []), { span: e.span, message: 'This `kubectl exec` runs the debugger inside the running container: exec cannot add a capability, so what the container may trace is set by its own manifest.' }];
    }
  }
}


/**
 * `kubectl run NAME --image=IMG [--privileged] [--overrides='{json}' [--override-type=merge|strategic]] [--command] -- CMD…`
 * in a script or Makefile: a pod of one container named NAME (kubectl pkg/cmd/run): the words after `--` are its args
 * (its command with `--command`), `--privileged` (kubectl 1.19+) its securityContext. `--overrides` is a JSON merge
 * patch of the generated pod by default (RFC 7396: a `spec.containers` list replaces the generated one whole), a
 * strategic merge patch with `--override-type=strategic` (containers merge by name); read with jsonc-parser: the
 * first container's image, command, args and securityContext (`capabilities.add/drop`, `privileged`, `runAsUser`,
 * `runAsNonRoot`), the pod's `securityContext.runAsUser` and `hostPID`. A JSON 6902 override, or one that does
 * not parse, leaves the capabilities unknown. A launch of kind `kubernetes` (a pod, reached by port-forward) with
 * no automatic fix.
 */
const RUN_VALUE_FLAGS = new Set(['--image', '--overrides', '--override-type', '--env', '--port', '-l', '--labels', '--restart', '--image-pull-policy', '--annotations', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--pod-running-timeout', '-o', '--output', '--field-manager', '--timeout', '--grace-period', '--cascade', '-f', '--filename', '--template', '--detach-keys', '--serviceaccount', '--as', '--token', '--request-timeout']);

type JNode = NonNullable<ReturnType<typeof findNodeAtLocation>>;

export function kubectlRunLaunches(file: SourceFile, commands: SimpleCommand[], expand: (v: string) => string): Launch[] {
  const out: Launch[] = [];
  for (const c of commands) {
    const words = c.words;
    const at = kubectlVerb(words);
    if (!at || words[at.j]?.value !== 'run') continue;
    const { k, j } = at;
    const flags = new Map<string, { value: string; word: Word; valueWord: Word; offset: number }>();
    let name: Word | undefined;
    let i = j + 1;
    for (; i < words.length; i++) {
      const w = words[i]!;
      const v = w.value;
      if (v === '--') { i++; break; }
      if (v.startsWith('-')) {
        const eq = v.indexOf('=');
        if (eq > 0) { flags.set(v.slice(0, eq), { value: v.slice(eq + 1), word: w, valueWord: w, offset: eq + 1 }); continue; }
        if (RUN_VALUE_FLAGS.has(v) && words[i + 1]) { flags.set(v, { value: words[i + 1]!.value, word: w, valueWord: words[i + 1]!, offset: 0 }); i++; continue; }
        flags.set(v, { value: '', word: w, valueWord: w, offset: v.length });
        continue;
      }
      if (!name) { name = w; continue; }
      // kubectl's old form without `--`: what follows the name is the command.
      break;
    }
    if (!name || name.value.includes('$')) continue;
    const image = flags.get('--image');
    const cname = expand(name.value);
    let cmdWords = words.slice(i);
    const priv = flags.get('--privileged');
    let privileged: Valued<boolean> | undefined = priv && priv.value !== 'false' ? { value: true, span: wordSpan(file, priv.word) } : undefined;
    let capAdd: Valued<string>[] = [];
    let capDrop: Valued<string>[] = [];
    let user: Valued<string> | undefined;
    let capsUnknown = false;
    let hostPid: Span | undefined;
    let imageValue = image ? { value: expand(image.value), span: wordSpan(file, image.valueWord) } : undefined;
    let overrideCmd: Word[] | undefined;
    const ov = flags.get('--overrides');
    if (ov) {
      const type = flags.get('--override-type')?.value ?? 'merge';
      const w = ov.valueWord;
      // Offsets in the JSON text are offsets in the word's value; its map gives the file offset of each.
      const spanOf = (n: JNode): Span => {
        const s = w.map[ov.offset + n.offset] ?? w.start;
        const e = w.map[Math.min(ov.offset + n.offset + n.length, w.value.length) - 1];
        return { file, start: s, end: e !== undefined ? e + 1 : w.end };
      };
      let root: JNode | undefined;
      try {
        root = type === 'json' ? undefined : parseTree(ov.value, [], { allowTrailingComma: false }) ?? undefined;
      } catch {
        root = undefined;
      }
      if (!root || root.type !== 'object') capsUnknown = true;
      else {
        const containers = findNodeAtLocation(root, ['spec', 'containers']);
        const list = containers?.type === 'array' ? containers.children ?? [] : [];
        // Merge: the list replaces the generated containers (the first is the one that runs); strategic: by name.
        const own = type === 'strategic' ? list.find((x) => findNodeAtLocation(x, ['name'])?.value === cname) : list[0];
        if (type === 'merge' && list.length > 0) privileged = undefined;
        if (own) {
          const img = findNodeAtLocation(own, ['image']);
          if (typeof img?.value === 'string') imageValue = { value: img.value, span: spanOf(img) };
          const strings = (p: string): Word[] | undefined => {
            const n = findNodeAtLocation(own, [p]);
            if (n?.type !== 'array') return undefined;
            return (n.children ?? []).filter((x) => typeof x.value === 'string').map((x) => {
              const sp = spanOf(x);
              return { value: String(x.value), start: sp.start, end: sp.end, quoted: true, map: Array.from({ length: String(x.value).length }, () => sp.start) };
            });
          };
          const cmd = strings('command');
          const args = strings('args');
          if (cmd || args) overrideCmd = [...(cmd ?? []), ...(args ?? (cmd ? [] : cmdWords))];
          const p = findNodeAtLocation(own, ['securityContext', 'privileged']);
          if (typeof p?.value === 'boolean') privileged = { value: p.value, span: spanOf(p) };
          const caps = (key: string): Valued<string>[] => (findNodeAtLocation(own, ['securityContext', 'capabilities', key])?.children ?? []).filter((x) => typeof x.value === 'string').map((x) => ({ value: String(x.value), span: spanOf(x) }));
          capAdd = caps('add');
          capDrop = caps('drop');
          const u = findNodeAtLocation(own, ['securityContext', 'runAsUser']);
          if (typeof u?.value === 'number') user = { value: String(u.value), span: spanOf(u) };
        }
        const pu = findNodeAtLocation(root, ['spec', 'securityContext', 'runAsUser']);
        if (!user && typeof pu?.value === 'number') user = { value: String(pu.value), span: spanOf(pu) };
        const hp = findNodeAtLocation(root, ['spec', 'hostPID']);
        if (hp?.value === true) hostPid = spanOf(hp);
      }
    }
    // With `--command` the words are the container's command, else its args (the image's ENTRYPOINT runs them): a
    // debugger word is what runs either way, as far as the repository can tell.
    if (overrideCmd) cmdWords = overrideCmd;
    const facts = cmdWords.length > 0 ? analyzeWords(file, cmdWords) : { tools: [], builds: [] };
    if (image && DEBUGGER_IMAGE.test(expand(image.value)) && facts.tools.length === 0) {
      const m = DEBUGGER_IMAGE.exec(expand(image.value))!;
      const tool = (m[2]!.toLowerCase() === 'delve' ? 'dlv' : m[2]!.toLowerCase()) as ToolUse['tool'];
      facts.tools.push({ tool, use: 'install', span: wordSpan(file, image.valueWord), words: [] });
    }
    const line = positionAt(file, words[k]!.start).line;
    out.push({
      id: `kubectl-run:${file.path}:${line}`,
      kind: 'kubernetes',
      name: `Pod/${cname} container ${cname} (kubectl run, line ${line})`,
      anchor: { file, start: words[k]!.start, end: name.end },
      file,
      ...(imageValue ? { image: imageValue } : {}),
      capAdd,
      capDrop,
      ...(privileged ? { privileged } : {}),
      securityOpt: [],
      hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
      ...(capsUnknown ? { capsUnknown: true } : {}),
      ...(user ? { user } : {}),
      tools: facts.tools,
      builds: facts.builds,
      ports: [],
      ...(hostPid ? { sharedPid: { value: 'host', span: hostPid } } : {}),
      source: { kind: 'exec' },
    });
  }
  return out;
}
