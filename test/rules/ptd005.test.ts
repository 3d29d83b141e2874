import { describe, expect, it } from 'vitest';
import { at, findingsOf } from './helpers.js';
import { isRootUser } from '../../src/rules/ptd005.js';

describe('PTD005 cap-ineffective-non-root', () => {
  it('finds a non-root sidecar that attaches with SYS_PTRACE (user from the Dockerfile USER)', async () => {
    const f = await findingsOf('compose-nonroot-attach', 'PTD005');
    expect(f.map(at)).toEqual(['compose.yaml:13']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.launch).toBe('compose:compose.yaml#debugger');
    expect(f[0]!.message).toContain('user "app"');
    expect(f[0]!.message).toContain('dlv exec');
    expect(f[0]!.message).toMatch(/only to processes running as root/);
    expect(f[0]!.related.map((r) => at({ ...f[0]!, span: r.span }))).toContain('Dockerfile:12');
    expect(f[0]!.fix).toBeUndefined();
  });

  it('finds an editor attach configuration in a dev container whose remoteUser is not root', async () => {
    const f = await findingsOf('devcontainer-attach', 'PTD005');
    expect(f.map(at)).toEqual(['.vscode/launch.json:4']);
    expect(f[0]!.message).toContain('"vscode"');
  });

  it('stays quiet when the attaching tool runs as root, and on launch-mode debugging', async () => {
    const f = await findingsOf('compose-nonroot-attach', 'PTD005');
    expect(f.some((x) => x.launch?.endsWith('#tracer'))).toBe(false);
    expect(f.some((x) => x.launch?.endsWith('#api'))).toBe(false);
    // dlv exec as a non-root user with the capability: nothing to say.
    expect(await findingsOf('makefile-debug', 'PTD005')).toEqual([]);
    expect(await findingsOf('production', 'PTD005')).toEqual([]);
  });

  it('knows root spellings and leaves unresolved users alone', () => {
    expect(isRootUser('root')).toBe(true);
    expect(isRootUser('0:0')).toBe(true);
    expect(isRootUser('root:docker')).toBe(true);
    expect(isRootUser('vscode')).toBe(false);
    expect(isRootUser('1000:1000')).toBe(false);
    expect(isRootUser('${UID}:${GID}')).toBeUndefined();
  });
});
