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
  message: string;
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
