import { attachUses } from '../model/launch.js';
import type { Related, Valued } from '../types.js';
import { commandText, launchName, toolName, where } from './describe.js';
import type { Rule } from './types.js';

/** root / 0 / root:group / 0:0 → true; another user → false; unresolved variables → undefined. */
export function isRootUser(user: string): boolean | undefined {
  const u = user.trim().replace(/^["']|["']$/g, '');
  if (u === '' || u.includes('$')) return undefined;
  return /^(root|0)(:.*)?$/.test(u);
}

function userWhere(u: Valued<string>): string {
  return where(u.span);
}

export const ptd005: Rule = {
  meta: {
    id: 'PTD005',
    slug: 'cap-ineffective-non-root',
    title: 'SYS_PTRACE does not reach a debugger that runs as a non-root user',
    defaultSeverity: 'warning',
    fixable: false,
    summary: 'The container grants SYS_PTRACE, but the debugger attaches to running processes as a non-root user, and added capabilities only reach processes running as root.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      if (!l.hasPtrace || l.capsUnknown || !l.user || l.privileged?.value === true) continue;
      if (isRootUser(l.user.value) !== false) continue;
      const attaches = attachUses(l).filter((t) => t.asRoot !== true);
      const editor = l.editorAttach && l.kind === 'devcontainer' ? l.editorAttach : undefined;
      if (attaches.length === 0 && !editor) continue;
      // File capabilities (setcap on the debugger) do reach a non-root user.
      if (l.fileCapPtrace) continue;
      const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
      const first = attaches[0];
      const what = first ? `\`${commandText(first)}\` (${where(first.span)})` : `the editor's "attach to process" configuration (${where(editor!)})`;
      const launchInstead = first?.tool === 'dlv' || !first
        ? 'start the program under the debugger instead of attaching to it: `dlv exec /path/to/your-binary` (or `dlv debug ./cmd/...`; in the editor, a "launch" configuration) makes the program the debugger\'s own child, which any user may trace without a capability'
        : toolName(first) === 'gdbserver'
          ? 'start the program under gdbserver instead of attaching (`gdbserver :PORT /path/to/program` rather than `gdbserver --attach :PORT PID`), which any user may do without a capability'
          : `start the program under ${first.tool} instead of attaching (\`${first.tool} /path/to/program\` rather than \`${first.tool} -p PID\`), which any user may do without a capability`;
      const launchInsteadShort = first?.tool === 'dlv' || !first
        ? 'Launch the program under the debugger (`dlv exec`, `dlv debug`, a "launch" configuration) instead of attaching, or attach as root'
        : `Launch the program under ${toolName(first)} (\`${toolName(first) === 'gdbserver' ? 'gdbserver :PORT' : first.tool} /path/to/program\`) instead of attaching, or attach as root`;
      const related: Related[] = [{ span: l.user.span, message: `The debugger runs as "${l.user.value}" (not root) because of this.` }];
      const grant = l.capAdd.find((c) => /SYS_PTRACE|^ALL$/i.test(c.value));
      if (grant) related.push({ span: grant.span, message: 'SYS_PTRACE is granted here, but only root processes receive it.' });
      else if (l.grantedBy) related.push({ span: l.grantedBy.span, message: 'SYS_PTRACE is granted by this, but only root processes receive it.' });
      ctx.report({
        message:
          `${who} grants the SYS_PTRACE capability, but the debugger runs as user "${l.user.value}" (${userWhere(l.user)}), not root, and attaches to a running process: ${what}. ` +
          `Docker, Podman and Kubernetes hand added capabilities only to processes running as root (uid 0); a process of any other user starts with no effective capabilities, so SYS_PTRACE does nothing for it. ` +
          `Attaching to a process of another user (for example a server running as root) then always fails ("could not attach to pid …: operation not permitted" or "current user does not own the process"), ` +
          `and on hosts with Yama ptrace_scope=1 (Ubuntu, GitHub-hosted runners, most cloud VMs) attaching even to the same user's process fails ("Could not attach to pid …: this could be caused by a kernel security setting"). ` +
          `It only works for a process of the same user on hosts without that restriction. ` +
          `Fix: ${launchInstead}; or run the debugger as root (for example \`docker exec -u root …\`, or \`user: root\` for a debugging-only container).`,
        short: `The debugger attaches as "${l.user.value}", but added capabilities reach only root: SYS_PTRACE does nothing for it.`,
        fixHint: launchInsteadShort,
        span: first?.span ?? editor!,
        related,
        launch: l,
        key: first ? commandText(first) : 'editor-attach',
      });
    }
  },
};
