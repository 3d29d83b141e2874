/**
 * Each rule's full page for SARIF's `help` (GitHub code scanning shows
 * help, not helpUri): Markdown with its links made absolute, and the same
 * page as plain text. Loads the embedded pages and marked (chunks of their
 * own), so only SARIF output pays for them.
 */
import { loadRuleDocs, withAbsoluteLinks } from '../rules/docs.js';
import { loadMarked, renderTerminal } from './terminal-markdown.js';

export interface RuleHelp {
  text: string;
  markdown: string;
}

export async function ruleHelp(): Promise<Map<string, RuleHelp>> {
  const [docs] = await Promise.all([loadRuleDocs(), loadMarked()]);
  const { lexer } = await import('marked');
  const out = new Map<string, RuleHelp>();
  for (const [id, page] of Object.entries(docs)) {
    const markdown = withAbsoluteLinks(page, lexer);
    out.set(id, { markdown, text: renderTerminal(markdown, { color: false, width: 100 }) });
  }
  return out;
}
