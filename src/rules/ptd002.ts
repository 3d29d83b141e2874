import { editorFor } from '../fix/editors.js';
import { scannerReason, withScannerSuppressions } from '../fix/scanners.js';
import { attachUses, isDebuggingContainer } from '../model/launch.js';
import { hasCapability, isSeccompUnconfined } from '../model/caps.js';
import { grantPhrase, launchName } from './describe.js';
import { evidence } from './ptd001.js';
import type { Rule } from './types.js';

export const ptd002: Rule = {
  meta: {
    id: 'PTD002',
    slug: 'seccomp-unconfined',
    title: 'seccomp turned off to make a debugger work',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 'A debugging container runs with seccomp=unconfined, which turns off all system-call filtering, where the SYS_PTRACE capability is the narrow fix.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      if (!isDebuggingContainer(l)) continue;
      for (const opt of l.securityOpt.filter((o) => isSeccompUnconfined(o.value))) {
        const attaching = attachUses(l).length > 0 || !!l.editorAttach;
        // With the suppressions of the scanners the repository runs, which flag the capability (docs/scanners.md).
        // Privileged (without the capability of its own) grants it, and turns seccomp off by itself: the option only
        // goes, and PTD003's fix replaces privileged with the capability. Both fixes then apply together.
        const viaPrivileged = l.privileged?.value === true && !l.privilegedFor && !hasCapability('SYS_PTRACE', l.capAdd, l.capDrop, false);
        const fix = withScannerSuppressions(ctx.project, editorFor(l).replaceSecurityOpt(opt, viaPrivileged ? undefined : 'SYS_PTRACE'), scannerReason('PTD002', 'turning seccomp off'));
        const then = viaPrivileged
          ? 'privileged mode turns seccomp off by itself: replace privileged with the SYS_PTRACE capability too (the privileged finding on this container does)'
          : l.hasPtrace ? 'keep the capability you already grant' : grantPhrase(l);
        const missing = !l.hasPtrace;
        const message =
          `${launchName(l).replace(/^./, (c) => c.toUpperCase())} turns off seccomp (\`${opt.value}\`) so that the debugger works. ` +
          `That removes the kernel's whole system-call filter for everything in the container, not just the debugger. ` +
          `The narrow fix is the SYS_PTRACE capability: Docker's default seccomp profile allows the debugger's system calls as soon as the capability is granted (since Docker 1.12)` +
          (missing && attaching ? `, and attaching (\`dlv attach\`, \`strace -p\`) needs the capability anyway: seccomp=unconfined alone still fails with "operation not permitted" on hosts with Yama ptrace_scope=1` : '') +
          `. The one thing unconfined adds for delve is turning off address-space randomisation, which debugging does not need. ` +
          `Fix: remove \`${opt.value}\`${viaPrivileged ? ` (${then})` : ` and ${then}`}.`;
        ctx.report({
          severity: missing && attaching ? 'error' : 'warning',
          message,
          short: missing && attaching
            ? `\`${opt.value}\` turns off all system-call filtering, and attaching still fails without SYS_PTRACE on most hosts.`
            : `\`${opt.value}\` turns off all system-call filtering, where the debugger needs only SYS_PTRACE.`,
          fixHint: viaPrivileged ? `Remove \`${opt.value}\` and privileged mode: with SYS_PTRACE the debugger needs neither` : `Remove \`${opt.value}\` and ${then}`,
          span: opt.span,
          related: evidence(l),
          launch: l,
          key: opt.value,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
