/**
 * The commands a file runs, with source offsets, and the variables it defines:
 * shell scripts, Makefile recipes, workflow `run:` blocks, justfile recipes,
 * Taskfile `cmds`, package.json `scripts` and GitLab CI `script`s.
 *
 * Every word's offsets point into the file's own text, so a finding (or a fix)
 * on a word lands where the user wrote it. Nothing is expanded in the words:
 * `$(IMAGE)`, `{{image}}` and `{{.IMAGE}}` stay as written, and expand()
 * resolves them with the file's own variables when a rule needs the value.
 *
 * Bounded on hostile input: YAML through project.yaml (alias caps there),
 * recursion depth capped, files tokenised line by line (no regex runs over a
 * whole file), and expansion capped in depth, substitutions and length.
 */
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as JNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq } from '../parse/yaml-lib.js';
import { findNodeAtLocation, parseJsoncFile } from '../parse/jsonc-lib.js';
import { splitShell, type SimpleCommand, type Word } from '../parse/shell.js';
import { deref, get, keyOf, pairs, scalarWord, type YamlFile, type YNode } from '../parse/yaml.js';
import { shebangShell } from '../discover/index.js';
import { vscodeTaskCommands } from './vscode-tasks.js';
import type { Project } from './project.js';
import type { SourceFile } from '../types.js';

export interface CommandFile {
  file: SourceFile;
  /** Simple commands with words whose offsets point into file.text. */
  commands: SimpleCommand[];
  /**
   * Variables the file defines (Makefile NAME = v / := / ?= / export, shell NAME=v, justfile name := v,
   * Taskfile vars, GitLab variables, workflow env). File-level definitions first; a variable defined
   * only in a scope (a task's vars, a job's variables, a step's env, a recipe's parameter default)
   * is here too, with the first such definition in the file.
   */
  vars: Map<string, string>;
  /**
   * Expand the file's own variable references in a value: $(X) ${X} ${X:-default} $X (Make, shell),
   * {{X}} {{ X }} (just), {{.X}} (Taskfile), ${{ env.X }} (workflows); unknown ones stay as written.
   */
  expand(value: string): string;
  /**
   * Names a shell script gives a few values each, not one: a loop variable (`for d in debian alpine`,
   * `for d in "${DISTROS[@]}"` over `DISTROS=(debian alpine)`) and an array. Empty for other kinds.
   */
  multi: Map<string, string[]>;
  /**
   * The assignments of the multi-valued names the values reference (after the file's own variables:
   * `DISTRO="${distro}"` leads to the loop variable), one map per combination, at most MAX_VARIANTS;
   * [] when they reference none (or too many combinations).
   */
  variants(values: string[]): Map<string, string>[];
  /** The variables a command sees: those of its task, job, step or recipe over the file's. */
  varsFor(command: SimpleCommand): Map<string, string>;
  /** expand() with varsFor(command). */
  expandFor(command: SimpleCommand, value: string): string;
  /**
   * Named units of a Taskfile (tasks) or justfile (recipes): what `task NAME` / `just NAME` runs. Empty for
   * other kinds (a Makefile's rules are model/maketargets.ts').
   */
  units: Map<string, CommandUnit>;
}

/** A task or recipe: the units it depends on (run first), then its steps: commands, or calls of other units. */
export interface CommandUnit {
  deps: string[];
  steps: Array<SimpleCommand | { call: string }>;
}

const memo = new WeakMap<Project, WeakMap<SourceFile, CommandFile>>();

/** The commands and variables of a file (memoised per project and file). Kinds without commands give none. */
export function commandFileOf(project: Project, file: SourceFile): CommandFile {
  let perProject = memo.get(project);
  if (!perProject) memo.set(project, (perProject = new WeakMap()));
  const hit = perProject.get(file);
  if (hit) return hit;
  const b = new Builder(file);
  switch (file.kind) {
    case 'shell': shellFile(b, project); break;
    case 'makefile': makefile(b, project); break;
    case 'workflow': workflow(project, b); break;
    case 'justfile': justfile(b); break;
    case 'taskfile': taskfile(project, b); break;
    case 'package-json': packageJson(b); break;
    case 'vscode-tasks':
      b.push(vscodeTaskCommands(b.file));
      // VS Code substitutes these before the shell runs the task; a task runs in the workspace folder.
      for (const v of ['workspaceFolder', 'workspaceRoot']) b.vars.set(v, '.');
      break;
    case 'gitlab-ci': gitlabCi(project, b); break;
    default: break;
  }
  const cf = b.done();
  perProject.set(file, cf);
  return cf;
}

// ---------------------------------------------------------------------------
// Collecting commands, variables and scopes

type Scope = Map<string, string>;

/** Which reference forms a file's expand() resolves. */
interface Syntax {
  /** $(X) for a Make variable, and $$ for a `$`. */
  make: boolean;
  /** Names that ${X}, ${X:-d} and $X may resolve: a shell sees only what is in its environment. */
  shell: 'all' | ReadonlySet<string>;
  /** {{X}} and {{ X }} (just), with {{{{ for a literal {{. */
  just: boolean;
  /** {{.X}} and {{ .X }} (Task's Go templates). */
  task: boolean;
  /** ${{ env.X }} (GitHub Actions expressions). */
  actions: boolean;
}

const SHELL_SYNTAX: Syntax = { make: false, shell: 'all', just: false, task: false, actions: false };

/** Combinations of multi-valued names tried for one command, and values kept per name. */
export const MAX_VARIANTS = 8;
const MAX_VALUES = 16;

class Builder {
  readonly commands: SimpleCommand[] = [];
  readonly vars: Scope = new Map();
  readonly multi = new Map<string, string[]>();
  readonly units = new Map<string, CommandUnit>();
  /** Variables met only in a scope, first definition kept (added to vars at the end). */
  private readonly scoped: Scope = new Map();
  private readonly scopes = new Map<SimpleCommand, Scope>();
  syntax: Syntax = SHELL_SYNTAX;

  constructor(readonly file: SourceFile) {}

  push(commands: SimpleCommand[], scope?: Scope): void {
    for (const c of commands) {
      this.commands.push(c);
      if (scope && scope.size > 0) this.scopes.set(c, scope);
    }
  }

  /** Record a scope's own variables (for `vars`), first definition winning. */
  noteScope(scope: Scope): void {
    for (const [k, v] of scope) if (!this.scoped.has(k)) this.scoped.set(k, v);
  }

  done(): CommandFile {
    const { file, commands, vars, syntax, scopes } = this;
    // What a command outside every scope sees: the file-level definitions only.
    const fileLevel = new Map(vars);
    for (const [k, v] of this.scoped) if (!vars.has(k)) vars.set(k, v);
    const merged = new Map<SimpleCommand, Scope>();
    const varsFor = (c: SimpleCommand): Scope => {
      const s = scopes.get(c);
      if (!s) return fileLevel;
      let m = merged.get(c);
      if (!m) {
        m = new Map([...fileLevel, ...s]);
        merged.set(c, m);
      }
      return m;
    };
    const multi = this.multi;
    return {
      file,
      commands,
      vars,
      multi,
      units: this.units,
      variants: (values) => variantsOf(values.map((v) => expandValue(v, vars, syntax)), multi),
      expand: (value) => expandValue(value, vars, syntax),
      varsFor,
      expandFor: (c, value) => expandValue(value, varsFor(c), syntax),
    };
  }
}

// ---------------------------------------------------------------------------
// Expansion

const MAX_EXPAND_DEPTH = 16;
const MAX_EXPANDED_CHARS = 64 * 1024;
const MAX_SUBSTITUTIONS = 10_000;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;
const MAKE_VAR_NAME = /^[A-Za-z0-9_.-]+$/;
const SHELL_REF = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+])([\s\S]*))?$/;

/** Index of the bracket that closes the one at `open`, or -1. */
function closing(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === c && --depth === 0) return i;
  }
  return -1;
}

/**
 * Resolve the references of `value` that name variables in `vars`, the
 * substituted values expanded in turn (a variable is never expanded inside
 * itself: `PORT=${PORT:-2345}` gives 2345). Unknown references stay as
 * written; `${X:-d}` and `${X-d}` give their default when X is unknown.
 */
function expandValue(value: string, vars: ReadonlyMap<string, string>, syntax: Syntax): string {
  const active = new Set<string>();
  let substitutions = 0;
  const shellVisible = (name: string): boolean => syntax.shell === 'all' || syntax.shell.has(name);

  /** The expanded value of a variable, or undefined when it is unknown here (or being expanded, or the budget is spent). */
  const valueOf = (name: string, depth: number): string | undefined => {
    if (active.has(name) || ++substitutions > MAX_SUBSTITUTIONS) return undefined;
    const v = vars.get(name);
    if (v === undefined) return undefined;
    if (depth >= MAX_EXPAND_DEPTH) return v;
    active.add(name);
    try {
      return run(v, depth + 1);
    } finally {
      active.delete(name);
    }
  };

  const run = (s: string, depth: number): string => {
    let out = '';
    let i = 0;
    const n = s.length;
    while (i < n) {
      if (out.length > MAX_EXPANDED_CHARS) return out + s.slice(i);
      const c = s[i]!;
      if (c === '$') {
        const next = s[i + 1];
        if (syntax.actions && next === '{' && s[i + 2] === '{') {
          const end = s.indexOf('}}', i + 3);
          if (end < 0) return out + s.slice(i);
          const m = /^\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(s.slice(i + 3, end));
          const r = m ? valueOf(m[1]!, depth) : undefined;
          out += r ?? s.slice(i, end + 2);
          i = end + 2;
          continue;
        }
        if (syntax.make && next === '$') { out += '$'; i += 2; continue; }
        if (syntax.make && next === '(') {
          const end = closing(s, i + 1, '(', ')');
          if (end < 0) return out + s.slice(i);
          const inner = s.slice(i + 2, end);
          const r = MAKE_VAR_NAME.test(inner) ? valueOf(inner, depth) : undefined;
          out += r ?? s.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        if (next === '{') {
          const end = closing(s, i + 1, '{', '}');
          if (end < 0) return out + s.slice(i);
          const raw = s.slice(i, end + 1);
          i = end + 1;
          const m = SHELL_REF.exec(raw.slice(2, -1));
          if (!m) { out += raw; continue; }
          const name = m[1]!;
          const op = m[2];
          const r = syntax.make || shellVisible(name) ? valueOf(name, depth) : undefined;
          if (!op) out += r ?? raw;
          else if (op === ':-' || op === ':=') out += r !== undefined && r !== '' ? r : run(m[3] ?? '', depth + 1);
          else if (op === '-' || op === '=') out += r ?? run(m[3] ?? '', depth + 1);
          else if (op === ':+') out += r === undefined ? raw : r === '' ? '' : run(m[3] ?? '', depth + 1);
          else out += r === undefined ? raw : run(m[3] ?? '', depth + 1); // '+'
          continue;
        }
        if (next !== undefined && IDENT_START.test(next)) {
          let j = i + 2;
          while (j < n && IDENT_CHAR.test(s[j]!)) j++;
          const name = s.slice(i + 1, j);
          const r = shellVisible(name) ? valueOf(name, depth) : undefined;
          out += r ?? s.slice(i, j);
          i = j;
          continue;
        }
        out += c;
        i++;
        continue;
      }
      if (c === '{' && s[i + 1] === '{' && (syntax.just || syntax.task)) {
        if (syntax.just && s.startsWith('{{{{', i)) { out += '{{'; i += 4; continue; }
        const end = s.indexOf('}}', i + 2);
        if (end < 0) return out + s.slice(i);
        const inner = s.slice(i + 2, end).trim();
        let name: string | undefined;
        if (syntax.task && inner.startsWith('.')) name = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner)?.[1];
        else if (syntax.just) name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(inner) ? inner : undefined;
        const r = name !== undefined ? valueOf(name, depth) : undefined;
        out += r ?? s.slice(i, end + 2);
        i = end + 2;
        continue;
      }
      out += c;
      i++;
    }
    return out;
  };

  return run(value, 0);
}

// ---------------------------------------------------------------------------
// Lines

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the end of the content (before \r\n or \n). */
  end: number;
  /** Offset of the next line (length of the text after the last). */
  next: number;
}

function lineAt(text: string, i: number): Line {
  const nl = text.indexOf('\n', i);
  const next = nl < 0 ? text.length : nl + 1;
  let end = nl < 0 ? text.length : nl;
  if (end > i && text[end - 1] === '\r') end--;
  return { start: i, end, next };
}

/** The line at `i` and every line a trailing backslash continues it onto: [start, end) and the offset after. */
function logicalLine(text: string, i: number): Line {
  let l = lineAt(text, i);
  const start = l.start;
  while (l.end > l.start && text[l.end - 1] === '\\' && l.next < text.length) l = lineAt(text, l.next);
  return { start, end: l.end, next: l.next };
}

/** A logical line's text with each backslash-newline (and the next line's indentation) made one space, as Make reads a variable's value. */
function joinContinued(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return s.includes('\\\n') || s.includes('\\\r\n') ? s.replace(/[ \t]*\\\r?\n[ \t]*/g, ' ') : s;
}

// ---------------------------------------------------------------------------
// Shell scripts

const ASSIGN_PREFIX = new Set(['export', 'readonly', 'declare', 'typeset']);
const LEADING_KEYWORDS = new Set(['then', 'else', 'do', '{', '!']);

/**
 * `NAME=value` commands (alone, or after export/readonly/declare/typeset):
 * the first definition of a name wins, so the value written at the top of a
 * script (`PORT=2345`) is kept over a later conditional one (`PORT=$1`).
 * `NAME=value cmd` sets NAME for cmd only and is not a definition.
 */
function shellVars(commands: SimpleCommand[], into: Scope): void {
  for (const c of commands) {
    let k = 0;
    while (k < c.words.length && !c.words[k]!.quoted && LEADING_KEYWORDS.has(c.words[k]!.value)) k++;
    const first = c.words[k];
    if (!first) continue;
    if (ASSIGN_PREFIX.has(first.value) && !first.quoted) {
      k++;
      while (k < c.words.length && c.words[k]!.value.startsWith('-')) k++;
    } else if (!isAssignmentWord(first)) continue;
    const rest = c.words.slice(k);
    if (rest.length === 0 || !rest.every((w) => isAssignmentWord(w) || /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value))) continue;
    for (const w of rest) {
      const eq = w.value.indexOf('=');
      if (eq < 0) continue;
      const name = w.value.slice(0, eq);
      if (!into.has(name)) into.set(name, w.value.slice(eq + 1));
    }
  }
}

function isAssignmentWord(w: Word): boolean {
  // The name must be written unquoted: "A=1" is a command named A=1.
  const eq = w.value.indexOf('=');
  return eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value.slice(0, eq)) && (w.map[eq] ?? -1) - w.start === eq;
}

function shellFile(b: Builder, project: Project): void {
  const commands = assembledCommands(splitShell(b.file.text), b.file.text);
  b.push(commands);
  shellVars(commands, b.vars);
  sourcedVars(project, b.file, commands, b.vars, [b.file.path]);
  shellMulti(b.file.text, commands, b.vars, b.multi);
}

const ARRAY_OPEN = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=$/;
const ARRAY_USE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\[@\]\}$/;
const ALL_ARGS = new Set(['$@', '${@}']);
/** Reserved words that open and close a compound command (their bodies are not what a whole script runs). */
const OPENERS = new Set(['if', 'case', 'for', 'while', 'until', 'select', '{']);
const CLOSERS = new Set(['fi', 'esac', 'done', '}']);
const MAX_ASSEMBLED_WORDS = 512;
/** Arrays a script may define before the rest are left alone, and the text an array may span. */
const MAX_ARRAYS = 256;
const MAX_ARRAY_TEXT = 64 * 1024;

/**
 * A script's commands with the ones it builds as data put together: an array's items are words, not a
 * command (`args=(docker run --rm` … `)`, `args+=(…)`), and `"${args[@]}"` runs them; `set -- docker run …`
 * (and `set -- "$@" …`) sets the positional parameters, and `exec "$@"` / `"$@"` runs them. The words are
 * known only when every definition and append before the run is at the top level of the script (not in an
 * `if`, a loop, a `case` or a function: which of them ran is not written down) and no item is another array or
 * `"$@"` the script does not know: then the run is one command whose words are the items where they are
 * written (a fix edits the array's own line); otherwise nothing is assembled, and the run is no command.
 */
/** The offset of the `)` that closes the `(` at `open` (quotes, `$(…)` and comments skipped), or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_ARRAY_TEXT);
  for (let i = open; i < end; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'") { const e = text.indexOf("'", i + 1); if (e < 0 || e >= end) return -1; i = e; continue; }
    if (c === '"') {
      let e = i + 1;
      while (e < end && text[e] !== '"') e += text[e] === '\\' ? 2 : 1;
      if (e >= end) return -1;
      i = e;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) { const e = text.indexOf('\n', i); if (e < 0 || e >= end) return -1; i = e; continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

export function assembledCommands(commands: SimpleCommand[], text: string): SimpleCommand[] {
  if (!commands.some((c) => c.sep === '(' || c.words[0]?.value === 'set')) return commands;
  const out: SimpleCommand[] = [];
  /** Known words of each array, or null once a definition could not be read (or was conditional). */
  const arrays = new Map<string, Word[] | null>();
  let positional: Word[] | null | undefined;
  let depth = 0;
  /** Arrays read so far (each closing paren is looked for within MAX_ARRAY_TEXT characters). */
  let read = 0;
  const spliced = (items: Word[]): Word[] | null => {
    const words: Word[] = [];
    for (const w of items) {
      const ref = ARRAY_USE.exec(w.value);
      if (ref) {
        const known = arrays.get(ref[1]!);
        if (!known) return null;
        words.push(...known);
      } else if (ALL_ARGS.has(w.value)) {
        if (!positional) return null;
        words.push(...positional);
      } else words.push(w);
      if (words.length > MAX_ASSEMBLED_WORDS) return null;
    }
    return words;
  };
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    const head = c.words[0];
    if (head && !head.quoted && OPENERS.has(head.value)) depth++;
    // `function name {` (and `name() {`, whose `{` opens a command of its own): a function's body is conditional code too.
    else if (c.words.length > 1 && c.words[c.words.length - 1]!.value === '{' && !c.words[c.words.length - 1]!.quoted) depth++;
    for (const w of c.words) if (!w.quoted && CLOSERS.has(w.value) && w !== head) depth = Math.max(0, depth - 1);
    if (head && !head.quoted && CLOSERS.has(head.value)) depth = Math.max(0, depth - 1);
    const last = c.words[c.words.length - 1];
    const open = c.sep === '(' && last ? ARRAY_OPEN.exec(last.value) : null;
    if (open) {
      // The items: the words up to the `)` that closes them (over several lines; none for `NAME=()`).
      const close = text[last!.end] === '(' && read++ < MAX_ARRAYS ? closingParen(text, last!.end) : -1;
      if (close < 0) { out.push(c); continue; }
      const items: Word[] = [];
      let j = i;
      while (j + 1 < commands.length && commands[j + 1]!.start < close) items.push(...commands[++j]!.words);
      const name = open[1]!;
      const prior = open[2] === '+' ? arrays.get(name) : [];
      const top = depth === 0 && c.words.slice(0, -1).every((w) => ['local', 'declare', 'typeset', 'readonly', '-a'].includes(w.value));
      const words = top && prior !== null && prior !== undefined ? spliced(items) : null;
      arrays.set(name, words && prior!.length + words.length <= MAX_ASSEMBLED_WORDS ? [...prior!, ...words] : null);
      if (c.words.length > 1) out.push({ ...c, words: c.words.slice(0, -1) });
      i = j;
      continue;
    }
    if (head?.value === 'set' && !head.quoted && c.words[1]?.value === '--') {
      positional = depth === 0 ? spliced(c.words.slice(2)) : null;
      out.push(c);
      continue;
    }
    // A run of the words: `"${args[@]}"` / `exec "$@"`, or a command with such a word among its own
    // (`docker run "${caps[@]}" IMAGE`): the items spliced in where the word stands.
    if (c.words.some((w) => ARRAY_USE.test(w.value) || ALL_ARGS.has(w.value))) {
      let k = 0;
      while (k < c.words.length && (c.words[k]!.value === 'exec' || c.words[k]!.value === 'sudo') && !c.words[k]!.quoted) k++;
      const lead = c.words[k] !== undefined && (ARRAY_USE.test(c.words[k]!.value) || ALL_ARGS.has(c.words[k]!.value));
      const words = spliced(lead ? c.words.slice(k) : c.words);
      if (words && words.length > 0) {
        // Run by `exec`/`sudo` in front, the command starts where its first item is written.
        out.push({ words, start: lead ? words[0]!.start : c.start, end: c.end, sep: c.sep });
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** A `.env` file holds secrets as often as settings: its values never flow into commands (as for Compose, env.ts). */
const ENV_FILE = /(^|\/)\.env(\.[^/]*)?$/;

/** Files a script sources, and Makefiles include, followed this many files deep. */
const MAX_SOURCE_HOPS = 4;
/** Files read for their variables per file that starts the chain. */
const MAX_SOURCED_FILES = 16;

/** The script's own directory, as `$(dirname "$0")`, `$(dirname "${BASH_SOURCE[0]}")`, `${0%/*}`, `${BASH_SOURCE%/*}` write it (also inside `$(cd … && pwd)`). */
const SELF = String.raw`(?:\$0|\$\{0\}|\$\{BASH_SOURCE(?:\[0\])?\}|\$BASH_SOURCE)`;
/** `$(dirname "$0")`, also of the resolved path (`$(dirname "$(realpath "$0")")`, `readlink -f`): inside the repository, the same directory. */
const DIRNAME = String.raw`\$\(dirname\s+(?:--\s+)?"?(?:${SELF}|\$\((?:realpath|readlink\s+-f)\s+"?${SELF}"?\))"?\)`;
const SCRIPT_DIR = new RegExp(String.raw`^(?:${DIRNAME}|\$\(\s*cd\s+(?:--\s+)?"?${DIRNAME}"?(?:\s*(?:&>|>)\s*\/dev\/null(?:\s+2>&1)?)?\s*&&\s*pwd(?:\s+-P)?\s*\)|\$\{0%\/\*\}|\$\{BASH_SOURCE(?:\[0\])?%\/\*\})`);

/**
 * The repository file a `source PATH` / `. PATH` names: `./x.sh` and `x.sh` relative to the script's directory,
 * then the repository root (the directory it runs in is not written down); `$(dirname "$0")/x.sh` and a variable
 * holding that directory (`DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"`) relative to the script's own
 * directory only. Undefined for anything else (an absolute path, `~`, another variable): nothing is guessed.
 */
function sourcedPath(project: Project, from: SourceFile, top: SourceFile, raw: string, vars: ReadonlyMap<string, string>): SourceFile | undefined {
  const dirOf = (f: SourceFile): string => (f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '');
  let dir = dirOf(from);
  let path = raw;
  const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(?=\/)/.exec(path);
  // A variable that holds the script's directory (or a path from it): its value in its place.
  if (ref && SCRIPT_DIR.test(vars.get(ref[1]!)?.trim() ?? '')) path = `${vars.get(ref[1]!)!.trim()}${path.slice(ref[0].length)}`;
  const own = SCRIPT_DIR.exec(path);
  const candidates: string[] = [];
  const join = (base: string, rel: string): string | undefined => {
    const parts: string[] = base === '' ? [] : base.split('/');
    for (const seg of rel.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') { if (parts.length === 0) return undefined; parts.pop(); continue; }
      parts.push(seg);
    }
    return parts.length > 0 ? parts.join('/') : undefined;
  };
  if (own) {
    if (path[own[0].length] !== '/') return undefined;
    // In a sourced file `$0` is still the script that was run; BASH_SOURCE is the file itself.
    if (!own[0].includes('BASH_SOURCE')) dir = dirOf(top);
    const p = join(dir, path.slice(own[0].length + 1));
    if (p !== undefined) candidates.push(p);
  } else {
    if (path.includes('$') || path.includes('`') || path.startsWith('/') || path.startsWith('~') || path === '') return undefined;
    for (const base of [dir, '']) {
      const p = join(base, path);
      if (p !== undefined && !candidates.includes(p)) candidates.push(p);
    }
  }
  for (const c of candidates) {
    if (ENV_FILE.test(c)) continue;
    const f = project.file(c, 'shell', { quiet: true });
    if (f) return f;
  }
  return undefined;
}

/**
 * Variables of the files a script sources (`. ./hack/env.sh`, `source "$(dirname "$0")/vars.sh"`), and of those
 * they source in turn (MAX_SOURCE_HOPS files deep, each file once: a cycle stops where it closes): a name the
 * script defines itself keeps its own value; among the sourced files the first definition wins, as in the script.
 */
const sourcedCache = new WeakMap<SourceFile, { commands: SimpleCommand[]; vars: Scope }>();

function sourcedVars(project: Project, file: SourceFile, commands: SimpleCommand[], into: Scope, chain: string[], budget = { files: MAX_SOURCED_FILES }, top?: SourceFile): void {
  if (chain.length > MAX_SOURCE_HOPS) return;
  for (const c of commands) {
    let k = 0;
    while (k < c.words.length && !c.words[k]!.quoted && LEADING_KEYWORDS.has(c.words[k]!.value)) k++;
    const verb = c.words[k];
    if (!verb || verb.quoted || (verb.value !== 'source' && verb.value !== '.') || !c.words[k + 1]) continue;
    if (budget.files <= 0) return;
    const target = sourcedPath(project, file, top ?? file, c.words[k + 1]!.value, into);
    if (!target || chain.includes(target.path)) continue;
    budget.files--;
    // Parsed once however many scripts source it (a hack/common.sh of a hundred scripts).
    let parsed = sourcedCache.get(target);
    if (!parsed) {
      const commands = splitShell(target.text);
      const found: Scope = new Map();
      shellVars(commands, found);
      parsed = { commands, vars: found };
      sourcedCache.set(target, parsed);
    }
    for (const [name, v] of parsed.vars) if (!into.has(name)) into.set(name, v);
    sourcedVars(project, target, parsed.commands, into, [...chain, target.path], budget, top ?? file);
  }
}

const ARRAY_ASSIGN = /^[ \t]*(?:(?:declare|typeset|local|readonly)[ \t]+(?:-[aAr]+[ \t]+)*)?([A-Za-z_][A-Za-z0-9_]*)=\(([^()`$]*)\)[ \t]*(?:#.*)?$/;
const ARRAY_REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}$/;
const LITERAL = /^[A-Za-z0-9_.:@/+-]+$/;

/**
 * Arrays written on one line (`DISTROS=("debian" "alpine")`, literal items only) and loop variables
 * over literal words or such an array: the values each name takes. A loop over anything else (a glob,
 * a command substitution, an unknown variable) gives its variable no values. The first array
 * definition wins, as for shellVars; a loop variable's values are the union of its loops'.
 */
function shellMulti(text: string, commands: SimpleCommand[], vars: Scope, into: Map<string, string[]>): void {
  const arrays = new Map<string, string[]>();
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    let line = text.slice(from, nl < 0 ? text.length : nl);
    from = nl < 0 ? text.length + 1 : nl + 1;
    if (!line.includes('=(')) continue;
    // An array written over several lines (`SERVICES=(` … `)`): its lines joined, 64 at the most.
    if (/=\([^()]*$/.test(line)) {
      for (let k = 0; k < 64 && from <= text.length && !line.includes(')'); k++) {
        const e = text.indexOf('\n', from);
        line += ' ' + text.slice(from, e < 0 ? text.length : e).replace(/#.*$/, '');
        from = e < 0 ? text.length + 1 : e + 1;
      }
    }
    const m = ARRAY_ASSIGN.exec(line);
    if (!m || arrays.has(m[1]!)) continue;
    const items = splitShell(m[2]!).flatMap((c) => c.words.map((w) => w.value));
    if (items.length > 0 && items.length <= MAX_VALUES && items.every((v) => LITERAL.test(v))) arrays.set(m[1]!, items);
  }
  for (const [k, v] of arrays) if (!vars.has(k)) into.set(k, v);
  for (const c of commands) {
    const w = c.words;
    let k = 0;
    while (k < w.length && !w[k]!.quoted && LEADING_KEYWORDS.has(w[k]!.value)) k++;
    if (w[k]?.value !== 'for' || w[k]!.quoted || w[k + 2]?.value !== 'in' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(w[k + 1]?.value ?? '')) continue;
    const name = w[k + 1]!.value;
    const values: string[] = [];
    let ok = k + 3 < w.length;
    for (const x of w.slice(k + 3)) {
      const ref = ARRAY_REF.exec(x.value);
      const arr = ref ? arrays.get(ref[1]!) : undefined;
      // An unquoted `$LIST` whose one value is literal words (`SERVICES="api worker"`) splits into them.
      const list = !arr && !x.quoted ? /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(x.value) : null;
      const words = list ? vars.get(list[1]!)?.trim().split(/\s+/) : undefined;
      if (arr) values.push(...arr);
      else if (words && words.length > 0 && words.every((v) => LITERAL.test(v) && !/[*?[]/.test(v))) values.push(...words);
      else if (LITERAL.test(x.value) && !/[*?[]/.test(x.value)) values.push(x.value);
      else { ok = false; break; }
    }
    if (!ok || vars.has(name)) continue;
    const all = [...new Set([...(into.get(name) ?? []), ...values])];
    if (all.length <= MAX_VALUES) into.set(name, all);
  }
}

/** One assignment per combination of the multi-valued names the (expanded) values reference. */
function variantsOf(values: string[], multi: ReadonlyMap<string, string[]>): Map<string, string>[] {
  if (multi.size === 0) return [];
  const names: string[] = [];
  for (const v of values) {
    for (const m of v.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (multi.has(m[1]!) && !names.includes(m[1]!)) names.push(m[1]!);
  }
  if (names.length === 0) return [];
  let out: Map<string, string>[] = [new Map()];
  for (const n of names) {
    const next: Map<string, string>[] = [];
    for (const base of out) for (const v of multi.get(n)!) next.push(new Map([...base, [n, v]]));
    if (next.length > MAX_VARIANTS) return [];
    out = next;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Makefiles

const MAKE_ASSIGN = /^((?:(?:export|override|private)[ \t]+)*)([^\s:#=]+)[ \t]*(:::=|::=|:=|\?=|\+=|!=|=)(.*)$/s;
const MAKE_CONDITIONAL = /^[ \t]*(ifeq|ifneq|ifdef|ifndef)\b/;
const MAKE_ENDIF = /^[ \t]*endif\b/;
const MAKE_DEFINE = /^[ \t]*(?:(?:export|override|private)[ \t]+)*define[ \t]+([^\s:#=]+)/;
const MAKE_ENDEF = /^[ \t]*endef\b/;

/** A Make variable value without its comment (an unescaped #) and surrounding blanks. */
function makeValue(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\' && v[i + 1] === '#') { out += '#'; i++; continue; }
    if (c === '#') break;
    out += c;
  }
  return out.trim();
}

/**
 * Recipe lines (a tab first; `@ - +` prefixes; backslash continuations; `$$`
 * is `$`) and variables. Assignments follow Make's order (a later `=` or `:=`
 * replaces, `?=` sets only an undefined name, `+=` appends), except inside
 * ifeq/ifdef blocks, where only a name not yet defined is set: both branches
 * are read, and the first one wins. `!=` (a shell command's output) is not
 * resolved. `define NAME … endef` gives the lines between.
 */
function makefile(b: Builder, project?: Project, chain: string[] = [b.file.path]): void {
  b.syntax = { ...SHELL_SYNTAX, make: true };
  const text = b.file.text;
  const vars = b.vars;
  let conditional = 0;
  let define: { name: string; depth: number; from: number } | undefined;
  const bodies = new Map<string, { from: number; to: number }>();
  let calls = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\t') {
      // A recipe line, with its continuations (also inside define: a canned recipe).
      const l = logicalLine(text, i);
      let s = i + 1;
      while (s < l.end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' ')) s++;
      b.push(splitShell(text.slice(s, l.end), { base: s, make: true }));
      i = l.next;
      continue;
    }
    if (define) {
      const l = lineAt(text, i);
      const line = text.slice(l.start, l.end);
      if (MAKE_ENDEF.test(line) && --define.depth === 0) {
        const body = text.slice(define.from, l.start).replace(/\r?\n$/, '');
        setMake(vars, define.name, body, '=', conditional > 0);
        bodies.set(define.name, { from: define.from, to: l.start });
        define = undefined;
      } else if (MAKE_DEFINE.test(line)) define.depth++;
      i = l.next;
      continue;
    }
    const l = logicalLine(text, i);
    const line = joinContinued(text, l.start, l.end);
    i = l.next;
    const def = MAKE_DEFINE.exec(line);
    if (def) { define = { name: def[1]!, depth: 1, from: l.next }; continue; }
    if (line.includes('$(call') && calls < MAX_MAKE_CALLS) {
      for (const m of line.matchAll(MAKE_CALL)) {
        const body = bodies.get(m[1]!);
        if (!body || ++calls > MAX_MAKE_CALLS) continue;
        b.push(expandCanned(text, body, m[2] ? m[2].slice(1).split(',').map((a) => a.trim()) : []));
      }
    }
    const inc = project ? MAKE_INCLUDE.exec(line) : null;
    if (inc && project && chain.length <= MAX_SOURCE_HOPS) {
      includedVars(project, b, inc[1]!, conditional > 0, chain);
      continue;
    }
    if (MAKE_CONDITIONAL.test(line)) { conditional++; continue; }
    if (MAKE_ENDIF.test(line)) { if (conditional > 0) conditional--; continue; }
    const m = MAKE_ASSIGN.exec(line.trimStart());
    if (!m) continue;
    const op = m[3]!;
    if (op === '!=') continue;
    setMake(vars, m[2]!, makeValue(m[4]!), op, conditional > 0);
  }
}

const MAKE_INCLUDE = /^[ \t]*(?:-include|sinclude|include)[ \t]+([^#]+)/;

/**
 * `include FILE…` / `-include FILE…` (`include versions`, `-include .env`): the variables the included files
 * define, where the include stands in the Makefile (the files relative to the Makefile's directory, where make
 * runs; names expanded with the variables so far; a glob or an unknown variable is not read). Their rules are
 * not taken: an included makefile of the repository is read as a file of its own.
 */
const includedCache = new WeakMap<SourceFile, Scope>();

function includedVars(project: Project, b: Builder, list: string, conditional: boolean, chain: string[]): void {
  const dir = b.file.path.includes('/') ? b.file.path.slice(0, b.file.path.lastIndexOf('/') + 1) : '';
  for (const raw of list.trim().split(/\s+/)) {
    const name = expandValue(raw, b.vars, b.syntax);
    if (name === '' || /[$*?[~]/.test(name) || name.startsWith('/')) continue;
    const path = (dir + name).split('/').filter((x) => x !== '' && x !== '.').join('/');
    if (path.split('/').includes('..') || chain.includes(path) || ENV_FILE.test(path)) continue;
    const f = project.file(path, 'makefile', { quiet: true });
    if (!f) continue;
    // Read once however many Makefiles include it.
    let vars = includedCache.get(f);
    if (!vars) {
      const inner = new Builder(f);
      makefile(inner, project, [...chain, path]);
      vars = inner.vars;
      includedCache.set(f, vars);
    }
    for (const [k, v] of vars) setMake(b.vars, k, v, conditional ? '?=' : '=', conditional);
  }
}

/** `$(call NAME,a,b)` with plain arguments (no nested references: `$(call T,$(x))` is left alone). */
const MAKE_CALL = /\$\(call[ \t]+([^\s,()$]+)((?:,[^,()$]*)*)\)/g;
const MAX_MAKE_CALLS = 256;

/**
 * The recipe lines of a `define` body as one `$(eval $(call NAME,a,b))` instantiates them: `$(1)`, `$(2)`, …
 * replaced by the arguments (each character of an argument mapped to the `$(` it stands for, the rest to
 * its own offset), so that `docker build -t …/$(1):$(TAG) $(2)` in an image template is each image's build.
 */
function expandCanned(text: string, body: { from: number; to: number }, args: string[]): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let i = body.from;
  while (i < body.to) {
    const l = logicalLine(text, i);
    i = l.next;
    if (text[l.start] !== '\t' || l.end > body.to) continue;
    let s = l.start + 1;
    while (s < l.end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' ')) s++;
    let sub = '';
    const map: number[] = [];
    for (let k = s; k < l.end; k++) {
      const ref = text[k] === '$' && text[k + 1] === '(' && /[1-9]/.test(text[k + 2] ?? '') && text[k + 3] === ')';
      if (ref) {
        const v = args[Number(text[k + 2]) - 1] ?? '';
        for (const c of v) { sub += c; map.push(k); }
        k += 3;
        continue;
      }
      sub += text[k];
      map.push(k);
    }
    out.push(...splitShell(sub, { map, make: true }));
  }
  return out;
}

function setMake(vars: Scope, name: string, value: string, op: string, conditional: boolean): void {
  const prev = vars.get(name);
  if (op === '+=') vars.set(name, prev === undefined || prev === '' ? value : `${prev} ${value}`);
  else if (op === '?=' || conditional) { if (prev === undefined) vars.set(name, value); }
  else vars.set(name, value);
}

// ---------------------------------------------------------------------------
// Templates inside shell words: {{ X }} kept as one word

/**
 * The text of [start, end) with the blanks inside each `{{ … }}` removed, so
 * that splitShell keeps the interpolation in one word, and the source offset
 * of each character kept. An interpolation holding a quote, or not closed on
 * its line, is left alone; `{{{{` (just's literal braces) too.
 */
const MAX_TEMPLATE = 256;

function compactTemplates(text: string, map: number[]): { text: string; map: number[] } {
  if (!text.includes('{{')) return { text, map };
  let out = '';
  const outMap: number[] = [];
  let i = 0;
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) { out += text[k]; outMap.push(map[k]!); }
  };
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) { copy(i, text.length); break; }
    copy(i, open);
    if (text.startsWith('{{{{', open)) { copy(open, open + 4); i = open + 4; continue; }
    // An interpolation is short: look for its end within MAX_TEMPLATE characters (a bounded search per `{{`).
    const window = text.slice(open + 2, open + 2 + MAX_TEMPLATE);
    const rel = window.indexOf('}}');
    const inner = rel < 0 ? '' : window.slice(0, rel);
    if (rel < 0 || /["'`\n]/.test(inner)) { copy(open, open + 2); i = open + 2; continue; }
    const close = open + 2 + rel;
    copy(open, open + 2);
    for (let k = open + 2; k < close; k++) if (text[k] !== ' ' && text[k] !== '\t') { out += text[k]; outMap.push(map[k]!); }
    copy(close, close + 2);
    i = close + 2;
  }
  return { text: out, map: outMap };
}

/** Split a stretch of the file as shell, templates kept whole. */
function splitTemplated(file: SourceFile, start: number, end: number): SimpleCommand[] {
  const raw = file.text.slice(start, end);
  if (!raw.includes('{{')) return splitShell(raw, { base: start });
  const map = Array.from({ length: raw.length }, (_, k) => start + k);
  const c = compactTemplates(raw, map);
  return splitShell(c.text, { map: c.map });
}

/** Split a YAML scalar's value as shell, offsets mapped into the file; with `templates`, {{ … }} kept whole (Task). */
function splitScalar(file: SourceFile, n: Scalar, templates = false): SimpleCommand[] {
  const w = scalarWord(file, n);
  if (!templates) return splitShell(w.value, { map: w.map });
  const c = compactTemplates(w.value, w.map);
  return splitShell(c.text, { map: c.map });
}

// ---------------------------------------------------------------------------
// justfiles

const JUST_NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** The just name at `i` of `s`, if one starts there (sticky: no slice of a long line per token). */
function justNameAt(s: string, i: number): string | undefined {
  JUST_NAME.lastIndex = i;
  return JUST_NAME.exec(s)?.[0];
}
const JUST_ASSIGN = /^(export[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:=[ \t]*(.*)$/;
/** Settings, aliases, imports and modules (`import? 'x'`, `mod? name`): a keyword then a blank or `?`, so that a recipe `set-up:` is not one. */
const JUST_SKIP = /^(set|alias|import|mod|unexport)(?=[ \t?])/;

/**
 * A just expression as a template expand() resolves: string literals become
 * their text, names become {{name}}, `+` concatenates and `/` joins with a
 * slash. Anything else (a function call, a backtick, `if`) is kept as written.
 */
function justExpression(src: string): string {
  let out = '';
  let i = 0;
  let expectOperand = true;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break;
    if (!expectOperand) {
      if (c === '+') { expectOperand = true; i++; continue; }
      if (c === '/') { out += '/'; expectOperand = true; i++; continue; }
      return src.trim();
    }
    if (c === "'" || c === '"') {
      if (src.startsWith(c.repeat(3), i)) return src.trim(); // an indented multi-line string
      let j = i + 1;
      let lit = '';
      while (j < n && src[j] !== c) {
        if (c === '"' && src[j] === '\\' && j + 1 < n) {
          const e = src[j + 1]!;
          lit += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          j += 2;
          continue;
        }
        lit += src[j];
        j++;
      }
      if (j >= n) return src.trim();
      out += lit;
      i = j + 1;
      expectOperand = false;
      continue;
    }
    const m = justNameAt(src, i);
    if (m && src[i + m.length] !== '(' && m !== 'if' && m !== 'else') {
      out += `{{${m}}}`;
      i += m.length;
      expectOperand = false;
      continue;
    }
    return src.trim();
  }
  return expectOperand && out !== '' ? src.trim() : out;
}

/** The plain recipe names after a header's `:` (`debug: build (gen "x") && after`): `build`, `gen`, `after`. */
function justDeps(rest: string): string[] {
  const out: string[] = [];
  for (const w of rest.replace(/#.*$/, '').replace(/["'][^"']*["']/g, ' ').split(/[\s()&]+/)) if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(w)) out.push(w);
  return out;
}

/** A recipe header's parameters: name, then `name`, `name=default`, `+name`, `*name`, `$name` …, up to the `:` (not `:=`). Undefined when the line is no recipe header. */
function justHeader(line: string): { name: string; params: Scope; exported: string[]; deps: string[] } | undefined {
  let i = line[0] === '@' ? 1 : 0;
  const name = justNameAt(line, i);
  if (!name) return undefined;
  i += name.length;
  const params: Scope = new Map();
  const exported: string[] = [];
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) return undefined;
    if (line[i] === ':') return line[i + 1] === '=' ? undefined : { name, params, exported, deps: justDeps(line.slice(i + 1)) };
    if (line[i] === '+' || line[i] === '*') i++;
    let isExported = false;
    if (line[i] === '$') { isExported = true; i++; }
    const p = justNameAt(line, i);
    if (!p) return undefined;
    i += p.length;
    if (isExported) exported.push(p);
    if (line[i] !== '=') continue;
    i++;
    const q = line[i];
    if (q === "'" || q === '"' || q === '`') {
      const close = line.indexOf(q, i + 1);
      if (close < 0) return undefined;
      if (q !== '`') params.set(p, line.slice(i + 1, close));
      i = close + 1;
    } else if (q === '(') {
      const close = closing(line, i, '(', ')');
      if (close < 0) return undefined;
      params.set(p, justExpression(line.slice(i + 1, close)));
      i = close + 1;
    } else {
      const v = justNameAt(line, i);
      if (!v) return undefined;
      params.set(p, `{{${v}}}`);
      i += v.length;
    }
  }
}

/** The interpreter a `[script]` / `[script('bash', '-eu')]` attribute names; '' for the default (sh); undefined when the line has none. */
function scriptAttribute(line: string): string | undefined {
  const m = /(?:^\[|,)[ \t]*script(?![\w-])(?:[ \t]*\([ \t]*(['"])([^'"]*)\1)?/.exec(line);
  if (!m) return undefined;
  return m[2] ?? '';
}

/**
 * Recipes: a header at the start of a line (`name params…: deps`) and the
 * indented lines below it. A linewise recipe's lines lose their `@` and `-`
 * prefixes; a recipe whose body opens with `#!` (or that has a `[script]`
 * attribute) is one script, taken only when it is sh, bash, dash, ash, zsh or
 * ksh. Variables: `name := value` and `export name := value` (strings
 * unquoted, concatenation resolved); `set shell := […]` and other settings
 * are ignored, except `set export`, which puts every variable in the
 * recipes' environment ($name then resolves too).
 */
function justfile(b: Builder): void {
  const text = b.file.text;
  const exported = new Set<string>();
  let exportAll = false;
  let script: string | undefined;
  let i = 0;
  while (i < text.length) {
    const l = lineAt(text, i);
    const line = text.slice(l.start, l.end);
    const c = line[0];
    if (c === undefined || c === ' ' || c === '\t' || c === '#') { i = l.next; continue; }
    if (c === '[') {
      script = scriptAttribute(line) ?? script;
      i = l.next;
      continue;
    }
    const a = JUST_ASSIGN.exec(line);
    if (a) {
      b.vars.set(a[2]!, justExpression(a[3]!));
      if (a[1]) exported.add(a[2]!);
      script = undefined;
      i = l.next;
      continue;
    }
    if (JUST_SKIP.test(line)) {
      const m = /^set[ \t]+export\b(?:[ \t]*:=[ \t]*(\w+))?/.exec(line);
      if (m) exportAll = m[1] === undefined || m[1] === 'true';
      script = undefined;
      i = l.next;
      continue;
    }
    const header = justHeader(line);
    const attr = script;
    script = undefined;
    i = l.next;
    if (!header) continue;
    for (const e of header.exported) exported.add(e);
    b.noteScope(header.params);
    // The body: indented or blank lines, up to the first line that starts at column 0.
    const body: Line[] = [];
    while (i < text.length) {
      const bl = lineAt(text, i);
      const first = text[bl.start];
      if (bl.end > bl.start && first !== ' ' && first !== '\t') break;
      body.push(bl);
      i = bl.next;
    }
    while (body.length > 0 && text.slice(body[body.length - 1]!.start, body[body.length - 1]!.end).trim() === '') body.pop();
    const unit: CommandUnit = { deps: header.deps, steps: [] };
    if (!b.units.has(header.name)) b.units.set(header.name, unit);
    const before = b.commands.length;
    const firstLine = body.find((x) => text.slice(x.start, x.end).trim() !== '');
    if (!firstLine) continue;
    const firstText = text.slice(firstLine.start, firstLine.end).trimStart();
    const scope = header.params;
    if (firstText.startsWith('#!') || attr !== undefined) {
      const shebang = firstText.startsWith('#!');
      const interp = shebang ? shebangShell(firstText) : attr === '' ? 'sh' : shebangShell(`#!${attr}`);
      if (!interp) continue;
      const from = shebang ? firstLine.next : firstLine.start;
      const to = body[body.length - 1]!.end;
      if (from < to) b.push(splitTemplated(b.file, from, to), scope);
      unit.steps.push(...b.commands.slice(before));
      continue;
    }
    for (let k = 0; k < body.length; k++) {
      const bl = body[k]!;
      let s = bl.start;
      while (s < bl.end && (text[s] === ' ' || text[s] === '\t')) s++;
      if (s >= bl.end) continue;
      while (s < bl.end && (text[s] === '@' || text[s] === '-')) s++;
      // A trailing backslash continues the line onto the next one of the body.
      let e = bl.end;
      while (e > s && text[e - 1] === '\\' && k + 1 < body.length) e = body[++k]!.end;
      b.push(splitTemplated(b.file, s, e), scope);
    }
    unit.steps.push(...b.commands.slice(before));
  }
  b.syntax = { ...SHELL_SYNTAX, shell: exportAll ? 'all' : exported, just: true };
}

// ---------------------------------------------------------------------------
// YAML helpers

const MAX_DEPTH = 40;

/** A map's scalar-valued entries (`NAME: value`, or `NAME: {value: …}` when valueKey is given) as variables. */
function yamlVars(y: YamlFile, node: YNode, valueKey?: string): Scope {
  const out: Scope = new Map();
  for (const p of pairs(y, node)) {
    const k = keyOf(p);
    if (k === undefined) continue;
    let v = deref(y, p.value);
    if (v && valueKey && isMap(v)) v = get(y, v, valueKey);
    if (v && isScalar(v)) {
      const val = (v as Scalar).value;
      out.set(k, val === null || val === undefined ? '' : String(val));
    }
  }
  return out;
}

function merge(a: Scope, b: Scope): Scope {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return new Map([...a, ...b]);
}

// ---------------------------------------------------------------------------
// GitHub workflows

const SH_RUN_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * Every `run:` scalar of the file, at any depth (steps of jobs, composite
 * actions), except a step whose `shell:` is another language (pwsh, python).
 * `env:` maps: the top-level one gives the file's variables; a job's or a
 * step's is the scope of the commands below it.
 */
function workflow(project: Project, b: Builder): void {
  b.syntax = { ...SHELL_SYNTAX, actions: true };
  const y = project.yaml(b.file);
  if (!y) return;
  const visit = (n: unknown, depth: number, scope: Scope): void => {
    if (depth > MAX_DEPTH || !n) return;
    const d = deref(y, n);
    if (!d) return;
    if (isMap(d)) {
      let here = scope;
      let shell: string | undefined;
      for (const p of (d as YAMLMap).items) {
        const k = isScalar(p.key) ? String((p.key as Scalar).value) : '';
        if (k === 'env') {
          const env = yamlVars(y, deref(y, p.value));
          if (depth === 0) for (const [name, v] of env) b.vars.set(name, v);
          else { b.noteScope(env); here = merge(here, env); }
        } else if (k === 'shell') {
          const v = deref(y, p.value);
          if (v && isScalar(v)) shell = String((v as Scalar).value ?? '');
        }
      }
      const sh = shell?.trim().split(/\s+/)[0];
      const shellOk = sh === undefined || sh === '' || SH_RUN_SHELLS.has(sh.slice(sh.lastIndexOf('/') + 1));
      for (const p of (d as YAMLMap).items) {
        const k = isScalar(p.key) ? String((p.key as Scalar).value) : '';
        if (k === 'env') continue;
        const v = deref(y, p.value);
        if (k === 'run' && v && isScalar(v)) {
          if (shellOk) b.push(splitScalar(b.file, v as Scalar), here);
        } else visit(v, depth + 1, here);
      }
    } else if (isSeq(d)) for (const i of (d as YAMLSeq).items) visit(i, depth + 1, scope);
  };
  for (const doc of y.docs) visit(doc.contents as Node, 0, new Map());
}

// ---------------------------------------------------------------------------
// Taskfiles

/**
 * `tasks.<name>` as a string (one command), a list of commands, or a map with
 * `cmds:` (a list) or `cmd:`; each command a string or a map with `cmd:` (or
 * `defer:`); `task:` calls are not commands. `vars:` and `env:` at the top
 * level give the file's variables (string values; `sh:` ones are not run,
 * `ref:` ones refer to another variable), a task's own are its scope. `env:`
 * names are also resolved as $NAME, since the shell sees them.
 */
function taskfile(project: Project, b: Builder): void {
  const envNames = new Set<string>();
  b.syntax = { ...SHELL_SYNTAX, shell: envNames, task: true };
  const y = project.yaml(b.file);
  if (!y) return;
  const varsOf = (node: YNode): Scope => {
    const out: Scope = new Map();
    for (const p of pairs(y, node)) {
      const k = keyOf(p);
      const v = deref(y, p.value);
      if (k === undefined || !v) continue;
      if (isScalar(v)) out.set(k, String((v as Scalar).value ?? ''));
      else if (isMap(v)) {
        const ref = get(y, v, 'ref');
        if (ref && isScalar(ref)) out.set(k, `{{${String((ref as Scalar).value).trim()}}}`);
      }
    }
    return out;
  };
  const envOf = (node: YNode): Scope => {
    const env = varsOf(node);
    for (const k of env.keys()) envNames.add(k);
    return env;
  };
  let unit: CommandUnit | undefined;
  const command = (n: YNode, scope: Scope, depth: number): void => {
    if (!n || depth > 4) return;
    const before = b.commands.length;
    if (isScalar(n)) { b.push(splitScalar(b.file, n as Scalar, true), scope); unit?.steps.push(...b.commands.slice(before)); return; }
    if (!isMap(n)) return;
    const call = get(y, n, 'task');
    if (call && isScalar(call)) unit?.steps.push({ call: String((call as Scalar).value) });
    const cmd = get(y, n, 'cmd');
    if (cmd && isScalar(cmd)) b.push(splitScalar(b.file, cmd as Scalar, true), scope);
    unit?.steps.push(...b.commands.slice(before));
    const deferred = get(y, n, 'defer');
    if (deferred) command(deferred, scope, depth + 1);
  };
  for (const doc of y.docs) {
    const root = deref(y, doc.contents);
    if (!root || !isMap(root)) continue;
    for (const [k, v] of [...varsOf(get(y, root, 'vars')), ...envOf(get(y, root, 'env'))]) if (!b.vars.has(k)) b.vars.set(k, v);
    for (const p of pairs(y, get(y, root, 'tasks'))) {
      const t = deref(y, p.value);
      if (!t) continue;
      const name = keyOf(p);
      unit = { deps: [], steps: [] };
      if (name !== undefined && !b.units.has(name)) b.units.set(name, unit);
      if (isMap(t)) {
        const deps = deref(y, get(y, t, 'deps'));
        if (deps && isSeq(deps)) {
          for (const d of (deps as YAMLSeq).items) {
            const dn = deref(y, d);
            const ref = dn && isMap(dn) ? get(y, dn, 'task') : dn;
            if (ref && isScalar(ref)) unit.deps.push(String((ref as Scalar).value));
          }
        }
      }
      if (isScalar(t)) { command(t, new Map(), 0); continue; }
      if (isSeq(t)) { for (const c of (t as YAMLSeq).items) command(deref(y, c), new Map(), 0); continue; }
      if (!isMap(t)) continue;
      const scope = merge(envOf(get(y, t, 'env')), varsOf(get(y, t, 'vars')));
      b.noteScope(scope);
      const cmds = get(y, t, 'cmds');
      if (cmds && isSeq(cmds)) for (const c of (cmds as YAMLSeq).items) command(deref(y, c), scope, 0);
      else if (cmds) command(cmds, scope, 0);
      const cmd = get(y, t, 'cmd');
      if (cmd) command(cmd, scope, 0);
    }
  }
}

// ---------------------------------------------------------------------------
// package.json

/**
 * Each `scripts` value that is a string. Its words map 1:1 onto the source
 * when the raw JSON string equals the value (no escapes); otherwise the
 * commands are still taken, with every word pointing at the string's opening
 * quote (a finding lands on the script, a fix must not edit inside it).
 */
function packageJson(b: Builder): void {
  const root = parseJsoncFile(b.file);
  if (!root) return;
  const scripts = findNodeAtLocation(root, ['scripts']);
  if (!scripts || scripts.type !== 'object') return;
  for (const prop of scripts.children ?? []) {
    const v: JNode | undefined = prop.children?.[1];
    if (!v || v.type !== 'string' || typeof v.value !== 'string') continue;
    const value = v.value;
    const raw = b.file.text.slice(v.offset + 1, v.offset + v.length - 1);
    if (raw === value) b.push(splitShell(value, { base: v.offset + 1 }));
    else b.push(splitShell(value, { map: new Array<number>(value.length).fill(v.offset) }));
  }
}

// ---------------------------------------------------------------------------
// GitLab CI

/** Top-level keys that are not jobs. */
const GITLAB_GLOBAL = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec']);
const GITLAB_SCRIPTS = ['before_script', 'script', 'after_script'];
const MAX_SCRIPT_NESTING = 10;

/**
 * Every job's `before_script`, `script` and `after_script` (a string, or a
 * list of strings and nested lists; `!reference [...]` tags are not
 * followed), the `hooks: pre_get_sources_script`, and the top-level and
 * `default:` before_script/after_script. Hidden jobs (`.name:`, templates for
 * `extends:`) are read too: their commands run in the jobs that extend them.
 * `variables:` (scalars or `{value: …}`) at the top level are the file's, a
 * job's are its scope.
 */
function gitlabCi(project: Project, b: Builder): void {
  const y = project.yaml(b.file);
  if (!y) return;
  const script = (n: YNode, scope: Scope, depth: number): void => {
    const d = deref(y, n);
    if (!d || depth > MAX_SCRIPT_NESTING) return;
    if (isScalar(d)) { b.push(splitScalar(b.file, d as Scalar), scope); return; }
    if (isSeq(d) && (d as YAMLSeq).tag !== '!reference') for (const i of (d as YAMLSeq).items) script(i as YNode, scope, depth + 1);
  };
  const scripts = (job: YNode, scope: Scope): void => {
    for (const k of GITLAB_SCRIPTS) script(get(y, job, k), scope, 0);
    script(get(y, get(y, job, 'hooks'), 'pre_get_sources_script'), scope, 0);
  };
  for (const doc of y.docs) {
    const root = deref(y, doc.contents);
    if (!root || !isMap(root)) continue;
    for (const [k, v] of yamlVars(y, get(y, root, 'variables'), 'value')) if (!b.vars.has(k)) b.vars.set(k, v);
    const empty: Scope = new Map();
    script(get(y, root, 'before_script'), empty, 0);
    script(get(y, root, 'after_script'), empty, 0);
    scripts(get(y, root, 'default'), empty);
    for (const p of pairs(y, root)) {
      const k = keyOf(p);
      if (k === undefined || GITLAB_GLOBAL.has(k)) continue;
      const job = deref(y, p.value);
      if (!job || !isMap(job)) continue;
      const scope = yamlVars(y, get(y, job, 'variables'), 'value');
      b.noteScope(scope);
      scripts(job, scope);
    }
  }
}

/**
 * The commands `task NAMES` / `just NAMES` runs: each unit's dependencies first, then its steps, calls followed
 * (a few levels, each unit once); no name is the default (`default`, else a justfile's first recipe).
 */
export function commandsOfUnits(cf: CommandFile, names: string[]): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const seen = new Set<string>();
  const visit = (n: string, depth: number): void => {
    if (seen.has(n) || depth > 8) return;
    seen.add(n);
    const u = cf.units.get(n);
    if (!u) return;
    for (const d of u.deps) visit(d, depth + 1);
    for (const s of u.steps) {
      if ('call' in s) visit(s.call, depth + 1);
      else out.push(s);
    }
  };
  const wanted = names.length > 0 ? names : cf.units.has('default') ? ['default'] : cf.file.kind === 'justfile' ? [...cf.units.keys()].slice(0, 1) : [];
  for (const n of wanted) visit(n, 0);
  return out;
}
