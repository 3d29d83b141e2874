// The I/O floor: what any tool must at least do to look at a repository's
// container configuration. One process: list the tracked files with git,
// keep those whose name marks them as (possible) container config — the same
// names ptrace-doctor reads (see classifyByName in src/discover/index.ts) —
// and read each one. Prints "<files read> <bytes read>".
//
// Usage: node bench/floor.mjs ROOT
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isConfigName } from './names.mjs';

const root = process.argv[2] ?? '.';
const out = execFileSync('git', ['-C', root, 'ls-files', '-z'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
let files = 0;
let bytes = 0;
for (const rel of out.toString('utf8').split('\0')) {
  if (!rel || !isConfigName(rel)) continue;
  bytes += readFileSync(join(root, rel), 'utf8').length;
  files++;
}
process.stdout.write(`${files} ${bytes}\n`);
