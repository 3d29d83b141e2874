/**
 * DevSpace dev containers: a capability is granted where `devspace dev` applies it, as one more op of the dev
 * config's `patches` (DevSpace applies them to the pod it replaces): `op: add` at the deepest part of the
 * container's securityContext that exists (an `add` on an existing map merges into it; on a list, appends).
 */
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { isSeq } from '../parse/yaml-lib.js';
import { eol, lineContentEnd, positionAt } from '../source.js';
import { deref, type YamlFile } from '../parse/yaml.js';
import { mapIndent, newPairAt, ownPair, seqIndent } from './yaml-edit.js';
import type { TextEdit } from '../types.js';
import type { Launch } from '../model/launch.js';
import type { LaunchEditor } from './editors.js';
import { makeFix } from './editors.js';

type DevspaceSource = Extract<Launch['source'], { kind: 'devspace' }>;

/** The patch path of the selected container: by name when known (`spec.containers.name=api`), else the pod's first. */
function containerPath(src: DevspaceSource): string {
  return src.container && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(src.container) ? `spec.containers.name=${src.container}` : 'spec.containers[0]';
}

/** The op's lines, each relative to the dash's column: `- op: add`, `  path: …`, `  value: …`. */
function opLines(src: DevspaceSource, cap: string, step: number): string[] {
  const c = containerPath(src);
  const pad = (n: number): string => ' '.repeat(n * step);
  switch (src.level) {
    case 'add':
      return ['op: add', `path: ${c}.securityContext.capabilities.add`, 'value:', `${pad(1)}- ${cap}`];
    case 'capabilities':
      return ['op: add', `path: ${c}.securityContext.capabilities`, 'value:', `${pad(1)}add:`, `${pad(2)}- ${cap}`];
    case 'securityContext':
      return ['op: add', `path: ${c}.securityContext`, 'value:', `${pad(1)}capabilities:`, `${pad(2)}add:`, `${pad(3)}- ${cap}`];
    default:
      return ['op: add', `path: ${c}.securityContext`, 'value:', `${pad(1)}capabilities:`, `${pad(2)}add:`, `${pad(3)}- ${cap}`];
  }
}

function addPatch(y: YamlFile, pod: YAMLMap, lines: string[]): TextEdit[] | undefined {
  const file = y.file;
  const nl = eol(file);
  const pair = ownPair(pod, 'patches');
  const seq = pair ? deref(y, pair.value) : undefined;
  const item = (col: number): string => lines.map((l, i) => (i === 0 ? `${' '.repeat(col)}- ${l}` : `${' '.repeat(col + 2)}${l}`)).join(nl);
  if (pair && seq && isSeq(seq)) {
    const s = seq as YAMLSeq;
    const last = s.items[s.items.length - 1] as Node | undefined;
    if (s.flow || !last?.range || !s.range) return undefined;
    const dashCol = positionAt(file, s.range[0]).column - 1;
    let end = last.range[1];
    while (end > 0 && /\s/.test(file.text[end - 1]!)) end--;
    const at = lineContentEnd(file, Math.max(0, end - 1));
    return [{ path: file.path, start: at, end: at, text: `${nl}${item(dashCol)}` }];
  }
  if (pair) return undefined;
  const p = newPairAt(y, pod);
  if (!p) return undefined;
  return [{ path: file.path, start: p.at, end: p.at, text: `${nl}${' '.repeat(p.col)}patches:${nl}${item(p.col + seqIndent(y))}` }];
}

export function devspaceEditor(src: DevspaceSource): LaunchEditor {
  return {
    addCapability(cap) {
      const lines = opLines(src, cap, mapIndent(src.y) || 2);
      return makeFix(`Add a \`patches\` op to dev config "${src.name}" that gives ${src.container ? `container "${src.container}"` : 'its container'} the ${cap} capability`, addPatch(src.y, src.pod, lines), [src.y.file]);
    },
    replaceSecurityOpt: () => undefined,
    replacePrivileged: () => undefined,
  };
}
