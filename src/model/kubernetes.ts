/** Kubernetes workloads: one launch per container of every pod template. */
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { isScalar } from '../parse/yaml-lib.js';
import { bool, deref, get, getPath, isMapNode, items, nodeSpan, scalarWord, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { analyzeWords } from './commands.js';
import type { Word } from '../parse/shell.js';
import type { Linker } from './link.js';
import { imageTools, runFacts } from './project.js';
import { followContext } from './scripts.js';
import { chartInstalls, includeRendersNoCaps, helmImage, helmListVariant, helmRenderedMap, isTemplated, renderedPair, helmRenderedList, type ChartInstall, type HelmRenderedList, helmValue, offRegions, rendersHiddenCaps, setFlag, valuesSpan } from './helm.js';
import type { Region, TVal } from './gotemplate.js';
import { hasCapability } from './caps.js';
import type { Project } from './project.js';
import { EBPF_AGENT_ENV, EBPF_AGENT_IMAGE, isTracingFs, type Launch, type PortMapping } from './launch.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';

/** A list item of a container's command or args that runs a debugger (`/dlv`, `sh -c "gdb …"`). */
const DEBUGGER_WORD = /(?:^|[\s/'"])(?:dlv|gdb|gdbserver|lldb|lldb-server|strace|ltrace|py-spy)(?:$|[\s'";&|])/;

/**
 * eBPF instrumentation agents by what they are: OpenTelemetry Go auto-instrumentation (`otel-go-instrumentation`,
 * `autoinstrumentation-go`; configured by `OTEL_GO_AUTO_TARGET_EXE`), OpenTelemetry eBPF Instrumentation and Grafana
 * Beyla (`OTEL_EBPF_*`, `BEYLA_*`). They run privileged, beside the app in a shared PID namespace, to load BPF
 * programs into it: no debugger, and SYS_PTRACE would not do.
 */

/** Where a container shows it is an eBPF instrumentation agent (its image, or the env that configures one). */
function ebpfAgent(y: YamlFile, file: SourceFile, c: YNode, image: string | undefined, imageNode: YNode): Valued<string> | undefined {
  if (image !== undefined && EBPF_AGENT_IMAGE.test(image.replace(/\s+/g, ''))) return { value: `eBPF instrumentation agent (${image})`, span: nodeSpan(file, imageNode) };
  for (const e of items(y, get(y, c, 'env'))) {
    const n = str(get(y, e, 'name'));
    if (n && EBPF_AGENT_ENV.test(n)) return { value: `eBPF instrumentation agent (${n})`, span: nodeSpan(file, e) };
  }
  return undefined;
}

export const POD_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
  // Workload kinds of common operators that hold a Deployment's pod template: Argo Rollouts, OpenKruise,
  // and Crossplane's runtime config of a provider or function (where its dlv debug patches go).
  Rollout: ['spec', 'template', 'spec'],
  CloneSet: ['spec', 'template', 'spec'],
  AdvancedStatefulSet: ['spec', 'template', 'spec'],
  DeploymentRuntimeConfig: ['spec', 'deploymentTemplate', 'spec', 'template', 'spec'],
};

export interface K8sService {
  name: string;
  type: string;
  typeSpan: Span;
  /** A Helm template's `type: {{ .Values.service.type }}`: where the chart's values.yaml sets it. */
  typeFrom?: Span;
  /** port, targetPort (number or name), nodePort; `off`: a Helm branch the chart's default values do not render. */
  ports: Array<{ port: string; targetPort: string; span: Span; off?: Related }>;
  selector: Map<string, string>;
  namespace: string;
}

export interface K8sModel {
  launches: Launch[];
  services: K8sService[];
  /** Pod template labels per launch id (for Service selectors). */
  labels: Map<string, Map<string, string>>;
}

function labelsOf(y: YamlFile, n: YNode): Map<string, string> {
  const out = new Map<string, string>();
  const m = deref(y, n);
  if (isMapNode(m)) for (const p of m.items) { const k = str(p.key as Node); const v = str(deref(y, p.value)); if (k && v !== undefined) out.set(k, v); }
  return out;
}

function seqStrings(y: YamlFile, n: YNode): Valued<string>[] {
  return items(y, n).filter((i): i is Node => !!i && isScalar(i)).map((i) => ({ value: String((i as Scalar).value), span: nodeSpan(y.file, i) }));
}

/**
 * A related location for what sits in a Helm `{{- if … }}` branch that the chart's default values do not render:
 * a debug mode that is off by default is still shipped, so findings in it are reported, saying how it is turned on.
 */
function offNote(project: Project, file: SourceFile, offset: number, what: string, region?: Region, set?: string): Related | undefined {
  const r = region ?? offRegions(project, file, offset)[0];
  if (!r) return undefined;
  const flag = set ?? setFlag(r.cond);
  const nl = file.text.indexOf('\n', r.at);
  return {
    span: { file, start: r.at, end: nl < 0 ? file.text.length : nl },
    message: `${what} is rendered only when \`${r.cond}\` holds, which the chart's values.yaml leaves off: it is the chart's debug mode${flag ? `, turned on with \`helm install … ${flag}\`` : ''}.`,
  };
}

/**
 * A container's `command:`/`args:` that a Helm action renders whole, as words placed at the action: the action is
 * the key's value (`args: {{- include "x.args" . | nindent 12 }}`) or a line of its own below the key.
 */
/**
 * The template action that renders a key's value whole (`key: {{- toYaml … }}`, or a line of its own below a key
 * with no value of its own), with its offsets; undefined when the key has a value of its own or no such action.
 */
function keyAction(file: SourceFile, c: YAMLMap, key: string, verbs: RegExp, chosen?: unknown): { text: string; start: number; end: number } | undefined {
  const idx = chosen !== undefined ? c.items.indexOf(chosen as (typeof c.items)[number]) : c.items.findIndex((p) => str(p.key as Node) === key);
  if (idx < 0) return undefined;
  const pair = c.items[idx]!;
  const keyEnd = (pair.key as Node | null)?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const v = pair.value as Node | null;
  if (v && !(isScalar(v) && (v.value === null || String(v.value).includes('\u27e6')))) return undefined;
  const nextKey = (c.items[idx + 1]?.key as Node | null)?.range?.[0] ?? c.range?.[1] ?? file.text.length;
  const m = new RegExp(`\\{\\{-?\\s*(?:${verbs.source})\\b[^}]*\\}\\}`).exec(file.text.slice(keyEnd, nextKey));
  if (!m) return undefined;
  const start = keyEnd + m.index;
  return { text: m[0], start, end: start + m[0].length };
}

/** A container's or pod's `securityContext` that a Helm action renders whole from values, as these values render it. */
function renderedSecurityContext(project: Project, file: SourceFile, owner: YAMLMap, data: TVal | undefined): { sc: Record<string, TVal>; span: Span } | undefined {
  if (!isTemplated(file)) return undefined;
  // Of a key written in both branches of an if/else, the one these values render.
  const a = keyAction(file, owner, 'securityContext', /toYaml/, renderedPair(project, file, owner, 'securityContext', data));
  if (!a) return undefined;
  const sc = helmRenderedMap(project, file, a.text, a.start, data);
  return sc ? { sc, span: { file, start: a.start, end: a.end } } : undefined;
}

function renderedList(project: Project, file: SourceFile, c: YAMLMap, key: string, flip: HelmRenderedList['flip'], data?: TVal): { words: Word[]; note?: Related; flip?: HelmRenderedList['flip'] } | undefined {
  if (!isTemplated(file)) return undefined;
  const a = keyAction(file, c, key, /include|template|toYaml/);
  if (!a) return undefined;
  const { start, end } = a;
  const m = [a.text];
  const r = helmRenderedList(project, file.path, m[0], (ws) => ws.some((w) => DEBUGGER_WORD.test(w)) || (key === 'args' && delveArgs(ws)), flip, data);
  if (!r || r.items.length === 0) return undefined;
  const words: Word[] = r.items.map((value) => ({ value, start, end, quoted: true, map: Array.from({ length: value.length }, () => start) }));
  const note: Related | undefined = r.set ? { span: { file, start, end }, message: `These ${key} are rendered with a debugger only with \`helm install … ${r.set}\`: it is the chart's debug mode.` } : undefined;
  return { words, ...(note ? { note } : {}), ...(r.flip ? { flip: r.flip } : {}) };
}

/** Subcommands of dlv that start or attach to a program. */
const DLV_COMMANDS = new Set(['exec', 'debug', 'attach', 'test']);

/**
 * Whether a container's args are delve's command line without the `dlv` word: `--headless` and a `--listen`
 * before one of dlv's subcommands (`exec`, `debug`, `attach`, `test`) — flags no other program takes together.
 */
function delveArgs(args: Array<Word | string>): boolean {
  const values = args.map((w) => (typeof w === 'string' ? w : w.value));
  const sub = values.findIndex((v) => DLV_COMMANDS.has(v));
  if (sub < 1) return false;
  const before = values.slice(0, sub);
  return before.some((v) => v === '--headless' || v === '--headless=true') && before.some((v) => v === '-l' || v.startsWith('--listen'));
}

/** A rendered securityContext that grants SYS_PTRACE (or ALL, or privileged). */
function grantsPtrace(sc: Record<string, TVal> | undefined): boolean {
  if (!sc) return false;
  if (sc.privileged === true) return true;
  const caps = sc.capabilities;
  const add = caps && typeof caps === 'object' && !Array.isArray(caps) ? (caps as Record<string, TVal>).add : undefined;
  return Array.isArray(add) && add.some((x) => typeof x === 'string' && /^(CAP_)?SYS_PTRACE$|^ALL$/i.test(x));
}

/**
 * Whether this install of the chart turns the container's debug mode on: the container, or a debugger item of its
 * command or args, sits in a branch the chart's own values leave off and the install's values render; a command or
 * args rendered whole with a debugger only with them; or an image of theirs that the repository builds with one.
 */
function turnsOnDebug(project: Project, file: SourceFile, y: YamlFile, c: YAMLMap, install: ChartInstall, linker: Linker): boolean {
  const data = install.data;
  const at = c.range?.[0] ?? 0;
  const offNow = (o: number): boolean => offRegions(project, file, o).length > 0;
  const onWith = (o: number): boolean => offRegions(project, file, o, data).length === 0;
  if (offNow(at) && onWith(at)) return true;
  for (const key of ['command', 'args']) {
    for (const i of items(y, get(y, c, key))) {
      if (!i || !isScalar(i) || !DEBUGGER_WORD.test(String(i.value ?? ''))) continue;
      const o = i.range?.[0] ?? 0;
      if (offNow(o) && onWith(o)) return true;
    }
    if (items(y, get(y, c, key)).length === 0) {
      const a = keyAction(file, c, key, /include|template|toYaml/);
      if (a) {
        const dbg = (ws: string[]): boolean => ws.some((w) => DEBUGGER_WORD.test(w)) || (key === 'args' && delveArgs(ws));
        const own = helmRenderedList(project, file.path, a.text, () => true);
        const theirs = helmRenderedList(project, file.path, a.text, () => true, undefined, data);
        if (own && theirs && !dbg(own.items) && dbg(theirs.items)) return true;
      }
    }
  }
  const written = str(get(y, c, 'image'));
  if (written?.includes('{{')) {
    const own = helmImage(project, file.path, written);
    const theirs = helmImage(project, file.path, written, data);
    if (theirs && theirs !== own && (linker.image(theirs, [file])?.facts?.tools.length ?? 0) > 0 && !((own ? linker.image(own, [file])?.facts?.tools.length : 0) ?? 0)) return true;
  }
  return false;
}

/** Add the workloads and Services of these manifests to the model (a new one by default). */
export function kubernetesLaunches(project: Project, files: SourceFile[], linker: Linker, model: K8sModel = { launches: [], services: [], labels: new Map() }, opts: { quiet?: boolean; yaml?: YamlFile } = {}): K8sModel {
  for (const file of files) {
    // A kustomization's inline patch is read from a file of its own (kustomize.ts), parsed by the caller.
    const y = opts.yaml ?? project.yaml(file, opts);
    if (!y) continue;
    // A Helm template's `{{ .Values.debug.port }}`, as the chart's default values render it (as written elsewhere).
    const value = (n: YNode): string | undefined => {
      const v = str(n);
      return v !== undefined && v.includes('{{') ? helmValue(project, file.path, v) ?? v : v;
    };
    for (const doc of y.docs as Document[]) {
      const root = doc.contents as YNode;
      const kind = str(get(y, root, 'kind'));
      const metaName = str(getPath(y, root, ['metadata', 'name'])) ?? '';
      const namespace = str(getPath(y, root, ['metadata', 'namespace'])) ?? 'default';
      if (kind === 'Service') {
        const typeNode = getPath(y, root, ['spec', 'type']);
        const typeWritten = str(typeNode);
        const typeFrom = typeWritten?.includes('{{') ? valuesSpan(project, file.path, typeWritten) : undefined;
        model.services.push({
          name: metaName,
          type: (typeWritten !== undefined ? helmValue(project, file.path, typeWritten) : undefined) ?? 'ClusterIP',
          typeSpan: typeNode ? nodeSpan(file, typeNode) : nodeSpan(file, get(y, root, 'kind')),
          ...(typeFrom ? { typeFrom } : {}),
          ports: items(y, getPath(y, root, ['spec', 'ports'])).filter(isMapNode).map((p) => {
            const off = p.range ? offNote(project, file, p.range[0], 'This Service port') : undefined;
            return {
              port: value(get(y, p, 'port')) ?? '',
              targetPort: value(get(y, p, 'targetPort')) ?? value(get(y, p, 'port')) ?? '',
              span: nodeSpan(file, p),
              ...(off ? { off } : {}),
            };
          }),
          selector: labelsOf(y, getPath(y, root, ['spec', 'selector'])),
          namespace,
        });
        continue;
      }
      const podPath = kind ? POD_PATHS[kind] : undefined;
      if (!podPath) continue;
      const pod = getPath(y, root, podPath);
      if (!isMapNode(pod)) continue;
      const tmplLabels = labelsOf(y, kind === 'Pod' ? getPath(y, root, ['metadata', 'labels']) : getPath(y, root, [...podPath.slice(0, -1), 'metadata', 'labels']));
      const podSec = get(y, pod, 'securityContext');
      const hostNet = get(y, pod, 'hostNetwork');
      const shareNs = get(y, pod, 'shareProcessNamespace');
      for (const listKey of ['containers', 'initContainers', 'ephemeralContainers']) {
        for (const c of items(y, get(y, pod, listKey))) {
          if (!isMapNode(c)) continue;
          const cname = str(get(y, c, 'name')) ?? '?';
          // A chart the repository installs with values of its own (`helm upgrade … -f values-debug.yaml`, Tilt's
          // helm(set=…), a Skaffold release): the container as the install that turns its debug mode on renders it.
          // Else an install that renders the container's securityContext with SYS_PTRACE (the debugger runs whatever
          // the values, and that install is the one to debug with).
          const installs = chartInstalls(project, file.path);
          const install = installs.find((i) => turnsOnDebug(project, file, y, c, i, linker)) ?? installs.find((i) => grantsPtrace(renderedSecurityContext(project, file, c as YAMLMap, i.data)?.sc));
          const data = install?.data;
          const scPair = renderedPair(project, file, c as YAMLMap, 'securityContext', data);
          const sc = scPair ? (scPair.value as YNode) : get(y, c, 'securityContext');
          // `securityContext: {{- toYaml .Values.securityContext | nindent 12 }}`: as the values render it.
          const scRendered = renderedSecurityContext(project, file, c as YAMLMap, data);
          const podRendered = isMapNode(pod) ? renderedSecurityContext(project, file, pod, data) : undefined;
          const rCaps = scRendered?.sc.capabilities;
          const rList = (k: string): Valued<string>[] => {
            const v = rCaps && typeof rCaps === 'object' && !Array.isArray(rCaps) ? (rCaps as Record<string, TVal>)[k] : undefined;
            return Array.isArray(v) ? v.filter((x) => typeof x === 'string').map((x) => ({ value: x as string, span: scRendered!.span })) : [];
          };
          const capAdd = scRendered ? rList('add') : seqStrings(y, getPath(y, sc, ['capabilities', 'add']));
          const capDrop = scRendered ? rList('drop') : seqStrings(y, getPath(y, sc, ['capabilities', 'drop']));
          const privNode = get(y, sc, 'privileged');
          const privileged = scRendered
            ? typeof scRendered.sc.privileged === 'boolean' ? { value: scRendered.sc.privileged, span: scRendered.span } : undefined
            : privNode && bool(privNode) !== undefined ? { value: bool(privNode)!, span: nodeSpan(file, privNode) } : undefined;
          const securityOpt: Valued<string>[] = [];
          for (const s of [sc, podSec]) {
            const t = getPath(y, s, ['seccompProfile', 'type']);
            if (str(t) === 'Unconfined') { securityOpt.push({ value: 'seccomp=unconfined', span: nodeSpan(file, t) }); break; }
            if (t) break;
          }
          for (const r of [scRendered, podRendered]) {
            const t = r?.sc.seccompProfile;
            if (t && typeof t === 'object' && !Array.isArray(t) && (t as Record<string, TVal>).type === 'Unconfined' && securityOpt.length === 0) securityOpt.push({ value: 'seccomp=unconfined', span: r!.span });
          }
          // A user the values render: the container's, else the pod's.
          const renderedUser = [scRendered, podRendered].map((r) => (r && (typeof r.sc.runAsUser === 'number' || typeof r.sc.runAsUser === 'string') ? { value: String(r.sc.runAsUser), span: r.span } : undefined)).find((u) => u !== undefined);
          const renderedNonRoot = [scRendered, podRendered].find((r) => r?.sc.runAsNonRoot === true);
          const runAs = get(y, sc, 'runAsUser') ?? get(y, podSec, 'runAsUser');
          // runAsNonRoot without a runAsUser: some non-root user (the image's USER, which must not be 0).
          const nonRootNode = [get(y, sc, 'runAsNonRoot'), get(y, podSec, 'runAsNonRoot')].find((n) => bool(n) === true);
          const image = renderedPair(project, file, c, 'image', data)?.value as YNode | undefined ?? get(y, c, 'image');
          // A Helm template's image comes from the chart's values.
          const written = str(image);
          const imageName = written !== undefined ? helmImage(project, file.path, written, data) : undefined;
          // The image's Dockerfile, when the repository builds it (images.ts).
          const linked = imageName ? linker.image(imageName, [file]) : undefined;
          const img = linked?.facts;
          const scalarsOf = (key: string): Scalar[] => items(y, get(y, c, key)).filter((i): i is Scalar => !!i && isScalar(i));
          let cmdItems = scalarsOf('command');
          let argItems = scalarsOf('args');
          // A Helm template's command and args as the chart renders them: its debug mode's when a debugger is in a branch that is off.
          const listed = [...cmdItems, ...argItems];
          const variant = helmListVariant(project, file, listed.map((s) => s.range?.[0] ?? 0), (i) => DEBUGGER_WORD.test(String(listed[i]!.value ?? '')), data);
          // The branch the chart's own values leave off, for the note that says how the mode is turned on.
          const defaultVariant = data !== undefined ? helmListVariant(project, file, listed.map((s) => s.range?.[0] ?? 0), (i) => DEBUGGER_WORD.test(String(listed[i]!.value ?? ''))) : variant;
          if (variant) {
            const n = cmdItems.length;
            cmdItems = cmdItems.filter((_, i) => variant.keep[i]);
            argItems = argItems.filter((_, i) => variant.keep[n + i]);
          }
          let command = cmdItems.map((s) => scalarWord(file, s));
          let args = argItems.map((s) => scalarWord(file, s));
          // `args:` rendered whole by an action (`{{- include "x.args" . | nindent 12 }}`, `{{- toYaml .Values.args | nindent 12 }}`).
          const renderedNotes: Related[] = [];
          let flip: HelmRenderedList['flip'];
          for (const key of ['command', 'args'] as const) {
            if ((key === 'command' ? cmdItems : argItems).length > 0) continue;
            const r = renderedList(project, file, c, key, flip, data);
            if (!r) continue;
            flip = r.flip;
            if (key === 'command') command = r.words;
            else args = r.words;
            if (r.note) renderedNotes.push(r.note);
          }
          const wd = str(get(y, c, 'workingDir'));
          // An image not built here under this name: the script its command names, where a Dockerfile of the repository puts it.
          const named = command[0]?.value;
          const mounts = img?.mounts ?? (named?.startsWith('/') ? linker.copiedTo(named) : []);
          const follow = followContext(project, { mounts, workdir: wd ?? img?.stage.workdir ?? '/' });
          // command replaces the image's ENTRYPOINT (and drops its CMD); args replace CMD. A Tilt build's
          // entrypoint= takes precedence over the manifest's command of an app container too (Tilt injects it
          // there; an init container's one-shot command is left as written).
          let facts;
          if (command.length > 0 && listKey === 'containers' && linked?.entrypoint?.form === 'exec') facts = runFacts(linked.entrypoint, args.length > 0 ? { form: 'exec', words: args, span: nodeSpan(file, get(y, c, 'args')), facts: analyzeWords(file, args) } : undefined, follow);
          else if (command.length > 0) facts = analyzeWords(file, [...command, ...args], undefined, follow);
          else if (args.length > 0) {
            // A Tilt build's entrypoint= is the container's command; args follow it.
            const entry = linked?.entrypoint ?? img?.stage.entrypoint;
            facts = entry && entry.form === 'exec' ? runFacts(entry, { form: 'exec', words: args, span: nodeSpan(file, get(y, c, 'args')), facts: analyzeWords(file, args) }, follow) : analyzeWords(file, args, undefined, follow);
            // args that are delve's own command line (`--listen=:2345 --headless=true … exec ./app`) to an image whose
            // ENTRYPOINT the repository does not show: the entrypoint is dlv (a chart's debug mode for a debug image).
            if (!entry && facts.tools.length === 0 && delveArgs(args)) facts = analyzeWords(file, [{ ...args[0]!, value: 'dlv', quoted: true, map: Array.from({ length: 3 }, () => args[0]!.start) }, ...args], undefined, follow);
          } else facts = img ? (linked?.entrypoint ? runFacts(linked.entrypoint, undefined, follow) : runFacts(img.stage.entrypoint, img.stage.cmd, follow)) : { tools: [], builds: [] };
          if (img) facts = { tools: [...imageTools(img, command.length > 0 || args.length > 0, facts, follow, linked?.entrypoint), ...facts.tools], builds: [...img.builds, ...facts.builds] };
          // An action that cannot hide a capability: the securityContext read from values, one in a branch these values
          // leave off (that the container itself is not in), a named template whose render sets none.
          const hidesNothing = (at: number, cStart: number, rendered: Span | undefined): boolean =>
            (rendered !== undefined && at >= rendered.start && at < rendered.end) ||
            // (not a `with` block: one whose value the chart leaves unset is left to the installer, as above)
            offRegions(project, file, at, data).some((r) => !(r.start <= cStart && cStart < r.end) && !/^\{\{-?\s*with\b/.test(file.text.slice(r.at, r.at + 12))) ||
            includeRendersNoCaps(project, file, at, data);
          const ports: PortMapping[] = [];
          for (const p of items(y, get(y, c, 'ports'))) {
            if (!isMapNode(p)) continue;
            const hp = value(get(y, p, 'hostPort'));
            const cp = value(get(y, p, 'containerPort')) ?? '';
            const pname = str(get(y, p, 'name'));
            ports.push({ hostIp: str(get(y, p, 'hostIP')) ?? '', hostPort: hp ?? '', containerPort: cp, protocol: (str(get(y, p, 'protocol')) ?? 'TCP').toLowerCase(), span: nodeSpan(file, p), kind: hp ? 'hostPort' : 'service', ...(pname ? { name: pname } : {}) });
          }
          const tracingNode = items(y, get(y, c, 'volumeMounts')).find((m) => isMapNode(m) && isTracingFs(str(get(y, m, 'mountPath')) ?? ''));
          const agent = tracingNode ? undefined : ebpfAgent(y, file, c, imageName ?? written, image);
          const nameNode = get(y, c, 'name');
          const off = c.range ? offNote(project, file, c.range[0], 'This container', undefined, install ? '' : undefined) : undefined;
          // The container is outside the debug mode, its debugger command inside: say how the mode is turned on.
          const cmdOff = !off && defaultVariant?.region ? offNote(project, file, defaultVariant.region.at, 'This command', defaultVariant.region, install ? '' : defaultVariant.set) : undefined;
          const installNote: Related | undefined = install ? { span: install.override.span, message: `The repository installs the chart with values of its own here (${install.override.how}): the container is read as they render it.` } : undefined;
          const notes = [...(off ? [off] : []), ...(cmdOff ? [cmdOff] : []), ...(installNote ? [installNote] : []), ...renderedNotes, ...(linked?.related ?? [])];
          const id = `kubernetes:${file.path}#${kind}/${metaName}/${cname}`;
          const launch: Launch = {
            id,
            kind: 'kubernetes',
            name: `${kind}/${metaName} container ${cname}`,
            anchor: nodeSpan(file, nameNode ?? c),
            file,
            ...(image && str(image) ? { image: { value: str(image)!, span: nodeSpan(file, image) } } : {}),
            ...(runAs && str(runAs) !== undefined ? { user: { value: str(runAs)!, span: nodeSpan(file, runAs) } } : renderedUser ? { user: renderedUser } : nonRootNode ? { user: { value: 'non-root (runAsNonRoot)', span: nodeSpan(file, nonRootNode) } } : renderedNonRoot ? { user: { value: 'non-root (runAsNonRoot)', span: renderedNonRoot.span } } : img?.stage.user ? { user: img.stage.user } : {}),
            capAdd,
            capDrop,
            ...(privileged ? { privileged } : {}),
            securityOpt,
            hasPtrace: hasCapability('SYS_PTRACE', capAdd, capDrop, privileged?.value === true),
            ...(c.range && rendersHiddenCaps(file.text, c.range[0], c.range[2], (at) => hidesNothing(at, c.range![0], scRendered?.span)) ? { capsUnknown: true } : {}),
            tools: facts.tools,
            builds: facts.builds,
            ports,
            ...(bool(hostNet) ? { hostNetwork: nodeSpan(file, hostNet) } : {}),
            ...(bool(shareNs) ? { processNamespaceShared: nodeSpan(file, shareNs) } : {}),
            ...(tracingNode ? { tracingMount: { value: str(get(y, tracingNode, 'mountPath'))!, span: nodeSpan(file, tracingNode) } } : {}),
            ...(agent ? { ebpfAgent: agent } : {}),
            ...(img ? { dockerfile: img.dockerfile, stage: img.stage } : {}),
            ...(img?.fileCapPtrace ? { fileCapPtrace: img.fileCapPtrace } : {}),
            ...(notes.length > 0 ? { linkNotes: notes } : {}),
            ...(listKey === 'ephemeralContainers' && str(get(y, c, 'targetContainerName')) ? { sharedPid: { value: `container:${str(get(y, c, 'targetContainerName'))}`, span: nodeSpan(file, get(y, c, 'targetContainerName')) } } : {}),
            // A securityContext rendered from values is edited in the values, not in the template: no automatic fix.
            source: { kind: 'kubernetes', y, container: c as YAMLMap, name: cname, ...(scRendered ? { rendered: true } : {}) },
          };
          model.launches.push(launch);
          model.labels.set(id, tmplLabels);
        }
      }
    }
  }
  return model;
}
