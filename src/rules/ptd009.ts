import { debuggedBinaries, expandInStage, goflagsValue, otherConsumers, type BinaryBuild } from '../model/binaries.js';
import { makeFix } from '../fix/editors.js';
import { spanText } from '../source.js';
import type { Fix, Span, TextEdit, Valued } from '../types.js';
import type { Launch } from '../model/launch.js';
import { commandText, launchName, where } from './describe.js';
import type { Rule } from './types.js';

const STRIP = /^-(s|w)(=(true|1))?$/;

/** A -ldflags/-gcflags value: optional package pattern (all=…) and its flags. */
export function splitFlagValue(value: string): { pattern?: string; tokens: string[] } {
  const v = value.trim();
  const m = /^([^\s=-][^\s=]*)=(.*)$/s.exec(v);
  const body = m ? m[2]! : v;
  return { ...(m ? { pattern: m[1]! } : {}), tokens: body.split(/\s+/).filter(Boolean) };
}

/** The build's flag values with the stage's ARG/ENV values substituted; undefined when something stays unknown. */
export function resolvedFlags(values: Valued<string>[], bb: BinaryBuild): string[] | undefined {
  const out: string[] = [];
  for (const v of values) {
    const x = expandInStage(bb, v.value);
    if (x.includes('$')) return undefined;
    out.push(x);
  }
  return out;
}

/** Does this -ldflags value drop the DWARF debug information? */
export function stripsDebugInfo(value: string): boolean {
  const { tokens } = splitFlagValue(value);
  if (tokens.some((t) => /^-w=(0|false)$/.test(t))) return false;
  return tokens.some((t) => STRIP.test(t));
}

/** The command word that holds a source offset, with its index. */
function wordAt(bb: BinaryBuild, offset: number): number {
  return bb.build.words.findIndex((w) => w.start <= offset && offset < w.end);
}

/** Drop -s/-w from the (last) -ldflags value; remove the flag when nothing is left. */
function dropStripFix(l: Launch, bb: BinaryBuild, ld: Valued<string>): Fix | undefined {
  if (ld.value.includes('$') || spanText(ld.span) !== ld.value) return undefined;
  const { pattern, tokens } = splitFlagValue(ld.value);
  const kept = tokens.filter((t) => !STRIP.test(t));
  const file = ld.span.file;
  let edit: TextEdit;
  if (kept.length > 0) {
    edit = { path: file.path, start: ld.span.start, end: ld.span.end, text: `${pattern ? `${pattern}=` : ''}${kept.join(' ')}` };
  } else {
    const i = wordAt(bb, ld.span.start);
    if (i < 0) return undefined;
    const w = bb.build.words[i]!;
    const joined = /^--?ldflags=/.test(w.value);
    const first = joined ? w : bb.build.words[i - 1];
    if (!first || (!joined && !/^--?ldflags$/.test(first.value))) return undefined;
    let start = first.start;
    // Exec-form JSON (["go", "build", …]): removing array entries is not a text edit we make here.
    const before = file.text.slice(0, start).trimEnd();
    if (before.endsWith(',') || before.endsWith('[')) return undefined;
    while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t')) start--;
    edit = { path: file.path, start, end: w.end, text: '' };
  }
  return makeFix(`Build the debug binary without -s/-w so it keeps its debug information`, [edit], [file, l.file]);
}

export function buildText(bb: BinaryBuild): string {
  const t = spanText(bb.build.span).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > 100 ? t.slice(0, 97) + '…' : t;
}

/** The stages besides the debug image that use this build's binary: "`prod`", "`prod`, stage 3". */
export function sharedNames(l: Launch, bb: BinaryBuild): string {
  return otherConsumers(l, bb).map((s) => (s.name ? `\`${s.name.value}\`` : `stage ${s.index}`)).join(', ');
}

/** "; it also builds the `prod` stage, so give the debug image its own build" when the build is shared. */
export function sharedNote(l: Launch, bb: BinaryBuild): string | undefined {
  const others = otherConsumers(l, bb);
  if (others.length === 0) return undefined;
  const names = sharedNames(l, bb);
  return `This build also produces the binary of ${names}, so change it only for debugging: add a separate debug build stage (and point the debug image's COPY --from at it) rather than editing this line`;
}

export function binaryRelated(bb: BinaryBuild): Array<{ span: Span; message: string }> {
  return [{ span: bb.dlv.span, message: `dlv ${bb.dlv.dlv?.sub === 'attach' ? 'attaches to' : 'runs'} ${bb.path} here.` }];
}

export const ptd009: Rule = {
  meta: {
    id: 'PTD009',
    slug: 'debug-binary-stripped',
    title: 'The binary dlv debugs is built without debug information',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'The binary that dlv runs or attaches to is linked with -ldflags "-s" or "-w", which removes the DWARF debug information delve needs.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const l of ctx.launches) {
      for (const bb of debuggedBinaries(l)) {
        const lds = bb.build.ldflags;
        const last = lds[lds.length - 1];
        if (!last) {
          // No -ldflags on the command line: GOFLAGS may carry them.
          const g = goflagsValue(bb, 'ldflags');
          if (!g || g.value.includes('$') || !stripsDebugInfo(g.value)) continue;
          const k = `${bb.build.span.file.path}:${bb.build.span.start}`;
          if (seen.has(k)) continue;
          seen.add(k);
          ctx.report({
            message:
              `${launchName(l).replace(/^./, (c) => c.toUpperCase())} runs ${bb.path} under the debugger (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), ` +
              `and that binary is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with GOFLAGS${g.fromCommand ? ' on the command line' : ' from the image\'s ENV/ARG'} giving \`-ldflags=${g.value}\`. ` +
              `The linker flags -s and -w remove the DWARF debug information, which delve needs to map machine code to your source: dlv stops with "could not launch process: could not open debug info". ` +
              `Fix: give the debug build a GOFLAGS without -s and -w (keep them for the release image).`,
            short: `GOFLAGS gives the build \`-ldflags=${g.value}\`: -s and -w strip the debug information delve needs ("could not open debug info").`,
            fixHint: 'Give the debug build a GOFLAGS without -s and -w (keep them for the release image)',
            span: bb.build.goflags?.span ?? bb.build.span,
            related: binaryRelated(bb),
            launch: l,
            key: `${bb.path}:GOFLAGS:${g.value}`,
          });
          continue;
        }
        const values = resolvedFlags([last], bb);
        if (!values || !stripsDebugInfo(values[0]!)) continue;
        const k = `${last.span.file.path}:${last.span.start}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const shared = sharedNote(l, bb);
        const fix = shared ? undefined : dropStripFix(l, bb, last);
        const attach = bb.dlv.dlv?.sub === 'attach';
        ctx.report({
          message:
            `${launchName(l).replace(/^./, (c) => c.toUpperCase())} ${attach ? 'attaches dlv to' : 'runs'} ${bb.path} under the debugger (\`${commandText(bb.dlv)}\`, ${where(bb.dlv.span)}), ` +
            `and that binary is built by \`${buildText(bb)}\` (${where(bb.build.span)}) with \`-ldflags "${values[0]}"\`. ` +
            `The linker flags -s and -w remove the DWARF debug information, which delve needs to map machine code to your source: ` +
            `dlv stops with "could not launch process: could not open debug info" (or "decoding dwarf section info at offset 0x0: too short"), and breakpoints cannot be set. ` +
            `Fix: drop -s and -w from the debug build (keep them for the release image)` +
            (shared ? `. ${shared}.` : fix ? '.' : '; if the flags come from a variable, give the debug build its own value.'),
          short: '-s and -w strip the DWARF debug information delve needs: dlv stops with "could not open debug info".',
          fixHint: shared
            ? `Give the debug image its own build stage without -s and -w (this one also builds the binary of ${sharedNames(l, bb)})`
            : 'Drop -s and -w from the debug build (keep them for the release image)',
          span: last.span,
          related: binaryRelated(bb),
          launch: l,
          key: `${bb.path}:${last.value}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
