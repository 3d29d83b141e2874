import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/repo.js';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

describe('dist/', () => {
  it('is the build of src/ (rebuild with `npm run bundle` and commit it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'ptd-dist-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
    const built = files(join(out, 'dist'));
    expect(built.length).toBeGreaterThan(0);
    expect(files(join(ROOT, 'dist'))).toEqual(built);
    for (const f of built) {
      const same = readFileSync(join(out, 'dist', f)).equals(readFileSync(join(ROOT, 'dist', f)));
      expect(same, `dist/${f} is stale: run npm run bundle`).toBe(true);
    }
  }, 240_000);
});
