import { describe, expect, it } from 'vitest';
import { scanBrief, tempRepo } from '../helpers/repo.js';
import { at, findingsOf, fixAll } from './helpers.js';
import { disablesOptimizations } from '../../src/rules/ptd010.js';

describe('PTD010 debug-binary-optimized', () => {
  it('notes exec and attach targets built without -N -l', async () => {
    expect((await findingsOf('makefile-debug', 'PTD010')).map(at)).toEqual(['Dockerfile.debug:4']);
    const a = await findingsOf('compose-nonroot-attach', 'PTD010');
    expect(a.map(at)).toEqual(['Dockerfile:4']);
    expect(a[0]!.severity).toBe('note');
    expect(a[0]!.message).toContain('optimized away');
  });

  it('never reports dlv debug / dlv test, nor binaries built with -gcflags=all=-N -l', async () => {
    expect(await findingsOf('seccomp-profile', 'PTD010')).toEqual([]);
    expect(await findingsOf('devcontainer-attach', 'PTD010')).toEqual([]);
    expect(await findingsOf('legacy-go', 'PTD010')).toEqual([]);
    expect(await findingsOf('production', 'PTD010')).toEqual([]);
  });

  it('offers no edit of a build shared with the release stage', async () => {
    const f = await findingsOf('compose-shared-build', 'PTD010');
    expect(f.map(at)).toEqual(['Dockerfile:10']);
    expect(f[0]!.fix).toBeUndefined();
  });

  it('fix: adds -gcflags="all=-N -l" after go build and the note is gone', async () => {
    const out = await fixAll('compose-nonroot-attach');
    expect(out.text('Dockerfile')).toContain('RUN go build -gcflags="all=-N -l" -o /out/api ./cmd/api');
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD010')).toEqual([]);
  });

  it('follows the binary past a later COPY of another file into the same directory (dlv, a config)', async () => {
    const df = (copies: string) => `FROM golang:1.22 AS build\nWORKDIR /src\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nRUN go build -o ./bin/srv ./cmd/srv\nFROM alpine\nCOPY --from=build /src/bin/srv .\n${copies}CMD ["./dlv", "--listen=:40000", "--headless=true", "exec", "./srv"]\n`;
    const found = async (files: Record<string, string>) => (await scanBrief(tempRepo(files))).filter((f) => f.rule === 'PTD010').map((f) => `${f.path}:${f.line}`);
    expect(await found({ 'Dockerfile.debug': df('COPY --from=build /go/bin/dlv .\nCOPY config.yaml /\n') })).toEqual(['Dockerfile.debug:4']);
    // A directory copied whole over it still wins: the binary came from there (built outside this Dockerfile here).
    expect(await found({ 'Dockerfile.debug': df('COPY dist/ .\nCOPY --from=build /go/bin/dlv .\n') })).toEqual([]);
    expect(await found({ 'Dockerfile.debug': df('COPY --from=build /go/bin/dlv .\n').replace('-o ./bin/srv', '-gcflags "all=-N -l" -o ./bin/srv') })).toEqual([]);
  });

  it('reads the build through `RUN make TARGET` to a dot-named prerequisite, with the GOEXE suffix', async () => {
    const files = {
      'Dockerfile.debug': 'FROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN make build-go\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nFROM alpine\nCOPY --from=builder /src/bin/srv .\nCOPY --from=builder /go/bin/dlv .\nCMD ["./dlv", "--listen=:40000", "--headless=true", "exec", "./srv"]\n',
      Makefile: '.PHONY: build-go\nbuild-go: generate .build\n\ngenerate:\n\tgo generate ./...\n\n.build:\n\tCGO_ENABLED=0 go build \\\n\t\t-o ./bin/srv$(shell go env GOEXE) ./cmd/srv\n',
    };
    const f = (await scanBrief(tempRepo(files))).filter((x) => x.rule === 'PTD010');
    expect(f.map((x) => `${x.path}:${x.line}`)).toEqual(['Makefile:8']);
    // Built with the flags: nothing.
    const ok = { ...files, Makefile: files.Makefile.replace('go build \\', 'go build -gcflags="all=-N -l" \\') };
    expect((await scanBrief(tempRepo(ok))).filter((x) => x.rule === 'PTD010')).toEqual([]);
  });

  it('accepts the equivalent spellings', () => {
    expect(disablesOptimizations(['all=-N -l'])).toBe(true);
    expect(disablesOptimizations(['-N -l'])).toBe(true);
    expect(disablesOptimizations(['all=-l -N'])).toBe(true);
    expect(disablesOptimizations(['all=-N'])).toBe(false);
    expect(disablesOptimizations([])).toBe(false);
  });
});
