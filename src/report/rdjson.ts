/**
 * rdjson: reviewdog's Diagnostic Format (DiagnosticResult, proto/rdf in
 * github.com/reviewdog/reviewdog), for `reviewdog -f=rdjson`.
 *
 * Positions are 1-based lines and 1-based columns counted in UTF-8 bytes;
 * a range's end is exclusive. A fix becomes one suggestion when all its
 * edits are in the finding's own file: the whole lines the edits touch,
 * replaced by what they become (reviewdog posts a suggestion over whole
 * lines), else none.
 */
import { positionAt, toLocation } from '../source.js';
import { ruleDocUrl } from '../rules/index.js';
import type { Finding, Severity, SourceFile } from '../types.js';
import { suggestionCandidates } from './github.js';

const SEVERITY: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', note: 'INFO' };

interface Position { line: number; column: number }

/** Line and UTF-8 byte column (1-based) of an offset. */
function utf8Position(file: SourceFile, offset: number): Position {
  const p = positionAt(file, offset);
  const lineStart = file.lineStarts[p.line - 1] ?? 0;
  return { line: p.line, column: Buffer.byteLength(file.text.slice(lineStart, Math.max(lineStart, offset)), 'utf8') + 1 };
}

function range(file: SourceFile, start: number, end: number): { start: Position; end: Position } {
  return { start: utf8Position(file, start), end: utf8Position(file, end) };
}

function lineCount(file: SourceFile): number {
  const n = file.lineStarts.length;
  return n > 1 && file.lineStarts[n - 1] === file.text.length ? n - 1 : n;
}

function suggestions(f: Finding): object[] {
  const file = f.span.file;
  if (!f.fix || f.fix.edits.length === 0 || f.fix.edits.some((e) => e.path !== file.path)) return [];
  const s = suggestionCandidates(f, file)[0];
  if (!s) return [];
  const total = lineCount(file);
  // Lines s.startLine..s.endLine with their line break: up to the start of the next line when there is one.
  const endsAtNextLine = s.endLine < total || file.text.endsWith('\n');
  const end = endsAtNextLine ? { line: s.endLine + 1, column: 1 } : utf8Position(file, file.text.length);
  return [{ range: { start: { line: s.startLine, column: 1 }, end }, text: endsAtNextLine ? `${s.text}\n` : s.text }];
}

export function toRdjson(findings: Finding[]): object {
  return {
    source: { name: 'ptrace-doctor', url: 'https://github.com/ptrace-doctor/ptrace-doctor' },
    diagnostics: findings.map((f) => {
      const sugg = suggestions(f);
      return {
        message: f.message,
        location: { path: toLocation(f.span).path, range: range(f.span.file, f.span.start, f.span.end) },
        severity: SEVERITY[f.severity],
        code: { value: f.ruleId, url: ruleDocUrl(f.ruleId) },
        ...(sugg.length > 0 ? { suggestions: sugg } : {}),
        ...(f.related.length > 0
          ? { related_locations: f.related.map((r) => ({ message: r.message, location: { path: r.span.file.path, range: range(r.span.file, r.span.start, r.span.end) } })) }
          : {}),
      };
    }),
  };
}
