import { editorFor } from '../fix/editors.js';
import { allowPtraceFix } from '../fix/seccomp.js';
import { hasCapability } from '../model/caps.js';
import { isPtraceTarget, normalizeCap, type Launch } from '../model/launch.js';
import type { SeccompProfile, SeccompRule } from '../model/seccomp.js';
import type { Fix, Related } from '../types.js';
import { capitalized, grantPhrase, launchName, where } from './describe.js';
import type { Rule } from './types.js';

/** Architectures of the hosts people debug on (Docker's and libseccomp's spellings). */
const COMMON_ARCHES = new Set(['amd64', 'x86_64', 'arm64', 'aarch64', 'scmp_arch_x86_64', 'scmp_arch_aarch64']);

function isAllow(action: string): boolean {
  return /^SCMP_ACT_(ALLOW|LOG)$/i.test(action);
}

function isDeny(action: string): boolean {
  return /^SCMP_ACT_(ERRNO|KILL|KILL_PROCESS|KILL_THREAD|TRAP|TRACE)$/i.test(action);
}

function archOk(arches: string[], excluded: string[]): boolean {
  if (excluded.some((a) => COMMON_ARCHES.has(a.toLowerCase()))) return false;
  return arches.length === 0 || arches.some((a) => COMMON_ARCHES.has(a.toLowerCase()));
}

export type PtraceVerdict =
  | { verdict: 'allowed' | 'unknown' }
  | { verdict: 'denied-default'; defaultAction: string }
  | { verdict: 'denied-rule'; rule: SeccompRule }
  | { verdict: 'needs-caps'; rule: SeccompRule; caps: string[] };

/**
 * What the profile does to ptrace for a container with these capabilities.
 * minKernel conditions are taken as met (any kernel of the last years is ≥ 4.8,
 * the condition Docker's own profile uses for ptrace).
 */
export function ptraceVerdict(p: SeccompProfile, hasCap: (cap: string) => boolean): PtraceVerdict {
  const rules = p.rules.filter((r) => r.names.some((n) => n.value === 'ptrace') && archOk(r.includes.arches, r.excludes.arches));
  const applies = (r: SeccompRule): boolean => r.includes.caps.every((c) => hasCap(c)) && !r.excludes.caps.some((c) => hasCap(c));
  const active = rules.filter(applies);
  if (active.some((r) => isAllow(r.action) && !r.hasArgs)) return { verdict: 'allowed' };
  if (active.some((r) => isAllow(r.action) && r.hasArgs)) return { verdict: 'unknown' };
  const deny = active.find((r) => isDeny(r.action) && !r.hasArgs);
  if (deny) return { verdict: 'denied-rule', rule: deny };
  if (active.some((r) => !isAllow(r.action) && !isDeny(r.action))) return { verdict: 'unknown' };
  const def = p.defaultAction?.value ?? '';
  if (isAllow(def)) return { verdict: 'allowed' };
  if (!isDeny(def)) return { verdict: 'unknown' };
  const gated = rules.find((r) => isAllow(r.action) && !r.hasArgs && r.includes.caps.length > 0 && !r.excludes.caps.some((c) => hasCap(c)));
  if (gated) return { verdict: 'needs-caps', rule: gated, caps: gated.includes.caps.filter((c) => !hasCap(c)) };
  return { verdict: 'denied-default', defaultAction: def };
}

function withPtrace(hasCap: (cap: string) => boolean): (cap: string) => boolean {
  return (c) => capName(c) === 'SYS_PTRACE' || hasCap(c);
}

/** Does one of the launch's seccomp profiles deny ptrace only until SYS_PTRACE is granted? (PTD013 reports those.) */
export function profileGatesPtraceOnCapability(l: Launch): boolean {
  if (l.hasPtrace || !l.seccompProfiles) return false;
  return l.seccompProfiles.some(({ profile }) => {
    const hasCap = (c: string): boolean => (capName(c) === 'SYS_PTRACE' ? false : hasCapability(c, l.capAdd, l.capDrop, false));
    const before = ptraceVerdict(profile, hasCap).verdict;
    return before !== 'allowed' && before !== 'unknown' && ptraceVerdict(profile, withPtrace(hasCap)).verdict === 'allowed';
  });
}

function capName(c: string): string {
  return normalizeCap(c);
}

export const ptd013: Rule = {
  meta: {
    id: 'PTD013',
    slug: 'seccomp-profile-blocks-ptrace',
    title: 'A custom seccomp profile blocks the debugger',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'A seccomp profile in the repository, used by a debugging container, denies the ptrace system call that every debugger needs.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      // privileged turns seccomp off; no debugger, no finding.
      if (!l.seccompProfiles || !isPtraceTarget(l) || l.privileged?.value === true) continue;
      for (const { opt, profile } of l.seccompProfiles) {
        const hasCap = (c: string): boolean => (capName(c) === 'SYS_PTRACE' ? l.hasPtrace : hasCapability(c, l.capAdd, l.capDrop, false));
        const v = ptraceVerdict(profile, hasCap);
        if (v.verdict === 'allowed' || v.verdict === 'unknown') continue;
        const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
        const related: Related[] = [];
        let why = "";
        let fix: Fix | undefined;
        let fixText = '';
        let short = '';
        let fixHint = '';
        if (v.verdict === 'needs-caps') {
          const caps = v.caps.map(capName);
          why = `it allows ptrace only for containers that have ${caps.join(' and ')} (\`includes.caps\` at ${where(v.rule.span)}), and this container does not`;
          related.push({ span: v.rule.span, message: `ptrace is allowed here only with ${caps.join(', ')}.` });
          short = `${profile.file.path} allows ptrace only with ${caps.join(' and ')}: without ${caps.length === 1 ? 'it' : 'them'}, debuggers fail with "operation not permitted".`;
          if (caps.length === 1 && caps[0] === 'SYS_PTRACE') {
            fix = editorFor(l).addCapability('SYS_PTRACE');
            fixText = `${grantPhrase(l)} — the profile then allows ptrace by itself (this is how Docker's own profile works)`;
            fixHint = `${capitalized(grantPhrase(l))}: the profile then allows ptrace itself`;
          } else {
            fix = allowPtraceFix(profile);
            fixText = `allow ptrace in ${profile.file.path}, or grant ${caps.join(' and ')}`;
            fixHint = capitalized(fixText);
          }
        } else if (v.verdict === 'denied-rule' && !l.hasPtrace && ptraceVerdict(profile, withPtrace(hasCap)).verdict === 'allowed') {
          // The denying rule stands aside for containers with CAP_SYS_PTRACE (`excludes.caps`).
          why = `its rule at ${where(v.rule.span)} answers ptrace with ${v.rule.action} for every container that lacks SYS_PTRACE (\`excludes.caps\`), and this container lacks it`;
          related.push({ span: v.rule.span, message: `ptrace is denied here unless the container has SYS_PTRACE.` });
          fix = editorFor(l).addCapability('SYS_PTRACE');
          fixText = `${grantPhrase(l)} — the profile then allows ptrace by itself (this is how Docker's default profile worked before 19.03)`;
          short = `${profile.file.path} denies ptrace to containers without SYS_PTRACE: debuggers fail with "operation not permitted".`;
          fixHint = `${capitalized(grantPhrase(l))}: the profile then allows ptrace itself`;
        } else if (v.verdict === 'denied-rule') {
          why = `its rule at ${where(v.rule.span)} answers ptrace with ${v.rule.action}`;
          related.push({ span: v.rule.span, message: `ptrace is denied here (${v.rule.action}).` });
          fix = allowPtraceFix(profile, v.rule);
          fixText = `take ptrace out of that rule${isAllow(profile.defaultAction?.value ?? '') ? '' : ' and add `{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}` to `syscalls`'} (adding a capability does not help: the rule denies ptrace whatever the container's capabilities)`;
          short = `${profile.file.path} denies ptrace (${v.rule.action}): debuggers fail with "operation not permitted".`;
          fixHint = `Take ptrace out of the rule at ${where(v.rule.span)}${isAllow(profile.defaultAction?.value ?? '') ? '' : ' and allow it in `syscalls`'}`;
        } else if (v.verdict === 'denied-default') {
          why = `its \`defaultAction\` is ${v.defaultAction} and no rule allows ptrace`;
          if (profile.defaultAction) related.push({ span: profile.defaultAction.span, message: `Every system call not listed is denied (${v.defaultAction}).` });
          fix = allowPtraceFix(profile);
          fixText = `add \`{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}\` to \`syscalls\` in ${profile.file.path} (adding a capability does not help: no rule of the profile allows ptrace)`;
          short = `${profile.file.path} denies ptrace (it is not listed): debuggers fail with "operation not permitted".`;
          fixHint = `Add \`{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}\` to \`syscalls\` in ${profile.file.path}`;
        }
        ctx.report({
          message:
            `${who} runs with the seccomp profile ${profile.file.path} (\`${opt.value}\`), which blocks the ptrace system call: ${why}. ` +
            `Every debugger is built on ptrace, so \`dlv debug\`, \`dlv exec\` and \`dlv test\` fail with "could not launch process: fork/exec …: operation not permitted", ` +
            `and \`dlv attach\`, \`strace -p\` and \`gdb -p\` with "operation not permitted". Fix: ${fixText}.`,
          short,
          fixHint,
          span: opt.span,
          related,
          launch: l,
          key: profile.file.path,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
