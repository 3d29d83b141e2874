import { combineFixes, editorFor, makeFix } from '../fix/editors.js';
import { spanText } from '../source.js';
import type { ToolUse } from '../model/commands.js';
import type { Launch, PortMapping } from '../model/launch.js';
import type { K8sService } from '../model/kubernetes.js';
import type { Model } from '../model/index.js';
import type { Span } from '../types.js';
import { commandText, launchName, where } from './describe.js';
import type { Rule } from './types.js';

/** A dlv that serves its API over the network (--headless, or `dlv dap`). */
export interface DlvServer {
  tool: ToolUse;
  /** The --listen value and its exact span; absent when dlv picks 127.0.0.1:<random>. */
  listen?: { value: string; span: Span; host: string; port?: string; scope: 'loopback' | 'wildcard' | 'other'; /** Read through the Compose file's variables: no fix rewrites it. */ resolved?: boolean };
}

/** Split host:port as dlv's --listen takes it (host may be empty or [v6]). */
export function parseListen(value: string): { host: string; port?: string } {
  const v = value.trim().replace(/^["']|["']$/g, '');
  const m = /^(\[[^\]]*\]|[^:]*):([^:]*)$/.exec(v);
  if (!m) return { host: v };
  const port = /^\d+$/.test(m[2]!) ? m[2]! : undefined;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), ...(port ? { port } : {}) };
}

function scopeOf(host: string): 'loopback' | 'wildcard' | 'other' {
  const h = host.toLowerCase();
  if (h === '' || h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0') return 'wildcard';
  if (h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === 'ip6-localhost') return 'loopback';
  return 'other';
}

/** Every dlv API server a launch runs (deduplicated by command span). */
export function dlvServers(l: Launch): DlvServer[] {
  const out: DlvServer[] = [];
  const seen = new Set<string>();
  for (const t of l.tools) {
    if (t.tool !== 'dlv' || t.use !== 'run' || !t.dlv) continue;
    if (!t.dlv.headless && t.dlv.sub !== 'dap') continue;
    if (['version', 'help', 'connect', ''].includes(t.dlv.sub)) continue;
    const k = `${t.span.file.path}:${t.span.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const lv = t.dlv.listen;
    if (!lv) { out.push({ tool: t }); continue; }
    const resolved = t.dlv.listenResolved;
    const { host, port } = parseListen(resolved ?? lv.value);
    out.push({ tool: t, listen: { value: lv.value, span: lv.span, host, ...(port ? { port } : {}), scope: scopeOf(host), ...(resolved !== undefined ? { resolved: true } : {}) } });
  }
  return out;
}

/** Does a published container port (a number or a range such as 2345-2350) cover port? */
export function portCovers(containerPort: string, port: string): boolean {
  const p = Number(port);
  const m = /^(\d+)(?:-(\d+))?$/.exec(containerPort.trim());
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  return lo <= p && p <= hi;
}

/** Docker-style publications (compose ports, -p, appPort) of a container port. */
export function publications(l: Launch, port: string): PortMapping[] {
  return l.ports.filter((p) => (p.kind ?? 'publish') === 'publish' && portCovers(p.containerPort, port));
}

/** Is the devcontainer port forwarded by the editor (forwardPorts: N or "host:N")? */
export function forwarded(l: Launch, port: string): boolean {
  return (l.forwardPorts ?? []).some((f) => f.value === port || f.value.endsWith(`:${port}`));
}

/** Kubernetes Services that select this container and target port (by number or by the container port's name). */
export function servicesTargeting(model: Model, l: Launch, port: string): Array<{ service: K8sService; port: K8sService['ports'][number] }> {
  if (l.kind !== 'kubernetes') return [];
  const labels = model.kubernetes.labels.get(l.id);
  if (!labels) return [];
  const names = l.ports.filter((p) => p.containerPort === port && p.name).map((p) => p.name!);
  const out: Array<{ service: K8sService; port: K8sService['ports'][number] }> = [];
  for (const s of model.kubernetes.services) {
    if (s.selector.size === 0) continue;
    if (![...s.selector].every(([k, v]) => labels.get(k) === v)) continue;
    for (const sp of s.ports) if (sp.targetPort === port || names.includes(sp.targetPort)) out.push({ service: s, port: sp });
  }
  return out;
}

/** Replace the --listen value in place, when the source text is exactly the value. */
export function listenFix(l: Launch, server: DlvServer, value: string, description: string) {
  const lv = server.listen;
  // A value read through variables stays as written: the fix would put their values in its place.
  if (!lv || lv.resolved || spanText(lv.span) !== lv.value) return undefined;
  return makeFix(description, [{ path: lv.span.file.path, start: lv.span.start, end: lv.span.end, text: value }], [lv.span.file, l.file]);
}

export const ptd006: Rule = {
  meta: {
    id: 'PTD006',
    slug: 'delve-listens-on-loopback',
    title: 'Headless delve listens on 127.0.0.1 inside the container',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'Headless dlv listens on 127.0.0.1/localhost (or on a random loopback port) inside a container, so the debugger cannot be reached through the published port.',
  },
  check(ctx) {
    for (const l of ctx.launches) {
      // With the host's network the container's 127.0.0.1 is the host's: reachable, and the safe choice.
      if (l.hostNetwork || l.kind === 'kubectl-debug' || l.kind === 'exec') continue;
      // A job container's debugger clients are the job's later steps, run inside the same container: its 127.0.0.1 reaches them.
      if (l.source.kind === 'workflow' && l.source.role === 'container') continue;
      for (const s of dlvServers(l)) {
        const who = launchName(l).replace(/^./, (c) => c.toUpperCase());
        const cmd = `\`${commandText(s.tool)}\` (${where(s.tool.span)})`;
        if (!s.listen) {
          // The editor inside a dev container can still read the random port from the log; elsewhere nobody can.
          if (l.kind === 'devcontainer') continue;
          ctx.report({
            message:
              `${who} runs ${cmd} without \`--listen\`. Headless dlv then listens on a random port of 127.0.0.1 inside the container, ` +
              `which nothing outside the container can reach: your editor's "connect to server" fails with "connection refused" or times out. ` +
              `Fix: add \`--listen=:2345\` (all interfaces inside the container) and publish that port on 127.0.0.1 of the host.`,
            short: 'Without `--listen`, headless dlv listens on a random port of the container\'s own 127.0.0.1, which nothing outside it can reach.',
            fixHint: 'Add `--listen=:2345` and publish that port on 127.0.0.1 of the host',
            span: s.tool.span,
            launch: l,
            key: `${spanText(s.tool.span).slice(0, 120)}#nolisten`,
          });
          continue;
        }
        if (s.listen.scope !== 'loopback' || !s.listen.port) continue;
        const port = s.listen.port;
        const pubs = publications(l, port);
        const svcs = servicesTargeting(ctx.model, l, port);
        const hostPorts = l.ports.filter((p) => p.kind === 'hostPort' && portCovers(p.containerPort, port));
        let reached: string;
        let reachedShort: string;
        if (l.kind === 'kubernetes') {
          // kubectl port-forward connects to the pod's own loopback, so 127.0.0.1 works with it; Services and hostPorts do not.
          if (svcs.length === 0 && hostPorts.length === 0) continue;
          reached = svcs.length > 0 ? `Service "${svcs[0]!.service.name}" sends traffic to the pod's IP address on port ${port}` : `the hostPort sends traffic to the pod's IP address on port ${port}`;
          reachedShort = `${svcs.length > 0 ? `Service "${svcs[0]!.service.name}"` : 'The hostPort'} sends traffic to the pod's IP, not its 127.0.0.1: connections to port ${port} are refused.`;
        } else if (l.kind === 'devcontainer') {
          // The editor forwards ports from inside the container, where 127.0.0.1 works.
          if (pubs.length === 0 || forwarded(l, port)) continue;
          reached = `port ${port} is published (${where(pubs[0]!.span)}), and Docker delivers published traffic to the container's network interface, not to its 127.0.0.1`;
          reachedShort = `Docker delivers published port ${port} to the container's network interface, not its 127.0.0.1: connections are refused.`;
        } else {
          reached = pubs.length > 0
            ? `port ${port} is published (${where(pubs[0]!.span)}), but Docker delivers published traffic to the container's network interface, not to its 127.0.0.1`
            : `nothing outside the container can reach the container's 127.0.0.1`;
          reachedShort = pubs.length > 0
            ? `Docker delivers published port ${port} to the container's network interface, not its 127.0.0.1: connections are refused.`
            : `The container's 127.0.0.1 is its own: nothing outside the container can reach port ${port} there.`;
        }
        const listen = listenFix(l, s, `:${port}`, `Listen on :${port} (all interfaces inside the container)`);
        // A port nothing publishes yet is published with it (on 127.0.0.1), so the fix leaves nothing for PTD008 to say.
        const publish = listen && pubs.length === 0 && (l.kind === 'compose' || l.kind === 'run') && !l.sharedNetwork && !l.publishAll ? editorFor(l).publishPort?.(port) : undefined;
        const fix = publish ? combineFixes(`Listen on :${port} and publish port ${port} on 127.0.0.1 of the host`, [listen, publish]) : listen;
        ctx.report({
          message:
            `${who} runs ${cmd}, which makes delve listen on ${s.listen.value} — the loopback address inside the container. ` +
            `Each container has its own 127.0.0.1, and ${reached}. Your editor's connection to the debugger fails with "connection refused" ` +
            `(or "connection reset by peer"), although dlv logs "API server listening at: ${s.listen.value}". ` +
            `Fix: \`--listen=:${port}\`, which listens on every interface inside the container; keep the host side private by publishing it as 127.0.0.1:${port}:${port}.`,
          short: reachedShort,
          fixHint: `Use \`--listen=:${port}\` (every interface inside the container)${l.kind === 'kubernetes' ? '' : ` and publish it as 127.0.0.1:${port}:${port}`}`,
          span: s.listen.span,
          related: [
            ...pubs.slice(0, 1).map((p) => ({ span: p.span, message: `Port ${port} is published here.` })),
            ...svcs.slice(0, 1).map((x) => ({ span: x.port.span, message: `This Service targets port ${port}.` })),
          ],
          launch: l,
          key: s.listen.value,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
