import { describe, expect, it } from 'vitest';
import { analyzeCommands } from '../../src/model/commands.js';
import { splitShell } from '../../src/parse/shell.js';
import { makeSourceFile } from '../../src/source.js';

function facts(text: string) {
  const file = makeSourceFile('x.sh', '/x.sh', 'shell', text);
  return { file, ...analyzeCommands(file, splitShell(text)) };
}

describe('command facts', () => {
  it('sees dlv attach as attaching and dlv debug as launching', () => {
    expect(facts('dlv attach 1 --headless').tools[0]).toMatchObject({ tool: 'dlv', use: 'run', mode: 'attach' });
    expect(facts('exec dlv debug ./cmd/api --headless --listen=:2345').tools[0]).toMatchObject({ tool: 'dlv', mode: 'launch', dlv: { sub: 'debug', headless: true } });
  });

  it('gives the exact span of the --listen value', () => {
    const f = facts('dlv exec /app --headless --listen=127.0.0.1:2345');
    const listen = f.tools[0]!.dlv!.listen!;
    expect(listen.value).toBe('127.0.0.1:2345');
    expect(f.file.text.slice(listen.span.start, listen.span.end)).toBe('127.0.0.1:2345');
    const g = facts('dlv exec /app --headless -l localhost:4000');
    expect(g.tools[0]!.dlv!.listen!.value).toBe('localhost:4000');
  });

  it('looks through init processes (tini, dumb-init) to the command they start', () => {
    expect(facts('/usr/bin/tini -s -- dlv exec --headless --listen=:2345 /app').tools[0]).toMatchObject({ tool: 'dlv', use: 'run', mode: 'launch', dlv: { sub: 'exec' } });
    expect(facts('dumb-init -r 15:2 -- strace -p 1').tools[0]).toMatchObject({ tool: 'strace', mode: 'attach' });
    expect(facts('tini -g gdb -p 7').tools[0]).toMatchObject({ tool: 'gdb', mode: 'attach' });
    // Their own flag values are not the command.
    expect(facts('tini -e 143 -- /app').tools).toEqual([]);
    expect(facts('tini -- echo dlv').tools).toEqual([]);
  });

  it('looks inside sh -c and through sudo, env and timeout', () => {
    expect(facts(`sh -c "sleep 1 && strace -p 1"`).tools[0]).toMatchObject({ tool: 'strace', mode: 'attach' });
    expect(facts('sudo -E env FOO=1 timeout 30 gdb -p 42').tools[0]).toMatchObject({ tool: 'gdb', mode: 'attach' });
    expect(facts('strace -f ./server').tools[0]).toMatchObject({ tool: 'strace', mode: 'launch' });
  });

  it('reads the commands of if/then/else, loops and groups (`if …; then go install …@latest; fi`)', () => {
    const f = facts('if [ "$TARGETARCH" = "amd64" ]; then go install github.com/go-delve/delve/cmd/dlv@latest; else echo skip; fi');
    expect(f.tools.map((t) => `${t.tool}:${t.use}:${t.install?.version ?? ''}`)).toEqual(['dlv:install:latest']);
    expect(facts('for p in 1 2; do strace -p $p; done').tools[0]).toMatchObject({ tool: 'strace', mode: 'attach' });
    expect(facts('{ gdb -p 1; }').tools[0]).toMatchObject({ tool: 'gdb', mode: 'attach' });
    // A quoted word is no reserved word, and the test of an if runs no debugger.
    expect(facts('"then" gdb -p 1').tools).toEqual([]);
    expect(facts('if [ -x /usr/bin/gdb ]; then echo yes; fi').tools).toEqual([]);
  });

  it('looks through init wrappers and their options (tini -s --, dumb-init --single-child)', () => {
    expect(facts('/usr/bin/tini -s -- dlv exec --headless --listen=:2345 /app').tools[0]).toMatchObject({ tool: 'dlv', mode: 'launch' });
    expect(facts('tini -p SIGTERM -- strace -p 1').tools[0]).toMatchObject({ tool: 'strace', mode: 'attach' });
    expect(facts('dumb-init --single-child gdb -p 7').tools[0]).toMatchObject({ tool: 'gdb', mode: 'attach' });
    // The wrapper alone, or with a program that is no debugger, runs none.
    expect(facts('tini -s -- /usr/local/bin/server --port 8080').tools).toEqual([]);
    expect(facts('dumb-init -- tini').tools).toEqual([]);
  });

  it('finds installs by apt, apk, dnf, pip and go', () => {
    const f = facts('apt-get install -y --no-install-recommends strace gdb && apk add --no-cache delve && pip install py-spy==0.3.14 && go install github.com/go-delve/delve/cmd/dlv@v1.22.1');
    expect(f.tools.map((t) => `${t.tool}:${t.install?.method}`)).toEqual(['strace:apt', 'gdb:apt', 'dlv:apk', 'py-spy:pip', 'dlv:go-install']);
    expect(f.tools[4]!.install!.version).toBe('v1.22.1');
    const old = facts('go get -u github.com/derekparker/delve/cmd/dlv');
    expect(old.tools[0]!.install).toMatchObject({ method: 'go-get', module: { value: 'github.com/derekparker/delve/cmd/dlv' } });
  });

  it('ignores version and help calls and unrelated commands', () => {
    expect(facts('dlv version && strace -V && gdb --version && echo dlv attach').tools).toEqual([]);
  });

  it('reads go build flags', () => {
    const f = facts(`go build -gcflags="all=-N -l" -ldflags "-s -w -X main.v=1" -o /out/app ./cmd/app`);
    expect(f.builds[0]!.output!.value).toBe('/out/app');
    expect(f.builds[0]!.ldflags[0]!.value).toBe('-s -w -X main.v=1');
    expect(f.builds[0]!.gcflags[0]!.value).toBe('all=-N -l');
  });
});
