/**
 * Dockerfile → stages with what each stage runs, installs, builds and copies,
 * all with source spans. Built on dockerfile-ast.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { splitShell, type SimpleCommand, type Word } from './shell.js';
import { analyzeCommands, analyzeWords, type CommandFacts } from '../model/commands.js';
import type { SourceFile, Span, Valued } from '../types.js';
import { FIRST_PARSE_CALLS, clock, count, parsedFile, spent } from '../timing.js';
import { makeSourceFile } from '../source.js';

export interface DfCommand {
  form: 'exec' | 'shell';
  words: Word[];
  /** Shell form: the simple commands of the line (words keeps them flattened). */
  commands?: SimpleCommand[];
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
type LspRange = { start: LspPos; end: LspPos };
type Arg = { getValue(): string; getRange(): LspRange };
type JsonString = { getJSONValue(): string; getRange(): LspRange };
type FlagLike = { getName(): string; getValue(): string | null };

function offsetOf(file: SourceFile, p: LspPos): number {
  return (file.lineStarts[p.line] ?? file.text.length) + p.character;
}

function spanOf(file: SourceFile, r: LspRange): Span {
  return { file, start: offsetOf(file, r.start), end: offsetOf(file, r.end) };
}

/**
 * The arguments of an instruction, read once. dockerfile-ast rescans the
 * instruction's text on every getArguments() call, and getArgumentsRange(),
 * getImage(), getImageRange(), getBuildStage() and getBuildStageRange() each
 * call it again; this is what they compute, from a single scan. For FROM, RUN,
 * COPY, ADD (ModifiableInstruction) the flags are already left out.
 */
interface InsArgs {
  args: Arg[];
  /** getArgumentsRange(): first argument's start to last argument's end, or undefined without arguments. */
  span?: Span;
  /** The text of that range ('' without arguments). */
  raw: string;
}

function readArgs(file: SourceFile, ins: Instruction): InsArgs {
  const args = ins.getArguments() as Arg[];
  if (args.length === 0) return { args, raw: '' };
  const span: Span = { file, start: offsetOf(file, args[0]!.getRange().start), end: offsetOf(file, args[args.length - 1]!.getRange().end) };
  return { args, span, raw: file.text.slice(span.start, span.end) };
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

/** RUN / CMD / ENTRYPOINT as words; span is the instruction's, an object nothing else holds. */
function commandOf(file: SourceFile, ins: Instruction, a: InsArgs, span: Span): DfCommand | undefined {
  if (!a.span) return undefined;
  const argStart = a.span.start;
  const rawArgs = a.raw;
  if (rawArgs.trimStart().startsWith('[')) {
    // JSONInstruction parsed the strings when it was constructed: no rescan.
    const json = (ins as unknown as { getJSONStrings?: () => JsonString[] }).getJSONStrings?.() ?? [];
    if (json.length > 0) {
      const words: Word[] = json.map((j) => {
        const r = j.getRange();
        const s = offsetOf(file, r.start);
        const e = offsetOf(file, r.end);
        // The string as JSON reads it. (dockerfile-ast 0.7.1's getJSONValue() drops the spaces inside the
        // string: "dlv exec --headless" comes back as "dlvexec--headless".)
        let value: string;
        try {
          value = JSON.parse(file.text.slice(s, e)) as string;
        } catch {
          value = j.getJSONValue();
        }
        // Map characters 1:1 when the JSON string has no escapes.
        const inner = file.text.slice(s + 1, e - 1);
        const map = inner === value ? Array.from({ length: value.length }, (_, k) => s + 1 + k) : Array.from({ length: value.length }, () => s);
        return { value, start: s, end: e, quoted: true, map };
      });
      return { form: 'exec', words, span, facts: analyzeWords(file, words) };
    }
  }
  const commands = splitShell(rawArgs, { base: argStart });
  // Drop leading RUN flags such as --mount=… and --network=… if the parser left them in.
  if (commands[0]) {
    while (commands[0].words[0]?.value.startsWith('--')) commands[0].words.shift();
  }
  const words = commands.flatMap((c) => c.words);
  return { form: 'shell', words, commands, span, facts: analyzeCommands(file, commands) };
}

export function parseDockerfile(file: SourceFile): DockerfileDoc {
  count('Dockerfile parses');
  parsedFile('dockerfile', file.path);
  const t = clock();
  const df = DockerfileParser.parse(file.text);
  spent(FIRST_PARSE_CALLS, t);
  const stages: DfStage[] = [];
  const globalArgs = new Map<string, string>();
  let cur: DfStage | undefined;
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    if (!cur && kw !== 'FROM') {
      // Before the first FROM only global ARG defaults matter.
      if (kw === 'ARG') for (const [k, v] of parseKeyValues(readArgs(file, ins).raw)) globalArgs.set(k, v);
      continue;
    }
    const span = spanOf(file, ins.getRange());
    if (kw === 'FROM') {
      const { args } = readArgs(file, ins);
      // What From.getImageRange(), getImage(), getBuildStageRange() and getBuildStage()
      // (the text of that range, escapes and all) return, each of which rescans the arguments.
      const imgRange = args.length !== 0 ? args[0]!.getRange() : null;
      const imgSpan: Span = imgRange ? spanOf(file, imgRange) : span;
      const image = expandVars(args.length > 0 ? args[0]!.getValue() : '', globalArgs);
      const stageRange = args.length > 2 && args[1]!.getValue().toUpperCase() === 'AS' ? args[2]!.getRange() : null;
      const stageSpan = stageRange ? spanOf(file, stageRange) : undefined;
      const stageName = stageSpan ? file.text.slice(stageSpan.start, stageSpan.end) : null;
      const parent = stages.find((s) => s.name && s.name.value.toLowerCase() === image.toLowerCase());
      cur = {
        index: stages.length,
        ...(stageName && stageSpan ? { name: { value: stageName, span: stageSpan } } : {}),
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
    if (!cur) continue;
    cur.span.end = span.end;
    // Instructions not handled here (LABEL, VOLUME, HEALTHCHECK, …) never read their arguments.
    switch (kw) {
      case 'ARG':
        for (const [k, v] of parseKeyValues(readArgs(file, ins).raw)) {
          if (v !== '' || !cur.vars.has(k)) cur.vars.set(k, v !== '' ? v : (globalArgs.get(k) ?? ''));
        }
        break;
      case 'ENV':
        for (const [k, v] of parseKeyValues(readArgs(file, ins).raw)) cur.vars.set(k, expandVars(v, cur.vars));
        break;
      case 'USER': {
        const a = readArgs(file, ins);
        if (a.span) cur.user = { value: expandVars(a.raw.trim(), cur.vars), span: a.span };
        break;
      }
      case 'WORKDIR': {
        const dir = expandVars(readArgs(file, ins).raw.trim(), cur.vars);
        if (dir) cur.workdir = posixJoin(cur.workdir ?? '/', dir);
        break;
      }
      case 'RUN': {
        const c = commandOf(file, ins, readArgs(file, ins), span);
        if (c) cur.runs.push({ ...c, workdir: cur.workdir ?? '/' });
        break;
      }
      case 'CMD': {
        const c = commandOf(file, ins, readArgs(file, ins), span);
        if (c) cur.cmd = c;
        break;
      }
      case 'ENTRYPOINT': {
        const c = commandOf(file, ins, readArgs(file, ins), span);
        if (c) { cur.entrypoint = c; delete cur.cmd; }
        break;
      }
      case 'EXPOSE':
        for (const a of readArgs(file, ins).args) {
          cur.exposes.push({ value: a.getValue(), span: spanOf(file, a.getRange()) });
        }
        break;
      case 'COPY':
      case 'ADD': {
        const args = readArgs(file, ins).args.map((a) => a.getValue());
        // dockerfile-ast keeps flags (--from, --chown, --link) out of the arguments (getFlags() is cached by the parser).
        const flags = (ins as unknown as { getFlags?: () => FlagLike[] }).getFlags?.() ?? [];
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

/**
 * A Dockerfile written inside another file (Compose `dockerfile_inline: |`):
 * parsed from a copy of that file in which everything but the block's
 * content is blanked (line breaks kept), so that every offset and line of the
 * parsed Dockerfile is the offset and line in the real file. Only literal
 * blocks (`|`, `|-`, `|+`) and string literals without escapes keep the content's characters where they are;
 * anything else gives undefined.
 */
export function parseInlineDockerfile(v: Valued<string>): DockerfileDoc | undefined {
  const { file, start, end } = v.span;
  const text = file.text;
  // A YAML block scalar (`|` and its lines), or a string literal read in place (a Tiltfile's
  // dockerfile_contents="FROM ...": the characters between the quotes).
  let from: number;
  let to = end;
  const quote = /^[rRbB]{0,2}("""|'''|"|')/.exec(text.slice(start, start + 5));
  if (text[start] === '|') {
    const nl = text.indexOf('\n', start);
    if (nl < 0 || nl >= end) return undefined;
    from = nl + 1;
  } else if (quote && end - start >= quote[0].length + quote[1]!.length && text.slice(end - quote[1]!.length, end) === quote[1]) {
    from = start + quote[0].length;
    to = end - quote[1]!.length;
  } else return undefined;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += (i >= from && i < to) || c === '\n' || c === '\r' ? c : ' ';
  }
  const virtual = makeSourceFile(file.path, file.abs, 'dockerfile', out);
  try {
    return parseDockerfile(virtual);
  } catch {
    return undefined;
  }
}
