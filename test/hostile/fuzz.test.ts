/**
 * Property-based and fuzz tests over every parser and fixer (issue 8).
 *
 * Inputs: the project's own fixture repositories, mutated (truncated, bytes of
 * invalid UTF-8, a BOM, CRLF, tabs, very long lines, deep nesting, anchors,
 * aliases and merge keys, huge numbers, odd quoting, random text), and
 * Compose / Kubernetes / devcontainer / Dockerfile / Makefile text generated
 * from a small grammar of the settings the rules look at.
 *
 * Properties, on every input:
 *  - scan never throws and finishes within SCAN_BUDGET_MS;
 *  - every finding's range, related range and fix edit lies inside its file;
 *  - every offered fix is whole-line, applies cleanly, re-parses in its
 *    format, keeps the bytes outside its range and the file's CRLF style;
 *  - applyFixes gives files that re-parse, and a second applyFixes on its
 *    result changes nothing;
 *  - --fix on disk: files it did not change are byte-identical, the files it
 *    changed hold exactly the fixed text (BOM kept), and a file that is not
 *    valid UTF-8 is never written.
 *
 * fast-check is seeded (FC_SEED overrides) and run counts are small so the
 * file runs in well under a minute on 2 cores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { applyEdits } from '../../src/fix/text.js';
import { validate } from '../../src/fix/validate.js';
import { classifyByName, classifyYaml } from '../../src/discover/index.js';
import { parseYaml, deref, pairs } from '../../src/parse/yaml.js';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import { splitShell } from '../../src/parse/shell.js';
import { makeSourceFile, toLocation } from '../../src/source.js';
import type { FileKind, Finding, SourceFile, Span, TextEdit } from '../../src/types.js';
import { FIXTURES, ROOT } from '../helpers/repo.js';

const SEED = Number(process.env.FC_SEED ?? 20260808);
const RUNS = Number(process.env.FC_RUNS ?? 0) || undefined;
/** One scan of a small repository; generous for a loaded 2-core CI machine. */
const SCAN_BUDGET_MS = 4000;
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: RUNS ?? numRuns, endOnFailure: true });

// ---------------------------------------------------------------------------
// Corpus: every fixture repository, its config files as bytes

interface Seed {
  name: string;
  dir: string;
  files: string[];
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const SEEDS: Seed[] = [
  ...readdirSync(join(FIXTURES, 'foundation')).map((n) => join(FIXTURES, 'foundation', n)),
  ...readdirSync(join(FIXTURES, 'rules')).map((n) => join(FIXTURES, 'rules', n)),
  join(ROOT, 'examples', 'seed'),
]
  .filter((d) => statSync(d).isDirectory())
  .map((dir) => ({ name: relative(ROOT, dir), dir, files: listFiles(dir).filter((f) => classifyByName(f) !== undefined || f.endsWith('.json')) }))
  .filter((s) => s.files.length > 0);

// ---------------------------------------------------------------------------
// Mutations (on bytes, so that invalid UTF-8 survives to the disk)

const TOKENS = [
  '\t', '\r\n', '\r', '\n', '\ufeff', ' ', '  ', '&a ', '*a', '<<: *a\n', '<<: [*a, *a]\n', '&b [*a, *a, *a]', '{', '}', '[', ']', '"', "'", '\\', '\\\n',
  '1e99999', '9'.repeat(400), '-0x1F', '.nan', '~', 'null', '---\n', '...\n', ': ', ':', '- ', '#', '? ', '|\n', '>-\n', '!!binary ', '!custom ', '%YAML 1.1\n',
  'SYS_PTRACE', 'ALL', 'dlv attach 1', 'strace -p 1', 'cap_add: [SYS_PTRACE]\n', 'cap_drop: [ALL]\n', 'privileged: true\n', 'seccomp=unconfined', '--cap-add=SYS_PTRACE',
  '--privileged', '"--listen=127.0.0.1:2345"', '--headless', '-ldflags=-s -w', '$(', '${A:-', '`', '\u2028', '\u0085', '\ud800', 'ptrace-doctor-ignore', '// ', '/*', '*/', ',',
  'RUN ', 'FROM scratch AS x\n', 'USER 1000\n', 'ENTRYPOINT ["dlv"', 'CMD dlv debug --headless --listen=127.0.0.1:2345\n', '@octocat', '<script>', '| --- |', '```',
];

type Mutation =
  | { t: 'truncate'; at: number }
  | { t: 'insert'; at: number; s: string }
  | { t: 'delete'; at: number; len: number }
  | { t: 'dupLine'; at: number }
  | { t: 'crlf' }
  | { t: 'bom' }
  | { t: 'tabs' }
  | { t: 'bytes'; at: number; bytes: number[] }
  | { t: 'longLine'; at: number; n: number }
  | { t: 'deep'; at: number; depth: number; open: string };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ t: fc.constant('truncate' as const), at }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('insert' as const), at, s: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('dupLine' as const), at }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('crlf' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bom' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tabs' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bytes' as const), at, bytes: fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf8, 0xfe, 0xff), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('longLine' as const), at, n: fc.integer({ min: 1000, max: 200_000 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deep' as const), at, depth: fc.integer({ min: 10, max: 3000 }), open: fc.constantFrom('[', '{', '- ', '{"a":') }) },
);

function mutate(buf: Buffer, m: Mutation): Buffer {
  const pos = (f: number): number => Math.floor(f * buf.length);
  switch (m.t) {
    case 'truncate': return buf.subarray(0, pos(m.at));
    case 'insert': return Buffer.concat([buf.subarray(0, pos(m.at)), Buffer.from(m.s, 'utf8'), buf.subarray(pos(m.at))]);
    case 'delete': return Buffer.concat([buf.subarray(0, pos(m.at)), buf.subarray(pos(m.at) + m.len)]);
    case 'dupLine': {
      const s = buf.toString('latin1');
      const i = s.lastIndexOf('\n', pos(m.at) - 1) + 1;
      const j = s.indexOf('\n', i);
      const line = s.slice(i, j < 0 ? s.length : j + 1);
      return Buffer.from(s.slice(0, i) + line + (j < 0 ? '\n' : '') + s.slice(i), 'latin1');
    }
    case 'crlf': return Buffer.from(buf.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
    case 'tabs': return Buffer.from(buf.toString('latin1').replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)), 'latin1');
    case 'bytes': return Buffer.concat([buf.subarray(0, pos(m.at)), Buffer.from(m.bytes), buf.subarray(pos(m.at))]);
    case 'longLine': return Buffer.concat([buf.subarray(0, pos(m.at)), Buffer.from('x'.repeat(m.n)), buf.subarray(pos(m.at))]);
    case 'deep': {
      const close = m.open === '[' ? ']' : m.open.includes('{') ? '}' : '';
      const body = m.open === '- ' ? Array.from({ length: Math.min(m.depth, 400) }, (_, i) => `${' '.repeat(i * 2)}- x${i}\n`).join('') : m.open.repeat(m.depth) + close.repeat(m.depth);
      return Buffer.concat([buf.subarray(0, pos(m.at)), Buffer.from(body), buf.subarray(pos(m.at))]);
    }
  }
}

// ---------------------------------------------------------------------------
// Grammar-based generators

const word = fc.constantFrom('x', 'api', 'golang:1.22', 'debian:12', 'dlv', 'strace', 'gdb', '1', '2345', 'app', '-p', 'attach', 'debug', 'exec', '--headless', '--listen=:2345', '--listen=127.0.0.1:2345', '--api-version=2', 'sh', '-c', '$$(pgrep app)', 'a b', 'it\'s', 'say "hi"', '#not-a-comment', 'x: y', '@team', '*', '&', '{}', '', ' ');
const debugCmd: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(
  ['dlv', 'attach', '1', '--headless', '--listen=:2345', '--api-version=2'],
  ['dlv', 'debug', '--headless', '--listen=127.0.0.1:2345'],
  ['dlv', 'exec', '/app', '--headless', '--listen=0.0.0.0:2345', '--accept-multiclient'],
  ['strace', '-f', '-p', '1'],
  ['gdb', '-p', '1'],
  ['sh', '-c', 'dlv attach $(pgrep app) --headless --listen=:40000'],
  ['/go/bin/dlv', 'test', './...'],
);
const cmdArb: fc.Arbitrary<string[]> = fc.oneof({ weight: 3, arbitrary: debugCmd }, { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.tuple(debugCmd, fc.array(word, { maxLength: 3 })).map(([a, b]) => [...a, ...b]) });
const capArb = fc.constantFrom('SYS_PTRACE', 'CAP_SYS_PTRACE', 'sys_ptrace', 'NET_ADMIN', 'ALL', 'SYS_ADMIN');
const styleArb = fc.constantFrom('plain', 'double', 'single');

function q(s: string, style: string): string {
  if (style === 'double') return JSON.stringify(s);
  if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
  // Plain only where plain is safe; otherwise double-quote.
  return /^[A-Za-z0-9_./=-][A-Za-z0-9_./=:$() -]*$/.test(s) && !/:\s|\s$|: |^-$/.test(s) && s.trim() === s ? s : JSON.stringify(s);
}

function yamlList(items: string[], indent: string, flow: boolean, style: string, dashIndent: boolean): string {
  if (flow || items.length === 0) return ` [${items.map((i) => q(i, style)).join(', ')}]\n`;
  return '\n' + items.map((i) => `${indent}${dashIndent ? '  ' : ''}- ${q(i, style)}\n`).join('');
}

const serviceArb = fc.record(
  {
    name: fc.constantFrom('api', 'dbg', 'worker', 'db', 'odd name', 'x-y', '日本'),
    image: word,
    build: fc.boolean(),
    command: fc.oneof(cmdArb.map((c) => ({ list: false, c })), cmdArb.map((c) => ({ list: true, c }))),
    capAdd: fc.array(capArb, { maxLength: 3 }),
    capDrop: fc.array(capArb, { maxLength: 2 }),
    privileged: fc.boolean(),
    securityOpt: fc.array(fc.constantFrom('seccomp=unconfined', 'seccomp:unconfined', 'apparmor=unconfined', 'seccomp=./seccomp.json', 'no-new-privileges:true'), { maxLength: 2 }),
    ports: fc.array(fc.constantFrom('2345:2345', '127.0.0.1:2345:2345', '0.0.0.0:40000:2345', '8080', '"1:2"'), { maxLength: 2 }),
    user: fc.constantFrom('root', '1000', 'app', '0:0'),
    mergeBase: fc.boolean(),
    comment: fc.boolean(),
  },
  { requiredKeys: ['name', 'command'] },
);

const composeArb = fc
  .record({
    services: fc.array(serviceArb, { minLength: 1, maxLength: 3 }),
    indent: fc.constantFrom(2, 4),
    flow: fc.boolean(),
    dashIndent: fc.boolean(),
    style: styleArb,
    anchor: fc.boolean(),
    version: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map((c) => {
    const i1 = ' '.repeat(c.indent);
    const i2 = i1 + i1;
    let out = c.version ? 'version: "3.8"\n' : '';
    if (c.anchor) out += `x-base: &base\n${i1}image: golang:1.22\n${i1}cap_add: [NET_ADMIN]\n`;
    out += 'services:\n';
    const names = new Set<string>();
    for (const s of c.services) {
      if (names.has(s.name)) continue;
      names.add(s.name);
      out += `${i1}${q(s.name, c.style)}:${s.comment ? ' # a service' : ''}\n`;
      if (c.anchor && s.mergeBase) out += `${i2}<<: *base\n`;
      if (s.image !== undefined) out += `${i2}image: ${q(s.image || 'x', c.style)}\n`;
      if (s.build) out += `${i2}build: .\n`;
      out += `${i2}command:${s.command.list ? yamlList(s.command.c, i2, c.flow, c.style, c.dashIndent) : ` ${q(s.command.c.join(' '), c.style)}\n`}`;
      if (s.capAdd?.length) out += `${i2}cap_add:${yamlList(s.capAdd, i2, c.flow, c.style, c.dashIndent)}`;
      if (s.capDrop?.length) out += `${i2}cap_drop:${yamlList(s.capDrop, i2, c.flow, c.style, c.dashIndent)}`;
      if (s.privileged) out += `${i2}privileged: true\n`;
      if (s.securityOpt?.length) out += `${i2}security_opt:${yamlList(s.securityOpt, i2, c.flow, c.style, c.dashIndent)}`;
      if (s.ports?.length) out += `${i2}ports:${yamlList(s.ports.map((p) => p.replace(/"/g, '')), i2, c.flow, 'double', c.dashIndent)}`;
      if (s.user) out += `${i2}user: ${q(s.user, 'double')}\n`;
    }
    return c.crlf ? out.replace(/\n/g, '\r\n') : out;
  });

const k8sArb = fc
  .record({
    kind: fc.constantFrom('Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob'),
    containers: fc.array(
      fc.record({
        name: fc.constantFrom('api', 'dbg', 'side car'),
        command: cmdArb,
        args: fc.option(cmdArb),
        caps: fc.option(fc.record({ add: fc.array(capArb, { maxLength: 2 }), drop: fc.array(capArb, { maxLength: 2 }) })),
        privileged: fc.boolean(),
        seccomp: fc.constantFrom(undefined, 'Unconfined', 'RuntimeDefault'),
        runAsUser: fc.option(fc.constantFrom<number | string>(0, 1000, '99999999999999999999', '1e400')),
        port: fc.option(fc.constantFrom(2345, 40000)),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    style: styleArb,
    flow: fc.boolean(),
    service: fc.constantFrom(undefined, 'NodePort', 'LoadBalancer', 'ClusterIP'),
  })
  .map((k) => {
    const podIndent = k.kind === 'Pod' ? '' : k.kind === 'CronJob' ? '        ' : '    ';
    const p = podIndent;
    let pod = `${p}spec:\n${p}  containers:\n`;
    for (const c of k.containers) {
      pod += `${p}    - name: ${q(c.name, k.style)}\n${p}      image: x\n`;
      pod += `${p}      command:${yamlList(c.command, `${p}      `, k.flow, k.style, true)}`;
      if (c.args) pod += `${p}      args:${yamlList(c.args, `${p}      `, k.flow, k.style, true)}`;
      const sc: string[] = [];
      if (c.caps) sc.push(`${p}        capabilities:\n${p}          add:${yamlList(c.caps.add, `${p}          `, true, k.style, false)}${p}          drop:${yamlList(c.caps.drop, `${p}          `, true, k.style, false)}`);
      if (c.privileged) sc.push(`${p}        privileged: true\n`);
      if (c.seccomp) sc.push(`${p}        seccompProfile:\n${p}          type: ${c.seccomp}\n`);
      if (c.runAsUser !== null) sc.push(`${p}        runAsUser: ${c.runAsUser}\n`);
      if (sc.length > 0) pod += `${p}      securityContext:\n${sc.join('')}`;
      if (c.port) pod += `${p}      ports:\n${p}        - containerPort: ${c.port}\n`;
    }
    let body: string;
    if (k.kind === 'Pod') body = pod;
    else if (k.kind === 'CronJob') body = `spec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n${pod.replace(/^ {8}/gm, '        ')}`;
    else body = `spec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n${pod}`;
    let out = `apiVersion: ${k.kind === 'Pod' ? 'v1' : k.kind === 'Job' || k.kind === 'CronJob' ? 'batch/v1' : 'apps/v1'}\nkind: ${k.kind}\nmetadata:\n  name: a\n${body}`;
    if (k.service) out += `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: ${k.service}\n  selector: {app: a}\n  ports:\n    - port: 2345\n      targetPort: 2345\n`;
    return out;
  });

const devcontainerArb = fc
  .record({
    image: fc.option(word),
    dockerfile: fc.boolean(),
    compose: fc.boolean(),
    runArgs: fc.array(fc.constantFrom('--cap-add=SYS_PTRACE', '--cap-add', 'SYS_PTRACE', '--security-opt', 'seccomp=unconfined', '--privileged', '--user=1000'), { maxLength: 4 }),
    capAdd: fc.option(fc.array(capArb, { maxLength: 2 })),
    securityOpt: fc.option(fc.array(fc.constantFrom('seccomp=unconfined', 'label=disable'), { maxLength: 2 })),
    privileged: fc.option(fc.boolean()),
    goExt: fc.boolean(),
    goFeature: fc.boolean(),
    comments: fc.boolean(),
    trailing: fc.boolean(),
    tabs: fc.boolean(),
    post: fc.option(cmdArb),
  })
  .map((d) => {
    const ind = d.tabs ? '\t' : '  ';
    const props: string[] = [];
    const j = (v: unknown): string => JSON.stringify(v);
    props.push(`${ind}"name": "dev"`);
    if (d.compose) props.push(`${ind}"dockerComposeFile": ["../docker-compose.yml"]`, `${ind}"service": "dbg"`);
    else if (d.dockerfile) props.push(`${ind}"build": { "dockerfile": "Dockerfile" }`);
    else if (d.image !== null) props.push(`${ind}"image": ${j(d.image)}`);
    if (d.runArgs.length) props.push(`${ind}"runArgs": ${j(d.runArgs)}`);
    if (d.capAdd) props.push(`${ind}"capAdd": ${j(d.capAdd)}`);
    if (d.securityOpt) props.push(`${ind}"securityOpt": ${j(d.securityOpt)}`);
    if (d.privileged !== null) props.push(`${ind}"privileged": ${j(d.privileged)}`);
    if (d.goFeature) props.push(`${ind}"features": { "ghcr.io/devcontainers/features/go:1": {} }`);
    if (d.goExt) props.push(`${ind}"customizations": { "vscode": { "extensions": ["golang.go"] } }`);
    if (d.post) props.push(`${ind}"postStartCommand": ${j(d.post.join(' '))}`);
    const sep = d.comments ? ', // a comment\n' : ',\n';
    return `${d.comments ? '// dev container\n' : ''}{\n${props.join(sep)}${d.trailing ? ',' : ''}\n}\n`;
  });

const dockerfileArb = fc
  .array(
    fc.oneof(
      word.map((w) => `FROM ${w || 'x'}${Math.random() < 0 ? '' : ''}`),
      fc.constantFrom('FROM golang:1.22 AS build', 'FROM debian:12', 'FROM build', 'ARG GO=1.22', 'FROM golang:${GO}'),
      cmdArb.map((c) => `RUN ${c.join(' ')}`),
      fc.constantFrom(
        'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
        'RUN go get github.com/derekparker/delve/cmd/dlv',
        'RUN go build -ldflags="-s -w" -o /app .',
        'RUN go build -gcflags="all=-N -l" -o /app .',
        'RUN apt-get update && apt-get install -y strace gdb',
        'RUN apk add --no-cache delve \\\n    strace',
        'USER 1000',
        'USER root',
        'EXPOSE 2345',
        'COPY --from=build /go/bin/dlv /dlv',
        'WORKDIR /src',
        'ENV A=b C="d e"',
        'SHELL ["/bin/bash", "-c"]',
        '# syntax=docker/dockerfile:1',
        'RUN <<EOF\ndlv version\nEOF',
        'HEALTHCHECK CMD dlv version',
        'ONBUILD RUN strace -V',
      ),
      cmdArb.map((c) => `ENTRYPOINT ${JSON.stringify(c)}`),
      cmdArb.map((c) => `CMD ${c.join(' ')}`),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((lines) => lines.join('\n') + '\n');

const runOpt = fc.constantFrom('', '--cap-add=SYS_PTRACE', '--cap-add SYS_PTRACE', '--privileged', '--security-opt seccomp=unconfined', '-p 2345:2345', '-p 127.0.0.1:2345:2345', '--user 1000', '--cap-drop=ALL', '-it');
const makefileArb = fc
  .array(fc.tuple(fc.constantFrom('docker', 'podman'), fc.array(runOpt, { maxLength: 3 }), cmdArb), { minLength: 1, maxLength: 3 })
  .map((recipes) => `IMAGE ?= img\n\n.PHONY: debug\ndebug:\n${recipes.map(([tool, opts, cmd]) => `\t${tool} run --rm ${opts.join(' ')} $(IMAGE) ${cmd.join(' ').replace(/\$\(/g, '$$$$(')}`).join('\n')}\n`);

// ---------------------------------------------------------------------------
// The properties

function kindOf(path: string, text: string): FileKind {
  const k = classifyByName(path);
  return (k === 'yaml' ? classifyYaml(text) : k) ?? 'shell';
}

function expectInside(s: Span, what: string): void {
  expect(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`).toBe(true);
  expect(s.start, `${what}: start ≥ 0 in ${s.file.path}`).toBeGreaterThanOrEqual(0);
  expect(s.end, `${what}: end ≥ start in ${s.file.path}`).toBeGreaterThanOrEqual(s.start);
  expect(s.end, `${what}: end ≤ length of ${s.file.path}`).toBeLessThanOrEqual(s.file.text.length);
  const l = toLocation(s);
  expect(l.startLine).toBeGreaterThanOrEqual(1);
  expect(l.endLine).toBeGreaterThanOrEqual(l.startLine);
  expect(l.endLine).toBeLessThanOrEqual(s.file.lineStarts.length);
}

const atLineStart = (text: string, o: number): boolean => o === 0 || o === text.length || text[o - 1] === '\n' || (text[o - 1] === '\r' && text[o] !== '\n');

/** Reference application, independent of applyEdits: back to front. */
function applyBackToFront(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** What the properties exercised (asserted below so the generators cannot silently go dry). */
const stats = { scans: 0, findings: 0, fixes: 0, changedFiles: 0 };

function checkFix(f: Finding, files: Map<string, SourceFile>): void {
  const fix = f.fix!;
  stats.fixes++;
  expect(fix.edits.length, `${f.ruleId}: a fix has edits`).toBeGreaterThan(0);
  for (const path of new Set(fix.edits.map((e) => e.path))) {
    const file = files.get(path) ?? fix.files?.find((x) => x.path === path) ?? (f.span.file.path === path ? f.span.file : undefined);
    expect(file, `${f.ruleId}: fix edits a file the scan read (${path})`).toBeDefined();
    const edits = fix.edits.filter((e) => e.path === path).sort((a, b) => a.start - b.start);
    let prev = 0;
    for (const e of edits) {
      expect(e.start, `${f.ruleId}: edits do not overlap`).toBeGreaterThanOrEqual(prev);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
      expect(e.end, `${f.ruleId}: edit inside ${path}`).toBeLessThanOrEqual(file!.text.length);
      // Whole lines: what a review suggestion replaces.
      expect(atLineStart(file!.text, e.start) && atLineStart(file!.text, e.end), `${f.ruleId}: whole-line edit in ${path}`).toBe(true);
      prev = e.end;
    }
    const after = applyEdits(file!.text, edits);
    expect(after).toBe(applyBackToFront(file!.text, edits));
    expect(validate(file!.kind, after), `${f.ruleId}: fixed ${path} re-parses`).toBeUndefined();
    // Bytes outside the edited range are unchanged.
    const lo = edits[0]!.start;
    const hi = edits[edits.length - 1]!.end;
    expect(after.slice(0, lo)).toBe(file!.text.slice(0, lo));
    expect(after.slice(after.length - (file!.text.length - hi))).toBe(file!.text.slice(hi));
    // A CRLF file gets CRLF lines.
    if (file!.text.includes('\r\n') && !/(^|[^\r])\n/.test(file!.text)) {
      for (const e of edits) expect(/(^|[^\r])\n/.test(e.text), `${f.ruleId}: CRLF kept in ${path}: ${JSON.stringify(e.text)}`).toBe(false);
    }
  }
}

async function timedScan(root: string): Promise<Awaited<ReturnType<typeof scan>>> {
  const t0 = performance.now();
  const r = await scan({ root });
  const ms = performance.now() - t0;
  expect(ms, `scan of ${root} took ${Math.round(ms)} ms`).toBeLessThan(SCAN_BUDGET_MS);
  return r;
}

/** Every property on one repository directory (which it may modify: --fix writes). */
async function checkRepo(root: string): Promise<void> {
  const r = await timedScan(root);
  const files = new Map(r.files.map((f) => [f.path, f]));
  stats.scans++;
  stats.findings += r.findings.length;
  for (const f of r.findings) {
    expect(f.ruleId).toMatch(/^PTD\d{3}$/);
    expect(typeof f.message).toBe('string');
    expectInside(f.span, `${f.ruleId} span`);
    for (const rel of f.related) expectInside(rel.span, `${f.ruleId} related`);
    if (f.fix) checkFix(f, files);
  }
  // Skipped/unparsable files are reported once each.
  const notes = r.findings.filter((f) => f.ruleId === 'PTD900').map((f) => f.span.file.path);
  expect(new Set(notes).size, 'one PTD900 per file').toBe(notes.length);

  // All fixes, in memory: results re-parse; the preview is the result (the offered edits, applied together to the
  // files as scanned, are what --fix writes); and nothing that was offered a fix is still to fix afterwards.
  const out = await applyFixes({ root, write: false });
  stats.changedFiles += out.changed.length;
  for (const c of out.changed) expect(validate(kindOf(c.path, c.after), c.after), `applyFixes: ${c.path} re-parses`).toBeUndefined();
  const previewed = new Map<string, TextEdit[]>();
  for (const f of r.findings) for (const e of f.fix?.edits ?? []) previewed.set(e.path, [...(previewed.get(e.path) ?? []), e]);
  expect([...previewed.keys()].sort(), 'the files the preview edits are the files --fix changes').toEqual(out.changed.map((c) => c.path).sort());
  for (const c of out.changed) expect(applyEdits(c.before, previewed.get(c.path)!), `the preview of ${c.path} is what --fix writes`).toBe(c.after);
  if (out.changed.length > 0) {
    const again = await applyFixes({ root, write: false, overlay: new Map(out.changed.map((c) => [c.path, c.after])) });
    const promised = new Set(out.fixed.map((f) => f.fingerprint));
    expect(again.fixed.filter((f) => promised.has(f.fingerprint)).map((f) => f.ruleId), 'a finding counted as fixed is not fixable again').toEqual([]);
  }

  // On disk: untouched files byte-identical; changed ones exactly the fixed text; never a non-UTF-8 file.
  const before = new Map(listFiles(root).map((p) => [p, readFileSync(join(root, p))]));
  const written = await applyFixes({ root, write: true });
  for (const [p, bytes] of before) {
    const now = readFileSync(join(root, p));
    const c = written.changed.find((x) => x.path === p);
    if (!c) {
      expect(now.equals(bytes), `--fix left ${p} byte-identical`).toBe(true);
      continue;
    }
    const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hadBom ? bytes.subarray(3) : bytes;
    expect(Buffer.from(body.toString('utf8'), 'utf8').equals(body), `--fix wrote ${p}, which is not valid UTF-8`).toBe(true);
    expect(now.toString('utf8')).toBe((hadBom ? '\ufeff' : '') + c.after);
  }
}

function writeRepo(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-fuzz-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

async function withRepo(files: Record<string, Buffer | string>, fn: (root: string) => Promise<void>): Promise<void> {
  const root = writeRepo(files);
  try {
    await fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

describe('fuzz: mutated fixture repositories', () => {
  it('has a corpus', () => {
    expect(SEEDS.length).toBeGreaterThan(15);
    if (process.env.PTD_SHOW) console.log('seeds', SEEDS.length, SEEDS.reduce((n, s) => n + s.files.length, 0));
  });

  it('scan never throws or hangs; ranges inside files; fixes apply, re-parse and are idempotent; --fix writes only what it fixed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(SEEDS.length - 1),
        fc.nat(),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        async (si, fi, muts) => {
          const seed = SEEDS[si]!;
          const target = seed.files[fi % seed.files.length]!;
          const root = mkdtempSync(join(tmpdir(), 'ptd-fuzz-'));
          try {
            cpSync(seed.dir, root, { recursive: true });
            let buf: Buffer = readFileSync(join(root, target));
            for (const m of muts) buf = mutate(buf, m);
            writeFileSync(join(root, target), buf);
            await checkRepo(root);
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      params(80),
    );
    expectExercised();
  }, 120_000);
});

/** The generators must reach the fixers, not only the parsers. */
function expectExercised(): void {
  const snapshot = { ...stats };
  Object.assign(stats, { scans: 0, findings: 0, fixes: 0, changedFiles: 0 });
  expect(snapshot.findings, JSON.stringify(snapshot)).toBeGreaterThan(snapshot.scans / 3);
  expect(snapshot.fixes, JSON.stringify(snapshot)).toBeGreaterThan(0);
}

describe('fuzz: generated configuration', () => {
  it('Compose (block and flow, quoting, anchors and merge keys, CRLF)', async () => {
    await fc.assert(
      fc.asyncProperty(composeArb, fc.option(dockerfileArb), async (compose, df) => {
        await withRepo({ 'docker-compose.yml': compose, ...(df ? { Dockerfile: df } : {}) }, checkRepo);
      }),
      params(45),
    );
    expectExercised();
  }, 120_000);

  it('Kubernetes workloads and Services', async () => {
    await fc.assert(
      fc.asyncProperty(k8sArb, async (k8s) => {
        await withRepo({ 'k8s/debug.yaml': k8s }, checkRepo);
      }),
      params(35),
    );
    expectExercised();
  }, 120_000);

  it('devcontainer.json (comments, trailing commas, tabs) with its Dockerfile or Compose file', async () => {
    await fc.assert(
      fc.asyncProperty(devcontainerArb, dockerfileArb, composeArb, async (dc, df, compose) => {
        await withRepo({ '.devcontainer/devcontainer.json': dc, '.devcontainer/Dockerfile': df, 'docker-compose.yml': compose }, checkRepo);
      }),
      params(35),
    );
    expectExercised();
  }, 120_000);

  it('Dockerfiles and Makefiles with docker run lines', async () => {
    await fc.assert(
      fc.asyncProperty(dockerfileArb, makefileArb, async (df, mk) => {
        await withRepo({ Dockerfile: df, Makefile: mk }, checkRepo);
      }),
      params(35),
    );
    expectExercised();
  }, 120_000);
});

describe('fuzz: parsers on arbitrary text', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join('')));
  it('parseYaml / deref / pairs, parseDockerfile and splitShell never throw anything but ParseError, and keep ranges inside the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const file = makeSourceFile('x.yml', '/x.yml', 'compose', t);
        try {
          const y = parseYaml(file);
          for (const d of y.docs) {
            const c = deref(y, d.contents);
            for (const p of pairs(y, c)) {
              const r = (p.value as { range?: number[] } | null)?.range;
              if (r) expect(r[1]!).toBeLessThanOrEqual(t.length);
            }
          }
        } catch (e) {
          expect((e as Error).constructor.name).toBe('ParseError');
        }
        const df = parseDockerfile(makeSourceFile('Dockerfile', '/Dockerfile', 'dockerfile', t));
        for (const s of df.stages) {
          for (const sp of [s.span, s.fromSpan, ...s.runs.map((r) => r.span)]) {
            expect(sp.start).toBeGreaterThanOrEqual(0);
            expect(sp.end).toBeLessThanOrEqual(t.length);
          }
        }
        for (const c of splitShell(t)) {
          for (const w of c.words) {
            expect(w.start).toBeGreaterThanOrEqual(0);
            expect(w.end).toBeLessThanOrEqual(t.length);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS ?? 400 },
    );
  });
});
