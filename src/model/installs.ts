/**
 * Every `go install` / `go get` of delve the repository runs: in each
 * Dockerfile that may hold one (with the images of its stage chain, whose Go
 * builds it), and in the commands launches run (with the launch's image).
 */
import { posix } from 'node:path';
import { expandVars, stageChain, type DfStage } from '../parse/dockerfile.js';
import { analyzeCommands, type ToolUse } from './commands.js';
import { isAssignment, splitShell, type SimpleCommand, type Word } from '../parse/shell.js';
import { commandFileOf } from './cmdfiles.js';
import { COMMAND_KINDS, mayNameDelveModule } from './relevance.js';
import type { Launch } from './launch.js';
import type { Project } from './project.js';
import type { Relevance } from './relevance.js';
import type { SourceFile, Valued } from '../types.js';

export interface DelveInstallSite {
  tool: ToolUse;
  /** The launch it belongs to, when it is part of one. */
  launch?: Launch;
  /** The images whose Go may build it, nearest first: the stage chain's FROM images, or the launch's image. */
  images: Valued<string>[];
  /** The version after @ with the stage's ARG/ENV defaults substituted (`@${DELVE_VERSION}`, ARG DELVE_VERSION=latest → latest). */
  version?: string;
}

function stageAt(stages: DfStage[], offset: number): DfStage | undefined {
  return stages.find((s) => s.span.start <= offset && offset <= s.span.end);
}

function isGoInstall(t: ToolUse): boolean {
  return t.tool === 'dlv' && t.use === 'install' && (t.install?.method === 'go-install' || t.install?.method === 'go-get');
}

export function delveInstallSites(project: Project, relevance: Relevance, launches: Launch[], commandFiles: SourceFile[] = []): DelveInstallSite[] {
  const out: DelveInstallSite[] = [];
  const seen = new Set<string>();
  const add = (i: DelveInstallSite): void => {
    const k = `${i.tool.span.file.path}:${i.tool.span.start}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(i);
  };
  // A Dockerfile that installs delve with go names its module, and one whose installs are all pinned
  // `go install`s of the current module gives no finding: the others are not parsed here.
  const byTool = new Map<ToolUse, Launch>();
  for (const l of launches) for (const t of l.tools) if (isGoInstall(t) && !byTool.has(t)) byTool.set(t, l);
  for (const path of relevance.delveInstallCandidates()) {
    const doc = project.dockerfile(path);
    if (!doc) continue;
    for (const stage of doc.stages) {
      for (const r of stage.runs) {
        for (const t of r.facts.tools.filter(isGoInstall)) {
          const s = stageAt(doc.stages, t.span.start) ?? stage;
          const launch = byTool.get(t);
          const v = t.install?.version;
          const mod = v === undefined ? copiedModuleDelve(project, path, s, t.span.start) : undefined;
          add({ tool: t, ...(launch ? { launch } : {}), images: stageChain(s).map((st) => st.image), ...(v !== undefined ? { version: expandVars(v, s.vars) } : mod ? { version: mod } : {}) });
        }
        // `for t in $GO_TOOLS; do go install $t; done` over `ARG GO_TOOLS="… …/dlv@latest"`: the list's dlv word.
        if (r.commands) {
          for (const t of listInstalls(doc.file, r.commands, (x) => expandVars(x, stage.vars))) {
            const v = t.install?.version;
            add({ tool: t, images: stageChain(stage).map((st) => st.image), ...(v !== undefined ? { version: expandVars(v, stage.vars) } : {}) });
          }
        }
      }
    }
  }
  // A Tiltfile that writes its dev image's Dockerfile as a string (`dockerfile_contents = """FROM golang … RUN go
  // install …/dlv@latest"""`, as cluster-api-style Tiltfiles do): each RUN line of it, at its place in the Tiltfile.
  // The same for Dockerfiles that scripts and Makefiles write (`cat > Dockerfile.debug <<EOF`, `sed -e '/…/a\\ RUN go install …'`).
  for (const f of project.files) if ((f.kind === 'tiltfile' || COMMAND_KINDS.has(f.kind)) && mayNameDelveModule(f.text)) for (const site of embeddedRunInstalls(f)) add(site);
  // (Before the launches' own: a Tilt build's dockerfile_contents is also parsed as its image's Dockerfile, from a
  // copy of the Tiltfile with the rest blanked, and the site must be the Tiltfile's own text, which a fix edits.)
  for (const l of launches) {
    for (const t of l.tools.filter(isGoInstall)) {
      add({ tool: t, launch: l, images: l.image ? [l.image] : [] });
    }
  }
  // Installs on the developer's machine or CI runner (a Makefile's `go get …delve…`): the same breakage.
  for (const f of commandFiles) {
    const cf = commandFileOf(project, f);
    if (!mayNameDelveModule(f.text)) continue;
    for (const t of analyzeCommands(f, cf.commands).tools.filter(isGoInstall)) {
      const v = t.install?.version;
      const mod = v === undefined ? moduleDelve(project, posix.dirname(f.path)) : undefined;
      add({ tool: t, images: [], ...(v !== undefined ? { version: cf.expandFor(cf.commands.find((c) => c.start <= t.span.start && t.span.start <= c.end) ?? cf.commands[0]!, v) } : mod ? { version: mod } : {}) });
    }
    for (const t of listInstalls(f, cf.commands, (x) => cf.expand(x))) {
      const v = t.install?.version;
      add({ tool: t, images: [], ...(v !== undefined ? { version: cf.expand(v) } : {}) });
    }
  }
  return out;
}

/**
 * The delve installs of Dockerfile RUN lines written inside another file's text (a Tiltfile's strings, a script's
 * heredoc, a Makefile's sed script), at their place in it, with the FROM image above them in the same string.
 */
function embeddedRunInstalls(f: SourceFile): DelveInstallSite[] {
  const out: DelveInstallSite[] = [];
  const text = f.text;
  const QUOTES = /"""|'''/;
  for (const m of text.matchAll(/^[ \t]*RUN[ \t]+/gm)) {
    const from = m.index + m[0].length;
    // The logical line: continued by a trailing backslash, ended by the string's closing quotes.
    let end = from;
    for (;;) {
      const nl = text.indexOf('\n', end);
      const stop = nl < 0 ? text.length : nl;
      const q = text.slice(end, stop).search(QUOTES);
      if (q >= 0) { end += q; break; }
      end = stop;
      if (nl < 0 || !/\\\s*$/.test(text.slice(from, stop))) break;
      end = nl + 1;
    }
    let body = text.slice(from, end);
    // A quote that a physical line does not close ends the text the RUN line was written in (`…dlv@latest' \\`
    // of a sed script): the RUN line stops there.
    let lineAt = 0;
    for (const line of body.split('\n')) {
      const unclosed = ["'", '"'].map((q) => (line.split(q).length % 2 === 0 ? line.indexOf(q) : -1)).filter((i) => i >= 0);
      if (unclosed.length > 0) { body = body.slice(0, lineAt + Math.min(...unclosed)); break; }
      lineAt += line.length + 1;
    }
    if (!mayNameDelveModule(body)) continue;
    const before = text.slice(0, m.index);
    const open = Math.max(before.lastIndexOf('"""'), before.lastIndexOf("'''")) + 3;
    const fromLine = [...before.slice(open).matchAll(/^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+)/gim)].pop();
    const at = fromLine ? open + fromLine.index + fromLine[0].length - fromLine[1]!.length : 0;
    const images: Valued<string>[] = fromLine ? [{ value: fromLine[1]!, span: { file: f, start: at, end: at + fromLine[1]!.length } }] : [];
    for (const t of analyzeCommands(f, splitShell(body, { base: from })).tools.filter(isGoInstall)) {
      out.push({ tool: t, images, ...(t.install?.version !== undefined ? { version: t.install.version } : {}) });
    }
  }
  return out;
}

const DLV_WORD = /^github\.com\/(?:go-delve|derekparker)\/delve\/cmd\/dlv(?:@\S*)?$/;
/** `$NAME`, `${NAME}`, `${NAME:-x}`, `$(NAME)` (Make). */
const VAR_REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\(([A-Za-z_][A-Za-z0-9_.-]*)\)|([A-Za-z_][A-Za-z0-9_]*))/g;
/** Words before a command that the install is still the command of. */
const LEADING = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', 'sudo', 'env', 'exec', 'command']);
const MAX_LIST_DEFINITIONS = 16;
const MAX_DEFINITION_CHARS = 16 * 1024;

function stripLeading(words: Word[]): Word[] {
  let k = 0;
  while (k < words.length && ((!words[k]!.quoted && LEADING.has(words[k]!.value)) || isAssignment(words[k]!))) k++;
  return words.slice(k);
}

function refsOf(value: string): string[] {
  return [...value.matchAll(VAR_REF)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/**
 * Delve installs whose module comes from a list the same file defines: `go install $(TOOLS)`,
 * `for t in $GO_TOOLS; do go install $t; done`, `echo "${GO_TOOLS}" | xargs -n 1 go install -v` (the
 * VS Code Go dev container's go-debian.sh), over `GO_TOOLS="… github.com/go-delve/delve/cmd/dlv@latest …"`
 * (shell, Dockerfile ARG/ENV, Make `TOOLS = … \` with continuations). Each dlv word of the list is one
 * install at its own place in the definition; a verb in a variable (`go ${go_install_command}`) is read
 * with the file's variables. Literal module words on the install line itself are the plain install's.
 */
export function listInstalls(file: SourceFile, commands: SimpleCommand[], expand: (value: string) => string): ToolUse[] {
  const out: ToolUse[] = [];
  if (!mayNameDelveModule(file.text)) return out;
  const loops = new Map<string, Word[]>();
  const defs = new Map<string, Word[]>();
  const seen = new Set<number>();
  commands.forEach((c, k) => {
    const ws = stripLeading(c.words);
    if (ws.length === 0) return;
    if (ws[0]!.value === 'for' && ws[2]?.value === 'in') { loops.set(ws[1]!.value, ws.slice(3)); return; }
    let goAt = -1;
    const feed: Word[] = [];
    if (ws[0]!.value === 'xargs') {
      goAt = ws.findIndex((w) => w.value === 'go');
      const prev = k > 0 ? commands[k - 1] : undefined;
      const pw = prev && prev.sep === '|' ? stripLeading(prev.words) : [];
      if (pw[0]?.value === 'echo' || pw[0]?.value === 'printf') feed.push(...pw.slice(pw[0]!.value === 'printf' && pw[1]?.value.includes('%') ? 2 : 1));
    } else if (ws[0]!.value === 'go') goAt = 0;
    if (goAt < 0 || !ws[goAt + 1]) return;
    const verbWord = ws[goAt + 1]!;
    const verb = verbWord.value.includes('$') ? expand(verbWord.value) : verbWord.value;
    if (verb !== 'install' && verb !== 'get') return;
    // `go get -tool $(TOOLS)` records tool dependencies in go.mod (pinned there): no install.
    if (verb === 'get' && ws.some((w) => w.value === '-tool' || w.value === '--tool')) return;
    const method = verb === 'install' ? 'go-install' : 'go-get';
    const site = (w: Word): void => {
      if (seen.has(w.start)) return;
      seen.add(w.start);
      out.push(installUse(file, w, ws, verbWord, method));
    };
    const fromRef = (name: string, depth: number): void => {
      const loop = loops.get(name);
      if (loop) {
        for (const lw of loop) {
          if (DLV_WORD.test(lw.value)) site(lw);
          else if (depth < 4) for (const n of refsOf(lw.value)) fromRef(n, depth + 1);
        }
        return;
      }
      let list = defs.get(name);
      if (!list) defs.set(name, (list = definitionWords(file, name)));
      for (const dw of list) {
        if (DLV_WORD.test(dw.value)) site(dw);
        // `DELVE_PKG=${DELVE_SRC}/cmd/dlv@latest` over `DELVE_SRC=github.com/go-delve/delve`: the module as the file sets it.
        else if (dw.value.includes('$')) composite(dw);
      }
    };
    const composite = (w: Word): void => {
      const v = expand(w.value);
      if (v === w.value || !DLV_WORD.test(v) || seen.has(w.start)) return;
      seen.add(w.start);
      const use = installUse(file, { ...w, value: v, map: v.split('').map(() => w.start) }, ws, verbWord, method);
      use.span = { file, start: w.start, end: w.end };
      use.install!.arg!.span = use.span;
      out.push(use);
    };
    for (const w of [...feed, ...ws.slice(goAt + 2)]) {
      if (w.value.startsWith('-')) continue;
      // A literal module on the install line is the plain install's; echoed into xargs it is this one's.
      if (DLV_WORD.test(w.value)) { if (feed.includes(w)) site(w); continue; }
      // A list is a word that is one reference (`$TOOLS`, "${GO_TOOLS}", $(TOOLS), a loop's `$t`). A word that
      // puts references together (`${DELVE_SRC}/cmd/dlv@${DELVE_VERSION}`) is one module: read as the file sets it.
      const whole = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\}|\([A-Za-z_][A-Za-z0-9_.-]*\)|[A-Za-z_][A-Za-z0-9_]*)$/.test(w.value);
      if (whole) { for (const n of refsOf(w.value)) fromRef(n, 0); continue; }
      composite(w);
    }
  });
  return out;
}

function installUse(file: SourceFile, w: Word, words: Word[], verbWord: Word, method: 'go-install' | 'go-get'): ToolUse {
  const at = w.value.indexOf('@');
  const modLen = at >= 0 ? at : w.value.length;
  const s = w.map[0] ?? w.start;
  const modEnd = modLen > 0 ? (w.map[modLen - 1] ?? w.end - 1) + 1 : s;
  const end = (w.map[w.value.length - 1] ?? w.end - 1) + 1;
  return {
    tool: 'dlv',
    use: 'install',
    span: { file, start: s, end },
    words,
    install: {
      method,
      module: { value: w.value.slice(0, modLen), span: { file, start: s, end: modEnd } },
      arg: { value: w.value, span: { file, start: s, end } },
      ...(at >= 0 ? { version: w.value.slice(at + 1) } : {}),
      verb: { value: verbWord.value, span: { file, start: verbWord.start, end: verbWord.end } },
    },
  };
}

/**
 * The words of each definition of NAME in the file (`NAME="a b"`, `export NAME=…`, `ARG NAME="…"`,
 * `ENV NAME …`, Make `NAME = a \` and `NAME := …`, just `name := "…"`), each at its place: the value of an
 * assignment word split at blanks (its characters keep their offsets), or the words after a Make operator.
 */
export function definitionWords(file: SourceFile, name: string): Word[] {
  const out: Word[] = [];
  const text = file.text;
  const esc = name.replace(/[.-]/g, '\\$&');
  const re = new RegExp(`^[ \\t]*(?:(?:export|local|readonly|declare|typeset|override|ARG|ENV)(?:[ \\t]+-[A-Za-z]+)*[ \\t]+)?(${esc})(?=[ \\t]*(?:=|:=|::=|\\?=|\\+=)|[ \\t])`);
  let found = 0;
  for (let i = 0; i < text.length && found < MAX_LIST_DEFINITIONS;) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? text.length : nl;
    const m = re.exec(text.slice(i, lineEnd));
    if (m) {
      const p = i + m.index + m[0].length - name.length;
      const env = /\bENV[ \t]/.test(m[0]);
      const ws = splitShell(text.slice(p, Math.min(text.length, p + MAX_DEFINITION_CHARS)), { base: p })[0]?.words ?? [];
      const first = ws[0];
      if (first && first.value === `${name}=` && text[first.end] === '(') {
        // A bash array, `TOOLS=(a b)` or one item a line: the words up to its `)`.
        const close = text.indexOf(')', first.end);
        if (close > 0 && close - first.end < MAX_DEFINITION_CHARS) {
          found++;
          for (const c of splitShell(text.slice(first.end + 1, close), { base: first.end + 1 })) out.push(...c.words);
        }
      } else if (first && first.value.startsWith(`${name}=`)) {
        found++;
        out.push(...blankSplit(first, name.length + 1));
      } else if (first && first.value === name && ws[1] && /^(?:=|:=|::=|\?=|\+=)$/.test(ws[1].value)) {
        found++;
        for (const w of ws.slice(2)) out.push(...blankSplit(w, 0));
      } else if (first && /^[^=]+(?::=|::=|\?=|\+=)/.test(first.value) && first.value.startsWith(name)) {
        found++;
        const op = /^[^=]*?(:::?=|::=|:=|\?=|\+=)/.exec(first.value)!;
        out.push(...blankSplit(first, op[0].length));
        for (const w of ws.slice(1)) out.push(...blankSplit(w, 0));
      } else if (first && env && first.value === name) {
        found++;
        for (const w of ws.slice(1)) out.push(...blankSplit(w, 0));
      }
    }
    i = lineEnd + 1;
  }
  return out;
}

/** The blank-separated parts of a word's value from `from`, each a word whose offsets point into the file. */
function blankSplit(w: Word, from: number): Word[] {
  const out: Word[] = [];
  const v = w.value;
  let i = from;
  while (i < v.length) {
    while (i < v.length && /\s/.test(v[i]!)) i++;
    const s = i;
    while (i < v.length && !/\s/.test(v[i]!)) i++;
    if (i > s) {
      const map = w.map.slice(s, i);
      out.push({ value: v.slice(s, i), start: map[0] ?? w.start, end: (map[map.length - 1] ?? w.end - 1) + 1, quoted: w.quoted, map });
    }
  }
  return out;
}

/**
 * The delve version the go.mod that governs `dir` requires (`require github.com/go-delve/delve v1.24.0`, in a
 * block or not; a Go 1.24 `tool github.com/go-delve/delve/cmd/dlv` line alone gives "go.mod"), or undefined.
 * A version-less `go install …/cmd/dlv` inside that module builds exactly this version (outside a module, or
 * in one that does not require delve, it stops with an error): it is pinned. The nearest go.mod decides.
 */
export function moduleDelve(project: Project, dir: string): string | undefined {
  for (let d = dir === '.' ? '' : dir, k = 0; k < 32; k++) {
    const f = project.file(d === '' ? 'go.mod' : `${d}/go.mod`, 'env', { quiet: true });
    if (f) return goModDelve(f.text);
    if (d === '') return undefined;
    d = posix.dirname(d) === '.' ? '' : posix.dirname(d);
  }
  return undefined;
}

/** What a go.mod's text says about delve: its required version, "go.mod" for a tool line only, else undefined. */
export function goModDelve(text: string): string | undefined {
  let block = '';
  let tool = false;
  let version: string | undefined;
  for (const raw of text.split('\n', 20_000)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === ')') { block = ''; continue; }
    const open = /^(require|tool)\s*\($/.exec(line);
    if (open) { block = open[1]!; continue; }
    const m = /^(?:(require|tool)\s+)?(\S+)(?:\s+(\S+))?$/.exec(line);
    if (!m) continue;
    const verb = m[1] ?? block;
    if (verb === 'require' && m[2] === 'github.com/go-delve/delve' && m[3]) version = m[3];
    if (verb === 'tool' && m[2] === 'github.com/go-delve/delve/cmd/dlv') tool = true;
  }
  return version ?? (tool ? 'go.mod' : undefined);
}

/**
 * For a version-less install in a Dockerfile stage: the delve version of the go.mod a COPY of the build context
 * (`COPY go.mod go.sum ./`, `COPY . .`) put into the image before it, looked up beside the Dockerfile, then at
 * the root of the repository.
 */
function copiedModuleDelve(project: Project, dockerfile: string, stage: DfStage, before: number): string | undefined {
  const dirs = [...new Set([posix.dirname(dockerfile) === '.' ? '' : posix.dirname(dockerfile), ''])];
  for (const s of stageChain(stage)) {
    for (const c of s.copies) {
      if (c.from || c.span.start > before) continue;
      for (const src of c.sources) {
        const rel = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
        const dir = rel === '' || rel === '.' ? '' : posix.basename(rel) === 'go.mod' ? (posix.dirname(rel) === '.' ? '' : posix.dirname(rel)) : undefined;
        if (dir === undefined) continue;
        for (const d of dirs) {
          const at = [d, dir].filter((x) => x !== '').join('/');
          const f = project.file(at === '' ? 'go.mod' : `${at}/go.mod`, 'env', { quiet: true });
          if (f) return goModDelve(f.text);
        }
      }
    }
  }
  return undefined;
}
