/** Unit tests of the pieces the linking model is built from. */
import { describe, expect, it } from 'vitest';
import { ImageIndex, parseImageRef } from '../../src/model/images.js';
import { interpolate, parseDotEnv } from '../../src/model/env.js';
import { markdownCommands } from '../../src/parse/markdown.js';
import { starlarkCalls } from '../../src/parse/starlark.js';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import { parseShortPort, splitPortSpec } from '../../src/model/compose.js';
import { globTest } from '../../src/model/kustomize.js';
import { bindMount } from '../../src/model/scripts.js';
import { makeSourceFile } from '../../src/source.js';
import { commandsOfTargets, makeRules } from '../../src/model/maketargets.js';

const sf = (path: string, text: string) => makeSourceFile(path, `/x/${path}`, 'dockerfile', text);

describe('image references', () => {
  it('normalise as distribution/reference does', () => {
    expect(parseImageRef('app')).toMatchObject({ domain: 'docker.io', path: 'library/app' });
    expect(parseImageRef('acme/app:dev')).toMatchObject({ domain: 'docker.io', path: 'acme/app', tag: 'dev' });
    expect(parseImageRef('docker.io/acme/app')).toMatchObject({ domain: 'docker.io', path: 'acme/app' });
    expect(parseImageRef('index.docker.io/library/app:1')).toMatchObject({ domain: 'docker.io', path: 'library/app', tag: '1' });
    expect(parseImageRef('localhost:5000/app:dev')).toMatchObject({ domain: 'localhost:5000', path: 'app', tag: 'dev' });
    expect(parseImageRef('ghcr.io/acme/app@sha256:abc')).toMatchObject({ domain: 'ghcr.io', path: 'acme/app', digest: 'sha256:abc' });
    expect(parseImageRef('acme/app:${TAG:-dev}')).toMatchObject({ path: 'acme/app', variableTag: true });
    expect(parseImageRef('${REGISTRY}/app')).toMatchObject({ variableName: true });
    expect(parseImageRef('')).toBeUndefined();
  });

  it('an index links by name; exact tags win; differing builds of one name do not link', () => {
    const f = sf('Makefile', 'x');
    const spec = (tag: string, dockerfile: string) => ({ file: f, span: { file: f, start: 0, end: 1 }, tags: [{ value: tag, span: { file: f, start: 0, end: 1 } }], dockerfile, how: 'command' as const });
    const ix = new ImageIndex();
    ix.add(spec('acme/api:debug', 'Dockerfile.debug'));
    ix.add(spec('acme/api:prod', 'Dockerfile'));
    expect(ix.lookup('docker.io/acme/api:debug')?.build.spec.dockerfile).toBe('Dockerfile.debug');
    expect(ix.lookup('acme/api:prod')?.build.spec.dockerfile).toBe('Dockerfile');
    expect(ix.lookup('acme/api:other')).toBeUndefined();
    expect(ix.lookup('acme/web')).toBeUndefined();
    const one = new ImageIndex();
    one.add(spec('acme/api:dev', 'Dockerfile.dev'));
    expect(one.lookup('acme/api')?.note).toMatch(/by its name only/);
    // Built only under a debug tag: a run of another tag is the released image, not this build.
    const dbg = new ImageIndex();
    dbg.add(spec('acme/api:debug', 'Dockerfile.debug'));
    expect(dbg.lookup('acme/api')).toBeUndefined();
    expect(dbg.lookup('acme/api:v2')).toBeUndefined();
    expect(dbg.lookup('acme/api:${TAG}')?.note).toMatch(/by its name only/);
    expect(dbg.lookup('acme/api:1.2-debug')?.note).toMatch(/by its name only/);
  });
});

describe('Compose interpolation and ports', () => {
  it('interpolates as Compose does; without variables only written defaults apply', () => {
    const env = new Map([['PORT', '40000'], ['EMPTY', '']]);
    expect(interpolate('${PORT}:${PORT}', env)).toBe('40000:40000');
    expect(interpolate('${EMPTY:-2345} ${EMPTY-x} ${UNSET-y} ${UNSET} $$HOME $PORT', env)).toBe('2345  y  $HOME 40000');
    expect(interpolate('${PORT:+set}${UNSET:+no}', env)).toBe('set');
    expect(interpolate('${DLV:-${PORT:-1}}', env)).toBe('40000');
    expect(interpolate('--listen=:${DLV_PORT:-2345} ${OTHER}')).toBe('--listen=:2345 ${OTHER}');
  });

  it('reads .env lines', () => {
    expect([...parseDotEnv('# c\nA=1\nexport B="two words"\nC=3 # comment\nbad line\nA=again\n')]).toEqual([['A', '1'], ['B', 'two words'], ['C', '3']]);
  });

  it('splits port specs at colons outside ${} and [], interpolating each part', () => {
    expect(splitPortSpec('${IP:-0.0.0.0}:${P:-2345}:2345')).toEqual(['${IP:-0.0.0.0}', '${P:-2345}', '2345']);
    const span = { file: sf('c.yml', ''), start: 0, end: 0 };
    expect(parseShortPort('[::1]:2345:2345/udp', span)).toMatchObject({ hostIp: '::1', hostPort: '2345', containerPort: '2345', protocol: 'udp' });
    expect(parseShortPort('${BIND}:2345:2345', span, (v) => interpolate(v, new Map()))).toMatchObject({ hostIp: '', containerPort: '2345' });
  });
});

describe('bind mounts', () => {
  it('takes paths (., .., ./x, ../x, a/b) and leaves volume names and absolute host paths', () => {
    expect(bindMount('..', '/src', ['dev'])).toEqual({ container: '/src', repo: [''] });
    expect(bindMount('.', '/app/', [''])).toEqual({ container: '/app', repo: [''] });
    expect(bindMount('../x', '/x', ['a/b'])).toEqual({ container: '/x', repo: ['a/x'] });
    expect(bindMount('gocache', '/go', [''])).toBeUndefined();
    expect(bindMount('/etc', '/etc', [''])).toBeUndefined();
    expect(bindMount('..', 'relative', [''])).toBeUndefined();
  });
});

describe('README code blocks and Tiltfiles', () => {
  it('takes shell blocks (and console prompts), with offsets into the file', () => {
    const text = '# x\n```bash\ndocker build -t a \\\n  -f D .\n```\n```console\n$ docker run a\noutput line\n```\n```go\nfmt.Println()\n```\n';
    const cmds = markdownCommands(text);
    expect(cmds.map((c) => c.words.map((w) => w.value).join(' '))).toEqual(['docker build -t a -f D .', 'docker run a']);
    for (const c of cmds) for (const w of c.words) expect(text.slice(w.start, w.end)).toBe(w.value);
  });

  it('takes a line that is only an inline code span (a list item), not spans inside prose', () => {
    const text = [
      '- `docker build . -t g`',
      '- ``` docker run -v `pwd`:/w --cap-add=SYS_PTRACE -t g ```',
      'Run `docker run x` to start it.',
      '``not closed `',
      '- `` a ` ``` ',
      '',
    ].join('\n');
    const cmds = markdownCommands(text);
    expect(cmds.map((c) => c.words.map((w) => w.value).join(' '))).toEqual(['docker build . -t g', 'docker run -v `pwd`:/w --cap-add=SYS_PTRACE -t g']);
    const run = cmds[1]!;
    expect(text.slice(run.words[0]!.start, run.words[0]!.end)).toBe('docker');
    expect(text.slice(run.words[4]!.start, run.words[4]!.end)).toBe('--cap-add=SYS_PTRACE');
  });

  it('finds docker_build calls with literal arguments and top-level bindings', () => {
    const text = "IMG = 'acme/api'\n# docker_build('no', '.')\ndocker_build(IMG, 'svc', dockerfile='svc/Dockerfile.debug', only=['./cmd'])\nk8s_yaml('k8s/dev.yaml')\n";
    const calls = starlarkCalls(text, new Set(['docker_build', 'k8s_yaml']));
    expect(calls.map((c) => [c.name, c.args.map((a) => a?.value), c.kwargs.get('dockerfile')?.value])).toEqual([
      ['docker_build', ['acme/api', 'svc'], 'svc/Dockerfile.debug'],
      ['k8s_yaml', ['k8s/dev.yaml'], undefined],
    ]);
  });

  it('globs Skaffold manifests', () => {
    expect(globTest('k8s/*.yaml')('k8s/a.yaml')).toBe(true);
    expect(globTest('k8s/*.yaml')('k8s/x/a.yaml')).toBe(false);
    expect(globTest('k8s/**/*.yaml')('k8s/x/y/a.yaml')).toBe(true);
  });
});

describe('Dockerfile exec form', () => {
  it('keeps the spaces inside a JSON string (dockerfile-ast 0.7.1 getJSONValue drops them)', () => {
    const d = parseDockerfile(sf('Dockerfile', 'FROM x\nCMD ["sh", "-c", "dlv exec /app --headless --listen=:2345"]\n'));
    expect(d.stages[0]!.cmd!.words.map((w) => w.value)).toEqual(['sh', '-c', 'dlv exec /app --headless --listen=:2345']);
    expect(d.stages[0]!.cmd!.facts.tools[0]).toMatchObject({ tool: 'dlv', dlv: { sub: 'exec', headless: true, listen: { value: ':2345' } } });
  });
});

describe('Makefile targets (maketargets.ts)', () => {
  it('a dot-named target is a target; special targets and suffix rules are not; the default goal skips dot names', () => {
    const f = makeSourceFile('Makefile', '/x/Makefile', 'makefile', '.PHONY: all\n.build:\n\tgo build -o bin/a .\n.c.o:\n\tcc -c $<\nall: .build\n\techo done\n');
    expect([...makeRules(f).keys()]).toEqual(['.build', 'all']);
    expect(commandsOfTargets(f, []).map((c) => c.words.map((w) => w.value).join(' '))).toEqual(['go build -o bin/a .', 'echo done']);
  });
});

describe('YAML as Compose reads it (parse/yaml.ts)', () => {
  it('a double-quoted command whose escaped line breaks go on at the key\'s indentation is read, offsets kept', async () => {
    const { parseYaml } = await import('../../src/parse/yaml.js');
    const text = 'services:\n  node:\n    image: x\n    security_opt:\n      - seccomp:unconfined\n    command: "--host :9001 \\\n    --peer-host 10.0.0.1:5555 \\\n    --id nodeB"\n    ports: ["9001:9001"]\n';
    const y = parseYaml(makeSourceFile('compose.yml', '/x/compose.yml', 'compose', text));
    const js = y.docs[0]!.toJS() as { services: { node: { command: string; ports: string[] } } };
    expect(js.services.node.command.split(/\s+/)).toEqual(['--host', ':9001', '--peer-host', '10.0.0.1:5555', '--id', 'nodeB']);
    expect(js.services.node.ports).toEqual(['9001:9001']);
    // A quote that is really missing is still an error.
    expect(() => parseYaml(makeSourceFile('b.yml', '/x/b.yml', 'compose', 'a: "x \\\n  y\nb: 1\n'))).toThrow(/quote/);
  });
});
