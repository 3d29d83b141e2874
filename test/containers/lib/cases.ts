/**
 * The configurations under test. Each is a small repository under
 * test/containers/fixtures/<id>/ that goes through the project's own parser
 * and launch model; the container runs with the options that launch implies
 * (src/model/runtime.ts), before and after `--fix`.
 */

export type OpId = 'debug' | 'exec' | 'attach' | 'strace' | 'attach-root' | 'strace-root' | 'aslr' | 'api-local' | 'api-remote';

export const OPS: Array<{ id: OpId; title: string; what: string }> = [
  { id: 'debug', title: 'dlv debug', what: '`dlv debug` builds the program and runs it to a breakpoint on `main.tick`' },
  { id: 'exec', title: 'dlv exec', what: '`dlv exec` of the binary built the way the configuration builds it (its `-ldflags`/`-gcflags`), to a breakpoint' },
  { id: 'attach', title: 'dlv attach', what: '`dlv attach PID` to a running process of the container\'s user (started with `docker exec`, so not a descendant of the debugger), to a breakpoint' },
  { id: 'strace', title: 'strace -p', what: '`strace -p PID` on the same kind of process' },
  { id: 'attach-root', title: 'dlv attach (root target)', what: 'non-root configurations only: `dlv attach` to a process running as root' },
  { id: 'strace-root', title: 'strace -p (root target)', what: 'non-root configurations only: `strace -p` on a process running as root' },
  { id: 'aslr', title: 'ASLR off', what: '`setarch -R true`: the `personality(ADDR_NO_RANDOMIZE)` call delve uses to turn address-space randomisation off' },
  { id: 'api-local', title: 'API from loopback', what: 'headless configurations only: a JSON-RPC `RPCServer.GetVersion` request to the delve API from inside the container (its loopback)' },
  { id: 'api-remote', title: 'API from outside', what: 'headless configurations only: the same request from a second container on the same network, to the container\'s address — the path a published port takes' },
];

export interface CaseDef {
  id: string;
  title: string;
  /** The file in the fixture that holds the configuration (for links). */
  file: string;
  /** Rules that must report on this configuration (checked when the rule is registered). */
  flaggedBy: string[];
  /** Rules that must stay silent on it. */
  cleanFor: string[];
}

export const CASES: CaseDef[] = [
  { id: 'default', title: 'No flags: default capabilities and seccomp profile', file: 'docker-compose.yml', flaggedBy: ['PTD001'], cleanFor: [] },
  { id: 'seccomp-unconfined', title: '`seccomp=unconfined` alone (devcontainer.json `securityOpt`)', file: '.devcontainer/devcontainer.json', flaggedBy: ['PTD002'], cleanFor: [] },
  { id: 'cap-add', title: '`--cap-add=SYS_PTRACE` on a `docker run` line', file: 'scripts/debug.sh', flaggedBy: [], cleanFor: ['PTD001', 'PTD002', 'PTD003', 'PTD005', 'PTD013'] },
  { id: 'cap-drop-all', title: '`cap_drop: [ALL]` without SYS_PTRACE', file: 'docker-compose.yml', flaggedBy: ['PTD001'], cleanFor: [] },
  { id: 'cap-drop-all-ptrace', title: '`cap_drop: [ALL]` with `cap_add: [SYS_PTRACE]`', file: 'docker-compose.yml', flaggedBy: [], cleanFor: ['PTD001', 'PTD002', 'PTD003'] },
  { id: 'seccomp-needs-cap', title: 'seccomp profile that allows ptrace only with CAP_SYS_PTRACE (Docker before 19.03)', file: 'docker-compose.yml', flaggedBy: ['PTD013'], cleanFor: ['PTD001'] },
  { id: 'seccomp-no-ptrace', title: 'custom seccomp profile that denies ptrace, with `--cap-add=SYS_PTRACE` (Makefile)', file: 'Makefile', flaggedBy: ['PTD013'], cleanFor: ['PTD001'] },
  { id: 'non-root', title: 'SYS_PTRACE added, debugger runs as uid 1000', file: 'docker-compose.yml', flaggedBy: ['PTD005'], cleanFor: ['PTD001'] },
  { id: 'stripped', title: 'binary built with `-ldflags="-s -w"`, run with `dlv exec`', file: 'Dockerfile', flaggedBy: ['PTD009'], cleanFor: ['PTD001'] },
  { id: 'optimized', title: 'binary built without `-gcflags=all=-N -l`, run with `dlv exec`', file: 'Dockerfile', flaggedBy: ['PTD010'], cleanFor: ['PTD001', 'PTD009'] },
  { id: 'headless-loopback', title: 'headless dlv with `--listen=127.0.0.1:2345`, port published', file: 'docker-compose.yml', flaggedBy: ['PTD006'], cleanFor: ['PTD001'] },
  { id: 'headless-wildcard', title: 'headless dlv with `--listen=:2345`, published on 127.0.0.1', file: 'docker-compose.yml', flaggedBy: [], cleanFor: ['PTD001', 'PTD006', 'PTD007', 'PTD008'] },
  { id: 'privileged', title: '`privileged: true`', file: 'docker-compose.yml', flaggedBy: ['PTD003'], cleanFor: [] },
];
