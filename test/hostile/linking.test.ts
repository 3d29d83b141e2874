/** Hostile input against the links of #18: cycles stop with a PTD900 note, nothing hangs, nothing leaves the repository. */
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function repo(files: Record<string, string>): string {
  const r = tempRepo(files);
  roots.push(r);
  return r;
}
const brief = async (root: string) => (await scan({ root })).findings.map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`);

describe('hostile repositories and the new links', () => {
  it('a cycle of Compose includes is read once and said once', async () => {
    const r = await brief(repo({ 'compose.yaml': 'include: [a.yml]\nservices:\n  x:\n    image: x\n    command: strace -p 1\n', 'a.yml': 'include: [b.yml]\nservices: {}\n', 'b.yml': 'include: [a.yml]\nservices: {}\n' }));
    expect(r.filter((x) => x.startsWith('PTD900'))).toEqual(['PTD900 b.yml:1']);
    expect(r).toContain('PTD001 compose.yaml:3');
  });

  it('a script that is too large or a link out of the repository is not followed', async () => {
    const root = repo({ Dockerfile: 'FROM debian\nCOPY . /s/\nCMD ["/s/big.sh"]\n', 'other/Dockerfile': 'FROM debian\nCOPY . /s/\nCMD ["/s/out.sh"]\n' });
    writeFileSync(join(root, 'big.sh'), '#!/bin/sh\n' + '# padding\n'.repeat(120_000) + 'strace -p 1\n');
    const outside = repo({ 'x.sh': '#!/bin/sh\nstrace -p 1\n' });
    symlinkSync(join(outside, 'x.sh'), join(root, 'other', 'out.sh'));
    const r = await scan({ root });
    expect(r.findings.filter((f) => f.ruleId !== 'PTD900')).toEqual([]);
    expect(r.files.some((f) => f.path.endsWith('out.sh') || f.path === 'big.sh')).toBe(false);
  });

  it('a malformed .air.toml is a PTD900 note, not a crash', async () => {
    const r = await brief(repo({ 'compose.yaml': 'services:\n  api:\n    image: golang:1.22\n    working_dir: /app\n    volumes: [".:/app"]\n    command: air\n', '.air.toml': '[build\nfull_bin = "dlv exec ./x"\n' }));
    expect(r.some((x) => x.startsWith('PTD900 .air.toml'))).toBe(true);
  });

  it('deep nesting and a megabyte of README code blocks and Tiltfile calls stay bounded', async () => {
    const readme = '```sh\ndocker build -t a/b -f Dockerfile.debug .\n```\n'.repeat(20_000);
    const tilt = 'docker_build(' + '['.repeat(5000) + ']'.repeat(5000) + ')\n' + "docker_build('a/b', '.', dockerfile='Dockerfile.debug')\n".repeat(10_000);
    const r = await scan({ root: repo({ 'README.md': readme.slice(0, 1_000_000), Tiltfile: tilt.slice(0, 1_000_000), 'Dockerfile.debug': 'FROM golang:1.22\nCMD ["dlv", "debug"]\n' }) });
    expect(r.findings.filter((f) => f.ruleId !== 'PTD900').map((f) => f.ruleId)).toEqual([]);
  });

  it('a kustomization that includes itself through a base is bounded', async () => {
    const r = await brief(repo({
      'Dockerfile.debug': 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n',
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/api\n      docker: {dockerfile: Dockerfile.debug}\nmanifests:\n  kustomize:\n    paths: [k/a]\n',
      'k/a/kustomization.yaml': 'resources: [../b, pod.yaml]\n',
      'k/b/kustomization.yaml': 'resources: [../a]\n',
      'k/a/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: api\n      image: acme/api\n',
    }));
    expect(r).toEqual(['PTD001 k/a/pod.yaml:6']);
  });
});
