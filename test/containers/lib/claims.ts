/**
 * What the rules (their messages, their pages in docs/rules/ and the design
 * notes) say about real containers, as data. The suite checks each claim
 * against what the engine did; a claim that disagrees with the engine fails.
 */
import type { OpId } from './cases.js';
import type { Observation, Status } from './probe.js';

export interface Claim {
  /** Stable; the truth table's anchor is `claim-<id>`. */
  id: string;
  rule: string;
  /** The claim in words, as the rule states it. */
  text: string;
  /** Where the claim is made. */
  source: string;
  case: string;
  phase: 'before' | 'after';
  ops: OpId[];
  expect: 'works' | 'fails';
  /** Each failing operation's error text must match. */
  match?: RegExp;
  /** What each operation printed must (`detail`) or must not (`notDetail`) match, whatever its outcome. */
  detail?: RegExp;
  notDetail?: RegExp;
  /** 'required': only meaningful where Yama ptrace_scope ≥ 1; 'absent': only where there is no Yama (or scope 0). */
  yama?: 'required' | 'absent';
  /** For after-fix claims: the rule whose fix must have been applied. */
  fixBy?: string;
}

const EPERM = /operation not permitted|could not attach|does not own/i;

export const CLAIMS: Claim[] = [
  // PTD001 — missing-sys-ptrace
  { id: 'ptd001-launch-works-without-cap', rule: 'PTD001', text: 'Starting a program under the debugger (`dlv debug`, `dlv exec`) works on current Docker without SYS_PTRACE.', source: 'docs/rules/PTD001.md (Why is this bad?); PTD001 message', case: 'default', phase: 'before', ops: ['debug', 'exec'], expect: 'works' },
  { id: 'ptd001-launch-works-cap-drop-all', rule: 'PTD001', text: 'With `cap_drop: [ALL]` and no SYS_PTRACE, `dlv debug` and `dlv exec` still start their program (root tracing its own child).', source: 'PTD001 message (note when only launching)', case: 'cap-drop-all', phase: 'before', ops: ['debug', 'exec'], expect: 'works' },
  { id: 'ptd001-attach-fails-yama', rule: 'PTD001', text: 'Without SYS_PTRACE, attaching (`dlv attach`, `strace -p`) fails with "operation not permitted" on hosts with Yama ptrace_scope=1.', source: 'docs/rules/PTD001.md; PTD001 message (error when attaching)', case: 'default', phase: 'before', ops: ['attach', 'strace'], expect: 'fails', match: EPERM, yama: 'required' },
  { id: 'ptd001-attach-fails-cap-drop-all-yama', rule: 'PTD001', text: 'With `cap_drop: [ALL]` and no SYS_PTRACE, attaching fails under Yama ptrace_scope=1.', source: 'PTD001 message (`cap_drop: ALL` removed every capability)', case: 'cap-drop-all', phase: 'before', ops: ['attach', 'strace'], expect: 'fails', match: EPERM, yama: 'required' },
  { id: 'ptd001-attach-works-no-yama', rule: 'PTD001', text: 'Without Yama, root attaching to root works with no flags (why the rule says "on hosts that restrict attaching").', source: 'DESIGN.md, Facts the rules rest on', case: 'default', phase: 'before', ops: ['attach', 'strace'], expect: 'works', yama: 'absent' },
  { id: 'ptd013-gated-profile-fork-exec', rule: 'PTD013', text: 'Under a seccomp profile that allows ptrace only with the capability (Docker before 19.03), `dlv debug`/`dlv exec` fail with "could not launch process: fork/exec …: operation not permitted".', source: 'docs/rules/PTD013.md; PTD013 message', case: 'seccomp-needs-cap', phase: 'before', ops: ['debug', 'exec'], expect: 'fails', match: /could not launch process: fork\/exec .*: operation not permitted/ },
  { id: 'ptd001-fix-default', rule: 'PTD001', text: 'The fix (add SYS_PTRACE) makes every debugger operation work.', source: 'docs/rules/PTD001.md (Use instead)', case: 'default', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD001' },
  { id: 'ptd001-fix-cap-drop-all', rule: 'PTD001', text: 'The fix (add SYS_PTRACE back next to `cap_drop: [ALL]`) makes every debugger operation work.', source: 'docs/rules/PTD001.md (Use instead)', case: 'cap-drop-all', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD001' },
  { id: 'ptd013-fix-gated-profile', rule: 'PTD013', text: 'Under the pre-19.03 style profile, PTD013\'s fix (add SYS_PTRACE) is enough: the profile follows added capabilities.', source: 'docs/rules/PTD013.md; DESIGN.md ("Since Docker 1.12 the default seccomp profile follows added capabilities")', case: 'seccomp-needs-cap', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD013' },
  { id: 'ptd001-cap-add-run-line', rule: 'PTD001', text: '`--cap-add=SYS_PTRACE` on a run line: every debugger operation works.', source: 'docs/rules/PTD001.md (fix table, `docker run`)', case: 'cap-add', phase: 'before', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works' },
  { id: 'ptd001-cap-drop-all-with-ptrace', rule: 'PTD001', text: '`cap_drop: [ALL]` plus `cap_add: [SYS_PTRACE]`: every debugger operation works.', source: 'docs/rules/PTD001.md', case: 'cap-drop-all-ptrace', phase: 'before', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works' },

  // PTD002 — seccomp-unconfined
  { id: 'ptd002-unconfined-no-attach-yama', rule: 'PTD002', text: '`seccomp=unconfined` alone does not grant attaching under Yama ptrace_scope=1.', source: 'PTD002 message; DESIGN.md', case: 'seccomp-unconfined', phase: 'before', ops: ['attach', 'strace'], expect: 'fails', match: EPERM, yama: 'required' },
  { id: 'ptd002-unconfined-launch-works', rule: 'PTD002', text: 'With `seccomp=unconfined`, `dlv debug` and `dlv exec` work (the setting "makes the debugger work" for launching).', source: 'PTD002 message', case: 'seccomp-unconfined', phase: 'before', ops: ['debug', 'exec'], expect: 'works' },
  { id: 'ptd002-unconfined-aslr', rule: 'PTD002', text: 'Unconfined lets delve turn off address-space randomisation (the personality system call).', source: 'PTD002 message; DESIGN.md', case: 'seccomp-unconfined', phase: 'before', ops: ['aslr'], expect: 'works' },
  { id: 'ptd002-capability-no-aslr', rule: 'PTD002', text: 'The capability does not allow that: with SYS_PTRACE under the default profile, turning ASLR off is refused (the one thing unconfined adds).', source: 'PTD002 message', case: 'default', phase: 'after', ops: ['aslr'], expect: 'fails', match: /not permitted/i, fixBy: 'PTD001' },
  { id: 'ptd002-fix', rule: 'PTD002', text: 'The fix (remove `seccomp=unconfined`, add SYS_PTRACE) keeps every debugger operation working.', source: 'PTD002 message (Fix:)', case: 'seccomp-unconfined', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD002' },

  // PTD003 — privileged-for-ptrace
  { id: 'ptd003-privileged-works', rule: 'PTD003', text: 'A privileged container can debug (what the setting was added for).', source: 'PTD003 message', case: 'privileged', phase: 'before', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works' },
  { id: 'ptd003-fix', rule: 'PTD003', text: 'The fix (remove privileged, add SYS_PTRACE) keeps every debugger operation working.', source: 'PTD003 message (Fix:)', case: 'privileged', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD003' },

  // PTD005 — cap-ineffective-non-root
  { id: 'ptd005-root-target-fails', rule: 'PTD005', text: 'A non-root debugger cannot attach to a root process, even with SYS_PTRACE added.', source: 'DESIGN.md; PTD005 message', case: 'non-root', phase: 'before', ops: ['attach-root', 'strace-root'], expect: 'fails', match: EPERM },
  { id: 'ptd005-own-target-fails-yama', rule: 'PTD005', text: 'Under Yama ptrace_scope=1 the added capability does not reach uid 1000: attaching even to its own processes fails.', source: 'PTD005 message ("only root processes receive it")', case: 'non-root', phase: 'before', ops: ['attach', 'strace'], expect: 'fails', match: EPERM, yama: 'required' },
  { id: 'ptd005-launch-works', rule: 'PTD005', text: 'Starting a program under the debugger works as a non-root user.', source: 'PTD005 message', case: 'non-root', phase: 'before', ops: ['debug', 'exec'], expect: 'works' },
  { id: 'ptd005-fix', rule: 'PTD005', text: 'The fix makes attaching work.', source: 'PTD005 message (Fix:)', case: 'non-root', phase: 'after', ops: ['attach', 'attach-root'], expect: 'works', fixBy: 'PTD005' },

  // PTD006 — delve-listens-on-loopback
  { id: 'ptd006-loopback-unreachable', rule: 'PTD006', text: 'Headless dlv listening on 127.0.0.1 inside the container cannot be reached through the container\'s address (where a published port leads).', source: 'PTD006 message; DESIGN.md rule catalogue', case: 'headless-loopback', phase: 'before', ops: ['api-remote'], expect: 'fails', match: /refused/i },
  { id: 'ptd006-loopback-local-works', rule: 'PTD006', text: '…while the same API answers on the container\'s own loopback (so "it works inside the container").', source: 'PTD006 message', case: 'headless-loopback', phase: 'before', ops: ['api-local'], expect: 'works' },
  { id: 'ptd006-wildcard-reachable', rule: 'PTD006', text: '`--listen=:2345` is reachable from outside the container.', source: 'PTD006 message (Fix:)', case: 'headless-wildcard', phase: 'before', ops: ['api-local', 'api-remote'], expect: 'works' },
  { id: 'ptd006-fix', rule: 'PTD006', text: 'The fix (`--listen=:PORT`) makes the API reachable from outside the container.', source: 'PTD006 message (Fix:)', case: 'headless-loopback', phase: 'after', ops: ['api-remote'], expect: 'works', fixBy: 'PTD006' },

  // PTD009 — debug-binary-stripped
  { id: 'ptd009-stripped-fails', rule: 'PTD009', text: '`dlv exec` of a binary built with `-ldflags="-s -w"` fails (no DWARF).', source: 'DESIGN.md rule catalogue (PTD009, error)', case: 'stripped', phase: 'before', ops: ['exec', 'attach'], expect: 'fails', match: /debug info|debugging symbols|DWARF/i },
  { id: 'ptd009-fix', rule: 'PTD009', text: 'The fix (drop `-s -w` from the debug build) makes `dlv exec` reach a breakpoint.', source: 'DESIGN.md rule catalogue (PTD009 fix)', case: 'stripped', phase: 'after', ops: ['exec', 'attach'], expect: 'works', fixBy: 'PTD009' },

  // PTD010 — debug-binary-optimized
  { id: 'ptd010-optimized-warning', rule: 'PTD010', text: 'A binary built without `-gcflags=all=-N -l` can be debugged, but dlv warns that it is debugging an optimized function.', source: 'DESIGN.md rule catalogue (PTD010, note)', case: 'optimized', phase: 'before', ops: ['exec', 'attach'], expect: 'works', detail: /debugging optimized function/ },
  { id: 'ptd010-fix', rule: 'PTD010', text: 'The fix (add `-gcflags=all=-N -l` to the debug build) removes the warning.', source: 'DESIGN.md rule catalogue (PTD010 fix)', case: 'optimized', phase: 'after', ops: ['exec', 'attach'], expect: 'works', notDetail: /optimized/, fixBy: 'PTD010' },

  // PTD013 — seccomp-profile-blocks-ptrace
  { id: 'ptd013-denied-even-with-cap', rule: 'PTD013', text: 'A custom profile that denies ptrace blocks every debugger operation, and `--cap-add=SYS_PTRACE` does not help.', source: 'DESIGN.md (Facts; rule catalogue PTD013)', case: 'seccomp-no-ptrace', phase: 'before', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'fails', match: /operation not permitted/i },
  { id: 'ptd013-fix', rule: 'PTD013', text: 'The fix (allow ptrace in that profile) makes every debugger operation work.', source: 'DESIGN.md rule catalogue (PTD013 fix)', case: 'seccomp-no-ptrace', phase: 'after', ops: ['debug', 'exec', 'attach', 'strace'], expect: 'works', fixBy: 'PTD013' },
];

export interface RuleInfo {
  registered: boolean;
  fixable: boolean;
}

export interface Verdict {
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
}

/**
 * Compare a claim with the observations. `fixed` lists the rule ids whose
 * fixes applyFixes applied to the case's fixture.
 */
export function verdict(
  claim: Claim,
  obs: Map<string, Observation>,
  ctx: { yama?: number; rules: Map<string, RuleInfo>; fixed: Map<string, string[]> },
): Verdict {
  const yamaOn = (ctx.yama ?? 0) >= 1;
  if (claim.yama === 'required' && !yamaOn) return { status: 'skipped', detail: ctx.yama === undefined ? 'skipped: no Yama' : `skipped: Yama ptrace_scope=${ctx.yama}` };
  if (claim.yama === 'absent' && yamaOn) return { status: 'skipped', detail: `skipped: Yama ptrace_scope=${ctx.yama} (claim is about kernels without it)` };
  if (claim.fixBy) {
    const info = ctx.rules.get(claim.fixBy);
    if (!info?.registered) return { status: 'skipped', detail: `skipped: ${claim.fixBy} is not registered in src/rules/index.ts yet` };
    if (!info.fixable) return { status: 'skipped', detail: `skipped: ${claim.fixBy} offers no automatic fix` };
    if (!(ctx.fixed.get(claim.case) ?? []).includes(claim.fixBy)) return { status: 'failed', detail: `${claim.fixBy} did not fix ${claim.case} (fixes applied: ${(ctx.fixed.get(claim.case) ?? []).join(', ') || 'none'})` };
  }
  const o = obs.get(`${claim.case}/${claim.phase}`);
  if (!o) return { status: 'failed', detail: `no observation for ${claim.case} (${claim.phase})` };
  if (o.skipped) return { status: 'skipped', detail: o.skipped };
  if (o.setupError) return { status: 'failed', detail: o.setupError };
  const wrong: string[] = [];
  for (const op of claim.ops) {
    const r = o.ops[op];
    if (!r) { wrong.push(`${op}: not run`); continue; }
    if (r.status === 'skipped') { wrong.push(`${op}: ${r.detail}`); continue; }
    const status: Status = r.status;
    if (status !== claim.expect) wrong.push(`${op} ${status} (expected ${claim.expect}): ${r.detail}`);
    else if (claim.expect === 'fails' && claim.match && !claim.match.test(r.detail)) wrong.push(`${op} fails, but with "${r.detail}" (expected ${claim.match})`);
    else if (claim.detail && !claim.detail.test(r.detail)) wrong.push(`${op}: "${r.detail}" does not show ${claim.detail}`);
    else if (claim.notDetail && claim.notDetail.test(r.detail)) wrong.push(`${op}: "${r.detail}" still shows ${claim.notDetail}`);
  }
  if (wrong.length > 0) return { status: 'failed', detail: wrong.join('; ') };
  return { status: 'passed', detail: claim.ops.map((op) => `${op}: ${o.ops[op]!.detail}`).join('; ') };
}
