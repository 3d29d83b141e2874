import { editorFor } from '../fix/editors.js';
import { capitalized, commandText, launchName, where } from './describe.js';
import { dlvServers, forwarded, publications } from './ptd006.js';
import type { Rule } from './types.js';

export const ptd008: Rule = {
  meta: {
    id: 'PTD008',
    slug: 'delve-port-unpublished',
    title: 'Headless delve listens on a port that is never published',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 'Headless dlv listens on a port that the container never publishes (no ports, no -p, no forwardPorts, no host network), so the editor cannot connect.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      // Kubernetes: kubectl port-forward reaches any container port. Host or shared networks publish nothing themselves.
      // A Dockerfile's own launch has no runtime to publish ports; kubectl debug reaches the pod by port-forward.
      // A workflow's clients are its steps: in the job container itself, or on the job's network (services), never through a published port.
      if (l.kind === 'kubernetes' || l.kind === 'dockerfile' || l.kind === 'kubectl-debug' || l.kind === 'workflow' || l.kind === 'exec' || l.hostNetwork || l.sharedNetwork || l.publishAll) continue;
      const done = new Set<string>();
      for (const s of dlvServers(l)) {
        const port = s.listen?.port;
        // A loopback listen is PTD006's finding: publishing its port would reach nothing.
        if (!port || !s.listen || done.has(port) || s.listen.scope === 'loopback') continue;
        if (publications(l, port).length > 0 || forwarded(l, port)) continue;
        done.add(port);
        const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
        // A port read through the Compose file's variables is not written out as a number.
        const fix = s.listen.resolved ? undefined : editorFor(l).publishPort?.(port);
        const how =
          l.kind === 'devcontainer'
            ? `add ${port} to \`"forwardPorts"\` in devcontainer.json (the editor then forwards localhost:${port} to it)`
            : l.kind === 'compose'
              ? `add \`"127.0.0.1:${port}:${port}"\` to the service's \`ports\``
              : `add \`-p 127.0.0.1:${port}:${port}\` to the command`;
        ctx.report({
          message:
            `${who} runs the delve debugger server \`${commandText(s.tool)}\` (${where(s.tool.span)}) on port ${port}, but the container never publishes that port. ` +
            `Your editor's "connect to server" on localhost:${port} fails with "connection refused"` +
            (s.tool.words.some((w) => w.value === '--continue' || w.value === '--continue=true') ? '' : ', and the program waits for a debugger that never comes') +
            (l.kind === 'devcontainer' ? ' (unless the editor itself runs inside this dev container)' : '') +
            `. Fix: ${how}. Publishing on 127.0.0.1 keeps the unauthenticated debugger API off your network.`,
          short: l.kind === 'devcontainer'
            ? `Port ${port} is neither forwarded nor published: an editor outside the dev container cannot connect to it.`
            : s.tool.words.some((w) => w.value === '--continue' || w.value === '--continue=true')
              ? `Nothing publishes port ${port}, so the editor's connection to localhost:${port} is refused.`
              : `Nothing publishes port ${port}: the editor cannot connect, and the program waits for a debugger that never comes.`,
          fixHint: capitalized(how),
          span: s.listen.span,
          related: [{ span: l.anchor, message: 'The container is defined here.' }],
          launch: l,
          key: `unpublished:${port}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
