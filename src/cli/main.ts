/**
 * ptrace-doctor [paths...] [options] · ptrace-doctor init [DIR] · ptrace-doctor explain RULE
 * Exit: 0 nothing at or above --fail-on; 1 findings; 2 usage, configuration or internal error.
 */
import { existsSync, lstatSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import { scan } from '../engine.js';
import { isPlainRelative } from '../discover/index.js';
import { applyFixes } from '../fix/apply.js';
import { atOrAbove } from '../report/common.js';
import { formatText } from '../report/text.js';
import { formatCompact } from '../report/compact.js';
import { formatGithub } from '../report/workflow-commands.js';
import { toCodeClimate } from '../report/codeclimate.js';
import { toJson } from '../report/json.js';
import { writeJson } from '../report/stream-json.js';
import { toSarif, VERSION } from '../report/sarif.js';
import { BaselineError, baselineKeys, baselineText, inBaseline, partition, readBaseline, type Baseline } from '../report/baseline.js';
import type { Finding, Severity } from '../types.js';
import { mark, timingOn, timingReport } from '../timing.js';
import { RULES, resolveRule } from '../rules/index.js';
import { ConfigError, CONFIG_NAMES, findConfig } from '../config/find.js';
import type { EffectiveConfig } from '../config/types.js';

export const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'rdjson', 'codeclimate'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: ptrace-doctor [paths...] [options]
       ptrace-doctor init [DIR] [--force]
       ptrace-doctor explain RULE

Finds the container settings that stop Go's debugger (dlv), strace and gdb
from working, and fixes them.

Options:
  -f, --format FORMAT               text (default); compact (path:line:col: severity RULE title);
                                    json; sarif (code scanning); github (workflow annotations);
                                    rdjson (reviewdog -f=rdjson); codeclimate (GitLab Code Quality)
  -v, --verbose                     text: each finding's full explanation and related locations
                                    (default: the title, one sentence of why, the rule page, the
                                    fix and its diff)
  --fix                             apply the fixes to the files
  --fail-on error|warning|note|never
                                    exit 1 when a finding is at or above this
                                    (default: the config file's fail-on, else error)
  --ignore RULE,...                 rules to skip: ids (PTD010) or slugs (debug-binary-optimized)
  --root DIR                        the repository root (default: the current directory)
  -c, --config FILE                 the configuration file (default: .ptrace-doctor.yaml or .yml
                                    at the root, else above it up to the top of the git work tree)
  --no-config                       do not read a configuration file
  --baseline FILE                   report only findings that FILE does not hold
  --write-baseline FILE             write every current finding to FILE (and report nothing)
  --color, --no-color               force colour on or off (default: on for a terminal)
  --list-rules                      the rules: id, slug, default severity, title
  --explain RULE                    a rule's page (the same as: ptrace-doctor explain RULE)
  -h, --help                        this help
  -V, --version                     the version

Commands:
  init [DIR]                        write a commented .ptrace-doctor.yaml from the current findings
                                    (--force replaces an existing one)
  explain RULE                      show a rule's documentation: what, why, the fix

One directory is the repository to scan. Otherwise paths narrow the report
of the current directory (or --root) and are taken from the current directory:
the whole repository is read, and the findings in those paths are reported.

Suppressing a finding: a comment on the line above it (or at the end of its
line) in the file's own comment syntax,
    # ptrace-doctor-ignore PTD003 -- runs Docker in Docker
    // ptrace-doctor-ignore PTD002        (devcontainer.json)
Above a Compose service, a Kubernetes container, a Makefile target or a
Dockerfile FROM it covers the whole service, container, recipe or stage.

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  a usage error, a bad configuration or baseline file, or an internal error

Environment:
  NO_COLOR=1                        no colour (https://no-color.org)
  FORCE_COLOR=1                     colour even when not a terminal (0 or false: none);
                                    wins over NO_COLOR, loses to --color/--no-color
  PTRACE_DOCTOR_TIMING=1            print on stderr where the time went
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Whether stdout is a terminal. */
  isTTY?: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR); none when left out. */
  env?: Record<string, string | undefined>;
}

interface Args {
  command: 'scan' | 'init' | 'explain' | 'list-rules' | 'help' | 'version';
  paths: string[];
  format: Format;
  fix: boolean;
  /** Text: the full explanation of each finding, as --verbose asks. */
  verbose: boolean;
  /** Unset: the config file's fail-on, else error. */
  failOn?: Severity | 'never';
  ignore: string[];
  root?: string;
  color?: boolean;
  config?: string;
  noConfig: boolean;
  force: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** The rule explain shows, as given. */
  rule?: string;
}

class UsageError extends Error {}

/** Colour: --color/--no-color, else FORCE_COLOR (0/false: off; anything else: on), else NO_COLOR (off), else a terminal. */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined> = {}, isTTY = false): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: 'scan', paths: [], format: 'text', fix: false, verbose: false, ignore: [], noConfig: false, force: false };
  let i0 = 0;
  // A first word `init` or `explain` is the command (a directory named so: ./init).
  if (argv[0] === 'init' || argv[0] === 'explain') { a.command = argv[0]; i0 = 1; }
  for (let i = i0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h': case '--help': a.command = 'help'; return a;
      // -v is --verbose, as in ruff and most linters; -V the version.
      case '-V': case '--version': a.command = 'version'; return a;
      case '-v': case '--verbose': a.verbose = true; break;
      case '--list-rules': a.command = 'list-rules'; break;
      case '--explain': a.command = 'explain'; a.rule = value(); break;
      case '--fix': a.fix = true; break;
      case '--no-color': a.color = false; break;
      case '--color': a.color = true; break;
      case '--format': case '-f': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)} (got "${v}")`);
        a.format = v as Format;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!['error', 'warning', 'note', 'never'].includes(v)) throw new UsageError(`--fail-on must be error, warning, note or never (got "${v}")`);
        a.failOn = v as Args['failOn'];
        break;
      }
      case '--ignore': a.ignore.push(...value().split(/[\s,]+/).filter(Boolean)); break;
      case '--root': a.root = value(); break;
      case '--config': case '-c': a.config = value(); break;
      case '--no-config': a.noConfig = true; break;
      case '--force': a.force = true; break;
      case '--baseline': a.baseline = value(); break;
      case '--write-baseline': a.writeBaseline = value(); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        if (a.command === 'explain' && a.rule === undefined) a.rule = arg;
        else if (a.command === 'explain') throw new UsageError(`explain takes one rule (got "${a.rule}" and "${arg}")`);
        else a.paths.push(arg);
    }
  }
  for (const id of a.ignore) if (!resolveRule(id)) throw new UsageError(`--ignore: unknown rule ${id} (ids such as PTD010 or slugs such as debug-binary-optimized; see --list-rules)`);
  if (a.command === 'explain' && a.rule === undefined) throw new UsageError('explain needs a rule, e.g. explain PTD007 or explain delve-api-exposed');
  if (a.config && a.noConfig) throw new UsageError('--config and --no-config exclude each other');
  if (a.command === 'init' && a.fix) throw new UsageError('init writes a configuration file; it does not take --fix');
  if (a.writeBaseline !== undefined && a.fix) throw new UsageError('--write-baseline records the findings as they are; run --fix first, then --write-baseline');
  return a;
}

/** A path relative to root in POSIX form, or undefined when it lies outside root. */
function inside(root: string, abs: string): string | undefined {
  // The common case without path.relative/resolve (each ~20 µs while cold: a hook may name hundreds of files).
  const under = root.endsWith('/') ? root : root + '/';
  if (sep === '/' && abs.startsWith(under) && isPlainRelative(abs.slice(under.length))) return abs.slice(under.length);
  const rel = relative(root, abs);
  if (rel === '..' || rel.startsWith('..' + sep) || resolve(root, rel) !== abs) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Decide the root and the sub-paths from the arguments. Paths are taken from
 * the current directory, like any command's; with --root, a path that does not
 * exist there but does under the root is taken from the root (what --root
 * meant before paths were resolved from the current directory). A path that
 * exists in neither place, or lies outside the root, is a usage error: a
 * mistyped name must not pass as "no findings".
 */
function resolveTargets(args: Args, cwd: string): { root: string; paths: string[] } {
  if (!args.root && args.paths.length === 1 && existsSync(resolve(cwd, args.paths[0]!)) && statSync(resolve(cwd, args.paths[0]!)).isDirectory()) {
    return { root: resolve(cwd, args.paths[0]!), paths: [] };
  }
  const root = resolve(cwd, args.root ?? '.');
  const base = resolve(cwd);
  const paths = args.paths.map((p) => {
    let abs = sep === '/' && isPlainRelative(p) && !p.endsWith('/') ? `${base === '/' ? '' : base}/${p}` : resolve(cwd, p);
    if (!existsSync(abs)) {
      const fromRoot = resolve(root, p);
      if (!args.root || !existsSync(fromRoot)) throw new UsageError(`${p}: no such file or directory`);
      abs = fromRoot;
    }
    const rel = inside(root, abs);
    if (rel === undefined) throw new UsageError(`${p} is outside ${root}${args.root ? '' : '; use --root'}`);
    return rel;
  });
  return { root, paths };
}

/** The rule catalogue, one rule a line. */
function listRules(): string {
  const w = Math.max(...RULES.map((r) => r.slug.length));
  const lines = RULES.map((r) => `${r.id}  ${r.slug.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.title}`);
  return `${lines.join('\n')}\n\nptrace-doctor explain RULE shows a rule's page; --ignore and the config file take ids or slugs.\n`;
}

/** `ptrace-doctor explain RULE`: the rule's page, rendered for the terminal. */
async function explain(name: string, color: boolean, io: CliIO): Promise<number> {
  const id = resolveRule(name);
  if (!id) {
    io.stderr(`ptrace-doctor: explain: unknown rule ${JSON.stringify(name)} (ids such as PTD007 or slugs such as delve-api-exposed); see --list-rules\n`);
    return 2;
  }
  const [docs, md, marked] = await Promise.all([import('../rules/docs.js'), import('../report/markdown-pages.js'), import('marked')]);
  // The page with absolute links (a path relative to docs/rules/ means nothing in a terminal), rendered now: in colour or not.
  const page = (await docs.loadRuleDocs()).help[id]?.markdown;
  if (page === undefined) {
    io.stderr(`ptrace-doctor: internal error: no documentation for ${id}\n`);
    return 2;
  }
  io.stdout(md.renderTerminal(page, marked.lexer, { color }));
  return 0;
}

/** `ptrace-doctor init`: write a starter .ptrace-doctor.yaml at the root from a scan with the defaults. */
async function init(args: Args, root: string, paths: string[], io: CliIO): Promise<number> {
  const target = join(root, CONFIG_NAMES[0]);
  // lstat, not exists: a symbolic link (even a dangling one) is never written through.
  const existing = CONFIG_NAMES.map((n) => join(root, n)).find((p) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  });
  if (existing && !args.force) {
    io.stderr(`ptrace-doctor: ${existing} already exists; not overwritten (--force writes a new one over it)\n`);
    return 2;
  }
  const { findings } = await scan({ root, paths, ignore: args.ignore });
  const text = (await import('../config/init.js')).starterConfig(findings);
  if (existing) rmSync(existing);
  writeFileSync(target, text, { flag: 'wx' });
  io.stdout(`Wrote ${relative(io.cwd, target) || target} from ${findings.length} finding${findings.length === 1 ? '' : 's'}: every setting in it is a default; uncomment what you need.\n`);
  return 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  mark('start');
  try {
    return await run(argv, io);
  } finally {
    if (timingOn()) {
      mark('output');
      io.stderr(timingReport());
    }
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    // One line, as linters do: what is wrong and where to look, not the whole help.
    if (e instanceof UsageError) { io.stderr(`ptrace-doctor: ${e.message}; see --help\n`); return 2; }
    throw e;
  }
  const color = useColor(parsed.color, io.env, io.isTTY === true);
  if (parsed.command === 'help') { io.stdout(USAGE); return 0; }
  if (parsed.command === 'version') { io.stdout(`${VERSION}\n`); return 0; }
  if (parsed.command === 'list-rules') { io.stdout(listRules()); return 0; }
  if (parsed.command === 'explain') return explain(parsed.rule!, color, io);
  const args = parsed;
  try {
    const { root, paths } = resolveTargets(args, io.cwd);
    if (!existsSync(root) || !statSync(root).isDirectory()) { io.stderr(`ptrace-doctor: ${root} is not a directory\n`); return 2; }
    if (args.command === 'init') return await init(args, root, paths, io);
    const display = (abs: string): string => {
      const rel = relative(io.cwd, abs);
      return rel === '' || rel.startsWith('..') ? abs : rel;
    };
    let config: EffectiveConfig | undefined;
    try {
      if (args.config !== undefined && !existsSync(resolve(io.cwd, args.config))) throw new UsageError(`--config ${args.config}: no such file`);
      const path = args.noConfig ? undefined : args.config !== undefined ? resolve(io.cwd, args.config) : findConfig({ root });
      // The validator, the yaml parser and picomatch are loaded only when there is a file.
      if (path !== undefined) config = await (await import('../config/load.js')).loadConfigFile(path, root, display);
    } catch (e) {
      if (e instanceof ConfigError) { io.stderr(`ptrace-doctor: ${e.message}\n`); return 2; }
      throw e;
    }
    const failOn = args.failOn ?? config?.failOn ?? 'error';
    let baseline: Baseline | undefined;
    if (args.baseline !== undefined) {
      try {
        baseline = readBaseline(resolve(io.cwd, args.baseline), args.baseline);
      } catch (e) {
        if (e instanceof BaselineError) { io.stderr(`ptrace-doctor: ${e.message}\n`); return 2; }
        throw e;
      }
    }
    const scanOpts = { root, paths, ignore: args.ignore, ...(config ? { config } : {}) };
    let findings: Finding[];
    let suppressed: Finding[];
    if (args.fix) {
      const out = await applyFixes({ ...scanOpts, write: true });
      for (const s of out.skipped) io.stderr(`ptrace-doctor: ${s.path} ${s.reason}\n`);
      if (args.format === 'text') {
        io.stdout(out.changed.length > 0 ? `Fixed ${out.fixed.length} finding${out.fixed.length === 1 ? '' : 's'} in ${out.changed.length} file${out.changed.length === 1 ? '' : 's'}:\n${out.patch}\n` : 'Nothing to fix.\n');
      }
      findings = out.after.findings;
      suppressed = out.after.suppressed;
      if (args.format === 'text' && findings.length > 0) io.stdout('Still to do by hand:\n\n');
    } else {
      ({ findings, suppressed } = await scan(scanOpts));
    }
    if (args.writeBaseline !== undefined) {
      const target = resolve(io.cwd, args.writeBaseline);
      writeFileSync(target, baselineText(findings));
      io.stderr(`ptrace-doctor: wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to ${args.writeBaseline}; with --baseline ${args.writeBaseline} only findings not in it are reported\n`);
      return 0;
    }
    // With a baseline, what it holds is left out of the report and the exit code (SARIF keeps it, as unchanged).
    const { fresh, known } = partition(findings, baseline);
    const keys = baseline ? baselineKeys(baseline) : undefined;
    // The JSON formats make each finding's object as it is written (lazy): a report of 20,000 findings
    // never holds them all at once.
    switch (args.format) {
      case 'json': writeJson(toJson(fresh, VERSION, { suppressed, lazy: true, ...(baseline ? { baseline: known.length } : {}) }), io.stdout); break;
      case 'sarif': {
        const help = await (await import('../report/help.js')).ruleHelp();
        writeJson(toSarif(findings, { suppressed, help, lazy: true, ...(keys ? { inBaseline: (f: Finding) => inBaseline(keys, f) } : {}) }), io.stdout);
        break;
      }
      case 'github': io.stdout(formatGithub(fresh)); break;
      case 'compact': io.stdout(formatCompact(fresh)); break;
      // Loaded for this format only: its suggestions come from the review code, which loads node:crypto.
      case 'rdjson': writeJson((await import('../report/rdjson.js')).toRdjson(fresh), io.stdout); break;
      case 'codeclimate': writeJson(toCodeClimate(fresh), io.stdout); break;
      default:
        if (!(args.fix && fresh.length === 0)) io.stdout(formatText(fresh, { color, verbose: args.verbose, suppressed: suppressed.length, baseline: known.length }));
    }
    return fresh.some((f) => atOrAbove(f.severity, failOn)) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`ptrace-doctor: ${e.message}; see --help\n`); return 2; }
    io.stderr(`ptrace-doctor: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
