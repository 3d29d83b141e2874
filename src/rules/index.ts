/** The rule catalogue. Ids are stable and public (see docs/rules/). */
import { ptd001 } from './ptd001.js';
import { ptd002 } from './ptd002.js';
import { ptd003 } from './ptd003.js';
import { ptd004 } from './ptd004.js';
import { ptd005 } from './ptd005.js';
import { ptd006 } from './ptd006.js';
import { ptd007 } from './ptd007.js';
import { ptd008 } from './ptd008.js';
import { ptd009 } from './ptd009.js';
import { ptd010 } from './ptd010.js';
import { ptd011 } from './ptd011.js';
import { ptd012 } from './ptd012.js';
import { ptd013 } from './ptd013.js';
import { ptd900 } from './ptd900.js';
import { ptd901 } from './ptd901.js';
import type { Rule, RuleMeta } from './types.js';

export const ALL_RULES: Rule[] = [ptd001, ptd002, ptd003, ptd004, ptd005, ptd006, ptd007, ptd008, ptd009, ptd010, ptd011, ptd012, ptd013, ptd900, ptd901];

export const RULES: RuleMeta[] = ALL_RULES.map((r) => r.meta);

export const DOCS_BASE = 'https://github.com/ptrace-doctor/ptrace-doctor/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

/** The rule id of an id (any letter case) or a slug; undefined when it names no rule. */
export function resolveRule(name: string): string | undefined {
  const n = name.trim();
  const byId = RULES.find((r) => r.id === n.toUpperCase());
  if (byId) return byId.id;
  return RULES.find((r) => r.slug === n.toLowerCase())?.id;
}

export type { Rule, RuleMeta };
