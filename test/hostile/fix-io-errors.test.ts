/**
 * --fix under I/O errors (issue 8). Tests run as root here, so a read-only
 * directory does not stop a write; instead node:fs is replaced by a test
 * double that fails one chosen call (open of the temp file, write, fsync,
 * rename) for paths under the test's repository, the way a full disk, a
 * read-only mount or a vanished directory would. The original must stay
 * intact, no temp file may be left behind, and the CLI must say so clearly
 * and keep counting the finding.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FsT from 'node:fs';

type Op = 'openSync' | 'writeSync' | 'fsyncSync' | 'renameSync';
const fault: { op?: Op; code?: string; under?: string } = {};

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof FsT>();
  const fail = (op: Op, path: unknown): void => {
    if (fault.op !== op) return;
    if (typeof path === 'string' && fault.under && !path.startsWith(fault.under)) return;
    const e = new Error(`${fault.code}: injected by the test`) as NodeJS.ErrnoException;
    e.code = fault.code;
    throw e;
  };
  const fds = new Map<number, string>();
  const openSync = ((p: FsT.PathLike, flags?: FsT.OpenMode, mode?: FsT.Mode) => {
    if (flags === 'wx') fail('openSync', String(p));
    const fd = real.openSync(p, flags ?? 'r', mode);
    fds.set(fd, String(p));
    return fd;
  }) as typeof real.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    fail('writeSync', fds.get(fd));
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof real.writeSync;
  const fsyncSync = ((fd: number) => {
    fail('fsyncSync', fds.get(fd));
    real.fsyncSync(fd);
  }) as typeof real.fsyncSync;
  const renameSync = ((a: FsT.PathLike, b: FsT.PathLike) => {
    fail('renameSync', String(b));
    real.renameSync(a, b);
  }) as typeof real.renameSync;
  const mod = { ...real, openSync, writeSync, fsyncSync, renameSync };
  return { ...mod, default: mod };
});

const { readFileSync, readdirSync, statSync, chmodSync } = await import('node:fs');
const { applyFixes } = await import('../../src/fix/apply.js');
const { main } = await import('../../src/cli/main.js');
const { tempRepo } = await import('../helpers/repo.js');

const DEBUG = 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n';
const OTHER = 'services:\n  worker:\n    image: x\n    command: strace -p 1\n';

afterEach(() => {
  delete fault.op;
  delete fault.code;
  delete fault.under;
});

describe('--fix under I/O errors', () => {
  it.each([
    ['openSync', 'EROFS'],
    ['openSync', 'EACCES'],
    ['writeSync', 'ENOSPC'],
    ['fsyncSync', 'EIO'],
    ['renameSync', 'EXDEV'],
    ['renameSync', 'ENOENT'],
  ] as const)('%s fails with %s: the original is intact, no temp file is left, the CLI says so and exits 1', async (op, code) => {
    const root = tempRepo({ 'a/docker-compose.yml': DEBUG, 'b/docker-compose.yml': OTHER });
    chmodSync(`${root}/a/docker-compose.yml`, 0o640);
    Object.assign(fault, { op, code, under: `${root}/a/` });
    let out = '';
    let err = '';
    const exit = await main([root, '--fix', '--no-color'], { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd: root });
    // The failing file: byte-identical, same mode, no leftovers.
    expect(readFileSync(`${root}/a/docker-compose.yml`, 'utf8')).toBe(DEBUG);
    expect(statSync(`${root}/a/docker-compose.yml`).mode & 0o777).toBe(0o640);
    expect(readdirSync(root, { recursive: true }).map(String).filter((n) => n.includes('.ptrace-doctor-'))).toEqual([]);
    // Clearly reported: which file, the error code, and that the original is unchanged.
    expect(err).toBe(`ptrace-doctor: a/docker-compose.yml could not be written (${code}); the original is unchanged\n`);
    // The other file is still fixed.
    expect(readFileSync(`${root}/b/docker-compose.yml`, 'utf8')).toContain('SYS_PTRACE');
    expect(out).toMatch(/Fixed 1 finding in 1 file/);
    // The finding in the file that could not be written is still to do, and still fails the run.
    expect(out).toMatch(/Still to do by hand[\s\S]*a\/docker-compose\.yml[\s\S]*PTD001/);
    expect(exit).toBe(1);
  });

  it('applyFixes: the outcome lists the failed file under skipped, not under changed, fixed or patch', async () => {
    const root = tempRepo({ 'docker-compose.yml': DEBUG });
    Object.assign(fault, { op: 'renameSync', code: 'EIO', under: root });
    const r = await applyFixes({ root, write: true });
    expect(r.skipped).toEqual([{ path: 'docker-compose.yml', reason: 'could not be written (EIO); the original is unchanged' }]);
    expect(r.changed).toEqual([]);
    expect(r.fixed).toEqual([]);
    expect(r.patch).toBe('');
    expect(r.after.findings.map((f) => f.ruleId)).toEqual(['PTD001']);
  });
});
