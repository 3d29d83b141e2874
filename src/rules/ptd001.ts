import { editorFor } from '../fix/editors.js';
import { scannerReason, withScannerSuppressions } from '../fix/scanners.js';
import { attachUses, isPtraceTarget, normalizeCap, type Launch } from '../model/launch.js';
import type { ToolUse } from '../model/commands.js';
import { isSeccompUnconfined } from '../model/caps.js';
import { profileGatesPtraceOnCapability } from './ptd013.js';
import { isRootUser } from './ptd005.js';
import { capitalized, commandText, grantPhrase, launchName, toolDescription, toolName, where } from './describe.js';
import type { Rule } from './types.js';
import type { Related } from '../types.js';

/** Evidence lines: what makes this launch a debugging container. */
export function evidence(l: Launch): Related[] {
  const out: Related[] = [];
  for (const t of l.tools.slice(0, 5)) out.push({ span: t.span, message: `This ${toolDescription(t)}.` });
  if (l.goDevcontainer) out.push({ span: l.goDevcontainer.span, message: 'This makes it a Go dev container: the Go extension starts dlv when you debug.' });
  if (l.debugForward) out.push({ span: l.debugForward.span, message: `This forwards port ${l.debugForward.value}, delve's port: the debugger runs in this container.` });
  if (l.editorAttach) out.push({ span: l.editorAttach, message: 'This editor configuration attaches the debugger to a running process.' });
  return out;
}

type ReportFn = Parameters<Rule['check']>[0]['report'];

function reportImageAttach(report: ReportFn, l: Launch, attach: ToolUse): void {
  report({
    severity: 'note',
    message:
      `The image of ${l.name} runs \`${commandText(attach)}\` (${where(attach.span)}), which attaches a debugger to a process that is already running, ` +
      `and no file in this repository says how the image is run. Attaching needs the SYS_PTRACE capability wherever it runs on a host that restricts attaching ` +
      `(Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs), or it fails with "Could not attach to pid …: this could be caused by a kernel security setting". ` +
      `Fix: run the image with \`docker run --cap-add=SYS_PTRACE …\` (Compose: \`cap_add: [SYS_PTRACE]\`; Kubernetes: \`securityContext.capabilities.add: [SYS_PTRACE]\`).`,
    short: `The image runs \`${commandText(attach)}\`, which attaches to a running process: that needs SYS_PTRACE on most hosts (Ubuntu, CI runners, cloud VMs).`,
    fixHint: 'Run the image with `--cap-add=SYS_PTRACE` (Compose: `cap_add`; Kubernetes: `securityContext.capabilities.add`)',
    span: attach.span,
    related: evidence(l).filter((r) => r.span !== attach.span),
    launch: l,
    key: `image-attach:${commandText(attach)}`,
  });
}

function reportKubectlDebug(report: ReportFn, l: Launch, attach: ToolUse | undefined): void {
  const fix = editorFor(l).addCapability('SYS_PTRACE');
  const shown = attach ?? l.tools.find((t) => t.use === 'run') ?? l.tools[0];
  const what = shown ? (shown.words.length > 1 ? `runs \`${commandText(shown)}\`` : `runs the debugger image \`${l.image?.value ?? shown.tool}\``) : 'runs a debugger';
  const profile = l.debugProfile;
  const why = profile
    ? `\`--profile=${profile.value}\` gives the debug container no SYS_PTRACE capability (only the \`general\` and \`sysadmin\` profiles add it)`
    : 'without `--profile`, kubectl up to 1.35 uses the `legacy` profile, which gives the debug container no SYS_PTRACE capability (from kubectl 1.36 the default is `general`, which adds it)';
  report({
    severity: attach ? 'error' : 'warning',
    message:
      `\`${l.name.replace(/ \(line \d+\)$/, '')}\` ${what} in a debug container next to the pod's processes, and ${why}. ` +
      `Attaching to the pod's process then fails with "operation not permitted" (dlv: "Could not attach to pid …"), ` +
      `because the debug container's root user may not trace a process it does not own without the capability, and Yama ptrace_scope=1 (most nodes) forbids attaching to non-descendants. ` +
      `Fix: add \`--profile=general\` to the command (kubectl 1.27 or newer), which adds SYS_PTRACE to the debug container.`,
    short: `${profile ? `\`--profile=${profile.value}\`` : 'Without `--profile`, kubectl before 1.36'} gives the debug container no SYS_PTRACE: attaching to the pod's process fails.`,
    fixHint: 'Add `--profile=general` to the command (kubectl 1.27 or newer)',
    span: l.anchor,
    related: [...(profile ? [{ span: profile.span, message: `The ${profile.value} profile is chosen here.` }] : []), ...evidence(l)],
    launch: l,
    ...(fix ? { fix } : {}),
  });
}

export const ptd001: Rule = {
  meta: {
    id: 'PTD001',
    slug: 'missing-sys-ptrace',
    title: 'Debugger container lacks SYS_PTRACE',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'A container that runs or ships a debugger (dlv, strace, gdb) does not get the SYS_PTRACE capability.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      // Capabilities a template renders from values are not known: no finding rather than a guess.
      if (!isPtraceTarget(l) || l.hasPtrace || l.capsUnknown) continue;
      // seccomp=unconfined as the workaround is PTD002's finding (its fix adds the capability).
      if (l.securityOpt.some((o) => isSeccompUnconfined(o.value))) continue;
      // A repository seccomp profile that allows ptrace only with the capability: PTD013's finding (its fix adds it).
      if (profileGatesPtraceOnCapability(l)) continue;
      // The capability is asked for in runArgs that Compose ignores: PTD004's finding (its fix moves it).
      if (l.ignoredRunArgs?.some((a) => /SYS_PTRACE/i.test(a.value))) continue;
      const attaches = attachUses(l);
      const attach = attaches[0];
      if (l.kind === 'dockerfile') {
        // Nothing in the repository runs this image: its capabilities are whoever runs it's to give.
        // Only its own command's attach needs the capability in every runtime: say how to run it.
        if (attach) reportImageAttach(ctx.report, l, attach);
        continue;
      }
      if (l.kind === 'kubectl-debug') {
        reportKubectlDebug(ctx.report, l, attach);
        continue;
      }
      const dropAll = l.capDrop.find((c) => normalizeCap(c.value) === 'ALL');
      // The drop as the launch's own file spells it (a Kubernetes manifest has no cap_drop).
      // As the file that dropped them spells it: a securityContext, a Compose key, else a run flag.
      const dropKind = dropAll?.span.file.kind;
      const dropText = dropKind === 'kubernetes' || dropKind === 'okteto' ? '`capabilities.drop: [ALL]`' : dropKind === 'compose' ? '`cap_drop: ALL`' : '`--cap-drop=ALL`';
      const who = launchName(l);
      const nonRoot = !!l.user && isRootUser(l.user.value) === false && !(attach?.asRoot ?? false);
      let fix = editorFor(l).addCapability('SYS_PTRACE');
      const grant = fix ? fix.description.replace(/^./, (c) => c.toLowerCase()) : grantPhrase(l);
      let message: string;
      let short: string;
      let fixHint = capitalized(grant);
      const attaching = !!attach || (!!l.editorAttach && attaches.length === 0);
      if (attaching && nonRoot) {
        // The capability would reach nobody: a non-root debugger gets no added capability. No fix that changes nothing.
        fix = undefined;
        const what = attach ? `runs \`${commandText(attach)}\` (${where(attach.span)})` : 'has an editor configuration that attaches the debugger to a running process';
        message =
          `${who[0]!.toUpperCase()}${who.slice(1)} ${what} as user "${l.user!.value}" (${where(l.user!.span)}), which attaches a debugger to a process that is already running. ` +
          `Attaching needs the SYS_PTRACE capability on most hosts (Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs), and granting it to the container would not help: ` +
          `Docker, Podman and Kubernetes hand added capabilities only to processes running as root, so the debugger running as "${l.user!.value}" would still fail with ` +
          `"Could not attach to pid …: this could be caused by a kernel security setting" (strace: "Operation not permitted"). ` +
          `Fix: start the program under the debugger instead of attaching (\`dlv exec /path/to/binary\`, \`dlv debug\`; in the editor a "launch" configuration), which any user may do; ` +
          `or attach as root with the capability: \`docker exec -u root …\`, or a debug container running as root with SYS_PTRACE that shares the target's PID namespace (\`pid: "service:app"\`, \`kubectl debug --profile=general --target=…\`).`;
        short = `The debugger attaches as "${l.user!.value}": SYS_PTRACE would not help, since added capabilities reach only root processes.`;
        fixHint = 'Launch the program under the debugger (`dlv exec`, `dlv debug`) instead of attaching, or attach as root with SYS_PTRACE';
      } else if (attaching) {
        const what = attach ? `runs \`${commandText(attach)}\` (${where(attach.span)})` : 'has an editor configuration that attaches the debugger to a running process';
        message =
          `${who[0]!.toUpperCase()}${who.slice(1)} ${what}, which attaches a debugger to a process that is already running. ` +
          `That needs the SYS_PTRACE capability, and this container does not have it${dropAll ? ` (${dropText} removed every capability)` : ''}. ` +
          `On hosts that restrict attaching (Yama ptrace_scope=1: Ubuntu, GitHub-hosted runners, most cloud VMs) it fails with ` +
          `"Could not attach to pid …: this could be caused by a kernel security setting" (strace: "Operation not permitted"). Fix: ${grant}.`;
        short = `${attach ? `\`${commandText(attach)}\`` : 'The editor\'s "attach to process" configuration'} attaches to a running process: that needs SYS_PTRACE on most hosts` +
          `${dropAll ? `, and ${dropText} removed it` : ' (Ubuntu, CI runners, cloud VMs)'}.`;
      } else {
        const shown = l.tools.find((t) => t.use === 'run') ?? l.tools[0];
        const reason = shown ? toolDescription(shown) : l.goDevcontainer ? 'is a Go dev container (the Go extension runs dlv when you debug)' : l.debugForward ? `forwards port ${l.debugForward.value} for a debugger that runs in it (dlv's port)` : 'uses a debugger';
        message =
          `${who[0]!.toUpperCase()}${who.slice(1)} ${reason}, but the container does not get the SYS_PTRACE capability${dropAll ? ` (${dropText} removed every capability)` : ''}. ` +
          `Starting a program under the debugger (\`dlv debug\`, \`dlv exec\`, \`dlv test\`) works on current Docker, but fails with ` +
          `"fork/exec …: operation not permitted" on Docker before 19.03, kernels before 4.8 and seccomp profiles without the ptrace rule, ` +
          `and the first time anyone attaches to a running process (\`dlv attach\`, \`strace -p\`, an editor's "attach to process") it fails with "operation not permitted". ` +
          `Fix: ${grant}.`;
        // The evidence in a word (the full message quotes the command): "runs dlv", "installs strace".
        const sign = shown ? `${shown.use === 'install' ? 'installs' : 'runs'} ${toolName(shown)}` : l.goDevcontainer ? 'is a Go dev container' : l.debugForward ? `forwards dlv's port ${l.debugForward.value}` : 'uses a debugger';
        short = `${who[0]!.toUpperCase()}${who.slice(1)} ${sign}: without SYS_PTRACE${dropAll ? ` (${dropText})` : ''}, \`dlv attach\` and \`strace -p\` fail.`;
      }
      // The scanners the repository runs flag the capability the fix adds: their suppressions go with it (docs/scanners.md).
      fix = withScannerSuppressions(ctx.project, fix, scannerReason('PTD001'));
      const related = evidence(l);
      if (dropAll) related.unshift({ span: dropAll.span, message: 'Every capability is dropped here; SYS_PTRACE must be added back.' });
      ctx.report({
        // Launching under the debugger works on current engines without the capability (docs/truth-table.md): a note, with its fix.
        severity: attach || l.editorAttach ? 'error' : 'note',
        message,
        short,
        fixHint,
        span: l.anchor,
        related,
        launch: l,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
