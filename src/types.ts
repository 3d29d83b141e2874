/**
 * Shared types: the contract between discover → parse → model → rules → report/fix.
 * Offsets are UTF-16 code-unit offsets into SourceFile.text; lines and columns are 1-based.
 */

export type Severity = 'error' | 'warning' | 'note';
export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

export type FileKind =
  | 'dockerfile' | 'compose' | 'devcontainer' | 'kubernetes' | 'shell' | 'makefile' | 'workflow' | 'seccomp' | 'vscode-launch'
  | 'justfile' | 'taskfile' | 'package-json' | 'gitlab-ci' | 'bake' | 'skaffold' | 'air' | 'env' | 'tiltfile' | 'markdown' | 'okteto' | 'devspace'
  | 'vscode-tasks';

export interface SourceFile {
  /** POSIX path relative to the scanned root. */
  path: string;
  /** Absolute path on disk. */
  abs: string;
  kind: FileKind;
  text: string;
  /** Offsets at which each line starts (index 0 → line 1). */
  lineStarts: number[];
}

export interface Position { line: number; column: number }

export interface Span {
  file: SourceFile;
  start: number;
  end: number;
}

/** A value read from a file, with where it came from. */
export interface Valued<T> {
  value: T;
  span: Span;
}

export interface TextEdit {
  /** Relative POSIX path of the file to edit. */
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Imperative, user-facing: "Add SYS_PTRACE to cap_add". */
  description: string;
  edits: TextEdit[];
  /** The files the edits apply to, as scanned (not serialised). */
  files?: SourceFile[];
  /** The edits as the editor made them, before they were widened to whole lines (not serialised). */
  raw?: TextEdit[];
}

export interface Related {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  /** The full explanation (--verbose, JSON, SARIF, annotations, the "Why" of pull-request comments). */
  message: string;
  /** One sentence of why, for the short text; when absent, reporters use the message's first sentence. */
  short?: string;
  /** The fix in one line, for the short text when there is no automatic fix to describe. */
  fixHint?: string;
  span: Span;
  related: Related[];
  /** Launch id this finding belongs to, if any. */
  launch?: string;
  fix?: Fix;
  /** Stable across unrelated edits: rule + path + launch + a content key (not line numbers). */
  fingerprint: string;
  /** Set on suppressed findings (ScanResult.suppressed): by a comment in the file, or by the config file. */
  suppression?: Suppression;
}

export interface Suppression {
  /** As SARIF names them: a comment in the scanned file, or an entry of the configuration. */
  kind: 'inSource' | 'external';
  /** The reason written with it (after `--` in a comment; `reason:` in the config). */
  justification?: string;
  /** The comment (inSource). */
  span?: Span;
  /** The config entry, "path:line" (external). */
  where?: string;
}

/** JSON-friendly location. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
