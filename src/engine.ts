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
import { ALL_RULES } from './rules/index.js';
import type { Report } from './rules/types.js';
import { positionAt, lineText, spanText } from './source.js';
import type { Finding, SourceFile, Span } from './types.js';
import type { Launch } from './model/launch.js';
import { foldHeldBack, settleFixes, type Settled } from './fix/settle.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Optional sub-paths (relative to root) to limit discovery to. */
  paths?: string[];
  /** Rule ids to drop. */
  ignore?: string[];
  /** Relative path → text that replaces the file on disk (for fix iterations). */
  overlay?: Map<string, string>;
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
}

const IGNORE_RE = /ptrace-doctor-ignore(?:\s+((?:PTD\d{3}[\s,]*)+))?/i;

/** Is the finding suppressed by a `ptrace-doctor-ignore [PTDnnn…]` comment on its line or the line above? */
export function isSuppressed(ruleId: string, span: Span): boolean {
  const { line } = positionAt(span.file, span.start);
  for (const l of [line, line - 1]) {
    if (l < 1) continue;
    const text = lineText(span.file, l);
    const hashAt = text.indexOf('#');
    const slashAt = text.indexOf('//');
    const commentAt = [hashAt, slashAt].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (commentAt === undefined) continue;
    const m = IGNORE_RE.exec(text.slice(commentAt));
    if (!m) continue;
    if (!m[1]) return true;
    if (m[1].toUpperCase().split(/[\s,]+/).includes(ruleId)) return true;
  }
  return false;
}

function fingerprint(ruleId: string, r: Report): string {
  const h = nodeCrypto().createHash('sha256');
  h.update(ruleId);
  h.update('\0' + r.span.file.path);
  h.update('\0' + (r.launch?.id.replace(/:\d+$/, '') ?? ''));
  h.update('\0' + (r.key ?? spanText(r.span).trim().slice(0, 200)));
  return h.digest('hex').slice(0, 16);
}

export function runRules(project: Project, model: Model, ignore: string[] = []): Finding[] {
  const findings: Finding[] = [];
  const skip = new Set(ignore.map((i) => i.trim().toUpperCase()).filter(Boolean));
  const seen = new Set<string>();
  for (const rule of ALL_RULES) {
    if (skip.has(rule.meta.id)) continue;
    rule.check({
      project,
      model,
      launches: model.launches,
      report(r) {
        if (isSuppressed(rule.meta.id, r.span) || (r.launch && isSuppressed(rule.meta.id, r.launch.anchor))) return;
        let fp = fingerprint(rule.meta.id, r);
        // Two findings of one rule on identical text in one file get distinct prints.
        for (let n = 2; seen.has(fp); n++) fp = fingerprint(rule.meta.id, { ...r, key: `${r.key ?? ''}#${n}` });
        seen.add(fp);
        // Where the launch's image is built, when it was found by name (model/images.ts).
        const notes = (r.launch?.linkNotes ?? []).filter((n) => !(r.related ?? []).some((x) => x.span.file === n.span.file && x.span.start === n.span.start));
        findings.push({
          ruleId: rule.meta.id,
          severity: r.severity ?? rule.meta.defaultSeverity,
          title: rule.meta.title,
          message: r.message,
          span: r.span,
          related: [...(r.related ?? []), ...notes],
          ...(r.launch ? { launch: r.launch.id } : {}),
          ...(r.fix ? { fix: r.fix } : {}),
          fingerprint: fp,
        });
      },
    });
  }
  return sortFindings(findings);
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
  const ws = new Workspace(opts.root, opts.overlay);
  // Sub-paths that do not cover the root: what their files link to may lie outside them.
  const partial = ws.prefixesOf(opts.paths) !== undefined;
  return discoverThen(ws, opts.paths, async ({ files, skipped }) => {
    if (files.some((f) => LEADS_TO_YAML.has(f.kind))) await loadYaml();
    if (mayReadJson(files.map((f) => f.kind))) await loadJsonc();
    // air's config is read when a container runs `air`: its default names are discovered as 'air'; another name is `air -c FILE`.
    if (files.some((f) => f.kind === 'air' || f.text.includes('air -c'))) await loadToml();
    const project = new Project(ws, files, skipped);
    const model = buildModelGuarded(project, { readEverything: opts.readEverything === true, partial });
    mark('model');
    const findings = runRules(project, model, opts.ignore);
    mark('rules');
    // The fixes offered are the ones that can all be applied together, each file validated once;
    // those held back by another (rare) are computed again on the fixed text and folded in.
    const offered = new Set(findings.filter((f) => f.fix));
    let settled = settleFixes(findings);
    if (!opts.noFold && settled.accepted.length < offered.size) {
      settled = await foldHeldBack(findings, offered, settled, async (overlay) => (await scan({ ...opts, overlay: new Map([...(opts.overlay ?? []), ...overlay]), noFold: true })).findings);
    }
    mark('fixes');
    return { root: ws.root, files: project.files, launches: model.launches, model, findings, settled };
  });
}
