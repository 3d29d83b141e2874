/** The rule catalogue. Ids are stable and public (see docs/rules/). */
import { ptd001 } from './ptd001.js';
import { ptd002 } from './ptd002.js';
import { ptd003 } from './ptd003.js';
import { ptd004 } from './ptd004.js';
import { ptd900 } from './ptd900.js';
import type { Rule, RuleMeta } from './types.js';

export const ALL_RULES: Rule[] = [ptd001, ptd002, ptd003, ptd004, ptd900];

export const RULES: RuleMeta[] = ALL_RULES.map((r) => r.meta);

export const DOCS_BASE = 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, RuleMeta };
