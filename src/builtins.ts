/**
 * Node built-in modules that only some runs use, loaded on first use. Neither
 * is part of Node's startup snapshot, so a static import costs every run its
 * load (a few ms each on a cold process): node:child_process is needed only
 * when git lists the files (not when the CLI is given file names, as a
 * pre-commit hook does), node:crypto only for a finding's fingerprint and
 * --fix's temporary file names: a clean scan never loads it. (A SHA-256 in
 * JavaScript instead, with the same output, was measured twice without a
 * clear gain: cold, 36 fingerprints cost more than loading node:crypto on
 * Node 20 and about 5 ms less on Node 24; whole-repository scans were within
 * noise either way.)
 */
import { createRequire } from 'node:module';
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';

const load = createRequire(import.meta.url);
let cp: typeof ChildProcess | undefined;
let crypto: typeof Crypto | undefined;

export function childProcess(): typeof ChildProcess {
  return (cp ??= load('node:child_process') as typeof ChildProcess);
}

export function nodeCrypto(): typeof Crypto {
  return (crypto ??= load('node:crypto') as typeof Crypto);
}
