#!/usr/bin/env node
import { writeSync } from 'node:fs';
import { main } from './main.js';

/**
 * Standard output written through before the next piece is made: a pipe's writes through process.stdout are
 * queued in memory when the reader is slower (a JSON report of 20 000 findings piped to jq doubled the peak
 * memory). A full pipe (EAGAIN) is waited on; a reader that went away (EPIPE: `| head`) ends the output.
 */
let closed = false;
const wait = new Int32Array(new SharedArrayBuffer(4));
function stdout(s: string): void {
  if (closed || s.length === 0) return;
  const buf = Buffer.from(s, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(wait, 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') {
        closed = true;
        return;
      }
      throw e;
    }
  }
}

main(process.argv.slice(2), {
  stdout,
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ptrace-doctor: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
