import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../src/discover/index.js';
import { Project } from '../../src/model/project.js';
import { scan } from '../../src/engine.js';
import { applyEdits } from '../../src/fix/text.js';
import { validate } from '../../src/fix/validate.js';
import { DEFAULT_REASON, configuredScanners, scannerSuppressions, type ScannerSuppressions } from '../../src/fix/scanners.js';
import { copyFixture, tempRepo } from '../helpers/repo.js';
import type { FileKind } from '../../src/types.js';

const R = DEFAULT_REASON;

function projectAt(root: string): Project {
  return new Project(new Workspace(root), [], []);
}

/** Offset of the nth SYS_PTRACE list item (not the word in a reason). */
function grantAt(text: string, nth: number): number {
  const items = [...text.matchAll(/(?:-\s+|\[\s*|,\s*)"?SYS_PTRACE/g)].map((m) => m.index + m[0].lastIndexOf('SYS_PTRACE'));
  return items[nth] ?? -1;
}

interface Run {
  root: string;
  r: ScannerSuppressions | undefined;
  /** The grant file with the same-file edits applied. */
  text: string;
  /** Other files' new texts by path. */
  others: Map<string, string>;
}

/** Suppressions for the grant (the `nth` SYS_PTRACE of the file, 0-based) in a repository of these files. */
function run(files: Record<string, string>, path: string, kind: FileKind, opts: { root?: string; nth?: number; reason?: string } = {}): Run {
  const root = opts.root ?? tempRepo(files);
  const project = projectAt(root);
  const file = project.file(path, kind)!;
  const at = grantAt(file.text, opts.nth ?? 0);
  const r = scannerSuppressions(project, file, file.text, at, kind, opts.reason ?? R);
  const text = r ? applyEdits(file.text, r.sameFile) : file.text;
  const others = new Map((r?.otherFiles ?? []).map((o) => [o.file.path, o.text]));
  if (r) {
    expect(validate(kind, text)).toBeUndefined();
    for (const [p, t] of others) if (/\.ya?ml$/.test(p)) expect(validate('compose', t)).toBeUndefined();
  }
  return { root, r, text, others };
}

/** Write what a run produced and run again on the result: nothing more may be added. */
function again(first: Run, path: string, kind: FileKind, nth = 0): Run {
  writeFileSync(join(first.root, path), first.text);
  for (const [p, t] of first.others) writeFileSync(join(first.root, p), t);
  const second = run({}, path, kind, { root: first.root, nth });
  expect(second.r?.sameFile).toEqual([]);
  expect(second.r?.otherFiles).toEqual([]);
  expect(second.text).toBe(first.text);
  return second;
}

describe('configuredScanners', () => {
  it('finds each tool by its config or ignore file, and nothing without one', () => {
    expect([...configuredScanners(projectAt(tempRepo({ 'compose.yml': 'services: {}\n' })))]).toEqual([]);
    const cases: Array<[string, string]> = [
      ['.checkov.yaml', 'checkov'], ['.checkov.yml', 'checkov'],
      ['trivy.yaml', 'trivy'], ['.trivyignore', 'trivy'], ['.trivyignore.yaml', 'trivy'],
      ['kics.config', 'kics'], ['.compose-lint.yml', 'compose-lint'],
    ];
    for (const [f, tool] of cases) expect([...configuredScanners(projectAt(tempRepo({ [f]: '# x\n' })))]).toEqual([tool]);
    // Not a name the tool reads by default.
    expect([...configuredScanners(projectAt(tempRepo({ '.compose-lint.yaml': 'rules: {}\n', 'trivy.yml': '{}\n', 'sub/kics.config': '{}' })))]).toEqual([]);
  });

  it('is computed once per project', () => {
    const root = tempRepo({ 'kics.config': '{}' });
    const p = projectAt(root);
    const first = configuredScanners(p);
    writeFileSync(join(root, '.checkov.yml'), 'framework: kubernetes\n');
    expect(configuredScanners(p)).toBe(first);
    expect([...first]).toEqual(['kics']);
    expect([...configuredScanners(projectAt(root))].sort()).toEqual(['checkov', 'kics']);
  });
});

describe('Compose: KICS and compose-lint', () => {
  const compose = 'services:\n  dbg:\n    image: x\n    cap_add:\n      - SYS_PTRACE\n  db:\n    image: postgres\n';

  it('adds `# kics-scan ignore-line` above cap_add and excludes the service from CL-0027', () => {
    const cl = '# compose-lint settings\nrules:\n  CL-0005:\n    enabled: false  # ports are bound by the proxy\n    reason: proxy\n';
    const a = run({ 'docker-compose.yml': compose, 'kics.config': '{}', '.compose-lint.yml': cl }, 'docker-compose.yml', 'compose');
    expect(a.r!.scanners).toEqual(['kics', 'compose-lint']);
    expect(a.text).toBe(`services:\n  dbg:\n    image: x\n    # kics-scan ignore-line ${R}\n    cap_add:\n      - SYS_PTRACE\n  db:\n    image: postgres\n`);
    expect(a.others.get('.compose-lint.yml')).toBe(
      // The file's own lines stay as they are (the YAML library would write one space before the comment).
      `# compose-lint settings\nrules:\n  CL-0005:\n    enabled: false  # ports are bound by the proxy\n    reason: proxy\n  CL-0027:\n    exclude_services:\n      dbg: ${R}\n`,
    );
    again(a, 'docker-compose.yml', 'compose');
  });

  it('nothing when neither tool is configured, or only tools that do not scan Compose', () => {
    for (const files of [{}, { '.checkov.yaml': '{}\n', 'trivy.yaml': '{}\n', '.trivyignore': '' }] as Array<Record<string, string>>) {
      const a = run({ 'compose.yml': compose, ...files }, 'compose.yml', 'compose');
      expect(a.r).toEqual({ sameFile: [], otherFiles: [], reason: R, scanners: [] });
    }
  });

  it('compose-lint is never configured by ptrace-doctor: without .compose-lint.yml, only KICS', () => {
    const a = run({ 'compose.yml': compose, 'kics.config': '{}' }, 'compose.yml', 'compose');
    expect(a.r!.scanners).toEqual(['kics']);
    expect(a.r!.otherFiles).toEqual([]);
  });

  it('flow style and CRLF: the comment goes above the cap_add line with the file\'s line ends', () => {
    const text = 'services:\r\n    dbg:\r\n        image: x\r\n        cap_add: [NET_ADMIN, SYS_PTRACE]\r\n';
    const a = run({ 'compose.yaml': text, 'kics.config': '{}' }, 'compose.yaml', 'compose');
    expect(a.text).toBe(`services:\r\n    dbg:\r\n        image: x\r\n        # kics-scan ignore-line ${R}\r\n        cap_add: [NET_ADMIN, SYS_PTRACE]\r\n`);
    again(a, 'compose.yaml', 'compose');
  });

  it('puts the KICS command first in the comment block above the key (KICS reads the first ignore-line word there)', () => {
    const text = 'services:\n  dbg:\n    image: x\n    # delve needs it\n    cap_add:\n    - SYS_PTRACE\n';
    const a = run({ 'compose.yml': text, 'kics.config': '{}' }, 'compose.yml', 'compose');
    expect(a.text).toBe(`services:\n  dbg:\n    image: x\n    # kics-scan ignore-line ${R}\n    # delve needs it\n    cap_add:\n    - SYS_PTRACE\n`);
    again(a, 'compose.yml', 'compose');
  });

  it('the whole comment block above the key counts, whatever its indentation', () => {
    const text = 'services:\n  dbg:\n    image: x\n  # section: debugging\n    # delve\n    cap_add: [SYS_PTRACE]\n';
    const a = run({ 'compose.yml': text, 'kics.config': '{}' }, 'compose.yml', 'compose');
    expect(a.text).toBe(`services:\n  dbg:\n    image: x\n    # kics-scan ignore-line ${R}\n  # section: debugging\n    # delve\n    cap_add: [SYS_PTRACE]\n`);
    again(a, 'compose.yml', 'compose');
    // A blank line ends the block: a comment above it is not the key's.
    const apart = 'services:\n  dbg:\n    # kics-scan ignore-line\n\n    cap_add: [SYS_PTRACE]\n';
    expect(run({ 'compose.yml': apart, 'kics.config': '{}' }, 'compose.yml', 'compose').text).toBe(`services:\n  dbg:\n    # kics-scan ignore-line\n\n    # kics-scan ignore-line ${R}\n    cap_add: [SYS_PTRACE]\n`);
  });

  it('keeps an existing KICS command, and a file KICS ignores whole', () => {
    const own = 'services:\n  dbg:\n    image: x\n    # reviewed\n    # kics-scan ignore-line\n    cap_add: [SYS_PTRACE]\n';
    expect(run({ 'compose.yml': own, 'kics.config': '{}' }, 'compose.yml', 'compose').r!.sameFile).toEqual([]);
    const named = 'services:\n  dbg:\n    # kics-scan ignore-line=ce76b7d0-9e77-464d-b86f-c5c48e03e22d\n    cap_add: [SYS_PTRACE]\n';
    expect(run({ 'compose.yml': named, 'kics.config': '{}' }, 'compose.yml', 'compose').r!.sameFile).toEqual([]);
    // A command for another query does not cover this one.
    const other = 'services:\n  dbg:\n    # kics-scan ignore-line=0afa6ab8-a047-48cf-be07-93a2f8c34cf7\n    cap_add: [SYS_PTRACE]\n';
    expect(run({ 'compose.yml': other, 'kics.config': '{}' }, 'compose.yml', 'compose').text).toContain(`    # kics-scan ignore-line ${R}\n    # kics-scan ignore-line=0afa6ab8`);
    const whole = '# kics-scan ignore\nservices:\n  dbg:\n    cap_add: [SYS_PTRACE]\n';
    expect(run({ 'compose.yml': whole, 'kics.config': '{}' }, 'compose.yml', 'compose').r!.sameFile).toEqual([]);
    const disabled = `# kics-scan disable=${'ce76b7d0-9e77-464d-b86f-c5c48e03e22d'}\nservices:\n  dbg:\n    cap_add: [SYS_PTRACE]\n`;
    expect(run({ 'compose.yml': disabled, 'kics.config': '{}' }, 'compose.yml', 'compose').r!.sameFile).toEqual([]);
  });

  it('extends .compose-lint.yml: an existing exclude_services map, a list, a rule turned off, a service already excluded', () => {
    const files = (cl: string): Record<string, string> => ({ 'compose.yml': compose, '.compose-lint.yml': cl });
    const map = run(files('rules:\n    CL-0027:\n        exclude_services:\n            sidecar: "traces the app"   # ticket 12\n'), 'compose.yml', 'compose');
    expect(map.others.get('.compose-lint.yml')).toBe(`rules:\n    CL-0027:\n        exclude_services:\n            sidecar: "traces the app"   # ticket 12\n            dbg: ${R}\n`);
    again(map, 'compose.yml', 'compose');

    const list = run(files('rules:\n  CL-0027:\n    exclude_services:\n      - sidecar\n'), 'compose.yml', 'compose');
    expect(list.others.get('.compose-lint.yml')).toBe(`rules:\n  CL-0027:\n    exclude_services:\n      - sidecar\n      - dbg # ${R}\n`);
    again(list, 'compose.yml', 'compose');

    expect(run(files('rules:\n  CL-0027:\n    enabled: false\n    reason: dev only\n'), 'compose.yml', 'compose').r!.otherFiles).toEqual([]);
    expect(run(files('rules:\n  CL-0027:\n    exclude_services: {dbg: "debugger"}\n'), 'compose.yml', 'compose').r!.otherFiles).toEqual([]);
  });

  it('creates the settings in an empty or comment-only .compose-lint.yml, keeping its CRLF', () => {
    const empty = run({ 'compose.yml': compose, '.compose-lint.yml': '' }, 'compose.yml', 'compose');
    expect(empty.others.get('.compose-lint.yml')).toBe(`rules:\n  CL-0027:\n    exclude_services:\n      dbg: ${R}\n`);
    const commented = run({ 'compose.yml': compose, '.compose-lint.yml': '# see docs\r\n' }, 'compose.yml', 'compose');
    expect(commented.others.get('.compose-lint.yml')).toBe(`# see docs\r\n\r\nrules:\r\n  CL-0027:\r\n    exclude_services:\r\n      dbg: ${R}\r\n`);
    again(commented, 'compose.yml', 'compose');
  });

  it('leaves a .compose-lint.yml it cannot edit safely alone (other tools still get theirs)', () => {
    for (const cl of ['rules: [CL-0027]\n', 'rules:\n  CL-0027: off\n', 'a: 1\n---\nb: 2\n', 'rules: {\n']) {
      const a = run({ 'compose.yml': compose, 'kics.config': '{}', '.compose-lint.yml': cl }, 'compose.yml', 'compose');
      expect(a.r!.scanners).toEqual(['kics']);
    }
  });

  it('a cap_add in an anchor: the services that merge it are excluded, not one with its own cap_add', () => {
    const text = 'x-debug: &debug\n  cap_add:\n    - SYS_PTRACE\nservices:\n  a:\n    <<: *debug\n    image: x\n  b:\n    image: y\n    <<: [*debug]\n  c:\n    <<: *debug\n    cap_add: [NET_ADMIN]\n  d:\n    image: z\n';
    const a = run({ 'compose.yml': text, '.compose-lint.yml': 'rules: {}\n', 'kics.config': '{}' }, 'compose.yml', 'compose');
    expect(a.others.get('.compose-lint.yml')).toBe(`rules:\n  CL-0027:\n    exclude_services:\n      a: ${R}\n      b: ${R}\n`);
    expect(a.text.startsWith(`x-debug: &debug\n  # kics-scan ignore-line ${R}\n  cap_add:\n`)).toBe(true);
    again(a, 'compose.yml', 'compose');
  });

  it('a reason on several lines, or with `=`, is written on one line', () => {
    const a = run({ 'compose.yml': compose, 'kics.config': '{}', '.compose-lint.yml': 'rules:\n' }, 'compose.yml', 'compose', { reason: 'debug\n  only = yes ' });
    expect(a.r!.reason).toBe('debug only = yes');
    expect(a.text).toContain('    # kics-scan ignore-line debug only = yes\n    cap_add:\n');
    expect(a.others.get('.compose-lint.yml')).toBe('rules:\n  CL-0027:\n    exclude_services:\n      dbg: debug only = yes\n');
  });
});

describe('Kubernetes: checkov, trivy and KICS', () => {
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api-debug',
    '  labels:',
    '    app: api-debug',
    'spec:',
    '  template:',
    '    metadata:',
    '      labels: {app: api-debug}',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: api:debug',
    '          securityContext:',
    '            capabilities:',
    '              add:',
    '                - SYS_PTRACE',
    '',
  ].join('\n');
  const all = { '.checkov.yaml': 'framework: [kubernetes]\n', '.trivyignore': '# accepted\nAVD-DS-0002', 'kics.config': 'exclude-paths: []\n' };

  it('annotates the resource\'s own metadata, comments the add: line, and appends to .trivyignore', () => {
    const a = run({ 'k8s/debug.yaml': deployment, ...all }, 'k8s/debug.yaml', 'kubernetes');
    expect(a.r!.scanners).toEqual(['checkov', 'trivy', 'kics']);
    expect(a.text).toBe(deployment
      .replace('    app: api-debug\n', `    app: api-debug\n  annotations:\n    checkov.io/skip1: "CKV_K8S_25=${R}"\n`)
      .replace('              add:', `              # kics-scan ignore-line ${R}\n              add:`));
    expect(a.others.get('.trivyignore')).toBe(`# accepted\nAVD-DS-0002\n\n# ${R} (k8s/debug.yaml; trivy applies a line of this file to every file)\nKSV-0022\nAVD-KSV-0022\n`);
    again(a, 'k8s/debug.yaml', 'kubernetes');
  });

  it('adds to existing annotations with the next free checkov.io/skipN', () => {
    const text = deployment.replace('  labels:\n    app: api-debug\n', '  annotations:\n    checkov.io/skip1: CKV_K8S_20=debug image runs as root\n    checkov.io/skip3: "CKV_K8S_8"\n    team: tools  # owner\n');
    const a = run({ 'd.yaml': text, '.checkov.yml': '' }, 'd.yaml', 'kubernetes');
    expect(a.text).toBe(text.replace('    team: tools  # owner\n', `    team: tools  # owner\n    checkov.io/skip4: "CKV_K8S_25=${R}"\n`));
    again(a, 'd.yaml', 'kubernetes');
  });

  it('an existing skip of CKV_K8S_25 (any skip prefix, with or without a reason) is kept as it is', () => {
    for (const ann of ['bridgecrew.io/skip2: CKV_K8S_25', 'checkov.io/skip1: "CKV_K8S_25=debugging"', 'my.checkov.io/skip: CKV_K8S_25 = reviewed']) {
      const text = deployment.replace('  labels:\n    app: api-debug\n', `  annotations:\n    ${ann}\n`);
      expect(run({ 'd.yaml': text, '.checkov.yml': '' }, 'd.yaml', 'kubernetes').r!.sameFile).toEqual([]);
    }
  });

  it('flow styles: metadata, annotations and capabilities written as flow maps', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: dbg, labels: {app: dbg}}\nspec:\n  containers:\n  - name: dbg\n    image: x\n    securityContext: {capabilities: {add: [SYS_PTRACE]}}\n';
    const a = run({ 'pod.yml': pod, ...all }, 'pod.yml', 'kubernetes');
    expect(a.text).toBe(`apiVersion: v1\nkind: Pod\nmetadata: {name: dbg, labels: {app: dbg}, annotations: {checkov.io/skip1: "CKV_K8S_25=${R}"}}\nspec:\n  containers:\n  - name: dbg\n    image: x\n    # kics-scan ignore-line ${R}\n    securityContext: {capabilities: {add: [SYS_PTRACE]}}\n`);
    again(a, 'pod.yml', 'kubernetes');

    const withAnn = pod.replace('labels: {app: dbg}}', 'annotations: {a: b}}');
    const b = run({ 'pod.yml': withAnn, '.checkov.yaml': '' }, 'pod.yml', 'kubernetes');
    expect(b.text).toContain(`metadata: {name: dbg, annotations: {a: b, checkov.io/skip1: "CKV_K8S_25=${R}"}}\n`);
    again(b, 'pod.yml', 'kubernetes');
  });

  it('an empty `annotations:` gets the entry under it', () => {
    const text = deployment.replace('  labels:\n    app: api-debug\n', '  annotations:\n');
    const a = run({ 'd.yaml': text, '.checkov.yml': '' }, 'd.yaml', 'kubernetes');
    expect(a.text).toContain(`metadata:\n  name: api-debug\n  annotations:\n    checkov.io/skip1: "CKV_K8S_25=${R}"\nspec:\n`);
    again(a, 'd.yaml', 'kubernetes');
  });

  it('CRLF and four-space indentation are kept', () => {
    const text = 'apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n    name: dbg\r\nspec:\r\n    jobTemplate:\r\n        spec:\r\n            template:\r\n                spec:\r\n                    containers:\r\n                    -   name: dbg\r\n                        securityContext:\r\n                            capabilities:\r\n                                add: [SYS_PTRACE]\r\n';
    const a = run({ 'cron.yaml': text, ...all }, 'cron.yaml', 'kubernetes');
    expect(a.text).toBe(text
      .replace('    name: dbg\r\n', `    name: dbg\r\n    annotations:\r\n        checkov.io/skip1: "CKV_K8S_25=${R}"\r\n`)
      .replace('                                add:', `                                # kics-scan ignore-line ${R}\r\n                                add:`));
    again(a, 'cron.yaml', 'kubernetes');
  });

  it('a grant in the second document of a file: that resource is annotated; two grants each get their comment', () => {
    const two = `${deployment}---\n${deployment.replace('api-debug', 'worker-debug')}`;
    const a = run({ 'm.yaml': two, '.checkov.yaml': '', 'kics.config': '{}' }, 'm.yaml', 'kubernetes', { nth: 1 });
    const [first, second] = a.text.split('---\n');
    expect(first).toBe(deployment);
    expect(second).toContain(`  name: worker-debug\n  labels:\n    app: api-debug\n  annotations:\n    checkov.io/skip1:`);
    expect(second).toContain(`# kics-scan ignore-line ${R}\n              add:`);
    const b = again(a, 'm.yaml', 'kubernetes', 1);
    // The first document's grant is suppressed on its own call.
    writeFileSync(join(b.root, 'm.yaml'), b.text);
    const c = run({}, 'm.yaml', 'kubernetes', { root: b.root, nth: 0 });
    expect(c.text.split('---\n')[0]).toContain('checkov.io/skip1');
    expect(c.text.split('---\n')[1]).toBe(second);
  });

  it('an ephemeral container (no tool checks those), or a file of another kind: nothing', () => {
    const eph = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  ephemeralContainers:\n  - name: dbg\n    securityContext:\n      capabilities:\n        add: [SYS_PTRACE]\n';
    expect(run({ 'p.yaml': eph, ...all }, 'p.yaml', 'kubernetes').r!.scanners).toEqual([]);
    const dc = '{\n  "image": "go",\n  "capAdd": ["SYS_PTRACE"]\n}\n';
    expect(run({ '.devcontainer/devcontainer.json': dc, ...all, '.compose-lint.yml': '' }, '.devcontainer/devcontainer.json', 'devcontainer').r).toEqual({ sameFile: [], otherFiles: [], reason: R, scanners: [] });
  });

  it('undefined when the offset is not a cap_add / capabilities.add item', () => {
    const root = tempRepo({ 'd.yaml': deployment, ...all });
    const p = projectAt(root);
    const f = p.file('d.yaml', 'kubernetes')!;
    expect(scannerSuppressions(p, f, f.text, f.text.indexOf('api:debug'), 'kubernetes', R)).toBeUndefined();
    expect(scannerSuppressions(p, f, 'kind: [\n', 0, 'kubernetes', R)).toBeUndefined();
  });
});

describe('several grants in one fix', () => {
  it('one call for all of them: each grant its KICS comment, the resource one annotation, the tools\' files one edit', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dbg\nspec:\n  containers:\n  - name: a\n    securityContext:\n      capabilities:\n        add: [SYS_PTRACE]\n  - name: b\n    securityContext:\n      capabilities:\n        add: [SYS_PTRACE]\n';
    const root = tempRepo({ 'p.yaml': text, '.checkov.yml': '', '.trivyignore': '', 'kics.config': '{}' });
    const project = projectAt(root);
    const f = project.file('p.yaml', 'kubernetes')!;
    const r = scannerSuppressions(project, f, text, [grantAt(text, 1), grantAt(text, 0)], 'kubernetes', R)!;
    expect(r.scanners).toEqual(['checkov', 'trivy', 'kics']);
    const out = applyEdits(text, r.sameFile);
    expect(out).toBe(text
      .replace('  name: dbg\n', `  name: dbg\n  annotations:\n    checkov.io/skip1: "CKV_K8S_25=${R}"\n`)
      .replaceAll('        add:', `        # kics-scan ignore-line ${R}\n        add:`));
    expect(validate('kubernetes', out)).toBeUndefined();
    expect(r.otherFiles.map((o) => o.file.path)).toEqual(['.trivyignore']);
    expect(r.otherFiles[0]!.text.match(/^KSV-0022$/gm)).toHaveLength(1);
  });

  it('Compose: both services excluded in one edit of .compose-lint.yml', () => {
    const text = 'services:\n  a:\n    cap_add: [SYS_PTRACE]\n  b:\n    cap_add:\n      - SYS_PTRACE\n';
    const root = tempRepo({ 'compose.yml': text, '.compose-lint.yml': 'rules:\n  CL-0027:\n    exclude_services:\n      c: other\n' });
    const project = projectAt(root);
    const f = project.file('compose.yml', 'compose')!;
    const r = scannerSuppressions(project, f, text, [grantAt(text, 0), grantAt(text, 1)], 'compose', R)!;
    expect(r.sameFile).toEqual([]);
    expect(r.otherFiles).toHaveLength(1);
    expect(r.otherFiles[0]!.text).toBe(`rules:\n  CL-0027:\n    exclude_services:\n      c: other\n      a: ${R}\n      b: ${R}\n`);
  });
});

describe('trivy ignore files', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dbg\nspec:\n  containers:\n  - name: dbg\n    securityContext:\n      capabilities:\n        add:\n        - SYS_PTRACE\n';

  it('an ID already in .trivyignore (any of its forms) is not added again', () => {
    for (const line of ['KSV022', 'AVD-KSV-0022 exp:2030-01-01', '  KSV-0022', 'no-non-default-capabilities']) {
      expect(run({ 'p.yaml': pod, '.trivyignore': `CVE-2020-1\r\n${line}\r\n` }, 'p.yaml', 'kubernetes').r!.otherFiles).toEqual([]);
    }
    // A comment that names it is not an ignore.
    const c = run({ 'p.yaml': pod, '.trivyignore': '# KSV022 was here\r\n' }, 'p.yaml', 'kubernetes');
    expect(c.others.get('.trivyignore')).toBe(`# KSV022 was here\r\n\r\n# ${R} (p.yaml; trivy applies a line of this file to every file)\r\nKSV-0022\r\nAVD-KSV-0022\r\n`);
  });

  it('trivy.yaml alone: no ignore file is created, so trivy gets no suppression', () => {
    const a = run({ 'p.yaml': pod, 'trivy.yaml': 'severity: [HIGH, CRITICAL]\n' }, 'p.yaml', 'kubernetes');
    expect(a.r!.otherFiles).toEqual([]);
    expect(a.r!.scanners).toEqual([]);
    // Nor one that trivy.yaml names but that is not there.
    const b = run({ 'p.yaml': pod, 'trivy.yaml': 'ignorefile: .trivyignore.yaml\n', '.trivyignore': 'CVE-1\n' }, 'p.yaml', 'kubernetes');
    expect(b.r!.otherFiles).toEqual([]);
  });

  it('a path with glob characters is written escaped in a YAML ignore file (trivy matches `paths` as doublestar patterns)', () => {
    const a = run({ 'k8s/[debug].yaml': pod, '.trivyignore.yaml': 'misconfigurations: []\n' }, 'k8s/[debug].yaml', 'kubernetes');
    expect(a.others.get('.trivyignore.yaml')).toBe(`misconfigurations:\n  - id: KSV-0022\n    paths:\n      - k8s/\\[debug\\].yaml\n    statement: ${R}\n  - id: AVD-KSV-0022\n    paths:\n      - k8s/\\[debug\\].yaml\n    statement: ${R}\n`);
    again(a, 'k8s/[debug].yaml', 'kubernetes');
  });

  it('a YAML ignore file\'s own lines are kept as written; only the new entries are the YAML library\'s', () => {
    const ig = "misconfigurations:\n  - id: 'AVD-DS-0002'   # root image\n    statement:   reviewed\n";
    const a = run({ 'p.yaml': pod, '.trivyignore.yaml': ig }, 'p.yaml', 'kubernetes');
    expect(a.others.get('.trivyignore.yaml')).toBe(`${ig}  - id: KSV-0022\n    paths:\n      - p.yaml\n    statement: ${R}\n  - id: AVD-KSV-0022\n    paths:\n      - p.yaml\n    statement: ${R}\n`);
  });

  it('the ignore file trivy.yaml names; a YAML one gets entries limited to the file, comments kept', () => {
    const ig = '# reviewed findings\nmisconfigurations:\n  - id: AVD-DS-0002\n    statement: base image runs as root # DEV-1\n';
    const a = run({ 'k/p.yaml': pod, 'trivy.yaml': 'ignorefile: ./.config/trivyignore.yaml\n', '.config/trivyignore.yaml': ig }, 'k/p.yaml', 'kubernetes');
    expect(a.others.get('.config/trivyignore.yaml')).toBe(
      `${ig}  - id: KSV-0022\n    paths:\n      - k/p.yaml\n    statement: ${R}\n  - id: AVD-KSV-0022\n    paths:\n      - k/p.yaml\n    statement: ${R}\n`,
    );
    again(a, 'k/p.yaml', 'kubernetes');
    // Another file's grant is another entry; an entry without paths covers every file.
    const other = run({ 'q.yaml': pod, '.trivyignore.yaml': 'misconfigurations:\n- id: KSV-0022\n  paths: [k/p.yaml]\n' }, 'q.yaml', 'kubernetes');
    expect(other.others.get('.trivyignore.yaml')).toBe(`misconfigurations:\n- id: KSV-0022\n  paths: [k/p.yaml]\n- id: KSV-0022\n  paths:\n  - q.yaml\n  statement: ${R}\n- id: AVD-KSV-0022\n  paths:\n  - q.yaml\n  statement: ${R}\n`);
    expect(run({ 'q.yaml': pod, '.trivyignore.yaml': 'misconfigurations:\n- id: KSV022\n' }, 'q.yaml', 'kubernetes').r!.otherFiles).toEqual([]);
  });

  it('an ignore file outside the repository is never written', () => {
    const a = run({ 'p.yaml': pod, 'trivy.yaml': 'ignorefile: ../elsewhere/.trivyignore\n' }, 'p.yaml', 'kubernetes');
    expect(a.r!.otherFiles).toEqual([]);
    expect(a.r!.scanners).toEqual([]);
  });
});

describe('in the fix a scan offers (PTD001)', () => {
  it('Compose and Kubernetes seeds: the suppressions come with the grant, the result parses, and running again adds nothing', async () => {
    for (const [fixture, kind] of [['foundation/attach-compose', 'compose'], ['foundation/k8s', 'kubernetes']] as const) {
      const root = copyFixture(fixture);
      writeFileSync(join(root, 'kics.config'), '{}\n');
      writeFileSync(join(root, '.checkov.yaml'), 'compact: true\n');
      writeFileSync(join(root, '.compose-lint.yml'), 'rules: {}\n');
      const res = await scan({ root });
      const f = res.findings.find((x) => x.ruleId === 'PTD001' && x.fix && x.span.file.kind === kind);
      expect(f, fixture).toBeDefined();
      const file = f!.span.file;
      const text = applyEdits(file.text, f!.fix!.edits.filter((e) => e.path === file.path));
      expect(validate(kind, text)).toBeUndefined();
      expect(text).toContain(`# kics-scan ignore-line ${R}`);
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes('kics-scan'));
      expect(lines[at + 1]).toMatch(kind === 'compose' ? /^\s*cap_add:/ : /^\s*add:/);
      if (kind === 'kubernetes') expect(text).toContain('checkov.io/skip1: "CKV_K8S_25=');
      else expect(f!.fix!.edits.some((e) => e.path === '.compose-lint.yml' && e.text.includes('CL-0027'))).toBe(true);
      // On the fixed files the suppressions are all there already.
      for (const p of new Set(f!.fix!.edits.map((e) => e.path))) {
        const before = f!.fix!.files!.find((x) => x.path === p)!.text;
        writeFileSync(join(root, p), applyEdits(before, f!.fix!.edits.filter((e) => e.path === p)));
      }
      const project = projectAt(root);
      const r = scannerSuppressions(project, file, text, grantAt(text, 0), kind, R)!;
      expect(r.sameFile, fixture).toEqual([]);
      expect(r.scanners, fixture).toEqual([]);
    }
  });
});
