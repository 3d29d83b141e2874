/**
 * Dockerfile → stages with what each stage runs, installs, builds and copies,
 * all with source spans. Built on dockerfile-ast.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { splitShell, type Word } from './shell.js';
import { analyzeCommands, analyzeWords, type CommandFacts } from '../model/commands.js';
import type { SourceFile, Span, Valued } from '../types.js';

export interface DfCommand {
  form: 'exec' | 'shell';
  words: Word[];
  span: Span;
  facts: CommandFacts;
  /** WORKDIR in effect when the command runs (absolute; '/' when never set). */
  workdir?: string;
}

export interface DfCopy {
  from?: string;
  sources: string[];
  dest: string;
  span: Span;
  /** WORKDIR in effect (relative destinations are resolved against it). */
  workdir?: string;
}

export interface DfStage {
  index: number;
  name?: Valued<string>;
  /** The image reference after substituting global ARG defaults. */
  image: Valued<string>;
  /** The stage this one builds on, when FROM names an earlier stage. */
  parent?: DfStage;
  fromSpan: Span;
  span: Span;
  user?: Valued<string>;
  runs: DfCommand[];
  entrypoint?: DfCommand;
  cmd?: DfCommand;
  copies: DfCopy[];
  exposes: Valued<string>[];
  /** ARG defaults and ENV values visible at the end of the stage. */
  vars: Map<string, string>;
  /** WORKDIR at the end of the stage ('/' when never set). */
  workdir?: string;
}

export interface DockerfileDoc {
  file: SourceFile;
  stages: DfStage[];
}

type LspPos = { line: number; character: number };

function offsetOf(file: SourceFile, p: LspPos): number {
  return (file.lineStarts[p.line] ?? file.text.length) + p.character;
}

/** Expand $VAR and ${VAR} (and ${VAR:-default}) from vars; unknown ones stay as written. */
export function expandVars(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const v = vars.get(name);
    if (v !== undefined && v !== '') return v;
    if (def !== undefined && m.includes(':-')) return def;
    return m;
  });
}

function parseKeyValues(raw: string): Array<[string, string]> {
  // ARG NAME=value / ENV NAME=value NAME2="v" / legacy ENV NAME value
  const out: Array<[string, string]> = [];
  const cmds = splitShell(raw);
  const words = cmds.flatMap((c) => c.words);
  if (words.length === 2 && !words[0]!.value.includes('=')) {
    out.push([words[0]!.value, words[1]!.value]);
    return out;
  }
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq > 0) out.push([w.value.slice(0, eq), w.value.slice(eq + 1)]);
    else out.push([w.value, '']);
  }
  return out;
}

function commandOf(file: SourceFile, ins: Instruction): DfCommand | undefined {
  const range = ins.getRange();
  const span: Span = { file, start: offsetOf(file, range.start), end: offsetOf(file, range.end) };
  const json = (ins as unknown as { getJSONStrings?: () => Array<{ getJSONValue(): string; getRange(): { start: LspPos; end: LspPos } }> }).getJSONStrings?.() ?? [];
  const args = ins.getArgumentsRange();
  if (!args) return undefined;
  const argStart = offsetOf(file, args.start);
  const argEnd = offsetOf(file, args.end);
  const rawArgs = file.text.slice(argStart, argEnd);
  if (json.length > 0 && rawArgs.trimStart().startsWith('[')) {
    const words: Word[] = json.map((j) => {
      const r = j.getRange();
      const s = offsetOf(file, r.start);
      const e = offsetOf(file, r.end);
      const value = j.getJSONValue();
      // Map characters 1:1 when the JSON string has no escapes.
      const inner = file.text.slice(s + 1, e - 1);
      const map = inner === value ? Array.from({ length: value.length }, (_, k) => s + 1 + k) : Array.from({ length: value.length }, () => s);
      return { value, start: s, end: e, quoted: true, map };
    });
    return { form: 'exec', words, span, facts: analyzeWords(file, words) };
  }
  const commands = splitShell(rawArgs, { base: argStart });
  // Drop leading RUN flags such as --mount=… and --network=… if the parser left them in.
  if (commands[0]) {
    while (commands[0].words[0]?.value.startsWith('--')) commands[0].words.shift();
  }
  const words = commands.flatMap((c) => c.words);
  return { form: 'shell', words, span, facts: analyzeCommands(file, commands) };
}

export function parseDockerfile(file: SourceFile): DockerfileDoc {
  const df = DockerfileParser.parse(file.text);
  const stages: DfStage[] = [];
  const globalArgs = new Map<string, string>();
  let cur: DfStage | undefined;
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    const r = ins.getRange();
    const span: Span = { file, start: offsetOf(file, r.start), end: offsetOf(file, r.end) };
    const argsRange = ins.getArgumentsRange();
    const argsSpan: Span | undefined = argsRange ? { file, start: offsetOf(file, argsRange.start), end: offsetOf(file, argsRange.end) } : undefined;
    const raw = argsSpan ? file.text.slice(argsSpan.start, argsSpan.end) : '';
    if (kw === 'FROM') {
      const from = ins as unknown as { getImage(): string | null; getImageRange(): { start: LspPos; end: LspPos } | null; getBuildStage(): string | null; getBuildStageRange(): { start: LspPos; end: LspPos } | null };
      const imgRange = from.getImageRange();
      const imgSpan: Span = imgRange ? { file, start: offsetOf(file, imgRange.start), end: offsetOf(file, imgRange.end) } : span;
      const image = expandVars(from.getImage() ?? '', globalArgs);
      const stageName = from.getBuildStage();
      const stageRange = from.getBuildStageRange();
      const parent = stages.find((s) => s.name && s.name.value.toLowerCase() === image.toLowerCase());
      cur = {
        index: stages.length,
        ...(stageName && stageRange ? { name: { value: stageName, span: { file, start: offsetOf(file, stageRange.start), end: offsetOf(file, stageRange.end) } } } : {}),
        image: { value: image, span: imgSpan },
        ...(parent ? { parent } : {}),
        fromSpan: span,
        span: { ...span },
        runs: [],
        copies: [],
        exposes: [],
        vars: new Map(parent ? parent.vars : []),
        ...(parent?.user ? { user: parent.user } : {}),
        ...(parent?.entrypoint ? { entrypoint: parent.entrypoint } : {}),
        ...(parent?.cmd ? { cmd: parent.cmd } : {}),
        workdir: parent?.workdir ?? '/',
      };
      stages.push(cur);
      continue;
    }
    if (!cur) {
      if (kw === 'ARG') for (const [k, v] of parseKeyValues(raw)) globalArgs.set(k, v);
      continue;
    }
    cur.span.end = span.end;
    switch (kw) {
      case 'ARG':
        for (const [k, v] of parseKeyValues(raw)) {
          if (v !== '' || !cur.vars.has(k)) cur.vars.set(k, v !== '' ? v : (globalArgs.get(k) ?? ''));
        }
        break;
      case 'ENV':
        for (const [k, v] of parseKeyValues(raw)) cur.vars.set(k, expandVars(v, cur.vars));
        break;
      case 'USER':
        if (argsSpan) cur.user = { value: expandVars(raw.trim(), cur.vars), span: argsSpan };
        break;
      case 'WORKDIR': {
        const dir = expandVars(raw.trim(), cur.vars);
        if (dir) cur.workdir = posixJoin(cur.workdir ?? '/', dir);
        break;
      }
      case 'RUN': {
        const c = commandOf(file, ins);
        if (c) cur.runs.push({ ...c, workdir: cur.workdir ?? '/' });
        break;
      }
      case 'CMD': {
        const c = commandOf(file, ins);
        if (c) cur.cmd = c;
        break;
      }
      case 'ENTRYPOINT': {
        const c = commandOf(file, ins);
        if (c) { cur.entrypoint = c; delete cur.cmd; }
        break;
      }
      case 'EXPOSE':
        for (const a of ins.getArguments()) {
          const ar = a.getRange();
          cur.exposes.push({ value: a.getValue(), span: { file, start: offsetOf(file, ar.start), end: offsetOf(file, ar.end) } });
        }
        break;
      case 'COPY':
      case 'ADD': {
        const args = ins.getArguments().map((a) => a.getValue());
        // dockerfile-ast keeps flags (--from, --chown, --link) out of the arguments.
        const flags = (ins as unknown as { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> }).getFlags?.() ?? [];
        let from: string | undefined = flags.find((f) => f.getName().toLowerCase() === 'from')?.getValue() ?? undefined;
        const rest: string[] = [];
        for (const a of args) {
          if (a.startsWith('--from=')) from = a.slice(7);
          else if (a.startsWith('--')) continue;
          else rest.push(a);
        }
        if (rest.length >= 2) cur.copies.push({ ...(from ? { from } : {}), sources: rest.slice(0, -1), dest: rest[rest.length - 1]!, span, workdir: cur.workdir ?? '/' });
        break;
      }
      default:
        break;
    }
  }
  return { file, stages };
}

/** Join a WORKDIR-style path onto a base directory (absolute paths replace it). */
function posixJoin(base: string, p: string): string {
  const joined = p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
  const parts: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** The stage a build targets: the named one, else the last. */
export function targetStage(doc: DockerfileDoc, target?: string): DfStage | undefined {
  if (target) return doc.stages.find((s) => s.name?.value.toLowerCase() === target.toLowerCase());
  return doc.stages[doc.stages.length - 1];
}

/** The stage and every stage it builds on (FROM earlier-stage), nearest first. */
export function stageChain(stage: DfStage): DfStage[] {
  const out: DfStage[] = [];
  for (let s: DfStage | undefined = stage; s && out.length < 64; s = s.parent) out.push(s);
  return out;
}
