import { editorFor } from '../fix/editors.js';
import type { Related } from '../types.js';
import { commandText, launchName, where } from './describe.js';
import { dlvServers, listenFix, portCovers, publications, servicesTargeting } from './ptd006.js';
import type { Rule } from './types.js';

const WILDCARD_HOST_IPS = new Set(['', '0.0.0.0', '::', '[::]']);
/** The port of delve's own examples (`dlv --listen=:2345`), which debug setups publish. */
const DELVE_PORT = '2345';

const RISK =
  'The delve API has no authentication: anyone who can open that port can make the debugged program run code of their choosing ' +
  '(call functions, write memory) and read everything in it.';

export const ptd007: Rule = {
  meta: {
    id: 'PTD007',
    slug: 'delve-api-exposed',
    title: 'The delve API is reachable from other machines',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'The headless delve API (no authentication: whoever reaches it runs code) is published on all host interfaces, on the host network, through a hostPort or a NodePort/LoadBalancer Service.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      const seen = new Set<string>();
      // delve in the image, started by hand (docker exec … dlv attach --headless), on the port its documentation uses.
      if (dlvServers(l).length === 0 && l.tools.some((t) => t.tool === 'dlv')) {
        for (const p of publications(l, DELVE_PORT)) {
          if (!WILDCARD_HOST_IPS.has(p.hostIp.trim())) continue;
          const fix = editorFor(l).bindPortToLoopback?.(p);
          const hostPort = p.hostPort || p.containerPort;
          ctx.report({
            severity: 'warning',
            message:
              `${launchName(l).replace(/^./, (c) => c.toUpperCase())} has delve in its image and publishes port ${DELVE_PORT} — the port delve's documentation uses for its API server — on every network interface of the host ` +
              `(\`${p.span.file.text.slice(p.span.start, p.span.end).trim()}\` binds 0.0.0.0; Docker's published ports also bypass host firewalls such as ufw). When dlv is started there headless (\`dlv attach --headless --listen=:${DELVE_PORT}\`), every machine that can reach this host can connect to it. ` +
              `${RISK} Fix: publish it on the loopback address only, \`127.0.0.1:${hostPort}:${p.containerPort}\`.`,
            short: `Port ${DELVE_PORT} is published on all host interfaces: a headless dlv started there would let whoever reaches it run code.`,
            fixHint: `Publish it on the loopback address only: \`127.0.0.1:${hostPort}:${p.containerPort}\``,
            span: p.span,
            related: l.tools.filter((t) => t.tool === 'dlv').slice(0, 1).map((t) => ({ span: t.span, message: 'delve is installed (or run) here.' })),
            launch: l,
            key: `default-port:${p.containerPort}:${p.hostPort}`,
            ...(fix ? { fix } : {}),
          });
        }
      }
      for (const s of dlvServers(l)) {
        const port = s.listen?.port;
        if (!port || !s.listen) continue;
        const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
        const cmd = `\`${commandText(s.tool)}\` (${where(s.tool.span)})`;
        const related: Related[] = [{ span: s.tool.span, message: `delve listens on ${s.listen.value} here.` }];

        // Published on every interface of the host.
        for (const p of publications(l, port)) {
          if (!WILDCARD_HOST_IPS.has(p.hostIp.trim()) || seen.has(`${p.span.file.path}:${p.span.start}`)) continue;
          seen.add(`${p.span.file.path}:${p.span.start}`);
          const fix = editorFor(l).bindPortToLoopback?.(p);
          const hostPort = p.hostPort || p.containerPort;
          ctx.report({
            message:
              `${who} runs the delve debugger server ${cmd} and publishes its port ${port} on every network interface of the host ` +
              `(\`${p.span.file.text.slice(p.span.start, p.span.end).trim()}\` binds 0.0.0.0; Docker's published ports also bypass host firewalls such as ufw). ` +
              `${RISK} Fix: publish it on the loopback address only, \`127.0.0.1:${hostPort}:${p.containerPort}\`; your editor on this machine still connects to localhost:${hostPort}, and from another machine use an SSH tunnel.`,
            short: `Port ${port} is published on all host interfaces: the unauthenticated delve API lets whoever reaches it run code.`,
            fixHint: `Publish it on the loopback address only: \`127.0.0.1:${hostPort}:${p.containerPort}\``,
            span: p.span,
            related,
            launch: l,
            key: `publish:${p.containerPort}:${p.hostPort}`,
            ...(fix ? { fix } : {}),
          });
        }

        // The host's own network: a wildcard listen address is every host interface.
        if (l.hostNetwork && s.listen.scope === 'wildcard') {
          const fix = listenFix(l, s, `127.0.0.1:${port}`, `Listen on 127.0.0.1:${port} (the host's loopback, with the host network)`);
          ctx.report({
            message:
              `${who} uses the host's network and runs ${cmd}, so delve listens on ${s.listen.value} of the host itself: every machine that can reach this host can connect to it. ` +
              `${RISK} Fix: \`--listen=127.0.0.1:${port}\` — with the host network the container's loopback is the host's, so your editor on this machine still connects to localhost:${port}.`,
            short: `On the host network delve listens on ${s.listen.value} of the host: its unauthenticated API lets whoever reaches it run code.`,
            fixHint: `Use \`--listen=127.0.0.1:${port}\` (with the host network, the host's loopback)`,
            span: s.listen.span,
            related: [{ span: l.hostNetwork, message: 'The container shares the host network here.' }],
            launch: l,
            key: `hostnet:${port}`,
            ...(fix ? { fix } : {}),
          });
        }

        if (l.kind !== 'kubernetes') continue;
        const forward = `kubectl port-forward <pod> ${port}:${port}`;
        // hostPort: every node interface.
        for (const p of l.ports.filter((x) => x.kind === 'hostPort' && portCovers(x.containerPort, port))) {
          ctx.report({
            message:
              `${who} runs the delve debugger server ${cmd} and exposes it with \`hostPort: ${p.hostPort}\`, which opens port ${p.hostPort} on the node's network interfaces. ` +
              `${RISK} Fix: remove the hostPort and reach the debugger with \`${forward}\`, which tunnels through the Kubernetes API with your own credentials and needs nothing published.`,
            short: `\`hostPort: ${p.hostPort}\` opens the unauthenticated delve API on the node's interfaces: whoever reaches it runs code.`,
            fixHint: `Remove the hostPort and use \`${forward}\``,
            span: p.span,
            related,
            launch: l,
            key: `hostPort:${p.containerPort}`,
          });
        }
        // NodePort / LoadBalancer Services that target the debugger port.
        for (const { service, port: sp } of servicesTargeting(ctx.model, l, port)) {
          if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
          ctx.report({
            message:
              `Service "${service.name}" (type ${service.type}) sends traffic to port ${port} of ${launchName(l)}, where the delve debugger server runs ${cmd}. ` +
              `A ${service.type} Service is reachable from outside the cluster${service.type === 'NodePort' ? ' on every node\'s address' : ' through a public load balancer'}. ` +
              `${RISK} Fix: remove the debugger port from this Service (or make it a ClusterIP Service) and use \`${forward}\`.`,
            short: `The ${service.type} Service "${service.name}" opens the unauthenticated delve API outside the cluster: whoever reaches it runs code.`,
            fixHint: `Remove the debugger port from the Service (or make it ClusterIP) and use \`${forward}\``,
            span: sp.span,
            related: [
              { span: service.typeSpan, message: `type: ${service.type}` },
              ...(service.typeFrom ? [{ span: service.typeFrom, message: `The chart's values.yaml makes the Service a ${service.type} here.` }] : []),
              ...(sp.off ? [sp.off] : []),
              ...related,
            ],
            launch: l,
            key: `service:${service.name}:${sp.port}`,
          });
        }
      }
    }
  },
};
