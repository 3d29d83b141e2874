/**
 * Custom seccomp profiles referenced by a launch (`security_opt: [seccomp=PATH]`,
 * `--security-opt seccomp=PATH`, devcontainer `securityOpt`), read from the
 * repository through Project.file (never outside the scanned root) and parsed
 * into the parts that decide whether ptrace is allowed.
 *
 * Profile format: Docker/moby `profiles/seccomp` (defaultAction, syscalls[] with
 * names/name, action, args, includes/excludes {caps, arches, minKernel}).
 */
import type { Node as JNode, ParseError } from 'jsonc-parser';
import { parseFileTree } from '../parse/jsonc-lib.js';
import { seccompProfilePath } from './caps.js';
import { relativeTo, type Project } from './project.js';
import type { SourceFile, Span, Valued } from '../types.js';

export interface SeccompConditions {
  caps: string[];
  arches: string[];
  minKernel?: string;
}

export interface SeccompRule {
  /** Index in syscalls[]. */
  index: number;
  names: Valued<string>[];
  action: string;
  /** The rule filters on arguments (it allows or denies only some calls). */
  hasArgs: boolean;
  includes: SeccompConditions;
  excludes: SeccompConditions;
  span: Span;
}

export interface SeccompProfile {
  file: SourceFile;
  root: JNode;
  defaultAction?: Valued<string>;
  rules: SeccompRule[];
  /** The `syscalls` array, when present. */
  syscallsSpan?: Span;
}

export interface SeccompProfileRef {
  /** The security option that names the profile. */
  opt: Valued<string>;
  profile: SeccompProfile;
}

function nodeSpan(file: SourceFile, n: JNode): Span {
  return { file, start: n.offset, end: n.offset + n.length };
}

function prop(obj: JNode | undefined, key: string): JNode | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  for (const p of obj.children ?? []) {
    if (p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

function strings(n: JNode | undefined): string[] {
  if (!n || n.type !== 'array') return [];
  return (n.children ?? []).filter((c) => c.type === 'string').map((c) => String(c.value));
}

function conditions(n: JNode | undefined): SeccompConditions {
  const minKernel = prop(n, 'minKernel');
  return {
    caps: strings(prop(n, 'caps')),
    arches: strings(prop(n, 'arches')),
    ...(minKernel?.type === 'string' ? { minKernel: String(minKernel.value) } : {}),
  };
}

/** Parse a profile; undefined (with a PTD900 problem) when it is not a JSON object. */
export function parseSeccompProfile(project: Project, file: SourceFile): SeccompProfile | undefined {
  const errors: ParseError[] = [];
  const root = parseFileTree(file, errors, true);
  if (errors.length > 0 || !root || root.type !== 'object') {
    const off = errors[0]?.offset ?? 0;
    project.problem({ path: file.path, reason: errors.length > 0 ? `could not be parsed as a seccomp profile (JSON error code ${errors[0]!.error} at offset ${off})` : 'is not a seccomp profile (not a JSON object)', span: { file, start: off, end: off } });
    return undefined;
  }
  const da = prop(root, 'defaultAction');
  const syscalls = prop(root, 'syscalls');
  const rules: SeccompRule[] = [];
  (syscalls?.type === 'array' ? (syscalls.children ?? []) : []).forEach((r, index) => {
    if (r.type !== 'object') return;
    const names: Valued<string>[] = [];
    const list = prop(r, 'names');
    for (const c of list?.type === 'array' ? (list.children ?? []) : []) if (c.type === 'string') names.push({ value: String(c.value), span: nodeSpan(file, c) });
    const single = prop(r, 'name');
    if (single?.type === 'string') names.push({ value: String(single.value), span: nodeSpan(file, single) });
    const action = prop(r, 'action');
    const args = prop(r, 'args');
    rules.push({
      index,
      names,
      action: action?.type === 'string' ? String(action.value) : '',
      hasArgs: args?.type === 'array' && (args.children ?? []).length > 0,
      includes: conditions(prop(r, 'includes')),
      excludes: conditions(prop(r, 'excludes')),
      span: nodeSpan(file, r),
    });
  });
  return {
    file,
    root,
    ...(da?.type === 'string' ? { defaultAction: { value: String(da.value), span: nodeSpan(file, da) } } : {}),
    rules,
    ...(syscalls ? { syscallsSpan: nodeSpan(file, syscalls) } : {}),
  };
}

/**
 * Where a profile path points, relative to the file that names it (Compose
 * resolves it against the project directory, which is where the file is),
 * else relative to the repository root (scripts run from the root).
 */
function candidates(fromFile: string, p: string): string[] {
  const cleaned = p.replace(/^\$\{(localWorkspaceFolder|PWD|CURDIR|PROJECT_DIR)\}\/?/, '').replace(/^\$\((CURDIR|PWD|shell pwd)\)\/?/, '').replace(/^["']|["']$/g, '');
  if (cleaned.startsWith('/') || cleaned.includes('$') || cleaned === '') return [];
  const out: string[] = [];
  const rel = relativeTo(fromFile, cleaned);
  if (rel) out.push(rel);
  const fromRoot = relativeTo('x', cleaned);
  if (fromRoot && !out.includes(fromRoot)) out.push(fromRoot);
  return out;
}

/** The custom seccomp profiles a launch's security options name, read from the repository. */
export function loadSeccompProfiles(project: Project, securityOpt: Valued<string>[], cache: Map<string, SeccompProfile | undefined>): SeccompProfileRef[] {
  const out: SeccompProfileRef[] = [];
  for (const opt of securityOpt) {
    const p = seccompProfilePath(opt.value);
    if (!p) continue;
    for (const path of candidates(opt.span.file.path, p)) {
      if (!cache.has(path)) {
        const f = project.file(path, 'seccomp');
        if (!f) continue;
        project.add(f);
        cache.set(path, parseSeccompProfile(project, f));
      }
      const profile = cache.get(path);
      if (profile) out.push({ opt, profile });
      // Found (parsed or reported as unreadable): stop looking.
      break;
    }
  }
  return out;
}
