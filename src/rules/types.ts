/** The rule contract (after ESLint's rule objects): metadata plus one check. */
import type { Fix, Related, Severity, Span } from '../types.js';
import type { Launch } from '../model/launch.js';
import type { Model } from '../model/index.js';
import type { Project } from '../model/project.js';

export interface RuleMeta {
  id: string;
  slug: string;
  title: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** One sentence for rule lists and SARIF shortDescription. */
  summary: string;
}

export interface Report {
  severity?: Severity;
  /** The full explanation: what runs where, what fails and how (with the error the user sees), the fix. */
  message: string;
  /**
   * One sentence of why, for the short text (the terminal's default, pull-request comments): what goes
   * wrong for this finding, in words that stand on their own line under the title. No line breaks.
   */
  short: string;
  /**
   * The fix in one imperative line ("Add SYS_PTRACE to cap_add of service \"api\""), shown by the short
   * text when the finding has no automatic fix to describe (none, or one that cannot be offered).
   */
  fixHint: string;
  span: Span;
  related?: Related[];
  launch?: Launch;
  fix?: Fix;
  /** Distinguishes several findings of one rule on one launch (for fingerprints). */
  key?: string;
}

export interface RuleContext {
  project: Project;
  model: Model;
  launches: Launch[];
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
