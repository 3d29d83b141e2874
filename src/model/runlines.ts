/**
 * `docker run`, `docker container run`, `podman run` and `nerdctl run` lines
 * in shell scripts, Makefile recipes and workflow `run:` blocks.
 */
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isScalar, isMap, isSeq } from '../parse/yaml-lib.js';
import { splitShell, type SimpleCommand, type Word } from '../parse/shell.js';
import { deref, scalarWord, type YamlFile } from '../parse/yaml.js';
import { analyzeWords, wordSpan } from './commands.js';
import { hasCapability } from './caps.js';
import { parseShortPort } from './compose.js';
import { imageFacts, relativeTo, type Project } from './project.js';
import type { Launch, PortMapping } from './launch.js';
import type { SourceFile, Valued } from '../types.js';
import { positionAt } from '../source.js';
import type { Relevance } from './relevance.js';

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

interface Flag { name: string; value: string; start: number; end: number; valueWord?: Word; valueFrom: number }

function splitRecipeLines(file: SourceFile): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const text = file.text;
  let i = 0;
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (text[i] === '\t') {
      // A recipe line, with its continuations.
      let s = i + 1;
      while (s < end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' ')) s++;
      let e = end;
      while (e > s && text[e - 1] === '\r') e--;
      let next = lineEnd < 0 ? text.length : lineEnd + 1;
      while (text[e - 1] === '\\' && next < text.length) {
        const le = text.indexOf('\n', next);
        e = le < 0 ? text.length : le;
        next = le < 0 ? text.length : le + 1;
      }
      out.push(...splitShell(text.slice(s, e), { base: s, make: true }));
      i = next;
      continue;
    }
    i = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return out;
}

function workflowCommands(project: Project, file: SourceFile): SimpleCommand[] {
  const y = project.yaml(file);
  if (!y) return [];
  const out: SimpleCommand[] = [];
  const visit = (n: unknown, depth: number): void => {
    if (depth > 40 || !n) return;
    const d = deref(y as YamlFile, n);
    if (!d) return;
    if (isMap(d)) {
      for (const p of (d as YAMLMap).items) {
        const k = isScalar(p.key) ? String((p.key as Scalar).value) : '';
        const v = deref(y, p.value);
        if (k === 'run' && v && isScalar(v)) {
          const w = scalarWord(file, v as Scalar);
          out.push(...splitShell(w.value, { map: w.map }));
        } else visit(v, depth + 1);
      }
    } else if (isSeq(d)) for (const i of (d as YAMLSeq).items) visit(i, depth + 1);
  };
  for (const doc of y.docs) visit(doc.contents as Node, 0);
  return out;
}

export function commandsOf(project: Project, file: SourceFile): SimpleCommand[] {
  if (file.kind === 'shell') return splitShell(file.text);
  if (file.kind === 'makefile') return splitRecipeLines(file);
  if (file.kind === 'workflow') return workflowCommands(project, file);
  return [];
}

function basename(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}

/** Index of the word after `docker run` / `docker container run` / `podman run`, or -1. */
function runIndex(words: Word[]): number {
  let k = 0;
  while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'sudo' || words[k]!.value === 'exec')) k++;
  const head = basename(words[k]?.value ?? '');
  if (!['docker', 'podman', 'nerdctl'].includes(head)) return -1;
  let j = k + 1;
  // Global flags such as --context x or -H host.
  while (j < words.length && words[j]!.value.startsWith('-')) j += /^(--context|-c|-H|--host|--config|--log-level|--url|--connection)$/.test(words[j]!.value) ? 2 : 1;
  if (words[j]?.value === 'run') return j + 1;
  if (words[j]?.value === 'container' && words[j + 1]?.value === 'run') return j + 2;
  return -1;
}

function buildTags(commands: SimpleCommand[]): Map<string, { dockerfile: string; context: string; target?: string }> {
  const out = new Map<string, { dockerfile: string; context: string; target?: string }>();
  for (const c of commands) {
    const w = c.words.map((x) => x.value);
    const k = w.findIndex((v) => ['docker', 'podman', 'nerdctl'].includes(basename(v)));
    if (k < 0) continue;
    const rest = w.slice(k + 1);
    const bi = rest[0] === 'build' ? 1 : rest[0] === 'buildx' && rest[1] === 'build' ? 2 : rest[0] === 'image' && rest[1] === 'build' ? 2 : -1;
    if (bi < 0) continue;
    const tags: string[] = [];
    let dockerfile: string | undefined;
    let target: string | undefined;
    let context: string | undefined;
    for (let i = bi; i < rest.length; i++) {
      const v = rest[i]!;
      const take = (): string => rest[++i] ?? '';
      if (v === '-t' || v === '--tag') tags.push(take());
      else if (v.startsWith('--tag=')) tags.push(v.slice(6));
      else if (v === '-f' || v === '--file') dockerfile = take();
      else if (v.startsWith('--file=')) dockerfile = v.slice(7);
      else if (v === '--target') target = take();
      else if (v.startsWith('--target=')) target = v.slice(9);
      else if (/^--(build-arg|label|platform|cache-from|cache-to|secret|ssh|network|output|progress|add-host|iidfile|builder)$/.test(v) || v === '-o') take();
      else if (!v.startsWith('-')) context = v;
    }
    const ctx = context ?? '.';
    for (const t of tags) out.set(t, { dockerfile: dockerfile ?? `${ctx.replace(/\/$/, '')}/Dockerfile`, context: ctx, ...(target ? { target } : {}) });
  }
  return out;
}

/** The `docker run` (podman, nerdctl) lines of these scripts, Makefiles and workflows. */
/** With `relevance`, a Dockerfile a line builds is parsed only when the launch may matter (as in composeLaunch). */
export function runLineLaunches(project: Project, files: SourceFile[], relevance?: Relevance): Launch[] {
  const out: Launch[] = [];
  for (const file of files) {
    const commands = commandsOf(project, file);
    const tags = buildTags(commands);
    for (const c of commands) {
      const words = c.words;
      const ri = runIndex(words);
      if (ri < 0) continue;
      const flags: Flag[] = [];
      let i = ri;
      for (; i < words.length; i++) {
        const w = words[i]!;
        const v = w.value;
        if (v === '--') { i++; break; }
        if (!v.startsWith('-') || v === '-') break;
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
      const imageWord = words[i];
      if (!imageWord) continue;
      const cmdWords = words.slice(i + 1);
      const val = (f: Flag): Valued<string> => ({ value: f.value, span: f.valueWord ? { file, start: f.valueWord.map[f.valueFrom] ?? f.valueWord.start, end: f.valueWord.end } : { file, start: f.start, end: f.end } });
      const capAdd = flags.filter((f) => f.name === '--cap-add').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
      const capDrop = flags.filter((f) => f.name === '--cap-drop').flatMap((f) => f.value.split(',').map((v) => ({ value: v, span: val(f).span })));
      const securityOpt = flags.filter((f) => f.name === '--security-opt').map(val);
      const privFlag = flags.find((f) => f.name === '--privileged' && f.value !== 'false');
      const privileged = privFlag ? { value: true, span: { file, start: privFlag.start, end: privFlag.end } } : undefined;
      const userFlag = flags.find((f) => f.name === '-u' || f.name === '--user');
      const netFlag = flags.find((f) => (f.name === '--network' || f.name === '--net') && f.value === 'host');
      const sharedNet = flags.find((f) => (f.name === '--network' || f.name === '--net') && /^container:/.test(f.value));
      const publishAll = flags.find((f) => f.name === '-P' || f.name === '--publish-all' || (!f.name.startsWith('--') && /^-[a-zA-Z]*P[a-zA-Z]*$/.test(f.name)));
      const ports: PortMapping[] = flags.filter((f) => f.name === '-p' || f.name === '--publish').map((f) => parseShortPort(f.value, val(f).span)).filter((p): p is PortMapping => !!p);
      const entry = flags.find((f) => f.name === '--entrypoint');
      // Link to a Dockerfile built with the same tag in this file.
      const tag = tags.get(imageWord.value);
      const dfPath = tag ? relativeTo(file.path, tag.dockerfile) : undefined;
      const doc = dfPath && (!relevance || relevance.launchMayMatter([file], () => project.file(dfPath, 'dockerfile'))) ? project.dockerfile(dfPath) : undefined;
      const facts = doc ? imageFacts(doc, tag?.target) : undefined;
      const run = cmdWords.length > 0 || entry
        ? analyzeWords(file, [...(entry?.valueWord ? [entry.valueWord] : []), ...cmdWords])
        : { tools: [], builds: [] };
      let defaultRun = { tools: [] as typeof run.tools, builds: [] as typeof run.builds };
      if (facts && cmdWords.length === 0 && !entry) {
        for (const cmd of [facts.stage.entrypoint, facts.stage.cmd]) if (cmd) { defaultRun.tools.push(...cmd.facts.tools); defaultRun.builds.push(...cmd.facts.builds); }
      } else defaultRun = { tools: [], builds: [] };
      const runWord = words[ri - 1]!;
      const line = positionAt(file, runWord.start).line;
      const launch: Launch = {
        id: `run:${file.path}:${line}`,
        kind: 'run',
        name: `${basename(words.find((w) => ['docker', 'podman', 'nerdctl'].includes(basename(w.value)))!.value)} run ${imageWord.value} (line ${line})`,
        anchor: { file, start: words[0]!.start, end: imageWord.end },
        file,
        image: { value: imageWord.value, span: wordSpan(file, imageWord) },
        ...(facts ? { dockerfile: facts.dockerfile, stage: facts.stage } : {}),
        ...(userFlag ? { user: val(userFlag) } : facts?.stage.user ? { user: facts.stage.user } : {}),
        capAdd,
        capDrop,
        ...(privileged ? { privileged } : {}),
        securityOpt,
        hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, !!privileged),
        tools: [...(facts?.tools ?? []), ...defaultRun.tools, ...run.tools],
        builds: [...(facts?.builds ?? []), ...defaultRun.builds, ...run.builds],
        ports,
        ...(netFlag ? { hostNetwork: { file, start: netFlag.start, end: netFlag.end } } : {}),
        ...(sharedNet ? { sharedNetwork: val(sharedNet) } : {}),
        ...(facts?.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
        ...(publishAll ? { publishAll: { file, start: publishAll.start, end: publishAll.end } } : {}),
        source: { kind: 'run', file, insertAt: runWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end })) },
      };
      out.push(launch);
    }
  }
  return out;
}
