/** Helpers every reporter shares. */
import { applyEdits, unifiedDiff } from '../fix/text.js';
import { toLocation } from '../source.js';
import { SEVERITY_ORDER, type Finding, type Location, type Severity, type SourceFile } from '../types.js';

export interface Counts {
  error: number;
  warning: number;
  note: number;
  total: number;
}

export function counts(findings: Finding[]): Counts {
  const c = { error: 0, warning: 0, note: 0, total: findings.length };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * The fix of one finding as a unified diff (one block per file it touches);
 * undefined when there is no fix or an edit does not apply. Files come from
 * the fix itself, else from `files`; paths can be mapped for display.
 */
export function fixDiff(f: Finding, opts: { files?: Map<string, SourceFile>; repoPath?: (p: string) => string; context?: number } = {}): string | undefined {
  const edits = f.fix?.edits ?? [];
  if (edits.length === 0) return undefined;
  let out = '';
  for (const p of [...new Set(edits.map((e) => e.path))]) {
    const file = f.fix?.files?.find((x) => x.path === p) ?? opts.files?.get(p) ?? (p === f.span.file.path ? f.span.file : undefined);
    if (!file) return undefined;
    try {
      out += unifiedDiff(opts.repoPath ? opts.repoPath(p) : p, file.text, applyEdits(file.text, edits.filter((e) => e.path === p)), opts.context);
    } catch {
      return undefined;
    }
  }
  return out === '' ? undefined : out;
}

/**
 * The finding's one sentence of why (the short text of the terminal and of pull-request comments):
 * the rule's own, else the message's first sentence. Always one line.
 */
export function shortWhy(f: Finding): string {
  const own = f.short?.trim();
  if (own) return oneLine(own);
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(f.message);
  return oneLine(m ? m[0] : f.message).trim();
}

/** A blank other than a lone space: where `replace(/\s+/g, ' ')` changes a text. */
const NOT_ONE_SPACE = /[^\S ]|\s\s/;

/** Every run of blanks as one space; the text itself when it has none to change (most short texts: asked per finding). */
function oneLine(s: string): string {
  return NOT_ONE_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/** Another finding's fix makes this one's change too (fix/settle.ts says so in a related note). */
const FIXED_TOGETHER = /^Fixed together with (\S+) /;

/**
 * The fix of the short text, in one line without "Fix: ": the automatic fix's description when
 * it can be shown (`hasDiff`), the finding that fixes it too, else the rule's hint; undefined when there is none.
 */
export function shortFix(f: Finding, hasDiff: boolean): string | undefined {
  if (f.fix && hasDiff) return oneLine(f.fix.description);
  const together = f.related.find((r) => FIXED_TOGETHER.test(r.message));
  if (together) {
    const l = toLocation(together.span);
    return `Made by the fix of ${FIXED_TOGETHER.exec(together.message)![1]} (${l.path}:${l.startLine})`;
  }
  const hint = f.fixHint?.trim();
  return hint ? oneLine(hint) : undefined;
}

export function location(f: Finding): Location {
  return toLocation(f.span);
}

export function atOrAbove(s: Severity, threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && SEVERITY_ORDER[s] >= SEVERITY_ORDER[threshold];
}
