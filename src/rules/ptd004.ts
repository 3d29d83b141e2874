import { devcontainerMoveRunArgs } from '../fix/editors.js';
import { normalizeCap } from '../model/launch.js';
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
      const caps: string[] = [];
      const secOpts: string[] = [];
      let privileged = false;
      for (let i = 0; i < moved.length; i++) {
        const v = moved[i]!.value;
        const m = /^--(cap-add|security-opt)(?:=(.*))?$/.exec(v);
        if (m) {
          // The value is the next runArgs entry when not joined with '='.
          const val = m[2] ?? moved[++i]?.value;
          if (!val) continue;
          if (m[1] === 'cap-add') caps.push(...val.split(',').map(normalizeCap));
          else secOpts.push(val);
        } else if (v.startsWith('--privileged')) privileged = true;
      }
      const fix = doc ? devcontainerMoveRunArgs(l.file, doc.root, moved, caps, secOpts, privileged) : undefined;
      const list = moved.filter((m) => m.value.startsWith('-')).map((m) => `\`${m.value}\``).join(', ');
      const target = [caps.length > 0 ? `"capAdd": ${JSON.stringify(caps)}` : '', secOpts.length > 0 ? `"securityOpt": ${JSON.stringify(secOpts)}` : '', privileged ? '"privileged": true' : '']
        .filter(Boolean)
        .join(', ');
      ctx.report({
        message:
          `This dev container starts from Docker Compose (\`dockerComposeFile\`), and then \`runArgs\` is ignored: ${list} never reaches the container, ` +
          `so the debugger runs without what you meant to give it. ` +
          (target ? `Fix: use ${target} in devcontainer.json (they apply with Compose too), or put the setting on the service in the Compose file.` : 'Fix: put the setting on the service in the Compose file.'),
        span: moved[0]!.span,
        related: moved.slice(1).map((m) => ({ span: m.span, message: 'Also ignored.' })),
        launch: l,
        ...(fix ? { fix } : {}),
      });
    }
  },
};

