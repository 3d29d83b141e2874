/**
 * A launch: one container as it will actually run, linked across files.
 * Every fact carries the span it came from, so rules can point at it and
 * editors can change it.
 */
import type { DfStage, DockerfileDoc } from '../parse/dockerfile.js';
import type { GoBuild, ToolUse } from './commands.js';
import type { Fix, SourceFile, Span, Valued } from '../types.js';
import type { SeccompProfileRef } from './seccomp.js';

export type LaunchKind = 'compose' | 'devcontainer' | 'kubernetes' | 'run';

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

/** Format-specific edits for a launch; each returns undefined when it cannot edit safely. */
export interface LaunchEditor {
  /** Grant a capability in this launch's own file and syntax. */
  addCapability(cap: string): Fix | undefined;
  /** Remove a security option entry (e.g. seccomp=unconfined) and grant the capability instead. */
  replaceSecurityOpt(opt: Valued<string>, cap: string): Fix | undefined;
  /** Remove `privileged` and grant the capability instead. */
  replacePrivileged(cap: string): Fix | undefined;
  /** Publish a container port on 127.0.0.1 (PTD008). */
  publishPort?(port: string): Fix | undefined;
  /** Rewrite a published port to bind 127.0.0.1 on the host (PTD007). */
  bindPortToLoopback?(port: PortMapping): Fix | undefined;
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
  securityOpt: Valued<string>[];
  /** SYS_PTRACE granted by something outside the launch's own settings (a feature or an image). */
  grantedBy?: Valued<string>;
  /** Whether CAP_SYS_PTRACE ends up in the effective set. */
  hasPtrace: boolean;
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
  /** Editor attach configurations (.vscode/launch.json "request": "attach", processId). */
  editorAttach?: Span;
  /** devcontainer.json on Compose: the runArgs entries that Compose ignores. */
  ignoredRunArgs?: Valued<string>[];
  editor: LaunchEditor;
}

/** SYS_PTRACE, sys_ptrace, CAP_SYS_PTRACE → SYS_PTRACE; all → ALL. */
export function normalizeCap(cap: string): string {
  const c = cap.trim().toUpperCase().replace(/^["']|["']$/g, '');
  return c.startsWith('CAP_') ? c.slice(4) : c;
}

/** Is the launch a ptrace target (a debugger evidently runs or is installed)? */
export function isPtraceTarget(l: Launch): boolean {
  return l.tools.length > 0 || l.goDevcontainer !== undefined || l.editorAttach !== undefined;
}

/** Does anything in the launch attach to an already running process? */
export function attachUses(l: Launch): ToolUse[] {
  return l.tools.filter((t) => t.use === 'run' && t.mode === 'attach');
}
