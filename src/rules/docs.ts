/**
 * The rule pages at run time: embedded in the bundles at build time
 * (docs.generated.ts, written by scripts/rule-docs.mjs from docs/rules/), in
 * a chunk of their own that only `explain` and SARIF output load.
 */
import type { Token } from 'marked';
import { DOCS_BASE } from './index.js';

export async function loadRuleDocs(): Promise<Readonly<Record<string, string>>> {
  return (await import('./docs.generated.js')).RULE_DOCS;
}

/**
 * The page with its relative links made absolute (to the repository on
 * GitHub), for places that show it away from docs/rules/: SARIF help in
 * code scanning. `lexer` is marked's; links are found as it parses them.
 */
export function withAbsoluteLinks(markdown: string, lexer: (md: string) => Token[]): string {
  const links = new Map<string, string>();
  const walk = (tokens: Token[] | undefined): void => {
    for (const t of tokens ?? []) {
      if (t.type === 'link') {
        const href = (t as { href: string }).href;
        if (!/^[a-z][a-z0-9+.-]*:|^#/i.test(href)) {
          const abs = new URL(href, DOCS_BASE).href;
          links.set(t.raw, t.raw.replace(`(${href}`, `(${abs}`));
        }
      }
      const nested = t as { tokens?: Token[]; items?: Array<{ tokens: Token[] }>; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };
      walk(nested.tokens);
      for (const i of nested.items ?? []) walk(i.tokens);
      for (const h of nested.header ?? []) walk(h.tokens);
      for (const r of nested.rows ?? []) for (const cell of r) walk(cell.tokens);
    }
  };
  walk(lexer(markdown));
  let out = markdown;
  for (const [raw, abs] of links) out = out.split(raw).join(abs);
  return out;
}
