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
import type { SourceFile, Valued } from '../types.js';
import { positionAt } from '../source.js';
import { repoJoin } from './scripts.js';
import { parseJsoncFile, findNodeAtLocation } from '../parse/jsonc-lib.js';

/** Profiles whose debug container gets CAP_SYS_PTRACE. */
export const PTRACE_PROFILES = new Set(['general', 'sysadmin']);

const VALUE_FLAGS = new Set(['--image', '--target', '--copy-to', '--profile', '--custom', '--container', '-c', '--env', '--image-pull-policy', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--set-image', '--attach', '-f', '--filename', '--arguments-only', '--keep-annotations', '--keep-init-containers', '--keep-labels', '--keep-liveness', '--keep-readiness', '--keep-startup', '-l', '--selector']);
const DEBUGGER_IMAGE = /(^|[/_.-])(delve|dlv|strace|gdb|ltrace|py-spy)([/_.:@-]|$)/i;

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

/** The `kubectl debug` commands of a file's commands, as launches of their debug containers. */
export function kubectlDebugLaunches(project: Project, file: SourceFile, commands: SimpleCommand[], expand: (v: string) => string, yamlValue: (f: SourceFile) => unknown): Launch[] {
  const out: Launch[] = [];
  for (const c of commands) {
    const words = c.words;
    let k = 0;
    while (k < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) || words[k]!.value === 'sudo' || words[k]!.value === 'exec')) k++;
    const head = basename(words[k]?.value ?? '');
    if (head !== 'kubectl' && head !== 'oc' && head !== 'kubectl.exe') continue;
    // Global flags before the verb (-n ns, --context x).
    let j = k + 1;
    while (j < words.length && words[j]!.value.startsWith('-')) j += VALUE_FLAGS.has(words[j]!.value) ? 2 : 1;
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
      ...(attachesTarget ? { sharedPid: { value: 'target', span: wordSpan(file, (flags.find((f) => f.name === '--target' || f.name === '--copy-to' || f.name === '--share-processes')!).word) } } : {}),
      ...(profileValue !== undefined && profileSpan ? { debugProfile: { value: profileValue, span: profileSpan } } : {}),
      source: { kind: 'kubectl-debug', file, insertAt: debugWord.end, flags: flags.map((f) => ({ name: f.name, value: f.value, start: f.start, end: f.end, ...(f.valueStart !== undefined ? { valueStart: f.valueStart } : {}) })) },
    });
  }
  return out;
}
