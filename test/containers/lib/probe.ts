/**
 * Runs one configuration for real: a container with the options its launch
 * implies, and each debugger operation inside it.
 */
import { randomBytes } from 'node:crypto';
import { dockerRunFlags, runtimeOptions, type RuntimeOptions } from '../../../src/model/runtime.js';
import type { Launch } from '../../../src/model/launch.js';
import { docker, errorLine, type EngineFacts } from './docker.js';
import type { OpId } from './cases.js';

export type Status = 'works' | 'fails' | 'skipped';

export interface OpResult {
  status: Status;
  /** Error text when it fails; what showed it works otherwise; why when skipped. */
  detail: string;
  /** The command that was run (for the table). */
  command?: string;
}

export interface Observation {
  caseId: string;
  phase: 'before' | 'after';
  launchId: string;
  options: RuntimeOptions;
  flags: string[];
  /** The same flags with paths shown relative to the fixture (`./seccomp/profile.json`), for the table. */
  displayFlags: string[];
  /** Rule ids reported on the configuration in this phase. */
  findings: string[];
  /** Set when the whole case could not run (engine refused the options, setup failed). */
  skipped?: string;
  setupError?: string;
  ops: Partial<Record<OpId, OpResult>>;
  /** The build the case uses for exec/attach, as `go build` flags. */
  buildFlags: string[];
  listen?: string;
}

export const NETWORK = process.env.PTD_CT_NETWORK ?? 'ptd-ct-net';

const BREAK_SCRIPT = 'break main.tick\ncontinue\nexit\nn\n';
const HIT = /\(hits goroutine\(\d+\):\d+ total:\d+\)/;

function dlvResult(out: string, code: number): OpResult {
  if (HIT.test(out)) {
    const m = /> (main\.tick\(\)[^\n]*?) \(hits/.exec(out);
    const warn = /Warning: debugging optimized function/.test(out) ? ' (Warning: debugging optimized function)' : '';
    return { status: 'works', detail: `breakpoint hit: ${m?.[1] ?? 'main.tick()'}${warn}` };
  }
  return { status: 'fails', detail: code === 124 || code === 137 ? `timed out: ${errorLine(out)}` : errorLine(out) };
}

function straceResult(out: string): OpResult {
  const m = /strace: Process \d+ attached/.exec(out);
  if (m) return { status: 'works', detail: m[0] };
  // strace first tests PTRACE_TRACEME on itself; the attach error is the telling line.
  const attach = out.split('\n').find((l) => /attach: ptrace/.test(l));
  return { status: 'fails', detail: (attach ?? errorLine(out)).trim() };
}

/** The go build flags of the binary dlv runs: the build whose output dlv execs, else one with flags. */
export function buildFlagsOf(l: Launch): string[] {
  const target = l.tools.find((t) => t.dlv?.sub === 'exec')?.dlv?.target?.value;
  const b = l.builds.find((x) => target && x.output?.value === target) ?? l.builds.find((x) => x.ldflags.length + x.gcflags.length > 0);
  if (!b) return [];
  return [...b.ldflags.map((v) => `-ldflags=${v.value}`), ...b.gcflags.map((v) => `-gcflags=${v.value}`)];
}

export function listenOf(l: Launch): string | undefined {
  return l.tools.find((t) => t.dlv?.headless && t.dlv.listen)?.dlv?.listen?.value;
}

function rootOf(l: Launch): string {
  const abs = l.file.abs.split('\\').join('/');
  return abs.endsWith('/' + l.file.path) ? abs.slice(0, abs.length - l.file.path.length - 1) : abs;
}

function isRoot(user: string | undefined): boolean {
  if (!user) return true;
  const u = user.split(':')[0]!;
  return u === '0' || u === 'root';
}

async function waitFile(name: string, path: string, user?: string): Promise<string | undefined> {
  for (let i = 0; i < 50; i++) {
    const r = await docker(['exec', ...(user ? ['-u', user] : []), name, 'cat', path]);
    if (r.code === 0 && /^\d+$/.test(r.stdout.trim())) return r.stdout.trim();
    await new Promise((res) => setTimeout(res, 100));
  }
  return undefined;
}

function rpc(host: string, port: string): string {
  return (
    `exec 3<>/dev/tcp/${host}/${port} || exit 7; ` +
    `printf '%s\\n' '{"method":"RPCServer.GetVersion","params":[{}],"id":1}' >&3; ` +
    `read -t 5 -r line <&3 || exit 8; echo "$line"`
  );
}

function apiResult(r: { code: number; out: string }): OpResult {
  const m = /"DelveVersion":"Version: ([^\\"]+)/.exec(r.out);
  if (r.code === 0 && m) return { status: 'works', detail: `GetVersion answered (delve ${m[1]})` };
  return { status: 'fails', detail: errorLine(r.out) || `exit ${r.code}` };
}

export async function observe(opts: {
  image: string;
  engine: EngineFacts;
  caseId: string;
  phase: 'before' | 'after';
  launch: Launch;
  findings: string[];
}): Promise<Observation> {
  const { image, launch } = opts;
  const options = runtimeOptions(launch);
  const flags = dockerRunFlags(options);
  const listen = listenOf(launch);
  const obs: Observation = {
    caseId: opts.caseId,
    phase: opts.phase,
    launchId: launch.id,
    options,
    flags,
    displayFlags: flags.map((f) => f.split(rootOf(launch) + '/').join('./')),
    findings: opts.findings,
    ops: {},
    buildFlags: buildFlagsOf(launch),
    ...(listen ? { listen } : {}),
  };
  if (options.notes.length > 0) {
    obs.setupError = `the launch's options could not all be turned into docker run options: ${options.notes.join('; ')}`;
    return obs;
  }
  if (options.privileged && !opts.engine.privileged.ok) {
    obs.skipped = `skipped: this engine cannot run --privileged containers (${opts.engine.privileged.error ?? 'refused'})`;
    return obs;
  }
  const name = `ptd-ct-${opts.caseId}-${opts.phase}-${randomBytes(3).toString('hex')}`;
  const network = listen ? NETWORK : 'none';
  const started = await docker(['run', '-d', '--name', name, '--label', 'ptd-ct=1', `--network=${network}`, ...flags, image, 'sleep', 'infinity']);
  if (started.code !== 0) {
    obs.setupError = `docker run ${flags.join(' ')} failed: ${errorLine(started.out)}`;
    return obs;
  }
  try {
    const build = await docker(['exec', name, 'go', 'build', ...obs.buildFlags, '-o', '/tmp/app', '/src/loop'], { timeoutMs: 300_000 });
    if (build.code !== 0) {
      obs.setupError = `go build ${obs.buildFlags.join(' ')} failed: ${errorLine(build.out)}`;
      return obs;
    }
    const dlv = async (op: OpId, args: string[], user?: string): Promise<void> => {
      const r = await docker(['exec', '-i', ...(user ? ['-u', user] : []), name, 'timeout', '90', 'dlv', ...args, '--allow-non-terminal-interactive=true'], { input: BREAK_SCRIPT, timeoutMs: 120_000 });
      obs.ops[op] = { ...dlvResult(r.out, r.code), command: `dlv ${args.join(' ')}` };
    };
    await dlv('debug', ['debug', '--output', '/tmp/dbg', '/src/loop']);
    await dlv('exec', ['exec', '/tmp/app']);

    // Attach targets: started by `docker exec`, so no debugger is their ancestor (what Yama checks).
    const targets: Array<{ op: OpId; sop: OpId; user?: string; pidFile: string }> = [{ op: 'attach', sop: 'strace', pidFile: '/tmp/own.pid' }];
    if (!isRoot(options.user)) targets.push({ op: 'attach-root', sop: 'strace-root', user: '0', pidFile: '/tmp/root.pid' });
    for (const t of targets) {
      await docker(['exec', '-d', ...(t.user ? ['-u', t.user] : []), name, '/tmp/app', t.pidFile]);
      const pid = await waitFile(name, t.pidFile, t.user);
      if (!pid) {
        obs.ops[t.op] = { status: 'fails', detail: 'setup: the target did not start' };
        continue;
      }
      const who = t.user ? ' (target runs as root)' : '';
      // Pids change from run to run; the table shows PID.
      const anon = (r: OpResult): OpResult => ({ ...r, detail: r.detail.replace(new RegExp(`\\b${pid}\\b`, 'g'), 'PID') });
      await dlv(t.op, ['attach', pid]);
      obs.ops[t.op] = { ...anon(obs.ops[t.op]!), command: `dlv attach PID${who}` };
      const s = await docker(['exec', name, 'timeout', '3', 'strace', '-p', pid, '-e', 'trace=none']);
      obs.ops[t.sop] = { ...anon(straceResult(s.out)), command: `strace -p PID${who}` };
    }

    const a = await docker(['exec', name, 'setarch', '-R', 'true']);
    obs.ops.aslr = a.code === 0 ? { status: 'works', detail: 'personality(ADDR_NO_RANDOMIZE) allowed', command: 'setarch -R true' } : { status: 'fails', detail: errorLine(a.out), command: 'setarch -R true' };

    if (listen) {
      const port = /:(\d+)$/.exec(listen)?.[1];
      const cmd = ['exec', '--headless', '/tmp/app', `--listen=${listen}`, '--api-version=2', '--accept-multiclient'];
      if (!port) {
        obs.ops['api-local'] = { status: 'skipped', detail: `no port in --listen=${listen}` };
      } else {
        await docker(['exec', '-d', name, 'sh', '-c', `dlv ${cmd.join(' ')} >/tmp/dlv-headless.log 2>&1`]);
        let local: OpResult = { status: 'fails', detail: 'no answer' };
        for (let i = 0; i < 40; i++) {
          const r = await docker(['exec', name, 'bash', '-c', rpc('127.0.0.1', port)], { timeoutMs: 20_000 });
          local = apiResult(r);
          if (local.status === 'works') break;
          await new Promise((res) => setTimeout(res, 250));
        }
        if (local.status === 'fails') {
          const log = await docker(['exec', name, 'cat', '/tmp/dlv-headless.log']);
          local.detail = `${local.detail}; dlv: ${errorLine(log.out)}`;
        }
        obs.ops['api-local'] = { ...local, command: `dlv ${cmd.join(' ')}; client on 127.0.0.1:${port}` };
        const ip = (await docker(['inspect', '-f', `{{(index .NetworkSettings.Networks "${NETWORK}").IPAddress}}`, name])).stdout.trim();
        const r = await docker(['run', '--rm', '--label', 'ptd-ct=1', `--network=${NETWORK}`, image, 'bash', '-c', rpc(ip, port)], { timeoutMs: 60_000 });
        obs.ops['api-remote'] = { ...apiResult(r), command: `client in a second container → CONTAINER_IP:${port}` };
      }
    }
    return obs;
  } finally {
    await docker(['rm', '-f', name]);
  }
}
