/**
 * Recognises what a shell command does that matters for debugging:
 * running or installing dlv, strace, gdb, ltrace, py-spy or lldb, and `go build`.
 * Input is words with source offsets; output carries spans.
 */
import { splitShell, splitWord, isAssignment, type SimpleCommand, type Word } from '../parse/shell.js';
import { findNodeAtLocation, parseTree } from '../parse/jsonc-lib.js';

export type { Word };
import type { SourceFile, Span, Valued } from '../types.js';
import { isHot } from './relevance.js';

export type Tool = 'dlv' | 'strace' | 'gdb' | 'ltrace' | 'py-spy' | 'lldb';
export const TOOLS: Tool[] = ['dlv', 'strace', 'gdb', 'ltrace', 'py-spy', 'lldb'];

export interface DlvRun {
  /** debug, exec, test, attach, connect, dap, core, trace, version… */
  sub: string;
  headless: boolean;
  listen?: Valued<string>;
  /**
   * The --listen value with the variables of the Compose file that runs it interpolated (`:${DEBUG_PORT}`
   * with DEBUG_PORT=40000 in its .env), for reading the port only: messages quote `listen`, fixes leave it.
   */
  listenResolved?: string;
  /** For exec: the binary; for attach: the pid expression. */
  target?: Valued<string>;
}

export interface InstallInfo {
  method: 'apt' | 'apk' | 'dnf' | 'yum' | 'pip' | 'go-install' | 'go-get';
  /** For go install/get: the module path word (without @version). */
  module?: Valued<string>;
  /** For go install/get: the whole argument word, e.g. github.com/…/dlv@latest. */
  arg?: Valued<string>;
  /** The version after @, if any. */
  version?: string;
  /** The package manager's verb word (`get` in `go get`). */
  verb?: Valued<string>;
}

export interface ToolUse {
  tool: Tool;
  use: 'run' | 'install';
  /**
   * For runs: attach to an existing process, or launch a child; post-mortem reads a core file
   * (`gdb PROG CORE`, `gdb -c CORE`), which traces nothing.
   */
  mode?: 'attach' | 'launch' | 'other' | 'post-mortem';
  span: Span;
  /** The words of the simple command that holds the tool (after unwrapping). */
  words: Word[];
  dlv?: DlvRun;
  install?: InstallInfo;
  /** Run through `sudo` (without -u) or `gosu root`/`su-exec root`: the tool runs as root whatever the container's user. */
  asRoot?: boolean;
}

export interface GoBuild {
  span: Span;
  words: Word[];
  output?: Valued<string>;
  /** Each -ldflags value. */
  ldflags: Valued<string>[];
  gcflags: Valued<string>[];
  /** `GOFLAGS=… go build` on the command line (the stage's ENV/ARG GOFLAGS is read from its variables). */
  goflags?: Valued<string>;
}

export interface CommandFacts {
  tools: ToolUse[];
  builds: GoBuild[];
}

/**
 * What a command can lead to beyond its own words, for the commands a
 * container runs: the script a path names (read from the repository where the
 * container gets it: a COPY of the build context, a bind mount), and a
 * hot-reload runner's config. Implemented by model/scripts.ts; without one,
 * only the words themselves are analysed (Dockerfile RUN lines as parsed).
 */
export interface FollowContext {
  /** The repository file a container path names when it is a script, else undefined. */
  script(path: string, from: SourceFile): SourceFile | undefined;
  /** The simple commands of a followed script. */
  commands(file: SourceFile): SimpleCommand[];
  /** A runner's own config file (reflex -c FILE), read where the container sees it; undefined when it cannot be. */
  config(path: string, from: SourceFile): SourceFile | undefined;
  /**
   * A hot-reload runner's config file, where the container sees it: `configPath` as given (relative to the
   * working directory), else `defaultName` in the working directory; failing that, beside the file that runs
   * the runner. Read as `kind` (nodemon.json as JSON, modd.conf as text).
   */
  runnerConfig(configPath: string | undefined, defaultName: string, kind: 'package-json' | 'shell', from: SourceFile): SourceFile | undefined;
  /** The commands air starts, from its config (`air -c FILE`, else .air.toml in the working directory). */
  air(configPath: string | undefined, from: SourceFile): Array<{ file: SourceFile; words: Word[]; shell: boolean; role?: 'cmd' | 'run' }>;
  /** The commands `make` runs for these targets, from the Makefile it reads (-f FILE, else Makefile in the working directory or -C DIR). */
  make(makefile: string | undefined, dir: string | undefined, targets: string[], from: SourceFile): { file: SourceFile; commands: SimpleCommand[] } | undefined;
  /**
   * The commands `task NAMES` / `just NAMES` runs, from the Taskfile or justfile it reads (`-t`/`-f FILE`, else
   * the default names in the working directory or `-d DIR`), with the file's variables in the words.
   */
  units?(kind: 'taskfile' | 'justfile', file: string | undefined, dir: string | undefined, names: string[], from: SourceFile): { file: SourceFile; commands: SimpleCommand[] } | undefined;
  /** A value with the variables the container's build defines (a Dockerfile stage's ARG/ENV defaults). */
  expand(value: string): string;
  /** A script that runs itself, or runs too deep: said once as a PTD900 note. */
  stop(file: SourceFile, reason: string, span: Span): void;
  /** Can the script matter: it spells a debugger word, or names a script, runner config or image that leads to one (model/relevance.ts)? */
  mayMatter(file: SourceFile): boolean;
  /** Repository paths of the scripts being followed (outermost first). */
  stack: string[];
}

/** Scripts followed from one command at the most: script → script → … */
export const MAX_SCRIPT_HOPS = 4;
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

const PKG_TOOLS: Record<string, Tool> = {
  strace: 'strace',
  gdb: 'gdb',
  'gdb-minimal': 'gdb',
  ltrace: 'ltrace',
  delve: 'dlv',
  'py-spy': 'py-spy',
  // gdb's remote stub (its own package on Debian, Ubuntu and Alpine): it traces the program it serves.
  gdbserver: 'gdb',
  // LLVM's debugger (Debian, Ubuntu, Alpine, Fedora; the versioned `lldb-18` packages are matched in analyzeInstall); lldb-server ships in it.
  lldb: 'lldb',
};

/** Commands that are one of the tools under another name: gdbserver is gdb's remote stub (it ptraces the program it runs or attaches to). */
const TOOL_ALIASES: ReadonlyMap<string, Tool> = new Map([['gdbserver', 'gdb']]);

/**
 * LLVM's debugger by the names it is installed and run under: `lldb`, its remote stub `lldb-server`, and the
 * versioned names of Debian's and apt.llvm.org's packages and commands (`lldb-18`, `lldb-4.0`, `lldb-server-19`).
 * Not its libraries and bindings (`liblldb-dev`, `python3-lldb-18`), `lldb-argdumper`, nor the editor adapters
 * `lldb-mi` and `lldb-dap`, which an editor starts (as the Go extension starts dlv): no command of the repository.
 */
const LLDB_NAME = /^lldb(-server)?(-\d+(\.\d+)*)?$/;

/** The tool a command word names: one of TOOLS, an alias (gdbserver), or lldb under a versioned name. */
function toolOf(head: string): Tool | undefined {
  return TOOLS.find((t) => t === head) ?? TOOL_ALIASES.get(head) ?? (LLDB_NAME.test(head) ? 'lldb' : undefined);
}

const DLV_MODULE = /^github\.com\/(go-delve|derekparker)\/delve\/cmd\/dlv(@.*)?$/;

export function wordSpan(file: SourceFile, w: Word): Span {
  return { file, start: w.start, end: w.end };
}

function valued(file: SourceFile, w: Word, value = w.value): Valued<string> {
  return { value, span: wordSpan(file, w) };
}

/** Sub-span of a word's value [from, to) in source offsets (exact when the word maps 1:1). */
export function valueSpan(file: SourceFile, w: Word, from: number, to: number): Span {
  const s = w.map[from] ?? w.start;
  const e = to > from ? (w.map[to - 1] ?? w.end - 1) + 1 : s;
  return { file, start: s, end: e };
}

function basename(v: string): string {
  const i = v.lastIndexOf('/');
  return i >= 0 ? v.slice(i + 1) : v;
}

/** Reserved words of sh that can stand before a simple command. */
const RESERVED = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{']);

/** Drop wrappers (env assignments, sudo, exec, env, nohup, timeout, tini, dumb-init…) from the front. */
function unwrap(words: Word[], info: { asRoot?: boolean; env?: Word[] } = {}): Word[] {
  let ws = words;
  for (let guard = 0; guard < 10 && ws.length > 0; guard++) {
    const head = basename(ws[0]!.value);
    if (isAssignment(ws[0]!)) { (info.env ??= []).push(ws[0]!); ws = ws.slice(1); guard--; continue; }
    // The shell's reserved words before a command (`if …; then go install …; fi`, `do strace …`): the command follows.
    if (!ws[0]!.quoted && RESERVED.has(ws[0]!.value)) { ws = ws.slice(1); continue; }
    if (head === 'exec' || head === 'nohup' || head === 'command' || head === 'time') { ws = ws.slice(1); continue; }
    if (head === 'sudo' || head === 'env' || head === 'setsid' || head === 'gosu' || head === 'su-exec') {
      let k = 1;
      let runAs: string | undefined;
      while (k < ws.length) {
        const v = ws[k]!.value;
        if (v === '-u' || v === '--user' || v === '-g') { if (v !== '-g') runAs = ws[k + 1]?.value; k += 2; continue; }
        if (v.startsWith('-') || isAssignment(ws[k]!)) { k++; continue; }
        break;
      }
      // gosu/su-exec take a user before the command.
      if ((head === 'gosu' || head === 'su-exec') && k < ws.length) { runAs = ws[k]!.value; k++; }
      if (head === 'sudo' && runAs === undefined) runAs = 'root';
      if (runAs !== undefined) info.asRoot = /^(root|0)(:.*)?$/.test(runAs);
      ws = ws.slice(k);
      continue;
    }
    // Init processes as PID 1 (`tini -s -- dlv exec …`, `dumb-init --`): the command follows their flags.
    if (head === 'tini' || head === 'tini-static' || head === 'dumb-init' || head === 'catatonit') {
      let k = 1;
      while (k < ws.length && ws[k]!.value.startsWith('-')) {
        const v = ws[k]!.value;
        k += v === '--' ? 1 : /^(-p|-e|-r|--rewrite)$/.test(v) ? 2 : 1;
        if (v === '--') break;
      }
      ws = ws.slice(k);
      continue;
    }
    if (head === 'timeout') {
      let k = 1;
      while (k < ws.length && ws[k]!.value.startsWith('-')) k++;
      ws = ws.slice(k + 1);
      continue;
    }
    break;
  }
  return ws;
}

function flagValue(words: Word[], i: number, names: string[]): { word: Word; value: string; from: number; next: number } | undefined {
  const w = words[i]!;
  for (const name of names) {
    if (w.value === name && i + 1 < words.length) return { word: words[i + 1]!, value: words[i + 1]!.value, from: 0, next: i + 2 };
    if (w.value.startsWith(name + '=')) return { word: w, value: w.value.slice(name.length + 1), from: name.length + 1, next: i + 1 };
  }
  return undefined;
}

function analyzeDlv(file: SourceFile, ws: Word[]): DlvRun {
  let sub = '';
  let headless = false;
  let listen: Valued<string> | undefined;
  let target: Valued<string> | undefined;
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v === '--') break;
    if (v === '--headless' || v === '--headless=true') { headless = true; continue; }
    const l = flagValue(ws, i, ['--listen', '-l']);
    if (l) {
      listen = { value: l.value, span: valueSpan(file, l.word, l.from, l.word.value.length) };
      i = l.next - 1;
      continue;
    }
    if (v.startsWith('-')) {
      // Flags that take a separate value.
      if (['--api-version', '--log-output', '--build-flags', '--wd', '--output', '-o', '--init', '--backend', '--tags', '--redirect', '-r', '--log-dest'].includes(v)) i++;
      continue;
    }
    if (!sub) { sub = v; continue; }
    if (!target) { target = valued(file, ws[i]!); continue; }
  }
  return { sub, headless, ...(listen ? { listen } : {}), ...(target ? { target } : {}) };
}

/** gdb's own options that take a separate value (so that it is not taken for the program or the core). */
const GDB_VALUE_OPTIONS = new Set(['-ex', '-iex', '-x', '-ix', '-ex', '-eval-command', '--eval-command', '-init-eval-command', '-command', '--command', '-d', '-directory', '--directory', '-cd', '--cd', '-s', '-symbols', '--symbols', '-e', '-exec', '--exec', '-b', '-l', '-data-directory', '--data-directory', '-D', '-tty', '--tty', '-i', '--interpreter', '-interpreter']);

/**
 * How gdb is run: `-p PID` / `--pid` / `gdb PROG PID` attach; `-c CORE` / `--core` / `gdb PROG CORE`
 * read a core file (post-mortem, no tracing); anything else (`--args PROG …`, `gdb PROG`) launches.
 */
function gdbMode(ws: Word[]): 'attach' | 'launch' | 'post-mortem' {
  const positional: string[] = [];
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v === '--args' || v === '-args') return 'launch';
    if (v === '-p' || v === '--pid' || v === '-pid' || v.startsWith('--pid=') || /^-p\d/.test(v)) return 'attach';
    if (v === '-c' || v === '--core' || v === '-core' || v.startsWith('--core=') || v.startsWith('-core=')) return 'post-mortem';
    if (GDB_VALUE_OPTIONS.has(v)) { i++; continue; }
    if (v.startsWith('-')) continue;
    positional.push(v);
  }
  if (positional.length >= 2) {
    const second = positional[1]!;
    // A number (or a variable, `$(pgrep x)`, `$!`) is a process to attach to; a path is a core file.
    return /^\d+$/.test(second) || second.startsWith('$') ? 'attach' : 'post-mortem';
  }
  return 'launch';
}

/**
 * How gdbserver is run: `gdbserver [OPTIONS] --attach COMM PID` attaches; `gdbserver COMM PROG [ARGS]` and
 * `gdbserver --multi COMM` start the program themselves (a child of gdbserver).
 */
function gdbserverMode(ws: Word[]): 'attach' | 'launch' {
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v === '--attach') return 'attach';
    // The communication argument (`:1234`, `host:1234`, `/dev/ttyS0`) ends the options; the program follows.
    if (!v.startsWith('-')) break;
  }
  return 'launch';
}

/**
 * How lldb is run: `-p PID` / `--attach-pid`, `-n NAME` / `--attach-name` (also `-w`, waiting for it) attach;
 * `-c CORE` / `--core` reads a core file; `lldb PROG`, `lldb -- PROG ARGS` launch. lldb-server: `gdbserver
 * … --attach PID` attaches; `gdbserver COMM PROG` and `platform --listen …` (which spawns a gdbserver for each
 * session the client starts) launch.
 */
function lldbMode(ws: Word[]): 'attach' | 'launch' | 'post-mortem' | 'other' {
  if (/^lldb-server/.test(basename(ws[0]!.value))) {
    const sub = ws[1]?.value ?? '';
    if (sub === 'version' || sub === 'v') return 'other';
    return ws.slice(2).some((w) => w.value === '--attach' || w.value.startsWith('--attach=')) ? 'attach' : 'launch';
  }
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v === '--') return 'launch';
    if (v === '-p' || v === '--attach-pid' || v.startsWith('--attach-pid=') || /^-p\d/.test(v)) return 'attach';
    if (v === '-n' || v === '--attach-name' || v.startsWith('--attach-name=') || v === '-w' || v === '--wait-for') return 'attach';
    if (v === '-c' || v === '--core' || v.startsWith('--core=')) return 'post-mortem';
    // Options that take a value: commands to run, source files, the architecture, the file to debug.
    if (['-o', '--one-line', '-O', '--one-line-before-file', '-k', '--one-line-on-crash', '-s', '--source', '-S', '--source-before-file', '-K', '--source-on-crash', '-a', '--arch', '-f', '--file', '-l', '--script-language'].includes(v)) i++;
  }
  return 'launch';
}

/**
 * How py-spy is run: `--pid PID` / `-p PID` attach to a running process; `py-spy record -- python app.py`
 * starts the program as its child.
 */
function pyspyMode(ws: Word[]): 'attach' | 'launch' {
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v === '--pid' || v === '-p' || v.startsWith('--pid=') || /^-p\d/.test(v)) return 'attach';
    if (v === '--') return 'launch';
  }
  return 'attach';
}

function attachMode(tool: Tool, ws: Word[]): 'attach' | 'launch' | 'post-mortem' | 'other' {
  const vals = ws.slice(1).map((w) => w.value);
  if (basename(ws[0]!.value) === 'gdbserver') return gdbserverMode(ws);
  switch (tool) {
    case 'strace':
    case 'ltrace':
      return vals.some((v) => v === '-p' || /^-p\d/.test(v) || v.startsWith('--attach')) ? 'attach' : 'launch';
    case 'gdb':
      return gdbMode(ws);
    case 'py-spy':
      return pyspyMode(ws);
    case 'lldb':
      return lldbMode(ws);
    default:
      return 'launch';
  }
}

function analyzeInstall(file: SourceFile, ws: Word[], out: CommandFacts): boolean {
  const head = basename(ws[0]!.value);
  const verb = ws[1]?.value;
  let method: InstallInfo['method'] | undefined;
  let argsFrom = 2;
  if ((head === 'apt-get' || head === 'apt' || head === 'aptitude') && ws.some((w) => w.value === 'install')) {
    method = 'apt';
    argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
  } else if (head === 'apk' && verb === 'add') method = 'apk';
  else if ((head === 'dnf' || head === 'microdnf' || head === 'yum' || head === 'zypper') && ws.some((w) => w.value === 'install')) {
    method = head === 'yum' ? 'yum' : 'dnf';
    argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
  } else if ((head === 'pip' || head === 'pip3' || head === 'pipx' || head === 'uv') && ws.some((w) => w.value === 'install')) {
    method = 'pip';
    argsFrom = ws.findIndex((w) => w.value === 'install') + 1;
  }
  if (method) {
    for (const w of ws.slice(argsFrom)) {
      if (w.value.startsWith('-')) continue;
      const name = w.value.replace(/[=<>~].*$/, '').replace(/:.*$/, '');
      // Own keys only: a package named `constructor` is no tool.
      const tool = Object.hasOwn(PKG_TOOLS, name) ? PKG_TOOLS[name] : /^lldb-\d+(\.\d+)*$/.test(name) ? 'lldb' : undefined;
      if (tool && (method !== 'pip' || tool === 'py-spy')) {
        out.tools.push({ tool, use: 'install', span: wordSpan(file, w), words: ws, install: { method } });
      }
    }
    return true;
  }
  if (head === 'go' && (verb === 'install' || verb === 'get')) {
    // `go get -tool …/cmd/dlv@v` (Go 1.24) records delve as a tool dependency in go.mod, at the version it
    // resolves, for `go tool dlv` to build: no program is installed, and go.mod pins it.
    if (verb === 'get' && ws.slice(2).some((w) => w.value === '-tool' || w.value === '--tool')) return true;
    for (const w of ws.slice(2)) {
      if (w.value.startsWith('-')) continue;
      const m = DLV_MODULE.exec(w.value);
      if (!m) continue;
      const at = w.value.indexOf('@');
      const modLen = at >= 0 ? at : w.value.length;
      out.tools.push({
        tool: 'dlv',
        use: 'install',
        span: wordSpan(file, w),
        words: ws,
        install: {
          method: verb === 'install' ? 'go-install' : 'go-get',
          module: { value: w.value.slice(0, modLen), span: valueSpan(file, w, 0, modLen) },
          arg: valued(file, w),
          ...(at >= 0 ? { version: w.value.slice(at + 1) } : {}),
          verb: valued(file, ws[1]!),
        },
      });
    }
    return true;
  }
  return false;
}

/** watchexec's options that take a separate value (watchexec 1.x and 2.x). */
/** reflex's options that take a value (cespare/reflex: the rest are switches such as -s, -e, -v, --only-files). */
const REFLEX_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-r', '--regex', '-R', '--inverse-regex', '-g', '--glob', '-G', '--inverse-glob', '-c', '--config', '-d', '--decoration', '-t', '--shutdown-timeout']);
const WATCHEXEC_VALUE_OPTIONS = new Set(['-e', '--exts', '-w', '--watch', '-W', '--watch-non-recursive', '-i', '--ignore', '-f', '--filter', '-s', '--signal', '--stop-signal', '--stop-timeout', '-d', '--debounce', '--delay-run', '--shell', '--workdir', '-E', '--env', '--on-busy-update', '--project-origin', '--emit-events-to', '--color', '--filter-file', '--ignore-file', '-F', '--wrap-process', '--log-file', '-j', '--filter-prog', '--socket', '--fs-events', '-o']);

/** Hot-reload runners that `go run MODULE@v` or `go tool NAME` starts, as their command would. */
const GO_RUN_RUNNERS = new Set(['air', 'reflex', 'CompileDaemon', 'modd', 'gow']);

/** go run's own flags that take a separate value (the module word follows them). */
const GO_RUN_VALUE_FLAGS = new Set(['-C', '-exec', '-ldflags', '-gcflags', '-tags', '-mod', '-modfile', '-o', '-p', '-pkgdir', '-toolexec', '-overlay', '-pgo']);

/**
 * The words of the dlv that `go run <delve module>[@version] ARGS` or `go tool dlv ARGS` starts (the module or
 * `dlv` word in front, so the rest reads as a dlv command line); undefined for any other go command. A `go run`
 * of the module builds delve as `go install` does, so it is recorded as an install too.
 */
function goRunDlv(file: SourceFile, ws: Word[], out: CommandFacts): Word[] | undefined {
  const verb = ws[1]?.value;
  if (verb === 'tool') {
    const name = ws[2] ? basename(ws[2].value.replace(/@.*$/, '')) : '';
    return ws[2] && (name === 'dlv' || GO_RUN_RUNNERS.has(name)) ? [{ ...ws[2], value: name }, ...ws.slice(3)] : undefined;
  }
  if (verb !== 'run') return undefined;
  for (let i = 2; i < ws.length; i++) {
    const v = ws[i]!.value;
    if (v.startsWith('-')) { if (GO_RUN_VALUE_FLAGS.has(v)) i++; continue; }
    // `go run github.com/air-verse/air@v1.52.3 --build.bin "dlv …"`: the runner with its words.
    const runner = v.includes('/') ? basename(v.replace(/@.*$/, '')) : '';
    if (GO_RUN_RUNNERS.has(runner)) return [{ ...ws[i]!, value: runner }, ...ws.slice(i + 1)];
    const m = DLV_MODULE.exec(v);
    if (!m) return undefined;
    analyzeInstall(file, [ws[0]!, { ...ws[1]!, value: 'install' }, ws[i]!], out);
    const inst = out.tools[out.tools.length - 1];
    if (inst?.install) inst.install.verb = valued(file, ws[1]!);
    return [{ ...ws[i]!, value: 'dlv' }, ...ws.slice(i + 1)];
  }
  return undefined;
}

function analyzeGoBuild(file: SourceFile, ws: Word[], out: CommandFacts, cmdSpan: Span, env?: Word[]): void {
  const b: GoBuild = { span: cmdSpan, words: ws, ldflags: [], gcflags: [] };
  const gf = env?.find((w) => w.value.startsWith('GOFLAGS='));
  if (gf) b.goflags = { value: gf.value.slice(8), span: valueSpan(file, gf, 8, gf.value.length) };
  for (let i = 2; i < ws.length; i++) {
    const o = flagValue(ws, i, ['-o', '--o']);
    if (o) { b.output = { value: o.value, span: valueSpan(file, o.word, o.from, o.word.value.length) }; i = o.next - 1; continue; }
    const l = flagValue(ws, i, ['-ldflags', '--ldflags']);
    if (l) { b.ldflags.push({ value: l.value, span: valueSpan(file, l.word, l.from, l.word.value.length) }); i = l.next - 1; continue; }
    const g = flagValue(ws, i, ['-gcflags', '--gcflags']);
    if (g) { b.gcflags.push({ value: g.value, span: valueSpan(file, g.word, g.from, g.word.value.length) }); i = g.next - 1; continue; }
  }
  out.builds.push(b);
}

/** Commands that are never a script of the repository (looked up on PATH only for other names). */
const NOT_SCRIPTS = new Set(['echo', 'printf', 'cd', 'set', 'export', 'test', '[', 'true', 'false', 'go', 'make', 'git', 'apt-get', 'apk', 'yum', 'dnf', 'curl', 'wget', 'tar', 'mkdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'cat', 'sleep', 'tail', 'env', 'exec', 'if', 'then', 'fi', 'else', 'for', 'do', 'done', 'case', 'esac', 'while', 'local', 'return', 'exit', 'npm', 'node', 'python', 'python3', 'pip', 'docker', 'kubectl', 'ls', 'grep', 'sed', 'awk', 'find', 'xargs', 'tee', 'touch', 'useradd', 'groupadd', 'adduser', 'install', 'unzip', 'which', 'command', 'type', 'read', 'shift', 'trap', 'wait', 'kill', 'ps', 'id', 'whoami', 'su', 'sudo', 'gosu', 'tini', 'dumb-init']);

/** The script a command runs: `./run.sh`, `/start.sh`, `bash -e scripts/debug.sh`, `. ./env.sh`, a script COPYd onto PATH; undefined for anything else. */
function scriptPath(ws: Word[]): { path: string; args: Word[] } | undefined {
  const head = basename(ws[0]!.value);
  let p: string | undefined;
  let at = 0;
  if (SHELLS.has(head) || head === 'source' || head === '.') {
    for (let i = 1; i < ws.length; i++) {
      const v = ws[i]!.value;
      if (v === '--') { p = ws[i + 1]?.value; at = i + 1; break; }
      if (v.startsWith('-') || v.startsWith('+')) {
        if (v === '-o' || v === '+o') i++;
        continue;
      }
      p = v;
      at = i;
      break;
    }
  } else if (ws[0]!.value.includes('/') || /\.(sh|bash)$/.test(ws[0]!.value)) p = ws[0]!.value;
  // A bare name: a script the image put on PATH (COPY scripts/install-tool.sh /usr/local/bin/up).
  else if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(ws[0]!.value) && !NOT_SCRIPTS.has(ws[0]!.value)) p = ws[0]!.value;
  if (!p || p.includes('$') || p.includes('`') || p === '-') return undefined;
  return { path: p, args: ws.slice(at + 1) };
}

/**
 * A followed script's words with its positional parameters set from the
 * call (`dlv.sh /app/cmd 2345` → `-l 0.0.0.0:$2` is `-l 0.0.0.0:2345`), and
 * `"$@"` (`exec "$@"`, a wrapper's last line) standing for the call's
 * arguments after a `--` (wait-for-it.sh host:port -- cmd…), else all of them.
 * A substituted word points at the script's word.
 */
function withArguments(commands: SimpleCommand[], args: Word[]): SimpleCommand[] {
  if (args.length === 0) return commands;
  const values = args.map((a) => a.value);
  const dd = values.indexOf('--');
  const rest = dd >= 0 ? args.slice(dd + 1) : args;
  return commands.map((c) => {
    if (!c.words.some((w) => w.value.includes('$'))) return c;
    const words: Word[] = [];
    for (const w of c.words) {
      if (w.value === '$@' || w.value === '$*' || w.value === '${@}') {
        words.push(...rest);
        continue;
      }
      const v = w.value.replace(/\$\{?([1-9])\}?/g, (m, n: string) => values[Number(n) - 1] ?? m);
      words.push(v === w.value ? w : { ...w, value: v, map: v.split('').map(() => w.start) });
    }
    return { ...c, words };
  });
}

/** Follow a script the container runs: its lines become the container's commands, at their own places. */
function followScript(ctx: FollowContext, file: SourceFile, ws: Word[], path: string, args: Word[], out: CommandFacts, depth: number): boolean {
  const target = ctx.script(path, file);
  if (!target) return false;
  const span: Span = { file, start: ws[0]!.start, end: ws[ws.length - 1]!.end };
  if (ctx.stack.includes(target.path)) {
    // Every script of the loop was read on the way in. A loop of scripts that spell no debugger (an entrypoint
    // that re-runs itself as another user, a test runner and the unit file it writes) hides nothing: no note.
    if (isHot(target) || isHot(file)) ctx.stop(target, `runs itself (${[...ctx.stack, target.path].join(' → ')}); it was followed no further`, span);
    return true;
  }
  if (ctx.stack.length >= MAX_SCRIPT_HOPS) {
    // A script out of reach that neither spells a debugger nor leads to one (a build's helper library) hides nothing.
    if (ctx.mayMatter(target)) ctx.stop(target, `is reached through more than ${MAX_SCRIPT_HOPS} scripts (${[...ctx.stack, target.path].join(' → ')}); it was not followed`, span);
    return true;
  }
  ctx.stack.push(target.path);
  try {
    for (const c of withArguments(ctx.commands(target), args)) analyzeSimple(target, c.words, out, depth + 1, ctx);
  } finally {
    ctx.stack.pop();
  }
  return true;
}

/** `make [-f FILE] [-C DIR] TARGET…` in a container: the targets' recipes (and prerequisites') of the Makefile it reads. */
function followMake(ctx: FollowContext, file: SourceFile, ws: Word[], out: CommandFacts, depth: number): void {
  let makefile: string | undefined;
  let dir: string | undefined;
  const targets: string[] = [];
  for (let i = 1; i < ws.length; i++) {
    const v = ctx.expand(ws[i]!.value);
    if (v === '-f' || v === '--file' || v === '--makefile') { makefile = ctx.expand(ws[++i]?.value ?? ''); continue; }
    if (v === '-C' || v === '--directory') { dir = ctx.expand(ws[++i]?.value ?? ''); continue; }
    if (v.startsWith('-') || v.includes('=')) continue;
    if (v.includes('$')) return;
    targets.push(v);
  }
  const made = ctx.make(makefile, dir, targets, file);
  // The same Makefile again with other targets is Make's recursive call (`$(MAKE) build` in a recipe).
  const key = `${made?.file.path}#${targets.join(' ')}`;
  if (!made || ctx.stack.includes(key) || ctx.stack.length >= MAX_SCRIPT_HOPS) return;
  ctx.stack.push(key);
  try {
    for (const c of made.commands) analyzeSimple(made.file, c.words, out, depth + 1, ctx);
  } finally {
    ctx.stack.pop();
  }
}

/** `$(MAKE) target` in a recipe (Make's recursive call), also `${MAKE}` and `$MAKE`. */
const MAKE_VARIABLE = /^\$(?:\(MAKE\)|\{MAKE\}|MAKE)$/;

/** `task [-t FILE] [-d DIR] NAME…` / `just [-f FILE] [-d DIR] NAME…`: the named tasks' or recipes' commands. */
function followUnits(ctx: FollowContext, file: SourceFile, ws: Word[], kind: 'taskfile' | 'justfile', out: CommandFacts, depth: number): void {
  let path: string | undefined;
  let dir: string | undefined;
  const names: string[] = [];
  const fileFlags = kind === 'taskfile' ? ['-t', '--taskfile'] : ['-f', '--justfile'];
  const dirFlags = kind === 'taskfile' ? ['-d', '--dir'] : ['-d', '--working-directory'];
  for (let i = 1; i < ws.length; i++) {
    const v = ctx.expand(ws[i]!.value);
    if (v === '--') break;
    if (fileFlags.includes(v)) { path = ctx.expand(ws[++i]?.value ?? ''); continue; }
    if (dirFlags.includes(v)) { dir = ctx.expand(ws[++i]?.value ?? ''); continue; }
    if (v.startsWith('-') || v.includes('=')) continue;
    if (v.includes('$') || v.includes('{{')) return;
    names.push(v);
  }
  const got = ctx.units!(kind, path, dir, names, file);
  const key = `${got?.file.path}#${names.join(' ')}`;
  if (!got || ctx.stack.includes(key) || ctx.stack.length >= MAX_SCRIPT_HOPS) return;
  ctx.stack.push(key);
  try {
    for (const c of got.commands) analyzeSimple(got.file, c.words, out, depth + 1, ctx);
  } finally {
    ctx.stack.pop();
  }
}

/** The value of a flag given as `-name=value`, `--name=value` or `-name value`. */
function optionValue(ws: Word[], names: string[]): Word | undefined {
  for (let i = 1; i < ws.length; i++) {
    const f = flagValue(ws, i, names);
    if (!f) continue;
    if (f.from === 0) return f.word;
    const w = f.word;
    return { value: f.value, start: w.start, end: w.end, quoted: w.quoted, map: w.map.slice(f.from) };
  }
  return undefined;
}

/**
 * Hot-reload runners that start the program (often under dlv) themselves:
 * reflex and watchexec (`-- CMD…`), CompileDaemon (`-build=…`, `-command=…`),
 * nodemon (`--exec …`), air (its config file). true when the command was one.
 */
function analyzeRunner(file: SourceFile, ws: Word[], head: string, out: CommandFacts, depth: number, ctx?: FollowContext): boolean {
  if (head === 'reflex' || head === 'watchexec' || head === 'guard' || head === 'gow' || head === 'entr') {
    const dd = ws.findIndex((w) => w.value === '--');
    if (dd > 0 && ws[dd + 1]) analyzeSimple(file, ws.slice(dd + 1), out, depth + 1, ctx);
    else if (head === 'reflex') {
      // reflex [OPTIONS] COMMAND…: written without `--` too (`-r '\.go$' -s bash /start.sh`, a reflex.conf line).
      let i = 1;
      while (i < ws.length && ws[i]!.value.startsWith('-')) i += REFLEX_VALUE_OPTIONS.has(ws[i]!.value) ? 2 : 1;
      if (i < ws.length) analyzeSimple(file, ws.slice(i), out, depth + 1, ctx);
    } else if (head === 'watchexec') {
      // watchexec [OPTIONS] COMMAND…: the command starts at the first word that is no option or option value.
      let i = 1;
      while (i < ws.length && ws[i]!.value.startsWith('-')) i += WATCHEXEC_VALUE_OPTIONS.has(ws[i]!.value) ? 2 : 1;
      if (i < ws.length) analyzeSimple(file, ws.slice(i), out, depth + 1, ctx);
    } else if (head === 'entr') {
      // entr [-acdnprsz] utility [argument …]
      const i = ws.findIndex((w, k) => k > 0 && !w.value.startsWith('-'));
      if (i > 0) analyzeSimple(file, ws.slice(i), out, depth + 1, ctx);
    }
    // reflex -c FILE: each line of the config is a reflex command line of its own.
    const c = head === 'reflex' ? optionValue(ws, ['-c', '--config']) : undefined;
    const cfg = c && ctx ? ctx.config(c.value, file) : undefined;
    if (cfg) for (const line of splitShell(cfg.text)) analyzeRunner(cfg, [{ ...line.words[0]!, value: 'reflex' }, ...line.words], 'reflex', out, depth + 1, ctx);
    return true;
  }
  if (head === 'CompileDaemon' || head === 'compiledaemon') {
    for (const name of [['-build', '--build'], ['-command', '--command']]) {
      const v = optionValue(ws, name);
      if (v) for (const c of splitWord(v)) analyzeSimple(file, c.words, out, depth + 1, ctx);
    }
    return true;
  }
  if (head === 'nodemon') {
    const v = optionValue(ws, ['--exec', '-x']);
    if (v) for (const c of splitWord(v)) analyzeSimple(file, c.words, out, depth + 1, ctx);
    else if (ctx) {
      // Without --exec: the `exec` of its config (`--config FILE`, else nodemon.json in the working directory).
      const given = optionValue(ws, ['--config'])?.value;
      let cfg = ctx.runnerConfig(given, 'nodemon.json', 'package-json', file);
      let exec = cfg ? nodemonExec(cfg) : undefined;
      // No nodemon.json (or none with `exec`): nodemon reads the `nodemonConfig` of package.json.
      if (!exec && given === undefined) {
        cfg = ctx.runnerConfig(undefined, 'package.json', 'package-json', file);
        exec = cfg ? jsonString(cfg, ['nodemonConfig', 'exec']) : undefined;
      }
      if (cfg && exec) for (const c of splitWord(exec)) analyzeSimple(cfg, c.words, out, depth + 1, ctx);
    }
    return true;
  }
  if (head === 'npx' || (head === 'pnpm' && ws[1]?.value === 'exec') || (head === 'yarn' && ws[1]?.value === 'exec')) {
    // `npx nodemon --exec 'dlv …'`: the package's command with its words.
    let k = head === 'npx' ? 1 : 2;
    while (k < ws.length && ws[k]!.value.startsWith('-')) k++;
    if (k < ws.length) analyzeSimple(file, ws.slice(k), out, depth + 1, ctx);
    return true;
  }
  const npmScript = ctx ? packageScriptName(head, ws) : undefined;
  if (ctx && npmScript) {
    // `npm run debug`, `npm start`, `yarn debug`, `pnpm run debug`: the script of package.json in the working
    // directory (its `pre` script first), which runs through a shell.
    const cfg = ctx.runnerConfig(undefined, 'package.json', 'package-json', file);
    if (cfg && !ctx.stack.includes(`${cfg.path}#${npmScript}`) && ctx.stack.length < MAX_SCRIPT_HOPS) {
      ctx.stack.push(`${cfg.path}#${npmScript}`);
      try {
        for (const name of [`pre${npmScript}`, npmScript]) {
          const w = jsonString(cfg, ['scripts', name]);
          if (w) for (const c of splitWord(w)) analyzeSimple(cfg, c.words, out, depth + 1, ctx);
        }
      } finally {
        ctx.stack.pop();
      }
    }
    return true;
  }
  if (head === 'modd' && ctx) {
    // modd -f FILE (else ./modd.conf): each `prep:` and `daemon:` command of its blocks runs through a shell.
    const cfg = ctx.runnerConfig(optionValue(ws, ['-f', '--file'])?.value, 'modd.conf', 'shell', file);
    if (cfg) for (const w of moddCommands(cfg)) for (const c of splitWord(w)) analyzeSimple(cfg, c.words, out, depth + 1, ctx);
    return true;
  }
  if (head === 'air' && ctx) {
    const c = optionValue(ws, ['-c']);
    if (ws.slice(1).some((w) => w.value === 'init' || w.value === 'version' || w.value === '-v')) return true;
    // Command-line settings override the config's (`air --build.cmd "go build …" --build.bin "dlv … exec ./bin/x"`).
    const flag = (k: string): Word | undefined => optionValue(ws, [`--build.${k}`]);
    const [fCmd, fBin, fFull, fArgs] = [flag('cmd'), flag('bin'), flag('full_bin'), flag('args_bin')];
    const steps = ctx.air(c?.value, file).filter((st) => !(st.role === 'cmd' && fCmd) && !(st.role === 'run' && (fFull || fBin)));
    const shellStep = (f: SourceFile, w: Word): void => { for (const cmd of splitWord(w)) analyzeSimple(f, cmd.words, out, depth + 1, ctx); };
    if (fCmd) shellStep(file, fCmd);
    for (const step of steps) {
      if (step.shell) shellStep(step.file, step.words[0]!);
      else runBin(step.file, step.words[0]!, step.words.slice(1), out, depth, ctx);
    }
    if (fFull) shellStep(file, fFull);
    // `--build.args_bin "serve,--http=:8090"`: air splits the value at commas.
    else if (fBin) runBin(file, fBin, fArgs ? fArgs.value.split(',').filter((a) => a !== '').map((a) => ({ ...fArgs, value: a })) : [], out, depth, ctx);
    return true;
  }
  return false;
}

/** npm's, yarn's and pnpm's built-in commands: never the name of a package.json script. */
const PM_COMMANDS = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'update', 'upgrade', 'exec', 'dlx', 'x', 'init', 'create', 'publish', 'pack', 'link', 'unlink', 'list', 'ls', 'outdated', 'audit', 'config', 'cache', 'dedupe', 'prune', 'rebuild', 'version', 'view', 'info', 'why', 'login', 'logout', 'whoami', 'help', 'set', 'global', 'workspace', 'workspaces', 'import', 'patch', 'node', 'bin', 'root', 'prefix', 'doctor', 'fund', 'explain', 'query', 'pkg', 'team', 'token', 'owner', 'access', 'deprecate', 'dist-tag', 'search', 'star', 'stars', 'unstar', 'hook', 'org', 'profile', 'shrinkwrap', 'completion', 'edit', 'explore', 'repo', 'docs', 'bugs', 'sbom', 'install-test', 'it', 'install-ci-test', 'cit', 'setup', 'env', 'store', 'server', 'licenses', 'plugin', 'policies', 'constraints', 'npm', 'up', 'unplug', 'tag', 'generate-lock-entry', 'autoclean', 'check']);

/** The package.json script `npm run NAME` / `npm start` / `yarn NAME` / `pnpm run NAME` runs, or undefined. */
function packageScriptName(head: string, ws: Word[]): string | undefined {
  if (head !== 'npm' && head !== 'yarn' && head !== 'pnpm') return undefined;
  let k = 1;
  const flagsWithValue = new Set(['--prefix', '-C', '--dir', '--cwd', '--filter', '-F', '-w', '--workspace']);
  while (k < ws.length && ws[k]!.value.startsWith('-')) { if (flagsWithValue.has(ws[k]!.value)) return undefined; k++; }
  const sub = ws[k]?.value;
  if (!sub || ws[k]!.value.includes('$')) return undefined;
  if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
    let j = k + 1;
    while (j < ws.length && ws[j]!.value.startsWith('-')) j++;
    const name = ws[j]?.value;
    return name && !name.includes('$') ? name : undefined;
  }
  if (sub === 'start' || sub === 'test' || sub === 't' || sub === 'restart' || sub === 'stop') return sub === 't' ? 'test' : sub;
  // `yarn debug` / `pnpm debug` run the script of that name (npm needs `run`).
  if (head !== 'npm' && !PM_COMMANDS.has(sub)) return sub;
  return undefined;
}

/**
 * air's build.bin with build.args_bin: air joins them with blanks and runs the text through `sh -c`, so a bin
 * of `dlv exec ./tmp/main --headless` is that dlv command; the arguments follow the last command of it.
 */
function runBin(file: SourceFile, bin: Word, args: Word[], out: CommandFacts, depth: number, ctx?: FollowContext): void {
  const cmds = splitWord(bin);
  cmds.forEach((cmd, k) => analyzeSimple(file, k === cmds.length - 1 ? [...cmd.words, ...args] : cmd.words, out, depth + 1, ctx));
}

/** nodemon.json's `exec` as a word whose characters map into the file (1:1 when unescaped, else to its start). */
export function nodemonExec(file: SourceFile): Word | undefined {
  return jsonString(file, ['exec']);
}

/** A JSON file's string at `path` as a word whose characters map into the file (1:1 when unescaped, else to its start). */
export function jsonString(file: SourceFile, path: string[]): Word | undefined {
  const root = parseTree(file.text, [], { allowTrailingComma: true, disallowComments: false });
  const n = root?.type === 'object' ? findNodeAtLocation(root, path) : undefined;
  if (!n || n.type !== 'string' || typeof n.value !== 'string') return undefined;
  const value = n.value;
  const raw = file.text.slice(n.offset + 1, n.offset + n.length - 1);
  const map = raw === value ? Array.from({ length: value.length }, (_, k) => n.offset + 1 + k) : Array.from({ length: value.length }, () => n.offset);
  return { value, start: n.offset, end: n.offset + n.length, quoted: true, map };
}

/**
 * The commands of a modd.conf (cortesi/modd): in each `pattern { … }` block, `prep:` and `daemon:` lines
 * (with options such as `daemon +sigterm:`), one command per line; a line ending in `\` continues it.
 * Quoted multi-line commands are not read.
 */
export function moddCommands(file: SourceFile): Word[] {
  const out: Word[] = [];
  const re = /^[ \t]*(?:prep|daemon)(?:[ \t]+\+[a-z]+)*[ \t]*:[ \t]*(.*)$/gm;
  for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
    let value = m[1]!;
    let start = m.index + m[0].length - value.length;
    const map: number[] = Array.from({ length: value.length }, (_, k) => start + k);
    let end = start + value.length;
    // Continuation lines.
    while (value.endsWith('\\')) {
      const next = file.text.indexOf('\n', end);
      if (next < 0) break;
      const nl = file.text.indexOf('\n', next + 1);
      const lineEnd = nl < 0 ? file.text.length : nl;
      const line = file.text.slice(next + 1, lineEnd);
      value = value.slice(0, -1) + ' ' + line;
      map.splice(map.length - 1, 1, map[map.length - 1]!, ...Array.from({ length: line.length }, (_, k) => next + 1 + k));
      end = lineEnd;
    }
    const trimmed = value.replace(/\s+$/, '');
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    out.push({ value: trimmed, start, end, quoted: true, map: map.slice(0, trimmed.length) });
    start = end;
  }
  return out;
}

/** su's options that take a separate value (util-linux and shadow su). */
const SU_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment']);

/** The command string of `su [options] [-] [USER] -c CMD` (also `--command CMD`, `--command=CMD`), with whether USER is root. */
function suCommand(ws: Word[]): { command: Word; asRoot: boolean } | undefined {
  let command: Word | undefined;
  let user: string | undefined;
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const v = w.value;
    if (v === '-c' || v === '--command') { command = ws[i + 1]; i++; continue; }
    if (v.startsWith('--command=')) { command = { ...w, value: v.slice(10), map: w.map.slice(10) }; continue; }
    if (SU_VALUE_OPTIONS.has(v)) { i++; continue; }
    if (v.startsWith('-')) continue;
    if (user === undefined) user = v;
  }
  if (!command) return undefined;
  return { command, asRoot: user === undefined || /^(root|0)$/.test(user) };
}

function analyzeSimple(file: SourceFile, words: Word[], out: CommandFacts, depth: number, ctx?: FollowContext): void {
  const unwrapped: { asRoot?: boolean; env?: Word[] } = {};
  const ws = unwrap(words, unwrapped);
  if (ws.length === 0 || depth > 12) return;
  const head = basename(ws[0]!.value);
  const cmdSpan: Span = { file, start: ws[0]!.start, end: ws[ws.length - 1]!.end };
  // `su [-] [USER] [-s SHELL] -c '…'` (a feature's install.sh installing Go tools as the dev user): the
  // command string is a script the user's shell runs; what it runs, runs as that user (root when none).
  if (head === 'su' && depth < 4) {
    const su = suCommand(ws);
    if (su) {
      const from = out.tools.length;
      for (const c of splitWord(su.command)) analyzeSimple(file, c.words, out, depth + 1, ctx);
      for (const t of out.tools.slice(from)) if (t.use === 'run' && t.asRoot === undefined) t.asRoot = su.asRoot;
      return;
    }
  }
  // sh -c "…": analyse the script inside.
  if (SHELLS.has(head) && depth < 4) {
    const ci = ws.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.value));
    if (ci > 0 && ws[ci + 1]) {
      for (const c of splitWord(ws[ci + 1]!)) analyzeSimple(file, c.words, out, depth + 1, ctx);
      return;
    }
  }
  if (analyzeInstall(file, ws, out)) return;
  if (head === 'go' && ws[1]?.value === 'build') { analyzeGoBuild(file, ws, out, cmdSpan, unwrapped.env); return; }
  // `go run github.com/go-delve/delve/cmd/dlv@v1.23.0 debug …` builds delve and runs it; `go tool dlv …` runs the
  // dlv of go.mod's `tool` directive (Go 1.24). Both are dlv with the words that follow.
  const goDlv = head === 'go' ? goRunDlv(file, ws, out) : undefined;
  if (goDlv) { analyzeSimple(file, goDlv, out, depth + 1, ctx); return; }
  if (analyzeRunner(file, ws, head, out, depth, ctx)) return;
  const tool = toolOf(head);
  if (!tool) {
    if (ctx && (head === 'make' || head === 'gmake' || MAKE_VARIABLE.test(ws[0]!.value))) { followMake(ctx, file, ws, out, depth); return; }
    if (ctx?.units && (head === 'task' || head === 'go-task' || head === 'just')) { followUnits(ctx, file, ws, head === 'just' ? 'justfile' : 'taskfile', out, depth); return; }
    const p = ctx ? scriptPath(ws) : undefined;
    if (p) followScript(ctx!, file, ws, p.path, p.args, out, depth);
    return;
  }
  // `dlv version`, `strace -V` and friends only print versions.
  const rest = ws.slice(1).map((w) => w.value);
  if (rest.includes('--version') || rest.includes('-V') || rest[0] === 'version' || rest.includes('--help') || rest.includes('-h')) return;
  const use: ToolUse = { tool, use: 'run', span: cmdSpan, words: ws, mode: attachMode(tool, ws), ...(unwrapped.asRoot !== undefined ? { asRoot: unwrapped.asRoot } : {}) };
  if (tool === 'dlv') {
    use.dlv = analyzeDlv(file, ws);
    const sub = use.dlv.sub;
    use.mode = sub === 'attach' ? 'attach' : ['debug', 'exec', 'test', 'trace'].includes(sub) ? 'launch' : sub === 'dap' ? 'launch' : 'other';
  }
  out.tools.push(use);
}

export function analyzeCommands(file: SourceFile, commands: SimpleCommand[], out: CommandFacts = { tools: [], builds: [] }, ctx?: FollowContext): CommandFacts {
  for (const c of commands) analyzeSimple(file, c.words, out, 0, ctx);
  return out;
}

/** Words of an exec-form command (JSON array) or a shell string, as one simple command. */
export function analyzeWords(file: SourceFile, words: Word[], out: CommandFacts = { tools: [], builds: [] }, ctx?: FollowContext): CommandFacts {
  analyzeSimple(file, words, out, 0, ctx);
  return out;
}
