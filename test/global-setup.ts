/**
 * One temporary directory per test run, removed when the run ends: every test
 * (and every process a test starts) makes its temporary repositories under it
 * through TMPDIR, which os.tmpdir() reads. Without it each run left hundreds
 * of directories in /tmp; after a few runs, creating the 100,000 files of the
 * size tests there took over a minute on ext4 instead of seconds, and CI's
 * second pass (Node 24) timed out.
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
