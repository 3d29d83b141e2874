/**
 * A Makefile's rules by target: the recipe commands of each target and its
 * prerequisites, so that `make debug` run by a container or a Dockerfile RUN
 * line is read through to what it runs (`RUN make ${BUILDTARGET}`). Rule
 * lines are `targets: prerequisites` at the start of a line (not a variable
 * assignment); recipe lines start with a tab, with `@ - +` prefixes and
 * backslash continuations; `$$` is `$` (splitShell's make option).
 */
import { splitShell, type SimpleCommand } from '../parse/shell.js';
import type { SourceFile } from '../types.js';

export interface MakeRule {
  prerequisites: string[];
  commands: SimpleCommand[];
}

const cache = new WeakMap<SourceFile, Map<string, MakeRule>>();
const SPECIAL_TARGET = /^\.([A-Z_]+|[A-Za-z0-9]+\.[A-Za-z0-9]+)$/;

export function makeRules(file: SourceFile): Map<string, MakeRule> {
  const hit = cache.get(file);
  if (hit) return hit;
  const out = new Map<string, MakeRule>();
  const text = file.text;
  let current: MakeRule[] = [];
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    let end = nl < 0 ? text.length : nl;
    let next = nl < 0 ? text.length : nl + 1;
    if (text[i] === '\t') {
      // A recipe line and its continuations.
      while (text[end - 1] === '\\' || (text[end - 1] === '\r' && text[end - 2] === '\\')) {
        const n2 = text.indexOf('\n', next);
        end = n2 < 0 ? text.length : n2;
        next = n2 < 0 ? text.length : n2 + 1;
        if (next >= text.length) break;
      }
      let s = i + 1;
      while (s < end && (text[s] === '@' || text[s] === '-' || text[s] === '+' || text[s] === ' ')) s++;
      const cmds = splitShell(text.slice(s, end).replace(/\r$/, ''), { base: s, make: true });
      for (const r of current) r.commands.push(...cmds);
      i = next;
      continue;
    }
    const line = text.slice(i, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) { i = next; continue; }
    // `a b: c d` (a rule), not `A := x`, `A = x`, `A ?= x`, nor `a: B = x` (a target-specific variable).
    const colon = line.indexOf(':');
    const isRule = colon > 0 && line[colon + 1] !== '=' && !/^[^:]*[?+!]?=/.test(line.slice(0, colon + 1)) && !/^\s/.test(line) && !/=/.test(line.slice(colon + 1).split(';')[0]!.replace(/\$\([^)]*\)/g, ''));
    if (isRule) {
      const targets = line.slice(0, colon).trim().split(/\s+/);
      const rest = line.slice(colon + 1).replace(/^:/, '');
      const [pre, inline] = rest.split(';', 2);
      const rule: MakeRule = { prerequisites: (pre ?? '').trim().split(/\s+/).filter((p) => p && !p.startsWith('|')), commands: inline ? splitShell(inline, { base: i + colon + 1 + (pre?.length ?? 0) + 1, make: true }) : [] };
      current = [];
      for (const t of targets) {
        // Special targets (.PHONY, .DEFAULT, .SILENT …) and suffix rules (.c.o) are no targets; `.build:` is one.
        if (!t || SPECIAL_TARGET.test(t)) continue;
        if (!out.has(t)) out.set(t, rule);
        current.push(out.get(t)!);
      }
    } else current = [];
    i = next;
  }
  cache.set(file, out);
  return out;
}

/** The commands `make TARGETS` runs: each target's prerequisites first (a few levels), then its recipe. */
export function commandsOfTargets(file: SourceFile, targets: string[]): SimpleCommand[] {
  const rules = makeRules(file);
  const out: SimpleCommand[] = [];
  const seen = new Set<string>();
  const visit = (t: string, depth: number): void => {
    if (seen.has(t) || depth > 6) return;
    seen.add(t);
    const r = rules.get(t);
    if (!r) return;
    for (const p of r.prerequisites) visit(p, depth + 1);
    out.push(...r.commands);
  };
  // The default goal: the first target, not one whose name starts with a dot (as GNU make chooses).
  const wanted = targets.length > 0 ? targets : [[...rules.keys()].find((k) => !k.startsWith('.'))].filter((x): x is string => !!x);
  for (const t of wanted) visit(t, 0);
  return out;
}
