import { describe, expect, it } from 'vitest';
import { DockerfileParser } from 'dockerfile-ast';
import { at, findingsOf, scanFixture, fixAll } from './helpers.js';
import { stripsDebugInfo } from '../../src/rules/ptd009.js';

describe('PTD009 debug-binary-stripped', () => {
  it('follows dlv exec → COPY --from=build → go build -o across stages (Compose override target)', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD009');
    expect(f.map(at)).toEqual(['Dockerfile:10']);
    expect(f[0]!.message).toContain('/app/api');
    expect(f[0]!.message).toContain('could not open debug info');
    // The same build makes the release image: no automatic edit of the shared line.
    expect(f[0]!.message).toContain('`prod`');
    expect(f[0]!.fix).toBeUndefined();
    expect(f[0]!.related.map((r) => r.span.file.path)).toContain('docker-compose.override.yml');
  });

  it('follows a Makefile docker run line to Dockerfile.debug, with WORKDIR-relative -o', async () => {
    const f = await findingsOf('makefile-debug', 'PTD009');
    expect(f.map(at)).toEqual(['Dockerfile.debug:4']);
    // PTD010 edits the same line (adds -gcflags): one fix makes both changes, offered on the first finding of the line.
    const all = (await scanFixture('makefile-debug')).findings.filter((x) => at(x) === 'Dockerfile.debug:4');
    const carrier = all.find((x) => x.fix);
    expect(carrier?.fix?.description).toMatch(/gcflags.*; and build the debug binary without -s\/-w/);
    expect(f[0]!.related.some((r) => /Fixed together with PTD010/.test(r.message))).toBe(true);
  });

  it('stays quiet on release builds without a debugger and on unstripped debug builds', async () => {
    expect(await findingsOf('production', 'PTD009')).toEqual([]);
    expect(await findingsOf('compose-nonroot-attach', 'PTD009')).toEqual([]);
    // The release Dockerfile of makefile-debug strips too, but nothing debugs it.
    expect((await findingsOf('makefile-debug', 'PTD009')).some((f) => f.span.file.path === 'Dockerfile')).toBe(false);
  });

  it('fix: drops the -ldflags "-s -w" flag, the Dockerfile still parses, and PTD009 is gone', async () => {
    const out = await fixAll('makefile-debug');
    const df = out.text('Dockerfile.debug');
    expect(df).not.toContain('-s -w');
    expect(df).toContain('# Debugger');
    expect(DockerfileParser.parse(df).getInstructions().length).toBeGreaterThan(5);
    expect(out.text('Dockerfile')).toContain('-ldflags "-s -w"');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD009')).toEqual([]);
  });

  it('recognises -s/-w in every spelling and respects -w=0', () => {
    expect(stripsDebugInfo('-s -w')).toBe(true);
    expect(stripsDebugInfo('all=-w')).toBe(true);
    expect(stripsDebugInfo('-X main.version=1.2 -s')).toBe(true);
    expect(stripsDebugInfo('-X main.version=1.2')).toBe(false);
    expect(stripsDebugInfo('-s -w=0')).toBe(false);
    expect(stripsDebugInfo('-extldflags -static')).toBe(false);
  });
});
