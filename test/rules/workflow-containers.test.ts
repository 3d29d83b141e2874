/**
 * GitHub Actions job containers (`jobs.<id>.container`, which runs the job's `run:` steps) and service
 * containers (`jobs.<id>.services.<name>`) are launches: their `options:` are docker create flags, and the
 * rules apply as to any container. Fixes rewrite the options text and must leave a workflow that parses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const WF = '.github/workflows/ci.yml';

async function run(text: string, extra: Record<string, string> = {}) {
  const root = tempRepo({ [WF]: text, ...extra });
  roots.push(root);
  const r = await scan({ root });
  const found = r.findings.map((f) => `${f.ruleId}@${toLocation(f.span).startLine}:${f.severity}`).sort();
  const out = await applyFixes({ root, write: false });
  const after = out.changed.find((c) => c.path === WF)?.after ?? text;
  return { r, found, after, left: out.after.findings.map((f) => f.ruleId) };
}

const job = (container: string, steps: string): string => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n${container}    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('workflow job containers: what is found', () => {
  it('a step attaching with strace -p in a container without SYS_PTRACE: PTD001 error at the container key, fixed in options', async () => {
    const c = await run(job('    container:\n      image: golang:1.22\n      options: --init\n', '      - run: |\n          ./server &\n          strace -f -p $! -o trace.txt\n'));
    expect(c.found).toEqual(['PTD001@5:error']);
    expect(c.r.findings[0]!.message).toContain('the container of job "test"');
    expect(validate('workflow', c.after)).toBeUndefined();
    expect(parse(c.after).jobs.test.container.options).toBe('--init --cap-add=SYS_PTRACE');
    expect(c.left).toEqual([]);
  });

  it('dlv test in a container given as a bare image: PTD001 note, and the fix writes the container as a map', async () => {
    const c = await run(job('    container: golang:1.22\n', '      - run: go test ./... && dlv test ./pkg -- -test.run TestX\n'));
    expect(c.found).toEqual(['PTD001@5:note']);
    const y = parse(c.after);
    expect(y.jobs.test.container).toEqual({ image: 'golang:1.22', options: '--cap-add=SYS_PTRACE' });
    expect(y.jobs.test.steps).toHaveLength(2);
  });

  it('a script a step runs is read from the checked-out repository', async () => {
    const c = await run(job('    container:\n      image: golang:1.22\n', '      - run: ./scripts/debug-tests.sh\n'), { 'scripts/debug-tests.sh': '#!/bin/sh\ndlv attach "$(pgrep server)" --headless --listen=:2345\n' });
    expect(c.found).toEqual(['PTD001@5:error']);
    // No options yet: the fix adds the key.
    expect(parse(c.after).jobs.test.container).toEqual({ image: 'golang:1.22', options: '--cap-add=SYS_PTRACE' });
  });

  it('SYS_PTRACE with seccomp=unconfined: PTD002 at the value; the fix keeps the grant only', async () => {
    const c = await run(job('    container:\n      image: golang:1.22\n      options: --cap-add=SYS_PTRACE --security-opt seccomp=unconfined\n', '      - run: dlv test ./...\n'));
    expect(c.found).toEqual(['PTD002@7:warning']);
    expect(toLocation(c.r.findings[0]!.span).startColumn).toBe(52);
    expect(parse(c.after).jobs.test.container.options).toBe('--cap-add=SYS_PTRACE');
  });

  it('privileged next to the grant and seccomp off (one option line): PTD002 and PTD003, fixed together to the grant alone', async () => {
    const c = await run(job('    container:\n      image: acme/sim-dev:v1\n      options: --privileged --cap-add=SYS_PTRACE --security-opt apparmor=unconfined --security-opt seccomp=unconfined\n', '      - run: make test\n'));
    expect(c.found).toEqual(['PTD002@7:warning', 'PTD003@7:warning']);
    expect(validate('workflow', c.after)).toBeUndefined();
    expect(parse(c.after).jobs.test.container.options).toBe('--cap-add=SYS_PTRACE --security-opt apparmor=unconfined');
    expect(c.left).toEqual([]);
  });

  it('a folded options block: the removed flag takes its line', async () => {
    const c = await run(job('    container:\n      image: golang:1.22\n      options: >-\n        --privileged\n        --init\n', '      - run: gdb -batch -ex run --args ./app\n'));
    expect(c.found).toEqual(['PTD003@8:warning']);
    const y = parse(c.after);
    expect(y.jobs.test.container.options).toBe('--init --cap-add=SYS_PTRACE');
  });

  it('a service container whose options grant SYS_PTRACE next to seccomp=unconfined: PTD002 on the service', async () => {
    const c = await run(job('    services:\n      tracer:\n        image: acme/tracer:1\n        options: --cap-add SYS_PTRACE --security-opt seccomp=unconfined\n', '      - run: make test\n'));
    expect(c.found).toEqual(['PTD002@8:warning']);
    expect(c.r.findings[0]!.message).toMatch(/^The service container "tracer" of job "test"/);
    expect(parse(c.after).jobs.test.services.tracer.options).toBe('--cap-add SYS_PTRACE');
  });

  it('a headless dlv in the job container, reached by a later step on 127.0.0.1: no PTD006/PTD008', async () => {
    const c = await run(job('    container:\n      image: golang:1.22\n      options: --cap-add=SYS_PTRACE\n', '      - run: dlv exec ./bin/app --headless --listen=127.0.0.1:2345 --accept-multiclient --continue &\n      - run: ./scripts/check-debugger.sh 127.0.0.1:2345\n'));
    expect(c.found).toEqual([]);
  });
});

describe('workflow job containers: what must stay silent', () => {
  it('Docker-in-Docker: a privileged job container and service that run no debugger', async () => {
    const c = await run(job('    container:\n      image: docker:24\n      options: --privileged\n    services:\n      dind:\n        image: docker:24-dind\n        options: --privileged\n', '      - run: docker build -t app .\n      - run: go test ./...  # dlv is not used here\n'));
    expect(c.found).toEqual([]);
  });

  it('seccomp=unconfined for a coverage tool, with no debugger and no grant', async () => {
    const c = await run(job('    container:\n      image: rust:1\n      options: --security-opt seccomp=unconfined\n', '      - run: cargo tarpaulin --out Xml\n'));
    expect(c.found).toEqual([]);
  });

  it('a step on the runner (no container) running strace -p is not a container', async () => {
    const c = await run('on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: sudo strace -f -p 1 -o /tmp/t\n');
    expect(c.found).toEqual([]);
  });

  it('gdb on a core file in a privileged container (post-mortem: nothing is traced)', async () => {
    const c = await run(job('    container:\n      image: acme/sim:1\n      options: --privileged --security-opt seccomp=unconfined\n', '      - run: echo core > /proc/sys/kernel/core_pattern\n      - run: gdb build/bin/sim sim.core -ex "thread apply all bt" -ex quit\n'));
    expect(c.found).toEqual([]);
  });

  it('a debugging container already right: SYS_PTRACE, root, gdb installed and run', async () => {
    const c = await run(job('    container:\n      image: alpine:latest\n      options: --cap-add=SYS_PTRACE\n', '      - run: apk add gdb\n      - run: gdb -batch -ex run -ex bt --args ./test-binary\n'));
    expect(c.found).toEqual([]);
  });
});
