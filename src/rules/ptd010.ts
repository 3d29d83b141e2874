import { debuggedBinaries, goflagsValue, type BinaryBuild } from '../model/binaries.js';
import { makeFix } from '../fix/editors.js';
import { lineStart, positionAt } from '../source.js';
import type { Fix } from '../types.js';
import type { Launch } from '../model/launch.js';
import { commandText, launchName, where } from './describe.js';
import { binaryRelated, buildText, resolvedFlags, sharedNames, sharedNote, splitFlagValue } from './ptd009.js';
import type { Rule } from './types.js';

/** Does some -gcflags value turn optimisations and inlining off (-N -l, with or without a package pattern)? */
export function disablesOptimizations(values: string[]): boolean {
  return values.some((v) => {
    const { tokens } = splitFlagValue(v);
    return tokens.includes('-N') && tokens.some((t) => t === '-l' || t === '-l=1');
  });
}

/** Odd number of unescaped quote characters of kind q in s. */
function insideQuotes(s: string, q: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === q && s[i - 1] !== '\\') n++;
  return n % 2 === 1;
}

/** Insert -gcflags="all=-N -l" after `go build`, quoted so that an enclosing sh -c "…" stays intact. */
function addGcflagsFix(l: Launch, bb: BinaryBuild): Fix | undefined {
  const file = bb.build.span.file;
  if (!['dockerfile', 'makefile', 'shell'].includes(file.kind)) return undefined;
  const buildWord = bb.build.words[1];
  if (!buildWord || buildWord.value !== 'build' || file.text.slice(buildWord.start, buildWord.end) !== 'build') return undefined;
  const before = file.text.slice(0, bb.build.words[0]!.start).trimEnd();
  if (before.endsWith(',') || before.endsWith('[')) return undefined;
  const ls = lineStart(file, positionAt(file, bb.build.words[0]!.start).line);
  const prefix = file.text.slice(ls, buildWord.start);
  const value = insideQuotes(prefix, '"') ? `'all=-N -l'` : `"all=-N -l"`;
  return makeFix('Build the debug binary with -gcflags="all=-N -l" (no optimisations, no inlining)', [{ path: file.path, start: buildWord.end, end: buildWord.end, text: ` -gcflags=${value}` }], [file, l.file]);
}

export const ptd010: Rule = {
  meta: {
    id: 'PTD010',
    slug: 'debug-binary-optimized',
    title: 'The binary dlv debugs is built with optimisations',
    defaultSeverity: 'note',
    fixable: true,
    summary: 'The binary that dlv execs or attaches to is built without -gcflags="all=-N -l", so variables show as optimised away and stepping jumps around.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const l of ctx.launches) {
      for (const bb of debuggedBinaries(l)) {
        // dlv debug / dlv test build with the right flags themselves; only exec and attach get here.
        const own = resolvedFlags(bb.build.gcflags, bb);
        // Without -gcflags on the command line, GOFLAGS may give them.
        const viaGoflags = bb.build.gcflags.length === 0 ? goflagsValue(bb, 'gcflags') : undefined;
        const gc = viaGoflags ? (viaGoflags.value.includes('$') ? undefined : [viaGoflags.value]) : own;
        if (!gc || disablesOptimizations(gc)) continue;
        const k = `${bb.build.span.file.path}:${bb.build.span.start}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const shared = sharedNote(l, bb);
        const fix = shared ? undefined : addGcflagsFix(l, bb);
        ctx.report({
          message:
            `${launchName(l).replace(/^./, (c) => c.toUpperCase())} debugs ${bb.path} (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), which is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with the compiler's optimisations on. ` +
            `delve works, but many local variables show as "(optimized away)" or with wrong values, small functions are inlined so breakpoints in them are not hit, and stepping jumps between lines. ` +
            `Fix: build the debug binary with \`-gcflags="all=-N -l"\` (-N: no optimisations, -l: no inlining, all=: for every package, not only main)` +
            (shared ? `. ${shared}.` : '.'),
          short: 'Optimised code shows variables as "(optimized away)", skips breakpoints in inlined functions and jumps when stepping.',
          fixHint: shared
            ? `Give the debug image its own build stage with \`-gcflags="all=-N -l"\` (this one also builds the binary of ${sharedNames(l, bb)})`
            : 'Build the debug binary with `-gcflags="all=-N -l"` (no optimisations, no inlining)',
          span: bb.build.span,
          related: binaryRelated(bb),
          launch: l,
          key: `${bb.path}:${buildText(bb)}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
