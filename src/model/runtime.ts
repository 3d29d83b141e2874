/**
 * The `docker run` options a launch implies: what the container engine will
 * be asked for when this Compose service, dev container, Kubernetes
 * container or run line starts. Used by the container suite to run exactly
 * what users wrote, and usable by anything that needs the effective settings.
 *
 * A seccomp profile path is resolved the way the model resolves it (relative
 * to the file that names it, else to the scanned root) to an absolute path
 * that must stay inside the scanned root; anything else is reported in
 * `notes` and left out.
 */
import { existsSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import { normalizeCap, type Launch } from './launch.js';
import { isSeccompUnconfined, seccompProfilePath } from './caps.js';

export interface RuntimePort {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: string;
}

export interface RuntimeOptions {
  /** Normalised capability names (SYS_PTRACE, ALL), de-duplicated, in order of appearance. */
  capAdd: string[];
  capDrop: string[];
  /** docker run spelling: `seccomp=/abs/path`, `seccomp=unconfined`, `apparmor=…`, `no-new-privileges`… */
  securityOpt: string[];
  privileged: boolean;
  /** `--user` value, when the launch sets one (its own setting, else the Dockerfile's USER). */
  user?: string;
  ports: RuntimePort[];
  hostNetwork: boolean;
  /** Absolute paths of the seccomp profiles the options name (all inside the scanned root). */
  seccompProfiles: string[];
  /** Why something in the launch could not be turned into an option. */
  notes: string[];
}

export interface RuntimeOptionsHooks {
  /** Does a file exist? (Defaults to fs.existsSync.) */
  exists?: (abs: string) => boolean;
}

/** The scanned root, from a file's absolute and root-relative paths. */
function rootOf(abs: string, rel: string): string {
  const a = abs.split(sep).join('/');
  return a.endsWith('/' + rel) ? a.slice(0, a.length - rel.length - 1) || '/' : posix.dirname(a);
}

function relativeTo(fromFile: string, p: string): string | undefined {
  const n = posix.normalize(posix.join(posix.dirname(fromFile), p));
  if (n.startsWith('../') || n === '..' || n.startsWith('/')) return undefined;
  return n;
}

/** Candidate root-relative paths for a profile path written in `fromFile`: next to that file, then from the root. */
export function seccompCandidates(fromFile: string, written: string): string[] {
  const cleaned = written
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^\$\{(localWorkspaceFolder|PWD|CURDIR|PROJECT_DIR)\}\/?/, '')
    .replace(/^\$\((CURDIR|PWD|shell pwd)\)\/?/, '');
  if (cleaned === '' || cleaned.startsWith('/') || cleaned.includes('$')) return [];
  const out: string[] = [];
  const rel = relativeTo(fromFile, cleaned);
  if (rel) out.push(rel);
  const fromRoot = relativeTo('x', cleaned);
  if (fromRoot && !out.includes(fromRoot)) out.push(fromRoot);
  return out;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** `seccomp:x` (Compose's spelling) → `seccomp=x`; other entries as written. */
function dockerSpelling(opt: string): string {
  const t = opt.trim().replace(/^["']|["']$/g, '');
  const m = /^(seccomp|apparmor|label|systempaths|mask|unmask)[:=](.*)$/i.exec(t);
  if (m) return `${m[1]!.toLowerCase()}=${m[2]!.trim()}`;
  if (/^no-new-privileges(:true)?$/i.test(t)) return 'no-new-privileges';
  return t;
}

export function runtimeOptions(launch: Launch, hooks: RuntimeOptionsHooks = {}): RuntimeOptions {
  const exists = hooks.exists ?? existsSync;
  const notes: string[] = [];
  const capAdd = uniq(launch.capAdd.map((c) => normalizeCap(c.value)).filter(Boolean));
  const capDrop = uniq(launch.capDrop.map((c) => normalizeCap(c.value)).filter(Boolean));
  // A feature or an image's metadata that grants the capability adds it at run time.
  if (launch.grantedBy && !capAdd.includes('SYS_PTRACE') && !capAdd.includes('ALL')) capAdd.push('SYS_PTRACE');
  const securityOpt: string[] = [];
  const seccompProfiles: string[] = [];
  for (const o of launch.securityOpt) {
    const opt = dockerSpelling(o.value);
    if (isSeccompUnconfined(opt)) {
      securityOpt.push('seccomp=unconfined');
      continue;
    }
    const p = seccompProfilePath(opt);
    if (p === undefined) {
      securityOpt.push(opt);
      continue;
    }
    const from = o.span.file;
    const root = rootOf(from.abs, from.path);
    const cands = seccompCandidates(from.path, p);
    if (cands.length === 0) {
      notes.push(`seccomp profile "${p}" (${from.path}) is not a path inside the scanned root; left out`);
      continue;
    }
    const found = cands.find((c) => exists(resolve(root, c))) ?? cands[0]!;
    const abs = resolve(root, found);
    if (!exists(abs)) notes.push(`seccomp profile "${p}" (${from.path}) was not found at ${found}`);
    securityOpt.push(`seccomp=${abs}`);
    seccompProfiles.push(abs);
  }
  return {
    capAdd,
    capDrop,
    securityOpt: uniq(securityOpt),
    privileged: launch.privileged?.value === true,
    ...(launch.user && launch.user.value.trim() !== '' ? { user: launch.user.value.trim() } : {}),
    ports: launch.ports.map((p) => ({ hostIp: p.hostIp, hostPort: p.hostPort, containerPort: p.containerPort, protocol: p.protocol })),
    hostNetwork: launch.hostNetwork !== undefined,
    seccompProfiles,
    notes,
  };
}

/**
 * The `docker run` flags for the security-relevant options (capabilities,
 * security options, privileged, user). Ports and networking are left to the
 * caller, which decides where the container is reachable from.
 */
export function dockerRunFlags(o: RuntimeOptions): string[] {
  const out: string[] = [];
  if (o.privileged) out.push('--privileged');
  for (const c of o.capDrop) out.push(`--cap-drop=${c}`);
  for (const c of o.capAdd) out.push(`--cap-add=${c}`);
  for (const s of o.securityOpt) out.push(`--security-opt=${s}`);
  if (o.user) out.push(`--user=${o.user}`);
  return out;
}
