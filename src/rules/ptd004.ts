import { devcontainerMoveRunArgs } from '../fix/editors.js';
import { normalizeCap } from '../model/launch.js';
import { isSeccompUnconfined } from '../model/caps.js';
import type { Valued } from '../types.js';
import type { Rule } from './types.js';

export const ptd004: Rule = {
  meta: {
    id: 'PTD004',
    slug: 'runargs-ignored',
    title: 'runArgs are ignored when the dev container runs on Docker Compose',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'devcontainer.json with dockerComposeFile sets capabilities, seccomp or privileged in runArgs, which only apply to image- and Dockerfile-based dev containers.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      if (l.kind !== 'devcontainer' || !l.ignoredRunArgs || l.ignoredRunArgs.length === 0) continue;
      const doc = ctx.model.devcontainers.find((d) => d.file === l.file);
      const moved = l.ignoredRunArgs;
      // The options as written (`--security-opt seccomp=unconfined` when the value is the next entry), each with its first entry.
      const options: Array<{ text: string; first: Valued<string> }> = [];
      const caps: string[] = [];
      const secOpts: string[] = [];
      let workaround = false;
      for (let i = 0; i < moved.length; i++) {
        const a = moved[i]!;
        const m = /^--(cap-add|security-opt)(?:=(.*))?$/.exec(a.value);
        if (m) {
          // The value is the next runArgs entry when not joined with '='.
          const val = m[2] ?? moved[++i]?.value;
          if (!val) continue;
          options.push({ text: m[2] !== undefined ? a.value : `${a.value} ${val}`, first: a });
          if (m[1] === 'cap-add') caps.push(...val.split(',').map(normalizeCap));
          else if (isSeccompUnconfined(val)) workaround = true;
          else secOpts.push(val);
        } else if (a.value.startsWith('--privileged')) {
          options.push({ text: a.value, first: a });
          workaround = true;
        }
      }
      // The grant that is moved is the capability: seccomp=unconfined and privileged were the workaround for it (PTD002, PTD003).
      if (workaround && !caps.some((c) => c === 'SYS_PTRACE' || c === 'ALL')) caps.push('SYS_PTRACE');
      const fix = doc ? devcontainerMoveRunArgs(l.file, doc.root, moved, [...new Set(caps)], secOpts, false) : undefined;
      const list = options.map((o) => `\`${o.text}\``);
      const listed = list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
      const target = [caps.length > 0 ? `"capAdd": ${JSON.stringify([...new Set(caps)])}` : '', secOpts.length > 0 ? `"securityOpt": ${JSON.stringify(secOpts)}` : ''].filter(Boolean).join(' and ');
      ctx.report({
        message:
          `This dev container starts from Docker Compose (\`dockerComposeFile\`), and then \`runArgs\` is ignored: ${listed} ${options.length === 1 ? 'never reaches' : 'never reach'} the container, ` +
          `so the debugger runs without what you meant to give it. ` +
          (target
            ? `Fix: use ${target} in devcontainer.json (${caps.length + secOpts.length === 1 ? 'it applies' : 'they apply'} with Compose too)` +
              (workaround ? `; ${options.some((o) => o.text.startsWith('--privileged')) ? 'privileged mode' : 'seccomp=unconfined'} is left out: SYS_PTRACE is all the debugger needs, without turning off the container's other protections` : '') +
              `, or put the setting on the service in the Compose file.`
            : 'Fix: put the setting on the service in the Compose file.'),
        short: `\`runArgs\` is ignored with \`dockerComposeFile\`, so ${listed.length <= 80 ? listed : `its ${options.length} options`} ${options.length === 1 ? 'never reaches' : 'never reach'} the container.`,
        fixHint: target ? `Use ${target} in devcontainer.json, or put the setting on the service in the Compose file` : 'Put the setting on the service in the Compose file',
        span: options[0]?.first.span ?? moved[0]!.span,
        related: options.slice(1).map((o) => ({ span: o.first.span, message: `\`${o.text}\` is ignored too.` })),
        launch: l,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
