/**
 * The engine: files → parse → model (launches) → rules → findings.
 * The engine, not the rules, handles suppression, severity, ordering and fingerprints.
 */
import { nodeCrypto } from './builtins.js';
import { Workspace, discoverThen } from './discover/index.js';
import { mark } from './timing.js';
import { Project } from './model/project.js';
import { ParseError } from './parse/yaml.js';
import { LEADS_TO_YAML, loadYaml } from './parse/yaml-lib.js';
import { loadJsonc, mayReadJson } from './parse/jsonc-lib.js';
import { loadToml } from './parse/toml-lib.js';
import { buildModel, type Model, type ModelOptions } from './model/index.js';
import { ALL_RULES, resolveRule } from './rules/index.js';
import { ptd901 } from './rules/ptd901.js';
import type { Report, RuleMeta } from './rules/types.js';
import { spanText, toLocation } from './source.js';
import { launchName } from './rules/describe.js';
import { SEVERITY_ORDER, type Finding, type Related, type SourceFile, type Span } from './types.js';
import type { Launch } from './model/launch.js';
import { foldHeldBack, settleFixes, type Settled } from './fix/settle.js';
import { EMPTY_CONFIG, type EffectiveConfig, type SuppressEntry } from './config/types.js';
import { applies, covers, directiveText, directivesOf, mayHoldDirectives, removalFix, type Directive } from './suppress/directives.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Optional sub-paths (relative to root) to limit discovery to. */
  paths?: string[];
  /** Rule ids (or slugs) to drop. */
  ignore?: string[];
  /** The configuration file's settings: rules off or re-graded, excluded paths, suppressions with reasons. */
  config?: EffectiveConfig;
  /** Relative path → text that replaces the file on disk (for fix iterations). */
  overlay?: Map<string, string>;
  /** The workspace of a scan this one repeats with the overlay (its listing and other reads are reused). */
  workspace?: Workspace;
  /**
   * Parse every discovered file, not only those that can matter (see
   * model/relevance.ts). Same findings, except PTD900 notes for unparsable
   * files that mention no debugger; slower. For tests and diagnosis.
   */
  readEverything?: boolean;
  /** Settle the fixes once, without computing again the ones another held back (the fold's own rescans). */
  noFold?: boolean;
}

export interface ScanResult {
  root: string;
  files: SourceFile[];
  launches: Launch[];
  model: Model;
  /** Sorted by path, then line, then rule id. */
  findings: Finding[];
  /** The fixes of the findings together: what --fix writes (fix/settle.ts). */
  settled: Settled;
  /** Findings a comment or the configuration suppressed, each with its `suppression` (same order). */
  suppressed: Finding[];
}

/** The names a config file's `services:` can use for a launch: Compose service, dev container, Kubernetes container and workload. */
function launchNames(l: Launch): string[] {
  const tail = l.id.slice(l.id.indexOf('#') + 1);
  switch (l.kind) {
    case 'compose':
    case 'devcontainer':
      return [l.name];
    case 'kubernetes': {
      // kubernetes:<path>#<Kind>/<name>/<container>
      const parts = tail.split('/');
      const container = parts.at(-1) ?? '';
      const workload = parts.slice(0, -1).join('/');
      return [container, workload, tail].filter(Boolean);
    }
    default:
      return [];
  }
}

function fingerprint(ruleId: string, r: Report): string {
  // One string, hashed in one call where Node has crypto.hash (20.12+, 21.7+): a report of 20,000 findings spent
  // a tenth of its rules phase making a Hash object per finding. The same bytes, so the same prints (baselines).
  const text = `${ruleId}\0${r.span.file.path}\0${r.launch?.id.replace(/:\d+$/, '') ?? ''}\0${r.key ?? spanText(r.span).trim().slice(0, 200)}`;
  const c = nodeCrypto();
  return (typeof c.hash === 'function' ? c.hash('sha256', text, 'hex') : c.createHash('sha256').update(text).digest('hex')).slice(0, 16);
}

export interface RuleRunOptions {
  ignore?: string[];
  config?: EffectiveConfig;
}

export interface RuleRunResult {
  findings: Finding[];
  suppressed: Finding[];
}

/** Kinds whose files are YAML: their directives cover the YAML block under them. */
const YAML_KINDS: ReadonlySet<string> = new Set(['compose', 'kubernetes', 'workflow', 'taskfile', 'gitlab-ci', 'skaffold', 'okteto', 'devspace']);

/**
 * The ptrace-doctor-ignore comments of a file, from its own structure, read
 * once per file: the scanned files up front (for PTD901), any other file a
 * finding lands in (a Dockerfile read through a link) when it does.
 */
class Directives {
  readonly byFile = new Map<SourceFile, Directive[]>();
  constructor(private readonly project: Project) {
    for (const f of project.files) this.of(f);
  }
  of(file: SourceFile): Directive[] {
    let ds = this.byFile.get(file);
    if (ds === undefined) {
      ds = [];
      if (mayHoldDirectives(file.text)) {
        const yamlDocs = YAML_KINDS.has(file.kind) ? this.project.yaml(file)?.docs : undefined;
        ds = directivesOf(file, { resolve: resolveRule, ...(yamlDocs ? { yamlDocs } : {}) });
      }
      this.byFile.set(file, ds);
    }
    return ds;
  }
}

export function runRules(project: Project, model: Model, opts: RuleRunOptions = {}): RuleRunResult {
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const config = opts.config ?? EMPTY_CONFIG;
  const skip = new Set((opts.ignore ?? []).map((i) => resolveRule(i) ?? i.trim().toUpperCase()).filter(Boolean));
  for (const [id, setting] of config.rules) if (setting === 'off') skip.add(id);
  const seen = new Set<string>();
  const directives = new Directives(project);
  const inSource = (ruleId: string, spans: Span[]): Directive | undefined => {
    let hit: Directive | undefined;
    for (const s of spans) {
      for (const d of directives.of(s.file)) {
        if (!applies(d, ruleId) || !covers(d, s.start)) continue;
        d.used.add(d.rules === undefined ? '*' : ruleId);
        hit ??= d;
      }
    }
    return hit;
  };
  const usedEntries = new Set<SuppressEntry>();
  const external = (ruleId: string, r: Report): SuppressEntry | undefined =>
    config.suppress.find((e) => {
      if (e.rules && !e.rules.includes(ruleId)) return false;
      if (e.paths && ![r.span.file.path, r.launch?.file.path].some((p) => p !== undefined && e.paths!(p))) return false;
      if (e.services && !(r.launch && launchNames(r.launch).some((n) => e.services!.includes(n)))) return false;
      return true;
    });
  // The launch of each finding reported, for oncePerPlace to name the containers that share a place.
  const launchOf = new Map<Finding, Launch>();
  const report = (meta: RuleMeta, r: Report, commentsApply: boolean): void => {
    if (config.exclude && config.exclude(r.span.file.path)) return;
    let fp = fingerprint(meta.id, r);
    // Two findings of one rule on identical text in one file get distinct prints.
    for (let n = 2; seen.has(fp); n++) fp = fingerprint(meta.id, { ...r, key: `${r.key ?? ''}#${n}` });
    seen.add(fp);
    const setting = config.rules.get(meta.id);
    const finding: Finding = {
      ruleId: meta.id,
      severity: setting && setting !== 'off' ? setting : (r.severity ?? meta.defaultSeverity),
      title: meta.title,
      message: r.message,
      short: r.short,
      fixHint: r.fixHint,
      span: r.span,
      // Where the launch's image is built, when it was found by name (model/images.ts).
      related: [...(r.related ?? []), ...(r.launch?.linkNotes ?? []).filter((n) => !(r.related ?? []).some((x) => x.span.file === n.span.file && x.span.start === n.span.start))],
      ...(r.launch ? { launch: r.launch.id } : {}),
      ...(r.fix ? { fix: r.fix } : {}),
      fingerprint: fp,
    };
    const d = commentsApply ? inSource(meta.id, r.launch ? [r.span, r.launch.anchor] : [r.span]) : undefined;
    if (d) {
      suppressed.push({ ...finding, suppression: { kind: 'inSource', span: { file: d.file, start: d.comment.start, end: d.comment.end }, ...(d.reason ? { justification: d.reason } : {}) } });
      return;
    }
    const e = external(meta.id, r);
    if (e) {
      usedEntries.add(e);
      suppressed.push({ ...finding, suppression: { kind: 'external', justification: e.reason, where: e.where } });
      return;
    }
    findings.push(finding);
    if (r.launch) launchOf.set(finding, r.launch);
  };
  for (const rule of ALL_RULES) {
    if (skip.has(rule.meta.id)) continue;
    rule.check({ project, model, launches: model.launches, report: (r) => report(rule.meta, r, true) });
  }
  if (!skip.has(ptd901.meta.id)) {
    for (const r of unusedSuppressions(project, directives.byFile, skip)) report(ptd901.meta, r, false);
    for (const r of unusedConfigEntries(config.suppress, usedEntries, skip)) report(ptd901.meta, r, false);
  }
  return { findings: sortFindings(oncePerPlace(findings, launchOf)), suppressed: sortFindings(suppressed) };
}

/**
 * One finding of a rule per place: containers that share a setting (services of one YAML anchor, a service and
 * the file it `extends`, two runtimes of one Dockerfile) would each report it on the same lines, and a review
 * would post the same comment once per container. The finding that carries a fix is kept (else the first),
 * at the most severe of their severities, and names the other containers in related notes.
 */
function oncePerPlace(findings: Finding[], launchOf: Map<Finding, Launch>): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.ruleId}\0${f.span.file.path}\0${f.span.start}\0${f.span.end}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  if (groups.size === findings.length) return findings;
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]!);
      continue;
    }
    const keep = g.find((f) => f.fix) ?? g[0]!;
    const worst = g.reduce((a, f) => (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[a] ? f.severity : a), keep.severity);
    const also: Related[] = [];
    for (const f of g) {
      const l = f === keep ? undefined : launchOf.get(f);
      if (!l || (launchOf.get(keep) && launchOf.get(keep)!.id === l.id)) continue;
      const at = toLocation(l.anchor);
      also.push({ span: l.anchor, message: `The same holds for ${launchName(l)} (${at.path}:${at.startLine}), which uses these same lines.` });
    }
    out.push({ ...keep, severity: worst, related: [...keep.related, ...also] });
  }
  return out;
}

/**
 * PTD901: directives that name no rule, or that suppressed nothing. A rule
 * that did not run (turned off, --ignore) cannot tell, nor can a file that
 * could not be parsed: those are not reported. Paths on the command line do
 * not change the answer: the whole repository is modelled (scan()).
 */
function unusedSuppressions(project: Project, directives: Map<SourceFile, Directive[]>, skipped: Set<string>): Report[] {
  const out: Report[] = [];
  const unparsed = new Set(project.problems.map((p) => p.path));
  for (const [file, ds] of directives) {
    const path = file.path;
    for (const d of ds) {
      const span: Span = { file: d.file, start: d.comment.start, end: d.comment.end };
      const quoted = `\`${directiveText(d)}\``;
      if (d.unknown.length > 0) {
        out.push({
          span,
          key: `unknown ${d.unknown.join(',')}`,
          message: `${quoted} names ${d.unknown.length === 1 ? 'no rule' : 'no rules'}: ${d.unknown.join(', ')} ${d.unknown.length === 1 ? 'is' : 'are'} neither a rule id nor a slug, so ${d.unknown.length === 1 ? 'it suppresses' : 'they suppress'} nothing. \`ptrace-doctor --list-rules\` lists them all.`,
          short: `${d.unknown.join(', ')} ${d.unknown.length === 1 ? 'is' : 'are'} neither a rule id nor a slug, so ${d.unknown.length === 1 ? 'it suppresses' : 'they suppress'} nothing.`,
          fixHint: 'Name rules by id or slug (`ptrace-doctor --list-rules` lists them)',
        });
      }
      if (unparsed.has(path)) continue;
      const named = d.rules ?? ['*'];
      const idle = named.filter((id) => !skipped.has(id) && !d.used.has(id));
      if (idle.length === 0 || (d.rules !== undefined && d.rules.length === 0)) continue;
      const all = idle.length === named.length && d.unknown.length === 0;
      out.push({
        span,
        key: `unused ${idle.join(',')}`,
        message: d.rules === undefined
          ? `${quoted} suppresses nothing: no finding is on the line it applies to or in the block that line starts. Remove it, or move it onto the line above the finding it is meant for.`
          : `${quoted} suppresses nothing for ${idle.join(', ')}: no ${idle.length === 1 ? 'such finding is' : 'findings of these rules are'} on the line it applies to or in the block that line starts. ${all ? 'Remove the comment' : `Remove ${idle.join(', ')} from it`}, or move it onto the line above the finding it is meant for.`,
        short: `The comment suppresses nothing${d.rules === undefined ? '' : ` for ${idle.join(', ')}`}: no ${d.rules === undefined || idle.length === 1 ? 'finding is' : 'findings of these rules are'} on the line it applies to or in the block that line starts.`,
        fixHint: `${all ? 'Remove the comment' : `Remove ${idle.join(', ')} from it`}, or move it onto the line above the finding it is meant for`,
        ...(all ? { fix: removalFix(d) } : {}),
      });
    }
  }
  return out;
}

/**
 * PTD901 for the configuration file's `suppress` entries that matched no
 * finding (an entry naming only rules that did not run cannot tell). No fix: removing a list item is left to the user, who may have
 * moved the service rather than fixed it.
 */
function unusedConfigEntries(entries: SuppressEntry[], used: Set<SuppressEntry>, skipped: Set<string>): Report[] {
  const out: Report[] = [];
  for (const e of entries) {
    if (used.has(e) || !e.span) continue;
    if (e.rules && e.rules.every((id) => skipped.has(id))) continue;
    const what = [
      e.rules ? `${e.rules.join(', ')}` : 'any rule',
      e.paths ? 'in the paths it names' : '',
      e.services ? `for ${e.services.map((s) => `\`${s}\``).join(', ')}` : '',
    ].filter(Boolean).join(' ');
    out.push({
      span: e.span,
      key: `config ${e.rules?.join(',') ?? '*'} ${e.services?.join(',') ?? '*'} ${e.reason}`,
      message: `The exception at ${e.where} ("${e.reason}") suppresses nothing: no finding of ${what} was reported. Remove it from the configuration, or correct its paths or services if they moved.`,
      short: `This exception suppresses nothing: no finding of ${what} was reported.`,
      fixHint: 'Remove it from the configuration, or correct its paths or services if they moved',
    });
  }
  return out;
}

export function sortFindings(f: Finding[]): Finding[] {
  return f.sort((a, b) => (a.span.file.path < b.span.file.path ? -1 : a.span.file.path > b.span.file.path ? 1 : a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

/**
 * Build the model; a YAML file whose alias budget runs out part-way (an alias
 * or merge-key bomb) is dropped with a PTD900 note and the model is rebuilt
 * without it, instead of failing the whole scan.
 */
function buildModelGuarded(project: Project, opts: ModelOptions): Model {
  const refused = new Set<string>();
  for (;;) {
    try {
      return buildModel(project, opts);
    } catch (e) {
      if (!(e instanceof ParseError) || !e.file || refused.has(e.file.path)) throw e;
      refused.add(e.file.path);
      project.refuseYaml(e.file, `could not be parsed as YAML: ${e.message}`, e.offset);
    }
  }
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const ws = opts.workspace ? opts.workspace.withOverlay(opts.overlay ?? new Map()) : new Workspace(opts.root, opts.overlay);
  // Paths on the command line (a pre-commit hook's staged files, a sub-directory) narrow what is reported, not
  // what is read: a finding in a named file can depend on any file of the repository (the override that grants
  // the capability, the Compose file that runs the Dockerfile, the script a CMD starts), so the whole repository
  // is modelled and the findings in the named paths are kept. The answer for a named file is the full scan's.
  const named = ws.prefixesOf(opts.paths);
  const inNamed = named && ((path: string): boolean => named.some((p) => path === p || path.startsWith(p + '/')));
  return discoverThen(ws, undefined, async ({ files, skipped }) => {
    // A `kubectl debug --custom profile.yaml` of a script is read as YAML, in a repository without other YAML too.
    if (files.some((f) => LEADS_TO_YAML.has(f.kind) || f.text.includes('--custom'))) await loadYaml();
    // nodemon.json is read when a container runs nodemon (it is not discovered).
    if (mayReadJson(files.map((f) => f.kind)) || files.some((f) => f.text.includes('nodemon') || f.text.includes('--overrides'))) await loadJsonc();
    // air's config is read when a container runs `air`: its default names are discovered as 'air'; another name is
    // `air -c FILE`, or a file a Dockerfile copies to .air.toml (`COPY config/air.node.toml /src/.air.toml`, `CMD ["air"]`).
    if (files.some((f) => f.kind === 'air' || f.text.includes('air -c') || (f.text.includes('.toml') && /\bair\b/.test(f.text)))) await loadToml();
    const project = new Project(ws, files, skipped);
    const model = buildModelGuarded(project, { readEverything: opts.readEverything === true });
    mark('model');
    const all = runRules(project, model, { ...(opts.ignore ? { ignore: opts.ignore } : {}), ...(opts.config ? { config: opts.config } : {}) });
    const findings = inNamed ? all.findings.filter((f) => inNamed(f.span.file.path)) : all.findings;
    const suppressed = inNamed ? all.suppressed.filter((f) => inNamed(f.span.file.path)) : all.suppressed;
    mark('rules');
    // The fixes offered are the ones that can all be applied together, each file validated once;
    // those held back by another (rare) are computed again on the fixed text and folded in.
    const offered = new Set(findings.filter((f) => f.fix));
    let settled = settleFixes(findings);
    if (!opts.noFold && settled.accepted.length < offered.size) {
      settled = await foldHeldBack(findings, offered, settled, async (overlay) => (await scan({ ...opts, overlay: new Map([...(opts.overlay ?? []), ...overlay]), noFold: true, workspace: ws })).findings);
    }
    mark('fixes');
    return { root: ws.root, files: project.files, launches: model.launches, model, findings, suppressed, settled };
  }, opts.config?.exclude, named);
}
