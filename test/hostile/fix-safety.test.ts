/**
 * --fix safety on a real filesystem (issue 8): atomic writes that keep the
 * mode; never writing a file that failed to parse, changed during the run, is
 * a symbolic link or is not valid UTF-8; the CLI says what it did not write
 * and still counts those findings. I/O errors are in fix-io-errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../src/fix/apply.js';
import { main } from '../../src/cli/main.js';
import { tempRepo } from '../helpers/repo.js';

const DEBUG = 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n';
const FIXED = DEBUG + '    cap_add:\n      - SYS_PTRACE\n';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((n) => n.includes('.ptrace-doctor-'));
}

describe('--fix writes atomically and keeps the mode', () => {
  it('replaces the file by rename (new inode), keeps 0640 / 0755 / setgid bits, leaves no temp file', async () => {
    const root = tempRepo({ 'a/docker-compose.yml': DEBUG, 'b/docker-compose.yml': DEBUG, 'c/docker-compose.yml': DEBUG });
    const modes = { 'a/docker-compose.yml': 0o640, 'b/docker-compose.yml': 0o755, 'c/docker-compose.yml': 0o2644 };
    const inodes: Record<string, number> = {};
    for (const [p, m] of Object.entries(modes)) {
      chmodSync(join(root, p), m);
      inodes[p] = statSync(join(root, p)).ino;
    }
    const r = await cli([root, '--fix', '--no-color'], root);
    expect(r.code).toBe(0);
    for (const [p, m] of Object.entries(modes)) {
      const st = statSync(join(root, p));
      expect(readFileSync(join(root, p), 'utf8')).toBe(FIXED);
      expect(st.mode & 0o7777, p).toBe(m);
      expect(st.ino, `${p} was replaced by rename, not rewritten in place`).not.toBe(inodes[p]);
    }
    expect(leftovers(root)).toEqual([]);
  });

  it('keeps a BOM and CRLF line ends', async () => {
    const root = tempRepo({});
    writeFileSync(join(root, 'docker-compose.yml'), '\ufeff' + DEBUG.replace(/\n/g, '\r\n'));
    await applyFixes({ root, write: true });
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toBe('\ufeff' + FIXED.replace(/\n/g, '\r\n'));
  });

  it('a hard-linked file: the name that was fixed gets the fix, the other link keeps the old bytes (rename semantics)', async () => {
    const root = tempRepo({ 'docker-compose.yml': DEBUG });
    linkSync(join(root, 'docker-compose.yml'), join(root, 'copy.txt'));
    await applyFixes({ root, write: true });
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(root, 'copy.txt'), 'utf8')).toBe(DEBUG);
  });
});

describe('--fix never writes', () => {
  it('a file that failed to parse (YAML, JSON with comments)', async () => {
    const badYaml = 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n    bad: [\n';
    const badJson = '{ "image": "golang:1.22", "runArgs": ["--privileged"], "customizations": { "vscode": { "extensions": ["golang.go"] } }\n';
    const root = tempRepo({ 'docker-compose.yml': badYaml, '.devcontainer/devcontainer.json': badJson });
    const r = await cli([root, '--fix', '--format', 'json', '--fail-on', 'note'], root);
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toBe(badYaml);
    expect(readFileSync(join(root, '.devcontainer/devcontainer.json'), 'utf8')).toBe(badJson);
    const j = JSON.parse(r.out) as { findings: { ruleId: string; location: { path: string } }[] };
    expect(j.findings.filter((f) => f.ruleId === 'PTD900').map((f) => f.location.path).sort()).toEqual(['.devcontainer/devcontainer.json', 'docker-compose.yml']);
    expect(r.code).toBe(1);
  });

  it('a file that changed between reading and writing: not written, said on stderr, its findings still count', async () => {
    const root = tempRepo({ 'docker-compose.yml': DEBUG });
    // The overlay stands for the text as it was read; the disk now holds something else.
    const out = await applyFixes({ root, write: true, overlay: new Map([['docker-compose.yml', DEBUG.replace('image: x', 'image: y')]]) });
    expect(out.skipped).toEqual([{ path: 'docker-compose.yml', reason: 'changed on disk while ptrace-doctor ran; not written' }]);
    expect(out.changed).toEqual([]);
    expect(out.fixed).toEqual([]);
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toBe(DEBUG);
    // What is left to do is what is on disk (here, the overlay's text, unfixed).
    expect(out.after.findings.map((f) => f.ruleId)).toContain('PTD001');
  });

  it('a symbolic link (to a file inside the repository): the link is left alone, the target is fixed under its own name', async () => {
    const root = tempRepo({ 'real/docker-compose.yml': DEBUG });
    symlinkSync('real/docker-compose.yml', join(root, 'docker-compose.yml'));
    const r = await cli([root, '--fix', '--no-color'], root);
    expect(lstatSync(join(root, 'docker-compose.yml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real/docker-compose.yml'), 'utf8')).toBe(FIXED);
    expect(r.err).toMatch(/docker-compose\.yml is a symbolic link; not written/);
  });

  it('a symbolic link only (its target is not a config name): not written, reported, exit code counts the finding', async () => {
    const root = tempRepo({ 'real/compose.txt': DEBUG });
    symlinkSync('real/compose.txt', join(root, 'docker-compose.yml'));
    const r = await cli([root, '--fix', '--no-color'], root);
    expect(readFileSync(join(root, 'real/compose.txt'), 'utf8')).toBe(DEBUG);
    expect(lstatSync(join(root, 'docker-compose.yml')).isSymbolicLink()).toBe(true);
    expect(r.err).toBe('ptrace-doctor: docker-compose.yml is a symbolic link; not written\n');
    // Found by this suite: the findings of a file that was not written used to vanish (exit 0, "Nothing to fix").
    expect(r.out).toContain('PTD001');
    expect(r.code).toBe(1);
  });

  it('a file that is not valid UTF-8: writing back would change bytes outside the fix', async () => {
    // Found by this suite: \xe9 (Latin-1) was decoded to U+FFFD and written back as EF BF BD.
    const root = tempRepo({});
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + DEBUG)]);
    writeFileSync(join(root, 'docker-compose.yml'), bytes);
    const r = await cli([root, '--fix', '--no-color'], root);
    expect(readFileSync(join(root, 'docker-compose.yml')).equals(bytes)).toBe(true);
    expect(r.err).toMatch(/docker-compose\.yml is not valid UTF-8; not written/);
    expect(r.code).toBe(1);
  });

  it('a file outside the root through a symlinked directory', async () => {
    const outside = tempRepo({ 'docker-compose.yml': DEBUG });
    const root = tempRepo({ 'docker-compose.yml': 'services:\n  a:\n    extends:\n      file: out/docker-compose.yml\n      service: dbg\n' });
    symlinkSync(outside, join(root, 'out'));
    await cli([root, '--fix'], root);
    expect(readFileSync(join(outside, 'docker-compose.yml'), 'utf8')).toBe(DEBUG);
  });
});
