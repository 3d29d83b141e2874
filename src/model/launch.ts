/**
 * A launch: one container as it will actually run, linked across files.
 * Every fact carries the span it came from, so rules can point at it and
 * editors can change it.
 */
import type { Pair, YAMLMap } from 'yaml';
import type { DfStage, DockerfileDoc } from '../parse/dockerfile.js';
import type { YamlFile } from '../parse/yaml.js';
import type { GoBuild, Tool, ToolUse } from './commands.js';
import { parseImageRef } from './images.js';
import type { ComposeService, ServiceLayer } from './compose.js';
import type { DevcontainerDoc } from './devcontainer.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';
import type { SeccompProfileRef } from './seccomp.js';

/**
 * compose, devcontainer, kubernetes, run (a `docker run` line): a container and
 * the file that starts it. dockerfile: a Dockerfile stage that no file of the
 * repository runs (its runtime is unknown: a README line, an IDE, CI).
 * kubectl-debug: a `kubectl debug` command's debug container.
 * exec: a `docker exec` / `podman exec` of a debugger into a running container (whose own settings are not known here).
 * workflow: a GitHub Actions job container (`jobs.<id>.container`, which runs
 * the job's steps) or service container (`jobs.<id>.services.<name>`).
 */
export type LaunchKind = 'compose' | 'devcontainer' | 'kubernetes' | 'run' | 'dockerfile' | 'kubectl-debug' | 'workflow' | 'exec';

/** A flag of a command line, with its (separate or joined) value: what a fix removes or rewrites. */
export interface CommandFlag {
  name: string;
  value: string;
  start: number;
  end: number;
  /** Where the value starts (the whole flag for flags without a value). */
  valueStart?: number;
}

/**
 * Where a launch's own settings are written, as the parsers gave them: what a
 * fix edits (src/fix/editors.ts builds the edits from this; the model knows no edit).
 */
export interface ComposeSource {
  kind: 'compose';
  service: ComposeService;
  main: ServiceLayer;
  /** Anchors the service merges (`<<: *debug`), each with whether every service merging it is a debugging container. */
  anchors?: ReadonlyMap<YAMLMap, boolean>;
}

/** A workflow container's `options:` scalar as run flags. */
export interface WorkflowOptions {
  file: SourceFile;
  /** The text from the first word to the end of the last, when a fix may rewrite it (the source there is the value). */
  start?: number;
  end?: number;
  flags: CommandFlag[];
}

export interface WorkflowSource {
  kind: 'workflow';
  y: YamlFile;
  role: 'container' | 'service';
  job: string;
  service?: string;
  /** The `container:` / `services.<name>:` pair. */
  pair: Pair;
  /** Its map (absent for `container: IMAGE`). */
  map?: YAMLMap;
  options?: WorkflowOptions;
}

export type LaunchSource =
  | WorkflowSource
  | ComposeSource
  | { kind: 'devcontainer'; doc: DevcontainerDoc; compose?: ComposeSource; /** Local features' devcontainer-feature.json, where their settings are edited. */ features?: DevcontainerDoc[] }
  /** `rendered`: its securityContext is rendered from a Helm chart's values (the edit belongs in the values). */
  | { kind: 'kubernetes'; y: YamlFile; container: YAMLMap; name: string; rendered?: boolean }
  /** A DevSpace dev container: its `patches` (in `pod`) are where a grant goes, for the named container at that securityContext level. */
  | { kind: 'devspace'; y: YamlFile; pod: YAMLMap; name: string; container?: string; level: 'container' | 'securityContext' | 'capabilities' | 'add' }
  /** A `services:` item of an Okteto dev container: it takes its Deployment's securityContext, so nothing here is edited. */
  | { kind: 'okteto-service'; name: string }
  /** `compose`: a `docker compose run` line's service, where the settings the Compose file writes are edited. */
  | { kind: 'run'; file: SourceFile; insertAt: number; flags: CommandFlag[]; compose?: ComposeSource }
  | { kind: 'kubectl-debug'; file: SourceFile; insertAt: number; flags: CommandFlag[] }
  | { kind: 'dockerfile' }
  | { kind: 'exec' }
  /**
   * A container as a kustomization renders it, where the change is not a container of a patch file: a JSON 6902
   * patch's op, an `images:` entry (no automatic fix: the edit would be a new op).
   */
  | { kind: 'kustomize'; file: SourceFile };

export interface PortMapping {
  /** Host IP as written ('' when none: all interfaces). */
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: string;
  span: Span;
  /** Kubernetes: a hostPort on the container; a NodePort/LoadBalancer Service. */
  kind?: 'publish' | 'hostPort' | 'service';
  /** Kubernetes: the container port's name (Services may target it by name). */
  name?: string;
}

export interface Launch {
  /** Stable id: "<kind>:<path>#<name>". */
  id: string;
  kind: LaunchKind;
  name: string;
  /** Where findings about the launch as a whole are reported (service key, container name, `run` word). */
  anchor: Span;
  /** The main file of the launch (compose file, devcontainer.json, manifest, script). */
  file: SourceFile;
  image?: Valued<string>;
  /** The Dockerfile and stage it runs, when linked. */
  dockerfile?: DockerfileDoc;
  stage?: DfStage;
  /** Effective user: the launch's own setting, else the Dockerfile's USER. */
  user?: Valued<string>;
  /** Capability names as written; normalise with normalizeCap. */
  capAdd: Valued<string>[];
  capDrop: Valued<string>[];
  privileged?: Valued<boolean>;
  /** Privileged mode asked for by something that needs it for itself (a local Docker-in-Docker feature): its name. */
  privilegedFor?: Valued<string>;
  securityOpt: Valued<string>[];
  /** SYS_PTRACE granted by something outside the launch's own settings (a feature or an image). */
  grantedBy?: Valued<string>;
  /** Whether CAP_SYS_PTRACE ends up in the effective set. */
  hasPtrace: boolean;
  /**
   * The container's capabilities come from something the model does not read (a Helm template's
   * `{{- toYaml .Values.securityContext | nindent 12 }}`): whether it gets SYS_PTRACE is not known.
   */
  capsUnknown?: boolean;
  /** Debugger and build facts from every command the launch runs or its image ran. */
  tools: ToolUse[];
  builds: GoBuild[];
  ports: PortMapping[];
  /** network_mode: host / --network host / hostNetwork: true. */
  hostNetwork?: Span;
  /** network_mode: service:x / container:x / --network container:x: ports are published by the other container. */
  sharedNetwork?: Valued<string>;
  /** `docker run -P`: every EXPOSEd port is published on a random host port. */
  publishAll?: Span;
  /** devcontainer.json forwardPorts (the editor forwards them from inside the container). */
  forwardPorts?: Valued<string>[];
  /** Custom seccomp profiles (security_opt seccomp=PATH) found in the repository. */
  seccompProfiles?: SeccompProfileRef[];
  /** A Go devcontainer: the editor installs and runs dlv on demand. */
  goDevcontainer?: Valued<string>;
  /** An Okteto `forward` of delve's port (the developer runs dlv in the dev container's shell and connects through it). */
  debugForward?: Valued<string>;
  /** Editor attach configurations (.vscode/launch.json "request": "attach", processId). */
  editorAttach?: Span;
  /** devcontainer.json on Compose: the runArgs entries that Compose ignores. */
  ignoredRunArgs?: Valued<string>[];
  /** `setcap cap_sys_ptrace…` on a file of the image: file capabilities reach a non-root user too. */
  fileCapPtrace?: Span;
  /** pid: service:x, --pid=container:x, shareProcessNamespace: the container sees another's processes. */
  sharedPid?: Valued<string>;
  /**
   * A kernel tracing or BPF file system mounted into the container (`/sys/kernel/debug`, `/sys/kernel/security`,
   * `/sys/kernel/tracing`, `/sys/fs/bpf`): an eBPF agent (Beyla, bpftrace), which needs privileged mode for BPF.
   */
  tracingMount?: Valued<string>;
  /**
   * Where the container shows it is an eBPF instrumentation agent by what it is (EBPF_AGENT_IMAGE, EBPF_AGENT_ENV):
   * privileged for BPF, whatever capabilities it also asks for.
   */
  ebpfAgent?: Valued<string>;
  /** Kubernetes `shareProcessNamespace: true`: the pod's containers see each other's processes (evidence for PTD002/PTD003 only). */
  processNamespaceShared?: Span;
  /**
   * The container runs containers itself: a Docker-in-Docker dev container feature, a volume at the
   * engine's storage (`/var/lib/docker`). Privileged mode is for that, not for the debugger.
   */
  nestedEngine?: Valued<string>;
  /** `kubectl debug --profile=…` as written. */
  debugProfile?: Valued<string>;
  /** Where the launch's Dockerfile was found through an image name (images.ts): said in related locations. */
  linkNotes?: Related[];
  source: LaunchSource;
}

/** A mount target that is a container engine's storage (a nested Docker, containerd or Podman keeps its images there). */
export function isEngineStorage(target: string): boolean {
  return /^\/var\/lib\/(docker|containerd|containers)\/?$/.test(target.trim());
}

/** SYS_PTRACE, sys_ptrace, CAP_SYS_PTRACE → SYS_PTRACE; all → ALL. */
export function normalizeCap(cap: string): string {
  const c = cap.trim().toUpperCase().replace(/^["']|["']$/g, '');
  return c.startsWith('CAP_') ? c.slice(4) : c;
}

/** The SYS_PTRACE entry of the launch's own capability grants, if any. */
export function ptraceGrant(l: Launch): Valued<string> | undefined {
  return l.capAdd.find((c) => normalizeCap(c.value) === 'SYS_PTRACE');
}

/**
 * Is the launch a ptrace target? A debugger evidently runs (other than on a core
 * file, which traces nothing) or is installed, it
 * is a Go dev container or has an editor attach configuration, or it shows the
 * intent: it asks for SYS_PTRACE itself, or joins another container's PID
 * namespace (to see its processes, which is only useful to inspect them).
 */
export function isPtraceTarget(l: Launch): boolean {
  return l.tools.some((t) => t.mode !== 'post-mortem') || l.goDevcontainer !== undefined || l.debugForward !== undefined || l.editorAttach !== undefined || ptraceGrant(l) !== undefined || l.sharedPid !== undefined || askedInIgnoredRunArgs(l);
}

/** devcontainer.json on Compose whose (ignored) runArgs ask for SYS_PTRACE or its workarounds: the same intent. */
function askedInIgnoredRunArgs(l: Launch): boolean {
  return (l.ignoredRunArgs ?? []).some((a) => /SYS_PTRACE|seccomp[=:]unconfined|^--privileged/i.test(a.value));
}

/**
 * A debugging container as far as a workaround next to it is concerned
 * (PTD002, PTD003): a ptrace target, or a pod whose containers share one
 * process namespace (which alone is no reason to report a missing capability:
 * sidecars share it to send signals).
 */
export function isDebuggingContainer(l: Launch): boolean {
  return isPtraceTarget(l) || l.processNamespaceShared !== undefined;
}

/** Does anything in the launch attach to an already running process? */
export function attachUses(l: Launch): ToolUse[] {
  return l.tools.filter((t) => t.use === 'run' && t.mode === 'attach');
}

/**
 * eBPF instrumentation agents by what they are (Kubernetes containers and Compose services alike): OpenTelemetry Go
 * auto-instrumentation (`otel-go-instrumentation`, `autoinstrumentation-go`; configured by `OTEL_GO_AUTO_TARGET_EXE`),
 * OpenTelemetry eBPF Instrumentation and Grafana Beyla (`OTEL_EBPF_*`, `BEYLA_*`). They run privileged, often beside
 * the app's processes, to load BPF programs: no debugger, and SYS_PTRACE would not do.
 */
export const EBPF_AGENT_IMAGE = /(?:^|\/)(?:otel-go-instrumentation|autoinstrumentation-go|opentelemetry-go-instrumentation|ebpf-instrument|opentelemetry-ebpf-instrumentation|beyla)(?:[:@]|$)/i;
export const EBPF_AGENT_ENV = /^(?:OTEL_GO_AUTO_TARGET_EXE|OTEL_GO_AUTO_[A-Z_]+|OTEL_EBPF_[A-Z_]+|BEYLA_[A-Z_]+)$/;

/** Container paths of the kernel's tracing and BPF file systems (see Launch.tracingMount). */
const TRACING_FS = /^\/sys\/(?:kernel\/(?:debug|security|tracing)|fs\/bpf)\/?$/;

export function isTracingFs(containerPath: string): boolean {
  return TRACING_FS.test(containerPath.trim());
}

/**
 * A third-party debugger image by its name (`acme/lldb-server`, `…/delve`, `…/dlv`, `…/gdbserver`): the last
 * component of the repository is a debugger's own name, optionally `go-`/`golang-` before delve's and a version
 * after (`lldb-server-18`). Not an image whose name merely contains one (`acme/strace-exporter`,
 * `acme/delve-docs`), nor one that only says debug (`acme/app-debug`, `busybox:debug`, `…/debugger`), nor a
 * toolchain (`golang`), nor a tag (`acme/tools:gdb`): those ship an application or a shell, not the debugger
 * as what the container is for.
 */
const DEBUGGER_IMAGE_NAME = /^(?:(?:go-|golang-)?(delve|dlv)|(gdb)(?:-?server)?|(lldb)(?:-server)?|(strace)|(ltrace)|(py-spy))(?:-\d+(?:\.\d+)*)?$/i;

/** The debugger an image is by its name (see DEBUGGER_IMAGE_NAME), when the name is written without variables. */
export function debuggerImageTool(raw: string): Tool | undefined {
  const ref = parseImageRef(raw);
  if (!ref || ref.variableName) return undefined;
  const m = DEBUGGER_IMAGE_NAME.exec(ref.path.slice(ref.path.lastIndexOf('/') + 1));
  if (!m) return undefined;
  if (m[1]) return 'dlv';
  return (m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6])!.toLowerCase() as Tool;
}

/**
 * A container that runs a debugger image by name (a Compose service, a `docker run` line, a workflow container)
 * and shows no debugger otherwise has that debugger: the image ships it as what it runs (its build is not in the
 * repository, so nothing else says so). Evidence as an install, at the image's name.
 */
export function addDebuggerImage(l: Launch): void {
  if (!l.image || l.tools.some((t) => t.mode !== 'post-mortem')) return;
  const tool = debuggerImageTool(l.image.value);
  if (tool) l.tools.push({ tool, use: 'install', span: l.image.span, words: [] });
}
