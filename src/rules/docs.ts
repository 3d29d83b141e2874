/**
 * The rule pages at run time: embedded in the bundles at build time
 * (docs.generated.ts, written by scripts/rule-docs.mjs from docs/rules/), in
 * a chunk of their own that only `explain` and SARIF output load. Besides
 * each page as written, the generator stores what SARIF shows: the page with
 * absolute links, and that page rendered as plain text.
 */
export interface RuleDocs {
  /** Rule id → the page as in docs/rules/. */
  pages: Readonly<Record<string, string>>;
  /** Rule id → SARIF's help: the page with absolute links, and as plain text. */
  help: Readonly<Record<string, { markdown: string; text: string }>>;
}

export async function loadRuleDocs(): Promise<RuleDocs> {
  const m = await import('./docs.generated.js');
  return { pages: m.RULE_DOCS, help: m.RULE_HELP };
}
