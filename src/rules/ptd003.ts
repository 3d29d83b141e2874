import { editorFor } from '../fix/editors.js';
import { isPtraceTarget, type Launch } from '../model/launch.js';
import { grantPhrase, launchName } from './describe.js';
import { evidence } from './ptd001.js';
import type { Rule } from './types.js';

/** privileged for reasons other than debugging: Docker-in-Docker and friends. */
function privilegedForOtherReasons(l: Launch): boolean {
  const img = l.image?.value ?? '';
  if (/(^|\/)docker:.*dind|dind|docker-in-docker|kind-node|k3s|systemd/i.test(img)) return true;
  return false;
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
      if (!isPtraceTarget(l) || l.privileged?.value !== true || privilegedForOtherReasons(l)) continue;
      const fix = editorFor(l).replacePrivileged('SYS_PTRACE');
      ctx.report({
        message:
          `${launchName(l).replace(/^./, (c) => c.toUpperCase())} runs privileged so that the debugger works. ` +
          `Privileged mode gives the container every capability and every host device, and turns off seccomp and AppArmor: ` +
          `code in it can take over the host. A debugger needs one capability, SYS_PTRACE. ` +
          `Fix: remove privileged and ${grantPhrase(l)}. (If the container needs privileged mode for something else, such as running Docker inside it, keep it and suppress this finding with a \`ptrace-doctor-ignore PTD003\` comment.)`,
        span: l.privileged.span,
        related: evidence(l),
        launch: l,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
