/** Running docker (and anything else) without a shell: argv in, code and output out. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr, ANSI colours removed. */
  out: string;
}

export function strip(s: string): string {
  return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
}

export function run(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: stderr + String(e), out: strip(stdout + stderr + String(e)) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, out: strip(stdout + '\n' + stderr) });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

export const docker = (args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<Run> => run('docker', args, opts);

export interface EngineFacts {
  serverVersion: string;
  kernel: string;
  /** kernel.yama.ptrace_scope, or undefined when the kernel has no Yama LSM. */
  yama?: number;
  /** Whether `docker run --privileged` works on this engine, and if not, its error. */
  privileged: { ok: boolean; error?: string };
  image: string;
  tools: string;
  date: string;
  os: string;
}

export function yamaScope(): number | undefined {
  const p = '/proc/sys/kernel/yama/ptrace_scope';
  if (!existsSync(p)) return undefined;
  const n = Number(readFileSync(p, 'utf8').trim());
  return Number.isFinite(n) ? n : undefined;
}

/** The first line of output that says what went wrong, else the last line. */
export function errorLine(out: string): string {
  const lines = strip(out).split('\n').map((l) => l.replace(/^\(dlv\)\s*/, '').trim()).filter(Boolean);
  const bad = lines.find((l) => /not permitted|could not|cannot|can't|denied|refused|no such|unable|must not|does not own|error|fail/i.test(l) && !/^Type 'help'/.test(l));
  const line = bad ?? lines[lines.length - 1] ?? '(no output)';
  return line.length > 220 ? line.slice(0, 217) + '…' : line;
}
