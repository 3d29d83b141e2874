/**
 * One temporary directory per test run, removed when the run ends: every test
 * (and every process a test starts) makes its temporary repositories under it
 * through TMPDIR, which os.tmpdir() reads. Without it each run left hundreds
 * of directories in /tmp (7,293 had piled up on a development machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
