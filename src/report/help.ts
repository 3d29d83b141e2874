/**
 * Each rule's full page for SARIF's `help` (GitHub code scanning shows
 * help, not helpUri): Markdown with its links made absolute, and the same
 * page as plain text, both rendered at bundle time (scripts/rule-docs.mjs),
 * so SARIF output only loads the chunk that holds them.
 */
import { loadRuleDocs } from '../rules/docs.js';

export interface RuleHelp {
  text: string;
  markdown: string;
}

export async function ruleHelp(): Promise<Map<string, RuleHelp>> {
  return new Map(Object.entries((await loadRuleDocs()).help));
}
