/**
 * `docker exec --privileged CONTAINER <debugger>`: the exec'd process gets every capability, the workaround
 * for a container started without SYS_PTRACE. The container's own settings are not in the line, so only
 * PTD003 applies, with no automatic fix (docker exec has no --cap-add).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../../src/engine.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function found(files: Record<string, string>) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  return { r, found: r.findings.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}:${f.severity}`).sort() };
}

describe('docker exec of a debugger', () => {
  it('--privileged with dlv attach through a variable the script sets: PTD003 at the flag, no fix', async () => {
    const c = await found({ 'scripts/attach.sh': '#!/bin/bash\nCMD="dlv attach 1 --headless --listen=:2345 --api-version=2"\ndocker exec --privileged -it "$1" bash -c "$CMD"\n' });
    expect(c.found).toEqual(['PTD003@scripts/attach.sh:3:warning']);
    const f = c.r.findings[0]!;
    expect(f.fix).toBeUndefined();
    expect(f.message).toContain('docker exec');
    expect(f.message).toContain('has no --cap-add');
  });

  it('--privileged with strace -p written in a Makefile recipe', async () => {
    const c = await found({ Makefile: 'trace:\n\tdocker exec --privileged -it api strace -f -p 1\n' });
    expect(c.found).toEqual(['PTD003@Makefile:2:warning']);
  });

  it('nothing without --privileged (the container\'s capabilities are not known), nor for a privileged exec that runs no debugger', async () => {
    const c = await found({
      'scripts/a.sh': '#!/bin/sh\ndocker exec -it app dlv attach 1 --headless --listen=127.0.0.1:2345\n',
      'scripts/b.sh': '#!/bin/sh\n# strace is not used here\ndocker exec --privileged kind-control-plane sysctl -w fs.inotify.max_user_instances=8192\ndocker exec --privileged app tc qdisc add dev eth0 root netem delay 100ms\n',
      'scripts/c.sh': '#!/bin/sh\ndocker exec --privileged app gdb -c /tmp/core /app/server\n',
    });
    expect(c.found).toEqual([]);
  });
});
