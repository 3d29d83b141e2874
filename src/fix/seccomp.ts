/** Edits of a seccomp profile in the repository (PTD013's fix). */
import { parseTree } from '../parse/jsonc-lib.js';
import { makeFix } from './editors.js';
import { appendItem, insertProperty, removeAt } from './jsonc-edit.js';
import type { SeccompProfile, SeccompRule } from '../model/seccomp.js';
import type { Fix } from '../types.js';

function isAllow(action: string): boolean {
  return /^SCMP_ACT_(ALLOW|LOG)$/i.test(action);
}

/** Edit the profile so that ptrace is allowed: take it out of a denying rule, and add an allow rule when the default denies. */
export function allowPtraceFix(p: SeccompProfile, deny?: SeccompRule): Fix | undefined {
  const file = p.file;
  let text = file.text;
  if (deny) {
    const idx = deny.names.findIndex((n) => n.value === 'ptrace');
    if (idx < 0 || deny.names.filter((n) => n.value === 'ptrace').length !== 1) return undefined;
    // Only `names` lists (the old single `name` form is dropped with its rule).
    const viaNames = file.text.slice(deny.span.start, deny.span.end).includes('"names"');
    if (deny.names.length === 1) text = removeAt(text, ['syscalls', deny.index]);
    else if (viaNames) text = removeAt(text, ['syscalls', deny.index, 'names', idx]);
    else return undefined;
  }
  if (!isAllow(p.defaultAction?.value ?? '')) {
    const entry = '{ "names": ["ptrace"], "action": "SCMP_ACT_ALLOW" }';
    const root = parseTree(text);
    const hasSyscalls = root?.children?.some((c) => c.children?.[0]?.value === 'syscalls' && c.children[1]?.type === 'array');
    text = hasSyscalls ? appendItem(text, ['syscalls'], entry) : insertProperty(text, [], 'syscalls', `[${entry}]`);
  }
  if (text === file.text) return undefined;
  return makeFix(`Allow the ptrace system call in ${file.path}`, [{ path: file.path, start: 0, end: file.text.length, text }], [file]);
}
