/** SARIF 2.1.0: one run, rules with help, results with locations, fingerprints and fixes. */
import { positionAt, toLocation } from '../source.js';
import { RULES, ruleDocUrl } from '../rules/index.js';
import type { Finding, Location, Severity, SourceFile } from '../types.js';
import { mapItems } from './stream-json.js';

export const VERSION = '0.1.0';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'note' };

function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(l: Location): object {
  return { startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn };
}

function physical(l: Location): object {
  return { artifactLocation: { uri: uri(l.path), uriBaseId: '%SRCROOT%' }, region: region(l) };
}

function rawRegion(file: SourceFile, start: number, end: number): object {
  const a = positionAt(file, start);
  const b = positionAt(file, end);
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

export interface SarifOptions {
  version?: string;
  /**
   * Suppressed findings: listed as results with `suppressions` (SARIF viewers hide them). Then every
   * other result carries `suppressions: []` too: SARIF 2.1.0 §3.27.23 wants the property on all results
   * of a run or on none. GitHub code scanning does not read `suppressions` (they would be open alerts),
   * which is why the Action leaves them out of its SARIF file unless told (input sarif-suppressed).
   */
  suppressed?: Finding[];
  /** With a baseline: every result gets baselineState, "unchanged" when this says the baseline has it, else "new". */
  inBaseline?: (f: Finding) => boolean;
  /** Each rule's full page (help.ts); without it, help is the rule's summary and a link. */
  help?: Map<string, { text: string; markdown: string }>;
  /** The results' objects made as writeJson writes them (LazyItems), not all at once. */
  lazy?: boolean;
}

/**
 * GitHub code scanning's alert severity (properties["security-severity"], a
 * CVSS-like score: ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, else low), for
 * the rules about a security risk; see docs/formats.md for the reasoning. Rules
 * about debuggability carry none, so code scanning shows them by level
 * (error, warning, note) instead of as low-severity security alerts.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  // Unauthenticated remote code execution: the delve API on a reachable port.
  PTD007: '8.8',
  // privileged: every capability and device, the container boundary gone for whoever runs code in it.
  PTD003: '6.5',
  // seccomp=unconfined: every syscall filter off (the kernel's attack surface), capabilities still apply.
  PTD002: '5.3',
};

/** SARIF's suppression object: kind, the reason as justification, the comment as its location. */
function suppressionOf(f: Finding): object[] {
  const s = f.suppression;
  if (!s) return [];
  return [
    {
      kind: s.kind,
      ...(s.justification ? { justification: s.justification } : {}),
      ...(s.span ? { location: { physicalLocation: physical(toLocation(s.span)) } } : {}),
      ...(s.where ? { properties: { configEntry: s.where } } : {}),
    },
  ];
}

export function toSarif(findings: Finding[], opts: SarifOptions = {}): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const anySuppressed = (opts.suppressed ?? []).length > 0;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ptrace-doctor',
            version: opts.version ?? VERSION,
            informationUri: 'https://github.com/ptrace-doctor/ptrace-doctor',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.slug,
              shortDescription: { text: r.title },
              fullDescription: { text: r.summary },
              helpUri: ruleDocUrl(r.id),
              help: opts.help?.get(r.id) ?? { text: `${r.summary} See ${ruleDocUrl(r.id)}`, markdown: `${r.summary}\n\n[${r.id} documentation](${ruleDocUrl(r.id)})` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: {
                tags: ['containers', 'debugging', ...(SECURITY_SEVERITY[r.id] ? ['security'] : []), r.slug],
                ...(SECURITY_SEVERITY[r.id] ? { 'security-severity': SECURITY_SEVERITY[r.id] } : {}),
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned directory.' } } },
        results: mapItems([...findings, ...(opts.suppressed ?? [])], opts.lazy, (f) => {
          const files = new Map<string, SourceFile>([[f.span.file.path, f.span.file], ...f.related.map((r) => [r.span.file.path, r.span.file] as [string, SourceFile]), ...(f.fix?.files ?? []).map((x) => [x.path, x] as [string, SourceFile])]);
          const fixFiles = f.fix ? [...new Set(f.fix.edits.map((e) => e.path))] : [];
          const fixable = f.fix && fixFiles.every((p) => files.has(p));
          return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: physical(toLocation(f.span)) }],
            ...(f.related.length > 0
              ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(toLocation(r.span)), message: { text: r.message } })) }
              : {}),
            partialFingerprints: { 'ptraceDoctorFingerprint/v1': f.fingerprint },
            ...(opts.inBaseline ? { baselineState: opts.inBaseline(f) ? 'unchanged' : 'new' } : {}),
            ...(anySuppressed ? { suppressions: suppressionOf(f) } : {}),
            ...(fixable
              ? {
                  fixes: [
                    {
                      description: { text: f.fix!.description },
                      artifactChanges: fixFiles.map((p) => ({
                        artifactLocation: { uri: uri(p), uriBaseId: '%SRCROOT%' },
                        replacements: f.fix!.edits.filter((e) => e.path === p).map((e) => ({
                          deletedRegion: rawRegion(files.get(p)!, e.start, e.end),
                          ...(e.text ? { insertedContent: { text: e.text } } : {}),
                        })),
                      })),
                    },
                  ],
                }
              : {}),
          };
        }),
      },
    ],
  };
}
