import { makeFix } from '../fix/editors.js';
import type { ToolUse, Word } from '../model/commands.js';
import type { Launch } from '../model/launch.js';
import type { Fix, SourceFile, TextEdit, Valued } from '../types.js';
import { delveForGo, goMinorFromImage, type DelveChoice } from './delve-versions.js';
import { where } from './describe.js';
import type { Rule, RuleContext } from './types.js';

export const DLV_MODULE = 'github.com/go-delve/delve/cmd/dlv';

export interface DelveInstall {
  tool: ToolUse;
  /** The launch it belongs to, when it is part of one. */
  launch?: Launch;
  /** The image whose Go builds it (the Dockerfile stage's FROM, or the launch's image). */
  image?: Valued<string>;
  goMinor?: number;
  /** The version after @ as the build sees it (stage ARG/ENV defaults substituted), when it differs from the text. */
  version?: string;
}

/** Every `go install`/`go get` of dlv (model/installs.ts), with the Go minor version of the image that builds it. */
export function delveInstalls(ctx: RuleContext): DelveInstall[] {
  return ctx.model.installs.map((site) => {
    let image: Valued<string> | undefined;
    let goMinor: number | undefined;
    for (const img of site.images) {
      goMinor = goMinorFromImage(img.value);
      if (goMinor !== undefined) { image = img; break; }
    }
    return { tool: site.tool, ...(site.launch ? { launch: site.launch } : {}), ...(image ? { image } : {}), ...(goMinor !== undefined ? { goMinor } : {}), ...(site.version !== undefined ? { version: site.version } : {}) };
  });
}

/** Source text of a word with its own quotes kept around a new value. */
function requote(file: SourceFile, w: Word, value: string): string | undefined {
  const raw = file.text.slice(w.start, w.end);
  if (raw === w.value) return value;
  const q = raw[0];
  if ((q === '"' || q === "'") && raw === `${q}${w.value}${q}`) return `${q}${value}${q}`;
  return undefined;
}

/** "v1.25.2, the newest delve release that builds with and debugs Go 1.22 (golang:1.22 at Dockerfile:1)" and friends. */
export function choiceText(c: DelveChoice, i: DelveInstall): string {
  const img = i.image ? ` (\`${i.image.value}\`)` : '';
  const go = c.goMinor !== undefined ? `Go 1.${c.goMinor}` : '';
  switch (c.status) {
    case 'ok':
      return `${c.release!.version}, the newest delve release in our table that builds with ${go} and debugs programs built with it — the Go of this image${img}`;
    case 'unknown-go':
      return `${c.release!.version} (the newest release in our table; it needs Go ≥ 1.${c.release!.buildsWith} to build — the image's Go version could not be read from its tag, so check that it matches: docs/rules/PTD012.md has the table)`;
    case 'go-too-old-to-debug':
      return `${c.release!.version}, the only release in our table that ${go}${img} can build — but it cannot debug programs built with ${go} (it supports Go 1.${c.release!.debugsFrom}–1.${c.release!.debugsTo}): upgrade the image to Go 1.${c.release!.debugsFrom} or newer`;
    case 'go-too-old-to-build':
      return `${c.release!.version}, the oldest release in our table — but no delve release in it builds with ${go}${img}, and \`go install pkg@version\` itself needs Go 1.16: upgrade the image to Go 1.${c.release!.buildsWith} or newer (1.${c.release!.debugsFrom} or newer to debug)`;
    case 'go-too-new':
      return `the delve release that supports ${go}${img} (newer than every release in our table: see https://github.com/go-delve/delve/releases)`;
  }
}

/**
 * Does pinning this choice give a working dlv? Not when the image's Go cannot
 * build any release in the table, when the only one it builds cannot debug
 * its programs, or when its Go is newer than the table (no release to pin):
 * then the message says the one change to make, and no fix is offered.
 */
export function fixWorks(c: DelveChoice): boolean {
  return c.release !== undefined && (c.status === 'ok' || c.status === 'unknown-go');
}

/** The one change to make when no install line alone can work (no fix is offered then). */
export function firstChange(c: DelveChoice, i: DelveInstall): string {
  const img = i.image ? ` (\`${i.image.value}\`${i.image ? `, ${where(i.image.span)}` : ''})` : '';
  const r = c.release;
  switch (c.status) {
    case 'go-too-old-to-build':
    case 'go-too-old-to-debug':
      return `upgrade the image's Go${img} to 1.${r!.debugsFrom} or newer — no delve release builds with Go 1.${c.goMinor} and debugs its programs — then install \`go install ${DLV_MODULE}@${r!.debugsFrom >= r!.buildsWith ? r!.version : 'vX.Y.Z'}\` (docs/rules/PTD012.md has the table of releases and Go versions).`;
    case 'go-too-new':
      return `install the delve release that supports Go 1.${c.goMinor}${img}, newer than every release in our table (https://github.com/go-delve/delve/releases): \`go install ${DLV_MODULE}@vX.Y.Z\`.`;
    default:
      return `\`go install ${DLV_MODULE}@${r?.version ?? 'vX.Y.Z'}\`.`;
  }
}

/** The one change to make, in one line (for the short text; `firstChange` is the full sentence). */
export function firstChangeHint(c: DelveChoice): string {
  const r = c.release;
  switch (c.status) {
    case 'go-too-old-to-build':
    case 'go-too-old-to-debug':
      return `Upgrade the image's Go to 1.${r!.debugsFrom} or newer, then \`go install ${DLV_MODULE}@${r!.debugsFrom >= r!.buildsWith ? r!.version : 'vX.Y.Z'}\``;
    case 'go-too-new':
      return `Install the delve release that supports Go 1.${c.goMinor}: \`go install ${DLV_MODULE}@vX.Y.Z\``;
    default:
      return `Use \`go install ${DLV_MODULE}@${r?.version ?? 'vX.Y.Z'}\``;
  }
}

/** Rewrite the install as `go install github.com/go-delve/delve/cmd/dlv@VERSION`. */
export function installFix(i: DelveInstall, version: string, description: string): Fix | undefined {
  const t = i.tool;
  const inst = t.install;
  if (!inst?.arg) return undefined;
  const file = inst.arg.span.file;
  const ws = t.words;
  const argWord = ws.find((w) => w.start === inst.arg!.span.start && w.end === inst.arg!.span.end);
  if (!argWord) return undefined;
  const edits: TextEdit[] = [];
  const text = requote(file, argWord, `${DLV_MODULE}@${version}`);
  if (text === undefined) return undefined;
  edits.push({ path: file.path, start: argWord.start, end: argWord.end, text });
  if (inst.method === 'go-get') {
    const verb = ws[1];
    if (!verb || verb.value !== 'get') return undefined;
    const v = requote(file, verb, 'install');
    if (v === undefined) return undefined;
    edits.push({ path: file.path, start: verb.start, end: verb.end, text: v });
    // Flags that `go install` does not take.
    for (const w of ws.slice(2)) {
      if (!/^-(u|d|t|insecure|u=patch)$/.test(w.value)) continue;
      const before = file.text.slice(0, w.start).trimEnd();
      if (before.endsWith(',') || before.endsWith('[')) return undefined;
      let s = w.start;
      while (s > 0 && (file.text[s - 1] === ' ' || file.text[s - 1] === '\t')) s--;
      edits.push({ path: file.path, start: s, end: w.end, text: '' });
    }
  }
  return makeFix(description, edits, [file, ...(i.launch ? [i.launch.file] : [])]);
}

export const ptd011: Rule = {
  meta: {
    id: 'PTD011',
    slug: 'delve-install-broken',
    title: 'delve is installed in a way that no longer works',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'dlv is installed with `go get` (which stopped building binaries in Go 1.18) or from the old github.com/derekparker/delve path.',
  },
  check(ctx) {
    for (const i of delveInstalls(ctx)) {
      const inst = i.tool.install!;
      const oldPath = inst.module?.value.startsWith('github.com/derekparker/') ?? false;
      const goGet = inst.method === 'go-get';
      if (!oldPath && !goGet) continue;
      const choice = delveForGo(i.goMinor);
      const version = choice.release?.version ?? 'latest';
      // Only a fix that works: an install the image's Go can build, of a delve that can debug what it builds.
      const fix = fixWorks(choice) ? installFix(i, version, `Install dlv with \`go install ${DLV_MODULE}@${version}\``) : undefined;
      const problems: string[] = [];
      if (goGet) {
        problems.push(
          '`go get` no longer installs programs: since Go 1.18 it only edits go.mod. Outside a module it fails with ' +
            `"'go get' is no longer supported outside a module"; inside one it changes go.mod and builds nothing, so dlv is missing later ("dlv: not found"); ` +
            'on the old Go versions where it still builds, it fetches delve\'s newest code, which no longer compiles with that Go',
        );
      }
      if (oldPath) {
        problems.push(
          'github.com/derekparker/delve is delve\'s old address: the module now calls itself github.com/go-delve/delve, and Go refuses the old path with ' +
            '"module declares its path as: github.com/go-delve/delve but was required as: github.com/derekparker/delve"',
        );
      }
      const shown = i.tool.words.map((w) => w.value).join(' ');
      ctx.report({
        message:
          `\`${shown.length > 100 ? shown.slice(0, 97) + '…' : shown}\` (${where(i.tool.span)}) does not install the delve debugger: ${problems.join('; and ')}. ` +
          (fixWorks(choice) ? `Fix: \`go install ${DLV_MODULE}@${version}\` — ${choiceText(choice, i)}.` : `Fix: ${firstChange(choice, i)}`),
        short: goGet && oldPath
          ? '`go get` no longer installs programs (since Go 1.18), and github.com/derekparker/delve is delve\'s old path.'
          : goGet
            ? '`go get` no longer installs programs: since Go 1.18 it only edits go.mod, so no dlv is built.'
            : 'github.com/derekparker/delve is delve\'s old path: Go refuses it, since the module is now github.com/go-delve/delve.',
        fixHint: fixWorks(choice) ? `Use \`go install ${DLV_MODULE}@${version}\`` : firstChangeHint(choice),
        span: i.tool.span,
        related: i.image ? [{ span: i.image.span, message: 'The Go that builds dlv comes from this image.' }] : [],
        ...(i.launch ? { launch: i.launch } : {}),
        key: `${inst.method}:${inst.arg?.value ?? ''}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
