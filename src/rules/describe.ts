/** Words the rules share, so every message speaks the same plain language. */
import { positionAt } from '../source.js';
import type { Launch } from '../model/launch.js';
import type { ToolUse } from '../model/commands.js';
import type { Span } from '../types.js';

/** The first letter upper-cased: a phrase that starts a sentence or a fix line. */
export function capitalized(s: string): string {
  return s.replace(/^./, (c) => c.toUpperCase());
}

export function where(s: Span): string {
  return `${s.file.path}:${positionAt(s.file, s.start).line}`;
}

/** "service "api"", "the dev container "Go"", "container "app" of Deployment/web", "the docker run line". */
export function launchName(l: Launch): string {
  switch (l.kind) {
    case 'compose':
      return `service "${l.name}"`;
    case 'devcontainer':
      return `the dev container "${l.name}"`;
    case 'kubernetes':
      return l.name;
    case 'run':
      return `\`${l.name.replace(/ \(line \d+\)$/, '')}\``;
    case 'dockerfile':
      return `the image of ${l.name}`;
    case 'kubectl-debug':
      return `the debug container of \`${l.name.replace(/ \(line \d+\)$/, '')}\``;
    case 'exec':
      return `\`${l.name.replace(/ \(line \d+\)$/, '')}\``;
    case 'workflow':
      return l.source.kind === 'workflow' && l.source.role === 'service' ? `the service container "${l.source.service}" of job "${l.source.job}"` : `the container of job "${l.source.kind === 'workflow' ? l.source.job : l.name}"`;
  }
}

/** How to grant a capability in this launch's own syntax. */
export function grantPhrase(l: Launch, cap = 'SYS_PTRACE'): string {
  // An Okteto service keeps its Deployment's securityContext (the manifest cannot set one for it).
  if (l.source.kind === 'okteto-service') return `add ${cap} to \`securityContext.capabilities.add\` of the container of the Deployment "${l.source.name}" (Okteto gives a service of a dev container the Deployment's own securityContext and accepts none in okteto.yml)`;
  switch (l.kind) {
    case 'compose':
      return `add \`cap_add: [${cap}]\` to the service`;
    case 'devcontainer':
      return `add \`"capAdd": ["${cap}"]\` to devcontainer.json`;
    case 'kubernetes':
      if (l.source.kind === 'devspace') return `add an \`op: add\` to the dev config's \`patches\` that puts ${cap} in the container's \`securityContext.capabilities.add\``;
      return `add ${cap} to \`securityContext.capabilities.add\` of the container`;
    case 'run':
      return `add \`--cap-add=${cap}\` to the command`;
    case 'dockerfile':
      return `run the image with \`--cap-add=${cap}\` (\`cap_add: [${cap}]\` in Compose, \`securityContext.capabilities.add\` in Kubernetes)`;
    case 'kubectl-debug':
      return cap === 'SYS_PTRACE' ? 'add `--profile=general` to the command (that profile adds SYS_PTRACE to the debug container)' : `give the debug container ${cap} with a \`--custom\` spec`;
    case 'workflow':
      return `add \`--cap-add=${cap}\` to the container's \`options:\``;
    case 'exec':
      return `give the container ${cap} where it is started (\`docker run --cap-add=${cap}\`, Compose \`cap_add: [${cap}]\`): \`docker exec\` has no --cap-add, and its processes get the container's capabilities`;
  }
}

/** A short quote of the command a tool use runs, e.g. `dlv attach 1`. */
export function commandText(t: ToolUse): string {
  const words = t.words.map((w) => w.value);
  const text = words.length > 0 ? words.slice(0, 4).join(' ') + (words.length > 4 ? ' …' : '') : t.tool;
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

/**
 * The tool by the name the file uses: gdb's remote stub is modelled as gdb, but a user who wrote
 * `gdbserver :1234 ./app` (or installed the gdbserver package) reads "gdbserver".
 */
export function toolName(t: ToolUse): string {
  if (t.tool !== 'gdb') return t.tool;
  const word = t.use === 'run' ? t.words[0] : t.words.find((w) => w.start === t.span.start);
  const v = word?.value ?? '';
  return /(?:^|\/)gdbserver(?:[=<>:~]|$)/.test(v) ? 'gdbserver' : t.tool;
}

export function toolDescription(t: ToolUse): string {
  if (t.use === 'install') return `installs ${t.tool === 'dlv' ? 'delve (dlv)' : toolName(t)}`;
  return `runs \`${commandText(t)}\``;
}
