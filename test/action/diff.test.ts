import { describe, expect, it } from 'vitest';
import { DiffIndex, alignFile, parsePatch } from '../../src/github/diff.js';

const patch = ['@@ -1,4 +1,5 @@', ' services:', '   api:', '+    image: x', '     build: .', '-    privileged: true', '+    command: dlv attach 1', '@@ -20,2 +21,2 @@ services:', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file'].join('\n');

describe('parsePatch', () => {
  it('lists new-side lines, ignores "No newline" markers and records deletions', () => {
    const hunks = parsePatch(patch);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]!.lines.map((l) => [l.line, l.added])).toEqual([[1, false], [2, false], [3, true], [4, false], [5, true]]);
    expect(hunks[0]!.nearDeletion).toEqual([4, 5]);
    expect(hunks[1]!.lines.map((l) => [l.line, l.text])).toEqual([[21, 'a'], [22, 'c']]);
  });
});

describe('alignFile', () => {
  const head = 'services:\n  api:\n    image: x\n    build: .\n    command: dlv attach 1\n';
  it('maps lines one to one when the scanned text is the head text', () => {
    const a = alignFile({ path: 'c.yml', status: 'modified', patch: patch.split('\n').slice(0, 7).join('\n') }, head);
    expect([...a.commentable.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(a.commentable.get(5)).toEqual({ headLine: 5, hunk: 0 });
    expect([...a.changed].sort()).toEqual([3, 4, 5]);
    expect(a.wholeFileChanged).toBe(false);
  });
  it('finds a hunk moved by the merge commit and maps scanned lines back to head lines', () => {
    const merged = '# added on the base branch\n# another line\n' + head;
    const a = alignFile({ path: 'c.yml', status: 'modified', patch: patch.split('\n').slice(0, 7).join('\n') }, merged);
    expect(a.commentable.get(7)).toEqual({ headLine: 5, hunk: 0 });
    expect(a.commentable.has(1)).toBe(false);
    expect(a.changed.has(5)).toBe(true); // head line 3
  });
  it('a hunk that is not in the scanned text is not commentable; the file counts as changed', () => {
    const a = alignFile({ path: 'c.yml', status: 'modified', patch: patch.split('\n').slice(0, 7).join('\n') }, 'something else\n');
    expect(a.commentable.size).toBe(0);
    expect(a.wholeFileChanged).toBe(true);
  });
  it('a file without a patch (binary, too large) has no commentable line', () => {
    const idx = new DiffIndex([{ path: 'big.yml', status: 'modified' }, { path: 'gone.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' }], () => 'x\n');
    expect(idx.commentable('big.yml', 1)).toBeUndefined();
    expect(idx.isChanged('big.yml', 1)).toBe(true);
    expect(idx.has('gone.yml')).toBe(false);
    expect(idx.isChanged('other.yml', 1)).toBe(false);
  });
  it('handles CRLF files', () => {
    const a = alignFile({ path: 'd', status: 'added', patch: '@@ -0,0 +1,2 @@\n+FROM x\r\n+RUN y\r' }, 'FROM x\r\nRUN y\r\n');
    expect([...a.commentable.keys()]).toEqual([1, 2]);
  });
});
