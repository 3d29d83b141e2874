// dockerfile-utils' CLI lints one file per process (`dockerfile-utils lint FILE`),
// which would make it look far slower than it is. This runs its library
// entry point, validate(), over every given Dockerfile in one process: the
// fairest (fastest) way to use it as a peer.
//
// Usage: node bench/peer-dockerfile-utils.mjs PEERS_DIR FILE...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [peers, ...files] = process.argv.slice(2);
const { validate } = createRequire(join(peers, 'package.json'))('dockerfile-utils');
let problems = 0;
for (const f of files) problems += validate(readFileSync(f, 'utf8')).length;
process.stdout.write(`${files.length} files, ${problems} problems\n`);
