import { editorFor, makeFix } from '../fix/editors.js';
import { scannerReason, withScannerSuppressions } from '../fix/scanners.js';
import { isDebuggingContainer, normalizeCap, type Launch } from '../model/launch.js';
import { spanText } from '../source.js';
import type { Fix, Valued } from '../types.js';
import { grantPhrase, launchName } from './describe.js';
import { evidence } from './ptd001.js';
import type { Rule } from './types.js';

/** An entrypoint that starts a Docker engine (moby's `hack/dind`, docker:dind's `dockerd-entrypoint.sh`, `dockerd`). */
const ENGINE_ENTRYPOINT = /^(dind|dind-systemd|dockerd|dockerd-entrypoint\.sh|dockerd-rootless\.sh)$/;

/**
 * privileged for reasons other than debugging: Docker-in-Docker and friends — by the image's name, by
 * what the model saw (a docker-in-docker feature, a volume at /var/lib/docker), or by the ENTRYPOINT the
 * image's stage chain ends with — and an eBPF agent (Beyla, an auto-instrumentation sidecar) that mounts
 * the kernel's tracing or BPF file system and shows no debugger: it joins the app's PID namespace to find
 * the processes it instruments, and BPF needs privileged.
 */
function privilegedForOtherReasons(l: Launch): boolean {
  if (l.privilegedFor) return true;
  const img = l.image?.value ?? '';
  if (/(^|\/)docker:.*dind|dind|docker-in-docker|kind-node|k3s|systemd/i.test(img)) return true;
  if (l.nestedEngine) return true;
  // An agent known by its image or configuration (EBPF_AGENT_IMAGE/ENV) asks for SYS_PTRACE itself, besides privileged.
  if (l.ebpfAgent && !l.tools.some((t) => t.mode !== 'post-mortem')) return true;
  if (l.tracingMount && !l.tools.some((t) => t.mode !== 'post-mortem') && !l.capAdd.some((c) => normalizeCap(c.value) === 'SYS_PTRACE') && !l.goDevcontainer && !l.editorAttach) return true;
  for (let s = l.stage; s; s = s.parent) {
    if (!s.entrypoint) continue;
    return s.entrypoint.words.slice(0, 3).some((w) => ENGINE_ENTRYPOINT.test(w.value.slice(w.value.lastIndexOf('/') + 1)));
  }
  return false;
}

/** Replace the ALL of a capability grant with SYS_PTRACE, in place (quotes and list style kept). */
function replaceAllFix(l: Launch, item: Valued<string>): Fix | undefined {
  if (l.capAdd.some((c) => normalizeCap(c.value) === 'SYS_PTRACE')) return undefined;
  const text = spanText(item.span);
  let m: RegExpExecArray | null = null;
  const re = /(?:CAP_)?ALL(?![A-Za-z0-9_])/gi;
  for (let x = re.exec(text); x; x = re.exec(text)) m = x;
  if (!m) return undefined;
  const start = item.span.start + m.index;
  const upper = m[0] === m[0].toUpperCase();
  return makeFix('Grant SYS_PTRACE instead of every capability', [{ path: item.span.file.path, start, end: start + m[0].length, text: upper ? 'SYS_PTRACE' : 'sys_ptrace' }], [item.span.file, l.file]);
}

export const ptd003: Rule = {
  meta: {
    id: 'PTD003',
    slug: 'privileged-for-ptrace',
    title: 'privileged mode used to make a debugger work',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 'A debugging container runs privileged (every capability, every host device) where SYS_PTRACE alone is enough.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      if (!isDebuggingContainer(l) || privilegedForOtherReasons(l)) continue;
      // `cap_add: [ALL]` is privileged mode's capabilities under another name.
      for (const all of l.privileged?.value === true ? [] : l.capAdd.filter((c) => normalizeCap(c.value) === 'ALL')) {
        // The scanners the repository runs flag SYS_PTRACE as they flagged ALL (compose-lint under another rule): their suppressions go with it.
        const fix = withScannerSuppressions(ctx.project, replaceAllFix(l, all), scannerReason('PTD003', 'every capability (ALL)'));
        ctx.report({
          message:
            `${launchName(l).replace(/^./, (c) => c.toUpperCase())} is granted every Linux capability (\`${spanText(all.span).trim()}\`) so that the debugger works. ` +
            `ALL includes SYS_ADMIN, SYS_MODULE and the rest: code in the container can mount the host's file systems, load kernel modules and take over the host, as in privileged mode. ` +
            `A debugger needs one capability, SYS_PTRACE. Fix: grant SYS_PTRACE instead of ALL.`,
          short: 'ALL includes SYS_ADMIN and SYS_MODULE, so code in the container can take over the host; the debugger needs only SYS_PTRACE.',
          fixHint: 'Grant SYS_PTRACE instead of ALL',
          span: all.span,
          related: evidence(l),
          launch: l,
          key: 'cap-all',
          ...(fix ? { fix } : {}),
        });
      }
      if (l.privileged?.value !== true) continue;
      const fix = withScannerSuppressions(ctx.project, editorFor(l).replacePrivileged('SYS_PTRACE'), scannerReason('PTD003', 'privileged mode'));
      ctx.report({
        message:
          `${launchName(l).replace(/^./, (c) => c.toUpperCase())} runs privileged so that the debugger works. ` +
          `Privileged mode gives the container every capability and every host device, and turns off seccomp and AppArmor: ` +
          `code in it can take over the host. A debugger needs one capability, SYS_PTRACE. ` +
          `Fix: remove privileged and ${grantPhrase(l)}. (If the container needs privileged mode for something else, such as running Docker inside it, keep it and suppress this finding with a \`ptrace-doctor-ignore PTD003\` comment.)`,
        short: 'Privileged mode lets code in the container take over the host; the debugger needs only SYS_PTRACE.',
        fixHint: `Remove privileged and ${grantPhrase(l)}`,
        span: l.privileged.span,
        related: evidence(l),
        launch: l,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
