/** Effective capabilities the way Docker and containerd compute them. */
import { normalizeCap } from './launch.js';
import type { Valued } from '../types.js';

/** Docker's and containerd's default capability set (no SYS_PTRACE). */
export const DEFAULT_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'];

/**
 * Does the container end up with `cap`? Docker: an added ALL starts from every
 * capability; a dropped ALL starts from none; otherwise the default set; then
 * drops are removed and adds added.
 */
export function hasCapability(cap: string, add: Valued<string>[], drop: Valued<string>[], privileged: boolean): boolean {
  if (privileged) return true;
  const adds = new Set(add.map((c) => normalizeCap(c.value)));
  const drops = new Set(drop.map((c) => normalizeCap(c.value)));
  const want = normalizeCap(cap);
  if (adds.has('ALL')) return !drops.has(want);
  if (adds.has(want)) return true;
  if (drops.has('ALL') || drops.has(want)) return false;
  return DEFAULT_CAPS.includes(want);
}

/** security_opt / securityOpt entries that turn seccomp off (seccomp=unconfined, seccomp:unconfined). */
export function isSeccompUnconfined(opt: string): boolean {
  return /^seccomp[=:]\s*unconfined$/i.test(opt.trim());
}

/** A seccomp profile path from seccomp=PATH (not unconfined/builtin). */
export function seccompProfilePath(opt: string): string | undefined {
  const m = /^seccomp[=:](.+)$/i.exec(opt.trim());
  if (!m) return undefined;
  const v = m[1]!.trim();
  if (/^(unconfined|builtin|default)$/i.test(v)) return undefined;
  return v;
}
