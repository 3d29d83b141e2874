import { makeFix } from '../fix/editors.js';
import { spanText } from '../source.js';
import type { Fix } from '../types.js';
import { delveForGo } from './delve-versions.js';
import { where } from './describe.js';
import { choiceText, delveInstalls, DLV_MODULE, fixWorks, type DelveInstall } from './ptd011.js';
import type { Rule } from './types.js';

/** Version queries that move: @latest, a branch, or none. */
const MOVING = /^(latest|master|main|HEAD|upgrade|patch)$/;

/** Put @version on the module word: replace what follows @, or append it. */
function pinFix(i: DelveInstall, version: string): Fix | undefined {
  const inst = i.tool.install;
  if (!inst?.module || !inst.arg) return undefined;
  const file = inst.arg.span.file;
  // The module text must be exactly as written (no escapes) to edit after it.
  if (spanText(inst.module.span) !== inst.module.value) return undefined;
  const at = inst.module.span.end;
  const argText = spanText(inst.arg.span);
  const q = argText[0] === '"' || argText[0] === "'" ? 1 : 0;
  const end = inst.arg.span.end - q;
  if (file.text[at] !== undefined && at < end && file.text[at] !== '@') return undefined;
  return makeFix(`Pin dlv to ${version}`, [{ path: file.path, start: at, end, text: `@${version}` }], [file, ...(i.launch ? [i.launch.file] : [])]);
}

export const ptd012: Rule = {
  meta: {
    id: 'PTD012',
    slug: 'delve-version-unpinned',
    title: 'delve is installed without a fixed version',
    defaultSeverity: 'note',
    fixable: true,
    summary: '`go install github.com/go-delve/delve/cmd/dlv@latest` (or no version) builds whatever delve is newest, and a release that needs a newer Go breaks the build.',
  },
  check(ctx) {
    for (const i of delveInstalls(ctx)) {
      const inst = i.tool.install!;
      // go get and the old module path are PTD011's finding (its fix pins a version too).
      if (inst.method !== 'go-install' || inst.module?.value !== DLV_MODULE) continue;
      // The version as the build sees it: `@${DELVE_VERSION}` with `ARG DELVE_VERSION=latest` is @latest.
      const v = i.version ?? inst.version;
      if (v !== undefined && (!MOVING.test(v) || v.includes('$'))) continue;
      const choice = delveForGo(i.goMinor);
      const viaVariable = inst.version !== undefined && inst.version !== v;
      // A version from a build argument is pinned where the argument's default is set, not here.
      const fix = choice.release && fixWorks(choice) && !viaVariable ? pinFix(i, choice.release.version) : undefined;
      const what = v === undefined ? 'without a version' : viaVariable ? `with \`@${inst.version}\`, which is \`@${v}\` unless the build passes another value` : `with \`@${v}\``;
      const r = choice.release;
      const hint = !r || choice.status === 'go-too-new'
        ? `Pin the delve release that supports this image's Go${choice.goMinor !== undefined ? ` (1.${choice.goMinor})` : ''}, e.g. \`@vX.Y.Z\``
        : choice.status === 'ok'
          ? `Pin \`@${r.version}\`, the newest delve release for this image's Go 1.${choice.goMinor}`
          : choice.status === 'unknown-go'
            ? `Pin a release, e.g. \`@${r.version}\` (it needs Go 1.${r.buildsWith} or newer to build)`
            : `Upgrade the image to Go 1.${r.debugsFrom} or newer and pin a delve release that debugs it`;
      ctx.report({
        short: `${v === undefined ? 'Without a version' : viaVariable ? `With \`@${inst.version}\` (\`@${v}\` by default)` : `With \`@${v}\``}, each build takes the newest delve, and a release that needs a newer Go breaks it.`,
        fixHint: viaVariable ? `${hint}, where the build argument's default is set` : hint,
        message:
          `dlv is installed ${what} (${where(i.tool.span)}), so every image build compiles whatever delve release is newest that day` +
          (v === undefined ? ' (or the version a go.mod in the working directory requires; outside a module `go install` stops with "\'go install\' requires a version when current directory is not in a module")' : '') +
          `. Each delve release debugs only the newest few Go versions and needs a recent Go to build, so a new release breaks this build without any change on your side ` +
          `("go: github.com/go-delve/delve@… requires go >= 1.N (running go 1.M; GOTOOLCHAIN=local)") or gives a dlv that refuses your program ("Version of Go is too old for this version of Delve"). ` +
          (choice.release && choice.status !== 'go-too-new' ? `Fix: pin \`@${choice.release.version}\` — ${choiceText(choice, i)}.` : `Fix: pin ${choiceText(choice, i)}, e.g. \`@vX.Y.Z\`.`),
        span: inst.arg!.span,
        related: i.image ? [{ span: i.image.span, message: 'The Go that builds dlv comes from this image.' }] : [],
        ...(i.launch ? { launch: i.launch } : {}),
        key: inst.arg!.value,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
