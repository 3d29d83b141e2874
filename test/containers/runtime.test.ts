/** runtimeOptions: a launch → the docker run options it implies (no engine needed). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { dockerRunFlags, runtimeOptions } from '../../src/model/runtime.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function launchOf(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'ptd-rt-'));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  const r = await scan({ root });
  expect(r.launches.length).toBeGreaterThan(0);
  return { root: r.root, launch: r.launches[0]! };
}

const PROFILE = '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}';

describe('runtimeOptions', () => {
  it('Compose: capabilities normalised, seccomp:path resolved next to the compose file, user kept', async () => {
    const { root, launch } = await launchOf({
      'deploy/docker-compose.yml': 'services:\n  api:\n    image: golang:1.22\n    command: ["dlv", "attach", "1"]\n    user: "1000"\n    cap_add: [cap_sys_ptrace]\n    cap_drop: [ALL]\n    security_opt:\n      - seccomp:./seccomp.json\n      - no-new-privileges:true\n',
      'deploy/seccomp.json': PROFILE,
    });
    const o = runtimeOptions(launch);
    expect(o.capAdd).toEqual(['SYS_PTRACE']);
    expect(o.capDrop).toEqual(['ALL']);
    expect(o.securityOpt).toEqual([`seccomp=${join(root, 'deploy/seccomp.json')}`, 'no-new-privileges']);
    expect(o.seccompProfiles).toEqual([join(root, 'deploy/seccomp.json')]);
    expect(o.user).toBe('1000');
    expect(o.notes).toEqual([]);
    expect(dockerRunFlags(o)).toEqual(['--cap-drop=ALL', '--cap-add=SYS_PTRACE', `--security-opt=seccomp=${join(root, 'deploy/seccomp.json')}`, '--security-opt=no-new-privileges', '--user=1000']);
  });

  it('run line in a script: a profile path falls back to the root; unconfined and privileged carried over', async () => {
    const { root, launch } = await launchOf({
      'scripts/debug.sh': '#!/bin/sh\ndocker run --privileged --security-opt seccomp=unconfined --security-opt seccomp=profiles/p.json -p 127.0.0.1:2345:2345 img dlv debug\n',
      'profiles/p.json': PROFILE,
    });
    const o = runtimeOptions(launch);
    expect(o.privileged).toBe(true);
    expect(o.securityOpt).toEqual(['seccomp=unconfined', `seccomp=${join(root, 'profiles/p.json')}`]);
    expect(o.ports).toEqual([{ hostIp: '127.0.0.1', hostPort: '2345', containerPort: '2345', protocol: 'tcp' }]);
    expect(dockerRunFlags(o)[0]).toBe('--privileged');
  });

  it('a profile outside the scanned root is left out, with a note', async () => {
    const { launch } = await launchOf({
      'docker-compose.yml': 'services:\n  api:\n    image: golang:1.22\n    command: ["dlv", "debug"]\n    security_opt: ["seccomp=../outside.json", "seccomp=/etc/docker/seccomp.json"]\n',
    });
    const o = runtimeOptions(launch);
    expect(o.securityOpt).toEqual([]);
    expect(o.notes).toHaveLength(2);
  });

  it('a missing profile is resolved but noted', async () => {
    const { launch } = await launchOf({
      'docker-compose.yml': 'services:\n  api:\n    image: golang:1.22\n    command: ["dlv", "debug"]\n    security_opt: ["seccomp=missing.json"]\n',
    });
    const o = runtimeOptions(launch, { exists: () => false });
    expect(o.securityOpt[0]).toMatch(/^seccomp=\/.*\/missing\.json$/);
    expect(o.notes[0]).toMatch(/not found/);
  });

  it('devcontainer: a granting feature adds SYS_PTRACE at run time', async () => {
    const { launch } = await launchOf({
      '.devcontainer/devcontainer.json': '{ "image": "golang:1.22", "features": { "ghcr.io/devcontainers/features/go:1": {} }, "remoteUser": "vscode" }',
    });
    const o = runtimeOptions(launch);
    expect(o.capAdd).toEqual(['SYS_PTRACE']);
    expect(o.user).toBe('vscode');
  });
});
